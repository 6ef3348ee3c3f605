"""Who sees what, on every reader path, for every kind of reader, in both languages.

One community holds an item of each audience: everyone's, the "Cash" working group's, and the facilitators'
(confidential). Each reader path (a reply, a card press, a list, an answer to a question, minutes, the posts the
bot makes in the channel or in a member's 1:1 chat) is read by each reader: a member of the group, a member outside
it, a guest outside it, a facilitator, and the channel. Every item's marker word must show exactly where its
audience allows — never elsewhere.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass

import pytest
from sqlalchemy import select

from bot.i18n import plain
from dialogs.common import outbox
from storage.models import Action, Member, Notification, Role
from tests.chat import NARROW_SPACE, Chat
from tests.fakes import FakeClock

READERS = ("in_group", "outsider", "guest", "facilitator")
EVERYONE = frozenset(READERS) | {"channel"}
GROUP = frozenset({"in_group", "facilitator"})
FACILITATORS = frozenset({"facilitator"})
NOBODY: frozenset[str] = frozenset()

# Markers: one word per item, unique, Latin so that they read the same in both languages.
MARKERS = {
    "PUBLICITEM": EVERYONE,  # a member's item on the coordination meeting's agenda
    "SECRETITEM": FACILITATORS,  # a confidential item on that agenda
    "CASHITEM": GROUP,  # the Cash group's item on that (community-wide) agenda
    "CASHPLANNING": GROUP,  # the Cash group's own meeting
    "CASHMEETINGITEM": GROUP,  # an item on the group's meeting
    "PUBLICACTION": EVERYONE,
    "CASHACTION": GROUP,
    "PUBLICFAQ": EVERYONE,  # a FAQ entry's question
    "PUBLICANSWER": EVERYONE,  # and its answer
    "CASHFAQ": GROUP,  # the group's FAQ entry's question
    "CASHANSWER": GROUP,  # and its answer
    "PUBLICDECISION": EVERYONE,
    "SECRETDECISION": NOBODY,  # confidential: never in minutes or answers, whoever reads them
    "CASHDECISION": GROUP,  # decided at the group's meeting
    "CASHMINUTES": GROUP,  # the group meeting's minutes
}


@dataclass
class World:
    """The community and the numbers of what was made in it."""

    chat: Chat
    clock: FakeClock
    lang: str
    numbers: dict[str, int]


Path = Callable[[World, str], Awaitable[str]]
"""A reader path: what `reader` reads (their reply rendered in their language)."""


def says(text: str) -> Path:
    """A command typed in the reader's 1:1 chat ({name} placeholders take the world's numbers)."""

    async def run(world: World, reader: str) -> str:
        return (await world.chat.say(text.format(**world.numbers), as_=reader)).text

    return run


def presses(verb: str, marker: str) -> Path:
    """An `Action.Execute` press (or a card refresh) on the card of the action called `marker`."""

    async def run(world: World, reader: str) -> str:
        async with world.chat.sessions() as session:
            action_id = await session.scalar(select(Action.id).where(Action.text.contains(marker)))
        return (await world.chat.press(verb, {"action": action_id}, as_=reader)).text

    return run


PATHS: dict[str, tuple[Path, set[str]]] = {
    # path: (how the reader reads it, the markers it could show)
    "agenda": (says("agenda {coordination}"), {"PUBLICITEM", "SECRETITEM", "CASHITEM"}),
    "group meeting's agenda": (says("agenda {cash_planning}"), {"CASHMEETINGITEM", "CASHPLANNING"}),
    "agenda item (public)": (says("agenda item {PUBLICITEM}"), {"PUBLICITEM"}),
    "agenda item (confidential)": (says("agenda item {SECRETITEM}"), {"SECRETITEM"}),
    "agenda item (group)": (says("agenda item {CASHITEM}"), {"CASHITEM"}),
    "agenda item (group meeting)": (says("agenda item {CASHMEETINGITEM}"), {"CASHMEETINGITEM"}),
    "meetings": (says("meetings"), {"CASHPLANNING"}),
    "meeting card": (says("meeting {cash_planning}"), {"CASHPLANNING"}),
    "next meeting (question)": (says("when is the next meeting?"), {"CASHPLANNING"}),
    "actions all": (says("actions all"), {"PUBLICACTION", "CASHACTION"}),
    "action card": (says("action {CASHACTION}"), {"CASHACTION"}),
    "action refresh": (presses("action-refresh", "CASHACTION"), {"CASHACTION"}),
    "group card": (says("group Cash"), {"CASHACTION", "CASHPLANNING"}),
    "faq list": (says("faq list"), {"PUBLICFAQ", "CASHFAQ"}),
    "faq entry": (says("faq {CASHANSWER}"), {"CASHANSWER"}),
    "answer (public)": (says("What is the PUBLICFAQ allowance?"), {"PUBLICANSWER"}),
    "answer (group)": (says("What is the CASHFAQ transfer value?"), {"CASHANSWER"}),
    "minutes": (says("minutes {quarterly}"), {"PUBLICDECISION", "SECRETDECISION"}),
    "group minutes": (says("minutes {cash_wg}"), {"CASHDECISION", "CASHMINUTES"}),
}


async def _seed(chat: Chat, clock: FakeClock) -> dict[str, int]:
    """Make the community's items through the commands facilitators and members use; return their numbers."""

    async def ok(text: str, key: str, as_: str = "facilitator") -> None:
        said = await chat.say(text, as_=as_)
        assert said.key == key, f"{text!r} -> {said.key}: {said.text}"

    await ok("group add Cash | Cash transfers", "group-added")
    await ok("group join Cash <at>عمر خليل</at>", "group-members-added")
    # meetings: two held on Thursday 26 November, two ahead in December
    await ok("meeting add Quarterly review | 2026-11-26 10:00", "meeting-added")  # 1
    await ok("meeting add Cash WG | 2026-11-26 14:00 | group Cash", "meeting-added")  # 2
    await ok("meeting add Coordination | 2026-12-10 10:00", "meeting-added")  # 3
    await ok("meeting add Cash CASHPLANNING | 2026-12-09 10:00 | group Cash", "meeting-added")  # 4
    await ok("agenda add PUBLICITEM flood triggers | | for 3", "agenda-item-added", as_="outsider")  # 1
    await ok("agenda add SECRETITEM staff incident | | for 3 | confidential", "agenda-item-added")  # 2
    await ok("agenda add CASHITEM transfer values | | for 3 | group Cash", "agenda-item-added")  # 3
    await ok("agenda add CASHMEETINGITEM vendor list | | for 4", "agenda-item-added")  # 4
    await ok("action add PUBLICACTION share the 4W | me | 2026-11-30", "action-added")  # 1
    await ok("action add CASHACTION map the vendors | me | 2026-11-30 | group Cash", "action-added")  # 2
    await ok("faq add What is the PUBLICFAQ allowance? | PUBLICANSWER 40 dollars a day.", "faq-added")  # 1
    await ok("faq add What is the CASHFAQ transfer value? | CASHANSWER 120 dollars. | group Cash", "faq-added")  # 2
    # the two meetings are held, decided and written up
    clock.advance(days=1, hours=23, minutes=30)  # Thursday 26 November 10:30 in Beirut
    await ok("decision add PUBLICDECISION adopt the shared thresholds | meeting 1", "decision-added")
    await ok("decision add SECRETDECISION relocate the team | meeting 1 | confidential", "decision-added")
    await ok("meeting close 1", "meeting-closed")
    await ok("minutes publish 1", "minutes-published")
    clock.advance(hours=4)  # 14:30 in Beirut: the group's meeting
    await ok("decision add CASHDECISION keep the transfer value | meeting 2", "decision-added")
    await ok("minutes edit 2 | CASHMINUTES the group reviewed its vendors.", "minutes")
    await ok("meeting close 2", "meeting-closed")
    await ok("minutes publish 2", "minutes-published")
    return {
        "quarterly": 1,
        "cash_wg": 2,
        "coordination": 3,
        "cash_planning": 4,
        "PUBLICITEM": 1,
        "SECRETITEM": 2,
        "CASHITEM": 3,
        "CASHMEETINGITEM": 4,
        "CASHACTION": 2,
        "CASHANSWER": 2,
    }


