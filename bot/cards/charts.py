"""Charts on cards: Teams' Adaptive Card chart elements, with a fallback for clients that do not know them.

The elements and their properties follow Microsoft's "Charts in Adaptive Cards" page
(https://learn.microsoft.com/en-us/microsoftteams/platform/task-modules-and-cards/cards/charts-in-adaptive-cards):
`Chart.VerticalBar` and `Chart.HorizontalBar` take `data` of `{x, y, color}`, `Chart.HorizontalBar.Stacked` `data` of
`{title, data: [{legend, value, color}]}`, `Chart.Donut` `data` of `{legend, value, color}`, and `Chart.Gauge` a
`value` between `min` and `max` with `segments` of `{legend, size, color}`; every one a `fallback` element.

The fallback is a Container: the chart drawn as a small PNG (bars and segments only, no text, so nothing needs Arabic
shaping; mirrored in Arabic, so it reads right to left) and a FactSet of every label and value in the reader's
language and digits, so the numbers can be read in any client. The chart element itself gets its words without the
invisible isolation marks of catalog messages. Charts are made from data only: a builder passes what its view already
shows.
"""

from __future__ import annotations

import base64
import io
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from PIL import Image, ImageDraw, ImageOps

from bot.cards.parts import text_block
from bot.i18n import format_number, plain

Element = dict[str, Any]
SCALE = 2
"""Pixels drawn per pixel shown, so the picture stays sharp on high-density screens."""
WIDTH = 320
"""Width (pixels shown) of a bar chart's picture; a card is about 420 pixels wide in a chat."""
ROUND = 120
"""Width and height of a donut's picture; a gauge's is this wide and about half as high."""
BAR = 16
GAP = 6
HEIGHT = 120
"""A vertical bar chart's height."""
COLORS = {
    "good": (16, 124, 16),
    "warning": (234, 163, 0),
    "attention": (209, 52, 56),
    "neutral": (200, 198, 196),
    "categoricalBlue": (15, 108, 189),
    "categoricalPurple": (135, 100, 184),
    "categoricalTeal": (3, 131, 135),
    "categoricalMarigold": (234, 163, 0),
    "categoricalRed": (209, 52, 56),
    "categoricalLightBlue": (58, 150, 221),
    "categoricalGreen": (16, 124, 16),
    "categoricalLavender": (180, 160, 255),
}
"""Teams' chart colour names (the ones used here) and the colour the fallback picture draws them in."""
CATEGORICAL = tuple(name for name in COLORS if name.startswith("categorical"))
"""Colours for parts that mean nothing in particular (a poll's options), one after the other."""
_BACKGROUND = (255, 255, 255, 0)
_AXIS = (138, 136, 134)
_TRACK = (237, 235, 233)


@dataclass(frozen=True)
class Part:
    """One bar, slice or segment: its label (in the reader's language), value and Teams colour name."""

    label: str
    value: float
    color: str = "categoricalBlue"


@dataclass(frozen=True)
class Row:
    """One bar of a stacked bar chart: its label and its segments."""

    label: str
    parts: tuple[Part, ...]


def bars(title: str, parts: Sequence[Part], *, lang: str, horizontal: bool = False, percent: bool = False) -> Element:
    """A bar chart (`Chart.VerticalBar`, or `Chart.HorizontalBar` for long labels); `percent`: values are whole
    percents, drawn out of 100."""
    kind = "Chart.HorizontalBar" if horizontal else "Chart.VerticalBar"
    element: Element = {
        "type": kind,
        "title": plain(title),
        "data": [{"x": plain(part.label), "y": part.value, "color": part.color} for part in parts],
    }
    if not horizontal:
        element["showBarValues"] = True
    top = 100.0 if percent else max((part.value for part in parts), default=0)
    rows = [Row(part.label, (part,)) for part in parts]
    image = _horizontal_bars(rows, top, track=percent) if horizontal else _vertical_bars(parts, top, track=percent)
    facts = [(part.label, _number(part.value, lang=lang, percent=percent)) for part in parts]
    return _with_fallback(element, title, image, facts, lang=lang)


def stacked(title: str, rows: Sequence[Row], *, lang: str) -> Element:
    """A stacked horizontal bar chart (`Chart.HorizontalBar.Stacked`): one bar per row, its parts side by side."""
    element: Element = {
        "type": "Chart.HorizontalBar.Stacked",
        "title": plain(title),
        "data": [
            {
                "title": plain(row.label),
                "data": [{"legend": plain(part.label), "value": part.value, "color": part.color} for part in row.parts],
            }
            for row in rows
        ],
    }
    top = max((sum(part.value for part in row.parts) for row in rows), default=0)
    separator = "، " if lang == "ar" else ", "
    facts = [
        (row.label, separator.join(f"{part.label} {_number(part.value, lang=lang)}" for part in row.parts))
        for row in rows
    ]
    return _with_fallback(element, title, _horizontal_bars(rows, top), facts, lang=lang)


def donut(title: str, parts: Sequence[Part], *, lang: str) -> Element:
    """A donut chart (`Chart.Donut`): the parts of a whole."""
    element: Element = {
        "type": "Chart.Donut",
        "title": plain(title),
        "data": [{"legend": plain(part.label), "value": part.value, "color": part.color} for part in parts],
    }
    facts = [(part.label, _number(part.value, lang=lang)) for part in parts]
    return _with_fallback(element, title, _ring(parts, half=False), facts, lang=lang)


