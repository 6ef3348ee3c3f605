"""What the community's channel gets: one post in the languages its members read (Arabic right-to-left, English
left-to-right), every time named with its zone, and the people it concerns @mentioned with Teams mention entities —
the call for agenda items those who have not proposed one, the agenda those presenting, the digest the owners of
overdue actions, a vote those who have not answered; too many people are counted, not named.

Posts come from real conversations (tests.chat.Chat), the composers the registry declares, and the renderer as the
dispatcher calls it for the channel (`Renderer.channel_activity` with `channel_languages`)."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

import pytest
from sqlalchemy import select

from bot.cards.channel import MENTION_CAP
from bot.cards.parts import card_text
from bot.i18n import plain
from dialogs.common.language import channel_languages
from dialogs.common.people import Mentions, Person
from dialogs.common.replies import Reply
from dialogs.community.roster import sync_roster
from dialogs.reminders.views import Digest, DigestAction, DigestOwner
from storage.models import Community, Member, Notification
from tests.chat import CAST, NARROW_SPACE, Chat
from tests.fakes import FakeClock

ZONE = "Asia/Beirut"
AMAL, LEILA, OMAR, SAMI = (CAST[who][0] for who in ("admin", "facilitator", "member", "guest"))


@pytest.fixture
async def chat(sessions, clock: FakeClock) -> Chat:
    return await Chat(sessions, clock).start()


async def languages(chat: Chat) -> tuple[str, ...]:
    async with chat.sessions() as session:
        community = await session.get(Community, chat.community_id)
        assert community is not None
        return await channel_languages(session, community)


async def channel_rows(chat: Chat, kind: str) -> list[Notification]:
    async with chat.sessions() as session:
        rows = await session.scalars(
            select(Notification)
            .where(Notification.kind == kind, Notification.channel.is_(True))
            .order_by(Notification.due_at, Notification.id)
        )
        return list(rows)


async def post(chat: Chat, kind: str, *, at: datetime | None = None) -> dict[str, Any]:
    """The card the channel gets for the first row of `kind` (sent when due, or `at`)."""
    row = (await channel_rows(chat, kind))[0]
    reply = await chat.compose(row, at or row.due_at)
    assert reply is not None, kind
    return await render(chat, reply)


async def render(chat: Chat, reply: Reply) -> dict[str, Any]:
    activity = chat.renderer.channel_activity(reply, langs=await languages(chat), zone=ZONE)
    assert activity.attachments is not None
    return activity.attachments[0].content


def mentioned(card: dict[str, Any]) -> dict[str, str]:
    """Teams user id -> the `<at>…</at>` text of each mention entity of the card."""
    entities = card.get("msteams", {}).get("entities", [])
    assert all(entity["type"] == "mention" for entity in entities)
    return {entity["mentioned"]["id"]: entity["text"] for entity in entities}


def text_blocks(element: Any) -> list[str]:
    """The text of every TextBlock in a card (where Teams looks for each mention's `<at>…</at>`)."""
    if isinstance(element, list):
        return [text for item in element for text in text_blocks(item)]
    if not isinstance(element, dict):
        return []
    own = [element["text"]] if element.get("type") == "TextBlock" else []
    return own + [text for key in ("body", "items") for text in text_blocks(element.get(key, []))]


def shown(card: dict[str, Any]) -> str:
    return plain(card_text(card)).replace(NARROW_SPACE, " ")


def assert_mentions(card: dict[str, Any], people: dict[str, str]) -> None:
    """Exactly these people (Teams id -> name) are mentioned, each by an entity whose text stands in a TextBlock."""
    assert mentioned(card) == {uid: f"<at>{name}</at>" for uid, name in people.items()}
    blocks = "\n".join(text_blocks(card))
    assert all(text in blocks for text in mentioned(card).values())
    assert blocks.count("<at>") == len(people)  # once per post, not once per language


async def test_the_call_for_items_and_the_agenda_mention_who_they_concern(chat: Chat) -> None:
    await chat.say("meeting add Monthly follow-up | 2026-12-03 10:00 | every month", as_="facilitator")
    await chat.say("agenda add Flood early-warning triggers", as_="member")
    await chat.say("agenda add Cash transfers | presenter <at>Sami Nasser</at>", as_="facilitator")

    call = await post(chat, "meeting-reminder")  # a week ahead: everyone who has not proposed an item yet
    assert_mentions(call, {AMAL: "Amal Zoubi", SAMI: "Sami Nasser"})  # Omar and Leila have proposed one
    assert "Not yet proposed an item:" in shown(call) and "لم يقترحوا بندًا بعد:" in shown(call)

    agenda = await post(chat, "agenda-published")  # those presenting: the presenter, else who proposed it
    assert_mentions(agenda, {OMAR: "عمر خليل", SAMI: "Sami Nasser"})
    assert "Presenting items:" in shown(agenda) and "يعرضون بنودًا:" in shown(agenda)


async def test_the_digest_mentions_the_owners_of_overdue_actions(chat: Chat) -> None:
    await chat.say("reminders digest monday 09:00", as_="facilitator")
    await chat.say("action add Share the 4W data | <at>عمر خليل</at> | 2026-11-25", as_="facilitator")
    await chat.say("action add Draft the protocol | <at>Leila Haddad</at> | 2026-12-02", as_="facilitator")
    digest = await post(chat, "weekly-digest")  # Monday 30 November: Omar's is overdue, Leila's due this week
    assert_mentions(digest, {OMAR: "عمر خليل"})
    assert "With overdue action points:" in shown(digest)


async def test_a_vote_mentions_those_who_have_not_answered(chat: Chat, clock: FakeClock) -> None:
    await chat.say("poll Where should we meet? | Amman | Beirut", as_="facilitator")
    await chat.say("vote 1 Beirut", as_="member")
    card = await post(chat, "vote-opened", at=clock())
    assert_mentions(card, {AMAL: "Amal Zoubi", LEILA: "Leila Haddad", SAMI: "Sami Nasser"})
    assert "Not answered yet:" in shown(card) and "لم يُجيبوا بعد:" in shown(card)

    await chat.say("poll Which month? | May | June | anonymous", as_="facilitator")
    await chat.say("vote 2 June", as_="member")
    rows = await channel_rows(chat, "vote-opened")
    reply = await chat.compose(rows[1], clock())
    assert reply is not None
    secret = await render(chat, reply)  # anonymous: everyone, so that nobody's answer shows by being left out
    assert set(mentioned(secret)) == {AMAL, LEILA, OMAR, SAMI} and "Asked to answer:" in shown(secret)


async def test_too_many_people_are_counted_not_named(chat: Chat, clock: FakeClock) -> None:
    async with chat.sessions.begin() as session:
        community = await session.get(Community, chat.community_id)
        assert community is not None
        people = [Person(uid, None, name) for uid, name, _, _ in CAST.values()]
        people += [Person(f"29:extra{n}", None, f"Member {n}") for n in range(18)]
        assert len(people) == 22 > MENTION_CAP
        await sync_roster(session, community=community, people=people, complete=True, admin_ids=(), now=clock())
    await chat.say("poll Where should we meet? | Amman | Beirut", as_="facilitator")
    card = await post(chat, "vote-opened", at=clock())
    assert mentioned(card) == {} and "<at>" not in str(card)
    assert "22 members have not answered yet." in shown(card)
    assert "لم يُجب ٢٢ عضوًا بعد." in shown(card)  # Arabic-Indic digits


async def test_a_post_is_in_both_languages_when_members_read_both(chat: Chat) -> None:
    await chat.say("meeting add Monthly follow-up | 2026-12-03 10:00 | every month", as_="facilitator")
    assert await languages(chat) == ("ar", "en")  # Omar reads Arabic, the others English; Arabic is the default
    card = await post(chat, "meeting-reminder")
    arabic, english = card["body"][:2]
    assert (arabic["rtl"], english["rtl"], card["rtl"], card["lang"]) == (True, False, True, "ar")
    assert "يُعقد الاجتماع رقم ١ بعد ٧ أيام" in shown(arabic) and "Meeting #1 is in 7 days" in shown(english)
    assert "Meeting #1" not in shown(arabic) and "الاجتماع رقم" not in shown(english)
    assert [action["title"] for action in card["actions"]] == ["\u2068اقترح بندًا\u2069 · \u2068Propose an item\u2069"]

    assert (await chat.say("reminders languages en", as_="facilitator")).key == "reminders-settings"
    english_only = await post(chat, "meeting-reminder")
    assert await languages(chat) == ("en",) and "يُعقد" not in shown(english_only) and "rtl" not in english_only
    said = await chat.say("التذكيرات اللغة كلتاهما", as_="facilitator")
    assert "Channel posts: in Arabic and English" in said.text
    assert await languages(chat) == ("ar", "en")
    assert (await chat.say("reminders languages french", as_="facilitator")).key == "reminders-languages-usage"


async def test_auto_follows_the_languages_members_read(chat: Chat) -> None:
    async with chat.sessions.begin() as session:
        for member in await session.scalars(select(Member).where(Member.community_id == chat.community_id)):
            member.language, member.teams_locale = None, "en-GB"
    assert await languages(chat) == ("en",)  # nobody reads Arabic: the default is left out
    async with chat.sessions.begin() as session:
        for member in await session.scalars(select(Member).where(Member.community_id == chat.community_id)):
            member.teams_locale = None
    assert await languages(chat) == ("ar",)  # nobody's language is known: the community default
    await chat.say("lang en", as_="guest")
    assert await languages(chat) == ("ar", "en")  # the others, of whom nothing is known, read the default


async def test_every_time_in_a_post_names_its_zone(chat: Chat) -> None:
    await chat.say("meeting add Monthly follow-up | 2026-12-03 10:00 | every month", as_="facilitator")
    text = shown(await post(chat, "meeting-reminder"))
    assert "Propose agenda items until Dec 1, 2026, 10:00 AM (Beirut time)." in text
    assert "When: Dec 3, 2026, 10:00 AM (Beirut time)" in text
    assert "حتى ٠١‏/١٢‏/٢٠٢٦، ١٠:٠٠ ص (بتوقيت بيروت)." in text
    reply = (await chat.say("meetings", as_="facilitator")).replies[0]
    assert "time)" not in chat.renderer.text(reply, lang="en", zone=ZONE)  # a member's own chat: their zone, unnamed


async def test_names_cannot_break_the_mention_markup(chat: Chat, clock: FakeClock) -> None:
    async with chat.sessions.begin() as session:
        sami = await session.get(Member, chat.ids["guest"])
        assert sami is not None
        sami.name = "Sami </at> *Nasser* [x](https://evil.example)"
    await chat.say("poll Where should we meet? | Amman | Beirut", as_="facilitator")
    card = await post(chat, "vote-opened", at=clock())
    assert mentioned(card)[SAMI] == "<at>Sami /at Nasser x (https://evil.example)</at>"
    entity = next(e for e in card["msteams"]["entities"] if e["mentioned"]["id"] == SAMI)
    assert entity["mentioned"]["name"] == "Sami </at> *Nasser* [x](https://evil.example)"  # who Teams notifies


async def test_a_bilingual_vote_card_keeps_one_set_of_answers(chat: Chat, clock: FakeClock) -> None:
    await chat.say("endorse The revised terms of reference", as_="facilitator")
    card = await post(chat, "vote-opened", at=clock())
    inputs = [element for element in card["body"] if element["type"].startswith("Input.")]
    assert [element["id"] for element in inputs] == ["comment"]  # one field, not one per language
    assert "Comment" in inputs[0]["label"] and "تعليق" in inputs[0]["label"]
    assert [(a["verb"], a["data"].get("choice")) for a in card["actions"]] == [
        ("vote", "endorse"),
        ("vote", "object"),
        ("vote", "abstain"),
    ]
    assert "Endorse" in card["actions"][0]["title"] and "أؤيد" in card["actions"][0]["title"]
    assert card["refresh"]["action"]["verb"] == "vote-refresh"  # Teams then shows each their own language


async def test_an_english_text_post_carries_mention_entities(chat: Chat) -> None:
    reply = Reply.of(
        "reminders-retried", count=2, mentions=Mentions("mentions-unanswered", (Person(OMAR, None, "عمر خليل"),))
    )
    activity = chat.renderer.channel_activity(reply, langs=("en",), zone=ZONE)
    assert activity.text is not None and activity.attachments is None
    assert "2 messages will be sent again" in plain(activity.text)
    assert "Not answered yet: \u2068<at>عمر خليل</at>\u2069" in activity.text
    assert [(m.mentioned.id, m.text) for m in activity.get_mentions()] == [(OMAR, "<at>عمر خليل</at>")]


async def test_a_post_too_large_in_both_languages_keeps_the_first(chat: Chat, clock: FakeClock) -> None:
    late = tuple(DigestAction(n, "Share the 4W data " * 8, date(2026, 11, 20), overdue=True) for n in range(80))
    reply = Reply.of("weekly-digest", view=Digest(meetings=(), owners=(DigestOwner("Omar", late),), now=clock()))
    card = await render(chat, reply)
    assert "هذا الأسبوع في المجتمع" in shown(card) and "This week in the community" not in shown(card)
