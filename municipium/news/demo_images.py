"""Simple drawings for the demo articles, made with Pillow: no photograph of a real person or
place, and alt text that says what is drawn."""

import math
from collections.abc import Callable

from PIL import ImageDraw

from municipium.core.demo_images import drawing_ensure

SIZE = (1200, 675)
BLUE, DARK, PAPER, GREY = (11, 79, 138), (7, 52, 89), (255, 255, 255), (170, 180, 192)


def _memorandum(draw: ImageDraw.ImageDraw) -> None:
    """A signed sheet of paper and a pen, on a light blue desk."""
    draw.rectangle((0, 0, *SIZE), fill=(238, 244, 249))
    draw.rectangle((390, 70, 810, 610), fill=PAPER, outline=GREY, width=3)
    for row in range(9):
        y = 130 + row * 38
        draw.line((440, y, 760 - (row % 3) * 60, y), fill=GREY, width=8)
    draw.line(
        [(450, 520), (490, 480), (520, 540), (560, 470), (600, 530), (640, 500)],
        fill=BLUE, width=6, joint="curve",
    )  # fmt: skip
    draw.line((440, 560, 700, 560), fill=GREY, width=3)
    draw.polygon([(690, 540), (950, 250), (975, 272), (715, 562)], fill=DARK)
    draw.polygon([(690, 540), (715, 562), (676, 578)], fill=(200, 160, 60))


def _park(draw: ImageDraw.ImageDraw) -> None:
    """A park: grass, two trees and a swing under a blue sky."""
    draw.rectangle((0, 0, SIZE[0], 470), fill=(205, 228, 245))
    draw.rectangle((0, 470, *SIZE), fill=(120, 176, 92))
    for x in (200, 1000):
        draw.rectangle((x - 18, 330, x + 18, 500), fill=(110, 78, 50))
        draw.ellipse((x - 120, 160, x + 120, 380), fill=(46, 125, 50))
    draw.line((420, 520, 470, 230, 730, 230, 780, 520), fill=DARK, width=14, joint="curve")
    for x in (560, 640):
        draw.line((x, 236, x, 420), fill=GREY, width=5)
    draw.rectangle((545, 420, 655, 436), fill=(163, 33, 31))


def _nowruz(draw: ImageDraw.ImageDraw) -> None:
    """A spring park: tulip beds, a sprouting sabzeh in a bowl and a blossoming tree."""
    draw.rectangle((0, 0, SIZE[0], 430), fill=(222, 240, 236))
    draw.rectangle((0, 430, *SIZE), fill=(132, 186, 110))
    draw.rectangle((880, 250, 910, 470), fill=(110, 78, 50))
    for x, y in ((820, 230), (900, 180), (980, 240), (860, 290), (950, 300)):
        draw.ellipse((x - 70, y - 60, x + 70, y + 60), fill=(246, 200, 214))
    for row, colour in enumerate(((196, 40, 60), (236, 168, 36), (150, 52, 140))):
        for column in range(9):
            x, y = 90 + column * 70 + row * 20, 500 + row * 50
            draw.line((x, y + 50, x, y + 10), fill=(46, 125, 50), width=5)
            draw.ellipse((x - 16, y - 14, x + 16, y + 18), fill=colour)
    draw.chord((400, 250, 640, 420), 0, 180, fill=(15, 94, 86))
    for x in range(420, 625, 12):
        draw.line((x, 335, x + (x % 5) - 2, 250 + (x * 7) % 30), fill=(90, 170, 70), width=5)


def _bulletin(draw: ImageDraw.ImageDraw) -> None:
    """A folded weekly bulletin on a table: a masthead, columns of text and a photograph."""
    draw.rectangle((0, 0, *SIZE), fill=(236, 240, 236))
    draw.polygon([(260, 110), (980, 80), (1010, 600), (230, 620)], fill=PAPER, outline=GREY)
    draw.rectangle((300, 130, 940, 190), fill=(17, 75, 60))
    draw.rectangle((320, 220, 600, 400), fill=(200, 214, 206))
    draw.polygon([(330, 390), (420, 300), (480, 350), (540, 280), (590, 390)], fill=(17, 75, 60))
    for column in (630, 790):
        for row in range(8):
            y = 222 + row * 24
            draw.line((column, y, column + 130 - (row % 3) * 25, y), fill=GREY, width=8)
    for row in range(6):
        y = 430 + row * 26
        draw.line((320, y, 930 - (row % 2) * 80, y), fill=GREY, width=8)


def _ceremony(draw: ImageDraw.ImageDraw) -> None:
    """A square decorated for a holiday: bunting, a lectern and a wreath of flowers."""
    draw.rectangle((0, 0, SIZE[0], 460), fill=(214, 230, 246))
    draw.rectangle((0, 460, *SIZE), fill=(200, 196, 186))
    for start in (0, 600):
        points = [(start + i * 60, 60 + (i % 2) * 0) for i in range(11)]
        draw.line(points, fill=DARK, width=3)
        for i in range(10):
            x = start + i * 60
            colour = (200, 16, 46) if i % 2 == 0 else PAPER
            draw.polygon([(x + 6, 62), (x + 54, 62), (x + 30, 120)], fill=colour, outline=GREY)
    draw.polygon([(520, 300), (680, 300), (660, 560), (540, 560)], fill=(120, 86, 60))
    draw.rectangle((500, 280, 700, 310), fill=(90, 62, 42))
    draw.ellipse((820, 360, 1020, 560), outline=(46, 125, 50), width=34)
    for angle in range(0, 360, 45):
        x = 920 + 100 * math.cos(math.radians(angle))
        y = 460 + 100 * math.sin(math.radians(angle))
        draw.ellipse((x - 16, y - 16, x + 16, y + 16), fill=(200, 16, 46))


