"""Real Teams activities through POST /api/messages on a real server; replies via expectReplies or the
fake Bot Connector."""

from __future__ import annotations

import asyncio
import logging

import pytest
from sqlalchemy import func, select, text

from dialogs.common.people import Person
from dialogs.community.roster import sync_roster
from storage.models import AuditLog, Community, Member, Role
from tests.chat import new_community
from tests.fake_connector import account
from tests.server import HUDA, OMAR, TEAM, TENANT, card_texts, serve, settings_for


async def test_install_syncs_the_roster_and_welcomes_once(bot, connector, sessions) -> None:
    await bot.install()
    async with sessions() as session:
        community = await session.scalar(select(Community))
        members = {m.teams_user_id: m for m in await session.scalars(select(Member))}
    assert (community.tenant_id, community.team_id, community.name) == (TENANT, TEAM, "Operations")
    assert community.conversation_reference["conversation"]["id"] == TEAM
    assert set(members) == {"29:1leila", "29:1omar", "29:1sami"}  # read over two pages
    assert members["29:1leila"].role is Role.ADMIN  # the installer
    assert members["29:1sami"].is_guest and members["29:1sami"].role is Role.MEMBER
    assert members["29:1omar"].email == "omar@wfp.example"
    welcomes = [p for p in connector.posted if "Tansiq" in p.text or "تنسيق" in p.text]
    assert len(welcomes) == 1 and welcomes[0].conversation_id.startswith(TEAM)
    assert "مرحبًا! أنا تنسيق" in welcomes[0].text  # the community's default language is Arabic


async def test_roster_falls_back_when_paged_members_is_refused(bot, connector, sessions, caplog) -> None:
    connector.paged_status = 403  # what the Agents Playground answers
    with caplog.at_level(logging.WARNING, logger="bot.teams.roster_sync"):
        await bot.install()
    async with sessions() as session:
        assert await session.scalar(select(func.count()).select_from(Member)) == 3
    assert "falling back to the member list" in caplog.text


async def test_help_in_english_and_in_arabic_in_personal_chat(bot) -> None:
    await bot.install()
    english = await bot.replies(bot.activity("personal_message_en"))
    assert "What you can ask Tansiq" in card_texts(english[0])
    assert "meeting add Quarterly plenary" in card_texts(english[0])  # Leila installed it: admin
    settings = await bot.replies(bot.activity("personal_message_en", text="help settings"))
    assert "role @Omar facilitator" in card_texts(settings[0])
    arabic = await bot.replies(bot.activity("personal_message_ar"))
    card = arabic[0]["attachments"][0]["content"]
    assert card["rtl"] is True and card["lang"] == "ar"
    assert "ما يمكنك طلبه من تنسيق" in card_texts(arabic[0])
    assert "اجتماع إضافة" not in card_texts(arabic[0])  # Omar is a member: no facilitator commands
    topic = await bot.replies(bot.activity("personal_message_ar", text="مساعدة الإعدادات"))
    assert "مساعدة: أنت وإعداداتك" in card_texts(topic[0]) and "دور" not in card_texts(topic[0])


async def test_channel_mention_is_answered_in_the_thread(bot, connector) -> None:
    await bot.install()
    connector.posted.clear()
    activity = bot.activity("channel_message_mention")
    status, _ = await bot.post(activity)
    assert status in (200, 202)
    assert len(connector.posted) == 1
    reply = connector.posted[0]
    assert reply.conversation_id == activity["conversation"]["id"] and reply.reply_to == activity["id"]
    assert "What you can ask Tansiq" in reply.text


async def test_channel_message_without_mention_is_ignored(bot, connector) -> None:
    await bot.install()
    connector.posted.clear()
    status, _ = await bot.post(bot.activity("channel_message_no_mention"))
    assert status in (200, 202) and connector.posted == []


