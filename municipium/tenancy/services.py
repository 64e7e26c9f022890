"""Changes to municipalities: creation, holidays, and the purge of their cached pages."""

import holidays as holidays_package
from django.conf import settings
from django.db import transaction
from django.db.models import F
from wagtail.models import Locale

from .models import Municipality, PublicHoliday
from .selectors import tenant_forget

# The holidays package names its languages per country.
HOLIDAY_LANGUAGES = {"tr": "tr", "fa": "fa_IR", "pl": "pl", "en": "en_US"}


def locale_ensure_all() -> None:
    """Every language of the installation has a Wagtail locale."""
    for code, _name in settings.LANGUAGES:
        Locale.objects.get_or_create(language_code=code)


def municipality_purge_cache(*, municipality: Municipality) -> None:
    """Invalidate every cached page of the municipality's site at once, in every worker:
    the page cache keys carry the generation, so a new generation misses them all."""
    Municipality.objects.filter(pk=municipality.pk).update(
        cache_generation=F("cache_generation") + 1
    )
    hostname = municipality.site.hostname
    # Forget the snapshot now (this request sees the change) and again at commit: a request
    # of another worker may have cached the old generation in between.
    tenant_forget(hostname)
    transaction.on_commit(lambda: tenant_forget(hostname))


def municipality_purge_all_caches() -> None:
    for municipality in Municipality.objects.select_related("site"):
        municipality_purge_cache(municipality=municipality)


def _package_holidays(country: str, years, language: str, categories):
    supported = getattr(holidays_package, country).supported_languages
    kwargs = {"years": years, "categories": categories}
    if language in supported:
        kwargs["language"] = language
    return holidays_package.country_holidays(country, **kwargs)


@transaction.atomic
def public_holiday_seed(*, municipality: Municipality, years) -> int:
    """Seed the municipality's holidays from the holidays package, for its country.

    Never overwrites what staff entered or corrected; an estimated date (Iran's future religious
    holidays) is marked so that staff can check it. Returns how many holidays were added.
    """
    country = municipality.country
    language = HOLIDAY_LANGUAGES.get(municipality.default_language, "en_US")
    supported = getattr(holidays_package, country).supported_categories
    categories = [c for c in ("public", "half_day") if c in supported]
    local_names = _package_holidays(country, years, language, categories)
    english_names = _package_holidays(country, years, "en_US", categories)
    full_days = _package_holidays(country, years, "en_US", ["public"])
    existing = set(municipality.holidays.values_list("date", flat=True))
    new = []
    for day, name in sorted(local_names.items()):
        if day in existing:
            continue
        new.append(
            PublicHoliday(
                municipality=municipality,
                date=day,
                name=name[:200],
                is_half_day=day not in full_days,
                is_estimate="estimated" in english_names.get(day, "").lower(),
                source=PublicHoliday.Source.PACKAGE,
            )
        )
    PublicHoliday.objects.bulk_create(new)
    return len(new)
