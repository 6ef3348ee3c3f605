"""Announcements as facilitators and members meet them: `announce` / `أعلن` in both languages, facilitators only; a
community announcement is one channel post (the text once, in the language written, under a headline in each of the
channel's languages); a working group's goes to its members and the facilitators in their 1:1 chats, never the
channel; a community announcement also reaches, 1:1, those who chose that (never its author, never mailed twice);
`| email` marks it for e-mail copies; bad input says how to fix it; every announcement is audited."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from bot.cards.parts import card_text
from bot.i18n import plain
from dialogs.announcements.views import Announcement
from dialogs.common.language import member_language
from dialogs.common.text import markdown_literal
from dialogs.mail import copies
from storage.models import AuditLog, Member, Notification
from tests.chat import Chat, converse
from tests.fakes import FakeClock

OMAR = "<at>عمر خليل</at>"
ZONE = "Asia/Beirut"


@pytest.fixture
async def chat(sessions, clock: FakeClock) -> Chat:
    return await Chat(sessions, clock).start()


async def announcements(chat: Chat) -> list[Notification]:
    async with chat.sessions() as session:
        rows = await session.scalars(
            select(Notification).where(Notification.kind == "announcement").order_by(Notification.id)
        )
        return list(rows)


async def test_announce_in_both_languages_posts_in_the_channel(chat: Chat) -> None:
    await converse(
        chat,
        [
            (
                "facilitator",
                "announce The plenary moves to Amman on 10 December",
                "announcement-sent",
                "Posted in the channel.",
            ),
            ("member", "أعلن يُنقل الاجتماع العام إلى عمّان", "not-facilitator", "للميسّرين فقط"),
            ("admin", "لغة عربية", "lang-set"),
            ("admin", "أعلن يُنقل الاجتماع العام إلى عمّان | بريد", "announcement-sent", "نُشر الإعلان في القناة."),
        ],
    )
    first, second = await announcements(chat)
    assert first.channel and second.channel and first.member_id is None
    assert first.payload["lang"] == "en" and second.payload["lang"] == "ar"
    assert not first.payload["by_email"] and second.payload["by_email"]

    reply = await chat.compose(first, first.due_at)
    assert reply is not None and isinstance(reply.view, Announcement)
    post = chat.renderer.channel_activity(reply, langs=("ar", "en"), zone=ZONE)
    text = plain(card_text(post.attachments[0].content))
    assert "إعلان من Leila Haddad" in text and "Announcement from Leila Haddad" in text
    assert text.count("The plenary moves to Amman on 10 December") == 1  # member text, once, as written
    arabic = chat.renderer.channel_activity(await chat.compose(second, second.due_at), langs=("ar", "en"), zone=ZONE)
    sections = arabic.attachments[0].content["body"]
    assert "يُنقل الاجتماع العام إلى عمّان" in card_text({"body": sections[0]["items"]})  # under the Arabic headline
    assert "يُنقل الاجتماع العام إلى عمّان" not in card_text({"body": sections[1]["items"]})


async def test_members_and_guests_are_refused_and_nothing_is_sent(chat: Chat) -> None:
    await converse(
        chat,
        [
            ("member", "أعلن مرحبًا بالجميع", "not-facilitator", "هذا الأمر للميسّرين فقط"),
            ("guest", "announce Hello everyone | email", "not-facilitator", "Sorry, only facilitators can do that."),
            ("member", "announce Hello | group WASH", "not-facilitator"),
        ],
    )
    assert await announcements(chat) == []


async def test_a_group_announcement_reaches_only_its_members_and_the_facilitators(chat: Chat) -> None:
    await chat.say("group add WASH Aleppo | Water trucking", as_="facilitator")
    await chat.say(f"group join WASH Aleppo {OMAR}", as_="facilitator")
    await converse(
        chat,
        [
            (
                "facilitator",
                "announce Bring the water-point maps | group WASH Aleppo | email",
                "announcement-sent",
                "Sent to 3 people in their 1:1 chats: the members of “WASH Aleppo” and the facilitators.",
                "No one it went to has chosen announcements by e-mail yet.",
            ),
            ("facilitator", "announce Tanks | chlorinated | group wash", "announcement-sent", "Sent to 3 people"),
        ],
    )
    rows = await announcements(chat)
    assert not any(row.channel for row in rows)  # never the channel
    reached = {row.member_id for row in rows}
    assert reached == {chat.ids["member"], chat.ids["facilitator"], chat.ids["admin"]}  # Sami (guest) is not in it
    assert "Tanks | chlorinated" in {row.payload["text"] for row in rows}  # a `|` in the text stays text
    omar = next(row for row in rows if row.member_id == chat.ids["member"])
    shown = chat.renderer.text(await chat.compose(omar, omar.due_at), lang="ar", zone=ZONE)
    assert "لمجموعة العمل" in plain(shown) and "WASH Aleppo" in shown and "Bring the water" in shown

    await chat.say("group leave WASH Aleppo", as_="member")  # left before it was sent: not sent to Omar any more
    assert await chat.compose(omar, omar.due_at) is None


async def test_email_copies_only_when_asked(chat: Chat) -> None:
    await chat.say("announce No e-mail for this one", as_="facilitator")
    await chat.say("announce This one by e-mail | email", as_="facilitator")
    plain_row, mailed_row = await announcements(chat)
    assert copies.topic_of(plain_row) is None  # the dispatcher makes no copy of it
    assert copies.topic_of(mailed_row) == "announcements"


async def test_bad_input_says_how_to_fix_it(chat: Chat) -> None:
    too_long = "x" * 2001
    await converse(
        chat,
        [
            ("facilitator", "announce", "announcement-usage", "Write the announcement after `announce`"),
            ("facilitator", "announce | email", "announcement-usage", "`| group <name>`"),
            ("facilitator", f"announce {too_long}", "announcement-too-long", "2,001 characters: 2,000 at most"),
            (
                "facilitator",
                "announce Hello | group Nowhere",
                "announcement-group-unknown",
                "There is no open working group called “Nowhere”. Write `groups`",
            ),
            ("admin", "لغة عربية", "lang-set"),
            ("admin", "أعلن", "announcement-usage", "اكتب الإعلان بعد `أعلن`"),
            ("admin", f"أعلن {too_long}", "announcement-too-long", "والحد الأقصى ٢٬٠٠٠"),
            ("admin", "أعلن مرحبًا | مجموعة لا توجد", "announcement-group-unknown", "اكتب `المجموعات`"),
        ],
    )
    assert await announcements(chat) == []


async def test_every_announcement_is_audited(chat: Chat) -> None:
    await chat.say("group add WASH Aleppo | Water trucking", as_="facilitator")
    await chat.say("announce Welcome *all*", as_="facilitator")
    await chat.say("announce Maps | group WASH Aleppo | email", as_="facilitator")
    async with chat.sessions() as session:
        entries = list(
            await session.scalars(select(AuditLog).where(AuditLog.action == "announcement.sent").order_by(AuditLog.id))
        )
    assert [(e.actor_member_id, e.after["text"], e.after["audience"], e.after["email"]) for e in entries] == [
        (chat.ids["facilitator"], "Welcome *all*", "channel", False),
        (chat.ids["facilitator"], "Maps", "group:WASH Aleppo", True),
    ]
    [first, *_] = await announcements(chat)
    card = chat.renderer.card(await chat.compose(first, first.due_at), lang="en", zone=ZONE)
    assert card["body"][-1]["items"][0]["text"] == markdown_literal("Welcome *all*")  # member text, not bold


async def test_a_community_announcement_also_reaches_the_1_1_chats_of_those_who_chose_it(chat: Chat) -> None:
    async with chat.sessions.begin() as session:
        omar = await session.get(Member, chat.ids["member"])
        assert omar is not None
        omar.email = "omar@wfp.example"
    await chat.say("الإشعارات الإعلانات تشغيل", as_="member")  # by e-mail too
    await chat.say("الإشعارات الإعلانات خاص تشغيل", as_="member")
    await chat.say("notify announcements chat on", as_="admin")
    await chat.say("notify announcements chat on", as_="facilitator")  # the author: not to herself
    await converse(
        chat,
        [
            (
                "facilitator",
                "announce The plenary moves to Amman | email",
                "announcement-sent",
                "Posted in the channel. Also sent to the 2 people who chose announcements in their 1:1 chat.",
                "Also e-mailed to the 1 person who chose announcements by e-mail.",
            ),
        ],
    )
    [post, *chats] = await announcements(chat)
    assert post.channel and {row.member_id for row in chats} == {chat.ids["member"], chat.ids["admin"]}
    assert len({row.dedup_key for row in chats}) == 2 and not any(row.channel for row in chats)
    community = await chat.community()
    for row in chats:  # as the dispatcher renders it: in the member's language
        member = next(m for m in (await chat.member("member"), await chat.member("admin")) if m.id == row.member_id)
        lang = member_language(member, community, teams_locale=member.teams_locale, text=None)
        composed = await chat.compose(row, row.due_at)
        assert composed is not None
        shown = plain(chat.renderer.text(composed, lang=lang, zone=ZONE))
        headline = "إعلان من Leila Haddad" if row.member_id == chat.ids["member"] else "Announcement from Leila"
        assert headline in shown and "The plenary moves to Amman" in shown

    async with chat.sessions.begin() as session:  # the dispatcher's e-mail copies of every row
        for row in [post, *chats]:
            fresh = await session.get(Notification, row.id)
            assert fresh is not None
            await copies.plan(session, fresh, now=row.due_at)
    mailed = [row for row in await announcements(chat) if copies.is_copy(row)]
    assert [row.member_id for row in mailed] == [chat.ids["member"]]  # once: from the channel post only

    await chat.say("الإشعارات الإعلانات خاص إيقاف", as_="member")  # changed their mind before it was sent
    to_omar = next(row for row in chats if row.member_id == chat.ids["member"])
    assert await chat.compose(to_omar, to_omar.due_at) is None


async def test_the_1_1_copies_follow_each_choice_and_skip_the_author(chat: Chat) -> None:
    await chat.say("notify announcements chat on", as_="guest")  # a guest: a community-wide item is theirs too
    await chat.say("notify announcements chat on", as_="facilitator")
    await chat.say("notify announcements chat on", as_="admin")
    await chat.say("group add WASH Aleppo | Water trucking", as_="facilitator")
    await converse(
        chat,
        [
            ("admin", "لغة عربية", "lang-set"),
            ("admin", "أعلن مرحبًا بالجميع", "announcement-sent", "نُشر الإعلان في القناة.",
             "وأُرسل أيضًا إلى الشخصين اللذين اختارا تلقي الإعلانات في محادثتيهما الخاصة."),
            ("admin", "أعلن أحضروا الخرائط | مجموعة WASH Aleppo", "announcement-sent", "أُرسل إلى شخصين"),
        ],
    )  # fmt: skip
    rows = await announcements(chat)
    welcome = [row for row in rows if row.payload["text"] == "مرحبًا بالجميع" and not row.channel]
    assert {row.member_id for row in welcome} == {chat.ids["guest"], chat.ids["facilitator"]}  # not Omar, not Amal
    maps = [row for row in rows if row.payload["text"] == "أحضروا الخرائط"]
    assert {row.member_id for row in maps} == {chat.ids["facilitator"], chat.ids["admin"]}  # the group's, as before
