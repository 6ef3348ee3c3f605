"""`notify` / `الإشعارات` in conversation: each member sees and changes what they also receive by e-mail (nothing
until they choose), in their language; a mistake gets a short message saying how to write it; someone without an
e-mail address is told why nothing can be e-mailed; the card's switches save the same choices."""

from __future__ import annotations

import pytest

from bot.cards.render import Renderer
from bot.i18n import Catalogs
from dialogs.mail import choices
from storage.models import Member
from tests.chat import Chat, converse
from tests.fakes import FakeClock

ON_AR, OFF_AR = "بالبريد الإلكتروني", "في Teams فقط"
NUDGES_EN = "Reminders to you (your actions, meetings, minutes)"
IN_CHAT_EN, IN_CHAT_AR = "Announcements also in my 1:1 chat with Tansiq", "الإعلانات أيضًا في محادثتي الخاصة مع تنسيق"


@pytest.fixture
async def chat(sessions, clock: FakeClock) -> Chat:
    """The cast; Omar and Leila have e-mail addresses, Sami (the guest) none."""
    chat = await Chat(sessions, clock).start()
    async with sessions.begin() as session:
        for who, address in (("member", "omar@wfp.example"), ("facilitator", "leila@ifrc.example")):
            member = await session.get(Member, chat.ids[who])
            assert member is not None
            member.email = address
    return chat


async def test_notify_in_arabic(chat: Chat) -> None:
    await converse(
        chat,
        [
            ("member", "الإشعارات", "notify-choices", "ما يصلك بالبريد الإلكتروني", f"الإعلانات: {OFF_AR}",
             "omar@wfp.example"),
            ("member", "الإشعارات التذكيرات تشغيل", "notify-choices", "حُفظ",
             f"التذكيرات الموجهة إليك (إجراءاتك، الاجتماعات، المحاضر): {ON_AR}", f"الإعلانات: {OFF_AR}"),
            ("member", "الإشعارات تشغيل الملخص", "notify-choices", f"الملخص الأسبوعي والنشرة الشهرية: {ON_AR}"),
            ("member", "الإشعارات الكل إيقاف", "notify-choices", f"الملخص الأسبوعي والنشرة الشهرية: {OFF_AR}"),
            ("member", "الإشعارات الطقس تشغيل", "notify-usage", "الإشعارات التذكيرات تشغيل", "الأنواع"),
            ("member", "الإشعارات التذكيرات", "notify-usage", "الإشعارات الكل إيقاف"),
            ("member", "الإشعارات الكل تشغيل", "notify-choices", f"الإعلانات: {ON_AR}",
             f"دعوات الاجتماعات (التقويم): {ON_AR}"),
        ],
    )  # fmt: skip
    assert await topics(chat, "member") == {"announcements", "invitations", "digest", "nudges"}


async def test_notify_in_english(chat: Chat) -> None:
    await converse(
        chat,
        [
            ("facilitator", "notify", "notify-choices", "What you receive by e-mail, besides Teams",
             "Announcements: Teams only", "E-mails go to leila@ifrc.example"),
            ("facilitator", "notify digest on", "notify-choices", "Saved.",
             "Weekly digest and monthly bulletin: by e-mail", f"{NUDGES_EN}: Teams only"),
            ("facilitator", "notify on invitations", "notify-choices", "Meeting invitations (calendar): by e-mail"),
            ("facilitator", "notify digest off", "notify-choices", "Weekly digest and monthly bulletin: Teams only"),
            ("facilitator", "notify weather on", "notify-usage", "notify nudges on", "kinds: announcements"),
            ("facilitator", "notify all of it", "notify-usage", "notify all off"),
            ("guest", "notify nudges on", "notify-no-email", "no e-mail address of yours"),
            ("guest", "notify", "notify-choices", "Tansiq knows no e-mail address of yours"),
        ],
    )  # fmt: skip
    assert await topics(chat, "facilitator") == {"invitations"}
    assert await topics(chat, "guest") == set()


async def test_the_cards_switches_save_the_choices(chat: Chat) -> None:
    shown = await chat.say("notify", as_="facilitator")
    card = Renderer(Catalogs()).card(shown.replies[0], lang="en", zone="Asia/Beirut")
    switches = {item["id"]: item["value"] for item in card["body"] if item["type"] == "Input.Toggle"}
    assert switches == {
        "announcements": "false",
        "invitations": "false",
        "digest": "false",
        "nudges": "false",
        "announcements_in_chat": "false",
    }
    [save] = card["actions"]
    saved = await chat.submit({**save["data"], **switches, "digest": "true", "nudges": "true"}, as_="facilitator")
    assert saved.key == "notify-choices" and f"{NUDGES_EN}: by e-mail" in saved.text
    assert await topics(chat, "facilitator") == {"digest", "nudges"} and not await in_chat(chat, "facilitator")
    wrong = await chat.submit({**save["data"], "digest": "maybe"}, as_="facilitator")
    assert wrong.key == "card-data-invalid" and await topics(chat, "facilitator") == {"digest", "nudges"}
    saved = await chat.submit({**save["data"], **switches, "announcements_in_chat": "true"}, as_="facilitator")
    assert f"{IN_CHAT_EN}: yes" in saved.text and await in_chat(chat, "facilitator")
    assert await topics(chat, "facilitator") == set()


