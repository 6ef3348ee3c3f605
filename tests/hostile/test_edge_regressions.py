"""Issue #16, the edge: each defect found by hostile input, as a named test through the real HTTP edge.

Malformed activities were answered 500 with a traceback; a NUL or a lone surrogate in a message, a display name or
a locale broke the turn (on PostgreSQL, NUL broke every turn of that member); a direction mark before a command
word hid the command; a 5 MB body got 400; a token without a `kid` got 500; /readyz said ready while SQLite
refused writes; missing migrations in production ended in a traceback.
"""

from __future__ import annotations

import base64
import json
import logging
import os
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import aiohttp
import jwt
import pytest
from aiohttp import web
from aiohttp.test_utils import make_mocked_request
from cryptography.hazmat.primitives.asymmetric import rsa
from sqlalchemy import event, func, select, text

import bot.__main__ as cli
from bot.app import ENGINE, AccessLog
from storage import migrate
from storage.db import create_engine
from storage.models import Action, AuditLog, Community, Member, Ticket
from tests.databases import sqlite_url
from tests.server import BotServer, card_texts, serve, settings_for

APP_ID = "b7e1c2d3-4f50-4a6b-8c7d-9e0f1a2b3c4d"
APP_TENANT = "8d3c1f6e-2b4a-4c7e-9f10-5a6b7c8d9e01"
SECURED = {"client_id": APP_ID, "client_secret": "s3cret", "tenant_id": APP_TENANT}
SQLITE_ONLY = pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)
"""For what no database sees (refused before it) or every database sees alike (parsing)."""
HELP_EN = "What you can ask Tansiq"
HELP_AR = "ما يمكنك طلبه من تنسيق"


async def post_raw(bot: BotServer, data: bytes, headers: dict[str, str] | None = None) -> tuple[int, Any]:
    """POST bytes as they are (no JSON encoding by the client)."""
    headers = {"Content-Type": "application/json", **(headers or {})}
    async with (
        aiohttp.ClientSession() as http,
        http.post(bot.server.make_url("/api/messages"), data=data, headers=headers) as response,
    ):
        body = await response.text()
        return response.status, (json.loads(body) if body else None)


def without(activity: dict[str, Any], *path: str) -> dict[str, Any]:
    """The activity with the field at `path` removed."""
    changed = json.loads(json.dumps(activity))
    node = changed
    for step in path[:-1]:
        node = node[step]
    del node[path[-1]]
    return changed


def with_(activity: dict[str, Any], value: Any, *path: str) -> dict[str, Any]:
    """The activity with the field at `path` set to `value`."""
    changed = json.loads(json.dumps(activity))
    node = changed
    for step in path[:-1]:
        node = node[step]
    node[path[-1]] = value
    return changed


MALFORMED = {
    "json-array-body": lambda a: [a],
    "json-string-body": lambda a: "help",
    "no-type": lambda a: without(a, "type"),
    "type-is-a-number": lambda a: with_(a, 7, "type"),
    "from-id-null": lambda a: with_(a, None, "from", "id"),
    "no-from": lambda a: without(a, "from"),
    "text-is-a-number": lambda a: with_(a, 12345, "text"),
    "text-is-an-object": lambda a: with_(a, {"x": 1}, "text"),
    "no-service-url": lambda a: without(a, "serviceUrl"),
    "service-url-not-http": lambda a: with_(a, "javascript:alert(1)", "serviceUrl"),
    "local-timezone-empty": lambda a: with_(a, "", "localTimezone"),
    "local-timezone-300-characters": lambda a: with_(a, "A" * 300, "localTimezone"),
    "locale-is-a-number": lambda a: with_(a, 1033, "locale"),
    "locale-not-a-language-tag": lambda a: with_(a, "<script>", "locale"),
    "conversation-is-a-string": lambda a: with_(a, "a:1", "conversation"),
    "conversation-id-missing": lambda a: without(a, "conversation", "id"),
    "from-id-400-characters": lambda a: with_(a, "29:" + "x" * 400, "from", "id"),
    "from-id-with-nul": lambda a: with_(a, "29:1leila\u0000", "from", "id"),
    "entities-not-a-list": lambda a: with_(a, "mention", "entities"),
    "mention-of-nobody": lambda a: with_(a, [{"type": "mention", "mentioned": "x"}], "entities"),
    "channel-data-a-list": lambda a: with_(a, [1, 2], "channelData"),
    "channel-data-team-a-string": lambda a: with_(a, {"team": "x"}, "channelData"),
    "members-added-without-ids": lambda a: with_(a, [{"name": "x"}], "membersAdded"),
    "value-nested-too-deeply": lambda a: with_(a, json.loads("[" * 60 + "]" * 60), "value"),
}


