"""Settings that decide whether the bot may start, and how: a start refused says why in one line, with no
traceback, and leaves nothing behind."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

import bot.__main__ as cli
from bot.settings import Settings, SettingsError

CREDENTIALS = {"client_id": "b7e1c2d3-4f50-4a6b-8c7d-9e0f1a2b3c4d", "client_secret": "s", "tenant_id": "t"}
POSTGRES = "postgresql+asyncpg://tansiq:pw@db.example.org/tansiq"
SDK = "CONNECTIONS__SERVICE_CONNECTION__SETTINGS__"
AUTHENTICATED = {
    SDK + "CLIENTID": "b7e1c2d3-4f50-4a6b-8c7d-9e0f1a2b3c4d",
    SDK + "CLIENTSECRET": "s3cret",
    SDK + "TENANTID": "8d3c1f6e-2b4a-4c7e-9f10-5a6b7c8d9e01",
    "PUBLIC_BASE_URL": "https://tansiq.example.org",
    "LINK_SECRET": "x" * 40,
    "DATABASE_URL": POSTGRES,
    "REMINDERS_ENABLED": "false",
}


def settings(**values: object) -> Settings:
    return Settings(_env_file=None, **values)


def test_local_mode_only_on_loopback() -> None:
    settings(host="127.0.0.1").check_can_serve()
    settings(host="::1").check_can_serve()
    with pytest.raises(SettingsError, match=r"refusing to start without credentials on 0\.0\.0\.0"):
        settings(host="0.0.0.0").check_can_serve()


@pytest.mark.parametrize(
    "extra, complaint",
    [
        ({}, "PUBLIC_BASE_URL"),
        ({"public_base_url": "http://bot.example.org"}, "PUBLIC_BASE_URL"),
        ({"public_base_url": "https://bot.example.org"}, "LINK_SECRET"),
        ({"tenant_id": None, "public_base_url": "https://bot.example.org", "link_secret": "x" * 40}, "TENANTID"),
        ({"public_base_url": "https://bot.example.org", "link_secret": "x" * 40}, "DATABASE_URL"),
        (
            {
                "public_base_url": "https://bot.example.org",
                "link_secret": "x" * 40,
                "database_url": "sqlite+aiosqlite:///t.db",
            },
            "ALLOW_SQLITE_IN_PRODUCTION",
        ),
    ],
)
def test_authenticated_mode_needs_every_piece(extra: dict[str, object], complaint: str) -> None:
    with pytest.raises(SettingsError, match=complaint):
        settings(host="0.0.0.0", **{**CREDENTIALS, **extra}).check_can_serve()


def test_authenticated_mode_complete() -> None:
    complete = {"public_base_url": "https://bot.example.org", "link_secret": "x" * 40, **CREDENTIALS}
    ready = settings(host="0.0.0.0", database_url=POSTGRES, **complete)
    ready.check_can_serve()
    assert ready.sdk_configuration()["CONNECTIONS__SERVICE_CONNECTION__SETTINGS__VALIDATE_ISSUER"] == "true"
    settings(host="0.0.0.0", allow_sqlite_in_production=True, **complete).check_can_serve()  # asked for explicitly


def test_lists_are_read_comma_separated() -> None:
    tenants = ["8d3c1f6e-2b4a-4c7e-9f10-5a6b7c8d9e01", "11111111-2222-3333-4444-555555555555"]
    values = settings(allowed_tenant_ids=f"{tenants[0]}, {tenants[1]},,", admin_ids="x@org.example")
    assert (values.allowed_tenant_ids, values.admin_ids) == (tenants, ["x@org.example"])


def test_unknown_default_time_zone_is_refused() -> None:
    with pytest.raises(ValueError, match="unknown time zone"):
        settings(default_timezone="Mars/Olympus")


@pytest.fixture
def environment(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    """No setting from the developer's environment or .env file; the working folder an empty one, returned."""
    for name in os.environ:
        if name.upper() in {field.upper() for field in Settings.model_fields} or name.upper().startswith(SDK):
            monkeypatch.delenv(name)
    monkeypatch.chdir(tmp_path)
    return tmp_path