@pytest.fixture(params=["ar", "en"])
async def world(request: pytest.FixtureRequest, sessions, clock: FakeClock) -> World:
    """The community, everyone reading `lang`: Omar in the Cash group, Hana outside it, Sami a guest outside it."""
    lang = request.param
    chat = await Chat(sessions, clock).start()
    chat.ids["in_group"] = chat.ids["member"]
    async with sessions.begin() as session:
        hana = Member(community_id=chat.community_id, teams_user_id="29:1hana", name="Hana Saleh", role=Role.MEMBER)
        session.add(hana)
        await session.flush()
        chat.ids["outsider"] = hana.id
        for member in await session.scalars(select(Member).where(Member.community_id == chat.community_id)):
            member.teams_locale = "ar-SA" if lang == "ar" else "en-US"
            member.is_guest = member.id == chat.ids["guest"]
    return World(chat, clock, lang, await _seed(chat, clock))


async def test_each_reader_sees_only_what_their_audience_allows_on_every_path(world: World) -> None:
    wrong = []
    for path, (read, markers) in PATHS.items():
        for reader in READERS:
            text = await read(world, reader)
            wrong += [
                f"{path} / {reader} / {marker}: {text!r}"
                for marker in sorted(markers)
                if (marker in text) != (reader in MARKERS[marker])
            ]
    assert wrong == []