@SQLITE_ONLY
@pytest.mark.parametrize("case", sorted(MALFORMED))
async def test_malformed_activity_gets_400_with_one_log_line(bot, sessions, caplog, case) -> None:
    activity = MALFORMED[case](bot.activity("personal_message_en"))
    with caplog.at_level(logging.INFO):
        status, body = await bot.post(activity)
    assert status == 400 and isinstance(body["error"], str), (status, body)
    refusals = [r for r in caplog.records if r.name == "bot.teams.edge" and r.levelno == logging.WARNING]
    assert len(refusals) == 1 and "status=400" in refusals[0].getMessage()
    assert not [r for r in caplog.records if r.levelno >= logging.ERROR]  # no traceback anywhere
    assert bot.connector.posted == []
    async with sessions() as session:
        assert await session.scalar(select(func.count()).select_from(Member)) == 0


MALFORMED_BYTES = {
    "not-json": b"help",
    "truncated-json": b'{"type": "message", "text": "hel',
    "not-utf-8": b'{"type": "message", "text": "\xff\xfe"}',
    "nan": b'{"type": "message", "value": NaN}',
    "number-too-large": b'{"type": "message", "value": 1e999}',
    "ten-thousand-digits": b'{"type": "message", "value": ' + b"9" * 10_000 + b"}",
    "deep-nesting": b'{"value": ' + b"[" * 100_000 + b"]" * 100_000 + b"}",
    "empty-body": b"",
}


@SQLITE_ONLY
@pytest.mark.parametrize("case", sorted(MALFORMED_BYTES))
async def test_malformed_json_gets_400(bot, case) -> None:
    status, body = await post_raw(bot, MALFORMED_BYTES[case])
    assert status == 400 and body["error"], (status, body)


@SQLITE_ONLY
async def test_five_megabyte_body_gets_413(bot) -> None:
    activity = bot.activity("personal_message_en", text="x" * 5_000_000)
    status, body = await bot.post(activity)
    assert status == 413 and "larger than" in body["error"]


@SQLITE_ONLY
async def test_chunked_body_over_the_limit_gets_413(bot) -> None:
    """No Content-Length to refuse it by: the edge stops reading at the limit."""

    async def chunks():
        yield b'{"type": "message", "text": "'
        for _ in range(40):
            yield b"x" * 65_536
        yield b'"}'

    status, body = await post_raw(bot, chunks())  # type: ignore[arg-type]
    assert status == 413, body


@SQLITE_ONLY
async def test_long_message_under_the_limit_still_gets_its_answer(bot) -> None:
    """The size limit is the body's; a 20,000-character message is answered "too long" by the router."""
    await bot.install()
    replies = await bot.replies(bot.activity("personal_message_en", text="مرحبا " * 4000))
    assert "too long" in card_texts(replies[0])