def _carols(draw: ImageDraw.ImageDraw) -> None:
    """A winter evening: a star over snow-covered roofs and music notes."""
    draw.rectangle((0, 0, *SIZE), fill=(28, 46, 84))
    draw.rectangle((0, 520, *SIZE), fill=(236, 242, 248))
    for x in (140, 420, 760):
        draw.rectangle((x, 400, x + 220, 540), fill=(122, 46, 14))
        draw.polygon([(x - 20, 410), (x + 110, 310), (x + 240, 410)], fill=(236, 242, 248))
        draw.rectangle((x + 90, 450, x + 130, 500), fill=(250, 214, 120))
    star = [(600, 70), (625, 140), (700, 140), (640, 185), (662, 255), (600, 212),
            (538, 255), (560, 185), (500, 140), (575, 140)]  # fmt: skip
    draw.polygon(star, fill=(250, 214, 120))
    for x, y in ((260, 180), (900, 150), (1020, 260)):
        draw.ellipse((x, y + 60, x + 44, y + 96), fill=PAPER)
        draw.line((x + 42, y + 78, x + 42, y), fill=PAPER, width=6)
        draw.line((x + 42, y, x + 80, y + 24), fill=PAPER, width=6)


def _workshops(draw: ImageDraw.ImageDraw) -> None:
    """A workshop table: an easel with a painting, a flask and a music note."""
    draw.rectangle((0, 0, *SIZE), fill=(250, 240, 226))
    draw.rectangle((0, 520, *SIZE), fill=(196, 150, 104))
    draw.line((300, 560, 380, 160, 460, 560), fill=(110, 78, 50), width=14)
    draw.rectangle((250, 180, 510, 400), fill=PAPER, outline=(110, 78, 50), width=8)
    draw.ellipse((290, 220, 380, 310), fill=(236, 168, 36))
    draw.polygon([(260, 390), (360, 290), (420, 340), (500, 260), (500, 390)], fill=BLUE)
    draw.polygon([(640, 300), (700, 300), (700, 380), (770, 520), (570, 520), (640, 380)],
                 fill=(205, 228, 245), outline=DARK)  # fmt: skip
    draw.polygon([(600, 460), (740, 460), (770, 520), (570, 520)], fill=(46, 125, 50))
    draw.ellipse((880, 380, 960, 440), fill=(163, 33, 31))
    draw.line((958, 410, 958, 200), fill=(163, 33, 31), width=10)
    draw.line((958, 200, 1030, 250), fill=(163, 33, 31), width=10)


def _walk(draw: ImageDraw.ImageDraw) -> None:
    """An old street: a mansion with tall windows and a bay, a cypress and cobbles."""
    draw.rectangle((0, 0, SIZE[0], 500), fill=(214, 232, 246))
    draw.rectangle((0, 500, *SIZE), fill=(180, 170, 160))
    for x in range(0, SIZE[0], 60):
        for y in range(520, SIZE[1], 40):
            draw.arc((x + (y // 40 % 2) * 30, y, x + 56 + (y // 40 % 2) * 30, y + 36), 180,
                     360, fill=(150, 140, 130), width=3)  # fmt: skip
    draw.rectangle((300, 200, 860, 500), fill=(238, 214, 178))
    draw.polygon([(270, 205), (580, 90), (890, 205)], fill=(163, 33, 31))
    draw.rectangle((500, 240, 660, 330), fill=(222, 196, 160), outline=(110, 78, 50), width=4)
    for x in (340, 420, 700, 780):
        draw.rectangle((x, 250, x + 44, 340), fill=BLUE)
        draw.rectangle((x, 380, x + 44, 470), fill=BLUE)
    draw.rectangle((545, 380, 615, 500), fill=(110, 78, 50))
    draw.polygon([(1000, 500), (970, 320), (1000, 140), (1030, 320)], fill=(34, 94, 44))


DRAWINGS: dict[str, tuple[str, str, Callable]] = {
    # key: (title, description, drawing)
    "memorandum": (
        "Demo drawing: a signed memorandum",
        "Drawing of a signed sheet of paper and a pen.",
        _memorandum,
    ),
    "park": (
        "Demo drawing: a park with a swing",
        "Drawing of a park with a swing and two trees.",
        _park,
    ),
    "workshops": (
        "Demo drawing: a workshop table",
        "Drawing of an easel with a painting, a flask and a music note.",
        _workshops,
    ),
    "walk": (
        "Demo drawing: an old mansion",
        "Drawing of an old mansion with tall windows on a cobbled street, and a cypress.",
        _walk,
    ),
    "nowruz": (
        "Demo drawing: a park in spring",
        "Drawing of tulip beds, a bowl of sprouting greens and a blossoming tree.",
        _nowruz,
    ),
    "bulletin": (
        "Demo drawing: a weekly bulletin",
        "Drawing of a printed bulletin with a masthead, a photograph and columns of text.",
        _bulletin,
    ),
    "ceremony": (
        "Demo drawing: a square decorated for a holiday",
        "Drawing of red and white bunting over a lectern and a wreath of flowers.",
        _ceremony,
    ),
    "carols": (
        "Demo drawing: a winter evening with carols",
        "Drawing of a star over snow-covered houses, with music notes.",
        _carols,
    ),
}


def demo_image_ensure(key: str, *, collection):
    """The demo drawing ``key`` in ``collection`` (a municipality's: its pages use only its
    own images), drawn once (``core.demo_images``)."""
    title, description, drawing = DRAWINGS[key]
    return drawing_ensure(
        name=f"news-{key}", title=title, description=description, drawing=drawing, size=SIZE,
        collection=collection,
    )  # fmt: skip
