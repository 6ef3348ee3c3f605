"""What members owe, asked in their own words: their overdue actions (everyone's for a facilitator), when an action
is due, the votes waiting for their answer, and who attended the meetings — in Arabic (standard and dialects) and
English, from the database, never showing what the reader may not see, and saying so when there is nothing."""

from __future__ import annotations

import pytest

from dialogs.actions.views import ActionCard, ActionList
from dialogs.governance.views import ProposalList
from tests.chat import Chat, converse
from tests.fakes import FakeClock

OMAR, LEILA, SAMI = "<at>عمر خليل</at>", "<at>Leila Haddad</at>", "<at>Sami Nasser</at>"


async def setup(chat: Chat, lines: list[tuple[str, str]]) -> None:
    for who, says in lines:
        said = await chat.say(says, as_=who)
        assert not said.key.endswith(("-usage", "invalid", "unknown", "missing")), (says, said.key, said.text)


@pytest.fixture
async def chat(sessions, clock: FakeClock) -> Chat:
    """Five actions recorded on Tuesday 24 November; it is now Wednesday 2 December."""
    chat = await Chat(sessions, clock).start()
    await setup(
        chat,
        [
            ("facilitator", "group add Cash | Cash transfers"),
            ("member", "action add Share the flood data | me | 2026-11-30"),
            ("facilitator", f"action add Update the 4W matrix | {LEILA} | 2026-11-28"),
            ("facilitator", "action add Draft the cash protocol | me | 2026-11-27 | group Cash"),
            ("facilitator", f"action add Map the shelters | {OMAR}"),
            ("facilitator", f"action add Book the venue | {SAMI} | 2026-12-10"),
        ],
    )
    clock.advance(days=8)
    return chat


# ---- overdue --------------------------------------------------------------------------------------------------

OVERDUE = [
    # a member asking gets their own: Omar's #1, not Leila's #2 or the Cash group's #3
    ("member", "هل عندي إجراءات متأخرة؟", "fact-overdue-mine", "إجراؤك المتأخر (١)", "Share the flood data"),
    ("member", "إيه الإجراءات المتأخرة؟", "fact-overdue-mine", "Share the flood data", "متأخر يومين"),
    # a facilitator asking in general gets everyone's, with their owners; about their own, theirs
    ("facilitator", "What's overdue in the community?", "fact-overdue-all", "Overdue actions (3)", "عمر خليل"),
    ("facilitator", "شو المهام اللي فات موعدها؟", "fact-overdue-all", "Draft the cash protocol", "4 days overdue"),
    ("facilitator", "anything late on my side?", "fact-overdue-mine", "Your overdue actions (2)", "Update the 4W"),
    ("guest", "Do I have any overdue actions?", "fact-overdue-none-mine", "Nothing of yours is overdue."),
    # what they have to finish is their open actions, not a ticket
    ("member", "شو عندي شغلات لازم أخلصها؟", "actions-list", "Share the flood data", "Map the shelters"),
    ("member", "وش الشغلات اللي لازم أسويها؟", "actions-list", "Map the shelters"),
    ("facilitator", "what are my open actions?", "actions-list", "Your open actions (2)"),
]


async def test_overdue_actions_are_the_members_own_and_everyones_for_facilitators(chat: Chat) -> None:
    await converse(chat, OVERDUE)


async def test_the_overdue_list_leaves_out_others_and_private_groups(chat: Chat) -> None:
    mine = await chat.say("في عندي مهام فات وقتها؟", as_="member")
    listed = mine.replies[0].view
    assert isinstance(listed, ActionList)
    assert [action.number for action in listed.actions] == [1]
    assert "Update the 4W matrix" not in mine.text and "Draft the cash protocol" not in mine.text
    everyone = await chat.say("Which action points are late?", as_="facilitator")
    assert everyone.key == "fact-overdue-all", everyone.text
    listed = everyone.replies[0].view
    assert isinstance(listed, ActionList)
    assert [action.number for action in listed.actions] == [3, 2, 1]  # soonest due first; #5 is not due yet


async def test_nothing_overdue_is_said_plainly(chat: Chat) -> None:
    await setup(chat, [("facilitator", f"action done {n}") for n in (1, 2, 3)])
    await converse(
        chat,
        [
            ("facilitator", "show me the overdue tasks", "fact-overdue-none", "No open action is overdue."),
            ("member", "وش عندي متأخر؟", "fact-overdue-none-mine", "لا شيء متأخر عليك."),
        ],
    )


# ---- when is action N due ---------------------------------------------------------------------------------------

DUE = [
    ("member", "متى لازم أخلص الإجراء ١؟", "fact-action-overdue", "كان موعد الإجراء رقم ١", "متأخر يومين", "مفتوح"),
    ("guest", "What's the due date for action #5?", "fact-action-due-later", "Action #5 is due on Dec 10, 2026, in 8"),
    ("facilitator", "when do I need to deliver action 2?", "fact-action-overdue", "4 days overdue. Status: Open."),
    ("member", "وش موعد تسليم الإجراء رقم ٤؟", "fact-action-due-none", "ليس للإجراء رقم ٤ موعد استحقاق"),
    # the Cash group's action is not Omar's to see: answered as `action 3` answers him
    ("member", "ما آخر موعد لتسليم الإجراء ٣؟", "action-unknown", "لا يوجد إجراء رقم ٣"),
    ("facilitator", "When does action 3 have to be done by?", "fact-action-overdue", "Action #3 was due on Nov 27"),
    ("guest", "when is action 40 due?", "action-unknown", "There is no action #40"),
    # no number: their own open actions, each with its due day
    ("member", "شو مواعيد تسليم إجراءاتي؟", "fact-action-due-mine", "إجراءاتك المفتوحة ومواعيدها (٢)", "بلا موعد"),
    ("guest", "when are my actions due?", "fact-action-due-mine", "(1)", "Book the venue", "Dec 10, 2026"),
]


