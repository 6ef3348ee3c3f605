"""Endorsements and polls as a conversation: facilitators open and close them; members (guests too) answer once,
change their answer until it closes; closing records the result, and a passed endorsement becomes a decision."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime

import pytest
from sqlalchemy import func, select

from bot.i18n import plain
from dialogs.common.people import Person
from dialogs.community.roster import sync_roster
from dialogs.governance import votes
from dialogs.governance.views import ProposalCard, ProposalView
from dialogs.router import TurnResult
from storage.models import Community, Decision, Notification, Proposal, Vote
from tests.chat import Chat, Said, converse

# Tuesday 24 November 2026, 09:00 UTC (11:00 in Beirut). Leila (facilitator) and Amal (admin) read English; عمر خليل
# (member) reads Arabic; Sami (guest) is answered in the script he writes.
CONVERSATION = [
    # opening: facilitators only, with the mistakes
    ("member", "تأييد الاختصاصات المعدلة", "not-facilitator", "للميسّرين فقط"),
    (
        "facilitator",
        "endorse The revised terms of reference | until 1 December 17:00",
        "endorsement-opened",
        "Endorsement #1 is open and posted to the channel.",
    ),
    ("facilitator", "endorse", "endorsement-text-missing", "What should the members endorse?"),
    ("member", "تأييد", "not-facilitator", "للميسّرين فقط"),
    ("facilitator", "endorse Something | until yesterday", "date-in-past", "yesterday"),
    ("facilitator", "endorse Something | colour blue", "endorsement-usage", "`endorse TEXT`"),
    ("facilitator", "poll Where should we meet? | Amman", "poll-options-too-few", "at least two options"),
    ("facilitator", "poll Where should we meet? | Amman | AMMAN", "poll-option-repeated", "“Amman” is there twice"),
    ("facilitator", "poll Where should we meet?", "poll-options-too-few", "(it has 0)"),
    (
        "facilitator",
        "استطلاع أين نعقد الاجتماع الحضوري؟ | عمّان | بيروت | القاهرة | سري",
        "poll-opened",
        "Poll #2 is open",
    ),
    # answering, changing, refusing
    ("member", "تصويت ١ أؤيد | الصياغة مناسبة", "vote-recorded", "إجابتك: أؤيد — «الصياغة مناسبة»"),
    ("member", "تصويت ١ أؤيد | الصياغة مناسبة", "vote-unchanged", "هذه إجابتك بالفعل"),
    ("member", "تصويت ١ أعترض", "vote-changed", "إجابتك: أعترض"),
    ("guest", "vote 1 abstain", "vote-recorded", "Your answer: Abstain"),
    ("guest", "vote 1 maybe", "vote-choice-unknown", "`endorse`, `object` or `abstain`"),
    ("guest", "vote 2 2", "vote-recorded", "Your answer: بيروت"),
    ("guest", "vote 2 7", "vote-choice-unknown", "from 1 to 3"),
    ("member", "تصويت ٢ القاهرة", "vote-recorded", "إجابتك: القاهرة"),
    ("member", "تصويت ٩", "vote-unknown", "لا يوجد طلب تأييد أو استطلاع رقم ٩"),
    ("member", "تصويت", "vote-usage", "`التصويتات`"),
    ("member", "التصويتات", "votes-list", "طلبات التأييد والاستطلاعات المفتوحة (٢)"),
    ("member", "التصويتات القديمة", "votes-filter-unknown", "`التصويتات الكل`"),
    # the anonymous poll shows counts, never names
    ("facilitator", "vote 2", "proposal-card", "Poll #2 · anonymous"),
    ("facilitator", "vote 2", "proposal-card", "عمّان: 0\nبيروت: 1\nالقاهرة: 1"),
    # closing by a facilitator
    ("member", "تصويت إغلاق ٢", "not-facilitator", "للميسّرين فقط"),
    ("facilitator", "poll close 2", "vote-result", "A tie between بيروت, القاهرة."),
    ("facilitator", "vote close 2", "vote-already-closed", "#2 was already closed"),
    ("member", "تصويت ٢ ١", "vote-closed", "أُغلق الاستطلاع رقم ٢"),
    ("facilitator", "votes", "votes-list", "Open endorsements and polls (1)"),
    ("facilitator", "votes all", "votes-list", "Endorsements and polls (2)"),
    # in Arabic, for the choice of co-facilitators
    ("guest", "تأييد اختيار ليلى وعمر ميسّرَين مشاركَين لعام ٢٠٢٧", "not-facilitator", "للميسّرين فقط"),
    ("admin", "تأييد اختيار ليلى وعمر ميسّرَين مشاركَين لعام ٢٠٢٧", "endorsement-opened", "Endorsement #3 is open"),
    ("guest", "تصويت ٣ نعم", "vote-recorded", "سُجّلت إجابتك. يمكنك تغييرها حتى يُغلق طلب التأييد."),
    ("member", "تصويت ٣ امتناع | لا أعرف المرشحين بعد", "vote-recorded", "إجابتك: أمتنع — «لا أعرف المرشحين بعد»"),
    ("admin", "تصويت إغلاق ٣", "vote-result", "Endorsed: recorded as decision #1."),
    ("member", "تصويت ٣", "proposal-card", "حظي بالتأييد، وسُجّل بوصفه القرار رقم ١."),
]


@pytest.fixture
async def chat(sessions, clock) -> Chat:
    return await Chat(sessions, clock).start()


def shown(result: Said | TurnResult) -> ProposalView:
    """The proposal on the turn's card."""
    view = result.replies[0].view
    assert isinstance(view, ProposalCard), result.replies[0]
    return view.proposal


