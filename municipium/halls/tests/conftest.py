import datetime

import pytest
from django.utils import timezone

from municipium.organisation.models import Unit
from municipium.organisation.tests.factories import staff_user, unit

from .factories import hall

# A Persian site in the Solar Hijri calendar, as ``municipality_factory``'s arguments.
BUMEHEN = {
    "slug": "bumehen", "country": "IR", "languages": ["fa", "en"], "calendar": "solar_hijri",
    "time_zone": "Asia/Tehran", "weekend_days": [4], "names": {"fa": "شهرداری بومهن"},
}  # fmt: skip


class Halls:
    """A municipality with a culture directorate that lends a hall, its clerk, and a day two
    weeks ahead (past the hall's seven days of notice)."""

    def __init__(self, municipality):
        self.municipality = municipality
        self.host = f"{municipality.slug}.localhost"
        self.culture = unit(municipality, "culture", kind=Unit.Kind.DIRECTORATE)
        self.clerk = staff_user(municipality, f"{municipality.slug}-clerk", unit=self.culture)
        self.hall = hall(municipality, self.culture)
        self.day = timezone.localdate() + datetime.timedelta(days=14)


@pytest.fixture
def bornova(municipality_factory):
    return Halls(municipality_factory(slug="bornova", names={"tr": "Bornova Belediyesi"}))


@pytest.fixture
def sisli(municipality_factory):
    return Halls(municipality_factory(slug="sisli", names={"tr": "Şişli Belediyesi"}))


@pytest.fixture
def site(bornova):
    """Bornova with a halls page under each home page."""
    from municipium.core.pages import page_ensure
    from municipium.halls.pages import SLUGS, HallsPage

    bornova.pages = {
        language: page_ensure(
            parent=home,
            page_class=HallsPage,
            slug=SLUGS[language],
            language=language,
            title={"tr": "Salonlar", "en": "Halls"}[language],
            intro="",
        )
        for language, home in bornova.municipality.homes.items()
    }
    bornova.url = lambda language, rest="": f"/{language}/{SLUGS[language]}/{rest}"
    return bornova
