"""Every Adaptive Card Tansiq sends, in Arabic and English, written as JSON for tests/e2e/render-cards.mjs.

The cards come from the bot's own code: real dialog turns (`dialogs.router.Router`, the same calls the bot's
handlers make) against a throw-away SQLite database holding the demo community, rendered by the bot's
`Renderer`. Meetings are followed through time: scheduled, moved and given agenda items today; the reminders
they planned composed by the outbox's own composers at their due times; then the demo series' first meeting
held (an hour in: attendance, decisions, an action; closed; minutes edited and published), its follow-up and
minutes posts composed, and the bot's dispatcher run with no way to reach anyone, so `reminders failed` has
real undelivered messages to list. Every other reply key found in the dialogs' and handlers' source (mistakes,
confirmations, welcomes) is added with sample arguments, and the bilingual refusals too, so a new message is
covered without editing this file. English text replies are plain Teams messages, not cards, and are skipped.

Usage: python tests/e2e/cards.py OUT_DIR     (writes OUT_DIR/<lang>-<name>.json and OUT_DIR/index.json)
"""

from __future__ import annotations

import asyncio
import json
import logging
import re
import sys
import tempfile
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from fluent.syntax import FluentParser, ast
from fluent.syntax.visitor import Visitor
from sqlalchemy import select

from bot.cards.render import ADAPTIVE_CARD, Renderer
from bot.files.links import SignedLinks
from bot.i18n import LOCALES, Catalogs
from bot.outbound.dispatcher import Dispatcher
from dialogs.common import outbox
from dialogs.common.people import Person
from dialogs.common.registry import Registry
from dialogs.common.replies import Reply
from dialogs.community.roster import install, sync_roster
from dialogs.demo import DEMO_TENANT, load_demo
from dialogs.features import FEATURES, build_services
from dialogs.router import Router
from storage import migrate
from storage.db import create_engine, session_factory
from storage.models import Action, Member, Notification, WorkingGroup

ROOT = Path(__file__).resolve().parents[2]
LANGS = ("ar", "en")
ZONE = "Asia/Beirut"
LEILA, AMAL = "29:tansiq-demo-leila", "29:tansiq-demo-amal"  # a facilitator and a member of the demo community
OMAR = Person("29:tansiq-demo-omar", None, "عمر خليل")  # mentioned in `attended`
LONG_TEXT = (
    "Consolidate the seasonal rainfall forecasts, the vegetation health index and the market price monitoring "
    "from all five national societies into one regional drought bulletin, and circulate it to partners "
    "before the trigger review meeting · توحيد توقعات الأمطار الموسمية ومؤشر صحة الغطاء النباتي"
)
# The features whose every card view needs a turn below (governance and question cards: tests/e2e/playground.mjs).
COVERED = ("community", "actions", "meetings", "reminders")
# Variants of one card view that look different: each must be written too. (view, reply key, draft?)
VARIANTS = {
    ("MeetingReminder", "meeting-reminder-week", None),
    ("MeetingReminder", "meeting-reminder-day", None),
    ("MeetingReminder", "meeting-reminder-hour", None),
    ("AgendaCard", "agenda", None),
    ("AgendaCard", "agenda-published", None),
    ("MinutesCard", "minutes", True),
    ("MinutesCard", "minutes", False),
    ("MinutesCard", "minutes-published", False),
    ("MeetingCard", "meeting-added", None),
    ("MeetingCard", "meeting-moved", None),
    ("MeetingCard", "meeting-moved-series", None),
}
# Outbox rows whose composed message is a card, and the cards.py name of each (meeting reminders by stage).
COMPOSED = {
    "meeting-reminder": "reminder",
    "agenda-published": "agenda-published",
    "weekly-digest": "digest",
    "meeting-follow-up": "follow-up",
    "minutes-published": "minutes-posted",
}
# Sample values for the variables of messages that are only found in the source (by variable name).
SAMPLES: dict[str, Any] = {
    "number": 12,
    "count": 3,
    "page": 4,
    "pages": 3,
    "next": 2,
    "length": 1234,
    "limit": 1000,
    "days": 3,
    "group_count": 2,
    "given": "31 Febtember",
    "name": "عمر خليل",
    "by": "Leila Haddad",
    "who": "Leila Haddad",
    "role": "facilitator",
    "lang": "ar",
    "zone": "Asia/Beirut",
    "community": "MENA Anticipatory Action CoP · مجتمع الممارسة للعمل الاستباقي",
    "error_id": "3f9a1c2e",
    "suggestion": "help",
    "status": "done",
    "verb": "progress",
    "text": "Send the drought bulletin to partners",
    "title": "all",
    "subject": "",
    "period": "all",
    "kind": "done",
    "note": "",
    "groups": "-",
}
SAMPLE_DATES = {"day", "start", "end"}
SAMPLE_TIMES = {"when", "at"}
KEY_CALL = re.compile(
    r"(UserError|Reply\.of|Reply|_stored)\(\s*\"([a-z][a-z0-9-]*)\"(?:\s+if\s[^\"]*else\s+\"([a-z0-9-]+)\")?"
)
Named = tuple[str, Reply, str]  # (name, reply, where it came from)
PHRASES = ("recurrence.py",)  # its Replies are phrases inside other messages, never sent alone (only its errors)


