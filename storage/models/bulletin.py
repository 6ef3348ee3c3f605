"""The monthly bulletin: when each community's goes out, and each edition's editorial note."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Date, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from storage.models.base import Base, UTCDateTime, utcnow


class BulletinSetting(Base):
    """When a community's bulletin goes out: `day` of the month (1-28; None: off) at `time` ("HH:MM") in the
    community's zone. No row: the defaults (the 1st, 09:00)."""

    __tablename__ = "bulletin_setting"

    community_id: Mapped[int] = mapped_column(ForeignKey("community.id", ondelete="CASCADE"), primary_key=True)
    day: Mapped[int | None] = mapped_column(Integer)
    time: Mapped[str] = mapped_column(String(5), default="09:00")
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class BulletinEdition(Base):
    """One month's bulletin (`period`: the first day of the month it covers) and the editorial paragraph a
    facilitator wrote for it, in the language it was written in (`note_lang`)."""

    __tablename__ = "bulletin_edition"
    __table_args__ = (UniqueConstraint("community_id", "period"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    community_id: Mapped[int] = mapped_column(ForeignKey("community.id", ondelete="CASCADE"), index=True)
    period: Mapped[date] = mapped_column(Date)
    note: Mapped[str] = mapped_column(Text, default="")
    note_lang: Mapped[str | None] = mapped_column(String(8))
    note_by_id: Mapped[int | None] = mapped_column(ForeignKey("member.id", ondelete="SET NULL"))
    note_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
