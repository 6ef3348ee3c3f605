"""The registry the features declare into: built from scratch, nothing registered by being imported, every
command word, card verb, outbox kind and card view resolving to exactly one feature."""

from __future__ import annotations

import ast
import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from dialogs.common.registry import HELP_TOPICS, CommandSpec, Feature, Registry
from dialogs.common.replies import CardView
from dialogs.features import FEATURES, build_registry
from tests.chat import Chat

ROOT = Path(__file__).resolve().parents[2]
REGISTRY = build_registry()


def _planned_kinds() -> set[str]:
    """The outbox kinds the dialogs plan, read from the source: `Planned("kind", …)`; where the kind is a variable,
    the kind-like literals of that function, or, when it is the function's parameter, the `kind="…"` its callers
    pass."""
    trees = [ast.parse(path.read_text(encoding="utf-8")) for path in (ROOT / "dialogs").rglob("*.py")]
    kinds: set[str] = set()
    forwarders: set[str] = set()
    for tree in trees:
        for function in ast.walk(tree):
            if not isinstance(function, (ast.FunctionDef, ast.AsyncFunctionDef)):
                continue
            parameters = {a.arg for a in (*function.args.args, *function.args.kwonlyargs)}
            for call in ast.walk(function):
                if not (isinstance(call, ast.Call) and _name(call.func) == "Planned"):
                    continue
                kind = call.args[0] if call.args else next(k.value for k in call.keywords if k.arg == "kind")
                if isinstance(kind, ast.Constant) and isinstance(kind.value, str):
                    kinds.add(kind.value)
                elif isinstance(kind, ast.Name) and kind.id in parameters:
                    forwarders.add(function.name)
                elif isinstance(kind, ast.Name):
                    kinds |= {c for c in _constants(function) if _KIND.fullmatch(c)}
    for tree in trees:
        for call in ast.walk(tree):
            if isinstance(call, ast.Call) and _name(call.func) in forwarders:
                kinds |= {k.value.value for k in call.keywords if k.arg == "kind" and isinstance(k.value, ast.Constant)}
    return kinds


_KIND = re.compile(r"[a-z]+(-[a-z]+)+")


def _name(node: ast.expr) -> str:
    return node.attr if isinstance(node, ast.Attribute) else node.id if isinstance(node, ast.Name) else ""


def _constants(node: ast.AST) -> set[str]:
    return {c.value for c in ast.walk(node) if isinstance(c, ast.Constant) and isinstance(c.value, str)}


def _card_verbs() -> tuple[set[str], set[str]]:
    """(`Action.Submit` verbs, `Action.Execute` verbs) that the bot's cards put on their buttons."""
    submits: set[str] = set()
    presses: set[str] = set()
    for path in (ROOT / "bot" / "cards").glob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Dict):
                for key, value in zip(node.keys, node.values, strict=True):
                    if isinstance(key, ast.Constant) and key.value == "verb" and isinstance(value, ast.Constant):
                        submits.add(value.value)
            if isinstance(node, ast.Call) and _name(node.func) == "execute_action" and len(node.args) > 1:
                verb = node.args[1]
                if isinstance(verb, ast.Constant) and isinstance(verb.value, str):
                    presses.add(verb.value)
    return submits, presses


def test_every_outbox_kind_the_dialogs_plan_has_a_composer() -> None:
    planned = _planned_kinds()
    assert len(planned) >= 15, planned  # the scan finds them (a broken scan would pass an empty set)
    assert planned <= set(REGISTRY.composers), planned - set(REGISTRY.composers)


def test_every_button_the_cards_show_reaches_a_handler() -> None:
    submits, presses = _card_verbs()
    assert submits and presses
    # `action-refresh`, `ticket-refresh`, `vote-refresh` stand in the cards' `refresh` blocks (Action.Execute)
    assert submits - {"action-refresh", "ticket-refresh", "vote-refresh"} <= set(REGISTRY.submits)
    assert presses <= set(REGISTRY.presses), presses - set(REGISTRY.presses)
    assert {"action-refresh", "ticket-refresh", "vote-refresh"} <= set(REGISTRY.presses)


def test_the_registry_needs_no_import_but_the_features_list() -> None:
    """A fresh interpreter that imports only `dialogs.features` (not the bot, not the renderer) has every composer."""
    script = (
        "import json, sys; from dialogs.features import build_registry; r = build_registry(); "
        "print(json.dumps({'composers': sorted(r.composers), 'commands': list(r.commands), "
        "'bot': any(m == 'bot' or m.startswith('bot.') for m in sys.modules)}))"
    )
    done = subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, check=True)
    fresh = json.loads(done.stdout)
    assert fresh == {"composers": sorted(REGISTRY.composers), "commands": list(REGISTRY.commands), "bot": False}


def test_every_declared_thing_belongs_to_one_feature() -> None:
    names = [feature.name for feature in FEATURES]
    assert len(names) == len(set(names))
    for feature in FEATURES:
        for view in feature.cards:
            assert issubclass(view, CardView), view
        for spec in feature.commands:
            assert REGISTRY.commands[spec.name] is spec


async def _noop(turn: object, args: str) -> object:
    return None


@pytest.mark.parametrize(
    "first, second",
    [
        (
            Feature("a", commands=(CommandSpec("x", ("x",), _noop, topic="settings"),)),
            Feature("b", commands=(CommandSpec("x", ("y",), _noop, topic="settings"),)),
        ),
        (
            Feature("a", commands=(CommandSpec("x", ("go",), _noop, topic="settings"),)),
            Feature("b", commands=(CommandSpec("y", ("Go",), _noop, topic="settings"),)),
        ),
        (Feature("a", submits={"v": _noop}), Feature("b", submits={"v": _noop})),
        (Feature("a", presses={"v": _noop}), Feature("b", presses={"v": _noop})),
        (Feature("a", outbox={"k": _noop}), Feature("b", outbox={"k": _noop})),
        (Feature("a", cards=(CardView,)), Feature("b", cards=(CardView,))),
    ],
)
def test_two_features_cannot_claim_the_same_thing(first: Feature, second: Feature) -> None:
    with pytest.raises(ValueError, match="declared"):
        Registry.build([first, second])


def test_an_unknown_outbox_kind_is_a_lookup_error() -> None:
    with pytest.raises(LookupError, match="no composer"):
        REGISTRY.composer("no-such-kind")


async def test_help_topics_list_the_declared_commands_in_their_order(sessions, clock) -> None:
    chat = await Chat(sessions, clock).start()
    for who, facilitates in (("member", False), ("facilitator", True)):
        listed = []
        for topic in HELP_TOPICS:
            listed += (await chat.say(f"help {topic}", as_=who)).replies[0].view.commands
        declared = [spec.name for spec in REGISTRY.commands.values() if spec.helps(facilitates=facilitates)]
        assert sorted(listed) == sorted(declared)  # every command a role may use is under exactly one topic
        assert ("role" in listed, "meeting" in listed) == (facilitates, facilitates)
