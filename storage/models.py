"""ORM classes: the community, its members, working groups and the audit log.

All timestamps are timezone-aware and stored in UTC.
"""

from __future__ import annotations

import enum
from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    Date,
    DateTime,
    Enum,
    ForeignKey,
    Integer,
    MetaData,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship
from sqlalchemy.types import TypeDecorator

NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


def utcnow() -> datetime:
    """The current time, aware, in UTC."""
    return datetime.now(UTC)


class UTCDateTime(TypeDecorator[datetime]):
    """TIMESTAMP WITH TIME ZONE that refuses naive values and always returns aware UTC.

    SQLite has no time zone type: values are stored as UTC and re-tagged on the way out.
    """

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Any) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given to a UTC column")
        return value.astimezone(UTC)

    def process_result_value(self, value: datetime | None, dialect: Any) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            return value.replace(tzinfo=UTC)
        return value.astimezone(UTC)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)


class Role(enum.StrEnum):
    """What a member may do: admins and facilitators run the community."""

    ADMIN = "admin"
    FACILITATOR = "facilitator"
    MEMBER = "member"

    @property
    def facilitates(self) -> bool:
        return self in (Role.ADMIN, Role.FACILITATOR)


class Community(Base):
    """A closed community of practice, bound to one tenant and (once installed there) one team."""

    __tablename__ = "community"
    __table_args__ = (UniqueConstraint("tenant_id", "team_id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    tenant_id: Mapped[str] = mapped_column(String(64), index=True)
    team_id: Mapped[str | None] = mapped_column(String(200))
    team_aad_group_id: Mapped[str | None] = mapped_column(String(64))
    channel_id: Mapped[str | None] = mapped_column(String(200))
    service_url: Mapped[str | None] = mapped_column(String(500))
    conversation_reference: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    default_language: Mapped[str] = mapped_column(String(8), default="ar")
    timezone: Mapped[str] = mapped_column(String(64), default="Asia/Beirut")
    agenda_deadline_hours: Mapped[int] = mapped_column(Integer, default=48)
    minutes_approvals: Mapped[int] = mapped_column(Integer, default=1)
    reminder_settings: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    installed_by: Mapped[str | None] = mapped_column(String(200))
    welcomed_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    members: Mapped[list[Member]] = relationship(back_populates="community")


class Member(Base):
    """A person on the community's roster (removed members stay, inactive)."""

    __tablename__ = "member"
    __table_args__ = (UniqueConstraint("community_id", "teams_user_id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    community_id: Mapped[int] = mapped_column(ForeignKey("community.id", ondelete="CASCADE"), index=True)
    teams_user_id: Mapped[str] = mapped_column(String(200))
    aad_object_id: Mapped[str | None] = mapped_column(String(64), index=True)
    name: Mapped[str] = mapped_column(String(200), default="")
    email: Mapped[str | None] = mapped_column(String(320))
    role: Mapped[Role] = mapped_column(
        Enum(Role, native_enum=False, length=16, values_callable=lambda e: [m.value for m in e]),
        default=Role.MEMBER,
    )
    is_guest: Mapped[bool] = mapped_column(Boolean, default=False)
    language: Mapped[str | None] = mapped_column(String(8))
    teams_locale: Mapped[str | None] = mapped_column(String(35))
    timezone: Mapped[str | None] = mapped_column(String(64))
    timezone_chosen: Mapped[bool] = mapped_column(Boolean, default=False)
    conversation_reference: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    joined_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    left_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    last_seen_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    welcomed_at: Mapped[datetime | None] = mapped_column(UTCDateTime)

    community: Mapped[Community] = relationship(back_populates="members")


class WorkingGroup(Base):
    """A task-specific working group with a scope and an end date set by the members."""

    __tablename__ = "working_group"
    __table_args__ = (UniqueConstraint("community_id", "name"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    community_id: Mapped[int] = mapped_column(ForeignKey("community.id", ondelete="CASCADE"), index=True)
    name: Mapped[str] = mapped_column(String(200))
    scope: Mapped[str] = mapped_column(Text, default="")
    area: Mapped[str | None] = mapped_column(String(120))
    sector: Mapped[str | None] = mapped_column(String(120))
    ends_on: Mapped[date | None] = mapped_column(Date)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    closed_at: Mapped[datetime | None] = mapped_column(UTCDateTime)

    memberships: Mapped[list[WorkingGroupMember]] = relationship(back_populates="group", cascade="all, delete-orphan")


class WorkingGroupMember(Base):
    """A member's place in a working group ("lead" or "member")."""

    __tablename__ = "working_group_member"

    group_id: Mapped[int] = mapped_column(ForeignKey("working_group.id", ondelete="CASCADE"), primary_key=True)
    member_id: Mapped[int] = mapped_column(ForeignKey("member.id", ondelete="CASCADE"), primary_key=True)
    role: Mapped[str] = mapped_column(String(16), default="member")
    joined_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    group: Mapped[WorkingGroup] = relationship(back_populates="memberships")
    member: Mapped[Member] = relationship()


class AuditLog(Base):
    """Who changed what, when, with the values before and after."""

    __tablename__ = "audit_log"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    community_id: Mapped[int | None] = mapped_column(ForeignKey("community.id", ondelete="CASCADE"), index=True)
    actor_member_id: Mapped[int | None] = mapped_column(ForeignKey("member.id", ondelete="SET NULL"))
    action: Mapped[str] = mapped_column(String(64))
    object_type: Mapped[str] = mapped_column(String(64))
    object_id: Mapped[str | None] = mapped_column(String(64))
    before: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    after: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, index=True)


class ActionStatus(enum.StrEnum):
    """Where an action point stands."""

    OPEN = "open"
    IN_PROGRESS = "in_progress"
    BLOCKED = "blocked"
    DONE = "done"
    CANCELLED = "cancelled"

    @property
    def closed(self) -> bool:
        return self in (ActionStatus.DONE, ActionStatus.CANCELLED)


class Action(Base):
    """An action point the community agreed on, with owners and a due date."""

    __tablename__ = "action"
    __table_args__ = (UniqueConstraint("community_id", "number"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    community_id: Mapped[int] = mapped_column(ForeignKey("community.id", ondelete="CASCADE"), index=True)
    number: Mapped[int] = mapped_column(Integer)
    text: Mapped[str] = mapped_column(Text)
    status: Mapped[ActionStatus] = mapped_column(
        Enum(ActionStatus, native_enum=False, length=16, values_callable=lambda e: [m.value for m in e]),
        default=ActionStatus.OPEN,
    )
    due_on: Mapped[date | None] = mapped_column(Date)
    group_id: Mapped[int | None] = mapped_column(ForeignKey("working_group.id", ondelete="SET NULL"))
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("member.id", ondelete="SET NULL"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    closed_at: Mapped[datetime | None] = mapped_column(UTCDateTime)

    owners: Mapped[list[ActionOwner]] = relationship(cascade="all, delete-orphan", lazy="selectin")
    group: Mapped[WorkingGroup | None] = relationship(lazy="selectin")


class ActionOwner(Base):
    """A member who owns (part of) an action."""

    __tablename__ = "action_owner"

    action_id: Mapped[int] = mapped_column(ForeignKey("action.id", ondelete="CASCADE"), primary_key=True)
    member_id: Mapped[int] = mapped_column(ForeignKey("member.id", ondelete="CASCADE"), primary_key=True)

    member: Mapped[Member] = relationship(lazy="selectin")


class ActionEvent(Base):
    """One change in an action's history: who, when, what, with a note."""

    __tablename__ = "action_event"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    action_id: Mapped[int] = mapped_column(ForeignKey("action.id", ondelete="CASCADE"), index=True)
    actor_id: Mapped[int | None] = mapped_column(ForeignKey("member.id", ondelete="SET NULL"))
    kind: Mapped[str] = mapped_column(String(32))
    note: Mapped[str] = mapped_column(Text, default="")
    before: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    after: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class Notification(Base):
    """The outbox: one message due to one member's 1:1 chat, or to the community's channel (`channel`).

    Reminders, notices and digests are planned as rows in the same transaction as the change they hang on;
    `dedup_key` (which names what the message depends on, e.g. a meeting's start) makes planning idempotent, and
    `subject` ("meeting:12", "action:4") finds a subject's rows to re-plan. The dispatcher sends `pending` rows
    when due and marks them `sent`, `parked` (with `last_error`) or `cancelled` (no longer true).
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
    sent_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


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
    summary: Mapped[str] = mapped_column(Text, default="")
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


# FAQ entries, question tickets and stored embeddings; the plan, proposals and votes: on Base.metadata whenever
# these models are
from storage import faq_models as _faq_models  # noqa: E402,F401
from storage import governance_models as _governance_models  # noqa: E402,F401