async def test_group_chat_mention_in_arabic(bot) -> None:
    await bot.install()
    replies = await bot.replies(bot.activity("group_chat_message_mention"))
    assert "ما يمكنك طلبه من تنسيق" in card_texts(replies[0])


async def test_card_submit_switches_language(bot, sessions) -> None:
    await bot.install()
    replies = await bot.replies(bot.activity("card_submit"))
    assert "سيجيبك تنسيق باللغة العربية" in card_texts(replies[0])
    async with sessions() as session:
        leila = await session.scalar(select(Member).where(Member.teams_user_id == "29:1leila"))
    assert leila.language == "ar"
    assert leila.timezone == "Asia/Amman"  # from Teams' localTimezone
    assert leila.conversation_reference["conversation"]["id"].startswith("a:1Lq7")


async def test_members_added_and_removed_follow_the_team(bot, connector, sessions) -> None:
    await bot.install()
    connector.roster.append(HUDA)
    added = bot.activity("conversation_update_members_added")
    added["membersAdded"] = [{"id": HUDA["id"], "aadObjectId": HUDA["aadObjectId"]}]
    assert (await bot.post(added))[0] in (200, 202)
    removed = bot.activity("conversation_update_members_removed")
    removed["membersRemoved"] = [{"id": OMAR["id"], "aadObjectId": OMAR["aadObjectId"]}]
    assert (await bot.post(removed))[0] in (200, 202)
    async with sessions() as session:
        members = {m.teams_user_id: m for m in await session.scalars(select(Member))}
    assert members["29:1huda"].active and members["29:1huda"].name == "Huda Abdallah"
    assert not members["29:1omar"].active and members["29:1omar"].left_at is not None
    replies = await bot.replies(bot.activity("personal_message_ar"))  # Omar left: now a stranger
    assert "ليس في قائمة أعضائه" in card_texts(replies[0]) and "not on its member list" in card_texts(replies[0])


async def test_stranger_in_personal_chat_is_refused_in_both_languages(bot, sessions) -> None:
    await bot.install()
    activity = bot.activity("personal_message_en")
    activity["from"] = {"id": "29:1stranger", "name": "Stranger", "aadObjectId": "ffffffff-0000-4000-8000-0"}
    replies = await bot.replies(activity)
    assert "not on its member list" in card_texts(replies[0]) and "ليس في قائمة أعضائه" in card_texts(replies[0])
    async with sessions() as session:
        assert (
            await session.scalar(select(func.count()).select_from(Member).where(Member.teams_user_id == "29:1stranger"))
            == 0
        )


async def test_nothing_is_answered_before_the_bot_is_installed(bot, sessions) -> None:
    replies = await bot.replies(bot.activity("channel_message_mention"))
    assert "not set up in this team" in card_texts(replies[0])
    async with sessions() as session:
        assert await session.scalar(select(func.count()).select_from(Community)) == 0


async def test_personal_install_welcomes_a_member_once(bot, sessions) -> None:
    await bot.install()
    first = await bot.replies(bot.activity("installation_update_add_personal"))
    assert "مرحبًا Omar Khalil" in card_texts(first[0])
    assert await bot.replies(bot.activity("installation_update_add_personal")) == []
    async with sessions() as session:
        omar = await session.scalar(select(Member).where(Member.teams_user_id == "29:1omar"))
    assert omar.conversation_reference["conversation"]["id"].startswith("a:1Om4r")


async def test_a_failing_turn_apologises_without_leaking_the_error(bot, engine, caplog) -> None:
    await bot.install()
    async with engine.begin() as connection:
        await connection.execute(text("DROP TABLE audit_log"))
    with caplog.at_level(logging.ERROR, logger="bot.teams.routes"):
        replies = await bot.replies(bot.activity("personal_message_ar", text="لغة en"))
    said = card_texts(replies[0])
    assert "حدث خطأ من جهة تنسيق" in said
    assert "audit_log" not in said and "Error" not in said and "Exception" not in said
    error_id = said.split("المرجع ")[1].split(")")[0]
    record = next(r for r in caplog.records if "turn failed" in r.getMessage())
    assert error_id in record.getMessage() and record.exc_info is not None