def turns(action_id: int, group: str) -> list[tuple[str, str, str]]:
    """(name, who, text) of the turns whose replies are shown; run in this order."""
    return [
        ("actions-empty", LEILA, "actions"),  # Leila's only demo action is done
        ("help-facilitator", LEILA, "help"),
        ("help-member", AMAL, "help"),
        ("help-topic-meetings", AMAL, "help meetings"),
        ("help-topic-settings", LEILA, "help settings"),
        ("lang-choose", LEILA, "lang"),
        ("whoami", LEILA, "whoami"),
        ("community-choose", LEILA, "community"),
        ("members", LEILA, "members"),
        ("question", LEILA, "What is the trigger threshold for the drought early action protocol in Yemen?"),
        ("faq-form", LEILA, "faq add"),
        ("action-form-facilitator", LEILA, "action add"),
        ("action-form-member", AMAL, "action add"),
        ("action-added", LEILA, "action add Send the drought bulletin to partners | me | next Thursday"),
        ("action-added-long", LEILA, f"action add {LONG_TEXT} | me | next Thursday | group {group}"),
        ("action-card-history", LEILA, f"action {action_id}"),
        ("action-progress", LEILA, f"action progress {action_id} draft sent to the national societies for comment"),
        ("action-blocked", LEILA, f"action blocked {action_id} waiting for the rainfall data"),
        ("action-due", LEILA, f"action due {action_id} next Monday"),
        ("action-done", LEILA, f"action done {action_id}"),
        ("actions-mine", LEILA, "actions"),
        ("actions-all", LEILA, "actions all"),
        ("actions-overdue", LEILA, "actions overdue"),
        ("actions-group", LEILA, f"actions group {group}"),
        ("actions-report", LEILA, "actions report"),
        ("actions-report-year", LEILA, "actions report year"),
        ("actions-report-member", AMAL, "actions report quarter"),
        ("plan", LEILA, "plan"),  # governance cards with charts (the others: tests/e2e/playground.mjs)
        ("vote-card", AMAL, "vote 1"),
        ("error-action-closed", LEILA, f"action done {action_id}"),
        ("error-action-unknown", LEILA, "action done 999"),
        ("error-not-facilitator", AMAL, "role Omar member"),
        ("error-unknown-command", LEILA, "/remind me tomorrow"),
        ("error-action-owners-missing", LEILA, "action add Draft the protocol"),
        ("error-date-unreadable", LEILA, "action add Draft the protocol | me | the day after the flood"),
    ]


