"""Endorsements and polls: facilitators put a text to the members (endorse / object / abstain, with an optional
comment) or a question with options (one choice; named or anonymous); every member, guests too, answers once and
may change the answer until the proposal closes, at its deadline or when a facilitator closes it.

One answer per member is the database's rule (a unique constraint on proposal and member); a turn that answers
locks the proposal's row first, so two answers at once from one member leave one row, and a close waits for the
answers before it. Closing records the counts and the outcome; an endorsement the members pass (more endorse than
object) is recorded as a decision of its own, with no meeting. An anonymous poll still stores who answered (to
keep one answer each and let it change), but no card, list or audit entry ever shows it.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from datetime import datetime
from typing import Literal, overload

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from dialogs.common import outbox
from dialogs.common.commands import plain_mentions
from dialogs.common.dates import parse_when
from dialogs.common.errors import UserError
from dialogs.common.numbered import by_number
from dialogs.common.people import Mentions, concerning
from dialogs.common.replies import Reply
from dialogs.common.rights import require_facilitator
from dialogs.common.text import fold, leading_words, parse_number, word_table
from dialogs.common.turn import Turn
from dialogs.governance.views import Comment, ProposalCard, ProposalList, ProposalView, Tally
from storage import repositories as repo
from storage.models import Community, Decision, Member, Notification, Proposal, ProposalKind, Vote

MAX_TEXT = 2000
MAX_OPTION = 200
MIN_OPTIONS, MAX_OPTIONS = 2, 10
MAX_COMMENT = 1000
MAX_REFRESH_USERS = 60  # Teams refreshes a card automatically for at most 60 listed users
SHOWN_NAMES = 30
SHOWN_COMMENTS = 20
LIST_SIZE = 20
ENDORSEMENT_CHOICES = ("endorse", "object", "abstain")
CHOICE_WORDS = {
    "endorse": ("endorse", "yes", "agree", "support", "أؤيد", "تأييد", "مؤيد", "أوافق", "موافق", "موافقة", "نعم"),
    "object": ("object", "no", "against", "disagree", "أعترض", "اعتراض", "معترض", "أرفض", "رفض", "لا"),
    "abstain": ("abstain", "أمتنع", "امتناع", "ممتنع", "محايد"),
}
FLAG_WORDS = {
    "anonymous": ("anonymous", "secret", "سري", "سرية", "مجهول", "بدون أسماء", "دون أسماء"),
    "named": ("named", "public", "علني", "علنية", "بالأسماء"),
}
UNTIL_WORDS = {"until": ("until", "till", "closes", "deadline", "حتى", "لغاية", "ينتهي", "يغلق", "آخر موعد")}
CLOSE_WORDS = {"close": ("close", "end", "إغلاق", "اغلاق", "أغلق", "اغلق", "إنهاء", "انهاء")}
ALL_WORDS = {"all": ("all", "closed", "الكل", "كل", "جميع", "المغلقة")}

_choice_word = word_table(CHOICE_WORDS)
_flag = word_table(FLAG_WORDS)
_until = leading_words(UNTIL_WORDS)
_close_word = word_table(CLOSE_WORDS)
_all_word = word_table(ALL_WORDS)


# ---- commands ----------------------------------------------------------------------------------------------


async def endorse_command(turn: Turn, args: str) -> Reply:
    """`endorse <text> [| until <when>] [| anonymous]`, or `endorse close <n>`."""
    return await _open_or_close(turn, kind=ProposalKind.ENDORSEMENT, args=args)


async def poll_command(turn: Turn, args: str) -> Reply:
    """`poll <question> | <option> | <option> … [| until <when>] [| anonymous]`, or `poll close <n>`."""
    return await _open_or_close(turn, kind=ProposalKind.POLL, args=args)


async def _open_or_close(turn: Turn, *, kind: ProposalKind, args: str) -> Reply:
    first, _, rest = args.strip().partition(" ")
    if first and _close_word(first) and parse_number(rest.strip()):
        return await close(turn, number=rest)
    return await create(turn, kind=kind, args=args)


async def vote_command(turn: Turn, args: str) -> Reply:
    """`vote <n>` (its card), `vote <n> <answer> [| comment]`, `vote close <n>` (facilitators)."""
    first, _, rest = args.strip().partition(" ")
    if first and _close_word(first):
        return await close(turn, number=rest)
    if not first:
        raise UserError("vote-usage")
    proposal = await find(turn.session, community=turn.community, number=first)
    await settle(turn.session, proposal, now=turn.now)
    if not rest.strip():
        return Reply.of("proposal-card", view=await _card(turn, proposal))
    answer, _, comment = rest.partition("|")
    choice = _choice(proposal, answer)
    return await cast(turn, proposal=proposal, choice=choice, comment=comment)


async def list_proposals(turn: Turn, args: str) -> Reply:
    """`votes`: the open endorsements and polls, newest first; `votes all`: the closed ones too."""
    everything = bool(args.strip())
    if everything and not _all_word(args):
        raise UserError("votes-filter-unknown", given=args.strip()[:40])
    query = select(Proposal).where(Proposal.community_id == turn.community.id)
    if not everything:
        query = query.where(Proposal.closed_at.is_(None))
    proposals = list(await turn.session.scalars(query.order_by(Proposal.number.desc()).limit(LIST_SIZE)))
    for proposal in proposals:
        await settle(turn.session, proposal, now=turn.now)
    shown = [p for p in proposals if everything or p.closed_at is None]
    views = tuple([await view(turn.session, proposal, reader=turn.member) for proposal in shown])
    title = "all" if everything else "open"
    return Reply.of("votes-list", view=ProposalList(views), title=title, count=len(views))


async def create(turn: Turn, *, kind: ProposalKind, args: str) -> Reply:
    """Open an endorsement or a poll (facilitators): its card is the answer, and it is posted to the channel."""
    require_facilitator(turn.member)
    text, *fields = [field.strip() for field in args.split("|")]
    text = " ".join(plain_mentions(text).split())
    if not text:
        raise UserError(f"{kind.value}-text-missing")
    if len(text) > MAX_TEXT:
        raise UserError("proposal-text-too-long", length=len(text), limit=MAX_TEXT)
    fields = [" ".join(field.split()) for field in fields if field]
    zone = turn.zone
    options: list[str] = []
    closes_at, anonymous = None, False
    if kind == ProposalKind.POLL:  # settings only trail the options: an option may read like one
        settings: list[bool | datetime] = []
        while len(fields) > MIN_OPTIONS:
            setting = _setting(fields[-1], now=turn.now, zone=zone, lang=turn.member.language)
            if setting is None:
                break
            settings.insert(0, setting)
            fields.pop()
        options = fields
        _check_options(options)
    else:
        settings = [
            _setting(field, now=turn.now, zone=zone, lang=turn.member.language, strict=True) for field in fields
        ]
    for setting in settings:  # a later one wins
        if isinstance(setting, bool):
            anonymous = setting
        else:
            closes_at = setting
    proposal = Proposal(
        community_id=turn.community.id,
        number=await repo.next_number(turn.session, community_id=turn.community.id, column=Proposal.number),
        kind=kind,
        text=text,
        options=options,
        anonymous=anonymous,
        closes_at=closes_at,
        created_by_id=turn.member.id,
        created_at=turn.now,
    )
    turn.session.add(proposal)
    await turn.session.flush()
    repo.audit_row(
        turn.session,
        actor=turn.member,
        row=proposal,
        action="proposal.opened",
        after={"text": text, "options": options},
    )
    await _announce(turn.session, proposal, now=turn.now)
    return Reply.of(f"{kind.value}-opened", view=await _card(turn, proposal), to_channel=True, number=proposal.number)


@overload
def _setting(field: str, *, now: datetime, zone: str, lang: str | None, strict: Literal[True]) -> bool | datetime: ...
@overload
def _setting(field: str, *, now: datetime, zone: str, lang: str | None) -> bool | datetime | None: ...
def _setting(field: str, *, now: datetime, zone: str, lang: str | None, strict: bool = False) -> bool | datetime | None:
    """A proposal setting: True/False for anonymous/named, or the deadline (`until …`); None when the field is
    not one or is an unreadable deadline ("Deadline extension to June": an option); strict: UserError instead."""
    flag, until = _flag(field), _until(field)
    if flag is not None:
        return flag == "anonymous"
    if until is not None:
        try:
            return parse_when(until[1], now=now, zone=zone, lang=lang)
        except UserError as error:
            if strict or error.message_key != "date-unreadable":
                raise
            return None
    if strict:
        raise UserError("endorsement-usage")
    return None


def _check_options(options: Sequence[str]) -> None:
    if len(options) < MIN_OPTIONS:
        raise UserError("poll-options-too-few", count=len(options))
    if len(options) > MAX_OPTIONS:
        raise UserError("poll-options-too-many", count=len(options), limit=MAX_OPTIONS)
    if any(len(option) > MAX_OPTION for option in options):
        raise UserError("poll-option-too-long", limit=MAX_OPTION)
    folded = [fold(option) for option in options]
    repeated = next((option for option, key in zip(options, folded, strict=True) if folded.count(key) > 1), None)
    if repeated is not None:
        raise UserError("poll-option-repeated", option=repeated)


async def cast(turn: Turn, *, proposal: Proposal, choice: str, comment: str) -> Reply:
    """Record or change the speaker's answer (the proposal's row locked: one answer at a time)."""
    session, member, now = turn.session, turn.member, turn.now
    await session.refresh(proposal, with_for_update=True)
    await settle(session, proposal, now=now)
    if proposal.closed_at is not None:
        raise UserError("vote-closed", number=proposal.number, kind=proposal.kind.value, at=proposal.closed_at)
    comment = " ".join(plain_mentions(comment).split())
    if len(comment) > MAX_COMMENT:
        raise UserError("vote-comment-too-long", length=len(comment), limit=MAX_COMMENT)
    vote = await session.scalar(select(Vote).where(Vote.proposal_id == proposal.id, Vote.member_id == member.id))
    if vote is None:
        session.add(
            Vote(
                proposal_id=proposal.id,
                member_id=member.id,
                choice=choice,
                comment=comment,
                cast_at=now,
                changed_at=now,
            )
        )
        key = "vote-recorded"
    elif (vote.choice, vote.comment) == (choice, comment):
        key = "vote-unchanged"
    else:
        vote.choice, vote.comment, vote.changed_at = choice, comment, now
        key = "vote-changed"
    await session.flush()
    if key != "vote-unchanged":
        repo.audit_row(
            session,
            actor=None if proposal.anonymous else member,  # an anonymous answer is not tied to its member
            row=proposal,
            action="proposal.answered",
            after=None if proposal.anonymous else {"choice": choice},
        )
    headline = {"kind": proposal.kind.value} if key == "vote-recorded" else {}  # "…until the endorsement closes"
    return Reply(key, headline, view=await _card(turn, proposal))


async def close(turn: Turn, *, number: str) -> Reply:
    """`vote close <n>` (facilitators): close now and record the result (a passed endorsement: a decision)."""
    require_facilitator(turn.member)
    proposal = await find(turn.session, community=turn.community, number=number.strip())
    await turn.session.refresh(proposal, with_for_update=True)
    await settle(turn.session, proposal, now=turn.now)
    if proposal.closed_at is not None:
        raise UserError("vote-already-closed", number=proposal.number, at=proposal.closed_at)
    await _close(turn.session, proposal, by=turn.member, at=turn.now)
    return Reply.of("vote-result", view=await _card(turn, proposal), kind=proposal.kind.value, number=proposal.number)


async def press(turn: Turn, verb: str, data: object) -> Reply:
    """A proposal card's buttons (`Action.Execute`): answer, refresh (each member's own view), close."""
    proposal_id = parse_number(data.get("proposal")) if isinstance(data, dict) else None
    proposal = await turn.session.get(Proposal, proposal_id, with_for_update=True) if proposal_id else None
    if proposal is None or proposal.community_id != turn.community.id or not isinstance(data, dict):
        raise UserError("card-data-invalid")
    await settle(turn.session, proposal, now=turn.now)
    match verb:
        case "vote-refresh":
            return Reply.of("proposal-card", view=await _card(turn, proposal))
        case "vote-close":
            return await close(turn, number=str(proposal.number))
        case "vote" if proposal.closed_at is not None:  # pressed on a card that had not refreshed yet
            card = await _card(turn, proposal)
            return Reply.of("vote-too-late", view=card, kind=proposal.kind.value, number=proposal.number)
        case "vote":
            choice = str(data.get("choice") or "").strip()
            if choice not in _choices(proposal):
                raise UserError("vote-choice-missing" if not choice else "card-data-invalid")
            comment = data.get("comment")
            return await cast(
                turn, proposal=proposal, choice=choice, comment=comment if isinstance(comment, str) else ""
            )
    raise UserError("card-data-invalid")


async def find(session: AsyncSession, *, community: Community, number: str) -> Proposal:
    """The community's endorsement or poll by its number."""
    return await by_number(session, Proposal, community=community, number=number, kind="vote", lock=False)


