"""FAQ entries: facilitators add, edit, remove and list them; anyone can read one (`faq N`).

An entry holds an Arabic and/or an English version (question phrasings and an answer), tags, a working group and
a source link. Typed form: `faq add <question>; <another phrasing> | <answer> [| tags a, b] [| group X]
[| source https://…] [| lang ar|en]`; the version's language is the script of the question unless `lang` says.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from dialogs.common.commands import plain_mentions
from dialogs.common.errors import UserError
from dialogs.common.language import LANGUAGES
from dialogs.common.numbered import by_number
from dialogs.common.replies import Reply
from dialogs.common.rights import require_facilitator
from dialogs.common.text import fold, leading_words, parse_number, script_language, word_table
from dialogs.common.turn import Turn
from dialogs.common.visibility import listable, of_faq, reader_for, require_visible
from dialogs.meetings import schedule
from dialogs.questions.engine import normalize
from dialogs.questions.views import AnswerCard, FaqEntryCard, FaqForm, FaqList
from storage import repositories as repo
from storage.models import Community, FaqEntry, FaqVersion, Member, WorkingGroup

MAX_PHRASINGS = 20
MAX_QUESTION = 500
MAX_ANSWER = 4000
MAX_TAGS = 10
MAX_TAG = 40
MAX_SOURCE = 1000
PAGE_SIZE = 15
VERBS = {
    "add": ("add", "new", "أضف", "إضافة", "اضافة", "جديد"),
    "edit": ("edit", "update", "change", "تعديل", "عدل", "تحديث"),
    "remove": ("remove", "delete", "drop", "حذف", "احذف", "إزالة", "ازالة"),
    "list": ("list", "all", "قائمة", "القائمة", "الكل", "عرض"),
    "import": ("import", "upload", "استيراد", "رفع"),
    "export": ("export", "download", "تصدير", "تنزيل"),
}
FIELD_WORDS = {
    "tags": ("tags", "tag", "وسوم", "الوسوم", "وسم"),
    "group": ("group", "working group", "مجموعة", "المجموعة"),
    "source": ("source", "link", "مصدر", "المصدر", "رابط"),
    "lang": ("lang", "language", "لغة", "اللغة"),
}
LANGUAGE_WORDS = {
    "ar": ("ar", "arabic", "عربي", "العربية"),
    "en": ("en", "english", "إنجليزي", "انجليزي", "الإنجليزية"),
}
_PHRASING_SPLIT = re.compile(r"[;؛\n]+")
_URL = re.compile(r"https?://[^\s<>\"]+", re.IGNORECASE)

faq_verb = word_table(VERBS)
_field_named = leading_words(FIELD_WORDS)
_language_named = word_table(LANGUAGE_WORDS)


# ---- what readers see --------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Version:
    """A question and its answer in one language."""

    lang: str
    question: str
    answer: str


@dataclass(frozen=True)
class AnswerView:
    """Something the bot answers with: an FAQ entry, a decision or published minutes, with its source."""

    ref: str
    kind: str  # faq | decision | minutes
    number: int
    versions: tuple[Version, ...]
    source_url: str | None = None
    meeting: str | None = None
    meeting_number: int | None = None
    held_at: datetime | None = None
    group: str | None = None
    tags: tuple[str, ...] = ()

    def pick(self, lang: str) -> tuple[Version, bool]:
        """The version in `lang`, else the other one (True: it is in the other language)."""
        for version in self.versions:
            if version.lang == lang:
                return version, False
        return self.versions[0], True


@dataclass(frozen=True)
class EntryLine:
    """One line of `faq list`."""

    number: int
    versions: tuple[Version, ...]
    tags: tuple[str, ...]
    group: str | None
    helpful: int

    def pick(self, lang: str) -> Version:
        return next((v for v in self.versions if v.lang == lang), self.versions[0])


def versions_of(entry: FaqEntry) -> tuple[Version, ...]:
    return tuple(Version(v.lang, v.questions[0] if v.questions else "", v.answer) for v in entry.versions)


def answer_view(entry: FaqEntry) -> AnswerView:
    """How an FAQ entry is shown as an answer."""
    return AnswerView(
        ref=f"faq:{entry.id}",
        kind="faq",
        number=entry.number,
        versions=versions_of(entry),
        source_url=entry.source_url,
        group=entry.group.name if entry.group else None,
        tags=tuple(entry.tags or ()),
    )


# ---- plans: what a command, a form or a file row asks for --------------------------------------------------


@dataclass
class EntryPlan:
    """An entry as asked for, before it is checked and stored: versions by language, and the other fields."""

    versions: dict[str, tuple[list[str], str]] = field(default_factory=dict)
    tags: list[str] | None = None
    group: WorkingGroup | None = None
    group_given: bool = False
    source: str | None = None
    source_given: bool = False


def phrasings(text: str) -> list[str]:
    """Question phrasings separated by `;`, `؛` or new lines; each once."""
    found = [" ".join(plain_mentions(part).split()) for part in _PHRASING_SPLIT.split(text)]
    return list(dict.fromkeys(p for p in found if p))


def parse_tags(text: str) -> list[str]:
    """`flood, triggers` -> ['flood', 'triggers'] (Arabic commas too)."""
    tags = [" ".join(tag.split()) for tag in re.split(r"[,،;؛]+", text)]
    return list(dict.fromkeys(tag for tag in tags if tag))


def check_version(lang: str, questions: Sequence[str], answer: str) -> tuple[list[str], str]:
    """A version's phrasings and answer, checked."""
    questions = [q for q in questions if normalize(q)]
    answer = plain_mentions(answer).strip()
    if not questions:
        raise UserError("faq-question-missing")
    if not answer:
        raise UserError("faq-answer-missing")
    if len(questions) > MAX_PHRASINGS:
        raise UserError("faq-too-many-phrasings", limit=MAX_PHRASINGS)
    if any(len(q) > MAX_QUESTION for q in questions):
        raise UserError("faq-question-too-long", limit=MAX_QUESTION)
    if len(answer) > MAX_ANSWER:
        raise UserError("faq-answer-too-long", length=len(answer), limit=MAX_ANSWER)
    if lang not in LANGUAGES:
        raise UserError("faq-lang-unknown", given=lang[:20])
    return list(questions), answer


