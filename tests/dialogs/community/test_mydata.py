"""`mydata` / `بياناتي`: a summary card of everything stored about the speaker (in their 1:1 chat, even when asked in
the channel), and the file behind its link: valid against the shipped schema, complete (profile, groups, items,
actions, votes, questions, attendance, audit, messages), anonymous answers not tied to the member, and nothing of
anyone else's."""

from __future__ import annotations

import json

import pytest
from jsonschema import Draft202012Validator
from sqlalchemy import select

from dialogs.community.mydata import export, schema
from storage.models import Community, Member, Notification
from tests.chat import Chat, converse
from tests.fakes import FakeClock

CONVERSATION = [
    ("member", "بياناتي", "mydata", "ما أحفظه عن عمر خليل", "إجراءات مسندة إليك أو سجّلتها: ١", "أسئلة أرسلتها: ١"),
    ("member", "بياناتي", "mydata", "إجاباتك في التصويت: ٢", "لا عنوان لهذا البوت للتنزيل بعد"),
    ("facilitator", "mydata", "mydata", "What I keep about Leila Haddad", "Votes you started: 2", "Actions you own"),
    (
        "guest",
        "my data",
        "mydata",
        "What I keep about Sami Nasser",
        "Questions you sent: 0",
        "Your answers to votes: 0",
    ),
]


@pytest.fixture
async def chat(sessions, clock: FakeClock) -> Chat:
    chat = await Chat(sessions, clock).start()
    for who, says in [
        ("facilitator", "meeting add Quarterly review | 2026-12-10 10:00"),
        ("member", "agenda add Flood triggers | | for 1"),
        ("facilitator", "action add Share the 4W | <at>عمر خليل</at> | 2026-11-30"),
        ("facilitator", "poll Where do we meet? | Amman | Beirut | anonymous"),
        ("facilitator", "poll Which day? | Monday | Tuesday"),
        ("member", "تصويت ١ ٢"),
        ("member", "تصويت ٢ Monday | either is fine"),
        ("member", "اسأل هل يمكن للمراقبين حضور الاجتماع العام؟"),
    ]:
        said = await chat.say(says, as_=who)
        assert said.key.endswith(("added", "opened", "recorded")), (says, said.text)
    return chat


async def test_mydata_conversation(chat: Chat) -> None:
    await converse(chat, CONVERSATION)


async def exported(chat: Chat, who: str) -> dict:
    async with chat.sessions() as session:
        member = await session.get(Member, chat.ids[who])
        community = await session.get(Community, chat.community_id)
        return await export(session, member=member, community=community, now=chat.clock())


async def test_the_file_holds_everything_about_the_member_and_nothing_of_others(chat: Chat) -> None:
    data = await exported(chat, "member")
    Draft202012Validator(schema(), format_checker=Draft202012Validator.FORMAT_CHECKER).validate(data)
    assert data["profile"]["name"] == "عمر خليل" and data["profile"]["teams_locale"] == "ar-SA"
    assert [item["title"] for item in data["agenda_items"]] == ["Flood triggers"]
    assert [(action["text"], action["owned_by_you"]) for action in data["actions"]] == [("Share the 4W", True)]
    anonymous, named = data["votes"]
    assert anonymous["anonymous"] is True and "choice" not in anonymous and "comment" not in anonymous
    assert (named["choice"], named["comment"]) == ("Monday", "either is fine")
    assert [question["question"] for question in data["questions"]] == ["هل يمكن للمراقبين حضور الاجتماع العام؟"]
    assert {entry["action"] for entry in data["audit"]} >= {"agenda.added", "proposal.answered", "ticket.opened"}
    assert all(entry["by_you"] or entry["object_id"] == str(chat.ids["member"]) for entry in data["audit"])
    assert any(message["kind"] == "action-assigned" for message in data["messages"])

    others = json.dumps(await exported(chat, "guest"), ensure_ascii=False)
    for private in ("عمر خليل", "Flood triggers", "Share the 4W", "المراقبين", "either is fine"):
        assert private not in others


async def test_asked_in_the_channel_the_card_goes_to_the_members_own_chat(chat: Chat) -> None:
    said = await chat.say("بياناتي", as_="member", shared=True)
    assert said.key == "mydata-sent-privately" and "محادثتنا الخاصة" in said.text
    assert "Share the 4W" not in said.text
    async with chat.sessions() as session:
        [row] = await session.scalars(select(Notification).where(Notification.kind == "mydata"))
    assert row.member_id == chat.ids["member"] and not row.channel and row.due_at == chat.clock()
    card = await chat.compose(row, chat.clock())
    assert card is not None and card.key == "mydata" and card.view.member_id == chat.ids["member"]


async def test_what_the_member_may_no_longer_see_stays_out(chat: Chat, clock: FakeClock) -> None:
    clock.advance(days=16, hours=-1, minutes=30)  # Thursday 10 December, 10:30 in Beirut: the meeting is on
    for says in (
        "decision add Adopt the thresholds | meeting 1",
        "decision add Relocate the team | meeting 1 | confidential",
    ):
        assert (await chat.say(says, as_="facilitator")).key == "decision-added", says
    assert {d["text"] for d in (await exported(chat, "facilitator"))["decisions"]} == {
        "Adopt the thresholds",
        "Relocate the team",
    }
    await chat.say("role <at>Leila Haddad</at> member", as_="admin")
    assert [d["text"] for d in (await exported(chat, "facilitator"))["decisions"]] == ["Adopt the thresholds"]
