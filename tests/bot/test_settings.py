"""Settings that decide whether the bot may start, and how."""

from __future__ import annotations

import pytest

from bot.settings import Settings, SettingsError

CREDENTIALS = {"client_id": "b7e1c2d3-4f50-4a6b-8c7d-9e0f1a2b3c4d", "client_secret": "s", "tenant_id": "t"}


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
        ({"public_base_url": "https://bot.example.org", "link_secret": "short"}, "LINK_SECRET"),
        ({"tenant_id": None, "public_base_url": "https://bot.example.org", "link_secret": "x" * 40}, "TENANTID"),
    ],
)
def test_authenticated_mode_needs_every_piece(extra: dict[str, object], complaint: str) -> None:
    with pytest.raises(SettingsError, match=complaint):
        settings(host="0.0.0.0", **{**CREDENTIALS, **extra}).check_can_serve()


def test_authenticated_mode_complete() -> None:
    ready = settings(host="0.0.0.0", public_base_url="https://bot.example.org", link_secret="x" * 40, **CREDENTIALS)
    ready.check_can_serve()
    assert ready.sdk_configuration()["CONNECTIONS__SERVICE_CONNECTION__SETTINGS__VALIDATE_ISSUER"] == "true"


def test_lists_are_read_comma_separated() -> None:
    values = settings(allowed_tenant_ids="a, b,,c", admin_ids="x@org.example")
    assert (values.allowed_tenant_ids, values.admin_ids) == (["a", "b", "c"], ["x@org.example"])


def test_unknown_default_time_zone_is_refused() -> None:
    with pytest.raises(ValueError, match="unknown time zone"):
        settings(default_timezone="Mars/Olympus")
