"""ORM classes of member questions: FAQ entries (Arabic and/or English), escalation tickets, stored embeddings."""

from __future__ import annotations

import enum
from datetime import datetime
from typing import Any

from sqlalchemy import JSON, Enum, ForeignKey, Integer, LargeBinary, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from storage.models.base import Base, UTCDateTime, utcnow
from storage.models.community import Member, WorkingGroup


class FaqEntry(Base):
    """A question the community answered once for all: one version per language, tags, a group, a source.

    `revision` grows with every change, so a search index can tell which entries it holds are stale."""

    __tablename__ = "faq_entry"
    __table_args__ = (UniqueConstraint("community_id", "number"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    community_id: Mapped[int] = mapped_column(ForeignKey("community.id", ondelete="CASCADE"), index=True)
    number: Mapped[int] = mapped_column(Integer)
    tags: Mapped[list[str]] = mapped_column(JSON, default=list)
    group_id: Mapped[int | None] = mapped_column(ForeignKey("working_group.id", ondelete="SET NULL"))
    source_url: Mapped[str | None] = mapped_column(String(1000))
    revision: Mapped[int] = mapped_column(Integer, default=1)
    helpful: Mapped[int] = mapped_column(Integer, default=0)
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("member.id", ondelete="SET NULL"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_by_id: Mapped[int | None] = mapped_column(ForeignKey("member.id", ondelete="SET NULL"))
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    versions: Mapped[list[FaqVersion]] = relationship(
        cascade="all, delete-orphan", lazy="selectin", order_by="FaqVersion.lang"
    )
    group: Mapped[WorkingGroup | None] = relationship(lazy="selectin")
    created_by: Mapped[Member | None] = relationship(foreign_keys=[created_by_id], lazy="selectin")

    def version(self, lang: str) -> FaqVersion | None:
        """The version in `lang`, if the entry has one."""
        return next((v for v in self.versions if v.lang == lang), None)


class FaqVersion(Base):
    """An entry in one language: its question phrasings and its answer (Markdown-safe text with links)."""

    __tablename__ = "faq_version"

    entry_id: Mapped[int] = mapped_column(ForeignKey("faq_entry.id", ondelete="CASCADE"), primary_key=True)
    lang: Mapped[str] = mapped_column(String(8), primary_key=True)
    questions: Mapped[list[str]] = mapped_column(JSON, default=list)
    answer: Mapped[str] = mapped_column(Text, default="")


class TicketStatus(enum.StrEnum):
    """Where a question sent to the facilitators stands."""

    OPEN = "open"
    ASSIGNED = "assigned"
    ANSWERED = "answered"
    CLOSED = "closed"

    @property
    def waiting(self) -> bool:
        """Nobody has answered it yet."""
        return self in (TicketStatus.OPEN, TicketStatus.ASSIGNED)


class Ticket(Base):
    """A member's question for the facilitators (or a working group's lead): what was asked, what the bot had
    offered, who took it, the answer, and the FAQ entry made from it."""

    __tablename__ = "ticket"
    __table_args__ = (UniqueConstraint("community_id", "number"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    community_id: Mapped[int] = mapped_column(ForeignKey("community.id", ondelete="CASCADE"), index=True)
    number: Mapped[int] = mapped_column(Integer)
    asker_id: Mapped[int | None] = mapped_column(ForeignKey("member.id", ondelete="SET NULL"), index=True)
    question: Mapped[str] = mapped_column(Text)
    lang: Mapped[str] = mapped_column(String(8))
    status: Mapped[TicketStatus] = mapped_column(
        Enum(TicketStatus, native_enum=False, length=16, values_callable=lambda e: [m.value for m in e]),
        default=TicketStatus.OPEN,
    )
    group_id: Mapped[int | None] = mapped_column(ForeignKey("working_group.id", ondelete="SET NULL"))
    offered: Mapped[list[dict[str, Any]]] = mapped_column(JSON, default=list)
    assignee_id: Mapped[int | None] = mapped_column(ForeignKey("member.id", ondelete="SET NULL"))
    answer: Mapped[str] = mapped_column(Text, default="")
    answered_by_id: Mapped[int | None] = mapped_column(ForeignKey("member.id", ondelete="SET NULL"))
    answered_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    faq_entry_id: Mapped[int | None] = mapped_column(ForeignKey("faq_entry.id", ondelete="SET NULL"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    closed_at: Mapped[datetime | None] = mapped_column(UTCDateTime)

    asker: Mapped[Member | None] = relationship(foreign_keys=[asker_id], lazy="selectin")
    assignee: Mapped[Member | None] = relationship(foreign_keys=[assignee_id], lazy="selectin")
    answered_by: Mapped[Member | None] = relationship(foreign_keys=[answered_by_id], lazy="selectin")
    group: Mapped[WorkingGroup | None] = relationship(lazy="selectin")


class KnowledgeVector(Base):
    """An embedding of one question text (`dialogs.questions.engine.vector_key`: model name + text), kept so a restart
    does not embed every FAQ phrasing again."""

    __tablename__ = "knowledge_vector"

    key: Mapped[str] = mapped_column(String(32), primary_key=True)
    model: Mapped[str] = mapped_column(String(64), index=True)
    vector: Mapped[bytes] = mapped_column(LargeBinary)
