"""The generated hostile suite (issue #16): ≥ 10,000 cases per run, in batches, through the router in-process (as
the app's routes call it, after the edge's cleaning) and through the real HTTP edge; every case checked against the
invariants of `tests.hostile.world`. Run by `scripts/hostile.sh` only (HOSTILE=1), which prints the table.

HOSTILE_SCALE scales every group's count (0.1 for a quick look). HOSTILE_SEED fixes the seeds (the table prints the
one used), so a failing run can be replayed.
"""

from __future__ import annotations

import os
import random
import time
import zlib
from collections.abc import Awaitable, Callable, Iterator
from typing import Any

import pytest
from hypothesis import HealthCheck, Phase, Verbosity, given, seed, settings
from hypothesis import strategies as st

from bot.teams import edge
from dialogs.common.people import Person
from tests.conftest import require_postgres
from tests.databases import POSTGRES_URL, postgres_unavailable_reason, sqlite_url
from tests.hostile import strategies as gen
from tests.hostile.world import STATS, TEAM_B, Violation, World, fresh_id, tapped

BATCH = 500
SCALE = float(os.environ.get("HOSTILE_SCALE") or 1)  # e.g. 0.1 for a quick look; CI runs 1
SEED = int(os.environ.get("HOSTILE_SEED") or random.SystemRandom().randrange(2**32))
STATS.seed = SEED
A_PEOPLE = {"Leila Haddad": "29:1leila", "Omar Khalil": "29:1omar", "Sami Nasser": "29:1sami"}

Check = Callable[[World, Any], Awaitable[None]]


# --- the cases ---------------------------------------------------------------------------------------------


def clean(value: Any) -> Any:
    """What the edge hands on (the in-process groups skip HTTP, not the edge's cleaning)."""
    return edge.clean(value).body


def mentions_in(text: str) -> list[Person]:
    names = [part.split("</at>")[0] for part in text.split("<at>")[1:] if "</at>" in part]
    return [Person(A_PEOPLE.get(name, f"29:unknown-{len(name)}"), None, name) for name in names]


def said(world: World, example: tuple[int, str]) -> Awaitable[None]:
    member_id, text = world.member_ids()[example[0] % 3], clean(example[1])
    mentions = mentions_in(text)
    return world.turn(
        member_id,
        lambda: world.router.text(member_id=member_id, text=text, mentions=mentions, now=world.clock()),
        said=text,
    )


def submitted(world: World, example: tuple[int, Any]) -> Awaitable[None]:
    member_id, data = world.member_ids()[example[0] % 3], clean(example[1])
    return world.turn(
        member_id, lambda: world.router.card(member_id=member_id, data=data, now=world.clock()), said=data
    )


def pressed(world: World, example: tuple[int, Any, Any]) -> Awaitable[None]:
    member_id, verb, data = world.member_ids()[example[0] % 3], clean(example[1]), clean(example[2])
    verb = verb if isinstance(verb, str) else ""
    return world.turn(
        member_id,
        lambda: world.router.press(member_id=member_id, verb=verb, data=data, now=world.clock()),
        said=[verb, data],
    )


def b_references(world: World) -> st.SearchStrategy[Any]:
    """Commands, card data and buttons that name community B's numbers, ids, groups and people."""
    ids = sorted({n for values in world.b_ids.values() for n in values})
    names = world.b_words
    number = st.one_of(st.sampled_from(ids), st.sampled_from(ids).map(lambda n: f"#{n}"))
    phrases = [
        "action {}",
        "action done {}",
        "action progress {} note",
        "action {} | x",
        "agenda {}",
        "agenda accept {}",
        "minutes {}",
        "minutes publish {}",
        "faq {}",
        "faq edit {} | x",
        "ticket {}",
        "ticket take {}",
        "answer {} here it is",
        "vote {}",
        "vote {} yes",
        "vote close {}",
        "meeting cancel {}",
        "meeting move {} | tomorrow",
        "plan edit {} | x",
        "attended {} <at>Omar Khalil</at>",
        "decision add x | meeting {}",
        "actions report",
        "members {}",
    ]
    text = st.one_of(
        st.tuples(st.sampled_from(phrases), number).map(lambda p: p[0].format(p[1])),
        st.tuples(
            st.sampled_from(["group {}", "group join {}", "actions group {}", "groups area {}", "role @{} member"]),
            st.sampled_from(names),
        ).map(lambda p: p[0].format(p[1])),
    )
    return st.one_of(
        st.tuples(st.integers(0, 2), text).map(lambda p: ("text", p)),
        st.tuples(st.integers(0, 2), gen.card_data(ids)).map(lambda p: ("card", p)),
        st.tuples(st.integers(0, 2), st.sampled_from(sorted(gen.REGISTRY.presses)), gen.card_data(ids)).map(
            lambda p: ("press", p)
        ),
    )


async def crossed(world: World, example: tuple[str, Any]) -> None:
    kind, case = example
    if kind == "text":
        await said(world, case)
    elif kind == "card":
        await submitted(world, case)
    else:
        await pressed(world, case)


def activities(world: World) -> st.SearchStrategy[dict[str, Any]]:
    foreign = {
        ("from", "id"): ["29:1zaid", "29:1yara", "29:1stranger"],
        ("channelData", "team", "id"): [TEAM_B],
        ("channelData", "tenant", "id"): ["ffffffff-0000-4000-8000-000000000000"],
        ("conversation", "tenantId"): ["ffffffff-0000-4000-8000-000000000000"],
    }
    return st.tuples(st.sampled_from(gen.HTTP_FIXTURES), st.lists(gen.mutations(foreign), max_size=3)).map(
        lambda p: gen.activity(p[0], p[1], service_url=world.connector.url, activity_id=fresh_id())
    )


