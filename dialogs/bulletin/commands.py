"""The `bulletin` command: anyone reads the coming bulletin's draft (as the channel will read it); facilitators write
its editorial note and choose the day it goes out (the post itself: `dialogs.bulletin.posting`)."""

from __future__ import annotations

import re
from typing import Any

from dialogs.bulletin import content, timing
from dialogs.common.errors import UserError
from dialogs.common.replies import Reply
from dialogs.common.rights import require_facilitator
from dialogs.common.text import ascii_digits, fold, script_language, word_table
from dialogs.common.turn import Turn
from dialogs.common.visibility import CHANNEL
from storage import repositories as repo
from storage.models.bulletin import BulletinEdition, BulletinSetting

NOTE_LIMIT = 1500
"""Characters of an editorial note (a paragraph, not an article: the bulletin has to fit in one Teams message)."""
VERBS = {
    "note": ("note", "editorial", "ملاحظة", "ملاحظه", "كلمة", "افتتاحية"),
    "day": ("day", "date", "يوم", "اليوم", "موعد"),
}
CLEAR_WORDS = {fold(word) for word in ("clear", "remove", "delete", "none", "مسح", "امسح", "حذف", "احذف", "إزالة")}
OFF_WORDS = {fold(word) for word in ("off", "stop", "none", "إيقاف", "ايقاف", "أوقف", "اوقف", "لا")}
_verb = word_table(VERBS)
_DAY = re.compile(r"[0-9]{1,2}")
_TIME = re.compile(r"([0-9]{1,2}):([0-9]{2})")


async def command(turn: Turn, args: str) -> Reply:
    """`bulletin` (the draft), `bulletin note <text>|clear`, `bulletin day <1-28> [HH:MM]|off`."""
    first, _, rest = args.strip().partition(" ")
    if not first:
        return await draft(turn)
    verb = _verb(first)
    if verb is None:
        raise UserError("bulletin-usage")
    require_facilitator(turn.member)
    if verb == "note":
        return await note(turn, rest.strip())
    return await set_day(turn, rest.strip())


async def draft(turn: Turn) -> Reply:
    """The coming bulletin as the channel will read it (a working group's and confidential items counted only)."""
    edition = await timing.next_edition(turn.session, community=turn.community, now=turn.now)
    if edition is None:
        return Reply.of("bulletin-off")
    shown = await content.bulletin(
        turn.session, community=turn.community, period=edition.period, reader=CHANNEL, now=turn.now
    )
    return Reply.of("bulletin-draft", view=shown, issue=edition.due)


async def note(turn: Turn, text: str) -> Reply:
    """Write (or, with `clear`, remove) the editorial paragraph that opens the coming bulletin."""
    edition = await timing.next_edition(turn.session, community=turn.community, now=turn.now)
    if edition is None:
        raise UserError("bulletin-off")
    if not text:
        raise UserError("bulletin-note-usage")
    if len(text) > NOTE_LIMIT:
        raise UserError("bulletin-note-too-long", limit=NOTE_LIMIT, length=len(text))
    cleared = fold(text) in CLEAR_WORDS
    row = await content.edition_row(turn.session, community_id=turn.community.id, period=edition.period)
    if row is None:
        if cleared:
            return Reply.of("bulletin-note-cleared")
        row = BulletinEdition(community_id=turn.community.id, period=edition.period, note="")
        turn.session.add(row)
    before = {"note": row.note, "lang": row.note_lang}
    row.note = "" if cleared else text
    row.note_lang = None if cleared else script_language(text) or turn.language
    row.note_by_id, row.note_at = turn.member.id, turn.now
    _audit(turn, "bulletin.note", before, {"note": row.note, "lang": row.note_lang})
    await turn.session.flush()
    if cleared:
        return Reply.of("bulletin-note-cleared")
    return Reply.of("bulletin-note-set", issue=edition.due)


async def set_day(turn: Turn, text: str) -> Reply:
    """Choose the day of the month (1-28) and optionally the time the bulletin goes out, or turn it off."""
    words = ascii_digits(text).split()
    if len(words) == 1 and fold(words[0]) in OFF_WORDS:
        day, at = None, timing.DEFAULT_TIME
    else:
        day, at = _day_and_time(words)
    row = await turn.session.get(BulletinSetting, turn.community.id)
    if row is None:
        row = BulletinSetting(community_id=turn.community.id, day=timing.DEFAULT_DAY, time=timing.DEFAULT_TIME)
        turn.session.add(row)
    before = {"day": row.day, "time": row.time}
    row.day, row.time, row.updated_at = day, at, turn.now
    _audit(turn, "bulletin.day", before, {"day": day, "time": at})
    await turn.session.flush()
    await timing.plan(turn.session, community=turn.community, now=turn.now)
    if day is None:
        return Reply.of("bulletin-day-off")
    edition = await timing.next_edition(turn.session, community=turn.community, now=turn.now)
    assert edition is not None
    return Reply.of("bulletin-day-set", day=day, time=at, issue=edition.due)


def _day_and_time(words: list[str]) -> tuple[int, str]:
    """A day of the month 1-28 and an optional HH:MM; UserError with an example otherwise."""
    if not 1 <= len(words) <= 2 or not _DAY.fullmatch(words[0]) or not 1 <= int(words[0]) <= timing.LAST_DAY:
        raise UserError("bulletin-day-usage", last=timing.LAST_DAY)
    if len(words) == 1:
        return int(words[0]), timing.DEFAULT_TIME
    found = _TIME.fullmatch(words[1])
    if found is None or int(found[1]) > 23 or int(found[2]) > 59:
        raise UserError("bulletin-day-usage", last=timing.LAST_DAY)
    return int(words[0]), f"{int(found[1]):02d}:{found[2]}"


def _audit(turn: Turn, action: str, before: dict[str, Any], after: dict[str, Any]) -> None:
    repo.audit(
        turn.session,
        community_id=turn.community.id,
        actor=turn.member,
        action=action,
        object_type="community",
        object_id=turn.community.id,
        before=before,
        after=after,
    )
