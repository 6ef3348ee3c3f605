"""The outbox does not grow for ever, and its claim reads a small index: sent, cancelled and skipped rows older than
the retention (the deployment's, or the community's own) are deleted in short batches (pending and parked rows stay),
by an hourly job of the scheduler; the claim query's predicate is the partial index's, so the database reads only
pending rows."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest
from sqlalchemy import select

from bot.app import REMINDERS, create_app
from bot.outbound import dispatcher as dispatching
from bot.outbound import scheduler as scheduling
from bot.outbound.dispatcher import claim_query
from bot.outbound.scheduler import UPKEEP, ReminderScheduler
from dialogs.common.privacy_policy import PrivacyPolicy
from storage.models import Community, Member, Notification
from tests.server import make_dispatcher, settings_for

RETENTION = timedelta(days=90)


async def outbox(
    sessions, clock, rows: list[tuple[str, str, timedelta]], *, settings: dict | None = None
) -> dict[str, int]:
    """A community (with its privacy `settings`) with one member and outbox rows (name, status, due how long ago);
    their ids by name."""
    async with sessions.begin() as session:
        community = Community(name="Shelter cluster", tenant_id="tenant", privacy_settings=settings or {})
        session.add(community)
        await session.flush()
        member = Member(community_id=community.id, teams_user_id="29:1omar", name="Omar Khalil")
        session.add(member)
        await session.flush()
        added = {
            name: Notification(
                community_id=community.id,
                member_id=member.id,
                kind="action-due-soon",
                dedup_key=name,
                status=status,
                due_at=clock() - ago,
                sent_at=clock() - ago if status == "sent" else None,
            )
            for name, status, ago in rows
        }
        session.add_all(added.values())
    return {name: row.id for name, row in added.items()}


async def remaining(sessions) -> set[str]:
    async with sessions() as session:
        return set(await session.scalars(select(Notification.dedup_key)))


async def test_rows_older_than_the_retention_are_deleted_and_the_rest_stay(sessions, clock, sleep) -> None:
    await outbox(
        sessions,
        clock,
        [
            ("sent-old", "sent", RETENTION + timedelta(days=1)),
            ("cancelled-old", "cancelled", RETENTION + timedelta(days=30)),
            ("skipped-old", "skipped", RETENTION + timedelta(hours=1)),
            ("sent-new", "sent", RETENTION - timedelta(hours=1)),
            ("cancelled-new", "cancelled", timedelta(days=3)),
            ("cancelled-ahead", "cancelled", -timedelta(days=20)),  # cancelled before it fell due
            ("pending-old", "pending", RETENTION * 2),  # never sent (the bot was down): still to send
            ("parked-old", "parked", RETENTION * 2),  # `reminders failed` still shows it
            ("pending-ahead", "pending", -timedelta(days=7)),
        ],
    )
    dispatcher = make_dispatcher(sessions, clock, sleep)
    assert await dispatcher.purge() == {"reminders": 3, "questions": 0, "tickets": 0, "audit": 0}
    assert await remaining(sessions) == {
        "sent-new",
        "cancelled-new",
        "cancelled-ahead",
        "pending-old",
        "parked-old",
        "pending-ahead",
    }
    assert (await dispatcher.purge())["reminders"] == 0


async def test_each_community_keeps_its_messages_as_long_as_its_admins_chose(sessions, clock, sleep) -> None:
    ago = timedelta(days=40)
    await outbox(sessions, clock, [("kept-40", "sent", ago)])  # the deployment's 90 days
    await outbox(sessions, clock, [("short-40", "sent", ago)], settings={"retention": {"reminders": 30}})
    await outbox(sessions, clock, [("forever", "sent", timedelta(days=4000))], settings={"retention": {"reminders": 0}})
    await make_dispatcher(sessions, clock, sleep).purge()
    assert await remaining(sessions) == {"kept-40", "forever"}


async def test_a_large_backlog_goes_in_short_batches_over_several_runs(sessions, clock, sleep, monkeypatch) -> None:
    monkeypatch.setattr(dispatching, "PURGE_BATCH", 2)
    monkeypatch.setattr(dispatching, "PURGE_BATCHES", 2)
    monkeypatch.setattr(dispatching, "PURGE_PAUSE", 0)
    old = RETENTION + timedelta(days=1)
    await outbox(sessions, clock, [*((f"sent-{n}", "sent", old) for n in range(5)), ("parked", "parked", old)])
    dispatcher = make_dispatcher(sessions, clock, sleep)
    assert (await dispatcher.purge())["reminders"] == 4  # two transactions of two rows, then the run ends
    assert (await dispatcher.purge())["reminders"] == 1
    assert await remaining(sessions) == {"parked"}


async def test_the_scheduler_purges_with_the_configured_retention(
    database_url, tmp_path, sessions, clock, sleep
) -> None:
    app = create_app(settings_for(database_url, tmp_path, reminders_enabled=True, outbox_retention_days=30))
    assert app[REMINDERS].dispatcher.policy.reminders == 30

    await outbox(sessions, clock, [("sent-old", "sent", timedelta(days=31)), ("sent-new", "sent", timedelta(days=29))])
    dispatcher = make_dispatcher(sessions, clock, sleep)
    dispatcher.policy = PrivacyPolicy(reminders=30)
    scheduler = ReminderScheduler(dispatcher, tick_seconds=3600, name="purging")
    scheduler.start()
    scheduler.scheduler.pause()  # no job runs by itself in this test
    try:
        assert scheduler.scheduler.get_job(UPKEEP) is not None
        await scheduling.upkeep("purging")  # what the hourly job runs
    finally:
        await scheduler.stop()
    assert await remaining(sessions) == {"sent-new"}

    await outbox(sessions, clock, [("sent-long-ago", "sent", timedelta(days=3650))])
    dispatcher.policy = PrivacyPolicy(reminders=0)
    await dispatcher.purge()
    assert await remaining(sessions) == {"sent-new", "sent-long-ago"}  # no retention set: nothing is purged


async def test_the_claim_reads_the_partial_index_of_pending_rows(engine, clock) -> None:
    """SQLite's plan of the dispatcher's very claim query (PostgreSQL's planner picks by cost: the predicate is the
    index's there too, a literal, so even a generic prepared plan can use it)."""
    if engine.dialect.name != "sqlite":
        pytest.skip("the plan is checked on SQLite")
    compiled = claim_query(clock()).compile(dialect=engine.dialect)
    values = [compiled.params[name] for name in compiled.positiontup or ()]
    values = [value.isoformat() if isinstance(value, datetime) else value for value in values]
    assert "'pending'" in str(compiled)  # a literal, not a bound parameter
    async with engine.connect() as connection:
        plan = (await connection.exec_driver_sql(f"EXPLAIN QUERY PLAN {compiled}", tuple(values))).all()
    assert any("USING INDEX ix_notification_pending_due" in str(step) for step in plan), plan
