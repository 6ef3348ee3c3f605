"""`mydata` / `بياناتي`: everything Tansiq stores about the speaker, as a readable summary card in their 1:1 chat with
a signed, expiring link to the whole of it as a JSON file (its schema: `mydata.schema.json`, beside this module).

The file holds the member's profile and what they did or what concerns them: their working groups, the agenda items
they proposed or present, the actions they own or created and the notes they wrote on actions, their answers to
votes (in an anonymous poll only that they answered: the choice is not tied to them outside the count), the proposals,
decisions and FAQ entries they wrote, the questions they sent to the facilitators, the meetings they attended, the
audit entries they made or that are about them, and the messages the bot sent or will send them — what they wrote
but may no longer see (a working group they left, a confidential decision once they no longer facilitate) stays out,
by the visibility rule. Asked in a channel
or group chat, the answer goes to the member's 1:1 chat (the others there see only that it was sent).
"""

from __future__ import annotations

import json
from datetime import date, datetime
from importlib import resources
from typing import Any

from sqlalchemy import or_, select
from sqlalchemy.ext.asyncio import AsyncSession

from dialogs.common import outbox
from dialogs.common.outbox import Planned
from dialogs.common.replies import Reply
from dialogs.common.turn import Turn
from dialogs.common.visibility import Reader, may_see, of_action, of_decision, of_faq, reader_of
from dialogs.community.audit import by_or_about
from dialogs.community.views import MyDataSummary
from dialogs.governance.votes import choice_labels
from storage.models import (
    Action,
    ActionEvent,
    ActionOwner,
    AgendaItem,
    AuditLog,
    Community,
    Decision,
    FaqEntry,
    Meeting,
    MeetingOccurrence,
    Member,
    Notification,
    Proposal,
    Ticket,
    Vote,
    WorkingGroup,
    WorkingGroupMember,
)
from storage.models.bulletin import BulletinEdition
from storage.models.mail import MailChoice
from storage.models.meetings import Registration

KIND = "mydata"
FORMAT, VERSION = "tansiq-mydata", 1
SECTIONS = (
    "groups",
    "agenda_items",
    "actions",
    "action_notes",
    "votes",
    "proposals",
    "decisions",
    "faq_entries",
    "questions",
    "meetings_attended",
    "registrations",
    "bulletin_notes",
    "mail_choices",
    "audit",
    "messages",
)
"""The file's lists, in the order the summary card counts them."""


def schema() -> dict[str, Any]:
    """The JSON Schema the file follows (shipped with the code)."""
    loaded: dict[str, Any] = json.loads(resources.files(__package__).joinpath("mydata.schema.json").read_text("utf-8"))
    return loaded


async def command(turn: Turn, _args: str = "") -> Reply:
    """`mydata`: the summary card with the download link, in the speaker's 1:1 chat."""
    if turn.shared:
        await _send_privately(turn)
        return Reply.of("mydata-sent-privately")
    return await summary(turn.session, member=turn.member, community=turn.community, now=turn.now)


async def _send_privately(turn: Turn) -> None:
    """Queue the summary card for the speaker's 1:1 chat, now."""
    member_id = turn.member.id
    message = Planned(KIND, f"{KIND}:{member_id}:{turn.now.isoformat()}", turn.now, member_id=member_id)
    await outbox.queue(
        turn.session, community_id=turn.community.id, subject=f"{KIND}:{member_id}", message=message, now=turn.now
    )


async def ask(turn: Turn, _data: dict[str, Any]) -> Reply:
    """The privacy card's "download my data" button: as `mydata`."""
    return await command(turn)


async def compose(session: AsyncSession, row: Notification, now: datetime) -> Reply | None:
    """The summary card, sent to the 1:1 chat of a member who asked in a shared conversation."""
    member = await session.get(Member, row.member_id) if row.member_id else None
    community = await session.get(Community, row.community_id)
    if member is None or community is None or not member.active:
        return None
    return await summary(session, member=member, community=community, now=now)


