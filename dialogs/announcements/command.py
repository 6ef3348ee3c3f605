"""The `announce` command: a facilitator's announcement to the whole community (a channel post, and 1:1 to those
who chose announcements in their chat) or to one working group (`| group X`: its members' 1:1 chats), also e-mailed
(`| email`) to those of them who chose announcements by e-mail; audited. The options are read from the end, so the
text itself may hold a `|`."""

from __future__ import annotations

from dataclasses import dataclass

from dialogs.announcements import posting
from dialogs.common.errors import UserError
from dialogs.common.replies import Reply
from dialogs.common.rights import require_facilitator
from dialogs.common.text import leading_words, script_language, word_table
from dialogs.common.turn import Turn
from dialogs.meetings.schedule import group_named
from storage import repositories as repo
from storage.models import WorkingGroup

TEXT_LIMIT = 2000
"""Characters of an announcement: a few paragraphs, which fit in one Teams message in both languages' headlines."""
EMAIL_WORDS = ("email", "e-mail", "mail", "by email", "بريد", "البريد", "بالبريد", "إيميل", "ايميل", "بريد إلكتروني")
GROUP_WORDS = ("group", "working group", "مجموعة", "المجموعة", "مجموعة العمل", "لمجموعة")
_email = word_table({True: EMAIL_WORDS})
_group = leading_words({"group": GROUP_WORDS})


@dataclass(frozen=True)
class Asked:
    """What `announce` was given: the text, whether to e-mail it, and the group it is for (its name as typed)."""

    text: str
    email: bool = False
    group: str | None = None


def parse(args: str) -> Asked:
    """The text and its options (`| email`, `| group X`, in any order, after the text)."""
    parts = args.split("|")
    email, group = False, None
    while len(parts) > 1:
        last = parts[-1].strip()
        named = _group(last)
        if _email(last) and not email:
            email = True
        elif named is not None and group is None and named[1]:
            group = named[1]
        else:
            break
        parts.pop()
    return Asked("|".join(parts).strip(), email, group)


async def command(turn: Turn, args: str) -> Reply:
    """`announce <text> [| email] [| group X]`: post, audit, and tell the facilitator where it went."""
    require_facilitator(turn.member)
    asked = parse(args)
    if not asked.text:
        raise UserError("announcement-usage")
    if len(asked.text) > TEXT_LIMIT:
        raise UserError("announcement-too-long", length=len(asked.text), limit=TEXT_LIMIT)
    group = await _group_of(turn, asked.group)
    lang = script_language(asked.text) or turn.language
    readers = await posting.audience(turn.session, community=turn.community, group=group)
    chats = posting.in_chat(readers, by=turn.member) if group is None else []
    await posting.plan(
        turn.session,
        community=turn.community,
        by=turn.member,
        text=asked.text,
        lang=lang,
        group=group,
        email=asked.email,
        readers=readers,
        chats=chats,
        now=turn.now,
    )
    where = f"group:{group.name}" if group is not None else "channel"
    repo.audit(
        turn.session,
        community_id=turn.community.id,
        actor=turn.member,
        action="announcement.sent",
        object_type="community",
        object_id=turn.community.id,
        after={
            "text": asked.text,
            "lang": lang,
            "audience": where,
            "people": len(readers),
            "email": asked.email,
            "in_chat": len(chats),
        },
    )
    mailed = await posting.mailed_count(turn.session, readers) if asked.email else 0
    return Reply.of(
        "announcement-sent",
        where="group" if group is not None else "channel",
        group=group.name if group is not None else "-",
        count=len(readers),
        email=str(asked.email).lower(),
        mailed=mailed,
        chat=len(chats),
    )


async def _group_of(turn: Turn, name: str | None) -> WorkingGroup | None:
    if name is None:
        return None
    try:
        return await group_named(turn.session, community=turn.community, name=name)
    except UserError:
        raise UserError("announcement-group-unknown", name=name[:60]) from None
