"""Authenticated mode: every /api/messages request needs a valid Bot Framework token; probes stay open.

Only Microsoft's key endpoint (JWKS) is faked: tokens are really signed and really verified.
"""

from __future__ import annotations

import json
import time
from collections.abc import AsyncIterator

import jwt
import pytest
from cryptography.hazmat.primitives.asymmetric import rsa
from microsoft_agents.authentication.msal import MsalAuth

from tests.server import BotServer, card_texts, serve, settings_for

APP_ID = "b7e1c2d3-4f50-4a6b-8c7d-9e0f1a2b3c4d"
APP_TENANT = "8d3c1f6e-2b4a-4c7e-9f10-5a6b7c8d9e01"
KEY = rsa.generate_private_key(public_exponent=65537, key_size=2048)
KID = "tansiq-test-key"


@pytest.fixture
def microsoft_keys(monkeypatch: pytest.MonkeyPatch) -> None:
    """The JWKS endpoints answer with our test key instead of Microsoft's."""
    jwk = json.loads(jwt.algorithms.RSAAlgorithm.to_jwk(KEY.public_key()))
    jwk.update(kid=KID, use="sig", alg="RS256")
    monkeypatch.setattr(jwt.PyJWKClient, "fetch_data", lambda self: {"keys": [jwk]})


def token(*, issuer: str = "https://api.botframework.com", audience: str = APP_ID, **claims: object) -> str:
    now = int(time.time())
    payload = {
        "iss": issuer,
        "aud": audience,
        "iat": now,
        "nbf": now,
        "exp": now + 600,
        "serviceurl": "https://smba.trafficmanager.net/emea/",
        **claims,
    }
    return jwt.encode(payload, KEY, algorithm="RS256", headers={"kid": KID})


@pytest.fixture
async def secured_bot(engine, database_url, tmp_path, connector, clock) -> AsyncIterator[BotServer]:
    settings = settings_for(database_url, tmp_path, client_id=APP_ID, client_secret="s3cret", tenant_id=APP_TENANT)
    assert not settings.local_mode
    async with serve(settings, connector, clock) as bot:
        yield bot


async def test_request_without_token_gets_401(secured_bot) -> None:
    status, body = await secured_bot.post(secured_bot.activity("personal_message_en"))
    assert (status, body) == (401, {"error": "Authorization header not found"})
    assert secured_bot.connector.posted == []


async def test_probes_need_no_token(secured_bot) -> None:
    assert await secured_bot.get("/healthz") == (200, {"status": "ok"})
    assert await secured_bot.get("/readyz") == (200, {"status": "ready"})


@pytest.mark.parametrize(
    "header",
    ["Bearer not-a-jwt", "Basic dXNlcjpwYXNz", "Bearer", "Bearer a b"],
)
async def test_malformed_credentials_get_401(secured_bot, header) -> None:
    status, _ = await secured_bot.post(secured_bot.activity("personal_message_en"), headers={"Authorization": header})
    assert status == 401


async def test_token_for_another_app_gets_401(secured_bot, microsoft_keys) -> None:
    bearer = {"Authorization": f"Bearer {token(audience='00000000-1111-2222-3333-444444444444')}"}
    status, _ = await secured_bot.post(secured_bot.activity("personal_message_en"), headers=bearer)
    assert status == 401


async def test_token_from_an_unlisted_issuer_gets_401(secured_bot, microsoft_keys) -> None:
    """Issuer validation is on: a correctly signed token from a stranger's issuer is refused."""
    bearer = {
        "Authorization": f"Bearer {token(issuer='https://sts.windows.net/ffffffff-0000-4000-8000-000000000000/')}"
    }
    status, _ = await secured_bot.post(secured_bot.activity("personal_message_en"), headers=bearer)
    assert status == 401


async def test_valid_token_with_a_foreign_service_url_gets_401(secured_bot, microsoft_keys) -> None:
    """Outbound host validation is on: replies would never go to a host that is not Teams'."""
    bearer = {"Authorization": f"Bearer {token()}"}
    status, body = await secured_bot.post(secured_bot.activity("personal_message_en"), headers=bearer)
    assert (status, body) == (401, {"error": "Service URL is not allowed by the host validator."})


async def test_valid_bot_framework_token_reaches_the_gate(secured_bot, microsoft_keys, monkeypatch) -> None:
    """A good token from Teams gets through to the gate, which refuses the stranger (nobody installed it)."""

    async def entra_token(self, resource_url, scopes, force_refresh=False):  # Entra's token endpoint
        return "outbound-token"

    monkeypatch.setattr(MsalAuth, "get_access_token", entra_token)
    bearer = {"Authorization": f"Bearer {token()}"}
    activity = {
        **secured_bot.activity("personal_message_en"),
        "serviceUrl": "https://smba.trafficmanager.net/emea/",
        "deliveryMode": "expectReplies",
    }
    status, body = await secured_bot.post(activity, headers=bearer)
    assert status == 200, body
    assert "not on its member list" in card_texts(body["activities"][0])
