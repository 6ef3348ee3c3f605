"""The edge: every request to POST /api/messages is read, checked and cleaned here, before the Agents SDK and the
dialogs see it.

- A body over `MAX_BODY` gets 413; a body that is not one JSON object, or an activity whose shape, types or sizes
  are wrong (no `type`, `from.id: null`, `text: 12345`, no `serviceUrl`, `localTimezone: ""`, an id longer than
  the database holds …) gets 400. Each with one log line saying why (never the member's text), never a 500.
- Every string in the activity (keys too) loses what no database or document can hold: NUL and the other C0
  control characters but tab, line feed and carriage return, lone surrogates (`"\\ud800"` in the JSON), and the
  non-characters U+FFFE and U+FFFF. Where the member wrote it (text, names, card data) it is removed; an identifier
  (ids, the service URL, types) carrying one is refused. Display names longer than the database holds are cut.
  Bidi and zero-width marks stay: they carry meaning in Arabic text (command words are found without them,
  `dialogs.common.commands`).
- A bearer token whose header names no signing key (`kid`) gets 401 here: the SDK (1.9.0) would crash on it
  with a 500 (`token_refusal`). The SDK's own JWT check runs as before on everything else.
"""

from __future__ import annotations

import contextvars
import json
import logging
import math
import re
import uuid
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

import jwt
from aiohttp import web
from microsoft_agents.activity import Activity
from microsoft_agents.hosting.core import Agent, HttpAdapterBase
from microsoft_agents.hosting.core.authorization import ClaimsIdentity
from microsoft_agents.hosting.core.http import HttpResponse
from microsoft_teams.api.models.channel_data import ChannelData
from pydantic import ValidationError

logger = logging.getLogger(__name__)

MAX_BODY = 1024 * 1024
"""The largest activity accepted (bytes). Teams' own messages are at most ~100 KB; a card submit or an invoke
carries a form's data, not files (files arrive as download links)."""
MAX_DEPTH = 32
"""How deeply objects and arrays may nest in an activity (Teams' own go about 6 deep)."""

UNSTORABLE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
"""What no database or document takes: NUL (PostgreSQL text and jsonb refuse it), the other C0 controls but
tab, line feed and carriage return (XML — the minutes' .docx — refuses them), lone surrogates (not encodable as
UTF-8: both databases refuse them) and the non-characters U+FFFE, U+FFFF (not XML characters either)."""

ANY = "*"
"""A path step standing for every element of a list."""
IDENTIFIERS = frozenset(
    {
        ("type",),
        ("id",),
        ("channelId",),
        ("serviceUrl",),
        ("name",),
        ("action",),
        ("replyToId",),
        ("deliveryMode",),
        ("from", "id"),
        ("from", "aadObjectId"),
        ("recipient", "id"),
        ("conversation", "id"),
        ("conversation", "tenantId"),
        ("conversation", "conversationType"),
        ("channelData", "tenant", "id"),
        ("channelData", "team", "id"),
        ("channelData", "team", "aadGroupId"),
        ("channelData", "channel", "id"),
        ("membersAdded", ANY, "id"),
        ("membersAdded", ANY, "aadObjectId"),
        ("membersRemoved", ANY, "id"),
        ("membersRemoved", ANY, "aadObjectId"),
        ("entities", ANY, "mentioned", "id"),
    }
)
"""Strings that name something rather than say something: changed by a character they must not be (two ids could
become one), so one with an unstorable character is refused instead of cleaned."""
DISPLAY_NAMES = {
    ("from", "name"): 200,
    ("recipient", "name"): 200,
    ("channelData", "team", "name"): 200,
    ("channelData", "channel", "name"): 200,
    ("membersAdded", ANY, "name"): 200,
}
"""Names shown, not matched, and the most characters the database keeps of each (`member.name`, `community.name`
are 200): a longer one is cut rather than refused (Entra display names may be 256 characters)."""
LONGEST = {
    "from.id": 200,  # member.teams_user_id
    "from.aadObjectId": 64,  # member.aad_object_id
    "recipient.id": 200,
    "conversation.id": 1000,
    "conversation.tenantId": 64,  # community.tenant_id
    "serviceUrl": 500,  # community.service_url
    "locale": 35,  # member.teams_locale (BCP 47's longest useful tag)
    "localTimezone": 64,  # member.timezone; longer names make ZoneInfo raise OSError
    "type": 64,
    "name": 200,
    "channelData.tenant.id": 64,
    "channelData.team.id": 200,  # community.team_id
    "channelData.team.aadGroupId": 64,
    "channelData.channel.id": 200,  # community.channel_id
}
INVOKES = frozenset({"adaptiveCard/action", "application/search"})
"""The invoke names the bot answers (`bot.teams.routes`); the SDK answers any other with 501. Add a name here with
its handler."""
LANGUAGE_TAG = re.compile(r"[A-Za-z]{2,8}(?:[-_][A-Za-z0-9]{1,8})*")


