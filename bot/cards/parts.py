"""Adaptive Card building blocks shared by every card the bot sends."""

from __future__ import annotations

from typing import Any

FSI, PDI = "\u2068", "\u2069"  # isolate text of either direction inside a line of the other


def text_block(text: str, **extra: Any) -> dict[str, Any]:
    """An Adaptive Card TextBlock that wraps."""
    return {"type": "TextBlock", "text": text, "wrap": True, **extra}


def submit_action(title: str, data: dict[str, Any]) -> dict[str, Any]:
    """An Action.Submit whose data reaches the bot as the message `value`."""
    return {"type": "Action.Submit", "title": title, "data": data}


def execute_action(title: str, verb: str, data: dict[str, Any], **extra: Any) -> dict[str, Any]:
    """An Action.Execute button (Teams sends an `adaptiveCard/action` invoke and shows the card it gets back)."""
    return {"type": "Action.Execute", "title": title, "verb": verb, "data": data, **extra}


def open_url(title: str, url: str) -> dict[str, Any]:
    """A button that opens a link."""
    return {"type": "Action.OpenUrl", "title": title, "url": url}
