"""`audit [@member] [kind] [since DAY]` / `السجل`: who changed what, with the values before and after, newest
first, a page at a time — for facilitators and admins, in the reader's language and time zone."""

from __future__ import annotations

from datetime import datetime, time
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import ColumnElement, and_, func, or_, select

from dialogs.common.commands import strip_mentions
from dialogs.common.dates import parse_past_day
from dialogs.common.errors import UserError
from dialogs.common.replies import Reply
from dialogs.common.rights import require_facilitator
from dialogs.common.text import leading_words, parse_number, word_table
from dialogs.common.turn import Turn
from dialogs.community.members import page_asked
from dialogs.community.roster import active_member
from dialogs.community.views import AuditChange, AuditLine, AuditPage
from storage import repositories as repo
from storage.models import AuditLog, Member

PAGE_SIZE = 8
MAX_VALUE = 80  # characters of a value before or after a change
KINDS = {
    # kind: (the audit entries' object types, the words that name them)
    "agenda": (("agenda_item",), ("agenda", "item", "items", "جدول", "بند", "بنود")),
    "action": (("action",), ("action", "actions", "إجراء", "إجراءات", "الإجراءات")),
    "meeting": (("meeting", "meeting_occurrence"), ("meeting", "meetings", "اجتماع", "اجتماعات", "الاجتماعات")),
    "minutes": (("decision", "minutes"), ("minutes", "decision", "decisions", "محضر", "المحضر", "قرار", "قرارات")),
    "member": (("member", "roster"), ("member", "members", "role", "roster", "عضو", "أعضاء", "الأعضاء", "دور")),
    "group": (("working_group",), ("group", "groups", "مجموعة", "مجموعات", "المجموعات")),
    "faq": (("faq_entry",), ("faq", "question", "questions", "سؤال", "أسئلة", "الأسئلة الشائعة")),
    "ticket": (("ticket",), ("ticket", "tickets", "تذكرة", "تذاكر", "طلب")),
    "vote": (("proposal",), ("vote", "votes", "poll", "polls", "تصويت", "استطلاع", "تأييد")),
    "plan": (("plan_objective",), ("plan", "objective", "خطة", "الخطة", "هدف")),
    "settings": (("community",), ("settings", "community", "reminders", "إعدادات", "الإعدادات", "المجتمع")),
}
_kind = word_table({kind: words for kind, (_types, words) in KINDS.items()})
_since = leading_words({"since": ("since", "from", "after", "منذ", "من", "بعد")})


async def command(turn: Turn, args: str) -> Reply:
    """`audit …` (facilitators and admins): the first page of the entries the filters leave."""
    require_facilitator(turn.member)
    who = None
    if turn.mentions:  # anyone on the roster, past members too
        who = await active_member(turn.session, community_id=turn.community.id, person=turn.mentions[0], past=True)
    since, kind = _filters(turn, strip_mentions(args))
    return await _page(turn, who_id=who.id if who else None, since=since, kind=kind, page="1")


async def page_button(turn: Turn, data: dict[str, object]) -> Reply:
    """The "older entries" button (`{"verb": "audit-page", "page": N, "member", "since", "kind"}`); a page past
    the last (entries purged meanwhile) is said so."""
    require_facilitator(turn.member)
    page, who_id = parse_number(data.get("page")), parse_number(data.get("member"))
    since, kind = data.get("since"), data.get("kind")
    if page is None or (data.get("member") is not None and who_id is None) or (kind is not None and kind not in KINDS):
        raise UserError("card-data-invalid")
    try:
        day = datetime.fromisoformat(since) if isinstance(since, str) else None
    except ValueError as error:
        raise UserError("card-data-invalid") from error
    return await _page(turn, who_id=who_id, since=day, kind=kind if isinstance(kind, str) else None, page=str(page))


def _filters(turn: Turn, text: str) -> tuple[datetime | None, str | None]:
    """A kind, then `since DAY`, from what follows `audit` (and its mentions): `audit actions since 1 November`."""
    since, kind, rest = None, None, " ".join(text.split())
    if rest and _kind(rest.split()[0]) is not None:
        kind, rest = _kind(rest.split()[0]), " ".join(rest.split()[1:])
    if rest:
        found = _since(rest)
        if found is None:
            raise UserError("audit-usage")
        day = parse_past_day(found[1], now=turn.now, zone=turn.zone)
        since = datetime.combine(day, time(0), tzinfo=ZoneInfo(turn.zone))
    return since, kind


def by_or_about(member_id: int) -> ColumnElement[bool]:
    """The audit entries a member made, or that are about them (their role, language …)."""
    about = and_(AuditLog.object_type == "member", AuditLog.object_id == str(member_id))
    return or_(AuditLog.actor_member_id == member_id, about)


async def _page(turn: Turn, *, who_id: int | None, since: datetime | None, kind: str | None, page: str) -> Reply:
    where: list[ColumnElement[bool]] = [AuditLog.community_id == turn.community.id]
    if who_id is not None:
        where.append(by_or_about(who_id))
    if since is not None:
        where.append(AuditLog.at >= since)
    if kind is not None:
        where.append(AuditLog.object_type.in_(KINDS[kind][0]))
    count = await turn.session.scalar(select(func.count()).select_from(AuditLog).where(*where)) or 0
    pages = max(1, -(-count // PAGE_SIZE))
    number = page_asked(page, pages=pages, unknown="audit-page-unknown", invalid="audit-usage")
    rows = await turn.session.scalars(
        select(AuditLog)
        .where(*where)
        .order_by(AuditLog.at.desc(), AuditLog.id.desc())
        .limit(PAGE_SIZE)
        .offset((number - 1) * PAGE_SIZE)
    )
    names = await repo.member_names(turn.session, community_id=turn.community.id)
    who = await turn.session.get(Member, who_id) if who_id is not None else None
    shown = AuditPage(
        lines=tuple(_line(entry, names) for entry in rows),
        count=count,
        page=number,
        pages=pages,
        member=who.name if who else None,
        member_id=who_id,
        since=since,
        kind=kind,
    )
    return Reply.of("audit", view=shown, count=count)


def _line(entry: AuditLog, names: dict[int, str]) -> AuditLine:
    before, after = entry.before or {}, entry.after or {}
    shown = [
        (str(field), _value(before.get(field)), _value(after.get(field))) for field in dict.fromkeys([*before, *after])
    ]
    changes = tuple(AuditChange(field, was, now) for field, was, now in shown if was != now)
    about = parse_number(entry.object_id) if entry.object_type == "member" else None
    return AuditLine(
        at=entry.at,
        actor=names.get(entry.actor_member_id) if entry.actor_member_id is not None else None,
        action=entry.action,
        object_type=entry.object_type,
        object_id=entry.object_id,
        object_name=names.get(about) if about is not None else None,
        changes=changes,
    )


def _value(value: Any) -> str:
    """A value as one short line ("" when there was none)."""
    if value is None:
        return ""
    shown = ", ".join(str(item) for item in value) if isinstance(value, list) else str(value)
    shown = " ".join(shown.split())
    return shown if len(shown) <= MAX_VALUE else shown[: MAX_VALUE - 1] + "…"
