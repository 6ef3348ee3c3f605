"""Decisions, attendance and minutes: drafted from what the meeting did, edited, approved, published;
confidential points never reach the published minutes."""

from __future__ import annotations

import pytest

from tests.chat import Chat
from tests.fakes import FakeClock


@pytest.fixture
async def held(sessions, clock: FakeClock) -> Chat:
    """A meeting on 3 December with three agenda items, held (the clock is an hour into it)."""
    chat = await Chat(sessions, clock).start()
    await chat.say("meeting add Monthly follow-up | 2026-12-03 10:00 | every month | UN House", as_="facilitator")
    await chat.say("agenda add Flood early-warning triggers", as_="member")
    await chat.say("agenda add Staff security incident | | confidential", as_="member")
    await chat.say("agenda add Cash values", as_="member")
    for number in (1, 2, 3):
        await chat.say(f"agenda accept {number}", as_="facilitator")
    clock.advance(days=9, hours=-1)  # 3 December 08:00 UTC = 10:00 Beirut
    return chat


async def test_decisions_attendance_and_a_draft_before_publishing(held: Chat) -> None:
    assert (await held.say("decision add Adopt the shared 4W template", as_="member")).key == "not-facilitator"
    assert (await held.say("decision add", as_="facilitator")).key == "decision-text-missing"
    assert (await held.say("decision add Something | item 99", as_="facilitator")).key == "agenda-unknown"
    said = await held.say("decision add Adopt the shared thresholds | item 1", as_="facilitator")
    assert said.key == "decision-added" and "on item #1" in said.text
    await held.say("decision add Relocate the team | item 2", as_="facilitator")
    await held.say("قرار إضافة توحيد قيم التحويلات النقدية", as_="facilitator")
    await held.say("action add Share the thresholds table | <at>عمر خليل</at> | 10 December", as_="facilitator")
    assert (await held.say("attended 1", as_="facilitator")).key == "attended-usage"
    attended = await held.say("attended 1 <at>عمر خليل</at> <at>Leila Haddad</at>", as_="facilitator")
    assert attended.key == "attendance-recorded" and "2 attendees" in attended.text

    assert (await held.say("minutes 1", as_="member")).key == "minutes-not-published"
    draft = await held.say("minutes 1", as_="facilitator")
    assert draft.key == "minutes"
    text = draft.text
    for words in (
        "Draft minutes",
        "عمر خليل, Leila Haddad",
        "Flood early-warning triggers",
        "Adopt the shared thresholds",
        "توحيد قيم التحويلات النقدية",
        "Share the thresholds table — عمر خليل · Dec 10, 2026",
        "2 confidential points are kept out of them.",  # the item, and the decision on it
    ):
        assert words in text, words
    assert "Staff security incident" not in text and "Relocate the team" not in text


async def test_publishing_needs_a_closed_meeting_and_then_posts_to_the_channel(held: Chat) -> None:
    await held.say("decision add Adopt the shared thresholds | item 1", as_="facilitator")
    assert (await held.say("minutes publish 1", as_="facilitator")).key == "minutes-close-first"
    assert (await held.say("minutes publish 1", as_="member")).key == "not-facilitator"
    edited = await held.say("minutes edit 1 | We reviewed the triggers and agreed new thresholds.", as_="facilitator")
    assert "We reviewed the triggers" in edited.text
    await held.say("meeting close 1", as_="facilitator")
    published = await held.say("minutes publish 1", as_="facilitator")
    assert published.key == "minutes-published" and published.replies[0].to_channel is True
    assert "Draft" not in published.text and "The minutes are published." in published.text
    assert (await held.say("minutes publish 1", as_="facilitator")).key == "minutes-already-published"
    assert (await held.say("minutes edit 1 | too late", as_="facilitator")).key == "minutes-already-published"
    member = await held.say("محضر ١", as_="member")
    assert member.key == "minutes" and "المحضر — Monthly follow-up" in member.text
    assert "نوقش" in member.text and "We reviewed the triggers" in member.text


async def test_two_facilitators_must_sign_off_when_the_community_asks_for_it(held: Chat) -> None:
    assert (await held.say("minutes approvals 3", as_="facilitator")).key == "minutes-approvals-usage"
    assert (await held.say("minutes approvals 2", as_="facilitator")).key == "minutes-approvals-set"
    await held.say("meeting close 1", as_="facilitator")
    first = await held.say("minutes publish 1", as_="facilitator")
    assert first.key == "minutes-approval-recorded" and "(1 of 2)" in first.text
    assert (await held.say("minutes publish 1", as_="facilitator")).key == "minutes-approved-already"
    assert (await held.say("minutes 1", as_="member")).key == "minutes-not-published"
    second = await held.say("minutes publish 1", as_="admin")
    assert second.key == "minutes-published"
    assert "approved by Leila Haddad, Amal Zoubi" in second.text


async def test_nothing_to_minute_before_any_meeting(sessions, clock: FakeClock) -> None:
    chat = await Chat(sessions, clock).start()
    assert (await chat.say("decision add Something", as_="facilitator")).key == "no-meeting-held"
    await chat.say("meeting add Follow-up | 2026-12-03 10:00", as_="facilitator")
    assert (await chat.say("minutes 1", as_="facilitator")).key == "meeting-not-started"
    assert (await chat.say("minutes", as_="facilitator")).key == "minutes-usage"


async def test_published_minutes_stay_as_published_and_stay_reachable(held: Chat, clock: FakeClock) -> None:
    await held.say("minutes approvals 2", as_="facilitator")
    await held.say("meeting close 1", as_="facilitator")
    await held.say("minutes publish 1", as_="facilitator")
    await held.say("minutes edit 1 | A new summary Leila has not seen.", as_="admin")
    again = await held.say("minutes publish 1", as_="admin")  # the edit took back Leila's approval
    assert again.key == "minutes-approval-recorded" and "(1 of 2)" in again.text
    assert (await held.say("minutes publish 1", as_="facilitator")).key == "minutes-published"
    assert (await held.say("decision add Too late", as_="facilitator")).key == "decision-last-minutes-published"
    late = await held.say("attended 1 <at>Sami Nasser</at>", as_="facilitator")
    assert late.key == "minutes-already-published-change"
    clock.advance(days=2)
    await held.say("action add Written the day after | me", as_="facilitator")  # not an action of the meeting
    clock.advance(days=29)  # January's meeting has started: members still read December's minutes
    member = await held.say("minutes 1", as_="member")
    assert member.key == "minutes" and "A new summary" in member.text
    assert "Written the day after" not in member.text
