"""Log lines an operator can use: text or JSON (`LOG_FORMAT`), every line of a request carrying its id, and one
INFO line per turn (ids, outcome, reply count, duration; never a name nor a word the member wrote)."""

from __future__ import annotations

import json
import logging
import re
import sys
import time
import uuid
from collections.abc import Awaitable, Callable, Iterator, Mapping
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any, Literal, TextIO

from aiohttp import web
from microsoft_agents.activity import Activity, ActivityTypes
from microsoft_agents.hosting.core import TurnContext

from bot import metrics

turns = logging.getLogger("bot.turns")

REQUEST_ID_HEADER = "X-Request-Id"
TEAMS_CORRELATION_HEADER = "MS-CV"
CORRELATION = re.compile(r"[A-Za-z0-9+/=._-]{1,128}")
"""A correlation vector as Teams sends it (`MS-CV`); anything else is not taken as a request id."""
TURN_LOGGED = web.RequestKey("turn_logged", bool)
"""Set on a request whose turn wrote its line (the access log then leaves it out, `bot.app.AccessLog`)."""
TEXT_FORMAT = "%(asctime)s %(levelname)s %(name)s [%(request_id)s]: %(message)s"
QUIET_LOGGERS = (
    # the Agents SDK's "Calling error handler … for error: …": the error may quote the member's message (SQL parameters)
    "microsoft_agents.hosting.core.app.agent_application",
    # the Agents SDK: every connection's settings, over many lines, whenever a connection manager is made
    "microsoft_agents.hosting.core.authorization.connection_manager",
    # two lines per run of every scheduled job ("Running job …", "… executed successfully"): four a minute
    "apscheduler.executors.default",
)
"""Libraries' loggers whose INFO lines are kept out of an INFO log (their warnings and errors stay)."""

Outcome = Literal["answered", "refused", "ignored", "error"]

_request_id: ContextVar[str | None] = ContextVar("request_id", default=None)


@dataclass
class Turn:
    """What a turn's line says; the gate and the routes fill it in as they learn it."""

    activity_type: str
    invoke: str | None = None
    conversation_type: str | None = None
    community_id: int | None = None
    member_id: int | None = None
    outcome: Outcome = "ignored"
    replies: int = 0

    def fields(self, duration_ms: int) -> dict[str, Any]:
        """The line's fields, as the JSON format writes them."""
        return {
            "activity_type": self.activity_type,
            "invoke": self.invoke,
            "conversation_type": self.conversation_type,
            "community_id": self.community_id,
            "member_id": self.member_id,
            "outcome": self.outcome,
            "replies": self.replies,
            "duration_ms": duration_ms,
        }


_turn: ContextVar[Turn | None] = ContextVar("turn", default=None)


def configure(level: str, log_format: Literal["text", "json"]) -> None:
    """At start: log lines to standard error in `log_format`, at `level`; at INFO and above, without the libraries'
    INFO lines that could quote a member or say nothing (as `logging.basicConfig`, nothing changes if logging is set
    up already)."""
    logging.basicConfig(level=level, handlers=[handler(log_format)])
    if logging.getLevelNamesMapping()[level] >= logging.INFO:
        quiet_libraries()


def handler(log_format: Literal["text", "json"], stream: TextIO | None = None) -> logging.Handler:
    """A handler writing to `stream` (standard error) in `log_format`, each line with its request's id."""
    out = logging.StreamHandler(stream or sys.stderr)
    out.addFilter(_with_request_id)
    out.setFormatter(JsonFormatter() if log_format == "json" else logging.Formatter(TEXT_FORMAT))
    return out


def quiet_libraries() -> None:
    """The loggers of `QUIET_LOGGERS` write warnings and errors only."""
    for name in QUIET_LOGGERS:
        logging.getLogger(name).setLevel(logging.WARNING)


def _with_request_id(record: logging.LogRecord) -> bool:
    record.request_id = _request_id.get() or "-"
    return True


class JsonFormatter(logging.Formatter):
    """One JSON object per line: time (UTC), level, logger, message, the request's id, a turn's fields, and the
    traceback of an exception."""

    def format(self, record: logging.LogRecord) -> str:
        line: dict[str, Any] = {
            "time": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
        }
        request_id = getattr(record, "request_id", "-")
        if request_id != "-":
            line["request_id"] = request_id
        turn = getattr(record, "turn", None)
        if isinstance(turn, dict):
            line.update(turn)
        if record.exc_info:
            line["exception"] = self.formatException(record.exc_info)
        return json.dumps(line, ensure_ascii=False, default=str)


@web.middleware
async def request_ids(
    request: web.Request, handler: Callable[[web.Request], Awaitable[web.StreamResponse]]
) -> web.StreamResponse:
    """Every request gets an id: Teams' correlation vector (`MS-CV`) when it sends one, else a new one. Every log
    line of the request carries it, and the response too (`X-Request-Id`). aiohttp runs each request in a task of its
    own, so the id ends with it, after the access log's line."""
    sent = request.headers.get(TEAMS_CORRELATION_HEADER, "")
    request_id = sent if CORRELATION.fullmatch(sent) else uuid.uuid4().hex
    _request_id.set(request_id)
    try:
        response = await handler(request)
    except web.HTTPException as answer:
        answer.headers[REQUEST_ID_HEADER] = request_id
        raise
    if not response.prepared:
        response.headers[REQUEST_ID_HEADER] = request_id
    return response


@contextmanager
def turn(request: web.Request, activity: Mapping[str, Any]) -> Iterator[Turn]:
    """The turn of `activity` (checked at the edge), followed while the block runs; its line is written at the end:
    request id, activity type (and invoke name), conversation type, community and member ids, outcome, replies and
    duration."""
    kind = str(activity.get("type"))
    conversation = activity.get("conversation")
    current = Turn(
        activity_type=kind,
        invoke=str(activity.get("name")) if kind == ActivityTypes.invoke else None,
        conversation_type=conversation.get("conversationType") if isinstance(conversation, dict) else None,
    )
    token = _turn.set(current)
    started = time.perf_counter()
    try:
        yield current
    except BaseException:
        current.outcome = "error"
        raise
    finally:
        _turn.reset(token)
        seconds = time.perf_counter() - started
        metrics.turn_ended(current.activity_type, current.outcome, seconds)
        duration_ms = round(seconds * 1000)
        fields = current.fields(duration_ms)
        turns.info(
            "turn %s",
            " ".join(f"{name}={value}" for name, value in fields.items() if value is not None),
            extra={"turn": fields},
        )
        request[TURN_LOGGED] = True


def current_turn() -> Turn:
    """The turn being handled (outside a request, as when a test drives the agent directly: one nobody logs)."""
    return _turn.get() or Turn(activity_type="")


async def count_replies[T](_context: TurnContext, activities: list[Activity], send: Callable[[], Awaitable[T]]) -> T:
    """`TurnContext.on_send_activities` handler: the turn's replies sent (not typing indicators nor traces)."""
    sent = await send()
    current_turn().replies += sum(
        activity.type not in (ActivityTypes.typing, ActivityTypes.trace) for activity in activities
    )
    return sent
