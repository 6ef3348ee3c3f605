"""Commands about the community and oneself: help, lang, tz, whoami, members, role."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from zoneinfo import available_timezones

from babel import Locale
from babel.core import get_global
from sqlalchemy.ext.asyncio import AsyncSession

from dialogs.common.commands import strip_mentions
from dialogs.common.errors import UserError
from dialogs.common.people import Person
from dialogs.common.registry import HELP_TOPICS
from dialogs.common.replies import Reply
from dialogs.common.rights import require_facilitator
from dialogs.common.text import ascii_digits, fold, parse_number, word_table
from dialogs.common.turn import Turn
from dialogs.community.views import HelpCard, LanguageChoice, RosterLine, RosterPage
from storage import repositories as repo
from storage.models import Member, Role

LANGUAGE_WORDS = {
    "ar": ("ar", "arabic", "عربي", "عربية", "العربية", "اللغة العربية"),
    "en": ("en", "english", "انجليزي", "إنجليزي", "انجليزية", "الإنجليزية", "الانجليزية", "انكليزي"),
}
ROLE_WORDS = {
    Role.FACILITATOR: ("facilitator", "ميسر", "ميسّر", "ميسرة", "منسق", "منسقة"),
    Role.MEMBER: ("member", "عضو", "عضوة"),
}
MEMBERS_PAGE = 50
SEARCH_LIMIT = 15
"""Members a typeahead search answers with at most (Teams shows 15 choices)."""
MAX_QUERY = 100
"""Characters of a search's query that count (a name is shorter)."""
_WHOLE_NUMBER = re.compile(r"[+-]?[0-9]+")
_language_named = word_table(LANGUAGE_WORDS)
_role_from_word = word_table(ROLE_WORDS)
EVERYDAY_MEMBER = ("meetings", "agenda", "actions", "action", "votes", "faq", "ask")
EVERYDAY_FACILITATOR = ("meetings", "meeting", "agenda", "decision", "minutes", "actions", "action", "tickets")
"""What `help` alone lists: the commands each role uses most (the topics hold the rest)."""
TOPIC_WORDS = {
    "meetings": ("meetings", "meeting", "الاجتماعات", "اجتماعات"),
    "agenda": ("agenda", "جدول الأعمال", "الأجندة"),
    "actions": ("actions", "action points", "الإجراءات", "إجراءات", "المهام"),
    "questions": ("questions", "faq", "الأسئلة", "أسئلة"),
    "groups": ("groups", "working groups", "plan", "المجموعات", "مجموعات العمل", "الخطة"),
    "votes": ("votes", "polls", "التصويت", "التصويتات"),
    "settings": ("settings", "me", "privacy", "الإعدادات", "إعدادات", "الخصوصية"),
}
_topic_from_word = word_table(TOPIC_WORDS)


async def show_help(turn: Turn, args: str = "") -> Reply:
    """`help`: the handful of commands this member's role uses most, and a button per topic; `help <topic>` (or
    `help <command>`: its topic): every command of that topic the role may use, each with an example."""
    facilitates = turn.member.role.facilitates
    specs = [spec for spec in turn.services.registry.commands.values() if spec.helps(facilitates=facilitates)]
    topics = tuple(topic for topic in HELP_TOPICS if any(spec.topic == topic for spec in specs))
    role, gender = turn.member.role.value, turn.member.grammatical_gender
    wanted = " ".join(args.split())
    if not wanted:
        everyday = EVERYDAY_FACILITATOR if facilitates else EVERYDAY_MEMBER
        return Reply.of("help", view=HelpCard(commands=everyday, role=role, topics=topics, gender=gender))
    topic = _topic_named(turn, wanted)
    if topic is None:
        raise UserError("help-topic-unknown", given=wanted[:40])
    names = tuple(spec.name for spec in specs if spec.topic == topic)
    return Reply.of("help", view=HelpCard(commands=names, role=role, topic=topic, topics=topics, gender=gender))


async def show_help_button(turn: Turn, data: dict[str, object]) -> Reply:
    """A `help` button on a card (`{"verb": "help", "topic": "meetings"}` for a topic)."""
    topic = data.get("topic")
    return await show_help(turn, topic if isinstance(topic, str) and topic in HELP_TOPICS else "")


def _topic_named(turn: Turn, said: str) -> str | None:
    """The help topic `said` names (in Arabic or English), or the topic of the command it names."""
    topic = _topic_from_word(said)
    if topic is not None:
        return topic
    command = turn.services.registry.parse(said)
    spec = turn.services.registry.commands.get(command.name) if command is not None else None
    return spec.topic if spec is not None else None