async def summary(session: AsyncSession, *, member: Member, community: Community, now: datetime) -> Reply:
    """The readable summary: how many entries of each kind the file holds."""
    data = await export(session, member=member, community=community, now=now)
    counts = tuple((section, len(data[section])) for section in SECTIONS)
    view = MyDataSummary(community_id=community.id, member_id=member.id, name=member.name, counts=counts)
    return Reply.of("mydata", view=view)


async def export(session: AsyncSession, *, member: Member, community: Community, now: datetime) -> dict[str, Any]:
    """Everything stored about `member`, as the JSON document `schema()` describes."""
    reader = await reader_of(session, member)  # what they wrote but may no longer see (a group left) stays out
    return {
        "format": FORMAT,
        "version": VERSION,
        "generated_at": _when(now),
        "community": {"name": community.name, "timezone": community.timezone},
        "profile": _profile(member),
        "groups": await _groups(session, member),
        "agenda_items": await _agenda_items(session, member),
        "actions": await _actions(session, member, reader),
        "action_notes": await _action_notes(session, member),
        "votes": await _votes(session, member),
        "proposals": await _proposals(session, member),
        "decisions": await _decisions(session, member, reader),
        "faq_entries": await _faq_entries(session, member, reader),
        "questions": await _questions(session, member),
        "meetings_attended": await _attended(session, member),
        "registrations": await _registrations(session, member),
        "bulletin_notes": await _bulletin_notes(session, member),
        "mail_choices": await _mail_choices(session, member),
        "audit": await _audit(session, member),
        "messages": await _messages(session, member),
    }


def _profile(member: Member) -> dict[str, Any]:
    return {
        "name": member.name,
        "email": member.email,
        "teams_user_id": member.teams_user_id,
        "aad_object_id": member.aad_object_id,
        "role": member.role.value,
        "guest": member.is_guest,
        "active": member.active,
        "language": member.language,
        "teams_locale": member.teams_locale,
        "timezone": member.timezone,
        "form_of_address": member.grammatical_gender,
        "joined_at": _when(member.joined_at),
        "left_at": _when(member.left_at),
        "last_seen_at": _when(member.last_seen_at),
        "privacy_noted_at": _when(member.privacy_noted_at),
        "chosen_at": _when(member.chosen_at),
        "weekend": member.weekend,
        "working_hours": member.working_hours,
        "announcements_in_chat": member.announcements_in_chat,
    }


async def _groups(session: AsyncSession, member: Member) -> list[dict[str, Any]]:
    rows = await session.execute(
        select(WorkingGroup.name, WorkingGroupMember.role, WorkingGroupMember.joined_at)
        .join(WorkingGroupMember)
        .where(WorkingGroupMember.member_id == member.id)
        .order_by(WorkingGroup.name)
    )
    return [{"name": name, "role": str(role), "joined_at": _when(joined)} for name, role, joined in rows]


async def _agenda_items(session: AsyncSession, member: Member) -> list[dict[str, Any]]:
    mine = or_(AgendaItem.submitted_by_id == member.id, AgendaItem.presenter_id == member.id)
    rows = await session.scalars(
        select(AgendaItem).where(AgendaItem.community_id == member.community_id, mine).order_by(AgendaItem.number)
    )
    return [
        {
            "number": item.number,
            "title": item.title,
            "details": item.details,
            "status": item.status.value,
            "confidential": item.confidential,
            "proposed_by_you": item.submitted_by_id == member.id,
            "presented_by_you": item.presenter_id == member.id,
            "created_at": _when(item.created_at),
        }
        for item in rows
    ]


