"""Charts in conversation: the plan, the action report, a vote and a meeting's minutes answer with a card that has
its Teams chart (and the fallback's figures), in the reader's language, built from what the card shows them."""

from __future__ import annotations

from typing import Any

import pytest

from bot.i18n import plain
from tests.cards import only_element
from tests.chat import Chat, Said
from tests.fakes import FakeClock

ZONE = "Asia/Beirut"


def chart(chat: Chat, said: Said, kind: str, *, lang: str) -> dict[str, Any]:
    """The `kind` chart on the card of the answer, as a `lang` reader gets it."""
    return only_element(chat.renderer.card(said.replies[0], lang=lang, zone=ZONE)["body"], kind)


def fallback_facts(element: dict[str, Any]) -> list[str]:
    facts = next(item for item in element["fallback"]["items"] if item["type"] == "FactSet")["facts"]
    return [plain(f"{fact['title']}: {fact['value']}") for fact in facts]


@pytest.fixture
async def chat(sessions, clock) -> Chat:
    return await Chat(sessions, clock).start()


async def test_the_plan_charts_each_objectives_actions(chat: Chat, clock: FakeClock) -> None:
    await chat.say("plan add Early action protocols for drought", as_="facilitator")
    await chat.say("action add Draft the protocol | me | 1 December | plan 1", as_="facilitator")
    await chat.say("action add Translate the protocol | me | 20 December | plan 1", as_="facilitator")
    await chat.say("action add Print it | me | plan 1", as_="facilitator")
    await chat.say("action done 3", as_="facilitator")
    clock.advance(days=10)  # action 1 is overdue
    said = await chat.say("الخطة", as_="member")
    stacked = chart(chat, said, "Chart.HorizontalBar.Stacked", lang="ar")
    assert [(part["legend"], part["value"]) for part in stacked["data"][0]["data"]] == [
        ("منجز", 1),
        ("مفتوح", 1),
        ("متأخر", 1),
    ]
    assert fallback_facts(stacked) == ["الهدف ١: منجز ١، مفتوح ١، متأخر ١"]


async def test_the_action_report_charts_completion_by_organisation_and_quarter(chat: Chat) -> None:
    await chat.say("action add Draft the protocol | me", as_="facilitator")
    await chat.say("action add Share the data | me", as_="facilitator")
    await chat.say("action done 1", as_="facilitator")
    said = await chat.say("actions report", as_="guest")
    by_organisation = chart(chat, said, "Chart.HorizontalBar", lang="en")
    by_quarter = chart(chat, said, "Chart.VerticalBar", lang="en")
    assert [point["y"] for point in by_organisation["data"]] == [50]
    assert [(point["x"], point["y"]) for point in by_quarter["data"]] == [("Q4 2026", 50)]
    assert fallback_facts(by_quarter) == ["Q4 2026: 50%"]


async def test_a_vote_shows_its_answers_as_a_donut(chat: Chat) -> None:
    await chat.say("poll Where do we meet? | Amman | Cairo | online", as_="facilitator")
    await chat.say("vote 1 2", as_="member")
    await chat.say("vote 1 2", as_="guest")
    await chat.say("vote 1 1", as_="admin")
    said = await chat.say("تصويت ١", as_="member")
    donut = chart(chat, said, "Chart.Donut", lang="ar")
    assert [(point["legend"], point["value"]) for point in donut["data"]] == [("Amman", 1), ("Cairo", 2), ("online", 0)]
    assert fallback_facts(donut) == ["Amman: ١", "Cairo: ٢", "online: ٠"]


async def test_the_minutes_show_who_came_out_of_everyone(chat: Chat, clock: FakeClock) -> None:
    await chat.say("meeting add Monthly follow-up | 2026-12-03 10:00 | UN House", as_="facilitator")
    clock.advance(days=9, hours=-1)  # an hour into the meeting
    await chat.say("attended 1 <at>عمر خليل</at> <at>Leila Haddad</at>", as_="facilitator")
    said = await chat.say("minutes 1", as_="facilitator")
    for lang, facts in (("en", ["Present: 2", "Absent: 2"]), ("ar", ["حاضر: ٢", "غائب: ٢"])):
        gauge = chart(chat, said, "Chart.Gauge", lang=lang)
        assert (gauge["value"], gauge["max"], gauge["valueFormat"]) == (2, 4, "Fraction")  # 4 people on the roster
        assert fallback_facts(gauge) == facts
