"""An operator scrapes `/metrics` over HTTP and sees turns, questions, reminders, the Bot Connector's answers and the
database pool move as they happen; the Grafana dashboard in the repository queries only metrics the bot has."""

from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path

import aiohttp
import pytest
from aiohttp import web
from aiohttp.test_utils import make_mocked_request
from prometheus_client.parser import text_string_to_metric_families
from sqlalchemy import func, select

from bot.app import SETTINGS, metrics_page
from bot.cards.render import Renderer
from bot.i18n import Catalogs
from bot.metrics import REGISTRY
from bot.outbound.dispatcher import UNKNOWN_PAUSE, Dispatcher
from bot.outbound.notifier import Notifier, RetryPolicy
from bot.settings import Settings
from dialogs.features import build_registry
from storage.models import Notification
from tests.fake_connector import Failure
from tests.server import connections, make_dispatcher

DASHBOARD = Path(__file__).parents[2] / "deploy" / "grafana" / "tansiq.json"
QUESTION = "How do I register for the training workshop?"
ESCALATED = "اسأل هل يمكن للشركاء من خارج المنطقة حضور الاجتماع العام؟"
SERIES_SUFFIXES = {"counter": ("_total",), "histogram": ("_bucket", "_sum", "_count"), "gauge": ("",)}

Samples = Counter[tuple[str, frozenset[tuple[str, str]]]]


async def scrape(bot) -> Samples:
    """GET /metrics as Prometheus does: every sample by name and labels."""
    async with aiohttp.ClientSession() as http, http.get(bot.server.make_url("/metrics")) as response:
        assert response.status == 200
        assert response.headers["Content-Type"].startswith("text/plain")
        body = await response.text()
    samples: Samples = Counter()
    for family in text_string_to_metric_families(body):
        for sample in family.samples:
            samples[(sample.name, frozenset(sample.labels.items()))] += sample.value
    return samples


def moved(before: Samples, after: Samples, name: str, **labels: str) -> float:
    """How much the samples of `name` with (at least) these labels went up between two scrapes."""
    wanted = set(labels.items())
    return sum(after[key] - before[key] for key in set(after) | set(before) if key[0] == name and wanted <= key[1])


async def planned_rows(sessions) -> int:
    async with sessions() as session:
        return await session.scalar(select(func.count()).select_from(Notification)) or 0


async def test_turns_questions_and_reminders_move_the_metrics(bot, sessions, clock, sleep) -> None:
    await bot.install()
    await bot.replies(bot.activity("personal_message_en", text=f"faq add {QUESTION} | Use the form before Friday."))
    rows_before, before = await planned_rows(sessions), await scrape(bot)

    helped = await bot.replies(bot.activity("personal_message_en", text="help"))  # Leila's 1:1 chat is known
    answered = await bot.replies(bot.activity("personal_message_ar", text=QUESTION))
    escalated = await bot.replies(bot.activity("personal_message_ar", text=ESCALATED))  # a ticket to Leila
    assert helped and "Use the form before Friday." in str(answered) and escalated
    tally = await make_dispatcher(sessions, clock, sleep).run_once()
    after = await scrape(bot)

    assert tally.sent == 1
    assert moved(before, after, "tansiq_turns_total", activity_type="message", outcome="answered") == 3
    assert moved(before, after, "tansiq_turn_duration_seconds_count", activity_type="message") == 3
    assert moved(before, after, "tansiq_questions_total", outcome="answered") == 1
    assert moved(before, after, "tansiq_questions_total", outcome="unsure") == 0
    assert moved(before, after, "tansiq_questions_total", outcome="escalated") == 1
    planned = await planned_rows(sessions) - rows_before
    assert planned >= 1 and moved(before, after, "tansiq_reminders_total", event="planned") == planned
    assert moved(before, after, "tansiq_reminders_total", kind="ticket-posted", event="sent") == 1
    assert moved(before, after, "tansiq_reminder_dispatch_lag_seconds_count") == 1
    assert moved(before, after, "tansiq_connector_responses_total", status="2xx") == 1
    assert after[("tansiq_db_pool_size", frozenset())] >= 1
    assert ("tansiq_db_pool_checked_out", frozenset()) in after


