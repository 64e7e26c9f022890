"""Photos are accepted by their content, within the size limit, and kept without metadata,
the right way up; case_attach keeps them in the private storage with one entry each."""

import io
from pathlib import Path

import pytest
from django.core.exceptions import ValidationError
from PIL import Image
from wagtail.models import ModelLogEntry

from municipium.cases.attachments import image_clean
from municipium.cases.services import case_attach, case_open

LIMIT = 10 * 2**20


def private_storage(monkeypatch, tmp_path):
    from django.core.files.storage import FileSystemStorage

    from municipium.cases.models import Attachment

    storage = FileSystemStorage(location=tmp_path)
    monkeypatch.setattr(Attachment._meta.get_field("file"), "storage", storage)


def encoded(image_format, size=(60, 30), **options) -> bytes:
    output = io.BytesIO()
    Image.new("RGB", size, (10, 120, 200)).save(output, format=image_format, **options)
    return output.getvalue()


def jpeg_with_exif(orientation=None) -> bytes:
    exif = Image.Exif()
    exif[0x010F] = "PhoneMaker"
    if orientation:
        exif[0x0112] = orientation
    gps = exif.get_ifd(0x8825)
    gps[1], gps[2] = "N", (38.0, 27.0, 36.0)
    return encoded("JPEG", exif=exif)


def test_gps_and_camera_data_are_removed_from_a_jpeg():
    clean = image_clean(data=jpeg_with_exif(), name="a.jpg", max_bytes=LIMIT)
    with Image.open(io.BytesIO(clean.content)) as image:
        assert image.format == "JPEG" and not image.getexif()
        assert "exif" not in image.info
    assert clean.content_type == "image/jpeg" and clean.extension == "jpg"


def test_the_orientation_is_applied_before_the_exif_goes():
    # Orientation 6: the camera was turned; the stored 60x30 pixels stand as 30x60.
    clean = image_clean(data=jpeg_with_exif(orientation=6), name="a.jpg", max_bytes=LIMIT)
    assert (clean.width, clean.height) == (30, 60)


@pytest.mark.parametrize(("image_format", "content_type"), [("PNG", "image/png"),
                                                            ("WEBP", "image/webp")])  # fmt: skip
def test_png_and_webp_are_accepted_and_stay_in_their_format(image_format, content_type):
    clean = image_clean(data=encoded(image_format), name="a", max_bytes=LIMIT)
    assert clean.content_type == content_type
    with Image.open(io.BytesIO(clean.content)) as image:
        assert image.format == image_format


@pytest.mark.parametrize(
    "data",
    [
        b"GIF89a not really",
        encoded("GIF"),
        encoded("BMP"),
        encoded("JPEG")[:200],  # truncated
        b"<svg xmlns='http://www.w3.org/2000/svg'></svg>",
    ],
)
def test_anything_but_a_whole_jpeg_png_or_webp_is_refused(data):
    with pytest.raises(ValidationError) as error:
        image_clean(data=data, name="upload.jpg", max_bytes=LIMIT)
    assert "upload.jpg" in error.value.messages[0]


def test_a_photo_over_the_limit_is_refused_before_it_is_decoded():
    with pytest.raises(ValidationError) as error:
        image_clean(data=encoded("PNG"), name="big.png", max_bytes=10)
    assert error.value.code == "too_large"


def test_a_decompression_bomb_is_refused():
    data = encoded("PNG", size=(8000, 6000))  # 48 megapixels of one colour: a small file
    with pytest.raises(ValidationError):
        image_clean(data=data, name="bomb.png", max_bytes=LIMIT)


@pytest.mark.django_db
def test_case_attach_keeps_the_file_privately_with_one_entry_and_one_audit(
    org, monkeypatch, tmp_path
):
    private_storage(monkeypatch, tmp_path)
    case = case_open(
        municipality=org.municipality, kind="test_request", unit=org.trees, title="Tree",
        by=None, language="tr",
    )  # fmt: skip
    attachment = case_attach(
        case=case, name="26-00001-1.jpg", content=b"abc", content_type="image/jpeg", by=None,
        by_resident=True,
    )  # fmt: skip
    assert attachment.size == 3 and attachment.uploaded_by is None and not attachment.is_public
    assert attachment.file.path.startswith(str(tmp_path))
    entry = case.entries.get(kind="attached")
    assert entry.by_resident and not entry.is_public
    assert ModelLogEntry.objects.filter(action="cases.case.attach").count() == 1


@pytest.mark.django_db
def test_case_attach_refuses_staff_who_may_not_act_on_the_case(org, monkeypatch, tmp_path):
    from django.core.exceptions import PermissionDenied

    private_storage(monkeypatch, tmp_path)
    case = case_open(
        municipality=org.municipality, kind="test_request", unit=org.trees, title="Tree",
        by=None, language="tr",
    )  # fmt: skip
    with pytest.raises(PermissionDenied):
        case_attach(case=case, name="x.jpg", content=b"a", content_type="image/jpeg",
                    by=org.sibling)  # fmt: skip


def test_the_private_storage_is_durable_by_default():
    """Settings: case files go to the storage that fsyncs them (core.storage)."""
    from django.core.files.storage import storages

    from municipium.core.storage import DurableFileSystemStorage

    private = storages.create_storage(storages.backends["private"])
    assert isinstance(private, DurableFileSystemStorage)


def test_case_attach_has_the_file_and_its_directories_on_disk_before_the_row_exists(
    org, monkeypatch, tmp_path
):
    """The file's content, its directory entry and those of the directories the save made are
    fsynced inside the transaction, before the attachment's row is written: a commit never
    names a file that a crash of the machine could still take away."""
    import os

    from municipium.cases.models import Attachment
    from municipium.core import storage as durable

    location = tmp_path / "private"
    storage = durable.DurableFileSystemStorage(location=location)
    monkeypatch.setattr(Attachment._meta.get_field("file"), "storage", storage)
    flushed = []
    real_fsync = os.fsync

    def fsync(descriptor):
        path = os.readlink(f"/proc/self/fd/{descriptor}")
        flushed.append((path, Attachment.objects.count()))
        real_fsync(descriptor)

    monkeypatch.setattr(durable.os, "fsync", fsync)
    case = case_open(
        municipality=org.municipality, kind="test_request", unit=org.trees, title="Tree",
        by=None, language="tr",
    )  # fmt: skip
    attachment = case_attach(
        case=case, name="26-00001-1.jpg", content=b"abc", content_type="image/jpeg", by=None,
        by_resident=True,
    )  # fmt: skip
    file = Path(attachment.file.path)
    # private/cases/<year>/<month>/ were all made by this save: each entry flushed in its parent
    expected = {str(file), *(str(d) for d in file.parents if d.is_relative_to(tmp_path))}
    assert len(expected) == 6
    assert {path for path, _ in flushed} == expected
    assert all(rows == 0 for _, rows in flushed)  # before the row naming the file