def gauge(title: str, parts: Sequence[Part], *, lang: str) -> Element:
    """A gauge (`Chart.Gauge`) showing the first part out of all of them ("3 of 5"), its segments the parts."""
    total = sum(part.value for part in parts)
    element: Element = {
        "type": "Chart.Gauge",
        "title": plain(title),
        "value": parts[0].value if parts else 0,
        "min": 0,
        "max": total,
        "valueFormat": "Fraction",
        "segments": [{"legend": plain(part.label), "size": part.value, "color": part.color} for part in parts],
    }
    facts = [(part.label, _number(part.value, lang=lang)) for part in parts]
    return _with_fallback(element, title, _ring(parts, half=True), facts, lang=lang)


def png_data_uri(image: Image.Image) -> str:
    """A picture as a `data:` address an Adaptive Card Image can show."""
    buffer = io.BytesIO()
    # a chart has a handful of flat colours: as a palette image it encodes in ~1 ms (RGBA with optimize: ~6 ms, on every
    # card a refresh rebuilds) and is smaller, every pixel the same
    image.quantize(colors=16, method=Image.Quantize.FASTOCTREE).save(buffer, format="PNG")
    return "data:image/png;base64," + base64.b64encode(buffer.getvalue()).decode("ascii")


def _with_fallback(
    element: Element,
    title: str,
    image: Image.Image,
    facts: list[tuple[str, str]],
    *,
    lang: str,
) -> Element:
    """The chart element with its fallback: title, picture (mirrored in Arabic) and the facts."""
    if lang == "ar":
        image = ImageOps.mirror(image)
    picture = {
        "type": "Image",
        "url": png_data_uri(image),
        "altText": plain(title),
        "width": f"{image.width // SCALE}px",
    }
    element["fallback"] = {
        "type": "Container",
        "items": [
            text_block(title, weight="Bolder", size="Small"),
            picture,
            {"type": "FactSet", "facts": [{"title": label, "value": value} for label, value in facts]},
        ],
    }
    return element


def _number(value: float, *, lang: str, percent: bool = False) -> str:
    if percent:
        return format_number(value / 100, lang=lang, style="percent")
    return format_number(value, lang=lang)


def _canvas(width: int, height: int) -> tuple[Image.Image, ImageDraw.ImageDraw]:
    image = Image.new("RGBA", (width * SCALE, height * SCALE), _BACKGROUND)
    return image, ImageDraw.Draw(image)


def _vertical_bars(parts: Sequence[Part], top: float, *, track: bool = False) -> Image.Image:
    """Bars side by side from the left, as high as their share of `top`; `track`: each on a pale bar of the whole
    (for percents, so a bar at 0% still shows)."""
    image, pen = _canvas(WIDTH, HEIGHT)
    slot = image.width / max(1, len(parts))
    floor = image.height - SCALE
    for index, part in enumerate(parts):
        height = round((image.height - SCALE) * part.value / top) if top > 0 else 0
        left = round(index * slot + slot * 0.2)
        right = round((index + 1) * slot - slot * 0.2)
        if track:
            pen.rectangle((left, 0, right, floor), fill=_TRACK)
        if height > 0:
            pen.rectangle((left, floor - height, right, floor), fill=COLORS.get(part.color, _AXIS))
    pen.rectangle((0, floor, image.width, image.height), fill=_AXIS)
    return image


def _horizontal_bars(rows: Sequence[Row], top: float, *, track: bool = False) -> Image.Image:
    """One bar per row from the left, its parts end to end, as long as their share of `top`; `track`: as above."""
    image, pen = _canvas(WIDTH, max(1, len(rows)) * (BAR + GAP) + GAP)
    length = image.width - 2 * SCALE
    pen.rectangle((0, 0, SCALE - 1, image.height), fill=_AXIS)
    for index, row in enumerate(rows):
        upper = (GAP + index * (BAR + GAP)) * SCALE
        start = float(SCALE)
        if track:
            pen.rectangle((SCALE, upper, image.width - 1, upper + BAR * SCALE - 1), fill=_TRACK)
        for part in row.parts:
            end = start + (length * part.value / top if top > 0 else 0)
            if round(end) > round(start):
                pen.rectangle(
                    (round(start), upper, round(end) - 1, upper + BAR * SCALE - 1), fill=COLORS.get(part.color, _AXIS)
                )
            start = end
    return image


def _ring(parts: Sequence[Part], *, half: bool) -> Image.Image:
    """A donut (the whole circle) or a gauge (its upper half), the parts clockwise from the left (gauge) or top."""
    image, pen = _canvas(ROUND, ROUND // 2 + 4 if half else ROUND)
    box = (0, 0, ROUND * SCALE - 1, ROUND * SCALE - 1)
    total = sum(part.value for part in parts)
    sweep, angle = (180.0, 180.0) if half else (360.0, -90.0)
    if total <= 0:
        pen.pieslice(box, angle, angle + sweep, fill=COLORS["neutral"])
    for part in parts:
        if total > 0 and part.value > 0:
            end = angle + sweep * part.value / total
            pen.pieslice(box, angle, end, fill=COLORS.get(part.color, _AXIS))
            angle = end
    hole = ROUND * SCALE * 0.22
    pen.ellipse((hole, hole, ROUND * SCALE - 1 - hole, ROUND * SCALE - 1 - hole), fill=_BACKGROUND)
    return image
