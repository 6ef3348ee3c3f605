"""The world the generated hostile cases run in, and what every case must hold.

One database (SQLite, or PostgreSQL when it answers) with two communities of the same tenant: A, installed over
HTTP in the team of the Teams fixtures (Leila, Omar, Sami), and B in another team, whose every name, title and text
carries `SECRET_B`. Each has a meeting, an agenda item, an action, an FAQ entry, a working group, a poll, an
objective and a ticket. The bot's real aiohttp app serves A (pinned to A's team, local mode) with the fake Bot
Connector beside it; the same database is also reached in-process through `dialogs.router.Router`, as the app's
routes call it, after the edge's own cleaning (`bot.teams.edge.clean`).

Invariants, checked on every case:
- no 5xx, and no turn that failed (an apology with an error id is a 500 in disguise);
- every answer to a member of A is in that member's language (their choice after the turn);
- a refused turn (HTTP 400/413, the gate's refusal, a UserError) commits no write but the gate's bookkeeping
  (last seen, locale, zone, display name, conversation reference);
- nothing of B (`SECRET_B`, its members' names) in any answer to A, nor in anything posted in A's conversations.
"""

from __future__ import annotations

import asyncio
import json
import logging
import re
import uuid
from collections import Counter
from collections.abc import Awaitable, Callable, Iterator
from contextlib import AsyncExitStack, contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import aiohttp
import httpx._transports.default as httpx_transports
from sqlalchemy import event, select
from sqlalchemy.ext.asyncio import AsyncEngine

from bot.app import ENGINE
from bot.cards.render import ADAPTIVE_CARD, Renderer
from bot.i18n import Catalogs
from bot.teams.gate import Gate
from dialogs.common.errors import UserError
from dialogs.common.people import Person
from dialogs.community.roster import sync_roster
from dialogs.features import build_services
from dialogs.router import Router, TurnResult
from storage import migrate
from storage.db import create_engine, session_factory
from storage.models import (
    Action,
    AgendaItem,
    Community,
    FaqEntry,
    Meeting,
    Member,
    PlanObjective,
    Proposal,
    Role,
    Ticket,
    WorkingGroup,
)
from tests.chat import new_community
from tests.databases import reset_schema
from tests.fake_connector import FakeConnector
from tests.fakes import FakeClock
from tests.server import LEILA, OMAR, SAMI, TEAM, BotServer, serve, settings_for

SECRET_B = "SECRETB-"
"""Every name, title and text of community B carries SECRETB-<WHAT>; none may reach an answer to A."""
B_MARK = re.compile(r"SECRETB-[A-Z]+")
TEAM_B = "19:team-bravo-9c1d@thread.tacv2"
B_PEOPLE = [Person("29:1zaid", None, f"Zaid {SECRET_B}ZAID"), Person("29:1yara", None, f"Yara {SECRET_B}YARA")]
A_LANGUAGES = {"29:1leila": "en", "29:1omar": "ar", "29:1sami": "ar"}
SEED = [
    "meeting add {p}MEETING weekly | next Thursday 10:00 | every week",
    "agenda add {p}ITEM item | {p}DETAILS details",
    "action add {p}ACTION action | me | in two weeks",
    "faq add {p}QUESTION where is the water plan? | {p}ANSWER the plan is in the drive | tags water",
    "group add {p}GROUP group | {p}SCOPE scope",
    "poll {p}POLL poll? | yes | no",
    "endorse {p}ENDORSEMENT endorsement",
    "plan add {p}OBJECTIVE objective",
    "ask {p}TICKET question about fuel prices?",
]
GATE_BOOKKEEPING = {"member": {"last_seen_at", "teams_locale", "timezone", "name", "conversation_reference"}}
GATE_BOOKKEEPING["community"] = {"conversation_reference"}
ARABIC_LETTER = re.compile("[\u0621-\u064a]")
LATIN_LETTER = re.compile("[A-Za-z]")
TEAMS_LIMIT = 80 * 1024  # bytes of JSON Teams is sure to take (the documented limit is 100 KB)
_DML = re.compile(r"^\s*(INSERT\s+INTO|UPDATE|DELETE\s+FROM)\s+\"?(\w+)\"?", re.IGNORECASE)
_SET = re.compile(r"\bSET\s+(.*?)\s+WHERE\b", re.IGNORECASE | re.DOTALL)


