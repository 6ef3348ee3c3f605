"""Draw the two Teams icons: the Arabic letter ت (taa, first letter of تنسيق) in white.

    python manifest/make_icons.py    # needs Pillow; rewrites manifest/icons/color.png and outline.png

The letter is drawn from geometry (a flat bowl and two diamond dots), not from a font, so the result is
the same on every machine. The PNGs are committed; run this only to change the design.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PIL import Image, ImageDraw

ICONS = Path(__file__).parent / "icons"
ACCENT = "#0B6E69"  # keep equal to accentColor in manifest/manifest.template.json
SUPERSAMPLE = 8
CURVE_STEPS = 24

Point = tuple[float, float]


@dataclass(frozen=True)
class Taa:
    """Proportions of the letter, as fractions of the icon's side."""

    width: float
    stroke: float
    tooth: float = 0.12  # height of the bowl's right end
    tail: float = 0.16  # height of its left end (Arabic ت rises a little higher on the left)
    corner: float = 0.12
    dot: float = 0.07  # half the diagonal of a diamond dot


def _curve(start: Point, control: Point, end: Point) -> list[Point]:
    """Points along a quadratic Bézier curve."""
    steps = [i / CURVE_STEPS for i in range(CURVE_STEPS + 1)]
    return [
        (
            (1 - t) ** 2 * start[0] + 2 * (1 - t) * t * control[0] + t * t * end[0],
            (1 - t) ** 2 * start[1] + 2 * (1 - t) * t * control[1] + t * t * end[1],
        )
        for t in steps
    ]


def taa_mask(size: int, shape: Taa) -> Image.Image:
    """An antialiased mask (mode L) of ت centred in a square of `size` pixels."""
    big = size * SUPERSAMPLE
    mask = Image.new("L", (big, big), 0)
    draw = ImageDraw.Draw(mask)
    line, dot = shape.stroke * big, shape.dot * big
    tooth, tail, corner = shape.tooth * big, shape.tail * big, shape.corner * big
    dots_to_bowl = line * 0.9
    height = 2 * dot + dots_to_bowl + max(tooth, tail) + line / 2
    top = (big - height) / 2
    base = top + 2 * dot + dots_to_bowl + max(tooth, tail)
    right, left = (big + shape.width * big) / 2, (big - shape.width * big) / 2
    bowl = _curve((right, base - tooth), (right, base), (right - corner, base)) + _curve(
        (left + corner, base), (left, base), (left, base - tail)
    )
    draw.line(bowl, fill=255, width=round(line), joint="curve")
    for x, y in (bowl[0], bowl[-1]):
        draw.ellipse((x - line / 2, y - line / 2, x + line / 2, y + line / 2), fill=255)
    centre_y = top + dot
    for centre_x in (big / 2 - dot * 1.2, big / 2 + dot * 1.2):
        draw.polygon(
            [
                (centre_x, centre_y - dot),
                (centre_x + dot, centre_y),
                (centre_x, centre_y + dot),
                (centre_x - dot, centre_y),
            ],
            fill=255,
        )
    return mask.reduce(SUPERSAMPLE)


def color_icon() -> Image.Image:
    """192×192: a white ت on the accent colour, full bleed (Teams rounds the corners itself)."""
    icon = Image.new("RGB", (192, 192), ACCENT)
    icon.paste("white", (0, 0), taa_mask(192, Taa(width=0.62, stroke=0.08)))
    return icon


def outline_icon() -> Image.Image:
    """32×32: a white ت on a transparent background, as Teams requires."""
    icon = Image.new("RGBA", (32, 32), (255, 255, 255, 0))
    icon.putalpha(taa_mask(32, Taa(width=0.72, stroke=0.12, tooth=0.17, tail=0.23, corner=0.16, dot=0.1)))
    return icon


def main() -> None:
    """Write both icons into manifest/icons/."""
    ICONS.mkdir(exist_ok=True)
    color_icon().save(ICONS / "color.png", optimize=True)
    outline_icon().save(ICONS / "outline.png", optimize=True)
    print(f"wrote {ICONS / 'color.png'} and {ICONS / 'outline.png'}")


if __name__ == "__main__":
    main()
