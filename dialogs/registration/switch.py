"""`meeting registration N on|off`: a facilitator asks members to register for a meeting, or stops asking.

Kept apart from the registration commands so that `dialogs.meetings.schedule` can offer it without an import cycle.
"""

from __future__ import annotations

from dialogs.common.errors import UserError
from dialogs.common.numbered import by_number
from dialogs.common.replies import Reply
from dialogs.common.rights import require_facilitator
from dialogs.common.text import fold
from dialogs.common.turn import Turn
from dialogs.common.two_languages import Title
from dialogs.reminders import plans as reminder_plans
from storage import repositories as repo
from storage.models import Meeting

ON_WORDS = frozenset(fold(word) for word in ("on", "open", "yes", "تشغيل", "فتح", "افتح", "نعم", "مفتوح"))
OFF_WORDS = frozenset(fold(word) for word in ("off", "close", "no", "إيقاف", "ايقاف", "إغلاق", "اغلاق", "أغلق", "لا"))


async def switch(turn: Turn, args: str) -> Reply:
    """`meeting registration 3 on` / `اجتماع التسجيل ٣ تشغيل`; its reminders are planned again for the new
    audience (registered people only, or everyone the meeting is for)."""
    require_facilitator(turn.member)
    words = args.replace("|", " ").split()
    if len(words) != 2 or fold(words[1]) not in ON_WORDS | OFF_WORDS:
        raise UserError("registration-switch-usage")
    meeting = await by_number(turn.session, Meeting, community=turn.community, number=words[0], kind="meeting")
    wanted = fold(words[1]) in ON_WORDS
    if meeting.registration != wanted:
        before, meeting.registration, meeting.updated_at = meeting.registration, wanted, turn.now
        repo.audit_row(
            turn.session,
            actor=turn.member,
            row=meeting,
            action="meeting.registration",
            before={"registration": before},
            after={"registration": wanted},
        )
        await reminder_plans.plan_meeting(turn.session, meeting=meeting, community=turn.community, now=turn.now)
    key = "registration-switched-on" if wanted else "registration-switched-off"
    return Reply.of(key, number=meeting.number, title=Title(meeting.title))
