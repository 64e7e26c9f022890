"""Sites with a requests desk page: ``bornova`` (Turkish and English) and ``bumehen``
(Persian and English, Solar Hijri), each with a lights directorate, a clerk and a manager, and
a street-light category asking the pole's number (required) and what is wrong (a list)."""

import io

import pytest
from PIL import Image

from municipium.core.pages import page_ensure
from municipium.desk.pages import RequestDeskPage
from municipium.organisation.models import Unit
from municipium.organisation.tests.factories import staff_user, unit

from .factories import category, question

SLUGS = {"tr": "talep", "fa": "درخواست", "en": "requests", "pl": "zgloszenia"}


class Desk:
    def __init__(self, municipality):
        self.municipality = municipality
        self.host = f"{municipality.slug}.localhost"
        self.pages = {
            language: page_ensure(
                parent=home,
                page_class=RequestDeskPage,
                slug=SLUGS[language],
                language=language,
                title=f"Requests ({language})",
                intro="Tell us.",
            )
            for language, home in municipality.homes.items()
        }
        self.lights = unit(municipality, "lights", kind=Unit.Kind.DIRECTORATE)
        self.mayor = unit(municipality, "mayor", kind=Unit.Kind.MAYORS_OFFICE)
        self.clerk = staff_user(municipality, f"{municipality.slug}-clerk", unit=self.lights)
        self.manager = staff_user(
            municipality, f"{municipality.slug}-manager", unit=self.lights, role="manager"
        )
        self.manager.email = "manager@example.org"
        self.manager.save()
        names = {"tr": "Sokak lambası", "fa": "چراغ معابر", "en": "Street light"}
        self.category = category(municipality, "street-light", self.lights, target=3, names=names)
        question(
            self.category, "pole", required=True, tr="Direk numarası", fa="شماره تیر",
            en="Pole number",
        )  # fmt: skip
        question(
            self.category, "kind", "singlevaluelist", tr="Sorun", fa="مشکل", en="Problem",
            values=[
                {"key": "off", "names": {"tr": "Yanmıyor", "fa": "خاموش", "en": "Off"}},
                {"key": "blinking", "names": {"tr": "Yanıp sönüyor", "fa": "چشمک‌زن"}},
            ],
        )  # fmt: skip

    def url(self, language, rest=""):
        return f"/{language}/{SLUGS[language]}/{rest}"


@pytest.fixture
def private_storage(monkeypatch, tmp_path):
    """Case files in a directory of the test's own (the field's storage is bound when the
    model loads, so the setting alone would not move it)."""
    from django.core.files.storage import FileSystemStorage

    from municipium.cases.models import Attachment

    storage = FileSystemStorage(location=tmp_path / "private")
    monkeypatch.setattr(Attachment._meta.get_field("file"), "storage", storage)
    return tmp_path / "private"


@pytest.fixture
def bornova(municipality_factory, private_storage):
    return Desk(municipality_factory(slug="bornova", names={"tr": "Bornova Belediyesi"}))


@pytest.fixture
def bumehen(municipality_factory, private_storage):
    municipality = municipality_factory(
        slug="bumehen", country="IR", languages=["fa", "en"], calendar="solar_hijri",
        time_zone="Asia/Tehran", weekend_days=[4], names={"fa": "شهرداری بومهن"},
    )  # fmt: skip
    return Desk(municipality)


def jpeg_with_gps(size=(64, 48), orientation=None) -> bytes:
    """A JPEG whose EXIF holds a GPS position (and the camera's make), as a phone writes it."""
    image = Image.new("RGB", size, (200, 30, 30))
    image.paste((30, 30, 200), (0, 0, size[0] // 2, size[1]))
    exif = Image.Exif()
    exif[0x010F] = "PhoneMaker"  # Make
    if orientation:
        exif[0x0112] = orientation
    gps = exif.get_ifd(0x8825)
    gps[1] = "N"
    gps[2] = (38.0, 27.0, 36.0)
    gps[3] = "E"
    gps[4] = (27.0, 13.0, 12.0)
    output = io.BytesIO()
    image.save(output, format="JPEG", exif=exif)
    return output.getvalue()
