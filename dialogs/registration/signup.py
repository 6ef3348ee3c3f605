"""Registering for a meeting: `register N [| interpretation ar|en] [| note: …]`, `unregister N`, the card's
Register button, and the facilitators' list of who is coming (`registrations N`).

A registration is for the meeting's next occurrence (the one a card's button shows, for a button). Only meetings
that ask for it take registrations (`meeting add … | registration`, `meeting registration N on`), and only from
those who may see the meeting (a working group's meeting: its members and the facilitators). Accessibility notes
are read by facilitators only: the list is theirs, in their 1:1 chat.
"""

from __future__ import annotations

import re
from datetime import datetime

from dialogs.common.errors import UserError
from dialogs.common.replies import Reply
from dialogs.common.rights import require_facilitator
from dialogs.common.text import leading_words, parse_number, word_table
from dialogs.common.turn import Turn
from dialogs.common.two_languages import Title
from dialogs.community.members import LANGUAGE_WORDS
from dialogs.meetings import occurrences, schedule
from dialogs.meetings.occurrences import Slot
from dialogs.registration import roll
from dialogs.registration.views import Registrant, RegistrationList
from dialogs.reminders import plans as reminder_plans
from storage import repositories as repo
from storage.models import Meeting
from storage.models.meetings import Registration

MAX_NOTE = 300
FIELD_WORDS = {
    "interpretation": (
        *("interpretation", "interpreting", "interpreter", "translation"),
        *("ترجمة", "الترجمة", "ترجمة فورية", "الترجمة الفورية", "مترجم"),
    ),
    "note": ("note", "accessibility", "access", "needs", "ملاحظة", "ملاحظه", "احتياجات", "إتاحة", "اتاحة"),
}
NO_WORDS = ("none", "no", "off", "-", "بدون", "لا")
_field_named = leading_words(FIELD_WORDS)
_language_named = word_table({**LANGUAGE_WORDS, "none": NO_WORDS})
_COLON = re.compile(r"^(\S+?)\s*:\s*")


async def register(turn: Turn, args: str) -> Reply:
    """`register 3 [| interpretation en] [| note: wheelchair access]`; again, to change what was given."""
    number, fields = _number_and_fields(args, usage="registration-usage")
    slot = await _next_slot(turn, number)
    interpretation, note = _read_fields(fields)
    if note is not None and turn.shared:
        raise UserError("visible-in-private-chat")  # everyone here would read it
    return await _register(turn, slot, interpretation=interpretation, note=note)


async def unregister(turn: Turn, args: str) -> Reply:
    """`unregister 3`: no longer coming to meeting 3's next occurrence (its reminders stop)."""
    number, fields = _number_and_fields(args, usage="unregistration-usage")
    if fields:
        raise UserError("unregistration-usage")
    slot = await _next_slot(turn, number)
    found = None
    if slot.row is not None:
        found = await roll.registration_of(turn.session, occurrence_id=slot.row.id, member_id=turn.member.id)
    if found is None:
        raise UserError("registration-not-registered", number=slot.meeting.number)
    await turn.session.delete(found)
    await turn.session.flush()
    _audit(turn, slot, action="meeting.unregistered")
    await reminder_plans.plan_meeting(turn.session, meeting=slot.meeting, community=turn.community, now=turn.now)
    return Reply.of(
        "registration-removed", number=slot.meeting.number, title=Title(slot.meeting.title), when=slot.starts_at
    )


async def register_button(turn: Turn, data: dict[str, object]) -> Reply:
    """The Register button of a meeting, agenda or reminder card (`{"meeting": 3, "start": ISO}`): registers for
    that occurrence, if it still starts then."""
    number, start = parse_number(data.get("meeting")), data.get("start")
    if number is None or not isinstance(start, str):
        raise UserError("card-data-invalid")
    try:
        wanted = datetime.fromisoformat(start)
    except ValueError:
        raise UserError("card-data-invalid") from None
    slot = await _next_slot(turn, str(number), starting=wanted)
    return await _register(turn, slot, interpretation=None, note=None)


async def registrations(turn: Turn, args: str) -> Reply:
    """`registrations 3` (facilitators): who is coming to the occurrence in progress, else the next
    one (or, when none is ahead, the one held last), with the interpretation they need and their notes; in the 1:1
    chat only, for the notes."""
    require_facilitator(turn.member)
    if turn.shared:
        raise UserError("visible-in-private-chat")
    number, fields = _number_and_fields(args, usage="registrations-usage")
    if fields:
        raise UserError("registrations-usage")
    meeting = await schedule.find_visible(turn, number)
    held = occurrences.last_started(meeting, now=turn.now)
    coming = occurrences.upcoming_slots(meeting, after=turn.now, count=1)
    in_progress = held is not None and turn.now < held.ends_at
    slot = held if in_progress or not coming else coming[0]
    if slot is None:
        raise UserError("meeting-nothing-ahead", number=meeting.number)
    people = await roll.registered(turn.session, occurrence_id=slot.row.id) if slot.row is not None else []
    shown = RegistrationList(
        meeting=schedule.view(slot),
        people=tuple(Registrant(m.name, r.interpretation, r.note) for r, m in people),
        into_arabic=sum(1 for r, _ in people if r.interpretation == "ar"),
        into_english=sum(1 for r, _ in people if r.interpretation == "en"),
    )
    return Reply.of("registrations-list", view=shown, number=meeting.number, count=len(people))