async def meeting_replies(
    sessions: Any, router: Router, *, ids: dict[str, int], group: str, now: datetime
) -> list[Named]:
    """Meetings, agendas, reminders and minutes, followed through time (see the module's docstring)."""
    replies: list[Named] = []

    async def say(name: str, who: str, text: str, *, at: datetime = now, mentions: tuple[Person, ...] = ()) -> Reply:
        result = await router.text(member_id=ids[who], text=text, mentions=mentions, now=at)
        replies.extend((name, reply, f"{who}: {text}") for reply in result.replies)
        return result.replies[0]

    async def expect(name: str, who: str, text: str, key: str, **at: Any) -> Reply:
        reply = await say(name, who, text, **at)
        if reply.key != key:
            raise SystemExit(f"cards.py: {who}: {text!r} answered {reply.key!r}, not {key!r} ({reply.args})")
        return reply

    day = (now + timedelta(days=20)).astimezone(ZoneInfo(ZONE)).date()
    link = "https://teams.microsoft.com/l/meetup-join/19%3ameeting_tansiq-cash%40thread.v2/0"
    await expect("meetings", LEILA, "meetings", "meetings-list")
    await expect("meeting-form", LEILA, "meeting add", "meeting-form")
    added = await expect(
        "meeting-added",
        LEILA,
        f"meeting add Cash working group sync · مزامنة مجموعة التحويلات النقدية | {day:%Y-%m-%d} 14:00 | "
        f"every 2 weeks | {link} | group {group} | tz Africa/Cairo | for 90 minutes",
        "meeting-added",
    )
    number = added.view.meeting.number
    moved, series = day + timedelta(days=1), day + timedelta(days=2)
    await expect("meeting-moved", LEILA, f"meeting move {number} | {moved:%Y-%m-%d} 15:00", "meeting-moved")
    await expect(
        "meeting-moved-series", LEILA, f"meeting move {number} | {series:%Y-%m-%d} 14:00 | all", "meeting-moved-series"
    )
    await expect("meetings-after-changes", LEILA, "meetings", "meetings-list")
    await expect("agenda-form-facilitator", LEILA, "agenda add", "agenda-form")
    await expect("agenda-form-member", AMAL, "agenda add", "agenda-form")
    item = await expect(
        "agenda-item-added",
        AMAL,
        "agenda add Cash transfer values for the winter · قيم التحويلات النقدية للشتاء | "
        "compare the three proposals of the cash working group | minutes",
        "agenda-item-added",
    )
    await expect(
        "agenda-item-added-group",
        LEILA,
        f"agenda add Rainfall outlook | for {number} | confidential",
        "agenda-item-added",
    )
    await expect("agenda-accepted", LEILA, f"agenda accept {item.args['number']}", "agenda-item-accepted")
    await expect("agenda-deferred", LEILA, "agenda defer 2", "agenda-item-deferred")
    agenda = await expect("agenda-facilitator", LEILA, "agenda 1", "agenda")
    await expect("agenda-member", AMAL, "agenda", "agenda")
    await expect("agenda-group-meeting", LEILA, f"agenda {number}", "agenda")
    await expect("agenda-empty", LEILA, "agenda 2", "agenda")
    await expect("agenda-item-alone", AMAL, f"agenda item {item.args['number']}", "agenda-item")
    await expect("reminders-settings", AMAL, "reminders", "reminders-settings")
    await expect("reminders-changed", LEILA, "reminders quiet 21:00-07:00", "reminders-settings")
    await expect("privacy", AMAL, "privacy", "privacy")
    await expect("forget-confirm", AMAL, "forget me", "forget-confirm")
    await expect("audit", LEILA, "audit", "audit")
    await expect("mydata", AMAL, "mydata", "mydata")
    await expect("sharing-review", LEILA, "privacy review", "sharing-review")

    # what the planned reminders say when they fall due (composed by the outbox, as the dispatcher does)
    replies += await composed(
        sessions, router.services.registry, kinds=("meeting-reminder", "agenda-published", "weekly-digest")
    )

    # the demo series' first meeting: the agenda after its deadline, then the meeting itself
    start = agenda.view.meeting.starts_at
    await expect("agenda-deadline-passed", LEILA, "agenda 1", "agenda", at=start - timedelta(hours=1))
    await expect(
        "agenda-item-added-next",
        AMAL,
        "agenda add Shared warehouse stock · مخزون المستودع المشترك",
        "agenda-item-added-next",
        at=start - timedelta(hours=1),
    )
    during = start + timedelta(minutes=30)
    await expect("attended", LEILA, "attended 1 <at>عمر خليل</at>", "attendance-recorded", at=during, mentions=(OMAR,))
    await expect(
        "decision-added",
        LEILA,
        "decision add Adopt the Nile delta flood thresholds of the pilot | item 1",
        "decision-added",
        at=during,
    )
    await expect(
        "decision-added-ar", LEILA, "قرار إضافة اعتماد قالب 4W المشترك لجميع الشركاء", "decision-added", at=during
    )
    await expect(
        "decision-confidential",
        LEILA,
        "decision add Relocate the Aden team | confidential",
        "decision-added",
        at=during,
    )
    await expect(
        "action-in-meeting",
        LEILA,
        "action add Share the thresholds table with partners | me | next week",
        "action-added",
        at=during,
    )
    await expect("minutes-draft", LEILA, "minutes 1", "minutes", at=during)
    await expect("error-minutes-not-published", AMAL, "minutes 1", "minutes-not-published", at=during)
    closed = start + timedelta(minutes=90)
    await expect("meeting-closed", LEILA, "meeting close 1", "meeting-closed", at=closed)
    await expect(
        "minutes-edited",
        LEILA,
        "minutes edit 1 | We reviewed the Nile delta triggers and agreed the pilot's thresholds.",
        "minutes",
        at=closed,
    )
    await expect(  # the Arabic summary is kept beside the English one: each reader sees theirs
        "minutes-edited-ar",
        LEILA,
        "minutes edit 1 | راجعنا محفزات دلتا النيل واعتمدنا عتبات المرحلة التجريبية.",
        "minutes",
        at=closed,
    )
    await expect("minutes-published", LEILA, "minutes publish 1", "minutes-published", at=closed)
    await expect("minutes-member", AMAL, "minutes 1", "minutes", at=closed)
    replies += await composed(sessions, router.services.registry, kinds=("meeting-follow-up", "minutes-published"))

    # the dispatcher, with no conversation to send anything to, parks what falls due: `reminders failed` lists it
    later = closed + timedelta(hours=1)
    dispatcher = Dispatcher(
        sessions,
        registry=router.services.registry,
        notifier=_Unreachable(),
        renderer=Renderer(Catalogs()),
        clock=lambda: later,
    )
    tally = await dispatcher.run_once()
    if not tally.parked:
        raise SystemExit(f"cards.py: the dispatcher parked nothing ({tally})")
    await expect("reminders-failed", LEILA, "reminders failed", "reminders-failed", at=later)
    return replies