# ---- closing -----------------------------------------------------------------------------------------------


async def settle(session: AsyncSession, proposal: Proposal, *, now: datetime) -> None:
    """Close a proposal whose deadline has passed (as of its deadline), whoever looks at it first; the result post
    planned for the deadline announces it."""
    if proposal.closed_at is None and proposal.closes_at is not None and proposal.closes_at <= now:
        await session.refresh(proposal, with_for_update=True)
        if proposal.closed_at is None:
            await _close(session, proposal, by=None, at=proposal.closes_at)


async def _close(session: AsyncSession, proposal: Proposal, *, by: Member | None, at: datetime) -> None:
    """Record the counts and the outcome; a passed endorsement becomes a decision. Closed by a facilitator, the
    result is posted now (and not again at the deadline)."""
    counts = Counter(await session.scalars(select(Vote.choice).where(Vote.proposal_id == proposal.id)))
    outcome, winners = _outcome(proposal, counts)
    proposal.closed_at, proposal.closed_by_id = at, by.id if by else None
    proposal.result = {
        "counts": {c: counts.get(c, 0) for c in _choices(proposal)},
        "outcome": outcome,
        "winners": winners,
    }
    if outcome == "endorsed":
        decision = Decision(
            community_id=proposal.community_id,
            number=await repo.next_number(session, community_id=proposal.community_id, column=Decision.number),
            occurrence_id=None,
            text=proposal.text,
            created_by_id=by.id if by else proposal.created_by_id,
            created_at=at,
        )
        session.add(decision)
        await session.flush()
        proposal.decision_id = decision.id
    repo.audit_row(session, actor=by, row=proposal, action="proposal.closed", after=proposal.result)
    if by is not None:
        subject = _subject(proposal)
        await outbox.replan(session, community_id=proposal.community_id, subject=subject, planned=(), now=at)
        result = _result_post(proposal, due_at=at, key="closed")
        await outbox.queue(session, community_id=proposal.community_id, subject=subject, message=result, now=at)