class Refused(Exception):
    """The request is answered here, with `status` and a short reason, and goes no further."""

    def __init__(self, status: int, reason: str) -> None:
        super().__init__(reason)
        self.status = status
        self.reason = reason

    def response(self) -> web.Response:
        return web.json_response({"error": self.reason}, status=self.status)


@dataclass
class Cleaned:
    """An activity's JSON with every string cleaned: how many characters went, how many names were cut, and the
    first identifier that had to change (the activity is then refused)."""

    body: Any
    removed: int = 0
    cut: int = 0
    bad_identifier: str | None = None


async def read_activity(request: web.Request) -> dict[str, Any]:
    """The request's activity as JSON, cleaned and checked (`Refused` with 400 or 413 otherwise)."""
    try:
        return _read(await _body(request))
    except Refused as refusal:
        logger.warning(
            "refused activity status=%s reason=%s length=%s", refusal.status, refusal.reason, request.content_length
        )
        raise


async def _body(request: web.Request) -> bytes:
    if request.content_length is not None and request.content_length > MAX_BODY:
        raise Refused(413, f"Activity larger than {MAX_BODY} bytes.")
    try:
        return await request.read()
    except web.HTTPRequestEntityTooLarge:
        raise Refused(413, f"Activity larger than {MAX_BODY} bytes.") from None


def _read(raw: bytes) -> dict[str, Any]:
    if len(raw) > MAX_BODY:
        raise Refused(413, f"Activity larger than {MAX_BODY} bytes.")
    body = parse_json(raw)
    if not isinstance(body, dict):
        raise Refused(400, f"Activity must be a JSON object, not {_json_type(body)}.")
    cleaned = clean(body)
    if cleaned.bad_identifier:
        raise Refused(400, f"{cleaned.bad_identifier} holds control characters or broken surrogates.")
    if cleaned.removed or cleaned.cut:
        logger.info("activity cleaned: removed=%s characters, cut=%s names", cleaned.removed, cleaned.cut)
    check(cleaned.body)
    result: dict[str, Any] = cleaned.body
    return result


def parse_json(raw: bytes) -> Any:
    """Strict JSON: UTF-8, no NaN or Infinity, no number too large for a float, nesting within reason."""
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise Refused(400, "Activity is not UTF-8.") from None
    try:
        return json.loads(text, parse_constant=_no_constant, parse_float=_finite)
    except RecursionError:
        raise Refused(400, "Activity nests too deeply.") from None
    except ValueError as exc:  # JSONDecodeError, too many digits, NaN, Infinity
        raise Refused(400, f"Invalid JSON ({type(exc).__name__}).") from None


def _no_constant(name: str) -> None:
    raise ValueError(f"{name} is not JSON")


def _finite(literal: str) -> float:
    number = float(literal)
    if not math.isfinite(number):
        raise ValueError("number out of range")
    return number


def clean(body: Any) -> Cleaned:
    """`body` with every string (keys too) rid of unstorable characters, display names cut to what is stored."""
    result = Cleaned(None)
    result.body = _clean(body, (), result, depth=0)
    return result


def _clean(value: Any, path: tuple[str, ...], result: Cleaned, *, depth: int) -> Any:
    if isinstance(value, str):
        return _clean_string(value, path, result)
    if depth >= MAX_DEPTH and isinstance(value, dict | list):
        raise Refused(400, "Activity nests too deeply.")
    if isinstance(value, dict):
        cleaned: dict[str, Any] = {}
        for key, item in value.items():
            name = _clean_string(key, (*path, "<key>"), result)
            cleaned[name] = _clean(item, (*path, name), result, depth=depth + 1)
        return cleaned
    if isinstance(value, list):
        return [_clean(item, (*path, ANY), result, depth=depth + 1) for item in value]
    return value


