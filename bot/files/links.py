"""Unguessable, expiring links the bot hands out (report downloads): HMAC-signed, checked on use."""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
from datetime import datetime, timedelta
from typing import Any

LIFETIME = timedelta(days=7)


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def _unb64(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


class SignedLinks:
    """`url(kind, claims)` makes a link under `{base}/{kind}/`; `read(token)` gives the claims back, or None."""

    def __init__(self, *, base_url: str, secret: bytes) -> None:
        self.base_url = base_url.rstrip("/")
        self._secret = secret

    def url(
        self, kind: str, claims: dict[str, Any], *, now: datetime, suffix: str = "", lifetime: timedelta = LIFETIME
    ) -> str:
        """A link to `{base}/{kind}/{token}{suffix}` valid for `lifetime`."""
        payload = _b64(
            json.dumps(
                {**claims, "kind": kind, "exp": int((now + lifetime).timestamp())}, separators=(",", ":")
            ).encode()
        )
        return f"{self.base_url}/{kind}/{payload}.{self._sign(payload)}{suffix}"

    def read(self, kind: str, token: str, *, now: datetime) -> dict[str, Any] | None:
        """The claims of a valid, unexpired token of this kind; None for anything else."""
        payload, _, signature = token.partition(".")
        if not payload or not token.isascii() or not hmac.compare_digest(signature, self._sign(payload)):
            return None
        try:
            claims = json.loads(_unb64(payload))
        except ValueError:
            return None
        if not isinstance(claims, dict) or claims.get("kind") != kind or claims.get("exp", 0) < now.timestamp():
            return None
        return claims

    def _sign(self, payload: str) -> str:
        return _b64(hmac.new(self._secret, payload.encode(), hashlib.sha256).digest()[:18])
