"""Reminders arrive once: a slow chat holds up only itself, a stop (SIGTERM) finishes or releases what is in hand,
a send of unknown outcome is tried once more after a pause and then parked, two replicas re-plan without clashing,
and a redelivered activity runs once."""

from __future__ import annotations

import asyncio

import pytest
from sqlalchemy import event, func, select, text
from sqlalchemy.exc import OperationalError

from bot.cards.render import Renderer
from bot.i18n import Catalogs
from bot.outbound.dispatcher import LEASE, REPLAN_LOCK, UNKNOWN_PAUSE, Dispatcher
from bot.outbound.notifier import Notifier, RetryPolicy
from dialogs.features import build_registry
from storage.db import create_engine, session_factory
from storage.models import Action, Notification
from tests.fake_connector import Failure
from tests.server import OMAR, SAMI, connections, make_dispatcher, mention


async def assign(bot, person: dict, title: str) -> None:
    """Leila gives `person` an action point: a notice to their 1:1 chat is planned, due at once."""
    activity = bot.activity("personal_message_en", text=f"action add {title} | <at>{person['name']}</at> | 2026-12-03")
    activity["entities"] = [*activity.get("entities", []), mention(person)]
    await bot.replies(activity)


async def notices(sessions) -> dict[str, tuple[str, int, bool, bool]]:
    """Each action-assigned row by its action's title: status, unknown sends, leased, marked as being sent."""
    async with sessions() as session:
        rows = (await session.execute(select(Notification).where(Notification.kind == "action-assigned"))).scalars()
        titles = {f"notice:action:{id_}": text for id_, text in await session.execute(select(Action.id, Action.text))}
        return {
            titles[row.subject]: (
                row.status,
                row.unknown_sends,
                row.claimed_until is not None,
                row.send_started_at is not None,
            )
            for row in rows
        }


def dispatcher_with(sessions, clock, sleep, *, timeout: float) -> Dispatcher:
    """make_dispatcher's, with a shorter wait for Teams' answer."""
    return Dispatcher(
        sessions,
        registry=build_registry(),
        notifier=Notifier(connections(), sleep=sleep, retry=RetryPolicy(timeout=timeout)),
        renderer=Renderer(Catalogs(), clock=clock),
        clock=clock,
    )


async def until(condition, seconds: float = 10.0) -> None:
    for _ in range(int(seconds / 0.02)):
        if condition():
            return
        await asyncio.sleep(0.02)
    raise AssertionError("condition not met in time")


async def test_a_hanging_chat_holds_up_only_its_own_row(bot, sessions, clock, sleep) -> None:
    await bot.install()
    await assign(bot, OMAR, "Share the 4W data")
    await assign(bot, SAMI, "Update contacts")
    bot.connector.posted.clear()
    held = bot.connector.hold(OMAR["id"])  # Teams does not answer "create conversation" for Omar

    sending = asyncio.create_task(make_dispatcher(sessions, clock, sleep).run_once())
    try:
        sami_chat = bot.connector.personal_chat_id(SAMI["id"])
        await until(lambda: [p.conversation_id for p in bot.connector.posted] == [sami_chat])
        assert not sending.done()  # Sami has his while Omar's chat still hangs
    finally:
        held.release()
    tally = await sending
    assert tally.sent == 2 and len(bot.connector.posted) == 2


async def test_a_stop_lets_the_row_in_flight_finish_and_leaves_nothing_leased(bot, sessions, clock, sleep) -> None:
    await bot.install()
    await assign(bot, OMAR, "Share the 4W data")
    await assign(bot, SAMI, "Update contacts")
    bot.connector.posted.clear()
    held = bot.connector.hold(OMAR["id"])
    dispatcher = make_dispatcher(sessions, clock, sleep)
    sending = asyncio.create_task(dispatcher.run_once())
    await until(lambda: len(bot.connector.posted) == 1 and held.arrived.is_set())  # Sami's sent, Omar's in flight

    stopping = asyncio.create_task(dispatcher.stop(drain=10))
    await asyncio.sleep(0.2)
    assert not stopping.done()  # waiting for the send in flight, not cutting it off
    held.release()
    await stopping
    await sending
    assert await notices(sessions) == {
        "Share the 4W data": ("sent", 0, False, False),
        "Update contacts": ("sent", 0, False, False),
    }
    assert (await dispatcher.run_once()).ids == []  # stopped: claims nothing more