async def test_votes_conversation(chat: Chat) -> None:
    await converse(chat, CONVERSATION)
    async with chat.sessions() as session:
        answers = await session.scalar(select(func.count()).select_from(Vote))
    assert answers == 6  # two on each, one row per member however often they answered


async def test_a_named_endorsement_shows_who_answered_and_their_comments(chat: Chat) -> None:
    await chat.say("endorse Leila and Omar as co-facilitators for 2027", as_="admin")
    await chat.say("vote 1 yes | both were proposed at the plenary", as_="guest")
    await chat.say("تصويت ١ امتناع", as_="member")
    card = await chat.say("vote 1", as_="facilitator")
    assert "Endorse: 1 — Sami Nasser\nObject: 0\nAbstain: 1 — عمر خليل" in card.text
    assert "Sami Nasser: Endorse — “both were proposed at the plenary”" in card.text
    assert "You have not answered yet." in card.text


async def test_the_deadline_closes_an_endorsement_and_records_the_decision(chat: Chat, clock) -> None:
    await chat.say("endorse The revised terms of reference | until 1 December 17:00", as_="facilitator")
    for who, answer in (("facilitator", "endorse"), ("admin", "endorse"), ("member", "object"), ("guest", "abstain")):
        await chat.say(f"vote 1 {answer}", as_=who)
    clock.advance(days=8)  # 2 December: the deadline has passed; whoever looks first closes it
    said = await chat.say("تصويت ١", as_="member")
    assert said.key == "proposal-card"
    assert "حظي بالتأييد، وسُجّل بوصفه القرار رقم ١." in said.text and "أُغلق في" in said.text
    late = await chat.say("vote 1 object", as_="guest")
    assert late.key == "vote-closed"
    async with chat.sessions() as session:
        decision = await session.scalar(select(Decision))
        proposal = await session.scalar(select(Proposal))
    assert decision is not None and (decision.number, decision.occurrence_id) == (1, None)
    assert decision.text == "The revised terms of reference"
    assert proposal is not None and proposal.decision_id == decision.id
    assert proposal.closed_at == datetime(2026, 12, 1, 15, 0, tzinfo=UTC)  # as of the deadline, 17:00 in Beirut
    assert proposal.result == {
        "counts": {"endorse": 2, "object": 1, "abstain": 1},
        "outcome": "endorsed",
        "winners": [],
    }


async def test_two_members_looking_after_the_deadline_close_it_once(chat: Chat, clock) -> None:
    await chat.say("endorse The revised terms of reference | until 1 December 17:00", as_="facilitator")
    await chat.say("vote 1 endorse", as_="guest")
    clock.advance(days=8)
    results = await asyncio.gather(
        *(chat.router.text(member_id=chat.ids[who], text="vote 1", now=clock()) for who in chat.ids)
    )
    assert {shown(result).decision for result in results} == {1}
    async with chat.sessions() as session:
        assert await session.scalar(select(func.count()).select_from(Decision)) == 1


async def test_an_endorsement_with_as_many_objections_is_not_endorsed(chat: Chat) -> None:
    await chat.say("endorse Move the plenary to Cairo", as_="facilitator")
    await chat.say("vote 1 endorse", as_="guest")
    await chat.say("تصويت ١ أعترض", as_="member")
    said = await chat.say("endorse close 1", as_="facilitator")
    assert said.key == "vote-result" and "Not endorsed." in said.text
    async with chat.sessions() as session:
        assert await session.scalar(select(func.count()).select_from(Decision)) == 0


async def posts(chat: Chat) -> list[tuple[str, str, str, bool]]:
    async with chat.sessions() as session:
        rows = await session.scalars(select(Notification).order_by(Notification.id))
        return [(row.kind, row.dedup_key.split(":", 2)[-1], row.status, row.channel) for row in rows]


