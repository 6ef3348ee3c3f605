"""The visibility rule and its SQL form agree: a list paged in the database shows exactly the rows `may_see` lets
the reader see — for every combination of group, owner and reader."""

from __future__ import annotations

from itertools import product

from sqlalchemy import select

from dialogs.common.visibility import (
    CHANNEL,
    Audience,
    Reader,
    action_listable,
    listable,
    may_see,
    of_action,
    of_faq,
    scope,
)
from storage.models import Action, ActionOwner, FaqEntry, Member, WorkingGroup
from tests.chat import new_community
from tests.fakes import FakeClock


def test_the_rule_in_words() -> None:
    omar = Reader(member_id=1, group_ids=frozenset({7}))
    leila = Reader(member_id=2, facilitates=True)
    assert may_see(omar, scope(group_id=None)) and may_see(CHANNEL, scope(group_id=None))
    assert may_see(omar, scope(group_id=7)) and not may_see(omar, scope(group_id=8))
    assert not may_see(CHANNEL, scope(group_id=7))
    secret = scope(group_id=None, confidential=True)
    assert secret.audience is Audience.FACILITATORS
    assert may_see(leila, secret) and not may_see(omar, secret) and not may_see(CHANNEL, secret)
    assert may_see(omar, scope(group_id=8, confidential=True, people=[1]))  # its author still sees it


async def test_lists_in_the_database_follow_the_rule(sessions, clock: FakeClock) -> None:
    async with sessions.begin() as session:
        community = await new_community(session, now=clock())
        people = [Member(community_id=community.id, teams_user_id=f"29:{n}", name=n) for n in ("omar", "sami")]
        groups = [WorkingGroup(community_id=community.id, name=n) for n in ("Cash", "WASH")]
        session.add_all([*people, *groups])
        await session.flush()
        number = 0
        for group, owner in product([None, *groups], [None, *people]):
            number += 1
            owners = [ActionOwner(member_id=owner.id)] if owner else []
            group_id = group.id if group else None
            session.add(Action(community_id=community.id, number=number, text="x", group_id=group_id, owners=owners))
            session.add(FaqEntry(community_id=community.id, number=number, group_id=group_id))
    readers = [
        CHANNEL,
        Reader(member_id=people[0].id, group_ids=frozenset({groups[0].id})),
        Reader(member_id=people[1].id),
        Reader(member_id=people[1].id, facilitates=True),
    ]
    async with sessions() as session:
        actions = list(await session.scalars(select(Action).where(Action.community_id == community.id)))
        entries = list(await session.scalars(select(FaqEntry).where(FaqEntry.community_id == community.id)))
        for reader in readers:
            listed = set(await session.scalars(select(Action.id).where(action_listable(reader))))
            assert listed == {a.id for a in actions if may_see(reader, of_action(a))}, reader
            listed = set(await session.scalars(select(FaqEntry.id).where(listable(reader, group=FaqEntry.group_id))))
            assert listed == {e.id for e in entries if may_see(reader, of_faq(e))}, reader
