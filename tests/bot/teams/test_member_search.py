"""The owner picker's typeahead over real HTTP: Teams sends an `application/search` invoke as the facilitator types,
and the bot answers with the active members of *their* community whose names match — Arabic and Latin, whatever the
case, accents and Arabic spelling variants — at most 15 (issue #16: the picker stopped at 200 members)."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select

from dialogs.common.people import Person
from dialogs.community.roster import sync_roster
from storage.models import Community, Member
from tests.chat import new_community
from tests.server import OMAR, TEAM, TENANT, BotServer

SEARCH_RESPONSE = "application/vnd.microsoft.search.searchResponse"


async def search(bot: BotServer, query: object, *, who: dict[str, Any] | None = None, **value: Any) -> Any:
    """What the bot answers Teams' search invoke for `query` (HTTP 200 expected)."""
    activity = bot.activity("invoke_application_search")
    activity["value"] = {**activity["value"], "queryText": query, **value}
    if who is not None:
        activity["from"] = {key: who[key] for key in ("id", "name", "aadObjectId")}
    status, body = await bot.post(activity)
    assert status == 200, body
    assert body["type"] == SEARCH_RESPONSE and set(body["value"]) == {"results"}
    return body["value"]["results"]


def titles(results: list[dict[str, str]]) -> list[str]:
    return [result["title"] for result in results]


async def roster(sessions, clock, *names: str) -> None:
    """More members of the bot's community (installed from the fixtures' team)."""
    people = [Person(f"29:more{index}", None, name) for index, name in enumerate(names)]
    async with sessions.begin() as session:
        community = await session.scalar(select(Community).where(Community.team_id == TEAM))
        await sync_roster(session, community=community, people=people, complete=False, admin_ids=(), now=clock())


async def test_the_search_answers_matching_members_of_the_readers_community_only(bot, sessions, clock) -> None:
    await bot.install()
    await roster(sessions, clock, "Tom Omari", "Omaima Saleh", "Rania Haddad", "Omar Left")
    async with sessions.begin() as session:
        other = await new_community(session, now=clock(), tenant=TENANT, team="19:other@thread.tacv2")
        await sync_roster(
            session, community=other, people=[Person("29:x1", None, "Omar Elsewhere")], complete=True, admin_ids=(),
            now=clock(),
        )  # fmt: skip
        left = await session.scalar(select(Member).where(Member.name == "Omar Left"))
        left.active = False

    results = await search(bot, "om")
    assert titles(results) == ["Omaima Saleh", "Omar Khalil", "Tom Omari"]  # names starting with it first
    ids = await ids_of(sessions, titles(results))
    assert [result["value"] for result in results] == [str(ids[name]) for name in titles(results)]
    assert titles(await search(bot, "HADDAD")) == ["Leila Haddad", "Rania Haddad"]
    assert titles(await search(bot, "khalil omar")) == ["Omar Khalil"]  # every word, in any order
    assert await search(bot, "Elsewhere") == [] and await search(bot, "Left") == []


async def test_arabic_and_accented_names_are_found_however_they_are_typed(bot, sessions, clock) -> None:
    await bot.install()
    await roster(sessions, clock, "عُمَر الخطيب", "أحمد السيد", "مريم العلي", "Hélène Dubois", "Zoë Ğül")
    assert titles(await search(bot, "عمر")) == ["عُمَر الخطيب"]  # diacritics
    assert titles(await search(bot, "احمد")) == ["أحمد السيد"]  # hamza
    assert titles(await search(bot, "الخطـــيب")) == ["عُمَر الخطيب"]  # tatweel
    assert titles(await search(bot, "helene")) == ["Hélène Dubois"]
    assert titles(await search(bot, "ZOE gul")) == ["Zoë Ğül"]
    arabic = await search(bot, "مريم", who=OMAR)  # Omar reads Arabic: same answer
    assert titles(arabic) == ["مريم العلي"]


async def test_at_most_fifteen_members_and_the_pages_teams_asks_for(bot, sessions, clock) -> None:
    await bot.install()
    await roster(sessions, clock, *(f"Volunteer {n:02d}" for n in range(40)))
    assert titles(await search(bot, "volunteer")) == [f"Volunteer {n:02d}" for n in range(15)]
    page = await search(bot, "volunteer", queryOptions={"skip": 15, "top": 5})
    assert titles(page) == [f"Volunteer {n:02d}" for n in range(15, 20)]
    assert len(await search(bot, "volunteer", queryOptions={"skip": -3, "top": 500})) == 15


async def test_odd_searches_get_an_empty_answer(bot) -> None:
    await bot.install()
    assert await search(bot, "om", dataset="agenda-items") == []  # no such dataset
    assert await search(bot, 12345) == []  # not text
    assert await search(bot, "x" * 5000) == []
    assert await search(bot, "om", queryOptions="all") != []  # odd options: the defaults


async def ids_of(sessions, names: list[str]) -> dict[str, int]:
    async with sessions() as session:
        rows = await session.scalars(select(Member).where(Member.name.in_(names)))
        return {row.name: row.id for row in rows}


def stranger_search(bot: BotServer) -> dict[str, Any]:
    activity = bot.activity("invoke_application_search")
    activity["from"] = {"id": "29:1stranger", "name": "Stranger", "aadObjectId": "ffffffff-0000-4000-8000-000000000009"}
    return activity


async def test_a_stranger_is_told_no_names(bot) -> None:
    await bot.install()
    _status, body = await bot.post(stranger_search(bot))
    assert "Omar" not in str(body) and "Leila" not in str(body)


async def test_a_stranger_gets_an_empty_search_answer(bot) -> None:
    await bot.install()
    status, body = await bot.post(stranger_search(bot))
    assert status == 200 and body == {"type": SEARCH_RESPONSE, "value": {"results": []}}
