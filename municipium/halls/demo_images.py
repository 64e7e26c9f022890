"""Drawings of the demo's halls (``core.demo_images``): a stage and rows of seats, a seminar
room, a foyer with display boards. Drawn, never a photograph of a real place."""

from collections.abc import Callable

from PIL import ImageDraw

from municipium.core.demo_images import drawing_ensure

SIZE = (960, 640)
WALL, FLOOR, SEAT, WOOD = (236, 232, 222), (196, 170, 132), (163, 33, 31), (120, 84, 52)
CURTAIN, SCREEN, DARK = (122, 24, 40), (250, 250, 250), (40, 46, 58)


def _seats(draw: ImageDraw.ImageDraw, *, rows: int, top: int, colour=SEAT) -> None:
    """Rows of seats seen from the back, each row a little wider than the one in front."""
    for row in range(rows):
        y = top + row * 42
        spread = 300 + row * 40
        for seat in range(12):
            x = SIZE[0] // 2 - spread + seat * (2 * spread // 11)
            draw.rounded_rectangle((x - 16, y, x + 16, y + 28), radius=6, fill=colour)


def _stage_hall(draw: ImageDraw.ImageDraw) -> None:
    """A theatre hall: a lit stage between red curtains, a grand piano, rows of seats."""
    draw.rectangle((0, 0, *SIZE), fill=DARK)
    draw.rectangle((140, 60, 820, 330), fill=(250, 226, 160))
    draw.rectangle((140, 60, 250, 330), fill=CURTAIN)
    draw.rectangle((710, 60, 820, 330), fill=CURTAIN)
    draw.rectangle((100, 330, 860, 360), fill=WOOD)
    draw.polygon([(430, 250), (560, 250), (600, 290), (430, 290)], fill=(20, 20, 20))
    draw.rectangle((440, 290, 450, 330), fill=(20, 20, 20))
    draw.rectangle((580, 290, 590, 330), fill=(20, 20, 20))
    _seats(draw, rows=6, top=390)


def _seminar_room(draw: ImageDraw.ImageDraw) -> None:
    """A seminar room: a projected slide, a lectern and rows of chairs."""
    draw.rectangle((0, 0, *SIZE), fill=WALL)
    draw.rectangle((0, 380, SIZE[0], SIZE[1]), fill=FLOOR)
    draw.rectangle((280, 60, 680, 290), fill=SCREEN, outline=(150, 150, 150), width=4)
    draw.rectangle((320, 100, 520, 130), fill=(11, 79, 138))
    for row in range(4):
        draw.line(
            (320, 160 + row * 30, 640 - row * 40, 160 + row * 30), fill=(170, 180, 192), width=8
        )
    draw.polygon([(730, 250), (800, 250), (790, 380), (740, 380)], fill=WOOD)
    _seats(draw, rows=5, top=420, colour=(11, 79, 138))


def _foyer(draw: ImageDraw.ImageDraw) -> None:
    """A bright foyer: tall windows and display boards with pictures on them."""
    draw.rectangle((0, 0, *SIZE), fill=WALL)
    draw.rectangle((0, 470, SIZE[0], SIZE[1]), fill=(214, 206, 190))
    for x in (60, 760):
        draw.rectangle(
            (x, 60, x + 140, 420), fill=(205, 228, 245), outline=(150, 150, 150), width=6
        )
    for x in (260, 500):
        draw.rectangle((x, 150, x + 200, 440), fill=(250, 250, 250), outline=DARK, width=4)
        draw.rectangle((x + 25, 180, x + 175, 280), fill=(46, 125, 50))
        draw.rectangle((x + 25, 300, x + 175, 400), fill=(236, 168, 36))
        draw.line((x + 20, 440, x + 20, 500), fill=DARK, width=6)
        draw.line((x + 180, 440, x + 180, 500), fill=DARK, width=6)


# slug: (title, description, drawing)
DRAWINGS: dict[str, tuple[str, str, Callable]] = {
    "buyuk-salon": (
        "Demo drawing: a theatre hall",
        "Drawing of a lit stage between red curtains, a grand piano and rows of seats.",
        _stage_hall,
    ),
    "seminer-salonu": (
        "Demo drawing: a seminar room",
        "Drawing of a projected slide, a lectern and rows of chairs.",
        _seminar_room,
    ),
    "sergi-fuayesi": (
        "Demo drawing: an exhibition foyer",
        "Drawing of a bright foyer with tall windows and display boards.",
        _foyer,
    ),
}
STAGE = "buyuk-salon"  # the drawing of the halls with a stage that have none of their own


def hall_image_ensure(slug: str, *, collection):
    """The drawing of the demo hall ``slug`` (a stage hall's if it has none of its own) in
    ``collection``."""
    key = slug if slug in DRAWINGS else STAGE
    title, description, drawing = DRAWINGS[key]
    return drawing_ensure(
        name=f"halls-{key}", title=title, description=description, drawing=drawing, size=SIZE,
        collection=collection,
    )  # fmt: skip
