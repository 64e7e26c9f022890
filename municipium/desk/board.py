"""The 'nothing left unresolved' board: the figures of citizen requests for a municipality,
each unit and each of the last twelve months (staff, through what they may see), and the
public figures per category and unit (no personal data).

The engine counts; the desk chooses the groups and labels the months in the site's calendar.
Rates are over the requests filed in the last twelve months (``MONTHS``), read from the
engine's rollup of daily figures (``cases.rollup``: a few thousand rows whatever the number of
requests; the days marked dirty are rebuilt first, so the rollup is never stale), and so is
how many are open now and how many of those were due before today (the rollup of open cases
counts them per day due; every change of status, unit or deadline marks the day of filing).
Only the edge moves with the clock: the cases due from the start of today to next week are
counted live, a short range of the ``(municipality, status, due_at)`` index. The residents'
rating is the kind's score in the rollup. The time to answer is in the municipality's working
days from receipt to the first answer.
"""

from __future__ import annotations

import datetime
import zoneinfo
from dataclasses import dataclass, field

from babel import dates as babel_dates
from django.db.models.functions import TruncDate
from django.utils import timezone
from persiantools.jdatetime import JalaliDate

from municipium.cases.rollup import (
    daily_figures_by,
    daily_open_by,
    day_start,
    figures_refresh,
    month_field,
)
from municipium.cases.selectors import case_figures_sources_for_user, figures_sources_for_public
from municipium.cases.statistics import (
    Figures,
    case_due_figures_by,
    figures_merge,
    figures_split,
    figures_total,
)
from municipium.core import formatting
from municipium.organisation.selectors import unit_list_for_municipality

from .kind import CODE
from .models import Category

MONTHS = 12
SOON = datetime.timedelta(days=7)


def average_rating(figures: Figures) -> float | None:
    """The residents' average rating: the kind's score in the rollup (``CaseKind.
    figures_score`` is the request's rating)."""
    count = figures.extra.get("score_count") or 0
    return (figures.extra.get("score_sum") or 0) / count if count else None


def month_starts(municipality, *, now: datetime.datetime, count: int = MONTHS) -> list:
    """The first moments (local midnight) of the last ``count`` months of the municipality's
    calendar up to ``now``'s month, and the start of the next one: ``count + 1`` datetimes."""
    zone = zoneinfo.ZoneInfo(municipality.time_zone)
    today = now.astimezone(zone).date()
    solar = municipality.calendar == formatting.SOLAR_HIJRI
    if solar:
        jalali = JalaliDate(today)
        year, month = jalali.year, jalali.month
    else:
        year, month = today.year, today.month
    starts = []
    for offset in range(-(count - 1), 2):
        index = year * 12 + (month - 1) + offset
        y, m = divmod(index, 12)
        day = JalaliDate(y, m + 1, 1).to_gregorian() if solar else datetime.date(y, m + 1, 1)
        starts.append(datetime.datetime.combine(day, datetime.time(), tzinfo=zone))
    return starts


def month_label(start: datetime.datetime, *, municipality, language: str) -> str:
    """'March 2026', 'Mart 2026', 'اسفند ۱۴۰۴': the month in the site's calendar."""
    if municipality.calendar == formatting.SOLAR_HIJRI:
        jalali = JalaliDate(start.date())
        names = formatting.SOLAR_HIJRI_MONTHS["fa" if language == "fa" else "en"]
        text = f"{names[jalali.month - 1]} {jalali.year}"
    else:
        text = babel_dates.format_skeleton(
            "yMMMM", start.date(), locale=formatting.babel_locale(language)
        )
    return formatting.localise_digits(text, language)


@dataclass
class Month:
    start: datetime.datetime
    label: str
    figures: Figures


@dataclass
class Board:
    total: Figures
    units: list = field(default_factory=list)  # (unit, Figures), by the unit's name
    months: list[Month] = field(default_factory=list)
    since: datetime.datetime | None = None


def _by_unit_and_month(municipality, starts, *, by_month: list, by_day: dict) -> dict:
    """The figures keyed by (unit, month key of the site's calendar) in ``by_month`` and by
    (unit, local day) in ``by_day``, added per (unit, index of the month in ``starts``), or
    (unit, None) for a month before them: months are told apart in Python over a few hundred
    groups, not per row in SQL."""
    index = {
        formatting.calendar_month(start.date(), municipality.calendar): number
        for number, start in enumerate(starts[:-1])
    }
    merged: dict = {}

    def add(unit, month, found):
        merged.setdefault((unit, index.get(month)), Figures()).add(found)

    for figures in by_month:
        for (unit, month), found in figures.items():
            add(unit, month, found)
    for (unit, day), found in by_day.items():
        add(unit, formatting.calendar_month(day, municipality.calendar), found)
    return merged


def _state_and_figures(sources, *, municipality, starts, now) -> dict:
    """The board's figures keyed by (unit, month): the filed requests' figures and the open
    ones (overdue if due before today) from the rollup, grouped by its month column in the
    site's calendar; overdue since the start of today and due soon, live, grouped by the
    local day of filing (the month of a few days is found in Python)."""
    group = {"unit": "unit_id", "month": month_field(municipality)}
    filed = daily_figures_by(
        sources.filed, group=group, since=starts[0].date(), until=starts[-1].date()
    )
    # Open now: every day of filing (a month before the twelve falls in month None: counted
    # for its unit, not in a month's row).
    today = day_start(municipality, now)
    still_open = daily_open_by(sources.open, group=group, today=today.date())
    due = case_due_figures_by(
        sources.cases,
        kind=CODE,
        group={"unit": "unit_id", "day": TruncDate("filed_at", tzinfo=today.tzinfo)},
        now=now,
        soon=now + SOON,
        since=today,
    )
    return _by_unit_and_month(municipality, starts, by_month=[filed, still_open], by_day=due)