async def composed(sessions: Any, registry: Registry, *, kinds: tuple[str, ...]) -> list[Named]:
    """The first pending outbox row of each kind (meeting reminders: of each stage), composed at its due time."""
    found: list[Named] = []
    seen: set[str] = set()
    async with sessions() as session:
        rows = await session.scalars(
            select(Notification)
            .where(Notification.status == outbox.PENDING, Notification.kind.in_(kinds))
            .order_by(Notification.due_at, Notification.id)
        )
        for row in rows:
            reply = await registry.composer(row.kind)(session, row, row.due_at)
            if reply is None or reply.key in seen:
                continue
            seen.add(reply.key)
            stage = reply.key.removeprefix("meeting-reminder-") if row.kind == "meeting-reminder" else ""
            name = f"{COMPOSED[row.kind]}-{stage}" if stage else COMPOSED[row.kind]
            found.append((name, reply, f"outbox {row.kind} #{row.id} composed at {row.due_at:%Y-%m-%d %H:%M} UTC"))
    if len(found) < len(kinds) + (2 if "meeting-reminder" in kinds else 0):
        raise SystemExit(f"cards.py: composed only {[name for name, _, _ in found]} of the outbox's {kinds}")
    return found


class _Unreachable:
    """The dispatcher's notifier when nobody can be reached: it is never called (rows with no conversation park)."""

    async def send(self, *_args: Any, **_kwargs: Any) -> Any:
        raise AssertionError("cards.py: the demo community has no conversation to send to")

    async def open_personal_chat(self, *_args: Any, **_kwargs: Any) -> Any:
        raise AssertionError("cards.py: the demo community has no conversation to send to")


async def produce(out: Path) -> list[dict[str, Any]]:
    """Run the turns, render every reply in both languages, write the cards; return the index."""
    with tempfile.TemporaryDirectory(prefix="tansiq-cards-") as folder:
        engine = create_engine(f"sqlite+aiosqlite:///{Path(folder) / 'cards.db'}")
        try:
            return await _produce(engine, out)
        finally:
            await engine.dispose()


