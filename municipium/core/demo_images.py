"""Drawn images for the demo (Pillow): no photograph of a real person or place. An app gives a
drawing function and the words that say what is drawn; the file is drawn once under a fixed
name and each municipality's collection gets its own image row on it."""

import io
from collections.abc import Callable

from django.core.files.base import ContentFile
from PIL import Image, ImageDraw
from wagtail.images import get_image_model


def drawing_ensure(
    *,
    name: str,
    title: str,
    description: str,
    drawing: Callable[[ImageDraw.ImageDraw], None],
    size: tuple[int, int],
    collection,
):
    """The image ``title`` in ``collection``, drawn by ``drawing`` on a ``size`` canvas into
    ``original_images/<name>.png``. The file is kept under that fixed name, shared by every
    municipality's copy, so that loading the demo again (or into a fresh database) adds no
    file."""
    model = get_image_model()
    existing = model.objects.filter(title=title, collection=collection).first()
    if existing is not None:
        return existing
    storage = model._meta.get_field("file").storage
    path = f"original_images/{name}.png"
    if not storage.exists(path):
        picture = Image.new("RGB", size)
        drawing(ImageDraw.Draw(picture))
        buffer = io.BytesIO()
        picture.save(buffer, format="PNG", optimize=True)
        path = storage.save(path, ContentFile(buffer.getvalue()))
    width, height = size
    return model.objects.create(
        title=title, description=description, file=path, width=width, height=height,
        collection=collection,
    )  # fmt: skip