async def test_when_an_action_is_due_in_the_readers_language(chat: Chat) -> None:
    await converse(chat, DUE)
    said = await chat.say("متى لازم أسلم الإجراء رقم ١؟", as_="member")
    card = said.replies[0].view
    assert isinstance(card, ActionCard) and card.action.number == 1  # the action's card under the answer


async def test_a_due_day_today_and_a_closed_action(chat: Chat) -> None:
    await setup(chat, [("facilitator", "action due 5 2026-12-02"), ("member", "action done 1")])
    await converse(
        chat,
        [
            ("guest", "deadline of action 5?", "fact-action-due-today", "Action #5 is due today, Dec 2, 2026."),
            ("member", "إمتى ميعاد تسليم الإجراء ١؟", "fact-action-due-closed", "الإجراء رقم ١ منجز أصلًا"),
        ],
    )


# ---- votes open to me ---------------------------------------------------------------------------------------------


async def test_votes_waiting_for_the_members_answer(chat: Chat) -> None:
    await converse(chat, [("member", "شو في تصويت مفتوح؟", "fact-votes-none", "لا يوجد تأييد أو استطلاع")])
    await setup(
        chat,
        [
            ("facilitator", "poll Where should we meet? | Amman | Beirut | until 20 December 12:00"),
            ("facilitator", "endorse Adopt the cash terms of reference"),
            ("member", "vote 1 2"),
        ],
    )
    await converse(
        chat,
        [
            ("member", "في تصويتات لسا ما صوتت عليها؟", "fact-votes-open", "تصويت واحد بانتظار إجابتك", "Adopt"),
            ("guest", "Are there any votes I still need to answer?", "fact-votes-open", "2 votes are waiting"),
            ("guest", "any polls waiting for me?", "fact-votes-open", "Where should we meet?", "Dec 20, 2026"),
            ("member", "vote 2 endorse", "vote-recorded"),
            ("member", "وش التصويتات اللي تنتظرني؟", "fact-votes-all-answered", "أجبت عن كل تأييد واستطلاع مفتوح"),
            ("facilitator", "vote close 1", "vote-result"),
            ("guest", "Is there an endorsement I haven't voted on?", "fact-votes-open", "One vote is waiting"),
        ],
    )
    said = await chat.say("what do I need to vote on?", as_="guest")
    listed = said.replies[0].view
    assert isinstance(listed, ProposalList)
    assert [proposal.number for proposal in listed.proposals] == [2]  # the closed poll is no longer open


# ---- attendance ---------------------------------------------------------------------------------------------------


async def test_attendance_of_the_last_meeting_and_my_own(sessions, clock: FakeClock) -> None:
    chat = await Chat(sessions, clock).start()
    await converse(
        chat,
        [
            ("member", "مين حضر الاجتماع الماضي؟", "fact-attendance-no-meeting", "لم يُعقد أي اجتماع بعد."),
            ("guest", "did I attend the last meeting?", "fact-attendance-no-meeting", "No meeting has been held yet."),
        ],
    )
    await setup(
        chat,
        [
            ("facilitator", "group add Cash | Cash transfers"),
            ("facilitator", "meeting add Monthly follow-up | 2026-11-26 10:00"),
            ("facilitator", "meeting add Cash group call | 2026-11-27 10:00 | group Cash"),
        ],
    )
    clock.advance(days=2, hours=3)  # Thursday 26 November, 12:00 UTC: the follow-up is over
    await converse(
        chat,
        [
            ("member", "who came to the last meeting?", "fact-attendance-not-recorded", "«Monthly follow-up»", "٢٦"),
            ("member", "كم اجتماع حضرت لحد الآن؟", "fact-attendance-none-recorded", "لم يُسجَّل الحضور في أي اجتماع"),
            ("facilitator", f"attended 1 {OMAR} {LEILA}", "attendance-recorded"),
        ],
    )
    clock.advance(days=2)  # Saturday: the Cash group's call was held too, with no attendance recorded
    await converse(
        chat,
        [
            # Omar is not in the Cash group: his last meeting is the follow-up
            ("member", "منو اللي حضروا آخر اجتماع؟", "fact-attendance", "سُجّل حضور شخصين", "Leila Haddad، عمر خليل"),
            ("guest", "who was present at the previous meeting?", "fact-attendance", "2 people were recorded"),
            ("facilitator", "Who showed up at our last meeting?", "fact-attendance-not-recorded", "Cash group call"),
            ("member", "هل حضرت آخر الاجتماعات؟", "fact-my-attendance", "حضرتَ ١ من اجتماع واحد", "كنتَ حاضرًا"),
            ("guest", "Have I attended the recent meetings?", "fact-my-attendance", "attended 0 of 1", "not on the"),
            ("facilitator", "Was I at the last meetings?", "fact-my-attendance", "You attended 1 of 1", "Nov 26, 2026"),
        ],
    )


# ---- not these facts ----------------------------------------------------------------------------------------------

NOT_DUTIES = [
    ("member", "متى الاجتماع القادم؟", "fact-next-meeting"),
    ("facilitator", "When do we meet next?", "fact-next-meeting"),
    ("member", "ما هي مهامي؟", "actions-list"),
    ("facilitator", "Who runs this community?", "fact-facilitators"),
]


@pytest.mark.parametrize("who, says, key", NOT_DUTIES)
async def test_close_questions_keep_their_own_answers(chat: Chat, who: str, says: str, key: str) -> None:
    await setup(chat, [("facilitator", "meeting add Monthly follow-up | 2026-12-10 10:00")])
    said = await chat.say(says, as_=who)
    assert said.key == key, said.text