REFUSALS = {
    "authenticated without DATABASE_URL": ({**AUTHENTICATED, "DATABASE_URL": None}, "DATABASE_URL"),
    "authenticated on SQLite": ({**AUTHENTICATED, "DATABASE_URL": "sqlite+aiosqlite:///data/t.db"}, "DATABASE_URL"),
    "authenticated without LINK_SECRET": ({**AUTHENTICATED, "LINK_SECRET": None}, "LINK_SECRET"),
    "authenticated on http": ({**AUTHENTICATED, "PUBLIC_BASE_URL": "http://tansiq.example.org"}, "PUBLIC_BASE_URL"),
    "local on a public address": ({"HOST": "0.0.0.0"}, "CLIENTID"),
    "unknown zone": ({"DEFAULT_TIMEZONE": "Mars/Olympus"}, "DEFAULT_TIMEZONE"),
    "database URL not a URL": ({"DATABASE_URL": "tansiq.db"}, "DATABASE_URL"),
    "database URL of another database": ({"DATABASE_URL": "mysql://db/tansiq"}, "DATABASE_URL"),
    "base URL not absolute": ({"PUBLIC_BASE_URL": "tansiq.example.org"}, "PUBLIC_BASE_URL"),
    "short link secret": ({"LINK_SECRET": "not-32-characters"}, "LINK_SECRET"),
    "tenant id not a GUID": ({"ALLOWED_TENANT_IDS": "contoso.onmicrosoft.com"}, "ALLOWED_TENANT_IDS"),
    "log level": ({"LOG_LEVEL": "LOUD"}, "LOG_LEVEL"),
    "log format": ({"LOG_FORMAT": "xml"}, "LOG_FORMAT"),
    "port": ({"PORT": "http"}, "PORT"),
}


@pytest.mark.parametrize("case", sorted(REFUSALS))
def test_a_refused_start_says_why_in_one_line_and_leaves_nothing(environment, monkeypatch, capsys, case) -> None:
    values, setting = REFUSALS[case]
    for name, value in values.items():
        if value is not None:
            monkeypatch.setenv(name, value)
    assert cli.main(["run"]) == 2
    err = capsys.readouterr().err
    assert len(err.strip().splitlines()) == 1 and setting in err and "Traceback" not in err, err
    assert list(environment.iterdir()) == []  # no data folder, no SQLite file


def test_every_problem_has_its_line(environment, monkeypatch, capsys) -> None:
    for name, value in {"LOG_LEVEL": "LOUD", "LINK_SECRET": "hunter2", "DEFAULT_TIMEZONE": "Mars/Olympus"}.items():
        monkeypatch.setenv(name, value)
    assert cli.main(["run"]) == 2
    lines = capsys.readouterr().err.strip().splitlines()
    assert [line.split(":")[1].strip() for line in lines] == ["LINK_SECRET", "LOG_LEVEL", "DEFAULT_TIMEZONE"]
    assert "hunter2" not in "".join(lines)  # a refused value is never repeated: it may be a secret


def test_a_missing_migration_says_which_command_to_run(environment, monkeypatch, capsys) -> None:
    """Authenticated on a SQLite file not made yet (asked for explicitly): no empty file made, nor its folder."""
    for name, value in {**AUTHENTICATED, "DATABASE_URL": "sqlite+aiosqlite:///data/tansiq.db"}.items():
        monkeypatch.setenv(name, value)
    monkeypatch.setenv("ALLOW_SQLITE_IN_PRODUCTION", "true")
    assert cli.main(["run", "--port", "1"]) == 3  # never binds: the database is checked first
    err = capsys.readouterr().err
    assert err.strip().splitlines() == [
        "not starting: the database is not at the newest migration: run `python -m bot migrate`"
    ]
    assert list(environment.iterdir()) == []


def test_a_refusal_as_a_process(environment) -> None:
    """The real command line: exit code 2, one line on stderr, no traceback."""
    done = subprocess.run(
        [sys.executable, "-m", "bot", "run"],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=environment,
        env={
            **os.environ,
            **AUTHENTICATED,
            "DATABASE_URL": "sqlite+aiosqlite:///data/t.db",
            "PYTHONPATH": str(Path(cli.__file__).parents[1]),
        },
    )
    assert done.returncode == 2
    assert done.stderr.strip().splitlines() == [
        "not starting: set DATABASE_URL to the PostgreSQL database (postgresql+asyncpg://user:password@host/database); "
        "a SQLite file serves one process only: set ALLOW_SQLITE_IN_PRODUCTION=true to use one anyway"
    ]
    assert list(environment.iterdir()) == []