class Violation(AssertionError):
    """An invariant that did not hold for one case."""


# --- what happened during one case -------------------------------------------------------------------------


class Writes:
    """The tables (and, for updates, the columns) each committed transaction wrote, from the engines' events."""

    def __init__(self) -> None:
        self.open: dict[int, list[tuple[str, frozenset[str]]]] = {}
        self.committed: list[tuple[str, frozenset[str]]] = []

    def watch(self, engine: AsyncEngine) -> None:
        sync = engine.sync_engine
        event.listen(sync, "after_cursor_execute", self._executed)
        event.listen(sync, "commit", self._commit)
        event.listen(sync, "rollback", self._rollback)

    def _executed(self, connection: Any, _cursor: Any, statement: str, *_: Any) -> None:
        found = _DML.match(statement)
        if found is None:
            return
        columns: frozenset[str] = frozenset()
        if found.group(1).upper() == "UPDATE" and (setting := _SET.search(statement)):
            columns = frozenset(part.split("=")[0].strip().strip('"') for part in setting.group(1).split(","))
        self.open.setdefault(id(connection), []).append((found.group(2).lower(), columns))

    def _commit(self, connection: Any) -> None:
        self.committed += self.open.pop(id(connection), [])

    def _rollback(self, connection: Any) -> None:
        self.open.pop(id(connection), None)

    def take(self) -> list[tuple[str, frozenset[str]]]:
        taken, self.committed = self.committed, []
        return taken


class Tap(logging.Handler):
    """ERROR records (a failed turn, a crash outside it), and the turn's refusals: UserErrors and the gate's."""

    def __init__(self) -> None:
        super().__init__(level=logging.ERROR)
        self.errors: list[str] = []
        self.user_errors: list[str] = []
        self.gate_refusals: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.errors.append(f"{record.name}: {record.getMessage()}"[:300])

    def clear(self) -> None:
        self.errors.clear()
        self.user_errors.clear()
        self.gate_refusals.clear()


TAP = Tap()


@contextmanager
def tapped() -> Iterator[None]:
    """The tap on the root logger, and on the router's and the gate's refusals (wrapped, not changed).

    Also: one TLS context for every Teams API client. The SDK's Teams extension (and, in local mode,
    `bot.agent`) builds an httpx client per turn, and each loads the system's CA certificates: ~20 ms of CPU a
    turn that would double the HTTP groups' time (reported; not what this suite is about)."""
    run, refuse = Router.run, Gate._refuse
    make_tls = httpx_transports.create_ssl_context
    contexts: dict[tuple[Any, ...], Any] = {}

    def shared_tls(verify: Any = True, cert: Any = None, trust_env: bool = True) -> Any:
        key = (verify, cert, trust_env)
        if key not in contexts:
            contexts[key] = make_tls(verify=verify, cert=cert, trust_env=trust_env)
        return contexts[key]

    httpx_transports.create_ssl_context = shared_tls

    async def recording_run(self: Router, *, handler: Any, **kwargs: Any) -> TurnResult:
        async def recording(turn: Any) -> Any:
            try:
                return await handler(turn)
            except UserError as error:
                TAP.user_errors.append(error.message_key)
                raise

        return await run(self, handler=recording, **kwargs)

    async def recording_refuse(self: Gate, context: Any, key: str) -> None:
        TAP.gate_refusals.append(key)
        await refuse(self, context, key)

    Router.run = recording_run  # type: ignore[method-assign]
    Gate._refuse = recording_refuse  # type: ignore[method-assign]
    logging.getLogger().addHandler(TAP)
    sdk_noise = logging.getLogger("microsoft_agents.hosting.core.connector.client.user_token_client")
    sdk_noise.setLevel(logging.ERROR)  # "App ID is not provided" on every local-mode turn
    try:
        yield
    finally:
        logging.getLogger().removeHandler(TAP)
        Router.run = run  # type: ignore[method-assign]
        Gate._refuse = refuse  # type: ignore[method-assign]
        httpx_transports.create_ssl_context = make_tls
        sdk_noise.setLevel(logging.NOTSET)