async def _actions(session: AsyncSession, member: Member, reader: Reader) -> list[dict[str, Any]]:
    owned = select(ActionOwner.action_id).where(ActionOwner.member_id == member.id)
    rows = await session.scalars(
        select(Action)
        .where(Action.community_id == member.community_id, or_(Action.id.in_(owned), Action.created_by_id == member.id))
        .order_by(Action.number)
    )
    return [
        {
            "number": action.number,
            "text": action.text,
            "status": action.status.value,
            "due_on": _day(action.due_on),
            "owned_by_you": any(owner.member_id == member.id for owner in action.owners),
            "created_by_you": action.created_by_id == member.id,
            "created_at": _when(action.created_at),
            "closed_at": _when(action.closed_at),
        }
        for action in rows
        if may_see(reader, of_action(action))
    ]


async def _action_notes(session: AsyncSession, member: Member) -> list[dict[str, Any]]:
    rows = await session.execute(
        select(Action.number, ActionEvent.kind, ActionEvent.note, ActionEvent.at)
        .join(Action, Action.id == ActionEvent.action_id)
        .where(ActionEvent.actor_id == member.id)
        .order_by(ActionEvent.at)
    )
    return [{"action": number, "kind": kind, "note": note, "at": _when(at)} for number, kind, note, at in rows]


async def _votes(session: AsyncSession, member: Member) -> list[dict[str, Any]]:
    rows = await session.execute(
        select(Proposal, Vote)
        .join(Vote, Vote.proposal_id == Proposal.id)
        .where(Vote.member_id == member.id)
        .order_by(Proposal.number)
    )
    votes = []
    for proposal, vote in rows:
        entry: dict[str, Any] = {
            "proposal": proposal.number,
            "kind": proposal.kind.value,
            "text": proposal.text,
            "anonymous": proposal.anonymous,
            "answered_at": _when(vote.cast_at),
        }
        if not proposal.anonymous:  # an anonymous answer is counted, and tied to nobody anywhere else
            entry |= {
                "choice": choice_labels(proposal).get(vote.choice) or vote.choice,  # a poll's option; endorse …
                "comment": vote.comment,
                "changed_at": _when(vote.changed_at),
            }
        votes.append(entry)
    return votes


async def _proposals(session: AsyncSession, member: Member) -> list[dict[str, Any]]:
    rows = await session.scalars(select(Proposal).where(Proposal.created_by_id == member.id).order_by(Proposal.number))
    return [
        {
            "number": proposal.number,
            "kind": proposal.kind.value,
            "text": proposal.text,
            "options": list(proposal.options or []),
            "created_at": _when(proposal.created_at),
            "closed_at": _when(proposal.closed_at),
        }
        for proposal in rows
    ]


async def _decisions(session: AsyncSession, member: Member, reader: Reader) -> list[dict[str, Any]]:
    rows = await session.execute(
        select(Decision, Meeting, AgendaItem)
        .outerjoin(MeetingOccurrence, MeetingOccurrence.id == Decision.occurrence_id)
        .outerjoin(Meeting, Meeting.id == MeetingOccurrence.meeting_id)
        .outerjoin(AgendaItem, AgendaItem.id == Decision.agenda_item_id)
        .where(Decision.created_by_id == member.id)
        .order_by(Decision.number)
    )
    return [
        {
            "number": decision.number,
            "text": decision.text,
            "confidential": decision.confidential,
            "created_at": _when(decision.created_at),
        }
        for decision, meeting, item in rows
        if may_see(reader, of_decision(decision, meeting=meeting, item=item))
    ]


async def _faq_entries(session: AsyncSession, member: Member, reader: Reader) -> list[dict[str, Any]]:
    mine = or_(FaqEntry.created_by_id == member.id, FaqEntry.updated_by_id == member.id)
    rows = await session.scalars(select(FaqEntry).where(mine).order_by(FaqEntry.number))
    return [
        {
            "number": entry.number,
            "versions": {
                version.lang: {"questions": list(version.questions), "answer": version.answer}
                for version in entry.versions
            },
            "written_by_you": entry.created_by_id == member.id,
            "last_edited_by_you": entry.updated_by_id == member.id,
            "created_at": _when(entry.created_at),
        }
        for entry in rows
        if may_see(reader, of_faq(entry))
    ]


