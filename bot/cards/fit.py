"""Every message within Teams' size limit: the budget a card is built to, lists paged to it, long texts cut.

Teams refuses a message over its size limit (413 `MessageSizeTooBig`), and a refused reminder is parked: nobody reads
it. The renderer (`bot.cards.render`) builds each card inside `fitting(Fit(budget))`, measures what it sends, and
builds again to a smaller budget when the message around the card (a channel post's other language, its mentions)
takes too much. Builders of cards that can grow read the budget with `current()`:

- a list shows as many entries as fit (`Fit.count`), says how many are left and offers a "more" button;
- a long text is cut at a sensible length (`cut`), with a way to see the whole (the item alone, the downloads).

`shrink` is the last resort for any card still too large: long texts cut shorter and shorter, then the last parts of
the body left out, with a line saying so.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from typing import Any

from bot.cards.context import Card
from bot.cards.parts import text_block
from dialogs.common.text import Markdown

MESSAGE_BUDGET = 24_000
"""Bytes (UTF-8 JSON) one message may take: the activity as sent, card, summary and mentions included. Teams documents
100 KB measured as UTF-16 and advises staying under 80 KB (older pages: 40 KB; connectors: about 28 KB); 24,000 bytes of
UTF-8 is at most 48 KB of UTF-16, and within 28 KB whatever the text."""
ELLIPSIS = "…"
SHRINK_LIMITS = (1000, 400, 150)
"""`shrink` cuts every text longer than these, one after the other, before it leaves parts out."""


def size(value: object) -> int:
    """The bytes `value` takes as JSON (UTF-8, as sent)."""
    return len(json.dumps(value, ensure_ascii=False).encode())


def cut(text: str, limit: int) -> str:
    """`text` when it has at most `limit` characters; else its beginning (ended at a space when one is near) and "…".
    Markdown (the bot's own words) stays Markdown; member text stays text, to be made literal where it is shown."""
    if len(text) <= limit:
        return text
    head = str.__getitem__(text, slice(0, max(1, limit - 1)))
    space = head.rfind(" ", len(head) * 2 // 3)
    if space > 0:
        head = head[:space]
    shorter = head.rstrip() + ELLIPSIS
    return Markdown(shorter) if isinstance(text, Markdown) else shorter


@dataclass
class Fit:
    """The room one card has (`budget` bytes; None: no limit) and what its builder left out to keep within it.

    `cap`: at most this many entries in a paged list (the languages of one channel post show the same entries).
    `shown`: the fewest entries a paged list of the card showed (None: the card has no paged list).
    `used`: the builder made the card to the budget (built to a smaller one, it may come out smaller)."""

    budget: int | None = None
    cap: int | None = None
    shown: int | None = None
    used: bool = False

    def count(self, total: int, build: Callable[[int], Card]) -> int:
        """How many of a list's `total` entries the card shows: all when `build(total)` is within the budget (and
        the cap), else the most that keep it within — one at least (what is still too large is `shrink`'s)."""
        self.used = True
        most = total if self.cap is None else min(total, self.cap)
        if self.budget is not None and most > 1 and size(build(most)) > self.budget:
            low, high = 1, most - 1  # the largest n with build(n) within the budget (sizes grow with n)
            while low < high:
                middle = (low + high + 1) // 2
                if size(build(middle)) <= self.budget:
                    low = middle
                else:
                    high = middle - 1
            most = low
        self.shown = most if self.shown is None else min(self.shown, most)
        return most

    def cut(self, text: str, limit: int) -> str:
        """`cut(text, limit)`, noting that the card was made to the budget."""
        self.used = True
        return cut(text, limit)

    def within(self, build: Callable[[int | None], Card], limits: tuple[int, ...]) -> Card:
        """The card `build(limit)` makes with its long texts whole (None), else cut at the first of `limits` that
        keeps it within the budget (the last one when none does)."""
        self.used = True
        card = build(None)
        if self.budget is None or size(card) <= self.budget:
            return card
        for limit in limits:
            card = build(limit)
            if size(card) <= self.budget:
                break
        return card


_CURRENT: ContextVar[Fit | None] = ContextVar("tansiq_card_fit", default=None)


def current() -> Fit:
    """The room of the card being built (no limit outside `fitting`)."""
    return _CURRENT.get() or Fit()


@contextmanager
def fitting(fit: Fit) -> Iterator[Fit]:
    """Cards built inside the block are built to `fit`."""
    token = _CURRENT.set(fit)
    try:
        yield fit
    finally:
        _CURRENT.reset(token)


def shrink(card: Card, *, room: int, note: str) -> Card:
    """A card within `room` bytes, as the last resort: its long texts cut (shorter and shorter), then parts of its
    body left out from the end (input fields kept: a form must still work), and `note` saying so under what is left."""
    marker = text_block(note, isSubtle=True, size="Small", separator=True)
    for limit in SHRINK_LIMITS:
        card = _cut_texts(card, limit)
        noted = {**card, "body": [*card.get("body", []), marker]}
        if size(noted) <= room:
            return noted
    body: list[dict[str, Any]] = list(card.get("body", []))
    while size({**card, "body": [*body, marker]}) > room:
        droppable = [index for index, element in enumerate(body) if not _has_input(element)]
        if len(droppable) <= 1:  # the first part (the headline) stays whatever happens
            break
        del body[droppable[-1]]
    return {**card, "body": [*body, marker]}


def _cut_texts(element: Any, limit: int) -> Any:
    """A copy of a card part with every TextBlock text and fact value longer than `limit` cut."""
    if isinstance(element, list):
        return [_cut_texts(item, limit) for item in element]
    if not isinstance(element, dict):
        return element
    copied = {key: _cut_texts(value, limit) for key, value in element.items()}
    if element.get("type") == "TextBlock" and isinstance(element.get("text"), str):
        copied["text"] = cut(element["text"], limit)
    if element.get("type") == "FactSet" and isinstance(element.get("facts"), list):
        copied["facts"] = [
            {key: cut(value, limit) if isinstance(value, str) else value for key, value in fact.items()}
            if isinstance(fact, dict)
            else fact
            for fact in element["facts"]
        ]
    return copied


def _has_input(element: Any) -> bool:
    if isinstance(element, list):
        return any(_has_input(item) for item in element)
    if not isinstance(element, dict):
        return False
    if str(element.get("type", "")).startswith("Input."):
        return True
    return any(_has_input(element.get(key)) for key in ("items", "columns", "body"))