def _outcome(proposal: Proposal, counts: Counter[str]) -> tuple[str, list[str]]:
    """endorsed / not-endorsed (more endorse than object passes), or the poll's winning option(s)."""
    if not counts:
        return "no-answers", []
    if proposal.kind == ProposalKind.ENDORSEMENT:
        passed = counts.get("endorse", 0) > counts.get("object", 0)
        return ("endorsed" if passed else "not-endorsed"), []
    best = max(counts.values())
    winners = [choice for choice in _choices(proposal) if counts.get(choice, 0) == best]
    return ("chosen" if len(winners) == 1 else "tie"), winners


# ---- the channel posts -------------------------------------------------------------------------------------


async def _announce(session: AsyncSession, proposal: Proposal, *, now: datetime) -> None:
    """Post the new proposal's card to the channel now, and its result at its deadline."""
    subject = _subject(proposal)
    opened = outbox.Planned(
        kind="vote-opened",
        dedup_key=f"vote-opened:{proposal.id}",
        due_at=now,
        payload={"proposal": proposal.id},
        channel=True,
    )
    await outbox.queue(session, community_id=proposal.community_id, subject=subject, message=opened, now=now)
    if proposal.closes_at is not None:
        result = _result_post(proposal, due_at=proposal.closes_at, key=proposal.closes_at.isoformat())
        await outbox.queue(session, community_id=proposal.community_id, subject=subject, message=result, now=now)


