"""`المجتمع` / `community` in Arabic and English: which of a person's communities their 1:1 chat speaks to, chosen by
number or name; a name that is none of theirs is refused with how to fix it; a shared conversation lists nothing."""

from __future__ import annotations

from sqlalchemy import select

from dialogs.common.people import Person
from dialogs.community.roster import sync_roster
from storage.models import Member
from tests.chat import CAST, Chat, converse, new_community

CONVERSATION = [
    ("member", "المجتمع", "community-choose", "أنت عضو في مجتمعين", "١. MENA AA CoP (الحالي)", "٢. Drought Task Force"),
    ("member", "المجتمع الجفاف", "community-unknown", "لست عضوًا في مجتمع باسم «الجفاف»", "`المجتمع`"),
    ("member", "المجتمع ٣", "community-unknown", "«٣»"),
    ("member", "المجتمع ٢", "community-chosen", "تخاطب محادثتك الخاصة مع تنسيق مجتمع Drought Task Force"),
    ("member", "community mena aa", "community-chosen", "مجتمع MENA AA CoP"),  # (his Teams speaks Arabic)
    ("facilitator", "community", "community-only", "You are in one community: MENA AA CoP"),
]


async def test_choosing_a_community_by_number_or_name(sessions, clock) -> None:
    chat = await Chat(sessions, clock).start()
    async with sessions.begin() as session:
        drought = await new_community(session, now=clock(), team="19:drought@thread.tacv2", name="Drought Task Force")
        omar = CAST["member"]
        people = [Person(omar[0], None, omar[1])]
        await sync_roster(session, community=drought, people=people, complete=True, admin_ids=(), now=clock())
    await converse(chat, CONVERSATION)
    async with (
        sessions() as session
    ):  # (which entry a 1:1 chat then speaks to: tests/bot/teams/test_several_communities)
        chosen = await session.scalars(select(Member).where(Member.teams_user_id == CAST["member"][0]))
        assert {member.community_id: member.chosen_at is not None for member in chosen} == {
            chat.community_id: True,
            drought.id: True,
        }


async def test_in_a_shared_conversation_nobody_learns_a_members_other_communities(sessions, clock) -> None:
    chat = await Chat(sessions, clock).start()
    async with sessions.begin() as session:
        drought = await new_community(session, now=clock(), team="19:drought@thread.tacv2", name="Drought Task Force")
        omar = CAST["member"]
        await sync_roster(
            session,
            community=drought,
            people=[Person(omar[0], None, omar[1])],
            complete=True,
            admin_ids=(),
            now=clock(),
        )
    said = await chat.say("المجتمع", as_="member", shared=True)
    assert said.key == "community-here" and "MENA AA CoP" in said.text and "Drought" not in said.text
