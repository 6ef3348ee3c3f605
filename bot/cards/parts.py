"""Adaptive Card building blocks shared by every card the bot sends."""

from __future__ import annotations

import re
from typing import Any

CARD_VERSION = "1.5"
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


def adaptive_card(body: list[dict[str, Any]], actions: list[dict[str, Any]], *, lang: str) -> dict[str, Any]:
    """A v1.5 Adaptive Card; right-to-left and Arabic-tagged when `lang` is Arabic.

    Cards have no inline code: `help` in a message becomes “help” (English) or «مساعدة» (Arabic).
    """
    quotes = ("«", "»") if lang == "ar" else ("“", "”")
    for block in _text_blocks(body):
        block["text"] = _CODE.sub(lambda m: quotes[0] + m.group(1) + quotes[1], block["text"])
    card: dict[str, Any] = {
        "type": "AdaptiveCard",
        "$schema": "http://adaptivecards.io/schemas/adaptive-card.json",
        "version": CARD_VERSION,
        "lang": lang,
        "body": body,
        "actions": actions,
    }
    if lang == "ar":
        card["rtl"] = True
    return card


def card_text(card: dict[str, Any]) -> str:
    """The words of a card, one line per TextBlock, fact or table row (for summaries and tests)."""

    def lines(element: Any) -> list[str]:
        if isinstance(element, list):
            return [line for item in element for line in lines(item)]
        if not isinstance(element, dict):
            return []
        match element.get("type"):
            case "TextBlock":
                return [element["text"]]
            case "FactSet":
                return [f"{fact['title']}: {fact['value']}" for fact in element["facts"]]
            case "TableRow":
                return [" | ".join(" ".join(lines(cell["items"])) for cell in element["cells"])]
        return lines(element.get("body", [])) + lines(element.get("items", [])) + lines(element.get("rows", []))

    return "\n".join(lines(card))


_CODE = re.compile(r"`([^`\n]+)`")


def _text_blocks(elements: Any) -> list[dict[str, Any]]:
    if isinstance(elements, list):
        return [block for element in elements for block in _text_blocks(element)]
    if not isinstance(elements, dict):
        return []
    found = [elements] if elements.get("type") == "TextBlock" else []
    return found + [b for key in ("items", "rows", "cells", "body") for b in _text_blocks(elements.get(key, []))]