async def test_refused_and_unanswered_sends_move_the_metrics(bot, sessions, clock, sleep) -> None:
    await bot.install()
    await bot.replies(bot.activity("personal_message_en", text="help"))  # Leila's 1:1 chat is known
    leila_chat = bot.activity("personal_message_en")["conversation"]["id"]
    before = await scrape(bot)

    await bot.replies(bot.activity("personal_message_ar", text=ESCALATED))
    bot.connector.remove_bot(leila_chat)  # Teams answers 403: parked at once
    assert (await make_dispatcher(sessions, clock, sleep).run_once()).parked == 1
    bot.connector.restore_bot(leila_chat)
    await bot.replies(bot.activity("personal_message_ar", text="اسأل متى يبدأ التسجيل في ورشة التدريب القادمة؟"))
    bot.connector.fail_next(leila_chat, [Failure(503, delay=1.0), Failure(503, delay=1.0)])  # no answer in 0.2 s
    slow = Dispatcher(
        sessions,
        registry=build_registry(),
        notifier=Notifier(connections(), sleep=sleep, retry=RetryPolicy(timeout=0.2)),
        renderer=Renderer(Catalogs(), clock=clock),
        clock=clock,
    )
    await slow.run_once()
    clock.advance(seconds=UNKNOWN_PAUSE.total_seconds() + 1)
    assert (await slow.run_once()).parked == 1
    after = await scrape(bot)

    assert moved(before, after, "tansiq_connector_responses_total", status="403") == 1
    assert moved(before, after, "tansiq_connector_responses_total", status="none") == 2
    assert moved(before, after, "tansiq_reminders_total", kind="ticket-posted", event="unknown-outcome") == 2
    assert moved(before, after, "tansiq_reminders_total", kind="ticket-posted", event="parked") == 2
    assert moved(before, after, "tansiq_reminders_total", event="sent") == 0


@pytest.mark.parametrize(
    ("remote", "authorization", "status"),
    [
        ("127.0.0.1", "", 200),  # Prometheus on the same host
        ("::1", "", 200),
        ("203.0.113.7", "", 401),
        ("203.0.113.7", "Bearer wrong-token", 401),
        ("203.0.113.7", "Bearer s3cret-scrape-token", 200),
    ],
)
async def test_metrics_from_another_host_need_the_metrics_token(remote, authorization, status) -> None:
    app = web.Application()
    app[SETTINGS] = Settings(_env_file=None, metrics_token="s3cret-scrape-token")
    headers = {"Authorization": authorization} if authorization else {}
    request = make_mocked_request("GET", "/metrics", headers=headers, app=app).clone(remote=remote)
    assert (await metrics_page(request)).status == status


async def test_without_a_metrics_token_only_the_same_host_scrapes() -> None:
    app = web.Application()
    app[SETTINGS] = Settings(_env_file=None)
    request = make_mocked_request("GET", "/metrics", headers={"Authorization": "Bearer "}, app=app)
    assert (await metrics_page(request.clone(remote="203.0.113.7"))).status == 401


def test_the_dashboard_queries_only_the_bots_metrics() -> None:
    dashboard = json.loads(DASHBOARD.read_text(encoding="utf-8"))
    assert {"name": "datasource", "type": "datasource"}.items() <= dashboard["templating"]["list"][0].items()
    series = {family.name + suffix for family in REGISTRY.collect() for suffix in SERIES_SUFFIXES.get(family.type, ())}
    queried = {
        name
        for panel in dashboard["panels"]
        for target in panel["targets"]
        for name in re.findall(r"\btansiq_\w+", target["expr"])
    }
    assert queried and not queried - series, sorted(queried - series)
    assert {panel["datasource"]["uid"] for panel in dashboard["panels"]} == {"${datasource}"}
    for family in ("tansiq_turns", "tansiq_questions", "tansiq_reminders", "tansiq_connector_responses"):
        assert any(name.startswith(family) for name in queried), family
    assert {"tansiq_db_pool_checked_out", "tansiq_db_pool_size", "tansiq_turn_duration_seconds_bucket"} <= queried
    assert "tansiq_reminder_dispatch_lag_seconds_bucket" in queried