async def compose_opened(session: AsyncSession, row: Notification, now: datetime) -> Reply | None:
    """The new proposal's card for the channel (members answer on it); nothing once it has closed."""
    proposal = await session.get(Proposal, row.payload.get("proposal"))
    if proposal is None:
        return None
    await settle(session, proposal, now=now)
    if proposal.closed_at is not None:
        return None
    shown = ProposalCard(await view(session, proposal, reader=None))
    return Reply.of("vote-opened", view=shown, mentions=await _awaited(session, proposal), kind=proposal.kind.value)


async def _awaited(session: AsyncSession, proposal: Proposal) -> Mentions | None:
    """Whom the proposal's channel post @mentions: the active members who have not answered yet; for an anonymous
    one, every active member (leaving out those who answered would tell who they are)."""
    members = await repo.active_members(session, community_id=proposal.community_id)
    if proposal.anonymous:
        return concerning("mentions-asked", sorted(members, key=lambda m: (m.name.casefold(), m.id)))
    answered = set(await session.scalars(select(Vote.member_id).where(Vote.proposal_id == proposal.id)))
    waiting = sorted((m for m in members if m.id not in answered), key=lambda m: (m.name.casefold(), m.id))
    return concerning("mentions-unanswered", waiting)


async def compose_result(session: AsyncSession, row: Notification, now: datetime) -> Reply | None:
    """The result for the channel; at the deadline this is what closes the proposal (if nobody looked before)."""
    proposal = await session.get(Proposal, row.payload.get("proposal"), with_for_update=True)
    if proposal is None:
        return None
    if proposal.closed_at is None:
        if proposal.closes_at is None or proposal.closes_at > now:
            return None
        await _close(session, proposal, by=None, at=proposal.closes_at)
    shown = ProposalCard(await view(session, proposal, reader=None))
    return Reply.of("vote-result", view=shown, kind=proposal.kind.value, number=proposal.number)


