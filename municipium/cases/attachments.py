"""Photos a resident sends with a request, made safe to keep and to show.

A file is accepted only if Pillow opens and verifies it as a JPEG, PNG or WebP image (its
content decides, never its name or the type the browser claims), within the size limit and
Pillow's pixel limit (a "decompression bomb" is refused). It is then decoded and encoded again
without any of its metadata: EXIF (the camera's GPS position, its serial number, the time),
XMP and comments are gone, and the EXIF orientation is applied to the pixels first, so that the
photo still stands the right way up. What is kept is only the new file."""

from __future__ import annotations

import io
import warnings
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from PIL import Image, ImageOps, UnidentifiedImageError

# Pillow's format name: (content type, file extension)
ACCEPTED = {
    "JPEG": ("image/jpeg", "jpg"),
    "PNG": ("image/png", "png"),
    "WEBP": ("image/webp", "webp"),
}
MAX_PIXELS = 40_000_000  # a 40-megapixel photo; more is refused rather than decoded


@dataclass(frozen=True)
class CleanImage:
    content: bytes
    content_type: str
    extension: str
    width: int
    height: int


def _refuse(name: str) -> ValidationError:
    return ValidationError(
        _("%(name)s is not a photo we can accept: send a JPEG, PNG or WebP image.")
        % {"name": name},
        code="invalid_image",
    )


def image_clean(*, data: bytes, name: str, max_bytes: int) -> CleanImage:
    """``data`` (an uploaded file's bytes) checked and re-encoded without metadata; raises
    ValidationError with a message for the resident."""
    if len(data) > max_bytes:
        raise ValidationError(
            _("%(name)s is too large: a photo may be at most %(size)s MB.")
            % {"name": name, "size": max_bytes // (1024 * 1024)},
            code="too_large",
        )
    with warnings.catch_warnings():
        warnings.simplefilter("error", Image.DecompressionBombWarning)
        try:
            with Image.open(io.BytesIO(data)) as probe:
                if probe.format not in ACCEPTED:
                    raise _refuse(name)
                if probe.width * probe.height > MAX_PIXELS:
                    raise _refuse(name)
                probe.verify()
            with Image.open(io.BytesIO(data)) as image:
                image_format = image.format
                image.load()
                upright = ImageOps.exif_transpose(image)
        except ValidationError:
            raise
        except (UnidentifiedImageError, OSError, SyntaxError, ValueError, Warning) as error:
            raise _refuse(name) from error
    return _encode(upright, image_format)


def _encode(image: Image.Image, image_format: str) -> CleanImage:
    content_type, extension = ACCEPTED[image_format]
    if image_format == "JPEG" and image.mode not in ("RGB", "L"):
        image = image.convert("RGB")
    elif image.mode not in ("RGB", "RGBA", "L", "LA"):
        image = image.convert("RGBA")
    # A fresh image with the pixels only: no info dictionary (EXIF, XMP, ICC, comments) is
    # carried over, whatever the encoder would otherwise copy.
    bare = Image.new(image.mode, image.size)
    bare.paste(image)
    output = io.BytesIO()
    options = {"JPEG": {"quality": 85, "optimize": True}, "WEBP": {"quality": 85}}
    bare.save(output, format=image_format, **options.get(image_format, {}))
    return CleanImage(
        content=output.getvalue(),
        content_type=content_type,
        extension=extension,
        width=bare.width,
        height=bare.height,
    )
