"""Teams' limits as reservations: never more than a window allows, the whole rate used, and one budget for every
replica when the pace is kept in PostgreSQL."""

from __future__ import annotations

import asyncio
import heapq
import random

import pytest
from microsoft_agents.hosting.core import MessageFactory

from bot.outbound.notifier import TEAMS_LIMITS, Notifier, Outcome, RateLimits
from bot.outbound.pace import Cell, LocalPace, SharedPace, Window, reserve, take
from storage.db import create_engine, session_factory
from tests.bot.outbound.test_notifier import assert_within, stored_reference
from tests.server import TENANT, connections


def slots_for(arrivals: list[float], cells: tuple[Cell, ...]) -> list[float]:
    state: list[float] | None = None
    slots = []
    for now in arrivals:
        slot, state = reserve(state, cells, now)
        slots.append(slot)
    return slots


@pytest.mark.parametrize("seed", range(20))
def test_no_window_ever_holds_more_than_teams_allows(seed: int) -> None:
    """Random arrivals (bursts, lulls, steady streams) against Teams' thread and tenant windows."""
    rng = random.Random(seed)
    arrivals, now = [], 0.0
    for _ in range(600):
        now += rng.choice([0.0, 0.0, 0.001, 0.05, 0.3, 2.0, 40.0])
        arrivals.append(now)
    for windows, cells in (
        (TEAMS_LIMITS.thread, TEAMS_LIMITS.thread_cells()),
        (TEAMS_LIMITS.tenant, TEAMS_LIMITS.tenant_cells()),
    ):
        slots = slots_for(arrivals, cells)
        assert all(slot >= arrival for slot, arrival in zip(slots, arrivals, strict=True))
        assert slots == sorted(slots)
        assert_within(slots, windows)


def simulate(arrivals: list[tuple[float, str]]) -> list[tuple[float, str]]:
    """Requests (arrival time, conversation) passing their conversation's limits, then their tenant's, through
    `take` as the notifier uses it (a step, a wait for its slot, the next step): when each is sent, and where."""
    keys = {"thread": TEAMS_LIMITS.thread_cells(), "tenant": TEAMS_LIMITS.tenant_cells()}
    states: dict[str, list[float]] = {}
    waiting = [(at, n, chat, 0) for n, (at, chat) in enumerate(arrivals)]
    heapq.heapify(waiting)
    sent = []
    while waiting:
        now, n, chat, passed = heapq.heappop(waiting)
        keyed = [(f"thread:{chat}", keys["thread"]), ("tenant:t", keys["tenant"])][passed:]
        slot, taken, after = take([states.get(key) for key, _ in keyed], keyed, now)
        states.update((key, state) for (key, _), state in zip(keyed, after, strict=False))
        if passed + taken == 2:
            sent.append((slot, chat))
        else:
            heapq.heappush(waiting, (slot, n, chat, passed + taken))
    return sorted(sent)


@pytest.mark.parametrize("seed", range(10))
def test_conversations_and_their_tenant_together_never_exceed_a_window(seed: int) -> None:
    rng = random.Random(seed)
    arrivals, now = [], 0.0
    for _ in range(800):
        now += rng.choice([0.0, 0.0, 0.001, 0.05, 0.3, 2.0])
        arrivals.append((now, rng.choice(["a", "a", "a", "b", "c", *(f"x{i}" for i in range(20))])))
    sent = simulate(arrivals)
    assert len(sent) == len(arrivals)
    assert_within([at for at, _ in sent], TEAMS_LIMITS.tenant)
    for chat in {chat for _, chat in arrivals}:
        assert_within([at for at, to in sent if to == chat], TEAMS_LIMITS.thread)


async def test_a_chat_waiting_its_turn_does_not_hold_up_the_others() -> None:
    """Twelve reminders to one member's chat wait seconds for its windows; meanwhile another member's reminder, in
    the same tenant, goes at once."""
    pace = LocalPace()
    tenant = ("tenant:t", TEAMS_LIMITS.tenant_cells())
    waits = [await pace.take([("thread:busy", TEAMS_LIMITS.thread_cells()), tenant]) for _ in range(12)]
    assert waits[-1][0] > 1 and waits[-1][1] == 1  # its chat's slot is later: the tenant's is not taken yet
    wait, taken = await pace.take([("thread:other", TEAMS_LIMITS.thread_cells()), tenant])
    assert taken == 2 and wait < 0.5


def test_a_tenant_drains_at_its_full_rate_and_a_member_gets_a_few_reminders_at_once() -> None:
    tenant = slots_for([0.0] * 1000, TEAMS_LIMITS.tenant_cells())
    assert 1000 / tenant[-1] == pytest.approx(49, rel=0.01)  # Teams' 50/s, one kept as a margin
    thread = slots_for([0.0] * 4, TEAMS_LIMITS.thread_cells())
    assert thread[:3] == [0.0, 0.0, 0.0] and thread[3] < 0.5


async def test_two_replicas_share_one_tenant_budget(engine, connector) -> None:
    if engine.dialect.name != "postgresql":
        pytest.skip("replicas share the pace through PostgreSQL (SQLite runs in one process)")
    window = Window(10, 0.5)
    limits = RateLimits(tenant=(window,))
    personal = stored_reference(connector, "personal_message_en")
    chats = [{**personal, "conversation": {**personal["conversation"], "id": f"a:1chat{i}"}} for i in range(24)]
    replicas = [create_engine(engine.url.render_as_string(hide_password=False)) for _ in range(2)]
    try:
        notifiers = [Notifier(connections(), pace=SharedPace(session_factory(e)), limits=limits) for e in replicas]
        deliveries = await asyncio.gather(
            *(notifiers[i % 2].send(chat, MessageFactory.text("hi"), tenant_id=TENANT) for i, chat in enumerate(chats))
        )
    finally:
        for replica in replicas:
            await replica.dispose()
    assert all(d.outcome is Outcome.SENT for d in deliveries) and len(connector.posted) == 24
    # the slots are shared (unshared, each replica would send 10 per window: 20 arrivals in one); an arrival may
    # lag its slot by a scheduling delay on a busy 2-core machine
    assert_within(sorted(p.at for p in connector.posted), (window,), jitter=0.05)
