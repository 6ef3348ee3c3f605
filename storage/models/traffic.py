"""Teams traffic bookkeeping shared by every replica: the send pace per conversation and tenant, and the incoming
activities already handled (so a redelivery does not run a command twice)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import JSON, String
from sqlalchemy.orm import Mapped, mapped_column

from storage.models.base import Base, UTCDateTime


class SendPace(Base):
    """The state of one conversation's (or tenant's) rate limits: when each of its windows is next free
    (see bot/outbound/pace.py). Seconds since the epoch on the database's clock, the one clock all replicas share."""

    __tablename__ = "send_pace"

    key: Mapped[str] = mapped_column(String(200), primary_key=True)
    state: Mapped[list[float]] = mapped_column(JSON)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, index=True)


class HandledActivity(Base):
    """An incoming activity whose turn was committed, by a digest of its channel, conversation and activity id;
    rows older than a day are deleted (Teams redelivers within minutes)."""

    __tablename__ = "handled_activity"

    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    handled_at: Mapped[datetime] = mapped_column(UTCDateTime, index=True)