# --- the table ---------------------------------------------------------------------------------------------


@dataclass
class Group:
    tried: int = 0
    failures: int = 0
    examples: list[str] = field(default_factory=list)


@dataclass
class Stats:
    """Cases tried and failures per case group (printed as a table at the end of the run), and observations."""

    groups: dict[str, Group] = field(default_factory=dict)
    seconds: dict[str, float] = field(default_factory=dict)
    largest_reply: tuple[int, str] = (0, "")
    over_limit: int = 0
    answers: Counter[str] = field(default_factory=Counter)  # reply keys and HTTP statuses: what the cases reached
    seed: int | None = None

    def group(self, name: str) -> Group:
        return self.groups.setdefault(name, Group())

    def table(self) -> list[str]:
        width = max([len(name) for name in self.groups] + [10])
        lines = [f"{'case group':<{width}}  {'cases tried':>11}  {'failures':>8}  {'seconds':>7}"]
        for name, group in self.groups.items():
            seconds = self.seconds.get(name, 0.0)
            lines.append(f"{name:<{width}}  {group.tried:>11,}  {group.failures:>8,}  {seconds:>7.1f}")
        tried = sum(g.tried for g in self.groups.values())
        failed = sum(g.failures for g in self.groups.values())
        lines.append(f"{'total':<{width}}  {tried:>11,}  {failed:>8,}  {sum(self.seconds.values()):>7.1f}")
        return lines


STATS = Stats()


# --- the world ---------------------------------------------------------------------------------------------