async def test_a_stop_that_cannot_wait_releases_the_row_and_it_is_sent_once_more_after_a_pause(
    bot, sessions, clock, sleep
) -> None:
    await bot.install()
    await assign(bot, OMAR, "Share the 4W data")
    bot.connector.posted.clear()
    held = bot.connector.hold(OMAR["id"])
    dispatcher = make_dispatcher(sessions, clock, sleep)
    sending = asyncio.create_task(dispatcher.run_once())
    await until(held.arrived.is_set)
    await dispatcher.stop(drain=0.2)
    await sending
    held.release()
    # released at once (no lease for minutes), and marked: whether Teams got it is unknown
    assert await notices(sessions) == {"Share the 4W data": ("pending", 0, False, True)}

    after_restart = make_dispatcher(sessions, clock, sleep)
    await after_restart.run_once()
    assert await notices(sessions) == {"Share the 4W data": ("pending", 1, False, False)}
    assert bot.connector.posted == []  # not at once: after a pause
    clock.advance(seconds=UNKNOWN_PAUSE.total_seconds() + 1)
    await after_restart.run_once()
    assert await notices(sessions) == {"Share the 4W data": ("sent", 1, False, False)}
    assert len(bot.connector.posted) == 1


async def test_a_send_of_unknown_outcome_is_tried_once_more_then_parked(bot, sessions, clock, sleep) -> None:
    await bot.install()
    await bot.replies(bot.activity("personal_message_ar", text="مساعدة"))  # Omar's chat is known
    await assign(bot, OMAR, "Share the 4W data")
    omar_chat = bot.activity("personal_message_ar")["conversation"]["id"]
    slow = [Failure(503, delay=1.0), Failure(503, delay=1.0)]  # no answer within the 0.2 s the sender waits
    bot.connector.fail_next(omar_chat, slow)
    dispatcher = dispatcher_with(sessions, clock, sleep, timeout=0.2)

    await dispatcher.run_once()
    assert await notices(sessions) == {"Share the 4W data": ("pending", 1, False, False)}
    assert bot.connector.requests[omar_chat] == 1  # not repeated at once
    await dispatcher.run_once()
    assert bot.connector.requests[omar_chat] == 1  # nor by the next tick

    clock.advance(seconds=UNKNOWN_PAUSE.total_seconds() + 1)
    await dispatcher.run_once()
    assert await notices(sessions) == {"Share the 4W data": ("parked", 2, False, False)}
    assert bot.connector.requests[omar_chat] == 2  # at most twice, never in a loop
    async with sessions() as session:
        reason = await session.scalar(select(Notification.last_error).where(Notification.kind == "action-assigned"))
    assert reason is not None and reason.startswith("unknown-outcome")
    shown = await bot.replies(bot.activity("personal_message_en", text="reminders failed"))
    assert "Teams did not answer twice; it may have arrived" in str(shown)  # what a facilitator is told


async def test_two_replicas_replanning_at_once_plan_each_reminder_once(
    bot, database_url, sessions, clock, sleep
) -> None:
    await bot.install()
    await bot.replies(bot.activity("personal_message_en", text="meeting add Monthly follow-up | 2026-12-20 10:00"))
    async with sessions.begin() as session:
        await session.execute(Notification.__table__.delete())
    replicas = [create_engine(database_url) for _ in range(2)]
    try:
        dispatchers = [make_dispatcher(session_factory(engine), clock, sleep) for engine in replicas]
        await asyncio.gather(*(d.replan_all() for d in dispatchers))
        await asyncio.gather(*(d.replan_all() for d in dispatchers))
    finally:
        for engine in replicas:
            await engine.dispose()
    async with sessions() as session:
        keys = list(await session.scalars(select(Notification.dedup_key)))
    assert keys and len(keys) == len(set(keys))