def check_tags(tags: Sequence[str]) -> list[str]:
    if len(tags) > MAX_TAGS:
        raise UserError("faq-too-many-tags", limit=MAX_TAGS)
    if any(len(tag) > MAX_TAG for tag in tags):
        raise UserError("faq-tag-too-long", limit=MAX_TAG)
    return list(tags)


def check_source(text: str) -> str | None:
    text = text.strip()
    if not text:
        return None
    if not _URL.fullmatch(text) or len(text) > MAX_SOURCE:
        raise UserError("faq-source-invalid", given=text[:80])
    return text


async def read_fields(session: AsyncSession, plan: EntryPlan, fields: Sequence[str], *, community: Community) -> str:
    """The optional `| tags …`, `| group …`, `| source …`, `| lang …` fields; returns the language asked for."""
    lang = ""
    for raw in fields:
        text = raw.strip()
        if not text:
            continue
        named = _field_named(text)
        if named is None and _URL.fullmatch(text):
            named = ("source", text)
        if named is None:
            raise UserError("faq-field-unknown", given=text[:40])
        key, value = named
        if key == "tags":
            plan.tags = check_tags(parse_tags(value))
        elif key == "group":
            plan.group_given = True
            plan.group = await schedule.group_named(session, community=community, name=value) if value else None
        elif key == "source":
            plan.source_given, plan.source = True, check_source(value)
        else:
            lang = _language_named(value) or ""
            if not lang:
                raise UserError("faq-lang-unknown", given=value[:20])
    return lang