async def _questions(session: AsyncSession, member: Member) -> list[dict[str, Any]]:
    rows = await session.scalars(select(Ticket).where(Ticket.asker_id == member.id).order_by(Ticket.number))
    return [
        {
            "ticket": ticket.number,
            "question": ticket.question,
            "language": ticket.lang,
            "status": ticket.status.value,
            "answer": ticket.answer or None,
            "asked_at": _when(ticket.created_at),
            "answered_at": _when(ticket.answered_at),
            "closed_at": _when(ticket.closed_at),
        }
        for ticket in rows
    ]


async def _attended(session: AsyncSession, member: Member) -> list[dict[str, Any]]:
    rows = await session.execute(
        select(Meeting.number, Meeting.title, MeetingOccurrence.starts_at, MeetingOccurrence.attendee_ids)
        .join(Meeting, Meeting.id == MeetingOccurrence.meeting_id)
        .where(Meeting.community_id == member.community_id, MeetingOccurrence.closed_at.is_not(None))
        .order_by(MeetingOccurrence.starts_at)
    )
    return [
        {"meeting": number, "title": title, "starts_at": _when(starts)}
        for number, title, starts, attendees in rows
        if member.id in (attendees or [])
    ]


async def _registrations(session: AsyncSession, member: Member) -> list[dict[str, Any]]:
    rows = await session.execute(
        select(Meeting.number, MeetingOccurrence.starts_at, Registration)
        .join(MeetingOccurrence, MeetingOccurrence.id == Registration.occurrence_id)
        .join(Meeting, Meeting.id == MeetingOccurrence.meeting_id)
        .where(Registration.member_id == member.id)
        .order_by(MeetingOccurrence.starts_at)
    )
    return [
        {
            "meeting": number,
            "starts_at": _when(starts),
            "interpretation": registration.interpretation,
            "note": registration.note,
            "registered_at": _when(registration.created_at),
            "changed_at": _when(registration.updated_at),
        }
        for number, starts, registration in rows
    ]


async def _bulletin_notes(session: AsyncSession, member: Member) -> list[dict[str, Any]]:
    rows = await session.scalars(
        select(BulletinEdition).where(BulletinEdition.note_by_id == member.id).order_by(BulletinEdition.period)
    )
    return [
        {"period": _day(row.period), "note": row.note, "language": row.note_lang, "written_at": _when(row.note_at)}
        for row in rows
    ]


async def _mail_choices(session: AsyncSession, member: Member) -> list[dict[str, Any]]:
    rows = await session.scalars(select(MailChoice).where(MailChoice.member_id == member.id))
    return [
        {"topics": list(row.topics or []), "changed_at": _when(row.changed_at), "changed_via": row.changed_via}
        for row in rows
    ]


async def _audit(session: AsyncSession, member: Member) -> list[dict[str, Any]]:
    rows = await session.scalars(
        select(AuditLog)
        .where(AuditLog.community_id == member.community_id, by_or_about(member.id))
        .order_by(AuditLog.at, AuditLog.id)
    )
    return [
        {
            "at": _when(entry.at),
            "action": entry.action,
            "object_type": entry.object_type,
            "object_id": entry.object_id,
            "by_you": entry.actor_member_id == member.id,
            "before": entry.before,
            "after": entry.after,
        }
        for entry in rows
    ]


async def _messages(session: AsyncSession, member: Member) -> list[dict[str, Any]]:
    rows = await session.scalars(
        select(Notification).where(Notification.member_id == member.id).order_by(Notification.due_at)
    )
    return [
        {"kind": row.kind, "status": row.status, "due_at": _when(row.due_at), "sent_at": _when(row.sent_at)}
        for row in rows
    ]


def _when(moment: datetime | None) -> str | None:
    return moment.isoformat().replace("+00:00", "Z") if moment else None


def _day(day: date | None) -> str | None:
    return day.isoformat() if day else None