async def topics(chat: Chat, who: str) -> set[str]:
    async with chat.sessions() as session:
        return set(await choices.topics_of(session, chat.ids[who]))


async def in_chat(chat: Chat, who: str) -> bool:
    """Whether the member chose announcements also in their 1:1 chat."""
    return (await chat.member(who)).announcements_in_chat


async def test_announcements_in_the_1_1_chat_in_both_languages(chat: Chat) -> None:
    await converse(
        chat,
        [
            ("member", "الإشعارات", "notify-choices", f"{IN_CHAT_AR}: لا (في القناة فقط)"),
            ("member", "الإشعارات الإعلانات خاص تشغيل", "notify-choices", "حُفظ", f"{IN_CHAT_AR}: نعم",
             f"الإعلانات: {OFF_AR}"),
            ("member", "الإشعارات خاص الإعلانات إيقاف", "notify-choices", f"{IN_CHAT_AR}: لا (في القناة فقط)"),
            ("member", "الإشعارات تشغيل الإعلانات خاص", "notify-choices", f"{IN_CHAT_AR}: نعم"),
            ("member", "الإشعارات الملخص خاص تشغيل", "notify-usage", "الإشعارات الإعلانات خاص تشغيل"),
            ("facilitator", "notify announcements chat on", "notify-choices", "Saved.", f"{IN_CHAT_EN}: yes",
             "Announcements: Teams only"),
            ("facilitator", "notify chat announcements off", "notify-choices",
             f"{IN_CHAT_EN}: no (in the channel only)"),
            ("facilitator", "notify announcements chat maybe", "notify-usage", "notify announcements chat on"),
            ("guest", "notify announcements chat on", "notify-choices", f"{IN_CHAT_EN}: yes",
             "Tansiq knows no e-mail address of yours"),  # Teams only: no address needed
        ],
    )  # fmt: skip
    assert await in_chat(chat, "member") and await in_chat(chat, "guest") and not await in_chat(chat, "facilitator")
    assert await topics(chat, "member") == set() and await topics(chat, "guest") == set()  # e-mail choices untouched
    said = await chat.say("notify announcements chat on", as_="facilitator", shared=True)
    assert said.key == "notify-private" and not await in_chat(chat, "facilitator")


async def test_without_an_address_the_card_still_has_the_1_1_chat_switch(chat: Chat) -> None:
    shown = await chat.say("notify", as_="guest")
    card = Renderer(Catalogs()).card(shown.replies[0], lang="en", zone="Asia/Beirut")
    assert [item["id"] for item in card["body"] if item["type"] == "Input.Toggle"] == ["announcements_in_chat"]
    [save] = card["actions"]
    saved = await chat.submit({**save["data"], "announcements_in_chat": "true"}, as_="guest")
    assert saved.key == "notify-choices" and await in_chat(chat, "guest")
    refused = await chat.submit({**save["data"], "announcements_in_chat": "false", "digest": "true"}, as_="guest")
    assert refused.key == "notify-no-email" and await in_chat(chat, "guest")  # nothing half-saved
    wrong = await chat.submit({**save["data"], "announcements_in_chat": "maybe"}, as_="guest")
    assert wrong.key == "card-data-invalid" and await in_chat(chat, "guest")


async def test_where_others_read_notify_sends_the_member_to_their_1_1_chat(chat: Chat) -> None:
    said = await chat.say("notify", as_="facilitator", shared=True)
    assert said.key == "notify-private" and "write `notify` in our 1:1 chat" in said.text
    assert "leila@ifrc.example" not in said.text
    said = await chat.say("الإشعارات التذكيرات تشغيل", as_="member", shared=True)
    assert said.key == "notify-private" and "محادثتنا الخاصة" in said.text and "omar@wfp.example" not in said.text
    pressed = await chat.router.card(
        member_id=chat.ids["member"], data={"verb": "mail-choices", "digest": "true"}, now=chat.clock(), shared=True
    )
    assert pressed.replies[0].key == "notify-private"
    assert await topics(chat, "member") == set() and await topics(chat, "facilitator") == set()


async def test_the_save_button_changes_only_the_choices_of_whoever_presses_it(chat: Chat) -> None:
    await chat.say("notify announcements on", as_="facilitator")
    shown = await chat.say("notify", as_="facilitator")
    card = Renderer(Catalogs()).card(shown.replies[0], lang="en", zone="Asia/Beirut")
    [save] = card["actions"]
    saved = await chat.submit({**save["data"], "digest": "true"}, as_="member")  # Leila's card, Omar's press
    assert "omar@wfp.example" in saved.text and "leila@ifrc.example" not in saved.text
    assert await topics(chat, "member") == {"digest"} and await topics(chat, "facilitator") == {"announcements"}
