"""Live facts asked as members ask them: how many questions land on the right fact, per fact and language.

    python bench/qa.py --live                     # the held-out phrasings in bench/data/live/*.jsonl
    python bench/qa.py --live --embedder none     # as scored without the model

The demo community (`dialogs.demo`) is loaded into a fresh SQLite file; every line of bench/data/live/*.jsonl
(`{"question", "fact", "as": "member"|"facilitator", "lang": "ar"|"en"}`, phrasings that are not among the facts'
indexed ones) is asked through the real router as a demo member of that role and language. A question is answered
right when the knowledge base picks its fact (`live_facts.chosen`, the choice `asking.ask` makes) and the turn
replies without error (a turn that raises is counted wrong and its error shown). Prints one line per fact and
language, the questions that went wrong, and the total.
"""

from __future__ import annotations

import asyncio
import json
import tempfile
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import select

from dialogs.demo import load_demo
from dialogs.features import build_services
from dialogs.questions import live_facts
from dialogs.questions.engine import Embedder
from dialogs.router import Router
from storage import migrate
from storage.db import create_engine, session_factory
from storage.models import Community, Member

DATA = Path(__file__).parent / "data" / "live"
# who asks: a demo member of that role reading that language
ASKERS = {
    ("member", "ar"): "29:tansiq-demo-amal",
    ("member", "en"): "29:tansiq-demo-sami",
    ("facilitator", "ar"): "29:tansiq-demo-omar",
    ("facilitator", "en"): "29:tansiq-demo-leila",
}


@dataclass(frozen=True)
class Asked:
    """One held-out question and what came of it."""

    question: str
    fact: str
    lang: str
    got: str | None  # the fact chosen, None for none
    reply: str  # the first reply's message key


def questions(folder: Path = DATA) -> list[dict[str, str]]:
    """Every held-out line of the live-fact files."""
    return [
        json.loads(line)
        for path in sorted(folder.glob("*.jsonl"))
        for line in path.read_text(encoding="utf-8").splitlines()
        if line.strip()
    ]


async def ask_all(load_embedder: Callable[[], Embedder | None], folder: Path = DATA) -> list[Asked]:
    """Ask every held-out question of the demo community through the router."""
    with tempfile.TemporaryDirectory() as work:
        engine = create_engine(f"sqlite+aiosqlite:///{work}/live.db")
        try:
            await migrate.upgrade(engine)
            sessions = session_factory(engine)
            async with sessions.begin() as session:
                await load_demo(session, settings_admins=())
            services = build_services(load_embedder=load_embedder)
            router = Router(sessions, services)
            async with sessions() as session:
                community_id = await session.scalar(select(Community.id))
                members = {m.teams_user_id: m.id for m in await session.scalars(select(Member))}
            assert community_id is not None
            now = datetime.now(UTC)
            asked = []
            for line in questions(folder):
                async with sessions() as session:
                    found = await services.knowledge.ask(session, community_id=community_id, question=line["question"])
                member = members[ASKERS[(line.get("as", "member"), line["lang"])]]
                try:
                    result = await router.text(member_id=member, text=line["question"], now=now)
                    reply = result.replies[0].key if result.replies else ""
                except Exception as error:  # a turn that crashes is counted (and shown), not the end of the run
                    reply = f"error {type(error).__name__}: {error}"
                asked.append(Asked(line["question"], line["fact"], line["lang"], live_facts.chosen(found), reply))
            return asked
        finally:
            await engine.dispose()


def report(asked: list[Asked]) -> list[str]:
    """The printed lines: per fact and language, the misses, the total."""
    total, right = Counter[tuple[str, str]](), Counter[tuple[str, str]]()
    for a in asked:
        total[(a.fact, a.lang)] += 1
        right[(a.fact, a.lang)] += a.got == a.fact and not a.reply.startswith("error")
    lines = [
        f"live {fact:<22} {lang} {right[(fact, lang)]:>3}/{total[(fact, lang)]:<3} "
        f"{right[(fact, lang)] / total[(fact, lang)]:.0%}"
        for fact, lang in sorted(total)
    ]
    lines += [
        f"#   miss [{a.fact}] {a.question!r} -> {a.got or 'no fact'} ({a.reply})"
        for a in asked
        if a.got != a.fact or a.reply.startswith("error")
    ]
    answered = sum(right.values())
    lines.append(f"live total {answered}/{len(asked)} {answered / max(len(asked), 1):.1%} answered with the right fact")
    return lines


def main(load_embedder: Callable[[], Embedder | None]) -> None:
    """Run the live-fact benchmark and print its lines."""
    for line in report(asyncio.run(ask_all(load_embedder))):
        print(line, flush=True)