def _clean_string(text: str, path: tuple[str, ...], result: Cleaned) -> str:
    if UNSTORABLE.search(text):
        cleaned = UNSTORABLE.sub("", text)
        result.removed += len(text) - len(cleaned)
        if path in IDENTIFIERS and result.bad_identifier is None:
            result.bad_identifier = _dotted(path)
        text = cleaned
    longest = DISPLAY_NAMES.get(path)
    if longest is not None and len(text) > longest:
        result.cut += 1
        text = text[:longest]
    return text


_SDK_VALIDATING = contextvars.ContextVar("sdk_validating", default=False)


class _QuietValidation(logging.Filter):
    """The SDK logs every activity it cannot validate at ERROR with a traceback and the offending values (member
    text among them); while the edge validates, its own one line is enough."""

    def filter(self, record: logging.LogRecord) -> bool:
        return not _SDK_VALIDATING.get()


logging.getLogger("microsoft_agents.activity.activity").addFilter(_QuietValidation())


@contextmanager
def _quiet_sdk() -> Iterator[None]:
    token = _SDK_VALIDATING.set(True)
    try:
        yield
    finally:
        _SDK_VALIDATING.reset(token)


def check(body: Mapping[str, Any]) -> Activity:
    """The activity as the SDK reads it, and every part of it the bot reads, or `Refused` (400) naming the field."""
    try:
        with _quiet_sdk():
            activity = Activity.model_validate(body)
    except ValidationError as exc:
        raise Refused(400, _first_error(exc)) from None
    except Exception as exc:  # the SDK's own consistency checks raise plain exceptions
        raise Refused(400, f"Activity refused by the SDK ({type(exc).__name__}).") from None
    _require(activity)
    _check_sizes(activity)
    _check_teams_parts(activity)
    return activity


def _require(activity: Activity) -> None:
    """What every activity must carry for the bot to know who speaks where, and to answer."""
    if not activity.channel_id:
        raise Refused(400, "channelId: Field required.")
    if activity.conversation is None:
        raise Refused(400, "conversation: Field required.")
    if activity.from_property is None or not activity.from_property.id:
        raise Refused(400, "from.id: Field required.")
    if not activity.service_url:
        raise Refused(400, "serviceUrl: Field required.")
    address = urlsplit(activity.service_url)
    if address.scheme not in ("http", "https") or not address.hostname:
        raise Refused(400, "serviceUrl: not an http(s) URL.")
    for field, accounts in (("membersAdded", activity.members_added), ("membersRemoved", activity.members_removed)):
        if any(not account.id or len(account.id) > LONGEST["from.id"] for account in accounts or []):
            raise Refused(400, f"{field}.id: missing or too long.")
    if activity.locale is not None and not LANGUAGE_TAG.fullmatch(activity.locale):
        raise Refused(400, "locale: not a language tag.")
    if activity.type == "invoke" and activity.name not in INVOKES:
        raise Refused(400, "name: not an invoke the bot answers.")


def _check_sizes(activity: Activity) -> None:
    sender, conversation = activity.from_property, activity.conversation
    values = {
        "from.id": sender.id,
        "from.aadObjectId": sender.aad_object_id,
        "recipient.id": activity.recipient.id if activity.recipient else None,
        "conversation.id": conversation.id,
        "conversation.tenantId": conversation.tenant_id,
        "serviceUrl": activity.service_url,
        "locale": activity.locale,
        "localTimezone": activity.local_timezone,
        "type": activity.type,
        "name": activity.name,
    }
    for field, value in values.items():
        if isinstance(value, str) and len(value) > LONGEST[field]:
            raise Refused(400, f"{field}: longer than {LONGEST[field]} characters.")