@SQLITE_ONLY
async def test_a_service_url_whose_host_does_not_parse_still_gets_its_answer(bot, caplog) -> None:
    """Found by the generated suite (seed 2818951837): a zero-width space inside the service URL's host made the
    local-mode Teams client fail the turn while it was being built. The reply goes back in the response."""
    await bot.install()
    activity = bot.activity("personal_message_ar", text="مساعدة")
    activity["serviceUrl"] = activity["serviceUrl"].replace("127.0", "127.\u200b0")
    with caplog.at_level(logging.ERROR):
        replies = await bot.replies(activity)
    assert replies and "مساعدة" not in replies[0].get("text", "")
    assert not [r for r in caplog.records if r.levelno >= logging.ERROR]


NUL_AND_SURROGATES = {
    "nul": "\u0000",
    "lone-high-surrogate": "\ud800",
    "lone-low-surrogate": "\udfff",
    "escape-and-bell": "\u001b\u0007",
}


@pytest.mark.parametrize("mark", sorted(NUL_AND_SURROGATES))
async def test_unstorable_characters_in_an_action_are_removed(bot, sessions, mark) -> None:
    bad = NUL_AND_SURROGATES[mark]
    await bot.install()
    replies = await bot.replies(bot.activity("personal_message_en", text=f"action add a{bad}b | me"))
    assert "ab" in card_texts(replies[0])
    async with sessions() as session:
        assert (await session.scalars(select(Action.text))).all() == ["ab"]


async def test_nul_in_a_question_to_the_facilitators_is_removed(bot, sessions) -> None:
    await bot.install()
    await bot.replies(bot.activity("personal_message_ar", text="ask where is the\u0000 report\ud800?"))
    async with sessions() as session:
        assert (await session.scalars(select(Ticket.question))).all() == ["where is the report?"]


@pytest.mark.parametrize("mark", sorted(NUL_AND_SURROGATES))
async def test_unstorable_characters_in_the_display_name_do_not_break_the_member(bot, sessions, mark) -> None:
    bad = NUL_AND_SURROGATES[mark]
    await bot.install()
    activity = bot.activity("personal_message_en", text="whoami")
    activity["from"]["name"] = f"Leila{bad} Haddad"
    for _ in range(2):  # every turn, not only the first
        replies = await bot.replies({**activity, "id": f"{mark}-{_}"})
        assert "Leila Haddad" in card_texts(replies[0])
    async with sessions() as session:
        leila = await session.scalar(select(Member).where(Member.teams_user_id == "29:1leila"))
    assert leila.name == "Leila Haddad"


@pytest.mark.parametrize("mark", sorted(NUL_AND_SURROGATES))
async def test_unstorable_characters_in_the_locale_do_not_break_the_member(bot, sessions, mark) -> None:
    bad = NUL_AND_SURROGATES[mark]
    await bot.install()
    for turn in range(2):
        activity = bot.activity("personal_message_ar", text="مساعدة", locale=f"ar-SA{bad}", id=f"{mark}-{turn}")
        replies = await bot.replies(activity)
        assert HELP_AR in card_texts(replies[0])
    async with sessions() as session:
        omar = await session.scalar(select(Member).where(Member.teams_user_id == "29:1omar"))
    assert omar.teams_locale == "ar-SA"


async def test_nul_and_surrogates_in_card_data_are_removed(bot, sessions) -> None:
    await bot.install()
    replies = await bot.replies(bot.activity("card_submit", value={"verb": "lang", "lang": "a\u0000r\ud800"}))
    assert "سيجيبك تنسيق باللغة العربية" in card_texts(replies[0])


async def test_surrogate_as_raw_json_escape_in_text(bot, sessions) -> None:
    """`"\\ud800"` as the JSON arrives from a client, not as Python would encode it."""
    await bot.install()
    body = json.dumps({**bot.activity("personal_message_en"), "deliveryMode": "expectReplies", "text": "HELP"})
    status, answer = await post_raw(bot, body.replace('"HELP"', '"\\ud800help\\u0000"').encode())
    assert status == 200 and HELP_EN in card_texts(answer["activities"][0])


