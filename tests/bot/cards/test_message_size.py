"""Every message the bot sends fits in one Teams message (`bot.cards.fit.MESSAGE_BUDGET`): a long agenda is paged with
a "more" button that shows the next items, long details are cut with a way to read them whole, long minutes are cut
saying where the whole is, and any card still too large is shortened rather than refused by Teams.

Regressions of issue #16: a 24-item agenda with full details was 97 KB (30 items: 121 KB), so the reply failed and
the day-before reminder was parked."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import pytest
from microsoft_agents.activity import Activity
from sqlalchemy import select

from bot.cards.fit import MESSAGE_BUDGET, size
from bot.cards.parts import adaptive_card, card_text, text_block
from bot.cards.render import Renderer
from bot.i18n import Catalogs, plain
from dialogs.common.replies import CardView, Reply
from dialogs.meetings.views import AgendaCard
from dialogs.reminders.views import MeetingReminder
from storage.models import Notification
from tests.chat import NARROW_SPACE, Chat
from tests.fakes import FakeClock

ZONE = "Asia/Beirut"
TOPICS = (
    "Flood early-warning triggers", "Cash transfer values", "Drought protocol", "Shelter winterisation",
    "Cholera preparedness", "Fuel prices", "Market monitoring", "Anticipatory action fund", "Heatwave plan",
    "Data sharing agreement", "Community feedback", "Localisation roadmap", "Training calendar", "Evaluation findings",
    "Rainfall forecasts", "Seed distribution", "Livestock vaccination", "Water trucking", "School kits",
    "Protection referrals", "Winter clothes", "Mobile clinics", "Road access", "Warehouse capacity",
    "Volunteer insurance", "Radio messages", "Hygiene promotion", "Donor reporting", "Map of partners",
    "Lessons from the earthquake",
)  # fmt: skip
DETAILS = {
    "ar": ("نص تفصيلي عن عتبات الإنذار المبكر للفيضانات في حوض النهر وما يلزم من تمويل " * 40)[:2000],
    "en": ("Detailed notes on the flood early-warning thresholds in the river basin and the funding needed. " * 30)[
        :2000
    ],
}


@pytest.fixture
async def chat(sessions, clock: FakeClock) -> Chat:
    return await Chat(sessions, clock).start()


async def long_agenda(chat: Chat, count: int = 30) -> None:
    """Meeting #1 with `count` items, each with 2,000 characters of details, Arabic and English in turn."""
    await chat.say("meeting add Monthly follow-up | 2026-12-03 10:00 | every month", as_="facilitator")
    for index, topic in enumerate(TOPICS[:count]):
        said = await chat.say(f"agenda add {topic} | {DETAILS['ar' if index % 2 else 'en']}", as_="facilitator")
        assert said.key == "agenda-item-added", said.text


def sent(activity: Activity) -> dict[str, Any]:
    """The activity as the bot posts it."""
    return activity.model_dump(mode="json", by_alias=True, exclude_none=True)


def card_of(activity: Activity) -> dict[str, Any]:
    assert activity.attachments is not None
    content = activity.attachments[0].content
    assert isinstance(content, dict)
    return content


def shown(card: dict[str, Any]) -> str:
    return plain(card_text(card)).replace(NARROW_SPACE, " ")


def more_button(card: dict[str, Any]) -> dict[str, Any] | None:
    """The data of the card's "more" button (None: everything is shown)."""
    found = [a["data"] for a in card["actions"] if a.get("data", {}).get("verb") == "agenda-more"]
    return found[0] if found else None


def numbers(card: dict[str, Any]) -> list[int]:
    """The numbers of the agenda items a card shows (each of these has its details cut: tapping it shows it whole)."""

    def found(element: Any) -> list[int]:
        if isinstance(element, list):
            return [number for item in element for number in found(item)]
        if not isinstance(element, dict):
            return []
        if "selectAction" in element:
            return [element["selectAction"]["data"]["number"]]
        return found(element.get("items", []))

    return found(card["body"])


async def channel_row(chat: Chat, kind: str, *, before: int | None = None) -> Notification:
    async with chat.sessions() as session:
        rows = await session.scalars(
            select(Notification)
            .where(Notification.kind == kind, Notification.channel.is_(True))
            .order_by(Notification.due_at)
        )
        return next(row for row in rows if before is None or row.payload.get("before") == before)


