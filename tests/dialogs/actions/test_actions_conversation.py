"""Action points as a conversation: record, own, update, list — in English and Arabic, with refusals."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from dialogs.actions.views import ActionForm, Choice
from storage.models import Action, ActionEvent, ActionStatus, AuditLog, Notification, WorkingGroup
from tests.chat import Chat, converse, new_community

# Tuesday 24 November 2026, 09:00 UTC (FakeClock). Owners: عمر خليل (member, ar-SA), Sami Nasser (guest).
CONVERSATION = [
    # recording
    (
        "facilitator",
        "action add Share the flood trigger data | <at>عمر خليل</at> | 15 December",
        "action-added",
        "#1 · Share the flood trigger data\nStatus: Open\nOwners: عمر خليل\nDue: Dec 15, 2026",
    ),
    ("member", "إجراء إضافة مراجعة عتبات الأمطار | أنا | ١٥ ديسمبر", "action-added", "سُجّل الإجراء رقم ٢."),
    # a working group's actions are recorded by its members
    (
        "guest",
        "action add Map the early-warning focal points | me | group Early warning",
        "group-members-only",
        "Only members of “Early warning triggers”",
    ),
    ("guest", "group join early warning", "group-joined"),
    (
        "guest",
        "action add Map the early-warning focal points | me | group Early warning",
        "action-added",
        "Working group: Early warning triggers",
    ),
    (
        "facilitator",
        "action add Joint drought protocol | <at>Sami Nasser</at> <at>عمر خليل</at>",
        "action-added",
        "Owners: Sami Nasser, عمر خليل\nDue: no due date",
    ),
    # members record only for themselves
    ("member", "إجراء إضافة شيء ما | <at>Sami Nasser</at>", "action-owner-self-only", "لأنفسهم"),
    # lists
    ("member", "الإجراءات", "actions-list", "إجراءاتك المفتوحة (٣)"),
    ("guest", "actions", "actions-list", "Your open actions (2)"),
    ("facilitator", "actions all", "actions-list", "All open actions (4)"),
    ("facilitator", "actions <at>Sami Nasser</at>", "actions-list", "Open actions of Sami Nasser (2)"),
    ("facilitator", "actions group early warning", "actions-list", "Open actions of Early warning triggers (1)"),
    ("facilitator", "actions overdue", "actions-list", "Nothing here"),
    # a working group's actions are its members', their owners' and the facilitators'
    ("member", "إجراءات مجموعة early warning", "actions-list", "لا شيء هنا"),
    ("member", "إجراء 3", "action-unknown", "لا يوجد إجراء رقم ٣"),
    ("guest", "action 3", "action-card", "Map the early-warning focal points"),
    # updates by owners, refusals for others
    ("guest", "action done 1", "action-not-yours", "Action #1 is not yours"),
    ("member", "إجراء تقدم 1 أُرسلت المسودة إلى الشركاء", "action-progress", "«أُرسلت المسودة إلى الشركاء»"),
    ("member", "إجراء متعثر ١ بانتظار بيانات الأمطار", "action-blocked", "الحالة: متعثر"),
    ("member", "إجراء تم ١", "action-done", "أُنجز الإجراء رقم ١. شكرًا لك!"),
    ("member", "إجراء تم 1", "action-closed", "الإجراء رقم ١ منجز بالفعل"),
    ("facilitator", "action due 2 2026-12-20", "action-due", "Due: Dec 20, 2026"),
    ("facilitator", "action reassign 2 <at>Sami Nasser</at>", "action-reassign", "Owners: Sami Nasser"),
    ("member", "إجراء تم 2", "action-not-yours", "ليس لك"),
    ("guest", "action cancel 3", "action-cancel", "Status: Cancelled"),
    ("facilitator", "action 1", "action-card", "History"),
    ("facilitator", "actions all", "actions-list", "All open actions (2)"),
]


@pytest.fixture
async def chat(sessions, clock) -> Chat:
    chat = await Chat(sessions, clock).start()
    async with sessions.begin() as session:
        session.add(WorkingGroup(community_id=chat.community_id, name="Early warning triggers", scope="thresholds"))
    return chat


async def test_action_conversation(chat: Chat) -> None:
    await converse(chat, CONVERSATION)


async def test_history_records_who_when_and_the_note(chat: Chat, sessions, clock) -> None:
    await chat.say("action add Draft the protocol | <at>عمر خليل</at>", as_="facilitator")
    clock.advance(days=2)
    await chat.say("إجراء تقدم 1 المسودة الأولى جاهزة", as_="member")
    clock.advance(days=1)
    await chat.say("إجراء تم 1", as_="member")
    async with sessions() as session:
        events = list(await session.scalars(select(ActionEvent).order_by(ActionEvent.id)))
        audits = await session.scalar(
            select(func.count()).select_from(AuditLog).where(AuditLog.object_type == "action")
        )
    assert [(e.kind, e.actor_id, e.at.day) for e in events] == [
        ("created", chat.ids["facilitator"], 24),
        ("progress", chat.ids["member"], 26),
        ("done", chat.ids["member"], 27),
    ]
    assert events[1].note == "المسودة الأولى جاهزة"
    assert (events[2].before["status"], events[2].after["status"]) == ("in_progress", "done")
    assert audits == 3
    card = await chat.say("action 1", as_="facilitator")
    assert "Leila Haddad: recorded it" in card.text and "عمر خليل: added progress — المسودة الأولى جاهزة" in card.text


async def test_owners_other_than_the_author_are_told(chat: Chat, sessions) -> None:
    await chat.say("action add Joint protocol | <at>Sami Nasser</at> <at>Leila Haddad</at>", as_="facilitator")
    await chat.say("action reassign 1 <at>عمر خليل</at>", as_="facilitator")
    async with sessions() as session:
        told = [(n.member_id, n.kind, n.payload["number"]) for n in await session.scalars(select(Notification))]
    assert told == [(chat.ids["guest"], "action-assigned", 1), (chat.ids["member"], "action-assigned", 1)]


async def test_overdue_counts_days_in_the_readers_zone(chat: Chat, clock) -> None:
    await chat.say("action add Send the report | me | 1 December", as_="facilitator")
    clock.advance(days=10)  # 4 December, 09:00 UTC
    said = await chat.say("actions overdue", as_="facilitator")
    assert "Overdue actions (1)" in said.text and "Dec 1, 2026 — 3 days overdue" in said.text
    await chat.say("tz Pacific/Kiritimati", as_="facilitator")  # UTC+14: already 4 Dec 23:00 there
    clock.advance(hours=11)  # 4 Dec 20:00 UTC = 5 Dec 10:00 in Kiritimati
    assert "4 days overdue" in (await chat.say("actions overdue", as_="facilitator")).text


async def test_lists_page_by_ten(chat: Chat) -> None:
    for n in range(12):
        await chat.say(f"action add Task {n} | me", as_="facilitator")
    first = await chat.say("actions all", as_="facilitator")
    assert "All open actions (12)" in first.text and "Page 1 of 2" in first.text and "Task 9" in first.text
    second = await chat.say("actions all 2", as_="facilitator")
    assert "Task 11" in second.text and "Task 0" not in second.text
    assert (await chat.say("actions all 3", as_="facilitator")).key == "actions-page-unknown"


BAD_INPUT = [
    ("facilitator", "action add | me", "action-text-missing"),
    ("facilitator", "action add " + "x" * 1500 + " | me", "action-text-too-long"),
    ("facilitator", "action add " + "x" * 10_000 + " | me", "text-too-long"),
    ("facilitator", "action add Do it", "action-owners-missing"),
    ("facilitator", "action add Do it | ", "action-owners-missing"),
    ("facilitator", "action add Do it | <at>Nobody Here</at>", "member-not-found"),
    ("facilitator", "action add Do it | me | yesterday", "day-in-past"),
    ("member", "إجراء إضافة مهمة | أنا | أمس", "day-in-past"),
    ("facilitator", "action add Do it | me | blue moon", "date-unreadable"),
    ("facilitator", "action add Do it | me | group Nonexistent", "group-unknown"),
    ("facilitator", "action done 99", "action-unknown"),
    ("facilitator", "action done", "action-number-missing"),
    ("facilitator", "action done abc", "action-number-missing"),
    ("facilitator", "action progress 1", "action-note-missing"),
    ("facilitator", "action due 1", "action-due-missing"),
    ("facilitator", "action due 1 last year", "day-in-past"),
    ("facilitator", "action reassign 1", "action-reassign-missing"),
    ("facilitator", "action frobnicate 1", "action-usage"),
    ("facilitator", "actions sideways", "actions-filter-unknown"),
    ("facilitator", "action done 99999999999", "action-number-missing"),
    ("facilitator", "action done ²", "action-number-missing"),
    ("facilitator", "action ²", "action-usage"),
    ("facilitator", "action due 1 in 99999 years", "date-too-far"),
    ("member", "إجراء إضافة مهمة | أنا | بعد 99999 سنة", "date-too-far"),
    ("facilitator", "action due 1 31/12/9999", "date-too-far"),
]


@pytest.mark.parametrize("who, says, key", BAD_INPUT, ids=[k + str(i) for i, (_, _, k) in enumerate(BAD_INPUT)])
async def test_bad_input_gets_a_clear_answer_and_changes_nothing(chat: Chat, sessions, who, says, key) -> None:
    await chat.say("action add Existing action | me | 20 December", as_="facilitator")
    async with sessions() as session:
        before = (
            await session.scalar(select(func.count()).select_from(ActionEvent)),
            await session.scalar(select(Action.due_on).where(Action.number == 1)),
        )
    said = await chat.say(says, as_=who)
    assert said.key == key, said.text
    assert said.text.strip() and "Traceback" not in said.text
    async with sessions() as session:
        after = (
            await session.scalar(select(func.count()).select_from(ActionEvent)),
            await session.scalar(select(Action.due_on).where(Action.number == 1)),
        )
    assert after == before


async def test_actions_of_another_community_are_out_of_reach(chat: Chat, sessions, clock) -> None:
    async with sessions.begin() as session:
        other = await new_community(session, now=clock(), tenant="other-tenant")
        session.add(Action(community_id=other.id, number=7, text="Secret", created_at=clock(), updated_at=clock()))
    assert (await chat.say("action done 7", as_="facilitator")).key == "action-unknown"
    assert "Secret" not in (await chat.say("actions all", as_="facilitator")).text
    async with sessions() as session:
        assert await session.scalar(select(Action.status).where(Action.number == 7)) is ActionStatus.OPEN


async def test_form_offers_the_roster_to_facilitators_and_only_oneself_to_members(chat: Chat) -> None:
    facilitator = await chat.say("action add", as_="facilitator")
    assert facilitator.key == "action-form" and "New action point" in facilitator.text
    form = facilitator.replies[0].view
    assert isinstance(form, ActionForm) and len(form.people) == 4 and form.groups
    member = await chat.say("إجراء", as_="member")
    assert member.key == "action-form" and "نقطة عمل جديدة" in member.text
    form = member.replies[0].view
    assert isinstance(form, ActionForm) and form.people == (Choice(chat.ids["member"], "عمر خليل"),)


async def test_form_answer_records_the_action_like_the_command(chat: Chat, sessions) -> None:
    async with sessions() as session:
        group_id = await session.scalar(select(WorkingGroup.id))
    data = {
        "verb": "action-add",
        "text": " Draft the protocol ",
        "due": "2026-12-15",
        "group": str(group_id),
        "owners": f"{chat.ids['member']},{chat.ids['guest']}",
    }
    said = await chat.submit(data, as_="facilitator")
    assert said.key == "action-added"
    assert "#1 · Draft the protocol\nStatus: Open\nOwners: Sami Nasser, عمر خليل\nDue: Dec 15, 2026" in said.text
    assert "Working group: Early warning triggers" in said.text


@pytest.mark.parametrize(
    "who, data, key",
    [
        ("facilitator", {"text": "", "owners": "{member}"}, "action-text-missing"),
        ("facilitator", {"text": "x", "owners": ""}, "action-owners-missing"),
        ("facilitator", {"text": "x", "owners": "99999"}, "card-data-invalid"),
        ("facilitator", {"text": "x", "owners": "{member}", "due": "2026-11-01"}, "day-in-past"),
        ("facilitator", {"text": "x", "owners": "{member}", "due": "soon"}, "card-data-invalid"),
        ("facilitator", {"text": "x", "owners": "{member}", "group": "99999"}, "card-data-invalid"),
        ("member", {"text": "x", "owners": "{guest}"}, "action-owner-self-only"),
        ("facilitator", {"text": "x" * 1001, "owners": "{member}"}, "action-text-too-long"),
    ],
)
async def test_bad_form_answers_are_refused_and_record_nothing(chat: Chat, sessions, who, data, key) -> None:
    data = {"verb": "action-add", **{k: v.format(**{w: chat.ids[w] for w in chat.ids}) for k, v in data.items()}}
    said = await chat.submit(data, as_=who)
    assert said.key == key, said.text
    async with sessions() as session:
        assert await session.scalar(select(func.count()).select_from(Action)) == 0


async def test_mentions_in_the_text_are_names_not_owners(chat: Chat, sessions) -> None:
    said = await chat.say("action add Ask <at>Sami Nasser</at> for the rainfall data | me", as_="facilitator")
    assert "#1 · Ask Sami Nasser for the rainfall data\nStatus: Open\nOwners: Leila Haddad" in said.text
    note = await chat.say("action progress 1 sent the request to <at>Sami Nasser</at>", as_="facilitator")
    assert "“sent the request to Sami Nasser”" in note.text


async def test_only_facilitators_hand_an_action_to_someone_else(chat: Chat) -> None:
    await chat.say("action add Draft the note | me", as_="guest")
    refused = await chat.say("action reassign 1 <at>عمر خليل</at>", as_="guest")
    assert refused.key == "action-reassign-facilitators"
    assert (await chat.say("action reassign 1 <at>عمر خليل</at>", as_="facilitator")).key == "action-reassign"


async def test_history_keeps_the_names_of_people_who_left(chat: Chat, sessions) -> None:
    await chat.say("action add Draft the note | me", as_="guest")
    async with sessions.begin() as session:
        from storage.models import Member

        (await session.get(Member, chat.ids["guest"])).active = False
    assert "Sami Nasser: recorded it" in (await chat.say("action 1", as_="facilitator")).text