def messages(world: World) -> st.SearchStrategy[dict[str, Any]]:
    text = st.one_of(gen.messy_text, gen.command_text, gen.long_text)
    return st.tuples(
        st.sampled_from(["personal_message_en", "personal_message_ar", "channel_message_mention"]),
        text,
        st.one_of(st.none(), gen.messy_text),
    ).map(lambda p: message(world, *p))


def message(world: World, base: str, text: str, name: str | None) -> dict[str, Any]:
    made = gen.activity(base, [], service_url=world.connector.url, activity_id=fresh_id())
    made["text"] = f"<at>Tansiq</at> {text}" if base.startswith("channel") else text
    if name is not None:
        made["from"]["name"] = name
    return made


async def posted(world: World, body: dict[str, Any]) -> None:
    await world.exchange(body)


async def raw_posted(world: World, raw: bytes) -> None:
    await world.exchange(None, raw=raw)


GROUPS: dict[str, tuple[Callable[[World], st.SearchStrategy[Any]], Check, int]] = {
    "router: Arabic/Latin text, marks, controls": (
        lambda w: st.tuples(st.integers(0, 2), gen.messy_text),
        said,
        2_000,
    ),
    "router: command words, random arguments": (
        lambda w: st.tuples(st.integers(0, 2), gen.command_text),
        said,
        3_000,
    ),
    "router: 4k-30k-character messages": (lambda w: st.tuples(st.integers(0, 2), gen.long_text), said, 200),
    "router: card submits, random data": (
        lambda w: st.tuples(st.integers(0, 2), gen.card_data([])),
        submitted,
        1_200,
    ),
    "router: card buttons (invokes), random data": (
        lambda w: st.tuples(
            st.integers(0, 2),
            st.one_of(st.sampled_from(sorted(gen.REGISTRY.presses)), gen.json_leaf),
            gen.json_value,
        ),
        pressed,
        1_200,
    ),
    "router: ids and names of community B": (b_references, crossed, 1_200),
    "http: activities with missing, mistyped, foreign fields": (activities, posted, 900),
    "http: messy text, names, 20k characters": (messages, posted, 450),
    "http: raw bodies (not JSON, arrays, deep)": (lambda w: gen.raw_bodies, raw_posted, 150),
}
POSTGRES_SHARE = {  # the groups whose batches alternate between the databases when PostgreSQL answers
    "router: Arabic/Latin text, marks, controls",
    "router: command words, random arguments",
    "router: card submits, random data",
    "http: activities with missing, mistyped, foreign fields",
    "http: messy text, names, 20k characters",
}


def plan() -> Iterator[Any]:
    for group, (_strategy, _check, full) in GROUPS.items():
        count = max(1, round(full * SCALE))
        batches = -(-count // BATCH)
        for index in range(batches):
            size = min(BATCH, count - index * BATCH)
            database = "postgresql" if group in POSTGRES_SHARE and index % 2 == 1 else "sqlite"
            short = "-".join(group.replace(",", "").split()[1:3])
            yield pytest.param(group, database, size, index, id=f"{group.split(':')[0]}-{short}-{index}-{database}")


# --- running ----------------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def worlds(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Callable[[str], World]]:
    built: dict[str, World] = {}
    postgres = postgres_unavailable_reason() is None

    def world(database: str) -> World:
        if database == "postgresql" and not postgres:
            require_postgres()  # fails under REQUIRE_POSTGRES=1
            database = "sqlite"  # else the batch runs on SQLite: the count of cases stays
        if database not in built:
            folder = tmp_path_factory.mktemp(database)
            url = POSTGRES_URL if database == "postgresql" else sqlite_url(folder)
            built[database] = World(url, folder).start()
        return built[database]

    with tapped():
        yield world
    for made in built.values():
        made.close()


@pytest.mark.parametrize("group, database, size, index", list(plan()))
def test_generated_batch(worlds, group: str, database: str, size: int, index: int) -> None:
    world = worlds(database)
    make, check, _count = GROUPS[group]
    label = f"{group} [{'postgresql' if 'postgresql' in world.url else 'sqlite'}]"
    stats = STATS.group(label)
    failures: list[str] = []

    @settings(
        max_examples=size,
        deadline=None,
        database=None,
        phases=[Phase.generate],
        suppress_health_check=list(HealthCheck),
        verbosity=Verbosity.quiet,
    )
    @seed(SEED + zlib.crc32(f"{group}/{index}".encode()))
    @given(make(world))
    def case(example: Any) -> None:
        stats.tried += 1
        try:
            world.run(check(world, example))
        except Violation as violation:
            failures.append(f"{violation} <- {example!r:.300}")
        except Exception as exc:
            failures.append(f"{type(exc).__name__}: {str(exc)[:200]} <- {example!r:.300}")

    started = time.monotonic()
    case()
    STATS.seconds[label] = STATS.seconds.get(label, 0.0) + time.monotonic() - started
    stats.failures += len(failures)
    stats.examples += failures[: 5 - len(stats.examples)]
    assert not failures, f"{len(failures)} of {size} cases failed (seed {SEED}):\n" + "\n".join(failures[:10])


def test_enough_cases() -> None:
    """The run tried at least 10,000 cases (hypothesis may stop a batch early when it runs out of new ones)."""
    tried = sum(group.tried for group in STATS.groups.values())
    assert tried >= 10_000 * min(SCALE, 1), f"only {tried} cases tried"