class World:
    """Everything a case needs, built once per database on its own event loop."""

    def __init__(self, database_url: str, folder: Path) -> None:
        self.url = database_url
        self.folder = folder
        self.runner = asyncio.Runner()
        self.clock = FakeClock()
        self.writes = Writes()
        self.stack = AsyncExitStack()
        self.renderer = Renderer(Catalogs(), clock=self.clock)
        self.members: dict[str, int] = {}  # Teams id -> member id, community A
        self.b_ids: dict[str, list[int]] = {}  # B's primary keys and numbers, by what they are
        self.b_words: list[str] = []  # B's group name, its members' names
        self.a_words: list[str] = []

    # lifecycle

    def run[T](self, job: Awaitable[T]) -> T:
        return self.runner.run(job)  # type: ignore[arg-type]

    def start(self) -> World:
        self.run(self._start())
        return self

    def close(self) -> None:
        self.run(self.stack.aclose())
        self.runner.close()

    async def _start(self) -> None:
        self.engine = create_engine(self.url)
        if self.engine.dialect.name == "postgresql":
            await reset_schema(self.engine)
        else:
            await migrate.upgrade(self.engine)
        self.stack.push_async_callback(self.engine.dispose)
        self.sessions = session_factory(self.engine)
        self.services = build_services()
        self.router = Router(self.sessions, self.services)
        self.connector = await FakeConnector(roster=[LEILA, OMAR, SAMI]).start()
        self.stack.push_async_callback(self.connector.close)
        settings = settings_for(self.url, self.folder, allowed_team_ids=[TEAM])
        self.bot: BotServer = await self.stack.enter_async_context(serve(settings, self.connector, self.clock))
        self.http = await self.stack.enter_async_context(aiohttp.ClientSession())
        await self.bot.install()
        async with self.sessions.begin() as session:
            a = await session.scalar(select(Community).where(Community.team_id == TEAM))
            assert a is not None
            self.a_id = a.id
            for member in await session.scalars(select(Member).where(Member.community_id == a.id)):
                self.members[member.teams_user_id] = member.id
                member.language = A_LANGUAGES[member.teams_user_id]
                if member.teams_user_id == "29:1omar":
                    member.role = Role.FACILITATOR
            b = await new_community(
                session, now=self.clock(), team=TEAM_B, name=f"Bravo {SECRET_B}COMMUNITY", language="en"
            )
            await sync_roster(session, community=b, people=B_PEOPLE, complete=True, admin_ids=(), now=self.clock())
            self.b_id = b.id
            b_members = list(await session.scalars(select(Member).where(Member.community_id == b.id)))
            for member in b_members:
                member.role = Role.FACILITATOR
        for text in SEED:
            await self._seed(self.members["29:1leila"], text.format(p="Alpha-"))
            await self._seed(b_members[0].id, text.format(p=SECRET_B))
        await self._remember_b()
        self.writes.watch(self.engine)
        self.writes.watch(self.bot.server.app[ENGINE])

    async def _seed(self, member_id: int, text: str) -> None:
        result = await self.router.text(member_id=member_id, text=text, now=self.clock())
        if result.replies[0].key.endswith(("-usage", "-invalid", "-unknown", "-missing")):
            raise RuntimeError(f"seeding {text!r} failed: {result.replies[0].key}")

    async def _remember_b(self) -> None:
        async with self.sessions() as session:
            for model in (Action, AgendaItem, Meeting, FaqEntry, Ticket, Proposal, PlanObjective, WorkingGroup):
                table: Any = model
                rows = list(await session.scalars(select(model).where(table.community_id == self.b_id)))
                self.b_ids[model.__tablename__] = [row.id for row in rows] + [
                    n for row in rows if (n := getattr(row, "number", None)) is not None
                ]
            groups = await session.scalars(select(WorkingGroup.name).where(WorkingGroup.community_id == self.b_id))
            self.b_words = [*groups, *(person.name for person in B_PEOPLE)]
            members = await session.scalars(select(Member.id).where(Member.community_id == self.b_id))
            self.b_ids["member"] = list(members)
            a_groups = await session.scalars(select(WorkingGroup.name).where(WorkingGroup.community_id == self.a_id))
            self.a_words = list(a_groups)

    # in-process turns

    def member_ids(self) -> list[int]:
        return sorted(self.members.values())

    async def language_of(self, member_id: int) -> str | None:
        async with self.sessions() as session:
            member = await session.get(Member, member_id)
            return member.language if member is not None else None

    async def turn(self, member_id: int, run: Callable[[], Awaitable[TurnResult]], *, said: Any = None) -> None:
        """One in-process turn and every invariant on it (`said`: what the member sent, which answers may echo)."""
        TAP.clear()
        self.writes.take()
        result = await run()
        refused = bool(TAP.user_errors)
        written = self.writes.take()
        self._no_errors()
        if refused and written:
            raise Violation(f"refused ({TAP.user_errors[-1]}) but wrote {sorted({t for t, _ in written})}")
        expected = await self.language_of(member_id)
        if result.language != expected:
            raise Violation(f"answered in {result.language!r}, the member reads {expected!r}")
        for reply in result.replies:
            STATS.answers[reply.key] += 1
            activity = self.renderer.activity(reply, lang=result.language, zone=result.zone)
            shown = activity.model_dump(mode="json", by_alias=True, exclude_none=True)
            self._in_language(shown, result.language, reply.key)
            self._nothing_of_b(shown, f"reply {reply.key}", said)

    # HTTP turns

    async def post(self, body: Any, *, raw: bytes | None = None) -> tuple[int, Any]:
        data = raw if raw is not None else json.dumps(body).encode()
        async with self.http.post(
            self.bot.server.make_url("/api/messages"), data=data, headers={"Content-Type": "application/json"}
        ) as response:
            text = await response.text()
            try:
                answer = json.loads(text) if text else None
            except ValueError:
                answer = text
            return response.status, answer

    async def exchange(self, body: Any, *, raw: bytes | None = None) -> None:
        """One activity through the real HTTP edge and every invariant on it."""
        TAP.clear()
        self.writes.take()
        posted = len(self.connector.posted)
        status, answer = await self.post(body, raw=raw)
        written = self.writes.take()
        STATS.answers[f"HTTP {status}"] += 1
        if status >= 500:
            raise Violation(f"HTTP {status}: {str(answer)[:200]}")
        if status not in (200, 202, 400, 413):
            raise Violation(f"HTTP {status}: {str(answer)[:200]}")
        self._no_errors()
        refused = status in (400, 413) or bool(TAP.gate_refusals) or bool(TAP.user_errors)
        if status in (400, 413) and written:
            raise Violation(f"HTTP {status} but wrote {sorted({t for t, _ in written})}")
        if refused and (beyond := [w for w in written if not _bookkeeping(w)]):
            why = (TAP.gate_refusals or TAP.user_errors or ["?"])[-1]
            raise Violation(f"refused ({why}) but wrote {sorted({f'{t}{sorted(c)}' for t, c in beyond})}")
        replies: list[dict[str, Any]] = []
        if status == 200 and isinstance(answer, dict):
            if isinstance(answer.get("activities"), list):  # expectReplies
                replies = answer["activities"]
            elif answer.get("type") == ADAPTIVE_CARD and isinstance(answer.get("value"), dict):  # a button's card
                replies = [{"type": "message", "attachments": [{"content": answer["value"]}]}]
            elif isinstance(answer.get("value"), str):  # a button's short message
                replies = [{"type": "message", "text": answer["value"]}]
        sent = [p.activity for p in self.connector.posted[posted:]]
        for shown in [*replies, *sent]:
            self._nothing_of_b(shown, "HTTP reply", body if body is not None else raw)
        await self._http_language(body, replies)

    async def _http_language(self, body: Any, replies: list[dict[str, Any]]) -> None:
        if not isinstance(body, dict) or TAP.gate_refusals or not replies:
            return
        sender = body.get("from") if isinstance(body.get("from"), dict) else {}
        member_id = self.members.get(sender.get("id")) if isinstance(sender.get("id"), str) else None
        if member_id is None:
            return
        expected = await self.language_of(member_id)
        for reply in replies:  # the SDK gives a reply the incoming activity's locale: the cards say their language
            langs = {
                a["content"].get("lang") for a in reply.get("attachments") or [] if isinstance(a.get("content"), dict)
            }
            if langs - {None, expected}:
                raise Violation(f"reply in {sorted(str(x) for x in langs)}, the member reads {expected!r}")
            self._in_language(reply, expected or "", "HTTP reply")

    # invariants

    def _no_errors(self) -> None:
        if TAP.errors:
            raise Violation("; ".join(TAP.errors[:2]))

    def _nothing_of_b(self, shown: Any, what: str, said: Any) -> None:
        """No mark of B in what A is shown, but those the member wrote themselves (an answer may repeat them)."""
        dumped = json.dumps(shown, ensure_ascii=False)
        size = len(dumped.encode())
        if size > STATS.largest_reply[0]:
            STATS.largest_reply = (size, what)
        if size > TEAMS_LIMIT:
            STATS.over_limit += 1
        given = said if isinstance(said, str) else json.dumps(said, ensure_ascii=False, default=repr)
        leaked = set(B_MARK.findall(dumped)) - set(B_MARK.findall(given))
        if leaked:
            raise Violation(f"{what} shows {sorted(leaked)} of community B")

    def _in_language(self, shown: dict[str, Any], lang: str, what: str) -> None:
        """Every message of the catalogs has a word in its language: none is a sign of the wrong catalog."""
        text = _texts(shown)
        letters = ARABIC_LETTER if lang == "ar" else LATIN_LETTER
        if text and not letters.search(text):
            raise Violation(f"{what} in {lang!r} has no {lang} word: {text[:120]!r}")


def _bookkeeping(write: tuple[str, frozenset[str]]) -> bool:
    table, columns = write
    allowed = GATE_BOOKKEEPING.get(table)
    return allowed is not None and bool(columns) and columns <= allowed


def _texts(shown: Any) -> str:
    """The words a member reads in an activity: its text, summary and every card text."""
    found: list[str] = []

    def walk(node: Any, key: str = "") -> None:
        if isinstance(node, dict):
            for name, value in node.items():
                walk(value, name)
        elif isinstance(node, list):
            for value in node:
                walk(value, key)
        elif isinstance(node, str) and key in ("text", "summary", "title", "label", "placeholder"):
            found.append(node)

    walk(shown)
    return " ".join(found)


def fresh_id() -> str:
    return uuid.uuid4().hex
