"""Paged lists answer every page a member may ask for: a page the list has, or which pages it has — never the first
page in silence (issue #16: `members 99999999999999999999` and `members -5` showed page 1); their cards carry the
next page's button; and the action owner picker never stops at part of the roster without saying so (issue #16: it
stopped at 200 members) — past its limit it searches the roster as the facilitator types."""

from __future__ import annotations

from typing import Any

import pytest

from bot.cards.actions import MEMBERS_DATASET
from bot.i18n import plain
from dialogs.actions.points import MAX_FORM_CHOICES
from dialogs.common.people import Person
from dialogs.common.text import WORD_JOINER
from dialogs.community.roster import sync_roster
from storage.models import Community
from tests.chat import Chat
from tests.fakes import FakeClock


@pytest.fixture
async def chat(sessions, clock: FakeClock) -> Chat:
    return await Chat(sessions, clock).start()


async def grow_roster(chat: Chat, count: int) -> None:
    """`count` more members on the roster (four are there already)."""
    people = [Person(f"29:extra{n}", None, f"Volunteer {n:03d}") for n in range(count)]
    async with chat.sessions.begin() as session:
        community = await session.get(Community, chat.community_id)
        assert community is not None
        await sync_roster(session, community=community, people=people, complete=False, admin_ids=(), now=chat.clock())


def card(chat: Chat, said: Any, *, lang: str = "en") -> dict[str, Any]:
    return chat.renderer.card(said.replies[0], lang=lang, zone="UTC")


# (who, says, reply key, words the member reads): one page of 4 members
ONE_PAGE = [
    ("facilitator", "members 99999999999999999999", "members-page-unknown", "There is no page "),
    ("member", "الأعضاء 99999999999999999999", "members-page-unknown", "لا توجد صفحة"),
    ("facilitator", "members -5", "members-page-usage", "“-5” is not a page of the list: it has one page"),
    ("facilitator", "members 0", "members-page-usage", "so write just `members`"),
    ("facilitator", "members two", "members-page-usage", "“two” is not a page of the list"),
    ("member", "الأعضاء -٥", "members-page-usage", "ليست صفحة من القائمة: للقائمة صفحة واحدة"),
    ("facilitator", "members 2", "members-page-unknown", "There is no page 2: the list has 1 page."),
    ("facilitator", "members 1", "members", "The community has 4 members"),
    ("facilitator", "actions all -5", "actions-page-usage", "“-5” is not a page of the list"),
    ("facilitator", "actions all 0", "actions-page-usage", "it has one page, so leave the number out"),
    ("facilitator", "actions 99999999999999999999", "actions-page-unknown", "There is no page "),
    ("facilitator", "actions all please", "actions-filter-unknown", "“all please” is not a list"),
]


@pytest.mark.parametrize("who, says, key, words", ONE_PAGE)
async def test_regression_a_page_the_list_does_not_have_is_never_page_1(
    chat: Chat, who: str, says: str, key: str, words: str
) -> None:
    said = await chat.say(says, as_=who)
    assert said.key == key, said.text
    assert words in said.text.replace(WORD_JOINER, "")  # (the joiner keeps "-5" from reading as a list)


async def test_the_roster_pages_with_a_next_page_button(chat: Chat) -> None:
    await grow_roster(chat, 120)  # 124 members: three pages of 50
    first = await chat.say("members", as_="facilitator")
    buttons = card(chat, first)["actions"]
    assert [(b["type"], b["data"]) for b in buttons] == [("Action.Submit", {"verb": "members-page", "page": 2})]
    assert "Next page (2 of 3)" in plain(buttons[0]["title"])
    second = await chat.submit(buttons[0]["data"], as_="facilitator")
    assert second.key == "members" and "Page 2 of 3" in second.text
    assert "Volunteer 047" in second.text and "Volunteer 046" not in second.text  # (3 others come first)
    last = await chat.submit(card(chat, second)["actions"][0]["data"], as_="member")
    assert "Volunteer 119" in last.text and card(chat, last)["actions"] == []
    said = await chat.say("members 4", as_="facilitator")
    assert said.key == "members-page-unknown" and "There is no page 4: the list has 3 pages." in said.text
    said = await chat.say("members -5", as_="facilitator")
    assert "it has 3 pages, from `members 1` to `members 3`." in said.text
    said = await chat.say("الأعضاء صفر", as_="member")
    assert "صفحاتها من `الأعضاء ١` إلى `الأعضاء ٣`" in said.text
    assert (await chat.submit({"verb": "members-page", "page": -1}, as_="member")).key == "card-data-invalid"


async def test_the_list_of_actions_pages_with_a_next_page_button(chat: Chat) -> None:
    for n in range(12):
        await chat.say(f"action add Task number {n} {'x' * 900} | <at>عمر خليل</at>", as_="facilitator")
    said = await chat.say("actions <at>عمر خليل</at>", as_="facilitator")
    shown = card(chat, said)
    assert "Shortened: “action 1” shows it whole." in said.text
    data = shown["actions"][0]["data"]
    assert data["verb"] == "actions-page" and data["page"] == 2 and data["list"].startswith("member:")
    second = await chat.submit(data, as_="facilitator")
    assert second.key == "actions-list" and "Task number 10" in second.text and "Task number 9 " not in second.text
    assert (await chat.say("actions all 3", as_="facilitator")).key == "actions-page-unknown"
    assert (await chat.submit({**data, "list": "member:999999"}, as_="facilitator")).key == "card-data-invalid"


def owner_picker(form: dict[str, Any]) -> dict[str, Any]:
    return next(element for element in form["body"] if element.get("id") == "owners")


async def test_the_owner_picker_lists_a_small_roster(chat: Chat) -> None:
    await grow_roster(chat, 30)
    picker = owner_picker(card(chat, await chat.say("action add", as_="facilitator")))
    assert len(picker["choices"]) == 34 and "choices.data" not in picker
    member = owner_picker(card(chat, await chat.say("action add", as_="member")))
    assert [c["title"] for c in member["choices"]] == ["عمر خليل"] and "choices.data" not in member


async def test_regression_the_owner_picker_searches_a_large_roster_instead_of_cutting_it(chat: Chat) -> None:
    """Issue #16: the picker listed the first 200 members and left the others out without a word."""
    await grow_roster(chat, MAX_FORM_CHOICES)  # (with the four members already there: more than a form lists)
    said = await chat.say("action add", as_="facilitator")
    picker = owner_picker(card(chat, said))
    assert picker["choices.data"] == {"type": "Data.Query", "dataset": MEMBERS_DATASET}
    assert picker["choices"] == [{"title": "Leila Haddad", "value": str(chat.ids["facilitator"])}]
    assert picker["value"] == str(chat.ids["facilitator"]) and picker["isMultiSelect"] is True
    assert "Type a name to find other members." in said.text
    arabic = card(chat, said, lang="ar")
    assert "اكتب اسمًا للبحث عن أعضاء آخرين." in str(arabic)
