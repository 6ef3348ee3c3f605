"""`privacy` / `الخصوصية`: what Tansiq stores about a member, why, who sees it and for how long — read from this
community's roster, the visibility rule and its retention periods, in the member's language; the short line a member
reads once, on their first turn; and the admins' settings: `privacy retention <kind> <days>` and `privacy review every
<months>` (`privacy review` shows the sharing settings to the facilitators)."""

from __future__ import annotations

from datetime import datetime

from dialogs.common.errors import UserError
from dialogs.common.privacy_policy import LONGEST_DAYS, LONGEST_REVIEW_MONTHS
from dialogs.common.replies import Reply
from dialogs.common.text import fold, parse_number
from dialogs.common.turn import Turn
from dialogs.community import retention, sharing_review
from dialogs.community.views import PrivacyNotice
from storage import repositories as repo
from storage.models import Community, Member, Role


def _folded(*words: str) -> frozenset[str]:
    return frozenset(fold(word) for word in words)


RETENTION_WORDS = _folded("retention", "keep", "الاحتفاظ", "احتفاظ")
REVIEW_WORDS = _folded("review", "المراجعة", "مراجعة")
EVERY_WORDS = _folded("every", "كل")
FOREVER_WORDS = _folded("0", "٠", "forever", "always", "never", "للأبد", "دائما", "دائماً", "أبدا", "أبداً", "بلا حد")
DAY_WORDS = _folded("day", "days", "يوم", "يوما", "يوماً", "أيام")
KIND_WORDS = {
    "reminders": _folded("reminders", "messages", "التذكيرات", "الرسائل", "تذكيرات", "رسائل"),
    "questions": _folded("questions", "askers", "الأسئلة", "أسئلة"),
    "tickets": _folded("tickets", "التذاكر", "تذاكر"),
    "audit": _folded("audit", "history", "السجل", "سجل"),
}


async def command(turn: Turn, args: str = "") -> Reply:
    """`privacy`: the notice; `privacy retention …` and `privacy review …`: the settings (see the module)."""
    words = args.split()
    head = fold(words[0]) if words else ""
    if head in RETENTION_WORDS:
        return await set_retention(turn, words[1:])
    if head in REVIEW_WORDS:
        if len(words) > 1 and fold(words[1]) in EVERY_WORDS:
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
    months = 0 if fold(said) in FOREVER_WORDS else parse_number(said)
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


def _kind(word: str) -> str | None:
    return next((kind for kind, words in KIND_WORDS.items() if fold(word) in words), None)


def _days(said: str) -> int | None:
    """Days from "90", "٩٠", "90 days", "٩٠ يوما", or 0 for "forever"; None for anything else."""
    if fold(said) in FOREVER_WORDS:
        return 0
    first, *rest = said.split() or [""]
    number = parse_number(first)
    if number is None or number > LONGEST_DAYS or not _folded(*rest) <= DAY_WORDS:
        return None
    return number


def first_turn_notice(member: Member, community: Community, *, now: datetime) -> Reply | None:
    """The one line on a member's first turn saying what is kept and where to read more (then never again)."""
    if member.privacy_noted_at is not None:
        return None
    member.privacy_noted_at = now
    return Reply.of("privacy-first-turn", community=community.name)
