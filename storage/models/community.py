"""ORM classes: the community, its members, working groups and the audit log.

All timestamps are timezone-aware and stored in UTC.
"""

from __future__ import annotations

import enum
from datetime import date, datetime
from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    Date,
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
    privacy_settings: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)  # retention days, sharing review
    installed_by: Mapped[str | None] = mapped_column(String(200))
    welcomed_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    # in Ramadan, no nudges at iftar (`ramadan`)
    ramadan_hours: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())

    members: Mapped[list[Member]] = relationship(back_populates="community")


class Member(Base):
    """A person on the community's roster (removed members stay, inactive)."""

    __tablename__ = "member"
    __table_args__ = (UniqueConstraint("community_id", "teams_user_id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    community_id: Mapped[int] = mapped_column(ForeignKey("community.id", ondelete="CASCADE"), index=True)
    teams_user_id: Mapped[str] = mapped_column(String(200), index=True)  # (a person across communities)
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
    privacy_noted_at: Mapped[datetime | None] = mapped_column(UTCDateTime)  # told what is stored, on their first turn
    grammatical_gender: Mapped[str | None] = mapped_column(String(8))  # how Arabic addresses them: 'm', 'f', unset
    chosen_at: Mapped[datetime | None] = mapped_column(UTCDateTime)  # when the person chose this community (1:1 chat)
    weekend: Mapped[list[str] | None] = mapped_column(JSON)  # own weekend days (MO…SU codes); None: country's
    working_hours: Mapped[list[str] | None] = mapped_column(JSON)  # own ["09:00", "17:00"]; None: the community's
    # also the community's announcements in their 1:1 chat with the bot (`notify announcements chat on`)
    announcements_in_chat: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())

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
    # indexed alone too: a member's groups are looked up on every reading turn (the key starts with the group)
    member_id: Mapped[int] = mapped_column(ForeignKey("member.id", ondelete="CASCADE"), primary_key=True, index=True)
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
