"""The picture that social networks show for a page of a municipality without one of its own
(``og:image``): a PNG of 1200×630, since Facebook, X and LinkedIn refuse SVG.

It is the municipality's brand colour with its emblem and its name in the site's default
language. A raster logo comes in through Wagtail's renditions (any format Wagtail reads, as a
PNG no larger than the emblem's box); an SVG logo cannot be drawn by Pillow, so the picture then
has the name alone. Persian is written only if Pillow has Raqm (``features.check("raqm")``), which
joins and orders its letters; without it the name of another language is used, or none.

Like a rendition, the file is made the first time it is asked for and kept: its name carries a
hash of everything it shows, so a new logo, colour or name makes a new file and an unchanged
municipality never draws it twice. Pages link it as ``/share.png?g=<cache generation>``
(``Tenant.share_image_url``), served by ``views.share_image``; nothing is drawn while a page is
built."""

import functools
import hashlib
import io
from pathlib import Path

from django.core.files.base import ContentFile
from fontTools.ttLib import TTFont
from PIL import Image, ImageDraw, ImageFont, features
from wagtail.images import get_image_model

WIDTH, HEIGHT = 1200, 630
VERSION = "1"  # bump when the drawing changes: every municipality's picture is made again
EMBLEM_BOX = 300
FONTS = Path(__file__).resolve().parent.parent / "core" / "static" / "core" / "fonts"
# The project's fonts are split by script (as browsers load them): a run of text takes the
# first that has all of its letters.
LATIN_FONTS = ("noto-sans-latin-wght-normal.woff2", "noto-sans-latin-ext-wght-normal.woff2")
ARABIC_FONT = "vazirmatn-arabic-wght-normal.woff2"


def _is_arabic_script(text: str) -> bool:
    return any("\u0600" <= char <= "\u06ff" or "\ufb50" <= char <= "\ufeff" for char in text)


def _name(municipality) -> str:
    """The name to write: the default language's, unless it is Persian and cannot be shaped."""
    names = {row.language: row.name for row in municipality.names.all()}
    ordered = [municipality.default_language, *sorted(names)]
    shaping = features.check("raqm")
    for language in ordered:
        name = names.get(language, "")
        if name and (shaping or not _is_arabic_script(name)):
            return name
    return ""


def _logo_is_raster(logo) -> bool:
    return logo is not None and not logo.is_svg()


def share_image_name(municipality) -> str:
    """The file's name in the image storage: under ``images/``, served like renditions."""
    logo = municipality.logo
    parts = [
        VERSION,
        municipality.primary_colour,
        municipality.accent_colour,
        _name(municipality),
        logo.file.name if _logo_is_raster(logo) else "",
        (logo.file_hash or "") if _logo_is_raster(logo) else "",
    ]
    digest = hashlib.sha256("\n".join(parts).encode()).hexdigest()[:12]
    return f"images/share/{municipality.slug}-{digest}.png"


def _font(name: str, size: int) -> ImageFont.FreeTypeFont:
    engine = ImageFont.Layout.RAQM if features.check("raqm") else ImageFont.Layout.BASIC
    return ImageFont.truetype(str(FONTS / name), size, layout_engine=engine)


@functools.cache
def _letters(name: str) -> frozenset[int]:
    return frozenset(TTFont(str(FONTS / name)).getBestCmap())


def _runs(text: str, size: int) -> list[tuple[str, ImageFont.FreeTypeFont]]:
    """``text`` cut into runs each drawn with one font that has its letters (left to right)."""
    fonts = {name: _font(name, size) for name in LATIN_FONTS}
    runs: list[tuple[str, ImageFont.FreeTypeFont]] = []
    for char in text:
        name = next((n for n in LATIN_FONTS if ord(char) in _letters(n)), LATIN_FONTS[0])
        font = fonts[name]
        if runs and (runs[-1][1] is font or char == " "):
            runs[-1] = (runs[-1][0] + char, runs[-1][1])
        else:
            runs.append((char, font))
    return runs


def _write_name(draw: ImageDraw.ImageDraw, name: str, *, top: int) -> None:
    """The name centred under the emblem, as large as fits in the picture's width."""
    for size in range(64, 30, -4):
        if _is_arabic_script(name):
            runs = [(name, _font(ARABIC_FONT, size))]
            options = {"direction": "rtl", "language": "fa"}
        else:
            runs = _runs(name, size)
            options = {}
        widths = [draw.textlength(text, font=font, **options) for text, font in runs]
        if sum(widths) <= WIDTH - 120:
            break
    left = (WIDTH - sum(widths)) / 2
    for (text, font), width in zip(runs, widths, strict=True):
        draw.text((left, top), text, font=font, fill="white", **options)
        left += width


def _emblem(logo) -> Image.Image | None:
    """The raster logo as a PNG rendition no larger than the emblem's box."""
    if not _logo_is_raster(logo):
        return None
    rendition = logo.get_rendition(f"max-{EMBLEM_BOX}x{EMBLEM_BOX}|format-png")
    with rendition.file.open("rb") as file:
        return Image.open(io.BytesIO(file.read())).convert("RGBA")


def share_image_draw(municipality) -> bytes:
    """The picture as PNG bytes: brand colour, an accent band, the emblem on a white tile
    and the name."""
    picture = Image.new("RGB", (WIDTH, HEIGHT), municipality.primary_colour)
    draw = ImageDraw.Draw(picture)
    draw.rectangle((0, HEIGHT - 24, WIDTH, HEIGHT), fill=municipality.accent_colour)
    emblem = _emblem(municipality.logo)
    name = _name(municipality)
    name_top = 270
    if emblem is not None:
        tile = EMBLEM_BOX + 40
        left, top = (WIDTH - tile) // 2, 60
        draw.rounded_rectangle((left, top, left + tile, top + tile), radius=32, fill="white")
        picture.paste(
            emblem,
            (left + (tile - emblem.width) // 2, top + (tile - emblem.height) // 2),
            emblem,
        )
        name_top = top + tile + 50
    if name:
        _write_name(draw, name, top=name_top)
    buffer = io.BytesIO()
    picture.save(buffer, format="PNG", optimize=True)
    return buffer.getvalue()


def share_image_open(municipality):
    """The picture's file in the image storage, open for reading; made if it is not there yet."""
    storage = get_image_model()._meta.get_field("file").storage
    name = share_image_name(municipality)
    if not storage.exists(name):
        name = storage.save(name, ContentFile(share_image_draw(municipality)))
    return storage.open(name, "rb")
