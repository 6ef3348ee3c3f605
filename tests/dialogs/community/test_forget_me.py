"""`forget me` / `احذف بياناتي`: after a member confirms, nothing in any table names them any more — not their
name, e-mail, Microsoft id or Teams id — while the minutes, decisions, actions and vote counts they took part in
still read whole, with a "former member" in their place. Admins do it for someone who left; nobody else can."""

from __future__ import annotations

import json
from typing import Any

import pytest
from sqlalchemy import select, text

from dialogs.community.forget import FORMER_MEMBER
from storage.models import AuditLog, Member, Proposal
from storage.models.base import Base
from tests.chat import Chat, converse
from tests.fakes import FakeClock

OMAR = {"name": "عمر خليل", "email": "omar.khalil@redcrescent.example", "aad": "c0ffee00-1111-4222-8333-omar0000000a"}


@pytest.fixture
async def chat(sessions, clock: FakeClock) -> Chat:
    """Omar (a member, with an e-mail and a Microsoft id) has done a bit of everything; so have others about him."""
    chat = await Chat(sessions, clock).start()
    async with sessions.begin() as session:
        omar = await session.get(Member, chat.ids["member"])
        assert omar is not None
        omar.email, omar.aad_object_id = OMAR["email"], OMAR["aad"]
    lines = [
        ("facilitator", "group add Cash | Cash transfers"),
        ("member", "group join Cash"),
        ("facilitator", "meeting add Monthly follow-up | 2026-11-26 10:00"),
        ("facilitator", "agenda add Flood triggers | presented by <at>عمر خليل</at> | presenter <at>عمر خليل</at>"),
        ("member", "agenda add Cash values for عمر خليل's area | ask omar.khalil@redcrescent.example"),
        ("member", "action add Share the 4W data | me | 2026-12-01 | group Cash"),
        ("facilitator", "action add Call <at>عمر خليل</at> about thresholds | <at>عمر خليل</at> <at>Leila Haddad</at>"),
        ("facilitator", "poll Where should we meet? | Amman | Beirut | anonymous"),
        ("member", "vote 1 2"),
        ("member", "اسأل هل يمكن للمراقبين حضور الاجتماع العام؟"),
        ("facilitator", "role <at>عمر خليل</at> facilitator"),
        ("facilitator", "role <at>عمر خليل</at> member"),
    ]
    for who, says in lines:
        said = await chat.say(says, as_=who)
        assert not said.key.endswith(("-usage", "invalid", "unknown")), (says, said.key, said.text)
    clock.advance(days=1, hours=23, minutes=30)  # the meeting is on
    for says in (
        "attended 1 <at>عمر خليل</at> <at>Leila Haddad</at>",
        "decision add Adopt عمر خليل's thresholds | meeting 1",
        "meeting close 1",
        "minutes publish 1",
    ):
        said = await chat.say(says, as_="facilitator")
        assert not said.key.endswith(("-usage", "invalid", "unknown")), (says, said.key, said.text)
    return chat


async def traces(chat: Chat, needles: list[str]) -> list[str]:
    """Every column of every table whose value holds one of `needles` (JSON read as text, decoded)."""
    found = []
    async with chat.sessions() as session:
        for table in Base.metadata.sorted_tables:
            for row in (await session.execute(table.select())).mappings():
                for column, value in row.items():
                    shown = _as_text(value)
                    found += [f"{table.name}.{column}: {shown[:80]!r}" for needle in needles if needle in shown]
        # the database itself, not only what the ORM maps: no table left out
        names = await session.run_sync(lambda s: s.connection().dialect.get_table_names(s.connection()))
        assert set(Base.metadata.tables) <= set(names) | {"alembic_version"}
    return found


def _as_text(value: Any) -> str:
    if isinstance(value, dict | list):
        return json.dumps(value, ensure_ascii=False)
    return "" if value is None else str(value)


async def test_forget_me_leaves_no_trace_and_the_records_still_read(chat: Chat) -> None:
    needles = [OMAR["name"], OMAR["email"], OMAR["aad"], "29:1omar"]
    assert len(await traces(chat, needles)) >= 5  # he is in several tables before

    asked = await chat.say("احذف بياناتي", as_="member")
    assert asked.key == "forget-confirm" and "محو بيانات عمر خليل" in asked.text
    assert await traces(chat, [OMAR["email"]])  # asking erases nothing
    done = await chat.submit({"verb": "forget-confirm", "member": chat.ids["member"]}, as_="member")
    assert done.key == "forget-done" and "عضو سابق" in done.text

    assert await traces(chat, needles) == []
    minutes = await chat.say("minutes 1", as_="facilitator")
    assert minutes.key == "minutes" and FORMER_MEMBER in minutes.text and "Adopt" in minutes.text
    action = await chat.say("action 2", as_="facilitator")
    assert "Owners:" in action.text and FORMER_MEMBER in action.text
    async with chat.sessions() as session:
        poll = await session.scalar(select(Proposal))
        assert poll is not None and poll.anonymous
        assert await session.scalar(text("SELECT count(*) FROM vote")) == 1  # the vote still counts
        erased = await session.scalar(select(AuditLog).where(AuditLog.action == "member.erased"))
        assert erased is not None and erased.before is None and erased.after is None


REFUSALS = [
    ("member", "forget Leila Haddad", "forget-admins-only", "إلا المشرفون"),
    ("guest", "forget Leila Haddad", "forget-admins-only", "Only admins"),
    ("member", "احذف بيانات Leila Haddad", "forget-admins-only", "لا يمحو بيانات غيرك إلا المشرفون"),
    ("admin", "forget Leila Haddad", "forget-still-member", "Leila Haddad is still a member"),
    ("admin", "forget Nobody Here", "forget-who", "No one called “Nobody Here”"),
    ("guest", "forget me", "forget-confirm", "Erase the data of Sami Nasser?"),
]


async def test_only_the_member_or_an_admin_after_they_left(chat: Chat) -> None:
    await converse(chat, REFUSALS)
    leila = chat.ids["facilitator"]
    assert (await chat.submit({"verb": "forget-confirm", "member": leila}, as_="member")).key == "forget-admins-only"
    async with chat.sessions.begin() as session:
        row = await session.get(Member, leila)
        assert row is not None
        row.active = False  # she left the team
    asked = await chat.say("forget Leila Haddad", as_="admin")
    assert asked.key == "forget-confirm" and "Erase the data of Leila Haddad?" in asked.text
    done = await chat.submit({"verb": "forget-confirm", "member": leila}, as_="admin")
    assert done.key == "forget-done"
    assert await traces(chat, ["Leila Haddad", "29:1leila"]) == []
    again = await chat.submit({"verb": "forget-confirm", "member": leila}, as_="admin")
    assert again.key == "forget-already-done"