# ---- storing -----------------------------------------------------------------------------------------------


Owners = dict[str, tuple[int, int]]  # normalised phrasing -> (entry id, entry number)


async def phrasing_owners(session: AsyncSession, *, community_id: int) -> Owners:
    """Which entry has which phrasing (spelling variants count as the same)."""
    rows = await session.execute(
        select(FaqEntry.id, FaqEntry.number, FaqVersion.questions)
        .join(FaqVersion, FaqVersion.entry_id == FaqEntry.id)
        .where(FaqEntry.community_id == community_id)
    )
    return {normalize(q): (entry_id, number) for entry_id, number, questions in rows for q in questions}


def _refuse_duplicates(owners: Owners, questions: Sequence[str], *, besides: int | None = None) -> None:
    for question in questions:
        owner = owners.get(normalize(question))
        if owner is not None and owner[0] != besides:
            raise UserError("faq-duplicate", number=owner[1])


def _own(owners: Owners, entry: FaqEntry) -> None:
    for version in entry.versions:
        owners.update((normalize(q), (entry.id, entry.number)) for q in version.questions)


async def create_entry(
    session: AsyncSession,
    *,
    community: Community,
    actor: Member | None,
    plan: EntryPlan,
    now: datetime,
    owners: Owners | None = None,
) -> FaqEntry:
    """Store a checked plan as a new entry (numbered per community); `owners` (kept up to date) saves a bulk
    import from reading every phrasing again for each row."""
    if not plan.versions:
        raise UserError("faq-question-missing")
    for lang, (questions, answer) in plan.versions.items():
        plan.versions[lang] = check_version(lang, questions, answer)
    owners = await phrasing_owners(session, community_id=community.id) if owners is None else owners
    _refuse_duplicates(owners, [q for questions, _ in plan.versions.values() for q in questions])
    entry = FaqEntry(
        community_id=community.id,
        number=await repo.next_number(session, community_id=community.id, column=FaqEntry.number),
        tags=plan.tags or [],
        group_id=plan.group.id if plan.group else None,
        source_url=plan.source,
        revision=1,
        helpful=0,
        created_by_id=actor.id if actor else None,
        created_at=now,
        updated_by_id=actor.id if actor else None,
        updated_at=now,
        versions=[FaqVersion(lang=lang, questions=q, answer=a) for lang, (q, a) in sorted(plan.versions.items())],
    )
    session.add(entry)
    await session.flush()
    await session.refresh(entry, ["versions", "group"])
    repo.audit_row(session, actor=actor, row=entry, action="faq.added", after=state(entry))
    _own(owners, entry)
    return entry


async def update_entry(
    session: AsyncSession,
    entry: FaqEntry,
    *,
    actor: Member | None,
    plan: EntryPlan,
    now: datetime,
    owners: Owners | None = None,
) -> FaqEntry:
    """Apply a plan to an entry: versions it names are replaced, fields it names are set."""
    before = state(entry)
    owners = await phrasing_owners(session, community_id=entry.community_id) if owners is None else owners
    checked = {lang: check_version(lang, questions, answer) for lang, (questions, answer) in plan.versions.items()}
    for questions, _ in checked.values():
        _refuse_duplicates(owners, questions, besides=entry.id)
    for lang, (questions, answer) in checked.items():
        version = entry.version(lang)
        if version is None:
            entry.versions.append(FaqVersion(lang=lang, questions=questions, answer=answer))
        else:
            version.questions, version.answer = questions, answer
    if plan.tags is not None:
        entry.tags = plan.tags
    if plan.group_given:
        entry.group_id = plan.group.id if plan.group else None
    if plan.source_given:
        entry.source_url = plan.source
    entry.revision += 1
    entry.updated_at, entry.updated_by_id = now, actor.id if actor else None
    await session.flush()
    await session.refresh(entry, ["versions", "group"])
    repo.audit_row(session, actor=actor, row=entry, action="faq.edited", before=before, after=state(entry))
    _own(owners, entry)
    return entry