async def set_language(turn: Turn, args: str) -> Reply:
    """`lang ar|en`: the member's language from now on (no argument: offer the choice)."""
    if not args.strip():
        return Reply.of("lang-choose", view=LanguageChoice())
    code = _language_named(args)
    if code is None:
        raise UserError("lang-unknown", given=args.strip()[:40])
    member = turn.member
    before = member.language
    member.language = code
    repo.audit_member_change(turn.session, actor=member, target=member, field="language", before=before, after=code)
    return Reply.of("lang-set", lang=code)


async def language_button(turn: Turn, data: dict[str, object]) -> Reply:
    """The Arabic / English buttons under `help` (`Action.Submit` data `{"verb": "lang", "lang": "ar"}`)."""
    if not isinstance(data.get("lang"), str):
        raise UserError("card-data-invalid")
    return await set_language(turn, str(data["lang"]))


@cache
def _zones_by_name() -> dict[str, str]:
    """Folded zone names, then city names, then country names -> canonical zone names. Cities and countries in
    English and Arabic, as CLDR names them (through babel); a name is kept only where it means one zone (a country
    only where it has one), and a city wins over a country of the same name (عمان: Amman, not Oman)."""
    zones = {fold(zone): zone for zone in available_timezones() if "/" in zone}
    cities: dict[str, set[str]] = {}
    countries: dict[str, set[str]] = {}
    territory_of = get_global("zone_territories")
    by_territory: dict[str, set[str]] = {}
    locales = [Locale.parse(lang) for lang in ZONE_NAME_LANGUAGES]
    for zone in zones.values():
        names = {zone.rsplit("/", 1)[-1].replace("_", " ")}
        names.update(str(city) for locale in locales if (city := locale.time_zones.get(zone, {}).get("city")))
        for name in names:
            cities.setdefault(fold(name), set()).add(zone)
        if zone in territory_of:
            by_territory.setdefault(territory_of[zone], set()).add(zone)
    for territory, found in by_territory.items():
        for locale in locales:
            country: str | None = locale.territories.get(territory)
            if country:
                countries.setdefault(fold(country), set()).update(found)
    for named in (cities, countries):
        zones.update(
            {name: next(iter(found)) for name, found in named.items() if len(found) == 1 and name not in zones}
        )
    return zones


ZONE_NAME_LANGUAGES = ("en", "ar")


def resolve_timezone(text: str) -> str | None:
    """`Asia/Amman`, `asia/amman`, `Amman`, `عمّان` or `الأردن` -> `Asia/Amman`; None when unknown."""
    key = fold(" ".join(text.strip().replace("_", " ").split()))
    zones = _zones_by_name()
    return zones.get(key) or zones.get(key.replace(" ", "_")) or zones.get(fold(text.strip()))


async def set_timezone(turn: Turn, args: str) -> Reply:
    """`tz Area/City`: the zone the member's times are shown in (no argument: show it)."""
    if not args.strip():
        return Reply.of("tz-current", zone=turn.zone)
    zone = resolve_timezone(args)
    if zone is None:
        raise UserError("tz-unknown", given=args.strip()[:60])
    before = turn.member.timezone
    turn.member.timezone = zone
    turn.member.timezone_chosen = True
    repo.audit_member_change(
        turn.session, actor=turn.member, target=turn.member, field="timezone", before=before, after=zone
    )
    return Reply.of("tz-set", zone=zone)


async def whoami(turn: Turn, args: str = "") -> Reply:
    """What the bot knows about the member."""
    groups = await repo.group_names_of(turn.session, member_id=turn.member.id)
    return Reply.of(
        "whoami",
        name=turn.member.name,
        role=turn.member.role.value,
        community=turn.community.name,
        zone=turn.zone,
        lang=turn.member.language or "auto",
        gender=turn.member.grammatical_gender,
        groups=groups,
        group_count=len(groups),
    )


