"""`privacy` / `الخصوصية`: what Tansiq stores about a member, why, who sees it and for how long — read from this
community's roster, the visibility rule and its retention periods, in the member's language; the short line a member
reads once, on their first turn; and the admins' settings: `privacy retention <kind> <days>` and `privacy review every
<months>` (`privacy review` shows the sharing settings to the facilitators)."""

from __future__ import annotations

from datetime import datetime

from dialogs.common.errors import UserError
from dialogs.common.privacy_policy import LONGEST_DAYS, LONGEST_REVIEW_MONTHS
from dialogs.common.replies import Reply
from dialogs.common.text import parse_number, word_table
from dialogs.common.turn import Turn
from dialogs.community import retention, sharing_review
from dialogs.community.views import PrivacyNotice
from storage import repositories as repo
from storage.models import Community, Member, Role

SETTING_WORDS = {
    "retention": ("retention", "keep", "الاحتفاظ", "احتفاظ"),
    "review": ("review", "المراجعة", "مراجعة"),
    "every": ("every", "كل"),
    "forever": ("0", "٠", "forever", "always", "never", "للأبد", "دائما", "دائماً", "أبدا", "أبداً", "بلا حد"),
    "days": ("day", "days", "يوم", "يوما", "يوماً", "أيام"),
}
KIND_WORDS = {
    "reminders": ("reminders", "messages", "التذكيرات", "الرسائل", "تذكيرات", "رسائل"),
    "questions": ("questions", "askers", "الأسئلة", "أسئلة"),
    "tickets": ("tickets", "التذاكر", "تذاكر"),
    "audit": ("audit", "history", "السجل", "سجل"),
}
_setting_word = word_table(SETTING_WORDS)
_kind = word_table(KIND_WORDS)


async def command(turn: Turn, args: str = "") -> Reply:
    """`privacy`: the notice; `privacy retention …` and `privacy review …`: the settings (see the module)."""
    words = args.split()
    head = _setting_word(words[0]) if words else None
    if head == "retention":
        return await set_retention(turn, words[1:])
    if head == "review":
        if len(words) > 1 and _setting_word(words[1]) == "every":
            return await set_review_months(turn, words[2:])
        return await sharing_review.show(turn)
    return await show(turn)


async def show(turn: Turn) -> Reply:
    """The privacy notice for the speaker: their own profile's fields, their groups, who administers the data, and
    how long each kind of record is kept here."""
    member = turn.member
    leaders = await repo.active_facilitators(turn.session, community_id=turn.community.id)
    kept = retention.retention_of(turn.community, turn.services.privacy)
    notice = PrivacyNotice(
        community=turn.community.name,
        has_email=bool(member.email),
        groups=tuple(await repo.group_names_of(turn.session, member_id=member.id)),
        admins=tuple(person.name for person in leaders if person.role is Role.ADMIN),
        facilitators=sum(person.role is Role.FACILITATOR for person in leaders),
        retention=tuple(kept.items()),
    )
    return Reply.of("privacy", view=notice)


async def set_retention(turn: Turn, words: list[str]) -> Reply:
    """`privacy retention <kind> <days | forever>` (admins): how long this community keeps one kind of record."""
    if turn.member.role is not Role.ADMIN:
        raise UserError("privacy-admins-only")
    kind = _kind(words[0]) if words else None
    days = _days(" ".join(words[1:])) if len(words) > 1 else None
    if kind is None or days is None:
        raise UserError("privacy-retention-usage")
    retention.change_setting(
        turn.session,
        turn.community,
        actor=turn.member,
        action="community.retention",
        key=f"retention.{kind}",
        value=days,
    )
    return Reply.of("privacy-retention-set", kind=kind, days=days)


async def set_review_months(turn: Turn, words: list[str]) -> Reply:
    """`privacy review every <months | never>` (admins): how often the facilitators are asked to review the sharing
    settings."""
    if turn.member.role is not Role.ADMIN:
        raise UserError("privacy-admins-only")
    said = " ".join(words)
    months = 0 if _setting_word(said) == "forever" else parse_number(said)
    if months is None or months > LONGEST_REVIEW_MONTHS:
        raise UserError("privacy-review-usage")
    retention.change_setting(
        turn.session,
        turn.community,
        actor=turn.member,
        action="community.sharing_review",
        key="review_months",
        value=months,
    )
    await sharing_review.plan(turn.session, community=turn.community, policy=turn.services.privacy, now=turn.now)
    return Reply.of("privacy-review-set", months=months)


def _days(said: str) -> int | None:
    """Days from "90", "٩٠", "90 days", "٩٠ يوما", or 0 for "forever"; None for anything else."""
    if _setting_word(said) == "forever":
        return 0
    first, *rest = said.split() or [""]
    number = parse_number(first)
    if number is None or number > LONGEST_DAYS or any(_setting_word(word) != "days" for word in rest):
        return None
    return number


def first_turn_notice(member: Member, community: Community, *, now: datetime) -> Reply | None:
    """The one line on a member's first turn saying what is kept and where to read more (then never again)."""
    if member.privacy_noted_at is not None:
        return None
    member.privacy_noted_at = now
    return Reply.of("privacy-first-turn", community=community.name)
