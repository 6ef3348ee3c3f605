"""Reading the Adaptive Cards the bot builds, in tests."""

from __future__ import annotations

from typing import Any


def only_element(card: Any, kind: str) -> dict[str, Any]:
    """The one element of type `kind` anywhere in `card` (its body, a fallback, a container); fails unless there is
    exactly one."""
    found: list[dict[str, Any]] = []

    def walk(node: Any) -> None:
        if isinstance(node, list):
            for item in node:
                walk(item)
        elif isinstance(node, dict):
            if node.get("type") == kind:
                found.append(node)
            for value in node.values():
                walk(value)

    walk(card)
    assert len(found) == 1, f"{len(found)} {kind} elements"
    return found[0]