async def list_members(turn: Turn, args: str) -> Reply:
    """The active roster, facilitators first (`members 2` for the next page); anything that is not one of its pages
    is answered with the pages there are."""
    members = await repo.active_members(turn.session, community_id=turn.community.id)
    pages = max(1, -(-len(members) // MEMBERS_PAGE))
    page = page_asked(args, pages=pages, unknown="members-page-unknown", invalid="members-page-usage")
    shown = members[(page - 1) * MEMBERS_PAGE : page * MEMBERS_PAGE]
    lines = tuple(RosterLine(name=m.name, role=m.role.value, guest=m.is_guest) for m in shown)
    return Reply.of("members", view=RosterPage(count=len(members), page=page, pages=pages, lines=lines))


async def members_page_button(turn: Turn, data: dict[str, object]) -> Reply:
    """The roster's next-page button (`{"verb": "members-page", "page": N}`)."""
    page = parse_number(data.get("page"))
    if page is None:
        raise UserError("card-data-invalid")
    return await list_members(turn, str(page))


def page_asked(args: str, *, pages: int, unknown: str, invalid: str) -> int:
    """The page a member asked for (none: the first): a whole number past the last page is UserError `unknown`
    (`page`, `pages`); anything else that is not a page (0, -5, "two", "2 3") is UserError `invalid` (`given`,
    `pages`). Never the first page in silence."""
    given = ascii_digits(args.strip())
    if not given:
        return 1
    page = parse_number(given)
    if page is not None and page <= pages:
        return page
    if _WHOLE_NUMBER.fullmatch(given) and int(given) > pages:
        raise UserError(unknown, page=int(given), pages=pages)
    raise UserError(invalid, given=args.strip()[:40], pages=pages)


@dataclass(frozen=True)
class Found:
    """A member a search found: their id (what a form sends) and name."""

    id: int
    name: str


def search_key(text: str) -> str:
    """Text as a search compares it: folded (`fold`: case, Arabic spellings and diacritics), Latin accents removed,
    spaces made one."""
    decomposed = unicodedata.normalize("NFKD", fold(text))
    return " ".join("".join(char for char in decomposed if not unicodedata.combining(char)).split())


async def search(
    session: AsyncSession, *, community_id: int, query: str, skip: int = 0, top: int = SEARCH_LIMIT
) -> list[Found]:
    """The community's active members whose name has every word of `query` (at most `top`, after `skip`): names
    starting with it first, then a word starting with it, then the rest, each by name. An empty query: the roster's
    first members."""
    wanted = search_key(query).split()
    ranked: list[tuple[int, str, Member]] = []
    for member in await repo.active_members(session, community_id=community_id):
        name = search_key(member.name)
        if not all(word in name for word in wanted):
            continue
        joined = " ".join(wanted)
        rank = 0 if name.startswith(joined) else 1 if f" {joined}" in f" {name}" else 2
        ranked.append((rank if wanted else 0, name, member))
    ranked.sort(key=lambda found: found[:2])
    top = max(0, min(top, SEARCH_LIMIT))
    return [Found(member.id, member.name) for _, _, member in ranked[max(0, skip) : max(0, skip) + top]]


async def change_role(turn: Turn, args: str) -> Reply:
    """`role @name facilitator|member`: facilitators and admins change a member's role (audited)."""
    session, member = turn.session, turn.member
    require_facilitator(member)
    words = strip_mentions(args).split()
    if not words:
        raise UserError("role-usage")
    wanted = _role_from_word(words[-1])
    if wanted is None:
        raise UserError("role-unknown-value", given=words[-1][:40])
    target = await _target_member(session, member=member, name_words=words[:-1], mentions=turn.mentions)
    if target.id == member.id:
        raise UserError("role-not-self")
    if target.role is Role.ADMIN:
        raise UserError("role-admin-fixed", name=target.name, role=Role.ADMIN.value, gender=target.grammatical_gender)
    if target.role is wanted:
        return Reply.of("role-unchanged", name=target.name, role=wanted.value, gender=target.grammatical_gender)
    before = target.role
    target.role = wanted
    repo.audit_member_change(
        session, actor=member, target=target, field="role", before=before.value, after=wanted.value
    )
    return Reply.of("role-set", name=target.name, role=wanted.value, gender=target.grammatical_gender)


async def _target_member(
    session: AsyncSession, *, member: Member, name_words: Sequence[str], mentions: Sequence[Person]
) -> Member:
    if mentions:
        target = await repo.member_in(
            session, community_id=member.community_id, teams_user_id=mentions[0].teams_user_id
        )
        if target is None or not target.active:
            raise UserError("member-not-found", name=mentions[0].name or mentions[0].teams_user_id)
        return target
    name = fold(" ".join(name_words).lstrip("@"))
    if not name:
        raise UserError("role-usage")
    roster = await repo.active_members(session, community_id=member.community_id)
    exact = [m for m in roster if fold(m.name) == name]
    found = exact or [m for m in roster if name in fold(m.name)]
    if len(found) != 1:
        raise UserError(
            "member-not-found" if not found else "member-ambiguous", name=" ".join(name_words), count=len(found)
        )
    return found[0]
