"""ORM classes, one module per feature; importing the package puts every table on `Base.metadata`."""

from storage.models.actions import Action, ActionEvent, ActionOwner, ActionStatus
from storage.models.base import NAMING, Base, UTCDateTime, utcnow
from storage.models.bulletin import BulletinEdition as BulletinEdition
from storage.models.bulletin import BulletinSetting as BulletinSetting
from storage.models.community import AuditLog, Community, Member, Role, WorkingGroup, WorkingGroupMember
from storage.models.governance import ObjectiveAction, PlanObjective, Proposal, ProposalKind, Vote
from storage.models.mail import MailChoice
from storage.models.meetings import (
    AgendaItem,
    AgendaStatus,
    Decision,
    Meeting,
    MeetingKind,
    MeetingOccurrence,
    OccurrenceStatus,
)
from storage.models.outbox import Notification
from storage.models.questions import FaqEntry, FaqVersion, KnowledgeVector, Ticket, TicketStatus
from storage.models.traffic import HandledActivity, SendPace

__all__ = [
    "NAMING",
    "Action",
    "ActionEvent",
    "ActionOwner",
    "ActionStatus",
    "AgendaItem",
    "AgendaStatus",
    "AuditLog",
    "Base",
    "Community",
    "Decision",
    "FaqEntry",
    "FaqVersion",
    "HandledActivity",
    "KnowledgeVector",
    "MailChoice",
    "Meeting",
    "MeetingKind",
    "MeetingOccurrence",
    "Member",
    "Notification",
    "ObjectiveAction",
    "OccurrenceStatus",
    "PlanObjective",
    "Proposal",
    "ProposalKind",
    "Role",
    "SendPace",
    "Ticket",
    "TicketStatus",
    "UTCDateTime",
    "Vote",
    "WorkingGroup",
    "WorkingGroupMember",
    "utcnow",
]