async def _produce(engine: Any, out: Path) -> list[dict[str, Any]]:
    await migrate.upgrade(engine)
    sessions = session_factory(engine)
    async with sessions.begin() as session:
        await load_demo(session, settings_admins=[])
    async with sessions() as session:
        ids = {m.teams_user_id: m.id for m in await session.scalars(select(Member))}
        group = (await session.scalars(select(WorkingGroup).order_by(WorkingGroup.id))).first()
        open_action = (
            await session.scalars(select(Action).where(Action.closed_at.is_(None)).order_by(Action.id))
        ).first()
    async with sessions.begin() as session:
        # Leila is in a second community of the same deployment too: `community` offers her the choice
        sahel = await install(
            session,
            tenant_id=DEMO_TENANT,
            team_id="19:tansiq-demo-sahel@thread.tacv2",
            team_name="Sahel Drought Task Force",
            channel_id=None,
            conversation_reference=None,
            installer=None,
            default_language="en",
            timezone=ZONE,
            admin_ids=(),
            now=datetime.now(UTC),
        )
        await sync_roster(
            session,
            community=sahel,
            people=[Person(LEILA, None, "Leila Haddad")],
            complete=True,
            admin_ids=(),
            now=datetime.now(UTC),
        )
    if group is None or open_action is None:
        raise SystemExit("the demo community has no working group or no open action")
    renderer = Renderer(Catalogs(), links=SignedLinks(base_url="http://127.0.0.1:3978", secret=b"e2e"))
    now = datetime.now(UTC)
    router = Router(sessions, build_services(load_embedder=lambda: None))
    replies: list[Named] = []  # (name, reply, where it came from)
    for name, who, text in turns(open_action.number, group.name.split(" · ")[-1]):
        result = await router.text(member_id=ids[who], text=text, now=now)
        # a turn's later replies (the first-turn privacy line) get names of their own, not the first's
        replies += [
            (name if not n else f"{name}-{reply.key}", reply, f"{who}: {text}")
            for n, reply in enumerate(result.replies)
        ]
    # the Done button of an action card (Action.Execute), as the Playground and Teams send it
    added = next(reply for name, reply, _ in replies if name == "action-added")
    pressed = await router.press(
        member_id=ids[LEILA], verb="action-done", data={"action": added.view.action.id}, now=now
    )
    replies += [("action-done-button", reply, "Done pressed on the action card") for reply in pressed.replies]
    # a list long enough to have a second page
    for i in range(11):
        await router.text(member_id=ids[LEILA], text=f"action add Call partner {i + 1} | me", now=now)
    result = await router.text(member_id=ids[LEILA], text="actions all", now=now)
    replies += [("actions-all-paged", reply, "actions all (with 16 open)") for reply in result.replies]
    replies += await meeting_replies(sessions, router, ids=ids, group=group.name.split(" · ")[-1], now=now)

    shown = {type(reply.view) for _, reply, _ in replies if reply.view is not None}
    wanted = {view for feature in FEATURES if feature.name in COVERED for view in feature.cards}
    missing = sorted(view.__name__ for view in wanted - shown)
    if missing:
        raise SystemExit(f"cards.py renders no {sorted(missing)} card: add a turn that produces it")
    variants = {
        (type(reply.view).__name__, reply.key, getattr(reply.view, "draft", None))
        for _, reply, _ in replies
        if reply.view is not None
    }
    if VARIANTS - variants:
        raise SystemExit(f"cards.py renders no {sorted(VARIANTS - variants, key=str)} card: add a turn for it")

    seen = {reply.key for _, reply, _ in replies}
    catalogs = renderer.catalogs
    for key in source_keys():
        if key not in seen and catalogs.has("ar", key):
            replies.append((f"text-{key}", Reply(key, sample_args(key)), "sample arguments (key found in the source)"))

    index: list[dict[str, Any]] = []
    for name, reply, source in replies:
        for lang in LANGS:
            activity = renderer.activity(reply, lang=lang, zone=ZONE)
            card = adaptive_card_of(activity)
            if card is not None:
                index.append(write(out, f"{lang}-{name}", lang, reply.key, source, card))
    for key in bilingual_keys():
        args = sample_args(key)
        card = adaptive_card_of(renderer.bilingual(key, **args))
        if card is None:
            raise SystemExit(f"the bilingual {key!r} message is not a card")
        index.append(write(out, f"ar-bilingual-{key}", "ar", key, "Renderer.bilingual (sender unknown)", card))
    (out / "index.json").write_text(json.dumps(index, ensure_ascii=False, indent=1), encoding="utf-8")
    return index


