"""ORM classes of action points: the action, its owners and its history."""

from __future__ import annotations

import enum
from datetime import date, datetime
from typing import Any

from sqlalchemy import (
    JSON,
    Date,
    Enum,
    ForeignKey,
    Integer,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from storage.models.base import Base, UTCDateTime, utcnow
from storage.models.community import Member, WorkingGroup


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
    member_id: Mapped[int] = mapped_column(ForeignKey("member.id", ondelete="CASCADE"), primary_key=True, index=True)

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
