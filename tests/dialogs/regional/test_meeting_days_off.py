"""A meeting planned on some members' weekend or public holiday: who, and why, for the facilitator's warning (each
member's own day in their own zone; the community is in Beirut, its weekend Friday–Saturday)."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from bot.i18n import plain
from dialogs.regional.meetings import days_off_at, days_off_warning
from storage.models import Community, WorkingGroup, WorkingGroupMember
from tests.chat import Chat
from tests.fakes import FakeClock


@pytest.fixture
async def chat(sessions, clock: FakeClock) -> Chat:
    chat = await Chat(sessions, clock).start()
    await chat.say("tz Africa/Tunis", as_="member")  # عمر خليل: Saturday–Sunday, Tunisia's holidays
    await chat.say("tz Asia/Riyadh", as_="admin")  # Amal Zoubi: Friday–Saturday, Saudi holidays
    return chat


async def who_is_off(chat: Chat, starts_at: datetime, *, group_id: int | None = None) -> list[tuple[str, str]]:
    async with chat.sessions() as session:
        community = await session.get(Community, chat.community_id)
        assert community is not None
        found = await days_off_at(session, community=community, starts_at=starts_at, group_id=group_id)
    return [(day_off.name, day_off.reason) for day_off in found]


async def test_a_sunday_meeting_is_the_weekend_in_tunis_only(chat: Chat) -> None:
    assert await who_is_off(chat, datetime(2026, 12, 6, 8, 0, tzinfo=UTC)) == [("عمر خليل", "weekend")]


async def test_a_friday_meeting_is_the_weekend_for_all_but_tunis(chat: Chat) -> None:
    off = await who_is_off(chat, datetime(2026, 12, 4, 8, 0, tzinfo=UTC))
    assert off == [("Amal Zoubi", "weekend"), ("Leila Haddad", "weekend"), ("Sami Nasser", "weekend")]


async def test_public_holidays_by_country(chat: Chat) -> None:
    # Thursday 14 January 2027: Tunisia's Revolution and Youth Day
    assert await who_is_off(chat, datetime(2027, 1, 14, 8, 0, tzinfo=UTC)) == [("عمر خليل", "holiday")]
    # Wednesday 6 January 2027: a public holiday in Lebanon (the community's country: those with no zone of their own)
    assert await who_is_off(chat, datetime(2027, 1, 6, 8, 0, tzinfo=UTC)) == [
        ("Leila Haddad", "holiday"),
        ("Sami Nasser", "holiday"),
    ]


async def test_a_groups_meeting_looks_at_its_members_only(chat: Chat) -> None:
    async with chat.sessions.begin() as session:
        group = WorkingGroup(community_id=chat.community_id, name="Cash")
        session.add(group)
        await session.flush()
        session.add(WorkingGroupMember(group_id=group.id, member_id=chat.ids["facilitator"]))
        group_id = group.id
    assert await who_is_off(chat, datetime(2026, 12, 6, 8, 0, tzinfo=UTC), group_id=group_id) == []
    off = await who_is_off(chat, datetime(2026, 12, 4, 8, 0, tzinfo=UTC), group_id=group_id)
    assert off == [("Leila Haddad", "weekend")]


async def test_the_warning_names_them_and_the_holiday_in_the_readers_language(chat: Chat) -> None:
    async with chat.sessions() as session:
        community = await session.get(Community, chat.community_id)
        assert community is not None
        found = await days_off_at(session, community=community, starts_at=datetime(2027, 1, 14, 8, 0, tzinfo=UTC))
    warning = days_off_warning(found)
    assert warning is not None
    english = plain(chat.renderer.text(warning, lang="en", zone="Asia/Beirut"))
    arabic = plain(chat.renderer.text(warning, lang="ar", zone="Asia/Beirut"))
    assert (
        english
        == "Note: that day is a day off for one member. On a public holiday, Revolution and Youth Day (1): عمر خليل."
    )
    assert arabic == "تنبيه: هذا اليوم عطلة لعضو واحد. في عطلة رسمية، عيد الثورة والشباب (١): عمر خليل."
    assert days_off_warning([]) is None