@SQLITE_ONLY
async def test_display_name_longer_than_the_database_holds_is_cut(bot, sessions) -> None:
    await bot.install()
    activity = bot.activity("personal_message_en", text="whoami")
    activity["from"]["name"] = "Leila " + "H" * 300
    replies = await bot.replies(activity)
    assert "Leila HHH" in card_texts(replies[0])
    async with sessions() as session:
        leila = await session.scalar(select(Member).where(Member.teams_user_id == "29:1leila"))
    assert len(leila.name) == 200


DIRECTION_MARKS = {
    "rlm-before-arabic-help": ("personal_message_ar", "\u200fمساعدة", HELP_AR),
    "alm-before-arabic-help": ("personal_message_ar", "\u061cمساعدة", HELP_AR),
    "isolates-around-help": ("personal_message_en", "\u2067help\u2069", HELP_EN),
    "zero-width-space-in-help": ("personal_message_en", "he\u200blp", HELP_EN),
    "rlm-before-slash-help": ("personal_message_en", "\u200f/help", HELP_EN),
    "byte-order-mark-before-help": ("personal_message_en", "\ufeffhelp", HELP_EN),
    "mark-after-the-mention-in-a-channel": ("channel_message_mention", "<at>Tansiq</at> \u200fhelp", HELP_EN),
}


@SQLITE_ONLY
@pytest.mark.parametrize("case", sorted(DIRECTION_MARKS))
async def test_direction_marks_before_a_command_word_are_ignored(bot, case) -> None:
    fixture, said, shown = DIRECTION_MARKS[case]
    await bot.install()
    replies = await bot.replies(bot.activity(fixture, text=said))
    assert shown in card_texts(replies[0])


async def test_direction_marks_stay_in_stored_text(bot, sessions) -> None:
    await bot.install()
    await bot.replies(bot.activity("personal_message_en", text="action add \u200fمشاركة البيانات\u200f WASH | me"))
    async with sessions() as session:
        assert (await session.scalars(select(Action.text))).all() == ["\u200fمشاركة البيانات\u200f WASH"]


# --- tokens -------------------------------------------------------------------------------------------------

KEY = rsa.generate_private_key(public_exponent=65537, key_size=2048)


def signed(headers: dict[str, Any]) -> str:
    now = int(time.time())
    claims = {"iss": "https://api.botframework.com", "aud": APP_ID, "iat": now, "nbf": now, "exp": now + 600}
    return jwt.encode(claims, KEY, algorithm="RS256", headers=headers)


def forged(header: dict[str, Any]) -> str:
    """A token with any header at all (PyJWT refuses to write some), the signature made up."""

    def part(value: object) -> str:
        return base64.urlsafe_b64encode(json.dumps(value).encode()).rstrip(b"=").decode()

    return f"{part(header)}.{part({'aud': APP_ID, 'iss': 'https://api.botframework.com'})}.c2lnbmF0dXJl"


BAD_TOKENS = {
    "no-kid": lambda: signed({}),
    "kid-is-empty": lambda: signed({"kid": ""}),
    "kid-is-a-number": lambda: forged({"alg": "RS256", "typ": "JWT", "kid": 7}),
    "kid-is-a-list": lambda: forged({"alg": "RS256", "typ": "JWT", "kid": ["a"]}),
    "kid-is-null": lambda: forged({"alg": "RS256", "typ": "JWT", "kid": None}),
    "alg-none": lambda: jwt.encode({"aud": APP_ID}, None, algorithm="none"),
    "header-not-an-object": lambda: "WzFd.e30.c2ln",  # [1] . {} . sig
}


@SQLITE_ONLY
@pytest.mark.parametrize("case", sorted(BAD_TOKENS))
async def test_bad_token_gets_401_in_production(engine, database_url, tmp_path, connector, clock, case) -> None:
    settings = settings_for(database_url, tmp_path, **SECURED)
    async with serve(settings, connector, clock) as bot:
        headers = {"Authorization": f"Bearer {BAD_TOKENS[case]()}"}
        status, body = await bot.post(bot.activity("personal_message_en"), headers=headers)
    assert status == 401, body
    assert connector.posted == []


