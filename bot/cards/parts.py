"""Adaptive Card building blocks shared by every card the bot sends."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any
from urllib.parse import quote

from dialogs.common.text import Markdown, markdown_literal
from dialogs.common.two_languages import title_parts

CARD_VERSION = "1.5"
FSI, PDI = "\u2068", "\u2069"  # isolate text of either direction inside a line of the other


def text_block(text: str, **extra: Any) -> dict[str, Any]:
    """An Adaptive Card TextBlock that wraps."""
    return {"type": "TextBlock", "text": text, "wrap": True, **extra}


def written_in(text: str, lang: str | None, **extra: Any) -> dict[str, Any]:
    """Member text as written, in its own language's direction (right-to-left when it was written in Arabic)."""
    return {"type": "Container", "rtl": lang == "ar", "items": [text_block(text, **extra)]}


def own_title(title: str, lang: str) -> str:
    """The part of a title written in both languages that is in `lang` (the whole title otherwise), isolated."""
    return f"{FSI}{title_parts(title, lang).own}{PDI}"


def other_title(title: str, lang: str) -> list[dict[str, Any]]:
    """Under a heading showing `own_title`: the title's part in the other language on its own line, when it has one
    (two directions on one line wrap into a scramble)."""
    other = title_parts(title, lang).other
    return [text_block(f"{FSI}{other}{PDI}", isSubtle=True, spacing="None")] if other else []


def submit_action(title: str, data: dict[str, Any]) -> dict[str, Any]:
    """An Action.Submit whose data reaches the bot as the message `value`."""
    return {"type": "Action.Submit", "title": title, "data": data}


def execute_action(title: str, verb: str, data: dict[str, Any], **extra: Any) -> dict[str, Any]:
    """An Action.Execute button (Teams sends an `adaptiveCard/action` invoke and shows the card it gets back)."""
    return {"type": "Action.Execute", "title": title, "verb": verb, "data": data, **extra}


def open_url(title: str, url: str) -> dict[str, Any]:
    """A button that opens a link."""
    return {"type": "Action.OpenUrl", "title": title, "url": url}


def link(title: str, url: str) -> Markdown:
    """A link the bot makes on purpose (its own downloads, an FAQ entry's source), as Markdown that cards and messages
    keep: `Markdown(" · ").join([line, link(title, url)])`. The title is shown as typed; an address that is not a web
    link (http, https) is not made a link, only shown."""
    url = url.strip()
    if not _WEB_LINK.match(url):
        return Markdown(" ").join([title, url])
    words = markdown_literal(title.translate(_NO_BRACKETS))  # a bracket in the title would end it or start another
    return Markdown(f"[{words}]({quote(url, safe=_URL_SAFE)})")


def adaptive_card(body: list[dict[str, Any]], actions: list[dict[str, Any]], *, lang: str) -> dict[str, Any]:
    """A v1.5 Adaptive Card; right-to-left and Arabic-tagged when `lang` is Arabic.

    Cards have no inline code: `help` in a message becomes “help” (English) or «مساعدة» (Arabic).

    Member text is data: Teams reads a TextBlock's text and a fact's title and value as Markdown, so each of them
    that is not `Markdown` (a catalog message, whose arguments are already literal, or markup made with `link` or
    `Markdown`) is taken for member text and made literal (`markdown_literal`), wherever it sits in the card (columns,
    tables, a shown card). A builder that puts a member's words into a card as they are cannot make them a link.
    """
    quotes = ("«", "»") if lang == "ar" else ("“", "”")

    def unquoted(text: str) -> str:
        return _CODE.sub(lambda m: quotes[0] + m.group(1) + quotes[1], text)

    for holder, key in _markdown_fields([body, actions]):
        text = holder[key]
        if not isinstance(text, str):
            continue
        if holder.get("type") == "TextBlock":
            holder[key] = Markdown(unquoted(text)) if isinstance(text, Markdown) else markdown_literal(unquoted(text))
        else:
            holder[key] = markdown_literal(text)
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
_WEB_LINK = re.compile(r"https?://\S", re.IGNORECASE)
_NO_BRACKETS = str.maketrans("[]", "()")
_URL_SAFE = ":/?#[]@!$&'*+,;=%~"  # reserved and unreserved characters stay; spaces, parentheses, <> are escaped
_NOT_SHOWN = frozenset({"data", "msteams", "refresh"})  # what a button sends back, mention entities, the refresh


def _markdown_fields(element: Any) -> Iterator[tuple[dict[str, Any], str]]:
    """(element, key) of every value Teams reads as Markdown: TextBlock texts, fact titles and values."""
    if isinstance(element, list):
        for item in element:
            yield from _markdown_fields(item)
        return
    if not isinstance(element, dict):
        return
    if element.get("type") == "TextBlock" and "text" in element:
        yield element, "text"
    if element.get("type") == "FactSet":
        for fact in element.get("facts", []):
            if isinstance(fact, dict):
                yield from ((fact, key) for key in ("title", "value") if key in fact)
    for key, value in element.items():
        if key not in _NOT_SHOWN and isinstance(value, list | dict):
            yield from _markdown_fields(value)
