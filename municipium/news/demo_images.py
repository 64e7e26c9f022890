"""Simple drawings for the demo articles, made with Pillow: no photograph of a real person or
place, and alt text that says what is drawn."""

import io
from collections.abc import Callable

from django.core.files.base import ContentFile
from PIL import Image, ImageDraw
from wagtail.images import get_image_model

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
}


def demo_image_ensure(key: str, *, collection):
    """The demo drawing ``key`` in ``collection`` (a municipality's: its pages use only its
    own images). The file is drawn once and kept under a fixed name, shared by every
    municipality's copy, so that loading the demo again (or into a fresh database) adds no
    file."""
    title, description, drawing = DRAWINGS[key]
    model = get_image_model()
    existing = model.objects.filter(title=title, collection=collection).first()
    if existing is not None:
        return existing
    storage = model._meta.get_field("file").storage
    name = f"original_images/news-{key}.png"
    if not storage.exists(name):
        picture = Image.new("RGB", SIZE)
        drawing(ImageDraw.Draw(picture))
        buffer = io.BytesIO()
        picture.save(buffer, format="PNG", optimize=True)
        name = storage.save(name, ContentFile(buffer.getvalue()))
    width, height = SIZE
    return model.objects.create(
        title=title, description=description, file=name, width=width, height=height,
        collection=collection,
    )  # fmt: skip