@SQLITE_ONLY
@pytest.mark.parametrize("case", sorted(BAD_TOKENS))
async def test_bad_token_gets_401_in_local_mode(bot, case) -> None:
    """Local mode lets requests without a token through; a token sent is still checked, and never crashes."""
    headers = {"Authorization": f"Bearer {BAD_TOKENS[case]()}"}
    status, _ = await bot.post(bot.activity("personal_message_en"), headers=headers)
    assert status == 401


@SQLITE_ONLY
async def test_unauthenticated_malformed_activity_gets_401_not_400(engine, database_url, tmp_path, connector, clock):
    """In production nothing about the body is told to a caller without a token."""
    settings = settings_for(database_url, tmp_path, **SECURED)
    async with serve(settings, connector, clock) as bot:
        status, _ = await post_raw(bot, b"[1, 2")
    assert status == 401


# --- /readyz ------------------------------------------------------------------------------------------------


def _probe_lines(caplog: pytest.LogCaptureFixture) -> list[logging.LogRecord]:
    return [r for r in caplog.records if r.name.startswith(("bot", "alembic"))]  # the access log: AccessLog


def test_probes_are_left_out_of_the_access_log(caplog) -> None:
    access = AccessLog(logging.getLogger("aiohttp.access"), AccessLog.LOG_FORMAT)
    with caplog.at_level(logging.INFO, logger="aiohttp.access"):
        for path in ("/readyz", "/healthz", "/api/messages"):
            access.log(make_mocked_request("GET", path), web.Response(), 0.01)
    assert [r.getMessage().split('"')[1] for r in caplog.records] == ["GET /api/messages HTTP/1.1"]


async def test_ready_probe_writes_no_log_line(bot, caplog) -> None:
    with caplog.at_level(logging.DEBUG):
        assert await bot.get("/readyz") == (200, {"status": "ready"})
    assert _probe_lines(caplog) == []


async def test_readyz_with_a_read_only_sqlite_file(tmp_path, connector, clock, caplog, monkeypatch) -> None:
    """The file opened read-only (as SQLite opens a file it may not write): the probe's write is refused."""
    monkeypatch.chdir(tmp_path)  # storage.db makes the folder of the URI path ("file:…") relative to here
    url = sqlite_url(tmp_path)
    engine = create_engine(url)
    await migrate.upgrade(engine)
    await engine.dispose()
    read_only = url.replace("sqlite+aiosqlite:///", "sqlite+aiosqlite:///file:") + "?mode=ro&uri=true"
    async with serve(settings_for(read_only, tmp_path), connector, clock) as bot:
        with caplog.at_level(logging.INFO):
            status, body = await bot.get("/readyz")
    assert (status, body) == (503, {"status": "database unavailable"})
    lines = _probe_lines(caplog)
    assert len(lines) == 1 and "readonly" in lines[0].getMessage()


async def test_readyz_while_another_writer_holds_sqlite(tmp_path, connector, clock, caplog) -> None:
    url = sqlite_url(tmp_path)
    async with serve(settings_for(url, tmp_path), connector, clock) as bot:
        holder = create_engine(url)
        async with holder.begin() as connection:  # BEGIN IMMEDIATE: the write lock, held
            await connection.execute(text("SELECT 1"))
            started = time.monotonic()
            with caplog.at_level(logging.INFO):
                status, body = await bot.get("/readyz")
            waited = time.monotonic() - started
        await holder.dispose()
        assert await bot.get("/readyz") == (200, {"status": "ready"})
    assert (status, body) == (503, {"status": "database unavailable"})
    assert waited < 5 and "locked" in _probe_lines(caplog)[0].getMessage()