@pytest.mark.parametrize("count", [24, 30])
async def test_regression_a_long_agenda_with_full_details_fits_one_reply(chat: Chat, count: int) -> None:
    """Issue #16: 24 items with full details were 97 KB, 30 items 121 KB; Teams refused the reply."""
    await long_agenda(chat, count)
    said = await chat.say("agenda", as_="facilitator")
    for lang in ("ar", "en"):
        activity = chat.renderer.activity(said.replies[0], lang=lang, zone=ZONE)
        assert size(sent(activity)) <= MESSAGE_BUDGET
        card = card_of(activity)
        assert TOPICS[0] in shown(card)  # the first items, then how many are left and the button
        assert more_button(card) is not None
    english = card_of(chat.renderer.activity(said.replies[0], lang="en", zone=ZONE))
    left = count - len(numbers(english))
    assert f"Items left: {left} of {count}. The button shows the next ones." in shown(english)
    assert f"More items ({left} left)" in [plain(action["title"]) for action in english["actions"]]


async def test_the_more_button_shows_the_next_items_until_every_item_was_seen_once(chat: Chat) -> None:
    await long_agenda(chat)
    said = await chat.say("agenda", as_="facilitator")
    card = card_of(chat.renderer.activity(said.replies[0], lang="en", zone=ZONE))
    seen = numbers(card)
    pages = 1
    while (data := more_button(card)) is not None:
        assert data["after"] == seen[-1]
        said = await chat.submit(data, as_="facilitator")
        activity = chat.renderer.activity(said.replies[0], lang="en", zone=ZONE)
        assert size(sent(activity)) <= MESSAGE_BUDGET
        card = card_of(activity)
        page = numbers(card)
        assert f"Items {len(seen) + 1} to {len(seen) + len(page)} of 30" in shown(card)
        seen += page
        pages += 1
    assert seen == list(range(1, 31)) and 2 <= pages < 10
    assert "Items left" not in shown(card) and [a["data"]["verb"] for a in card["actions"]] == ["agenda-form"]


async def test_long_details_are_cut_and_the_item_alone_shows_them_whole(chat: Chat) -> None:
    await long_agenda(chat, 2)
    said = await chat.say("agenda", as_="facilitator")
    card = card_of(chat.renderer.activity(said.replies[0], lang="en", zone=ZONE))
    assert DETAILS["en"][:400] in shown(card) and DETAILS["en"] not in shown(card)
    assert "Shortened: tap the item, or write “agenda item 1”, to read it whole." in shown(card)
    tapped = [element["selectAction"]["data"] for element in card["body"] if "selectAction" in element]
    assert tapped == [{"verb": "agenda-item", "number": 1}, {"verb": "agenda-item", "number": 2}]

    for whole in (await chat.submit(tapped[1], as_="member"), await chat.say("جدول بند ٢", as_="member")):
        assert whole.key == "agenda-item"
        activity = chat.renderer.activity(whole.replies[0], lang="ar", zone=ZONE)
        assert DETAILS["ar"] in shown(card_of(activity)) and size(sent(activity)) <= MESSAGE_BUDGET
    assert (await chat.say("agenda item 99", as_="member")).key == "agenda-unknown"
    await chat.say("agenda remove 2", as_="facilitator")
    assert (await chat.say("agenda item 2", as_="member")).key == "agenda-unknown"


