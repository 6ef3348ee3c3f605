"""The foundation's commands as a conversation: who says what, what the bot answers (key and words)."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from dialogs.common.registry import HELP_TOPICS
from storage.models import AuditLog, Role
from tests.chat import Chat, converse

# (who, says, reply key, words the member must read — in their own language)
CONVERSATION = [
    # help: in the member's language, the everyday commands of their role, then one topic at a time
    ("facilitator", "help", "help", "What you will use most", "`decision add Adopt the shared 4W template"),
    ("facilitator", "/help", "help", "What you can ask Tansiq", "or write `help meetings`"),
    ("member", "مساعدة", "help", "ما يمكنك طلبه من تنسيق", "`جدول إضافة", "`اسأل"),
    ("member", "/مساعدة", "help", "أنت عضو في هذا المجتمع"),
    ("member", "المساعدة الإعدادات", "help", "مساعدة: أنت وإعداداتك", "مثال: `الأعضاء`", "`بياناتي`"),
    ("facilitator", "help settings", "help", "Help: you and your settings", "role @Omar facilitator"),
    ("member", "مساعدة الاجتماعات", "help", "مساعدة: الاجتماعات", "ما يمكنك فعله هنا عضوًا", "`محضر ٢`"),
    ("facilitator", "help minutes", "help", "Help: meetings", "`minutes publish 2`", "`attended 2 @Omar @Leila`"),
    ("guest", "help votes", "help", "Help: votes", "`vote 3 endorse"),
    ("member", "مساعدة الطقس", "help-topic-unknown", "لا مساعدة عندي عن «الطقس»", "`مساعدة الاجتماعات`"),
    ("facilitator", "help weather", "help-topic-unknown", "The topics: meetings, agenda"),
    # lang
    ("facilitator", "lang", "lang-choose", "Which language"),
    ("facilitator", "lang xx", "lang-unknown", "`lang ar`"),
    ("member", "لغة فرنسي", "lang-unknown", "«فرنسي» ليست لغة"),
    # tz
    ("facilitator", "tz", "tz-current", "Asia/Beirut"),
    ("facilitator", "tz Mars/Olympus", "tz-unknown", "Area/City"),
    ("member", "توقيت القمر", "tz-unknown", "ليست منطقة زمنية"),
    ("facilitator", "tz asia/amman", "tz-set", "Asia/Amman"),
    ("facilitator", "tz Cairo", "tz-set", "Africa/Cairo"),
    ("member", "توقيت Asia/Riyadh", "tz-set", "Asia/Riyadh"),
    ("member", "توقيت دمشق", "tz-set", "Asia/Damascus"),
    ("member", "توقيت عمّان", "tz-set", "Asia/Amman"),
    ("member", "توقيت تونس", "tz-set", "Africa/Tunis"),
    ("member", "توقيت الأردن", "tz-set", "Asia/Amman"),
    ("facilitator", "tz Tunisia", "tz-set", "Africa/Tunis"),
    ("facilitator", "tz beirut", "tz-set", "Asia/Beirut"),
    ("facilitator", "tz Atlantis", "tz-unknown", "a city or a country"),
    ("member", "توقيت القمر", "tz-unknown", "اسم مدينة أو بلد"),
    # whoami
    ("facilitator", "whoami", "whoami", "Leila Haddad** — facilitator of MENA AA CoP"),
    ("member", "من أنا", "whoami", "عمر خليل** — عضو في MENA AA CoP"),
    # members (Arabic plural and Arabic-Indic digits)
    ("facilitator", "members", "members", "The community has 4 members"),
    ("member", "الأعضاء", "members", "في المجتمع ٤ أعضاء"),
    ("member", "الأعضاء ٩", "members-page-unknown", "لا توجد صفحة ٩"),
    # role: refusals first
    ("member", "role <at>Sami Nasser</at> facilitator", "not-facilitator", "للميسّرين فقط"),  # ar-SA locale
    ("guest", "role <at>Sami Nasser</at> facilitator", "not-facilitator", "only facilitators"),
    ("member", "دور <at>Sami Nasser</at> ميسر", "not-facilitator", "للميسّرين فقط"),
    ("facilitator", "role", "role-usage", "`role @Omar facilitator`"),
    ("facilitator", "role <at>Sami Nasser</at> boss", "role-unknown-value", "“boss” is not a role"),
    ("facilitator", "role <at>Nobody Here</at> member", "member-not-found", "Nobody Here"),
    ("facilitator", "role <at>Leila Haddad</at> member", "role-not-self", "your own role"),
    ("facilitator", "role <at>Amal Zoubi</at> member", "role-admin-fixed", "Amal Zoubi is an admin"),
    ("facilitator", "role <at>Sami Nasser</at> member", "role-unchanged", "already a member"),
    ("facilitator", "role <at>Sami Nasser</at> facilitator", "role-set", "Sami Nasser is now a facilitator"),
    ("admin", "دور Sami ميسر", "role-unchanged", "Sami Nasser is already a facilitator"),
    ("admin", "role Sami member", "role-set", "Sami Nasser is now a member"),
    # unknown commands and free text
    ("facilitator", "hlep", "unknown-command-suggest", "Did you mean `help`?"),
    ("facilitator", "/whoamii", "unknown-command-suggest", "`whoami`"),
    ("member", "/بحث شيء", "unknown-command", "ليس أمرًا من أوامر تنسيق"),
    ("facilitator", "When is the next plenary meeting?", "fact-no-meeting", "No meeting is scheduled yet"),
    ("member", "متى الاجتماع القادم؟", "fact-no-meeting", "لا يوجد اجتماع مجدول بعد"),
]


@pytest.fixture
async def chat(sessions, clock) -> Chat:
    return await Chat(sessions, clock).start()


async def test_conversation(chat: Chat) -> None:
    """The whole table in order on one community (later rows see earlier rows' changes)."""
    await converse(chat, CONVERSATION)


async def test_help_shows_members_only_what_they_may_use(chat: Chat) -> None:
    everyday = await chat.say("مساعدة", as_="member")
    assert len(everyday.replies[0].view.commands) <= 8
    assert everyday.replies[0].view.topics == HELP_TOPICS  # members have commands under every topic
    for topic in everyday.replies[0].view.topics:
        shown = (await chat.submit({"verb": "help", "topic": topic}, as_="member")).text
        for facilitators_only in ("`اجتماع إضافة", "`قرار إضافة", "`دور @", "`التذاكر`", "`السجل", "`استطلاع "):
            assert facilitators_only not in shown, (topic, facilitators_only)
    meetings = await chat.submit({"verb": "help", "topic": "meetings"}, as_="facilitator")
    assert "`meeting add Quarterly plenary" in meetings.text and "`attended 2" in meetings.text


async def test_language_choice_sticks_and_switches_the_answers(chat: Chat) -> None:
    said = await chat.say("lang ar", as_="facilitator")
    assert said.key == "lang-set"
    assert "سيجيبك تنسيق باللغة العربية" in said.text
    assert "ما يمكنك طلبه" in (await chat.say("help", as_="facilitator")).text
    said = await chat.say("لغة الإنجليزية", as_="facilitator")
    assert "answer you in English" in said.text
    assert (await chat.member("facilitator")).language == "en"


async def test_card_buttons_switch_language(chat: Chat) -> None:
    said = await chat.submit({"verb": "lang", "lang": "en"}, as_="member")
    assert said.text.startswith("Done: Tansiq will answer you in English")
    assert (await chat.member("member")).language == "en"


async def test_role_change_is_audited_with_before_and_after(chat: Chat, sessions) -> None:
    await chat.say("role <at>Sami Nasser</at> facilitator", as_="facilitator")
    assert (await chat.member("guest")).role is Role.FACILITATOR
    async with sessions() as session:
        entry = await session.scalar(select(AuditLog).where(AuditLog.action == "member.role"))
    assert entry is not None
    assert (entry.before, entry.after, entry.actor_member_id) == (
        {"role": "member"},
        {"role": "facilitator"},
        chat.ids["facilitator"],
    )


async def test_timezone_choice_is_kept(chat: Chat) -> None:
    await chat.say("tz Asia/Amman", as_="member")
    member = await chat.member("member")
    assert (member.timezone, member.timezone_chosen) == ("Asia/Amman", True)


BAD_INPUT = [
    ("member", "", "empty-message", "رسالتك فارغة"),
    ("facilitator", "   ", "empty-message", "Your message was empty"),
    ("facilitator", "<at>Tansiq</at>", "empty-message", "Your message was empty"),
    ("facilitator", "x" * 20_000, "text-too-long", "20,000 characters"),
    ("member", "س" * 20_000, "text-too-long", "٢٠٬٠٠٠"),
    ("facilitator", "/frobnicate now", "unknown-command", "not a Tansiq command"),
    ("facilitator", "tz Nowhere/Land", "tz-unknown", "Nowhere/Land"),
    ("member", "lang klingon", "lang-unknown", "klingon"),
    ("facilitator", "tz " + "A/" * 1000, "tz-unknown", "Area/City"),
]


@pytest.mark.parametrize(
    "who, says, key, words", BAD_INPUT, ids=[f"{k}-{i}" for i, (_, _, k, _) in enumerate(BAD_INPUT)]
)
async def test_bad_input_gets_a_clear_answer_and_changes_nothing(chat: Chat, sessions, who, says, key, words) -> None:
    before = await chat.member(who)
    async with sessions() as session:
        audits = await session.scalar(select(func.count()).select_from(AuditLog))
    said = await chat.say(says, as_=who)
    assert said.key == key
    assert words in said.text
    after = await chat.member(who)
    assert (after.language, after.timezone, after.role) == (before.language, before.timezone, before.role)
    async with sessions() as session:
        assert await session.scalar(select(func.count()).select_from(AuditLog)) == audits


@pytest.mark.parametrize(
    "data", [None, "lang", 42, [], {}, {"verb": 7}, {"verb": "lang"}, {"verb": "nope"}, {"verb": "lang", "lang": "tlh"}]
)
async def test_malformed_card_submit_gets_a_clear_answer(chat: Chat, data) -> None:
    said = await chat.submit(data, as_="facilitator")
    assert said.key in {"card-data-invalid", "lang-unknown"}
    assert "Tansiq" in said.text or "lang ar" in said.text
    assert (await chat.member("facilitator")).language is None