@pytest.mark.parametrize("database_url", ["postgresql"], indirect=True)
async def test_readyz_with_a_read_only_postgresql(bot, database_url, caplog) -> None:
    """What a managed PostgreSQL does when its disk fills up: every transaction read-only."""
    engine = bot.server.app[ENGINE]

    @event.listens_for(engine.sync_engine, "connect")
    def read_only(dbapi_connection, _record):
        cursor = dbapi_connection.cursor()
        cursor.execute("SET default_transaction_read_only = on")
        cursor.close()
        dbapi_connection.commit()  # SET is transactional, and the driver opened a transaction for it

    await engine.dispose()
    with caplog.at_level(logging.INFO):
        assert await bot.get("/readyz") == (503, {"status": "database unavailable"})
    assert "read-only" in _probe_lines(caplog)[0].getMessage()


async def test_readyz_with_migrations_pending(bot, engine, caplog) -> None:
    async with engine.begin() as connection:
        await connection.execute(text("UPDATE alembic_version SET version_num = '0001'"))
    with caplog.at_level(logging.INFO):
        assert await bot.get("/readyz") == (503, {"status": "migrations pending"})
    assert len(_probe_lines(caplog)) == 1


# --- start-up -----------------------------------------------------------------------------------------------


@pytest.fixture
def production_env(monkeypatch: pytest.MonkeyPatch, tmp_path) -> str:
    """The environment of an authenticated deployment on a fresh (unmigrated) SQLite file."""
    url = sqlite_url(tmp_path)
    for name, value in {
        "DATABASE_URL": url,
        "ALLOW_SQLITE_IN_PRODUCTION": "true",
        "CONNECTIONS__SERVICE_CONNECTION__SETTINGS__CLIENTID": APP_ID,
        "CONNECTIONS__SERVICE_CONNECTION__SETTINGS__CLIENTSECRET": "s3cret",
        "CONNECTIONS__SERVICE_CONNECTION__SETTINGS__TENANTID": APP_TENANT,
        "PUBLIC_BASE_URL": "https://tansiq.example.org",
        "LINK_SECRET": "x" * 40,
        "REMINDERS_ENABLED": "false",
    }.items():
        monkeypatch.setenv(name, value)
    monkeypatch.chdir(tmp_path)  # no .env of the developer's
    return url


def test_migrations_pending_in_production_exit_with_one_line(production_env, capsys) -> None:
    code = cli.main(["run", "--port", "1"])  # never binds: the database is checked first
    err = capsys.readouterr().err
    assert code == 3
    assert err.strip().splitlines() == [
        "not starting: the database is not at the newest migration: run `python -m bot migrate`"
    ]


def test_database_unreachable_in_production_exits_with_one_line(production_env, monkeypatch, capsys) -> None:
    monkeypatch.setenv("DATABASE_URL", "postgresql+asyncpg://nobody@127.0.0.1:1/none")
    code = cli.main(["run", "--port", "1"])
    err = capsys.readouterr().err
    assert code == 3
    assert len(err.strip().splitlines()) == 1 and "does not answer" in err and "Traceback" not in err


def test_migrations_pending_as_a_process(production_env, tmp_path) -> None:
    """The real command line: a non-zero exit and one line on stderr, no traceback."""
    done = subprocess.run(
        [sys.executable, "-m", "bot", "run", "--port", "1"],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=tmp_path,
        env={**os.environ, "PYTHONPATH": str(Path(cli.__file__).parents[1])},
    )
    assert done.returncode == 3
    assert "Traceback" not in done.stderr
    assert done.stderr.strip().splitlines()[-1].startswith("not starting: the database is not at the newest")


async def test_refused_turns_store_nothing(bot, sessions) -> None:
    """A refused activity leaves no trace: no community, no member, no audit row."""
    for case in ("no-type", "from-id-null", "text-is-a-number"):
        await bot.post(MALFORMED[case](bot.activity("installation_update_add_team")))
    async with sessions() as session:
        for model in (Community, Member, AuditLog):
            assert await session.scalar(select(func.count()).select_from(model)) == 0
