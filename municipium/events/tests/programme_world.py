"""Sites with a programme page in each language, a culture unit, venues and events, for the
programme's tests (HTTP, browser, bench)."""

import datetime
import zoneinfo

from municipium.core.pages import page_ensure
from municipium.culture.tests.factories import partner, venue
from municipium.events.models import Occurrence, ProgrammePage
from municipium.organisation.models import Unit
from municipium.organisation.tests.factories import unit

from .factories import event

SLUGS = {"tr": "etkinlikler", "fa": "برنامه", "en": "programme", "pl": "wydarzenia"}

# The municipalities of the programme's tests, as ``municipality_factory``'s arguments.
BORNOVA = {"slug": "bornova", "names": {"tr": "Bornova Belediyesi"}}
BUMEHEN = {
    "slug": "bumehen", "country": "IR", "languages": ["fa", "en"], "calendar": "solar_hijri",
    "time_zone": "Asia/Tehran", "weekend_days": [4], "names": {"fa": "شهرداری بومهن"},
}  # fmt: skip


def homes_of(municipality) -> dict:
    """The municipality's home page in each language (a demo site has no ``homes``)."""
    root = municipality.site.root_page
    return {
        page.locale.language_code: page.specific
        for page in root.get_translations(inclusive=True).select_related("locale")
    }


class Programme:
    def __init__(self, municipality, *, prefix=""):
        self.municipality = municipality
        if not hasattr(municipality, "homes"):
            municipality.homes = homes_of(municipality)
        self.host = f"{municipality.slug}.localhost"
        self.pages = {
            language: page_ensure(
                parent=home,
                page_class=ProgrammePage,
                slug=SLUGS[language],
                language=language,
                title=f"Programme ({language})",
            )
            for language, home in municipality.homes.items()
        }
        self.culture = unit(municipality, "culture", kind=Unit.Kind.DIRECTORATE)
        self.hall = venue(municipality, f"{prefix}Culture centre")
        self.park = venue(municipality, f"{prefix}Park", latitude="38.47", longitude="27.22")
        self.university = partner(
            municipality, f"{prefix}Ege University", website="https://ege.edu.tr/"
        )

    def url(self, language, rest=""):
        return f"/{language}/{SLUGS[language]}/{rest}"

    def local(self, *args) -> datetime.datetime:
        return datetime.datetime(*args, tzinfo=zoneinfo.ZoneInfo(self.municipality.time_zone))

    def event(self, *, starts_at, **fields):
        fields.setdefault("venue", self.hall)
        return event(self.municipality, unit=self.culture, starts_at=starts_at, **fields)

    def weekly(self, *, starts_at, weeks: int, hours=2, **fields):
        """A weekly event with its dates as rows (the recurrence service's output, written
        here so that these tests do not depend on it): wall-clock time kept across a
        daylight-saving change, as RFC 5545 expands a rule with a TZID."""
        made = self.event(starts_at=starts_at, recurrence=f"FREQ=WEEKLY;COUNT={weeks}", **fields)
        for week in range(weeks):
            local = starts_at + datetime.timedelta(weeks=week)  # aware: same wall clock
            start = local.astimezone(datetime.UTC)
            Occurrence.objects.create(
                event=made,
                municipality=self.municipality,
                starts_at=start,
                ends_at=start + datetime.timedelta(hours=hours),
                original_start=start,
            )
        return made

    def event_url(self, made, language):
        text = made.texts.get(language=language)
        return self.url(language, f"{made.pk}/{text.slug}/")
