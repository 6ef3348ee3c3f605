"""ORM classes of meetings: series and their stored occurrences, agenda items and decisions."""

from __future__ import annotations

import enum
from datetime import datetime

from sqlalchemy import (
    JSON,
    Boolean,
    Enum,
    ForeignKey,
    Integer,
    String,
    Text,
    UniqueConstraint,
    false,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from storage.models.base import Base, UTCDateTime, utcnow
from storage.models.community import Member, WorkingGroup


class MeetingKind(enum.StrEnum):
    """The community's kinds of meeting (the seeds: quarterly plenary, monthly follow-up, yearly face to face)."""

    PLENARY = "plenary"
    FOLLOW_UP = "follow-up"
    FACE_TO_FACE = "face-to-face"
    WORKING_GROUP = "working-group"
    OTHER = "other"


class Meeting(Base):
    """A meeting, or a series of them when `rrule` is set (RFC 5545, repeated in wall-clock time in `timezone`).

    Occurrences exist as rows only once something hangs on them (agenda, a move, a cancellation, minutes).
    """

    __tablename__ = "meeting"
    __table_args__ = (UniqueConstraint("community_id", "number"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    community_id: Mapped[int] = mapped_column(ForeignKey("community.id", ondelete="CASCADE"), index=True)
    number: Mapped[int] = mapped_column(Integer)
    title: Mapped[str] = mapped_column(String(300))
    kind: Mapped[MeetingKind] = mapped_column(
        Enum(MeetingKind, native_enum=False, length=24, values_callable=lambda e: [m.value for m in e]),
        default=MeetingKind.OTHER,
    )
    starts_at: Mapped[datetime] = mapped_column(UTCDateTime)
    duration_minutes: Mapped[int] = mapped_column(Integer, default=60)
    timezone: Mapped[str] = mapped_column(String(64))
    rrule: Mapped[str | None] = mapped_column(String(200))
    link: Mapped[str | None] = mapped_column(String(1000))
    place: Mapped[str | None] = mapped_column(String(300))
    group_id: Mapped[int | None] = mapped_column(ForeignKey("working_group.id", ondelete="SET NULL"))
    agenda_deadline_hours: Mapped[int] = mapped_column(Integer, default=48)
    calendar_token: Mapped[str] = mapped_column(String(64), unique=True)
    sequence: Mapped[int] = mapped_column(Integer, default=0)
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("member.id", ondelete="SET NULL"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    cancelled_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    registration: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())

    group: Mapped[WorkingGroup | None] = relationship(lazy="selectin")
    occurrences: Mapped[list[MeetingOccurrence]] = relationship(
        back_populates="meeting", cascade="all, delete-orphan", lazy="selectin", order_by="MeetingOccurrence.starts_at"
    )


class OccurrenceStatus(enum.StrEnum):
    """One meeting of a series: still to happen, called off, or held and closed."""

    SCHEDULED = "scheduled"
    CANCELLED = "cancelled"
    CLOSED = "closed"


class MeetingOccurrence(Base):
    """One meeting of a series (or the only one), keyed by the start the series' rule gave it."""

    __tablename__ = "meeting_occurrence"
    __table_args__ = (UniqueConstraint("meeting_id", "original_start"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    meeting_id: Mapped[int] = mapped_column(ForeignKey("meeting.id", ondelete="CASCADE"), index=True)
    original_start: Mapped[datetime] = mapped_column(UTCDateTime)
    starts_at: Mapped[datetime] = mapped_column(UTCDateTime)
    status: Mapped[OccurrenceStatus] = mapped_column(
        Enum(OccurrenceStatus, native_enum=False, length=16, values_callable=lambda e: [m.value for m in e]),
        default=OccurrenceStatus.SCHEDULED,
    )
    closed_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    attendee_ids: Mapped[list[int]] = mapped_column(JSON, default=list)
    summary_ar: Mapped[str] = mapped_column(Text, default="")
    summary_en: Mapped[str] = mapped_column(Text, default="")
    approver_ids: Mapped[list[int]] = mapped_column(JSON, default=list)
    published_at: Mapped[datetime | None] = mapped_column(UTCDateTime)

    meeting: Mapped[Meeting] = relationship(back_populates="occurrences")


class AgendaStatus(enum.StrEnum):
    """Where an agenda item stands."""

    PROPOSED = "proposed"
    ACCEPTED = "accepted"
    DEFERRED = "deferred"
    REMOVED = "removed"
    DISCUSSED = "discussed"
    CARRIED = "carried"

    @property
    def open(self) -> bool:
        return self in (AgendaStatus.PROPOSED, AgendaStatus.ACCEPTED, AgendaStatus.DEFERRED)


class AgendaItem(Base):
    """A point proposed for one meeting; numbered per community. Carried forward as a copy (`carried_from_id`)."""

    __tablename__ = "agenda_item"
    __table_args__ = (UniqueConstraint("community_id", "number"), UniqueConstraint("carried_from_id"))

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    community_id: Mapped[int] = mapped_column(ForeignKey("community.id", ondelete="CASCADE"), index=True)
    number: Mapped[int] = mapped_column(Integer)
    occurrence_id: Mapped[int] = mapped_column(ForeignKey("meeting_occurrence.id", ondelete="CASCADE"), index=True)
    title: Mapped[str] = mapped_column(String(300))
    details: Mapped[str] = mapped_column(Text, default="")
    status: Mapped[AgendaStatus] = mapped_column(
        Enum(AgendaStatus, native_enum=False, length=16, values_callable=lambda e: [m.value for m in e]),
        default=AgendaStatus.PROPOSED,
    )
    position: Mapped[int] = mapped_column(Integer, default=0)
    submitted_by_id: Mapped[int | None] = mapped_column(ForeignKey("member.id", ondelete="SET NULL"))
    presenter_id: Mapped[int | None] = mapped_column(ForeignKey("member.id", ondelete="SET NULL"))
    group_id: Mapped[int | None] = mapped_column(ForeignKey("working_group.id", ondelete="SET NULL"))
    minutes_requested: Mapped[bool] = mapped_column(Boolean, default=False)
    confidential: Mapped[bool] = mapped_column(Boolean, default=False)
    carried_from_id: Mapped[int | None] = mapped_column(ForeignKey("agenda_item.id", ondelete="SET NULL"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    occurrence: Mapped[MeetingOccurrence] = relationship(lazy="selectin")
    submitted_by: Mapped[Member | None] = relationship(foreign_keys=[submitted_by_id], lazy="selectin")
    presenter: Mapped[Member | None] = relationship(foreign_keys=[presenter_id], lazy="selectin")
    group: Mapped[WorkingGroup | None] = relationship(lazy="selectin")


class Decision(Base):
    """What a meeting decided (optionally on one agenda item), or what the members endorsed (no meeting);
    numbered per community."""

    __tablename__ = "decision"
    __table_args__ = (UniqueConstraint("community_id", "number"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    community_id: Mapped[int] = mapped_column(ForeignKey("community.id", ondelete="CASCADE"), index=True)
    number: Mapped[int] = mapped_column(Integer)
    occurrence_id: Mapped[int | None] = mapped_column(
        ForeignKey("meeting_occurrence.id", ondelete="CASCADE"), index=True
    )
    agenda_item_id: Mapped[int | None] = mapped_column(ForeignKey("agenda_item.id", ondelete="SET NULL"))
    text: Mapped[str] = mapped_column(Text)
    confidential: Mapped[bool] = mapped_column(Boolean, default=False)
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("member.id", ondelete="SET NULL"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class Registration(Base):
    """A member coming to one occurrence of a meeting that asks members to register (`Meeting.registration`): the
    interpretation language they need (ar or en, or none) and an accessibility note only facilitators read."""

    __tablename__ = "meeting_registration"
    __table_args__ = (UniqueConstraint("occurrence_id", "member_id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    occurrence_id: Mapped[int] = mapped_column(ForeignKey("meeting_occurrence.id", ondelete="CASCADE"), index=True)
    member_id: Mapped[int] = mapped_column(ForeignKey("member.id", ondelete="CASCADE"), index=True)
    interpretation: Mapped[str | None] = mapped_column(String(2))
    note: Mapped[str] = mapped_column(String(300), default="")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