async def test_opening_posts_to_the_channel_and_the_result_is_posted_at_the_deadline(chat: Chat, clock) -> None:
    await chat.say("poll Where should we meet? | Amman | Beirut | until 30 November 12:00", as_="facilitator")
    assert await posts(chat) == [
        ("vote-opened", "1", "pending", True),
        ("vote-result", "2026-11-30T10:00:00+00:00", "pending", True),
    ]
    await chat.say("vote 1 Beirut", as_="member")
    async with chat.sessions() as session:
        opened, result = await session.scalars(select(Notification).order_by(Notification.id))
    card = await chat.compose(opened, clock())
    assert await chat.compose(result, clock()) is None  # not due yet
    assert card is not None and card.key == "vote-opened" and isinstance(card.view, ProposalCard)
    # the channel's copy has the answer buttons for everyone (a team can have more than the 60 people Teams
    # refreshes a card for); each refresh then shows the reader's own answer
    assert card.view.proposal.can_vote is True and card.view.proposal.mine is None

    clock.advance(days=7)
    async with chat.sessions.begin() as session:  # the dispatcher's turn: the result closes the poll
        result = await session.get(Notification, result.id)
        posted = await votes.compose_result(session, result, clock())
    assert posted is not None and posted.key == "vote-result"
    assert "Beirut: 1 — عمر خليل\nChosen: Beirut." in plain(chat.renderer.text(posted, lang="en", zone="Asia/Beirut"))
    async with chat.sessions() as session:
        proposal = await session.scalar(select(Proposal))
    assert proposal is not None and proposal.closed_at == datetime(2026, 11, 30, 10, 0, tzinfo=UTC)


async def test_closing_early_posts_the_result_now_instead_of_at_the_deadline(chat: Chat) -> None:
    await chat.say("endorse The 2027 workplan | until 30 November 12:00", as_="facilitator")
    await chat.say("vote close 1", as_="facilitator")
    assert await posts(chat) == [
        ("vote-opened", "1", "pending", True),  # already due: its composer finds the poll closed and sends nothing
        ("vote-result", "2026-11-30T10:00:00+00:00", "cancelled", True),
        ("vote-result", "closed", "pending", True),
    ]


async def test_one_member_answering_twice_at_once_leaves_one_answer(chat: Chat) -> None:
    await chat.say("endorse The revised terms of reference", as_="facilitator")
    results = await asyncio.gather(
        *(
            chat.router.text(member_id=chat.ids["member"], text=f"vote 1 {answer}", now=chat.clock())
            for answer in ("endorse", "object", "endorse", "abstain")
        )
    )
    assert all(result.replies[0].key in ("vote-recorded", "vote-changed", "vote-unchanged") for result in results)
    assert sum(result.replies[0].key == "vote-recorded" for result in results) == 1
    async with chat.sessions() as session:
        rows = list(await session.scalars(select(Vote)))
    assert len(rows) == 1 and rows[0].member_id == chat.ids["member"]


async def test_many_members_answering_at_once_are_all_counted(chat: Chat, sessions) -> None:
    async with sessions.begin() as session:
        community = await session.get(Community, chat.community_id)
        people = [Person(f"29:delegate-{i}", None, f"Delegate {i}") for i in range(12)]
        await sync_roster(session, community=community, people=people, complete=False, admin_ids=(), now=chat.clock())
    async with sessions() as session:
        from storage.models import Member

        delegates = list(await session.scalars(select(Member.id).where(Member.teams_user_id.like("29:delegate-%"))))
    await chat.say("poll Which month for the face-to-face meeting? | March | April | May", as_="facilitator")
    answers = [str(1 + i % 3) for i in range(len(delegates))]
    await asyncio.gather(
        *(
            chat.router.text(member_id=member_id, text=f"vote 1 {answer}", now=chat.clock())
            for member_id, answer in zip(delegates, answers, strict=True)
        )
    )
    card = await chat.say("vote close 1", as_="facilitator")
    assert "March: 4 — " in card.text and "April: 4 — " in card.text and "May: 4 — " in card.text
    assert "A tie between March, April, May." in card.text