def state(entry: FaqEntry) -> dict[str, Any]:
    """An entry as the audit log keeps it."""
    return {
        "number": entry.number,
        "versions": {v.lang: {"questions": list(v.questions), "answer": v.answer} for v in entry.versions},
        "tags": list(entry.tags or []),
        "group_id": entry.group_id,
        "source": entry.source_url,
    }


async def find(session: AsyncSession, *, community: Community, number: object) -> FaqEntry:
    """The community's entry by number."""
    return await by_number(session, FaqEntry, community=community, number=number, kind="faq")


# ---- commands ----------------------------------------------------------------------------------------------


async def command(turn: Turn, args: str) -> Reply:
    """`faq [list [tag]] | N | add … | edit N … | remove N | import | export`."""
    first, _, rest = args.strip().partition(" ")
    if parse_number(first):
        return await show(turn, number=first)
    match faq_verb(first) if first else "list":
        case "list":
            return await list_entries(turn, args=rest)
        case "add":
            return await add(turn, args=rest)
        case "edit":
            return await edit(turn, args=rest)
        case "remove":
            return await remove(turn, args=rest)
        case "import":
            require_facilitator(turn.member)
            return Reply.of("faq-import-how")
        case "export":
            require_facilitator(turn.member)
            return Reply.of("faq-export-how")
    raise UserError("faq-usage")


async def add(turn: Turn, args: str) -> Reply:
    """`faq add <questions> | <answer> [| fields]`; alone, the form."""
    require_facilitator(turn.member)
    if not args.strip():
        return await form(turn)
    plan = await _typed_plan(turn, args=args)
    entry = await create_entry(turn.session, community=turn.community, actor=turn.member, plan=plan, now=turn.now)
    return _stored("faq-added", entry)


async def edit(turn: Turn, args: str) -> Reply:
    """`faq edit N <questions> | <answer> [| fields]` replaces that language's version; `faq edit N | tags …`
    changes only the fields; `faq edit N` alone opens the form filled in."""
    require_facilitator(turn.member)
    number, _, rest = args.strip().partition(" ")
    if "|" in number:
        number, _, more = number.partition("|")
        rest = f"|{more} {rest}"
    entry = await find(turn.session, community=turn.community, number=number)
    if not rest.strip():
        return await form(turn, entry=entry)
    plan = await _typed_plan(turn, args=rest, fields_only_ok=True)
    entry = await update_entry(turn.session, entry, actor=turn.member, plan=plan, now=turn.now)
    return _stored("faq-edited", entry)


def _stored(key: str, entry: FaqEntry) -> Reply:
    """An entry just added or edited, as its card."""
    return Reply.of(key, view=FaqEntryCard(answer_view(entry)), number=entry.number)


async def _typed_plan(turn: Turn, *, args: str, fields_only_ok: bool = False) -> EntryPlan:
    questions_text, *fields = [part.strip() for part in args.split("|")]
    plan = EntryPlan()
    if not questions_text:
        if not fields_only_ok:
            raise UserError("faq-question-missing")
        await read_fields(turn.session, plan, fields, community=turn.community)
        return plan
    if not fields or not fields[0]:
        raise UserError("faq-answer-missing")
    answer, *extra = fields
    lang = await read_fields(turn.session, plan, extra, community=turn.community)
    questions = phrasings(questions_text)
    lang = lang or script_language(" ".join(questions)) or turn.member.language or turn.community.default_language
    plan.versions[lang] = (questions, answer)
    return plan


async def remove(turn: Turn, args: str) -> Reply:
    """`faq remove N` (facilitators): the entry is gone from answers at once."""
    require_facilitator(turn.member)
    entry = await find(turn.session, community=turn.community, number=args.strip())
    before = state(entry)
    repo.audit_row(turn.session, actor=turn.member, row=entry, action="faq.removed", before=before)
    await turn.session.delete(entry)
    await turn.session.flush()
    return Reply.of("faq-removed", number=before["number"])