async def test_probes_answer_without_token(bot, engine) -> None:
    assert await bot.get("/healthz") == (200, {"status": "ok"})
    assert await bot.get("/readyz") == (200, {"status": "ready"})


async def test_audit_trail_of_a_turn(bot, sessions) -> None:
    await bot.install()
    await bot.replies(bot.activity("personal_message_en", text="tz Africa/Cairo"))
    async with sessions() as session:
        entry = await session.scalar(select(AuditLog).where(AuditLog.action == "member.timezone"))
    assert entry.after == {"timezone": "Africa/Cairo"}


async def test_foreign_tenant_is_refused_and_nothing_is_stored(
    engine, database_url, tmp_path, connector, clock, sessions
) -> None:
    settings = settings_for(database_url, tmp_path, allowed_tenant_ids="11111111-2222-3333-4444-555555555555")
    async with serve(settings, connector, clock) as bot:
        await bot.install()
        replies = await bot.replies(bot.activity("personal_message_en"))
    assert "only serves its own organisation" in card_texts(replies[0])
    assert "يخدم مجتمع مؤسسته فقط" in card_texts(replies[0])
    assert connector.posted == []
    async with sessions() as session:
        assert await session.scalar(select(func.count()).select_from(Community)) == 0
        assert await session.scalar(select(func.count()).select_from(Member)) == 0


BAD_INPUT_OVER_HTTP = [
    ("channel_message_mention", {"text": "<at>Tansiq</at>"}, "Your message was empty"),
    ("personal_message_en", {"text": ""}, "Your message was empty"),
    ("personal_message_en", {"text": "x" * 20_000}, "too long (20,000 characters)"),
    ("personal_message_ar", {"text": "لغة كلينغون"}, "ليست لغة يتحدثها تنسيق"),
    ("personal_message_ar", {"text": "توقيت المريخ/أوليمبوس"}, "ليست منطقة زمنية"),
    ("personal_message_en", {"text": "/frobnicate"}, "not a Tansiq command"),
    ("card_submit", {"value": "not an object"}, "could not read that card"),
    ("card_submit", {"value": {"verb": "lang", "lang": 7}}, "could not read that card"),
    ("card_submit", {"value": {"no": "verb"}}, "could not read that card"),
]


@pytest.mark.parametrize("fixture, changes, words", BAD_INPUT_OVER_HTTP)
async def test_bad_input_over_http_gets_a_clear_answer(bot, sessions, fixture, changes, words) -> None:
    await bot.install()
    async with sessions() as session:
        audits = await session.scalar(select(func.count()).select_from(AuditLog))
    replies = await bot.replies(bot.activity(fixture, **changes))
    assert len(replies) == 1 and words in card_texts(replies[0])
    async with sessions() as session:
        assert await session.scalar(select(func.count()).select_from(AuditLog)) == audits


async def test_arabic_replies_are_right_to_left_cards_with_a_plain_summary(bot) -> None:
    await bot.install()
    reply = (await bot.replies(bot.activity("personal_message_ar", text="من أنا")))[0]
    card = reply["attachments"][0]["content"]
    assert (card["rtl"], card["lang"], card["version"]) == (True, "ar", "1.5")
    assert "Omar Khalil** — عضو في Operations" in card_texts(reply)
    assert "عضو في" in reply["summary"].replace("\u2068", "").replace("\u2069", "")
    english = (await bot.replies(bot.activity("personal_message_en", text="whoami")))[0]
    assert card_texts(english).startswith("**Leila Haddad** — admin of") and not english.get("attachments")


