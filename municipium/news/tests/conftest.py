"""Sites with a news index and a directory: ``bornova`` (Turkish and English, Gregorian) and
``bumehen`` (Persian and English, Solar Hijri), each with ``.news[language]`` and
``.directory[language]`` index pages."""

import pytest

from .factories import sections_create


@pytest.fixture
def bornova(municipality_factory):
    return sections_create(
        municipality_factory(slug="bornova", names={"tr": "Bornova Belediyesi", "en": "Bornova"})
    )


@pytest.fixture
def bumehen(municipality_factory):
    municipality = municipality_factory(
        slug="bumehen", country="IR", languages=["fa", "en"], calendar="solar_hijri",
        time_zone="Asia/Tehran", names={"fa": "شهرداری بومهن", "en": "Bumehen Municipality"},
    )  # fmt: skip
    return sections_create(municipality)


@pytest.fixture
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    return tmp_path
