"""`notify` / `الإشعارات`: what a member receives by e-mail, besides Teams, and whether the community's announcements
also come to their 1:1 chat; and the card's Save button. Only in the member's 1:1 chat: their address and choices
are theirs alone."""

from __future__ import annotations

from dialogs.common.errors import UserError
from dialogs.common.replies import Reply
from dialogs.common.turn import Turn
from dialogs.mail import choices
from dialogs.mail.topics import TOPICS, is_all, is_chat, switch_of, topic_of_word
from dialogs.mail.views import IN_CHAT, MailChoicesCard
from storage import repositories as repo

SWITCH_VALUES = (None, "true", "false", True, False)
"""What a card's Input.Toggle may submit (None: the switch was not on the card)."""


async def command(turn: Turn, args: str) -> Reply:
    """`notify` shows the choices; `notify <topic|all> on|off` (either order) changes them; `notify announcements
    chat on|off` (the two words in either order) chooses announcements in the 1:1 chat too."""
    _refuse_shared(turn)
    words = args.split()
    if not words:
        return await _shown(turn, changed=False)
    if len(words) not in (2, 3):
        raise UserError("notify-usage")
    switch = switch_of(words[-1])
    named = words[:-1] if switch is not None else words[1:]
    switch = switch if switch is not None else switch_of(words[0])
    if switch is None:
        raise UserError("notify-usage")
    if len(named) == 2:
        if not _names_chat(*named):
            raise UserError("notify-usage")
        _set_in_chat(turn, switch, via="command")
        return await _shown(turn, changed=True)
    [word] = named
    topic = topic_of_word(word)
    topics = set(TOPICS) if is_all(word) else {topic} if topic else set()
    if not topics:
        raise UserError("notify-usage")
    chosen = set(await choices.topics_of(turn.session, turn.member.id))
    chosen = chosen | topics if switch else chosen - topics
    return await _save(turn, chosen, via="command")


async def card_saved(turn: Turn, data: dict[str, object]) -> Reply:
    """The card's Save button: `{"verb": CHOICES, "<topic>": "true"|"false", …, IN_CHAT: "true"|"false"}`
    (Input.Toggle values); it changes the choices of whoever presses it. A topic left out is off; the 1:1 chat
    switch left out (no such switch on the card) is left as it was."""
    _refuse_shared(turn)
    if any(data.get(key) not in SWITCH_VALUES for key in (*TOPICS, IN_CHAT)):
        raise UserError("card-data-invalid")
    chosen = {topic for topic in TOPICS if data.get(topic) in ("true", True)}
    if chosen and not turn.member.email:
        raise UserError("notify-no-email")
    if data.get(IN_CHAT) is not None:
        _set_in_chat(turn, data[IN_CHAT] in ("true", True), via="card")
    return await _save(turn, chosen, via="card")


def _names_chat(first: str, second: str) -> bool:
    """Whether two words are `announcements` and `chat`, in either order."""
    return any(topic_of_word(a) == "announcements" and is_chat(b) for a, b in ((first, second), (second, first)))


def _refuse_shared(turn: Turn) -> None:
    """Where others read the answer (a channel, a group chat), the member is sent to their 1:1 chat instead."""
    if turn.shared:
        raise UserError("notify-private")


def _set_in_chat(turn: Turn, on: bool, *, via: str) -> None:
    """Announcements also in the member's 1:1 chat, or not (audited when it changes; no e-mail address needed)."""
    member = turn.member
    if member.announcements_in_chat == on:
        return
    repo.audit(
        turn.session,
        community_id=member.community_id,
        actor=member,
        action="member.announcements_in_chat",
        object_type="member",
        object_id=member.id,
        before={"in_chat": member.announcements_in_chat},
        after={"in_chat": on, "via": via},
    )
    member.announcements_in_chat = on


async def _save(turn: Turn, chosen: set[str], *, via: str) -> Reply:
    if chosen and not turn.member.email:
        raise UserError("notify-no-email")
    await choices.choose(turn.session, member=turn.member, topics=chosen, via=via, now=turn.now, actor=turn.member)
    return await _shown(turn, changed=True)


async def _shown(turn: Turn, *, changed: bool) -> Reply:
    chosen = await choices.topics_of(turn.session, turn.member.id)
    view = MailChoicesCard(
        chosen=tuple(topic for topic in TOPICS if topic in chosen),
        email=turn.member.email,
        in_chat=turn.member.announcements_in_chat,
    )
    return Reply.of("notify-choices", view=view, changed=str(changed).lower())