async def test_in_the_channel_a_command_shows_only_what_everyone_there_may_see(world: World) -> None:
    """Said in the channel, even a facilitator's `agenda` leaves out the group's and the confidential items (and
    counts the latter); a group's item asked for there sends the member to their 1:1 chat."""
    said = await world.chat.say("agenda 3", as_="facilitator", shared=True)
    assert "PUBLICITEM" in said.text and "SECRETITEM" not in said.text and "CASHITEM" not in said.text
    assert ("1 confidential item" if world.lang == "en" else "بند سري واحد") in said.text
    for text in ("agenda item 3", "action 2", "meeting 4", "faq 2"):
        refused = await world.chat.say(text, as_="in_group", shared=True)
        assert refused.key == "visible-in-private-chat" and "CASH" not in refused.text, text
    answer = await world.chat.say("What is the CASHFAQ transfer value?", as_="in_group", shared=True)
    assert "CASHANSWER" not in answer.text


async def _composed(world: World, kind: str, *, channel: bool) -> list[str]:
    """What each pending outbox row of `kind` (in the channel, or in 1:1 chats) says when it falls due."""
    async with world.chat.sessions() as session:
        rows = list(
            await session.scalars(
                select(Notification).where(
                    Notification.kind == kind, Notification.status == outbox.PENDING, Notification.channel == channel
                )
            )
        )
    texts = []
    for row in rows:
        reply = await world.chat.compose(row, row.due_at)
        if reply is not None:
            rendered = world.chat.renderer.text(reply, lang=world.lang, zone="Asia/Beirut")
            texts.append(plain(rendered).replace(NARROW_SPACE, " "))
    return texts


async def test_the_bots_own_posts_go_only_to_the_audience(world: World) -> None:
    """The channel's agenda and day-before reminder list everyone's items and count the confidential one; the
    group's meeting is never posted in the channel but in its members' 1:1 chats; the digest in the channel
    leaves the group's action out."""
    channel = await _composed(world, "agenda-published", channel=True)
    assert len(channel) == 1 and "PUBLICITEM" in channel[0]
    assert "SECRETITEM" not in channel[0] and "CASHITEM" not in channel[0] and "CASHPLANNING" not in channel[0]
    assert ("1 confidential item" if world.lang == "en" else "بند سري واحد") in channel[0]
    day_before = [text for text in await _composed(world, "meeting-reminder", channel=True) if "PUBLICITEM" in text]
    assert day_before and all("SECRETITEM" not in text and "CASHITEM" not in text for text in day_before)
    assert all("CASHPLANNING" not in text for text in await _composed(world, "meeting-reminder", channel=True))
    to_members = await _composed(world, "agenda-published", channel=False)
    assert to_members and all("CASHMEETINGITEM" in text for text in to_members)
    async with world.chat.sessions() as session:
        private = await session.scalars(
            select(Notification.member_id).where(
                Notification.kind == "agenda-published", Notification.channel.is_(False)
            )
        )
        assert set(private) == {world.chat.ids["in_group"]}

    await world.chat.say("reminders digest monday 09:00", as_="facilitator")
    [digest] = await _composed(world, "weekly-digest", channel=True)
    assert "PUBLICACTION" in digest and "CASHACTION" not in digest and "CASHPLANNING" not in digest
