"""Reading the Adaptive Cards the bot builds, in tests."""

from __future__ import annotations

from typing import Any


def elements(card: Any, *kinds: str) -> list[dict[str, Any]]:
    """Every element of one of `kinds` anywhere in `card` (its body, actions, a fallback, a container; or every
    card of a reply activity), in document order."""
    found: list[dict[str, Any]] = []

    def walk(node: Any) -> None:
        if isinstance(node, list):
            for item in node:
                walk(item)
        elif isinstance(node, dict):
            if node.get("type") in kinds:
                found.append(node)
            for value in node.values():
                walk(value)

    walk(card)
    return found


def only_element(card: Any, kind: str) -> dict[str, Any]:
    """The one element of type `kind` anywhere in `card`; fails unless there is exactly one."""
    found = elements(card, kind)
    assert len(found) == 1, f"{len(found)} {kind} elements"
    return found[0]


def buttons(card: Any) -> list[dict[str, Any]]:
    """Every button a member can press in `card` (or in a reply activity's cards)."""
    return elements(card, "Action.Submit", "Action.Execute")