async def test_card_buttons_answer_refresh_and_close(chat: Chat) -> None:
    await chat.say("endorse The revised terms of reference", as_="facilitator")
    async with chat.sessions() as session:
        proposal_id = await session.scalar(select(Proposal.id))
    pressed = await chat.router.press(
        member_id=chat.ids["guest"],
        verb="vote",
        data={"proposal": proposal_id, "choice": "endorse", "comment": "agreed in the working group"},
        now=chat.clock(),
    )
    [reply] = pressed.replies
    assert reply.key == "vote-recorded" and shown(pressed).mine == "endorse"
    refreshed = await chat.router.press(
        member_id=chat.ids["member"], verb="vote-refresh", data={"proposal": proposal_id}, now=chat.clock()
    )
    assert shown(refreshed).mine is None and shown(refreshed).answers == 1
    for bad in ({"proposal": proposal_id, "choice": "maybe"}, {"proposal": 999, "choice": "endorse"}, None):
        refused = await chat.router.press(member_id=chat.ids["guest"], verb="vote", data=bad, now=chat.clock())
        assert refused.replies[0].key == "card-data-invalid"
    not_yet = await chat.router.press(
        member_id=chat.ids["member"], verb="vote-close", data={"proposal": proposal_id}, now=chat.clock()
    )
    assert not_yet.replies[0].key == "not-facilitator"
    closed = await chat.router.press(
        member_id=chat.ids["admin"], verb="vote-close", data={"proposal": proposal_id}, now=chat.clock()
    )
    assert closed.replies[0].key == "vote-result" and shown(closed).decision == 1
    too_late = await chat.router.press(
        member_id=chat.ids["member"], verb="vote", data={"proposal": proposal_id, "choice": "object"}, now=chat.clock()
    )
    assert too_late.replies[0].key == "vote-too-late" and isinstance(too_late.replies[0].view, ProposalCard)


async def test_an_anonymous_poll_tells_nobody_who_answered(chat: Chat) -> None:
    from storage.models import AuditLog

    await chat.say("poll Which venue? | Amman | Beirut | anonymous", as_="facilitator")
    before = shown(await chat.say("vote 1", as_="facilitator")).refresh_for
    answered = await chat.say("vote 1 Beirut", as_="guest")
    assert answered.key == "vote-recorded"
    after = shown(await chat.say("vote 1", as_="facilitator")).refresh_for
    assert after == before  # the roster's order, whoever answered
    async with chat.sessions() as session:
        actors = list(
            await session.scalars(select(AuditLog.actor_member_id).where(AuditLog.action == "proposal.answered"))
        )
    assert actors == [None]


async def test_a_named_poll_still_refreshes_for_those_who_answered_first(chat: Chat) -> None:
    await chat.say("poll Which venue? | Amman | Beirut", as_="facilitator")
    await chat.say("vote 1 Beirut", as_="guest")
    card = shown(await chat.say("vote 1", as_="facilitator"))
    async with chat.sessions() as session:
        from storage.models import Member

        guest = await session.get(Member, chat.ids["guest"])
    assert card.refresh_for[0] == guest.teams_user_id


async def test_opening_marks_the_reply_for_the_channel_so_the_card_is_not_shown_twice(chat: Chat) -> None:
    said = await chat.say("poll Which venue? | Amman | Beirut", as_="facilitator")
    assert said.key == "poll-opened" and said.replies[0].to_channel is True
    assert said.replies[0].args["number"] == 1


@pytest.mark.parametrize(
    "text, options, anonymous, deadline",
    [
        ("poll Should the minutes be | public | confidential", ["public", "confidential"], False, False),
        ("poll Should the minutes be | confidential | public", ["confidential", "public"], False, False),
        ("poll Next? | Stay | Deadline extension to June", ["Stay", "Deadline extension to June"], False, False),
        ("poll Next? | Anonymous | Named | A third way | secret", ["Anonymous", "Named", "A third way"], True, False),
        ("poll Where? | Amman | Beirut | until 30 November 12:00 | anonymous", ["Amman", "Beirut"], True, True),
    ],
)  # fmt: skip
async def test_options_that_read_like_settings_stay_options(
    chat: Chat, text: str, options: list[str], anonymous: bool, deadline: bool
) -> None:
    said = await chat.say(text, as_="facilitator")
    assert said.key == "poll-opened", said.text
    async with chat.sessions() as session:
        proposal = await session.scalar(select(Proposal))
    assert (proposal.options, proposal.anonymous, proposal.closes_at is not None) == (options, anonymous, deadline)


async def test_an_option_that_is_a_number_is_chosen_by_its_words(chat: Chat) -> None:
    await chat.say("poll Which year? | 2027 | 2 | 1", as_="facilitator")
    assert "Your answer: 1" in (await chat.say("vote 1 1", as_="guest")).text  # option “1” (the third), not the first
    async with chat.sessions() as session:
        assert await session.scalar(select(Vote.choice)) == "3"
    assert (await chat.say("vote 1 2027", as_="guest")).key == "vote-changed"
    async with chat.sessions() as session:
        assert await session.scalar(select(Vote.choice)) == "1"