def board_figures(
    *, municipality, user, language: str, unit_id: int | None = None, now=None
) -> Board:
    """The board of what ``user`` may see in ``municipality`` (a unit's staff their unit and
    those below; the call centre and the mayor's office all; another municipality nothing),
    narrowed to one unit if ``unit_id``; per unit and per month from the rollup in one query
    (and one for the rare answers after more than 20 working days), open now and overdue
    before today from the rollup in one more, overdue today and due soon in one over the
    cases due from the start of today to next week (the rest:
    the dirty days' marks, who may see what, the units' names). The number of queries grows
    with neither the requests nor the months."""
    now = now or timezone.now()
    starts = month_starts(municipality, now=now)
    figures_refresh(municipality=municipality)
    sources = case_figures_sources_for_user(municipality=municipality, user=user, kind=CODE)
    if unit_id is not None:
        sources = sources.for_unit(unit_id)
    by_unit_and_month = _state_and_figures(
        sources, municipality=municipality, starts=starts, now=now
    )
    by_unit = figures_split(by_unit_and_month, 0)
    by_month = figures_split(by_unit_and_month, 1)
    units = unit_list_for_municipality(municipality=municipality).filter(pk__in=list(by_unit))
    named = sorted(
        ((unit, by_unit[unit.pk]) for unit in units),
        key=lambda pair: pair[0].name_in(language).casefold(),
    )
    months = [
        Month(
            start=start,
            label=month_label(start, municipality=municipality, language=language),
            figures=by_month.get(index) or Figures(),
        )
        for index, start in enumerate(starts[:-1])
    ]
    return Board(total=figures_total(by_unit), units=named, months=months, since=starts[0])


@dataclass
class PublicRow:
    name: str
    figures: Figures


@dataclass
class PublicFigures:
    total: Figures
    categories: list[PublicRow]
    units: list[PublicRow]
    since: datetime.datetime


def public_figures(*, municipality, language: str, now=None) -> PublicFigures:
    """The municipality's figures for everyone, per category and per unit: counts and times
    only, never a request or a resident. The filed requests' figures and the open ones from
    the rollup, overdue and due soon live."""
    now = now or timezone.now()
    starts = month_starts(municipality, now=now)
    since = starts[0]
    figures_refresh(municipality=municipality)
    sources = figures_sources_for_public(municipality=municipality, kind=CODE)
    groups = {"category": "key", "unit": "unit_id"}
    filed = daily_figures_by(
        sources.filed, group=groups, since=since.date(), until=starts[-1].date()
    )
    today = day_start(municipality, now)
    still_open = daily_open_by(sources.open, group=groups, today=today.date())
    due = case_due_figures_by(
        sources.cases,
        kind=CODE,
        group={"category": "citizen_request__category_id", "unit": "unit_id"},
        now=now,
        soon=now + SOON,
        since=today,
    )
    both = figures_merge(filed, still_open, due)
    by_category, by_unit = figures_split(both, 0), figures_split(both, 1)
    categories = Category.objects.filter(
        municipality=municipality, pk__in=[key for key in by_category if key]
    ).prefetch_related("names")
    units = unit_list_for_municipality(municipality=municipality).filter(pk__in=list(by_unit))

    def rows(objects, figures):
        found = [PublicRow(item.name_in(language), figures[item.pk]) for item in objects]
        return sorted(found, key=lambda row: row.name.casefold())

    return PublicFigures(
        total=figures_total(by_unit),
        categories=rows(categories, by_category),
        units=rows(units, by_unit),
        since=since,
    )


def category_median_days(*, municipality, now=None) -> dict[int, int | None]:
    """The measured median working days to answer per category (by id), over the requests
    filed in the last twelve months: for the service standards tables. From the rollup: one
    query (and one for the dirty days' marks)."""
    now = now or timezone.now()
    starts = month_starts(municipality, now=now)
    figures_refresh(municipality=municipality)
    by_category = daily_figures_by(
        figures_sources_for_public(municipality=municipality, kind=CODE).filed,
        group="key",
        since=starts[0].date(),
        until=starts[-1].date(),
    )
    return {key: figures.median_days for key, figures in by_category.items() if key}


def service_standard_median_days(*, municipality, standard_ids) -> dict[int, int]:
    """``{service standard id: measured median working days}`` over the last twelve months,
    for the categories mapped to those service standards (several categories of one service
    counted together): the desk's provider for ``directory.measurements``. Three queries."""
    mapped = dict(
        Category.objects.filter(
            municipality=municipality, service_standard_id__in=standard_ids
        ).values_list("pk", "service_standard_id")
    )
    if not mapped:
        return {}
    starts = month_starts(municipality, now=timezone.now())
    figures_refresh(municipality=municipality)
    by_category = daily_figures_by(
        figures_sources_for_public(municipality=municipality, kind=CODE).filed.filter(
            key__in=list(mapped)
        ),
        group="key",
        since=starts[0].date(),
        until=starts[-1].date(),
    )
    by_standard: dict = {}
    for category_id, figures in by_category.items():
        by_standard.setdefault(mapped[category_id], Figures()).add(figures)
    return {
        standard: figures.median_days
        for standard, figures in by_standard.items()
        if figures.median_days is not None
    }
