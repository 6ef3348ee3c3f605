"""Working groups as a conversation: facilitators create, edit, lead and close them; members list, read, join and
leave them — in Arabic and English, with the refusals and the mistakes."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from sqlalchemy import func, select

from bot.i18n import plain
from dialogs.common import outbox
from dialogs.governance import groups
from storage.models import AuditLog, Notification, WorkingGroup, WorkingGroupMember
from tests.chat import Chat, converse

# Tuesday 24 November 2026, 09:00 UTC; the community lives in Asia/Beirut. Leila (facilitator) and Amal (admin)
# read English; عمر خليل (member) reads Arabic; Sami (guest) is answered in the script he writes.
CONVERSATION = [
    # facilitators create groups, in either language; members cannot
    (
        "facilitator",
        "group add WASH Aleppo | Water trucking and network repairs | until 30 June 2027 | area Aleppo | sector WASH",
        "group-added",
        "Working group “WASH Aleppo” is created",
    ),
    (
        "member",
        "مجموعة إضافة الحماية في إدلب | خدمات الحماية والإحالة | منطقة إدلب | قطاع الحماية",
        "not-facilitator",
        "للميسّرين فقط",
    ),
    (
        "admin",
        "مجموعة إضافة الحماية في إدلب | خدمات الحماية والإحالة | منطقة إدلب | قطاع الحماية",
        "group-added",
        "Sector: الحماية",
    ),
    # mistakes
    ("facilitator", "group add wash  ALEPPO | again", "group-exists", "already a working group called “WASH Aleppo”"),
    ("facilitator", "group add Education Idlib", "group-scope-missing", "What will “Education Idlib” work on?"),
    ("facilitator", "group add Education Idlib | Schools | until yesterday", "day-in-past", "yesterday"),
    ("facilitator", "group add | Only a scope", "group-name-missing", "Which working group?"),
    ("facilitator", "group add Shelter | Kits | colour blue", "group-add-usage", "group add NAME | SCOPE"),
    ("facilitator", "group", "group-usage", "`groups` lists them"),
    # members list, read and join
    ("member", "المجموعات", "groups-list", "مجموعات العمل (٢)"),
    ("guest", "group join wash", "group-joined", "Welcome to “WASH Aleppo”"),
    ("guest", "group join WASH Aleppo", "group-already-member", "already a member of “WASH Aleppo”"),
    ("member", "مجموعة انضمام الحماية", "group-joined", "أهلًا بك في «الحماية في إدلب»"),
    ("member", "مجموعة انضمام المأوى", "group-unknown", "لا توجد مجموعة عمل مفتوحة باسم «المأوى»"),
    ("guest", "group leave الحماية في إدلب", "group-not-member", "لست عضوًا في «الحماية في إدلب»"),
    # the lead, who may then change and close their own group
    ("facilitator", "group lead WASH <at>Sami Nasser</at>", "group-lead-set", "Sami Nasser now leads “WASH Aleppo”"),
    ("facilitator", "group lead WASH", "group-lead-missing", "`group lead WASH Aleppo @Omar`"),
    ("member", "group lead WASH <at>عمر خليل</at>", "not-facilitator", "للميسّرين فقط"),
    ("member", "مجموعة تمديد WASH | ٣١ ديسمبر ٢٠٢٧", "group-lead-or-facilitator", "إلا الميسّرون وقائد المجموعة"),
    ("guest", "group extend WASH | 31 December 2027", "group-extended", "Ends: Dec 31, 2027"),
    ("guest", "group extend WASH", "group-extend-usage", "`group extend WASH Aleppo | 31 December`"),
    ("guest", "group edit WASH | colour blue", "group-edit-usage", "Say what changes"),
    (
        "facilitator",
        "group edit WASH | scope Water trucking, repairs and hygiene kits | area -",
        "group-edited",
        "hygiene",
    ),
    ("facilitator", "group edit WASH | name الحماية في إدلب", "group-exists", "“الحماية في إدلب”"),
    # reading one group; filters
    ("member", "مجموعة الحماية", "group-card", "الأعضاء (١)\nعمر خليل"),
    ("guest", "group WASH", "group-card", "Lead: Sami Nasser"),
    ("member", "مجموعة غير موجودة", "group-unknown", "لا توجد مجموعة عمل"),
    ("facilitator", "groups sector WASH", "groups-list", "Working groups of the WASH sector (1)"),
    ("facilitator", "groups area إدلب", "groups-list", "Working groups in إدلب (1)"),
    ("facilitator", "groups everything", "groups-filter-unknown", "`groups all`"),
    # closing keeps the history
    ("member", "مجموعة إغلاق الحماية", "group-lead-or-facilitator", "إلا الميسّرون وقائد المجموعة"),
    ("facilitator", "group close الحماية", "group-closed", "It has no open actions."),
    ("facilitator", "group close الحماية", "group-already-closed", "was already closed on Nov 24, 2026"),
    ("member", "مجموعة انضمام الحماية", "group-unknown", "لا توجد مجموعة عمل مفتوحة"),
    ("facilitator", "groups", "groups-list", "Working groups (1)"),
    ("facilitator", "groups all", "groups-list", "All working groups (2)"),
    ("member", "مجموعة الحماية في إدلب", "group-card", "أُغلقت في: ٢٤‏/١١‏/٢٠٢٦"),
    ("member", "مجموعة مغادرة WASH", "group-not-member", "لست عضوًا في «WASH Aleppo»"),
    ("guest", "group leave WASH", "group-left-lead", "which now has no lead"),
]


@pytest.fixture
async def chat(sessions, clock) -> Chat:
    return await Chat(sessions, clock).start()


async def test_groups_conversation(chat: Chat) -> None:
    await converse(chat, CONVERSATION)
    async with chat.sessions() as session:
        wash = await session.scalar(select(WorkingGroup).where(WorkingGroup.name == "WASH Aleppo"))
        audits = await session.scalar(
            select(func.count()).select_from(AuditLog).where(AuditLog.object_type == "working_group")
        )
    assert wash is not None and (wash.area, wash.sector, wash.ends_on.isoformat()) == (None, "WASH", "2027-12-31")
    assert audits == 9  # 2 created, 2 joined, lead, extended, edited, closed, left (nothing for refusals and mistakes)


async def test_the_group_card_shows_its_meeting_actions_and_members(chat: Chat) -> None:
    await chat.say("group add Early warning triggers | Flood and drought thresholds | until 30 June 2027", as_="admin")
    await chat.say("group lead early warning <at>عمر خليل</at>", as_="facilitator")
    await chat.say("group join early warning <at>Sami Nasser</at> <at>Leila Haddad</at>", as_="facilitator")
    await chat.say("meeting add Triggers check-in | 2026-12-02 11:00 | group Early warning", as_="facilitator")
    await chat.say("action add Collect the rainfall series | <at>عمر خليل</at> | 1 December | group early", as_="admin")
    english = await chat.say("group early warning", as_="guest")
    assert english.key == "group-card"
    assert "Lead: عمر خليل\nEnds: Jun 30, 2027" in english.text
    assert "Members (3)\nعمر خليل, Leila Haddad, Sami Nasser" in english.text
    assert "#1 · Triggers check-in · Dec 2, 2026, 11:00 AM" in english.text
    assert "Open actions (1)\n#1 · Collect the rainfall series — Open · Dec 1, 2026" in english.text
    assert "No open questions for the group." in english.text
    arabic = await chat.say("مجموعة early WARNING", as_="member")
    assert "القائد: عمر خليل" in arabic.text and "الإجراءات المفتوحة (١)" in arabic.text
    assert "لا أسئلة مفتوحة للمجموعة." in arabic.text


async def test_members_cannot_add_others_and_facilitators_add_each_once(chat: Chat) -> None:
    await chat.say("group add Cash | Multipurpose cash values", as_="facilitator")
    refused = await chat.say("مجموعة انضمام Cash <at>Sami Nasser</at>", as_="member")
    assert refused.key == "not-facilitator"
    added = await chat.say("group join Cash <at>Sami Nasser</at> <at>عمر خليل</at>", as_="facilitator")
    assert added.key == "group-members-added" and "Sami Nasser, عمر خليل are now members of “Cash”" in added.text
    again = await chat.say("group join Cash <at>Sami Nasser</at>", as_="facilitator")
    assert again.key == "group-already-members"


async def test_join_and_leave_buttons_on_the_card(chat: Chat) -> None:
    await chat.say("group add Cash | Multipurpose cash values", as_="facilitator")
    async with chat.sessions() as session:
        group_id = await session.scalar(select(WorkingGroup.id))
    joined = await chat.submit({"verb": "group-join", "group": group_id}, as_="guest")
    assert joined.key == "group-joined"
    left = await chat.submit({"verb": "group-leave", "group": str(group_id)}, as_="guest")
    assert left.key == "group-left"
    bad = await chat.submit({"verb": "group-join", "group": 999}, as_="guest")
    assert bad.key == "card-data-invalid"


async def test_two_joins_at_once_leave_one_membership(chat: Chat) -> None:
    import asyncio

    await chat.say("group add Cash | Multipurpose cash values", as_="facilitator")
    results = await asyncio.gather(
        *(chat.router.text(member_id=chat.ids["member"], text="group join Cash", now=chat.clock()) for _ in range(3))
    )
    assert sorted(r.replies[0].key for r in results) == ["group-already-member", "group-already-member", "group-joined"]
    async with chat.sessions() as session:
        rows = await session.scalar(select(func.count()).select_from(WorkingGroupMember))
    assert rows == 1


async def pending(chat: Chat, kind: str) -> list[Notification]:
    async with chat.sessions() as session:
        rows = await session.scalars(
            select(Notification).where(Notification.kind == kind, Notification.status == outbox.PENDING)
        )
        return sorted(rows, key=lambda row: row.member_id or 0)


async def test_the_lead_and_facilitators_are_asked_to_close_or_extend_before_the_end(chat: Chat, clock) -> None:
    await chat.say("group add Winterisation | Winter kits and fuel | until 20 December", as_="facilitator")
    await chat.say("group lead Winterisation <at>عمر خليل</at>", as_="facilitator")
    rows = await pending(chat, "group-ending")
    asked = {row.member_id for row in rows}
    assert asked == {chat.ids["admin"], chat.ids["facilitator"], chat.ids["member"]}  # not the guest
    # 6 December (14 days before the end), 09:00 in Beirut
    assert {row.due_at for row in rows} == {datetime(2026, 12, 6, 7, 0, tzinfo=UTC)}

    omar = next(row for row in rows if row.member_id == chat.ids["member"])
    clock.advance(days=12)
    question = await chat.compose(omar, clock())
    assert question is not None and question.key == "group-ending"
    text = plain(chat.renderer.text(question, lang="ar", zone="Asia/Beirut"))
    assert "تنتهي مجموعة العمل «Winterisation» في" in text and "بعد ١٤ يومًا" in text

    # extending plans the question for the new end date; the one already due is no longer true, so never sent
    await chat.say("group extend Winterisation | 31 March 2027", as_="member")
    coming = {row.due_at.date().isoformat() for row in await pending(chat, "group-ending") if row.due_at > clock()}
    assert coming == {"2027-03-17"}
    assert await chat.compose(omar, clock()) is None

    # closing cancels the coming question
    await chat.say("group close Winterisation", as_="member")
    assert [row for row in await pending(chat, "group-ending") if row.due_at > clock()] == []


async def test_joining_a_group_brings_its_meeting_reminders(chat: Chat) -> None:
    await chat.say("group add Cash | Multipurpose cash values", as_="facilitator")
    await chat.say("meeting add Cash check-in | 2026-11-26 11:00 | group Cash", as_="facilitator")
    before = {row.member_id for row in await pending(chat, "meeting-reminder") if row.member_id}
    await chat.say("group join Cash", as_="guest")
    after = {row.member_id for row in await pending(chat, "meeting-reminder") if row.member_id}
    assert chat.ids["guest"] not in before and after == {chat.ids["guest"]}
    await chat.say("group leave Cash", as_="guest")
    assert {row.member_id for row in await pending(chat, "meeting-reminder") if row.member_id} == set()


async def test_the_ending_composer_stays_quiet_for_someone_no_longer_asked(chat: Chat, sessions) -> None:
    await chat.say("group add Cash | Multipurpose cash values | until 10 December", as_="facilitator")
    [for_leila] = [row for row in await pending(chat, "group-ending") if row.member_id == chat.ids["facilitator"]]
    await chat.say("role <at>Leila Haddad</at> member", as_="admin")
    async with sessions() as session:
        assert await groups.compose_ending(session, for_leila, for_leila.due_at) is None