async def show(turn: Turn, *, number: object) -> Reply:
    """`faq N`: the entry as an answer card (a working group's entry only for its members)."""
    entry = await find(turn.session, community=turn.community, number=number)
    await require_visible(turn, of_faq(entry), unknown=UserError("faq-unknown", number=entry.number))
    return Reply.of("faq-entry", view=AnswerCard(answer_view(entry), state="looked-up"), number=entry.number)


async def list_entries(turn: Turn, args: str) -> Reply:
    """`faq list [tag] [page]`: the entries the speaker may see by number, optionally those with a tag."""
    words = args.split()
    page = parse_number(words[-1]) if words else None
    if page:
        words.pop()
    tag = " ".join(words)
    reader = await reader_for(turn)
    query = (
        select(FaqEntry)
        .where(FaqEntry.community_id == turn.community.id, listable(reader, group=FaqEntry.group_id))
        .order_by(FaqEntry.number)
    )
    entries = [e for e in await turn.session.scalars(query) if not tag or fold(tag) in {fold(t) for t in e.tags or ()}]
    pages = max(1, -(-len(entries) // PAGE_SIZE))
    page = page or 1
    if page > pages:
        raise UserError("faq-page-unknown", page=page, pages=pages)
    shown = entries[(page - 1) * PAGE_SIZE : page * PAGE_SIZE]
    lines = tuple(
        EntryLine(e.number, versions_of(e), tuple(e.tags or ()), e.group.name if e.group else None, e.helpful)
        for e in shown
        if e.versions
    )
    listed = FaqList(lines, len(entries), tag, page, pages, facilitator=turn.member.role.facilitates)
    return Reply.of("faq-list", view=listed)


async def form(turn: Turn, *, entry: FaqEntry | None = None) -> Reply:
    """The card form for a new entry, or for `entry` filled in."""
    groups = await repo.open_groups(turn.session, community_id=turn.community.id)
    values: dict[str, str] = {}
    if entry is not None:
        for version in entry.versions:
            values[f"question_{version.lang}"] = "\n".join(version.questions)
            values[f"answer_{version.lang}"] = version.answer
        values.update(tags=", ".join(entry.tags or ()), source=entry.source_url or "")
        values["group"] = str(entry.group_id or "")
    number = entry.number if entry else 0
    return Reply.of("faq-form", view=FaqForm(number, values, tuple((g.id, g.name) for g in groups)))


async def add_from_form(turn: Turn, data: dict[str, object]) -> Reply:
    """The form's answer: a new entry, or (with `number`) the entry's new state."""
    require_facilitator(turn.member)
    plan = EntryPlan(tags=check_tags(parse_tags(_text(data, "tags"))), group_given=True, source_given=True)
    plan.source = check_source(_text(data, "source"))
    for lang in LANGUAGES:
        questions, answer = phrasings(_text(data, f"question_{lang}")), _text(data, f"answer_{lang}")
        if questions or answer.strip():
            plan.versions[lang] = (questions, answer)
    if data.get("group") not in (None, ""):
        group_id = parse_number(data.get("group"))
        group = await turn.session.get(WorkingGroup, group_id) if group_id else None
        if group is None or group.community_id != turn.community.id or group.closed_at is not None:
            raise UserError("card-data-invalid")
        plan.group = group
    if data.get("number") not in (None, "", 0, "0"):
        entry = await find(turn.session, community=turn.community, number=data.get("number"))
        entry = await update_entry(turn.session, entry, actor=turn.member, plan=plan, now=turn.now)
        return _stored("faq-edited", entry)
    entry = await create_entry(turn.session, community=turn.community, actor=turn.member, plan=plan, now=turn.now)
    return _stored("faq-added", entry)


def _text(data: dict[str, object], key: str) -> str:
    value = data.get(key)
    return value if isinstance(value, str) else ""
