"""A school programme for tests: Bornova (Turkish and English) with a culture directorate, its
clerk, a science centre, a science workshop of 40 places next week and a trip that overlaps it;
Şişli (another municipality) with a workshop of its own."""

import datetime

from django.utils import timezone

from municipium.core.pages import page_ensure
from municipium.culture.tests.factories import venue
from municipium.events.models import ProgrammePage
from municipium.organisation.models import Unit
from municipium.organisation.tests.factories import staff_user, unit

from ..factories import event

SLUGS = {"tr": "etkinlikler", "en": "events", "fa": "رویدادها", "pl": "wydarzenia"}


def class_data(**fields) -> dict:
    data = {
        "school_name": "Bornova Anadolu Lisesi",
        "grade": "9-A",
        "pupils": 24,
        "escorts": 2,
        "teacher_name": "Elif Kaya",
        "teacher_email": "elif@example.org",
        "teacher_phone": "0532 111 22 33",
        "accessibility_needs": "",
        "special_request": "",
    }
    return {**data, **fields}


class Programme:
    def __init__(self, municipality, *, capacity=40):
        self.municipality = municipality
        self.host = f"{municipality.slug}.localhost"
        self.pages = {
            language: page_ensure(
                parent=home, page_class=ProgrammePage, slug=SLUGS[language],
                language=language, title=f"Programme ({language})",
            )
            for language, home in municipality.homes.items()
        }  # fmt: skip
        self.culture = unit(municipality, "culture", kind=Unit.Kind.DIRECTORATE)
        self.other_unit = unit(municipality, "parks", kind=Unit.Kind.DIRECTORATE)
        self.clerk = staff_user(municipality, f"{municipality.slug}-clerk", unit=self.culture)
        self.outsider = staff_user(municipality, f"{municipality.slug}-parks", unit=self.other_unit)
        self.venue = venue(municipality, "Bilim Merkezi", address="Kazımdirik Mah. 1")
        day = timezone.localdate() + datetime.timedelta(days=7)
        start = timezone.make_aware(datetime.datetime.combine(day, datetime.time(10, 0)))
        self.start = start
        self.workshop = event(
            municipality, unit=self.culture, type_code="science_workshop", starts_at=start,
            capacity=capacity, venue=self.venue,
            titles={lang: f"Robot atölyesi ({lang})" for lang in municipality.languages},
        )  # fmt: skip
        self.session = self.workshop.occurrences.get()
        self.trip = event(
            municipality, unit=self.culture, type_code="trip",
            starts_at=start + datetime.timedelta(hours=1), capacity=60, venue=self.venue,
        )  # fmt: skip
        self.trip_session = self.trip.occurrences.get()
        self.talk = event(
            municipality, unit=self.culture, type_code="talk", starts_at=start,
            titles={language: f"Söyleşi ({language})" for language in municipality.languages},
        )  # fmt: skip

    def url(self, language, rest=""):
        return f"/{language}/{SLUGS[language]}/{rest}"