def _result_post(proposal: Proposal, *, due_at: datetime, key: str) -> outbox.Planned:
    """The result for the channel: at the deadline (`key` its time), or when a facilitator closed it ("closed")."""
    return outbox.Planned(
        kind="vote-result",
        dedup_key=f"vote-result:{proposal.id}:{key}",
        due_at=due_at,
        payload={"proposal": proposal.id},
        channel=True,
    )


def _subject(proposal: Proposal) -> str:
    return f"proposal:{proposal.id}"


# ---- what a reader sees ------------------------------------------------------------------------------------


async def _card(turn: Turn, proposal: Proposal) -> ProposalCard:
    """The proposal's card as the speaker sees it."""
    return ProposalCard(await view(turn.session, proposal, reader=turn.member))


async def view(session: AsyncSession, proposal: Proposal, *, reader: Member | None) -> ProposalView:
    """The proposal with its counts, the reader's own answer, and (when named) who answered what."""
    rows = await session.execute(
        select(Vote, Member.name, Member.teams_user_id)
        .join(Member, Member.id == Vote.member_id)
        .where(Vote.proposal_id == proposal.id)
        .order_by(Vote.changed_at.desc(), Vote.id.desc())
    )
    votes = [(vote, name, teams_user_id) for vote, name, teams_user_id in rows]
    labels = choice_labels(proposal)
    tallies = tuple(
        Tally(
            choice=choice,
            label=labels[choice],
            count=sum(vote.choice == choice for vote, _, _ in votes),
            names=()
            if proposal.anonymous
            else tuple(name for vote, name, _ in votes if vote.choice == choice)[:SHOWN_NAMES],
        )
        for choice in _choices(proposal)
    )
    mine = next((vote for vote, _, _ in votes if reader is not None and vote.member_id == reader.id), None)
    comments = tuple(
        Comment(
            name="" if proposal.anonymous else name, choice=vote.choice, label=labels[vote.choice], text=vote.comment
        )
        for vote, name, _ in votes
        if vote.comment
    )[:SHOWN_COMMENTS]
    result = proposal.result or {}
    decision = await session.get(Decision, proposal.decision_id) if proposal.decision_id else None
    is_open = proposal.closed_at is None
    return ProposalView(
        id=proposal.id,
        number=proposal.number,
        kind=proposal.kind.value,
        text=proposal.text,
        anonymous=proposal.anonymous,
        closes_at=proposal.closes_at,
        closed_at=proposal.closed_at,
        tallies=tallies,
        answers=len(votes),
        outcome=result.get("outcome"),
        winners=tuple(labels[choice] for choice in result.get("winners", []) if choice in labels),
        decision=decision.number if decision else None,
        mine=mine.choice if mine else None,
        my_comment=mine.comment if mine else "",
        comments=comments,
        can_vote=is_open,  # the shared channel card too: whoever presses is checked then (non-members are refused)
        can_close=is_open and reader is not None and reader.role.facilitates,
        refresh_for=await _refresh_for(session, proposal, voters=[uid for _, _, uid in votes]),
    )