def _check_teams_parts(activity: Activity) -> None:
    """Teams' channelData, the mentions and the conversation reference parse as the bot reads them."""
    data = activity.channel_data
    if data is not None and not isinstance(data, dict):
        raise Refused(400, "channelData: must be an object.")
    try:
        parsed = ChannelData.model_validate(data) if data is not None else None
    except ValidationError as exc:
        raise Refused(400, "channelData." + _first_error(exc)) from None
    if parsed is not None:
        parts = {
            "channelData.tenant.id": parsed.tenant.id if parsed.tenant else None,
            "channelData.team.id": parsed.team.id if parsed.team else None,
            "channelData.team.aadGroupId": parsed.team.aad_group_id if parsed.team else None,
            "channelData.channel.id": parsed.channel.id if parsed.channel else None,
        }
        for field, value in parts.items():
            if isinstance(value, str) and len(value) > LONGEST[field]:
                raise Refused(400, f"{field}: longer than {LONGEST[field]} characters.")
    try:
        mentions = activity.get_mentions()
        activity.get_conversation_reference()
    except Exception as exc:
        raise Refused(400, f"Activity entities or reference unreadable ({type(exc).__name__}).") from None
    if any(m.mentioned is not None and not m.mentioned.id for m in mentions):
        raise Refused(400, "entities.mentioned.id: Field required.")


def _first_error(exc: ValidationError) -> str:
    """`field.path: message` of the first validation error, without the offending value."""
    errors = exc.errors(include_input=False, include_url=False, include_context=False)
    if not errors:
        return "Invalid activity."
    first = errors[0]
    where = ".".join(_printable(str(part)) for part in first["loc"]) or "activity"
    return f"{where}: {first['msg']}."


def _printable(part: str) -> str:
    """A path step as it may go into a log line: a field name, or `?` for a key the client made up."""
    return part if len(part) <= 40 and part.isascii() and part.isprintable() else "?"


def _dotted(path: tuple[str, ...]) -> str:
    return ".".join(path)


def _json_type(value: Any) -> str:
    return {list: "an array", str: "a string", bool: "a boolean", type(None): "null"}.get(type(value), "a number")


def token_refusal(authorization: str | None) -> str | None:
    """Why a bearer token is refused before the SDK sees it, or None to let the SDK judge it.

    The SDK (1.9.0) reads the signing key id from the token's header with `header["kid"]`: a token without one
    (or with a `kid` that is not a string) raises KeyError there, which became a 500. Anything the SDK's parser
    refuses by itself (not a JWT at all, a bad signature, the wrong audience) is left to it: it answers 401.
    """
    if not authorization:
        return None
    parts = authorization.split()
    if len(parts) != 2 or parts[0].lower() != "bearer":
        return None
    try:
        header = jwt.get_unverified_header(parts[1])
    except jwt.PyJWTError:
        return None
    kid = header.get("kid")
    if not isinstance(kid, str) or not kid:
        return "token header names no signing key"
    return None


UNAUTHORIZED = {"error": "Invalid token or authentication failed."}
"""The SDK's own body for a refused token."""


@dataclass(frozen=True)
class EdgeRequest:
    """The request as the SDK's adapter reads it (`HttpRequestProtocol`), with the cleaned activity as its body."""

    request: web.Request
    activity: dict[str, Any]

    @property
    def method(self) -> str:
        return self.request.method

    @property
    def headers(self) -> Mapping[str, str]:
        return self.request.headers

    async def json(self) -> dict[str, Any]:
        return self.activity

    def get_claims_identity(self) -> ClaimsIdentity | None:
        identity = self.request.get("claims_identity")
        return identity if isinstance(identity, ClaimsIdentity) else None

    def get_path_param(self, name: str) -> str:
        return self.request.match_info[name]


async def process(
    request: web.Request, activity: dict[str, Any], *, agent: Agent, adapter: HttpAdapterBase
) -> web.Response:
    """Run the checked activity through the SDK (JWT claims as the middleware set them) and answer its response.

    A failure that escapes the SDK (the application's error handler sees turn errors first) is logged once with
    an id and answered 500 without detail: it is the bot's fault, never the request's."""
    try:
        answer: HttpResponse = await adapter.process_request(EdgeRequest(request, activity), agent)
    except Exception:
        error_id = uuid.uuid4().hex[:8]
        logger.exception("activity failed outside the turn id=%s type=%s", error_id, activity.get("type"))
        return web.json_response({"error": "Internal error.", "id": error_id}, status=500)
    if answer.body is not None:
        return web.json_response(answer.body, status=answer.status_code, headers=answer.headers)
    return web.Response(status=answer.status_code, headers=answer.headers, content_type=answer.content_type)