async def test_refusal_for_strangers_sets_each_language_in_its_own_direction(bot) -> None:
    activity = bot.activity("personal_message_en")
    activity["from"] = {"id": "29:1stranger", "name": "Stranger"}
    card = (await bot.replies(activity))[0]["attachments"][0]["content"]
    arabic, english = card["body"]
    assert (arabic["rtl"], english["rtl"]) == (True, False)
    assert "ليس في قائمة أعضائه" in arabic["items"][0]["text"]
    assert "not on its member list" in english["items"][0]["text"]


async def test_many_newcomers_at_once_are_read_from_the_paged_roster(bot, connector, sessions) -> None:
    await bot.install()
    newcomers = [
        account(f"29:1new{i}", f"New Member {i}", f"a1a1a1a1-0000-4000-8000-1{i:011d}", f"n{i}@org.example")
        for i in range(12)
    ]
    connector.roster += newcomers
    added = bot.activity("conversation_update_members_added")
    added["membersAdded"] = [{"id": a["id"], "aadObjectId": a["aadObjectId"]} for a in newcomers]
    assert (await bot.post(added))[0] in (200, 202)
    async with sessions() as session:
        names = {m.teams_user_id: m.name for m in await session.scalars(select(Member).where(Member.active.is_(True)))}
    assert all(names[a["id"]] == a["name"] for a in newcomers) and len(names) == 15


async def test_simultaneous_install_events_welcome_once(bot, connector, sessions, caplog) -> None:
    """Teams sends installationUpdate and conversationUpdate together; the Playground resends on page load."""
    team_events = [bot.activity("installation_update_add_team"), bot.activity("conversation_update_bot_added_team")]
    with caplog.at_level(logging.ERROR):
        statuses = await asyncio.gather(*(bot.post(event) for event in team_events * 2))
        personal = await asyncio.gather(
            *(bot.replies(bot.activity("installation_update_add_personal")) for _ in range(3))
        )
    assert {status for status, _ in statuses} <= {200, 202}
    assert len([p for p in connector.posted if "مرحبًا! أنا تنسيق" in p.text]) == 1
    assert sum(len(replies) for replies in personal) == 1
    assert not [r for r in caplog.records if r.levelno >= logging.ERROR]
    async with sessions() as session:
        assert await session.scalar(select(func.count()).select_from(Community)) == 1


async def test_group_chat_with_an_outsider_gets_nothing_from_the_community(bot, connector) -> None:
    await bot.install()
    connector.roster.append(account("29:1guest", "Visitor", "ffffffff-0000-4000-8000-000000000001", "v@x.example"))
    replies = await bot.replies(bot.activity("group_chat_message_mention", text="<at>Tansiq</at> actions all"))
    said = card_texts(replies[0])
    assert "not members of the community" in said and "ليسوا أعضاء في المجتمع" in said
    assert "open actions" not in said.lower()


async def test_adding_the_bot_to_a_group_chat_leaves_personal_chats_alone(bot, sessions) -> None:
    await bot.install()
    await bot.replies(bot.activity("installation_update_add_personal"))
    chat = bot.activity("group_chat_message_mention")
    added = bot.activity("installation_update_add_personal", conversation=chat["conversation"])
    assert await bot.replies(added) == []
    async with sessions() as session:
        omar = await session.scalar(select(Member).where(Member.teams_user_id == "29:1omar"))
    assert omar.conversation_reference["conversation"]["id"].startswith("a:1Om4r")


async def test_pinned_team_decides_the_community_of_a_personal_chat(
    engine, database_url, tmp_path, connector, clock, sessions
) -> None:
    async with sessions.begin() as session:  # Leila is also in another team of the same tenant
        other = await new_community(session, now=clock())
        await sync_roster(
            session,
            community=other,
            people=[Person("29:1leila", None, "Leila Haddad")],
            complete=True,
            admin_ids=(),
            now=clock(),
        )
    async with serve(settings_for(database_url, tmp_path, allowed_team_ids=[TEAM]), connector, clock) as bot:
        await bot.install()
        said = card_texts((await bot.replies(bot.activity("personal_message_en", text="whoami")))[0])
    assert "admin of Operations" in said
