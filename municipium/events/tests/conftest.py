"""Two municipalities with a culture directorate, a section below it, their staff, a venue and
a partner each: Bornova (Turkish, Europe/Istanbul) and Rudziniec (Polish, Europe/Warsaw)."""

import pytest

from municipium.culture.tests.factories import partner, venue
from municipium.organisation.models import Unit
from municipium.organisation.tests.factories import staff_user, unit


class Culture:
    def __init__(self, municipality):
        self.municipality = municipality
        slug = municipality.slug
        self.directorate = unit(municipality, "kultur", kind=Unit.Kind.DIRECTORATE)
        self.section = unit(municipality, "kurslar", parent=self.directorate)
        self.other_unit = unit(municipality, "parks", kind=Unit.Kind.DIRECTORATE)
        self.director = staff_user(
            municipality, f"{slug}-director", unit=self.directorate, role="director"
        )
        self.clerk = staff_user(municipality, f"{slug}-clerk", unit=self.section)
        self.parks_clerk = staff_user(municipality, f"{slug}-parks", unit=self.other_unit)
        self.venue = venue(municipality, f"{slug} culture centre")
        self.partner = partner(municipality, f"{slug} university")


@pytest.fixture
def bornova(municipality_factory):
    return Culture(municipality_factory(slug="bornova", languages=["tr", "en"]))


@pytest.fixture
def rudziniec(municipality_factory):
    return Culture(
        municipality_factory(
            slug="rudziniec", languages=["pl", "en"], country="PL", time_zone="Europe/Warsaw"
        )
    )
