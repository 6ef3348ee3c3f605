"""The outbox row: one message the bot sends on its own (see dialogs/common/outbox.py)."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    literal_column,
)
from sqlalchemy.orm import Mapped, mapped_column

from storage.models.base import Base, UTCDateTime, utcnow


class Notification(Base):
    """The outbox: one message due to one member's 1:1 chat, or to the community's channel (`channel`).

    Reminders, notices and digests are planned as rows in the same transaction as the change they hang on;
    `dedup_key` (which names what the message depends on, e.g. a meeting's start) makes planning idempotent, and
    `subject` ("meeting:12", "action:4") finds a subject's rows to re-plan. The dispatcher sends `pending` rows
    when due and marks them `sent`, `parked` (with `last_error`), `cancelled` (no longer true) or `skipped` (an empty
    digest); sent, cancelled and skipped rows are deleted once older than the retention (`OUTBOX_RETENTION_DAYS`).
    `send_started_at` is set while Teams is called; still set when a later sender finds the row, that send's outcome
    is unknown (the process died), and `unknown_sends` counts such sends (one is tried again, a second is parked).
    """

    __tablename__ = "notification"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    community_id: Mapped[int] = mapped_column(ForeignKey("community.id", ondelete="CASCADE"), index=True)
    member_id: Mapped[int | None] = mapped_column(ForeignKey("member.id", ondelete="CASCADE"), index=True)
    channel: Mapped[bool] = mapped_column(Boolean, default=False)
    kind: Mapped[str] = mapped_column(String(48))
    subject: Mapped[str] = mapped_column(String(64), default="", index=True)
    payload: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    dedup_key: Mapped[str] = mapped_column(String(200), unique=True)
    status: Mapped[str] = mapped_column(String(16), default="pending")
    due_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, index=True)
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    last_error: Mapped[str | None] = mapped_column(Text)
    claimed_until: Mapped[datetime | None] = mapped_column(UTCDateTime)
    send_started_at: Mapped[datetime | None] = mapped_column(UTCDateTime)  # set while Teams is being called
    unknown_sends: Mapped[int] = mapped_column(Integer, default=0, server_default="0")  # sends of unknown outcome
    sent_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


IS_PENDING = Notification.status == literal_column("'pending'")
"""The rows still to send, as the dispatcher's claim and next-due queries say it. The value is a literal, not a
bound parameter: PostgreSQL (with a generic prepared plan) and SQLite only use a partial index when the query's
WHERE clause visibly implies the index's, so these queries and the index below share this very expression."""

Index(
    "ix_notification_pending_due",
    Notification.due_at,
    Notification.id,
    postgresql_where=IS_PENDING,
    sqlite_where=IS_PENDING,
)