async def _refresh_for(session: AsyncSession, proposal: Proposal, *, voters: Sequence[str]) -> tuple[str, ...]:
    """Who gets the card refreshed for them (their own answer, fresh counts): those who answered, then the
    facilitators, then the rest of the roster, up to Teams' limit."""
    roster = await repo.active_members(session, community_id=proposal.community_id)
    if proposal.anonymous:  # the roster's own order: who comes first must not tell who answered
        voters = ()
    everyone = [*voters, *(m.teams_user_id for m in roster)]  # the roster is facilitators first
    return tuple(dict.fromkeys(everyone))[:MAX_REFRESH_USERS]


def _choices(proposal: Proposal) -> tuple[str, ...]:
    if proposal.kind == ProposalKind.ENDORSEMENT:
        return ENDORSEMENT_CHOICES
    return tuple(str(index) for index in range(1, len(proposal.options) + 1))


def choice_labels(proposal: Proposal) -> dict[str, str]:
    """Each choice's words: empty for an endorsement's (the renderer words them), the option for a poll's."""
    if proposal.kind == ProposalKind.ENDORSEMENT:
        return dict.fromkeys(ENDORSEMENT_CHOICES, "")
    return {str(index): option for index, option in enumerate(proposal.options, start=1)}


def _choice(proposal: Proposal, answer: str) -> str:
    """A typed answer: endorse / object / abstain (any language), or a poll option's number or words."""
    answer = answer.strip()
    if proposal.kind == ProposalKind.ENDORSEMENT:
        choice = _choice_word(answer)
    else:
        by_words = [key for key, option in choice_labels(proposal).items() if fold(option) == fold(answer)]
        number = parse_number(answer)  # an option's own words first: an option may be a number ("2026")
        choice = by_words[0] if by_words else (str(number) if number is not None else None)
    if choice is None or choice not in _choices(proposal):
        raise UserError(
            "vote-choice-unknown", number=proposal.number, kind=proposal.kind.value, count=len(_choices(proposal))
        )
    return choice