async def test_a_replan_is_skipped_while_another_replica_replans(bot, engine, sessions, clock, sleep) -> None:
    if engine.dialect.name != "postgresql":
        pytest.skip("replicas share a PostgreSQL database (SQLite runs in one process)")
    await bot.install()
    await bot.replies(bot.activity("personal_message_en", text="meeting add Monthly follow-up | 2026-12-20 10:00"))
    async with sessions.begin() as session:
        await session.execute(Notification.__table__.delete())
    dispatcher = make_dispatcher(sessions, clock, sleep)
    async with engine.connect() as other_replica:  # mid-way through its own re-plan
        await other_replica.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": REPLAN_LOCK})
        await dispatcher.replan_all()
        async with sessions() as session:
            assert await session.scalar(select(func.count()).select_from(Notification)) == 0  # left to the other
    await dispatcher.replan_all()
    async with sessions() as session:
        assert await session.scalar(select(func.count()).select_from(Notification)) > 0


@pytest.mark.parametrize("at_once", [False, True], ids=["later", "at-once"])
async def test_a_redelivered_activity_runs_once(bot, sessions, at_once: bool) -> None:
    await bot.install()
    activity = bot.activity("personal_message_en", text="action add Share the 4W data | me | 2026-12-10")
    if at_once:
        answers = await asyncio.gather(bot.replies(activity), bot.replies(activity))
    else:
        answers = [await bot.replies(activity), await bot.replies(activity)]
    async with sessions() as session:
        assert await session.scalar(select(func.count()).select_from(Action)) == 1
    # the redelivery is not answered again (the first time: the answer, and the privacy line of a first turn)
    assert sorted(len(replies) for replies in answers) == [0, 2]
    again = bot.activity("personal_message_en", text="action add Share the 4W data | me | 2026-12-10")
    await bot.replies(again)  # the same words in a new message: a second action, as the member asked
    async with sessions() as session:
        assert await session.scalar(select(func.count()).select_from(Action)) == 2


async def test_a_send_whose_outcome_the_database_refuses_is_not_sent_again_as_our_error(
    bot, engine, sessions, clock, sleep
) -> None:
    await bot.install()
    await bot.replies(bot.activity("personal_message_ar", text="مساعدة"))  # Omar's chat is known
    await assign(bot, OMAR, "Share the 4W data")
    omar_chat = bot.activity("personal_message_ar")["conversation"]["id"]
    refusing = True

    def database_down(_conn, _cursor, statement: str, *_: object) -> None:  # Teams answers; the database does not
        if refusing and statement.startswith("UPDATE notification SET status"):
            raise OperationalError(statement, {}, Exception("database is locked"))

    event.listen(engine.sync_engine, "before_cursor_execute", database_down)
    try:
        dispatcher = make_dispatcher(sessions, clock, sleep)
        await dispatcher.run_once()
        assert bot.connector.requests[omar_chat] == 1
        assert await notices(sessions) == {"Share the 4W data": ("pending", 0, True, True)}  # still marked as sent
        refusing = False
        await dispatcher.run_once()
        assert bot.connector.requests[omar_chat] == 1  # not sent again while its lease runs

        clock.advance(seconds=LEASE.total_seconds() + 1)
        await dispatcher.run_once()  # found still marked: a send of unknown outcome, tried once more after a pause
        assert await notices(sessions) == {"Share the 4W data": ("pending", 1, False, False)}
        assert bot.connector.requests[omar_chat] == 1
        clock.advance(seconds=UNKNOWN_PAUSE.total_seconds() + 1)
        await dispatcher.run_once()
        assert await notices(sessions) == {"Share the 4W data": ("sent", 1, False, False)}
        assert bot.connector.requests[omar_chat] == 2
    finally:
        event.remove(engine.sync_engine, "before_cursor_execute", database_down)