async def _register(turn: Turn, slot: Slot, *, interpretation: str | None, note: str | None) -> Reply:
    """Register the speaker for `slot`, or change what they gave (None: left as it was); reminders re-planned."""
    row = await occurrences.occurrence_row(turn.session, slot)
    found = await roll.registration_of(turn.session, occurrence_id=row.id, member_id=turn.member.id)
    meeting = slot.meeting
    if found is not None and interpretation is None and note is None:
        return _reply("registration-already", found, meeting=meeting, slot=slot, shared=turn.shared)
    new = found is None
    if found is None:
        found = Registration(occurrence_id=row.id, member_id=turn.member.id, note="", created_at=turn.now)
        turn.session.add(found)
    if interpretation is not None:
        found.interpretation = interpretation or None
    if note is not None:
        found.note = note
    found.updated_at = turn.now
    await turn.session.flush()
    key = "registration-added" if new else "registration-updated"
    _audit(turn, slot, action="meeting.registered")
    await reminder_plans.plan_meeting(turn.session, meeting=meeting, community=turn.community, now=turn.now)
    return _reply(key, found, meeting=meeting, slot=slot, shared=turn.shared)


def _reply(key: str, found: Registration, *, meeting: Meeting, slot: Slot, shared: bool) -> Reply:
    """What the member gave, repeated to them; where others read the answer (`shared`), the note stays out: the
    reply says only that one is kept."""
    noted = ("kept" if shared else "yes") if found.note else "no"  # Fluent selects on yes/kept/no
    return Reply.of(
        key,
        number=meeting.number,
        title=Title(meeting.title),
        when=slot.starts_at,
        interpretation=found.interpretation or "none",
        note="" if shared else found.note,
        noted=noted,
    )


async def _next_slot(turn: Turn, number: str, *, starting: datetime | None = None) -> Slot:
    """Meeting `number`'s next occurrence (or the coming one `starting` then), when the speaker may see the
    meeting here (`schedule.find_visible`: the visibility rule) and it takes registrations."""
    meeting = await schedule.find_visible(turn, number)
    if not meeting.registration:
        raise UserError("registration-off", number=meeting.number, title=Title(meeting.title))
    coming = occurrences.upcoming_slots(meeting, after=turn.now, count=60 if starting else 1)
    if starting is not None:
        coming = [slot for slot in coming if slot.starts_at == starting]
        if not coming:
            raise UserError("registration-moved", number=meeting.number)
    if not coming:
        raise UserError("meeting-nothing-ahead", number=meeting.number)
    return coming[0]


def _read_fields(fields: list[str]) -> tuple[str | None, str | None]:
    """The interpretation language ("" for none) and the note a registration names (None: not named)."""
    interpretation: str | None = None
    note: str | None = None
    for field in fields:
        named = _field_named(_COLON.sub(r"\1 ", field, count=1))
        if named is None:
            raise UserError("registration-field-unknown", given=field[:60])
        key, value = named
        if key == "interpretation":
            language = _language_named(value)
            if language is None:
                raise UserError("registration-interpretation-unknown", given=value[:30] or "-")
            interpretation = "" if language == "none" else language
        else:
            note = " ".join(value.split())
            if len(note) > MAX_NOTE:
                raise UserError("registration-note-too-long", limit=MAX_NOTE)
    return interpretation, note


def _number_and_fields(args: str, *, usage: str) -> tuple[str, list[str]]:
    """'3 | interpretation en' -> ('3', ['interpretation en']); no number: UserError(`usage`)."""
    head, *fields = [field.strip() for field in args.split("|")]
    number, _, rest = head.partition(" ")
    if parse_number(number) is None:
        raise UserError(usage)
    if rest.strip():
        fields.insert(0, rest.strip())
    return number, [field for field in fields if field]


def _audit(turn: Turn, slot: Slot, *, action: str) -> None:
    """Who registered or withdrew, for which occurrence (what they asked for stays out of the audit log)."""
    repo.audit_row(
        turn.session, actor=turn.member, row=slot.meeting, action=action, after={"start": slot.starts_at.isoformat()}
    )
