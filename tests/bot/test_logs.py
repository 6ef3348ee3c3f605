"""The log an operator reads, with LOG_FORMAT=json, over real HTTP: one line per turn carrying the request's id
(the one in the response's X-Request-Id), never a member's words or name; nothing at all for the probes."""

from __future__ import annotations

import io
import json
import logging
from collections.abc import AsyncIterator, Callable, Iterator
from typing import Any, NamedTuple

import aiohttp
import pytest
from aiohttp.test_utils import TestServer
from sqlalchemy import select, text

from bot import logs
from bot.app import KNOWLEDGE, AccessLog, create_app
from bot.settings import Settings
from storage.models import Member
from tests.fake_connector import FakeConnector
from tests.fakes import FakeClock
from tests.server import BotServer

Lines = Callable[[], list[dict[str, Any]]]
MS_CV = "kZ3n0QmJ4EaX1yQ2sW8PAg.1"  # Teams' correlation vector, as it sends one
NAMES = ("Leila", "Haddad", "Omar", "Khalil")


class Answer(NamedTuple):
    """What the bot answered a request: its id, and the replies."""

    request_id: str
    replies: list[dict[str, Any]]


@pytest.fixture
def log_lines(monkeypatch: pytest.MonkeyPatch) -> Iterator[Lines]:
    """What the bot logs at INFO with LOG_FORMAT=json, set up as `python -m bot run` sets it up: the lines, parsed."""
    monkeypatch.setenv("LOG_FORMAT", "json")
    out = io.StringIO()
    written = logs.handler(Settings(_env_file=None).log_format, out)
    root = logging.getLogger()
    level = root.level
    root.addHandler(written)
    root.setLevel(logging.INFO)
    logs.quiet_libraries()
    yield lambda: [json.loads(line) for line in out.getvalue().splitlines()]
    root.removeHandler(written)
    root.setLevel(level)
    for name in logs.QUIET_LOGGERS:
        logging.getLogger(name).setLevel(logging.NOTSET)


@pytest.fixture
async def bot(bot_settings: Settings, connector: FakeConnector, clock: FakeClock) -> AsyncIterator[BotServer]:
    """The bot served with the access log `python -m bot run` uses."""
    app = create_app(bot_settings, clock=clock)
    server = TestServer(app, host="127.0.0.1")
    await server.start_server(access_log_class=AccessLog)
    await app[KNOWLEDGE].wait_ready()
    try:
        yield BotServer(server, connector)
    finally:
        await server.close()


async def post(bot: BotServer, activity: dict[str, Any], headers: dict[str, str] | None = None) -> Answer:
    """Post with deliveryMode expectReplies: the request id the bot answered with, and its replies."""
    async with (
        aiohttp.ClientSession() as http,
        http.post(
            bot.server.make_url("/api/messages"),
            json={**activity, "deliveryMode": "expectReplies"},
            headers=headers or {},
        ) as response,
    ):
        body = await response.json()
        assert response.status == 200, body
        return Answer(response.headers["X-Request-Id"], body.get("activities", [body]))


async def member_ids(sessions, teams_user_id: str) -> tuple[int, int]:
    async with sessions() as session:
        member = await session.scalar(select(Member).where(Member.teams_user_id == teams_user_id))
    return member.id, member.community_id


def turn_lines(lines: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [line for line in lines if line["logger"] == "bot.turns"]


async def test_a_turn_writes_one_line_with_its_request_id_and_no_words_nor_names(bot, sessions, log_lines) -> None:
    await bot.install()
    before = len(log_lines())
    english = await post(
        bot, bot.activity("personal_message_en", text="what about the quince marmalade?"), {"MS-CV": MS_CV}
    )
    arabic = await post(bot, bot.activity("personal_message_ar", text="ما أخبار مربى السفرجل؟"))
    lines = log_lines()[before:]

    assert english.request_id == MS_CV
    assert len(arabic.request_id) == 32  # no MS-CV: an id of its own
    leila, omar = await member_ids(sessions, "29:1leila"), await member_ids(sessions, "29:1omar")
    turns = turn_lines(lines)
    assert [(t["request_id"], t["member_id"], t["community_id"], t["replies"]) for t in turns] == [
        (MS_CV, *leila, len(english.replies)),
        (arabic.request_id, *omar, len(arabic.replies)),
    ]
    for turn in turns:
        assert turn["level"] == "INFO" and turn["time"] and isinstance(turn["duration_ms"], int)
        assert (turn["activity_type"], turn["conversation_type"], turn["outcome"]) == (
            "message",
            "personal",
            "answered",
        )
    said = json.dumps(lines, ensure_ascii=False)
    for words in ("quince", "marmalade", "السفرجل", "مربى", *NAMES):
        assert words not in said
    assert {line.get("request_id") for line in lines} == {MS_CV, arabic.request_id}
    assert [line for line in lines if line["level"] == "WARNING"] == []  # (local mode has no App ID, by design)


async def test_a_card_button_and_a_stranger_each_have_their_line(bot, sessions, log_lines) -> None:
    await bot.install()
    before = len(log_lines())
    pressed = await post(bot, bot.activity("invoke_adaptive_card_action"))
    stranger = bot.activity("personal_message_en", text="let me in, I am Yusuf")
    stranger["from"] = {"id": "29:1stranger", "name": "Yusuf Stranger", "aadObjectId": "ffffffff-0000-4000-8000-0"}
    refused = await post(bot, stranger)
    lines = log_lines()[before:]

    button, refusal = turn_lines(lines)
    leila = await member_ids(sessions, "29:1leila")
    assert (button["request_id"], button["activity_type"], button["invoke"], button["outcome"]) == (
        pressed.request_id,
        "invoke",
        "adaptiveCard/action",
        "answered",
    )
    assert (button["member_id"], button["community_id"], button["replies"]) == (*leila, 1)
    assert (refusal["request_id"], refusal["outcome"], refusal["member_id"], refusal["replies"]) == (
        refused.request_id,
        "refused",
        None,
        len(refused.replies),
    )
    said = json.dumps(lines, ensure_ascii=False)
    assert "Yusuf" not in said and "let me in" not in said


async def test_probes_log_nothing_at_info(bot, log_lines) -> None:
    assert await bot.get("/healthz") == (200, {"status": "ok"})
    assert await bot.get("/readyz") == (200, {"status": "ready"})
    assert log_lines() == []


async def test_a_failing_turn_logs_its_error_at_error_only(bot, engine, log_lines) -> None:
    """The error's text may quote what the member wrote (a database error quotes its SQL parameters): it is in the
    ERROR lines, which carry the request id, and in no INFO line (the SDK's own "Calling error handler" line)."""
    await bot.install()
    async with engine.begin() as connection:
        await connection.execute(text("DROP TABLE audit_log"))
    before = len(log_lines())
    failed = await post(bot, bot.activity("personal_message_en", text="language ar"))
    lines = log_lines()[before:]

    (turn,) = turn_lines(lines)
    assert (turn["request_id"], turn["outcome"], turn["replies"]) == (failed.request_id, "error", 1)
    errors = [line for line in lines if line["level"] == "ERROR"]
    assert errors and all(line["request_id"] == failed.request_id for line in errors)
    assert not [line for line in lines if line["level"] == "INFO" and "audit_log" in line["message"]]
