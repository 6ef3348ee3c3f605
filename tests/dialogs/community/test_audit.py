"""`audit` / `السجل`: facilitators read who changed what, with before and after, filtered by member, kind and day,
a page at a time, in their language; members are refused."""

from __future__ import annotations

import pytest

from tests.chat import Chat, converse
from tests.fakes import FakeClock

CONVERSATION = [
    ("facilitator", "action add Share the 4W data | me | 2026-12-01", "action-added"),
    ("facilitator", "action due 1 2026-12-08", "action-due"),
    ("member", "tz Europe/London", "tz-set"),
    ("facilitator", "role <at>عمر خليل</at> facilitator", "role-set"),
    # refusals and mistakes
    ("guest", "audit", "not-facilitator", "Sorry, only facilitators"),
    ("facilitator", "audit colour blue", "audit-usage", "`audit @Omar`"),
    ("facilitator", "audit since tomorrow", "day-in-future", "has not come yet"),
    # what facilitators read
    ("facilitator", "audit", "audit", "changes, newest first", "Leila Haddad\nchanged a role · عمر خليل"),
    ("facilitator", "audit", "audit", "due: Dec 1, 2026 → Dec 8, 2026", "changed a due date · action #1"),
    (
        "facilitator",
        "audit <at>عمر خليل</at>",
        "audit",
        "by or about عمر خليل",
        "changed a time zone",
        "member → facilitator",
    ),
    ("facilitator", "audit <at>عمر خليل</at>", "audit", "time zone: — → Europe/London"),
    ("admin", "audit actions since 1 November", "audit", "2 changes", "Since Nov 1, 2026", "recorded an action"),
    ("admin", "audit meetings", "audit", "0 changes", "Nothing was changed that matches."),
    ("member", "السجل إجراءات", "audit", "تغييران", "سجّل إجراءً · الإجراء ١", "غيّر موعد استحقاق"),
    ("member", "السجل منذ ١ نوفمبر", "audit", "منذ ٠١", "غيّر دورًا · عمر خليل", "الدور: member ← facilitator"),
]


@pytest.fixture
async def chat(sessions, clock: FakeClock) -> Chat:
    return await Chat(sessions, clock).start()


async def test_audit_conversation(chat: Chat) -> None:
    await converse(chat, CONVERSATION)


async def test_the_older_button_pages_back_with_the_same_filters(chat: Chat) -> None:
    for day in range(1, 11):
        await chat.say(f"action add Report {day} | me", as_="facilitator")
    first = await chat.say("audit actions", as_="facilitator")
    assert "10 changes" in first.text and "Page 1 of 2." in first.text and "action #10" in first.text
    older = await chat.submit(
        {"verb": "audit-page", "page": 2, "kind": "action", "member": None, "since": None}, as_="facilitator"
    )
    assert older.key == "audit" and "action #2" in older.text and "action #10" not in older.text
    assert (await chat.submit({"verb": "audit-page", "page": 9}, as_="facilitator")).key == "audit-page-unknown"
    assert (
        await chat.submit({"verb": "audit-page", "page": 1, "kind": "x"}, as_="facilitator")
    ).key == "card-data-invalid"
    assert (await chat.submit({"verb": "audit-page", "page": 1}, as_="guest")).key == "not-facilitator"
