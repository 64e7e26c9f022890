"""Colour arithmetic for brand colours: WCAG 2.x contrast, so that every municipality's
colours stay readable whatever staff choose."""

import re

HEX_COLOUR = re.compile(r"^#[0-9a-fA-F]{6}$")
WCAG_AA_NORMAL_TEXT = 4.5


def _channel(value: int) -> float:
    c = value / 255
    return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4


def relative_luminance(hex_colour: str) -> float:
    red, green, blue = (int(hex_colour[i : i + 2], 16) for i in (1, 3, 5))
    return 0.2126 * _channel(red) + 0.7152 * _channel(green) + 0.0722 * _channel(blue)


def contrast_ratio(first: str, second: str) -> float:
    lighter, darker = sorted((relative_luminance(first), relative_luminance(second)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def mix(hex_colour: str, other: str, weight: float) -> str:
    """``weight`` of ``other`` mixed into ``hex_colour`` (0 keeps the colour, 1 gives other)."""
    parts = []
    for i in (1, 3, 5):
        a, b = int(hex_colour[i : i + 2], 16), int(other[i : i + 2], 16)
        parts.append(round(a + (b - a) * weight))
    return "#" + "".join(f"{p:02x}" for p in parts)