def adaptive_card_of(activity: Any) -> dict[str, Any] | None:
    """The Adaptive Card an activity carries (None for a plain text message)."""
    for attachment in activity.attachments or []:
        if attachment.content_type == ADAPTIVE_CARD:
            return attachment.content
    return None


def write(out: Path, name: str, lang: str, key: str, source: str, card: dict[str, Any]) -> dict[str, Any]:
    entry = {"name": name, "lang": lang, "key": key, "source": source, "file": f"{name}.json"}
    payload = {**entry, "card": card}
    (out / entry["file"]).write_text(json.dumps(payload, ensure_ascii=False, indent=1, default=str), encoding="utf-8")
    return entry


def source_keys() -> list[str]:
    """Message keys the dialogs and handlers reply with: `UserError("…")`, `Reply.of("…")`, `Reply("…")`."""
    keys: list[str] = []
    files = sorted((ROOT / "dialogs").rglob("*.py")) + sorted((ROOT / "bot").rglob("*.py"))
    for path in files:
        if path.name == "render.py":
            continue
        for match in KEY_CALL.finditer(path.read_text(encoding="utf-8")):
            call, *found = match.groups()
            if call != "UserError" and path.name in PHRASES:
                continue
            keys += [key for key in found if key and key not in keys]
    return keys


def bilingual_keys() -> list[str]:
    """Messages sent in both languages: `bilingual("…")` calls and the gate's refusals."""
    keys: list[str] = []
    for path in sorted((ROOT / "bot").rglob("*.py")):
        keys += [key for key in re.findall(r"bilingual\(\s*\"([a-z][a-z0-9-]*)\"", path.read_text()) if key not in keys]
    gate = (ROOT / "bot" / "teams" / "gate.py").read_text(encoding="utf-8")
    catalogs = Catalogs()
    for literal in re.findall(r"\"([a-z][a-z0-9-]+)\"", gate):
        if literal not in keys and catalogs.has("en", literal) and catalogs.has("ar", literal):
            keys.append(literal)
    return keys


def sample_args(key: str) -> dict[str, Any]:
    """A sample value for every variable the message (and the messages it refers to) uses."""
    names: set[str] = set()
    for lang in LANGS:
        messages = _messages(lang)
        todo, done = [key], set()
        while todo:
            current = todo.pop()
            if current in done or current not in messages:
                continue
            done.add(current)
            collector = _References()
            collector.visit(messages[current])
            names |= collector.variables
            todo += collector.messages
    today = date.today()
    args: dict[str, Any] = {}
    for name in sorted(names):
        if name in SAMPLE_DATES:
            args[name] = today + timedelta(days=9)
        elif name in SAMPLE_TIMES:
            args[name] = datetime.now(UTC).replace(microsecond=0) + timedelta(days=2)
        else:
            args[name] = SAMPLES.get(name, "…")
    return args


class _References(Visitor):
    def __init__(self) -> None:
        super().__init__()
        self.variables: set[str] = set()
        self.messages: list[str] = []

    def visit_VariableReference(self, node: ast.VariableReference) -> None:
        self.variables.add(node.id.name)

    def visit_MessageReference(self, node: ast.MessageReference) -> None:
        self.messages.append(node.id.name)


_PARSED: dict[str, dict[str, ast.Message]] = {}


def _messages(lang: str) -> dict[str, ast.Message]:
    if lang not in _PARSED:
        found: dict[str, ast.Message] = {}
        for path in sorted((LOCALES / lang).glob("*.ftl")):
            for entry in FluentParser().parse(path.read_text(encoding="utf-8")).body:
                if isinstance(entry, ast.Message):
                    found[entry.id.name] = entry
        _PARSED[lang] = found
    return _PARSED[lang]


def main(argv: list[str]) -> int:
    if len(argv) != 2:
        print(__doc__, file=sys.stderr)
        return 2
    out = Path(argv[1])
    out.mkdir(parents=True, exist_ok=True)
    for old in out.glob("*.json"):
        old.unlink()
    logging.getLogger("bot.outbound.dispatcher").setLevel(logging.ERROR)  # it parks on purpose (see meeting_replies)
    index = asyncio.run(produce(out))
    by_lang = {lang: sum(1 for entry in index if entry["lang"] == lang) for lang in LANGS}
    print(f"cards.py: {len(index)} cards ({by_lang['ar']} Arabic, {by_lang['en']} English) in {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