@pytest.mark.parametrize("kind, before", [("meeting-reminder", 1440), ("agenda-published", None)])
async def test_regression_the_day_before_reminder_and_the_posted_agenda_fit(
    chat: Chat, kind: str, before: int | None
) -> None:
    """Issue #16: the day-before reminder of a long agenda was too large for Teams and was parked."""
    await long_agenda(chat)
    row = await channel_row(chat, kind, before=before)
    reply = await chat.compose(row, row.due_at)
    assert reply is not None and isinstance(reply.view, MeetingReminder | AgendaCard)
    post = chat.renderer.channel_activity(reply, langs=("ar", "en"), zone=ZONE)
    assert size(sent(post)) <= MESSAGE_BUDGET
    card = card_of(post)
    text = shown(card)
    assert "Items left:" in text and "البنود المتبقية:" in text  # both languages, the same items in each
    assert text.count(TOPICS[0]) == 2 and text.count(TOPICS[-1]) == 0
    data = more_button(card)
    assert data is not None and data["meeting"] == 1
    assert "More items" in card["actions"][0]["title"] and "بنود أخرى" in card["actions"][0]["title"]
    for lang in ("ar", "en"):  # a member's own copy (a working group's meeting) fits too
        assert size(sent(chat.renderer.activity(reply, lang=lang, zone=ZONE))) <= MESSAGE_BUDGET
    after = await chat.submit(data, as_="member")  # pressed in the channel: the next items
    assert after.key == "agenda" and isinstance(after.replies[0].view, AgendaCard)
    assert after.replies[0].view.start == len(numbers(card)) // 2 > 0  # the items after those the post showed


async def test_long_minutes_are_cut_saying_where_the_whole_is(chat: Chat, clock: FakeClock) -> None:
    await chat.say("meeting add Monthly follow-up | 2026-11-24 14:00", as_="facilitator")
    clock.advance(hours=5)
    for index in range(12):
        said = await chat.say(f"decision add {TOPICS[index]}: {DETAILS['ar'][:1900]}", as_="facilitator")
        assert said.key == "decision-added", said.text
    summary = (DETAILS["ar"] * 2)[:3900]
    assert (await chat.say(f"minutes edit 1 | {summary}", as_="facilitator")).key == "minutes"
    said = await chat.say("minutes 1", as_="facilitator")
    for lang in ("ar", "en"):
        activity = chat.renderer.activity(said.replies[0], lang=lang, zone=ZONE)
        assert size(sent(activity)) <= MESSAGE_BUDGET
    english = shown(card_of(chat.renderer.activity(said.replies[0], lang="en", zone=ZONE)))
    assert "Long parts are shortened here" in english and TOPICS[11] in english


@dataclass(frozen=True)
class Huge(CardView):
    """A card no builder pages: a thousand long lines."""


def huge_card(ctx: Any, reply: Reply, view: Huge) -> dict[str, Any]:
    lines = [text_block(f"{index} " + DETAILS["ar"][:300]) for index in range(1000)]
    return adaptive_card([text_block("Headline"), *lines], [], lang=ctx.lang)


@pytest.mark.parametrize("lang", ["ar", "en"])
def test_any_card_still_too_large_is_shortened_saying_so(lang: str) -> None:
    renderer = Renderer(Catalogs(), builders={Huge: huge_card})
    reply = Reply.of("help", view=Huge())
    for activity in (
        renderer.activity(reply, lang=lang, zone=ZONE),
        renderer.channel_activity(reply, langs=("ar", "en"), zone=ZONE),
    ):
        assert size(sent(activity)) <= MESSAGE_BUDGET
        text = shown(card_of(activity))
        assert text.startswith("Headline")
    english = shown(renderer.card(reply, lang="en", zone=ZONE))
    assert english.endswith("This message was too long for Teams, so its end is not shown.")


class Wordy(Catalogs):
    """Catalogs whose one message is as long as no real one."""

    def text(self, lang: str, key: str, /, *, display_zone: str = "UTC", **args: Any) -> str:
        if key == "whoami":
            return "ت" * 30_000 if lang == "ar" else "word " * 10_000
        return super().text(lang, key, display_zone=display_zone, **args)


@pytest.mark.parametrize("lang", ["ar", "en"])
def test_a_long_text_reply_is_cut_to_fit(lang: str) -> None:
    renderer = Renderer(Wordy())
    for activity in (
        renderer.activity(Reply.of("whoami"), lang=lang, zone=ZONE),
        renderer.channel_activity(Reply.of("whoami"), langs=(lang,), zone=ZONE),
    ):
        assert size(sent(activity)) <= MESSAGE_BUDGET
        text = plain(activity.text) if activity.text else shown(card_of(activity))
        assert ("ت" * 900 if lang == "ar" else "word " * 200) in text
        assert ("This message was too long for Teams" if lang == "en" else "هذه الرسالة أطول مما يقبله Teams") in text
