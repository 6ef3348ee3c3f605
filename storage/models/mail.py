"""What each member chose to receive by e-mail (issue #17; see dialogs/mail)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import JSON, ForeignKey, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from storage.models.base import Base, UTCDateTime, utcnow


class MailChoice(Base):
    """One member's e-mail choices: the topics (`dialogs.mail.topics.TOPICS`) they also want by e-mail, when they
    last changed them and how (`command`, `card`, or `link`: an unsubscribe link in a mail). No row: nothing by
    e-mail."""

    __tablename__ = "mail_choice"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    community_id: Mapped[int] = mapped_column(ForeignKey("community.id", ondelete="CASCADE"), index=True)
    member_id: Mapped[int] = mapped_column(ForeignKey("member.id", ondelete="CASCADE"), unique=True)
    topics: Mapped[list[str]] = mapped_column(JSON, default=list)
    changed_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    changed_via: Mapped[str] = mapped_column(String(16), default="command")
