"""The public reads of the programme: what a resident sees on the programme page's routes and in
its iCalendar feeds. Each read takes the municipality (and the page's language) and returns only
its published events; each costs a fixed number of queries whatever the number of events (the
texts of the page's language, the type's name in it and the venue come with the rows).

The staff's reads are in ``events.selectors``.
"""

import datetime
import zoneinfo
from dataclasses import dataclass

from django.db.models import Count, F, Prefetch, Q, QuerySet, Window
from django.db.models.functions import RowNumber, TruncDate
from django.utils import timezone
from django.utils.translation import gettext as _

from municipium.core.pagination import CappedPaginator
from municipium.culture import selectors as culture

from .models import Event, EventReport, EventText, Occurrence, Status

PAGE_SIZE = 20
COUNT_LIMIT = 1000  # dates the list counts; past them it says "more than" (50 pages)
FEED_LIMIT = 1000
DAY_LIMIT = 4  # dates a day of the month calendar shows; the rest are counted


@dataclass(frozen=True)
class ProgrammeFilters:
    """What a resident narrows the programme to (every part optional)."""

    event_type: str = ""  # an EventType code
    audience: str = ""  # a culture.choices.Audience value
    age: int | None = None  # the event's age range holds it
    venue: int | None = None  # a Venue id
    date_from: datetime.date | None = None  # local days, both included
    date_to: datetime.date | None = None
    price: str = ""  # "free", "paid" or ""


def _occurrences(*, municipality, language: str) -> QuerySet[Occurrence]:
    """The dates of the municipality's published events that have a text in ``language``, with
    the event, its type, venue, its text and its type's name in ``language``: three queries."""
    return (
        Occurrence.objects.filter(
            municipality=municipality,
            event__municipality=municipality,
            event__is_published=True,
            event__texts__language=language,  # one text per language: no duplicates
        )
        .select_related("event", "event__event_type", "event__venue")
        .prefetch_related(
            Prefetch("event__texts", queryset=EventText.objects.filter(language=language)),
            Prefetch(
                "event__event_type__names",
                queryset=culture.event_type_name_list(language=language),
            ),
        )
        .order_by("starts_at", "pk")
    )


def _filtered(occurrences: QuerySet, *, filters: ProgrammeFilters, time_zone) -> QuerySet:
    if filters.event_type:
        occurrences = occurrences.filter(event__event_type__code=filters.event_type)
    if filters.audience:
        occurrences = occurrences.filter(event__audience=filters.audience)
    if filters.age is not None:
        occurrences = occurrences.filter(
            Q(event__age_min__isnull=True) | Q(event__age_min__lte=filters.age),
            Q(event__age_max__isnull=True) | Q(event__age_max__gte=filters.age),
        )
    if filters.venue:
        occurrences = occurrences.filter(event__venue_id=filters.venue)
    if filters.price == "free":
        occurrences = occurrences.filter(event__is_free=True)
    elif filters.price == "paid":
        occurrences = occurrences.filter(event__is_free=False)
    if filters.date_from:
        occurrences = occurrences.filter(ends_at__gte=_midnight(filters.date_from, time_zone))
    if filters.date_to:
        next_day = filters.date_to + datetime.timedelta(days=1)
        occurrences = occurrences.filter(starts_at__lt=_midnight(next_day, time_zone))
    return occurrences


def _midnight(day: datetime.date, time_zone) -> datetime.datetime:
    return datetime.datetime.combine(day, datetime.time(), tzinfo=zoneinfo.ZoneInfo(time_zone))


def occurrence_list_upcoming(
    *,
    municipality,
    language: str,
    now: datetime.datetime,
    filters: ProgrammeFilters | None = None,
) -> QuerySet[Occurrence]:
    """The dates not yet over (those in progress included), soonest first, narrowed by
    ``filters``; cancelled and postponed dates stay, with their status."""
    occurrences = _occurrences(municipality=municipality, language=language).filter(
        ends_at__gte=now
    )
    return _filtered(
        occurrences, filters=filters or ProgrammeFilters(), time_zone=municipality.time_zone
    )


def occurrence_list_public(
    *,
    municipality,
    language: str,
    now: datetime.datetime,
    filters: ProgrammeFilters | None = None,
) -> QuerySet[Occurrence]:
    """The dates of the programme's list: from a first day on (``filters.date_from``), every
    date of the range, those over included (the month calendar's "N more" of a past day links
    here); without one, the dates not yet over (``occurrence_list_upcoming``)."""
    filters = filters or ProgrammeFilters()
    if filters.date_from is None:
        return occurrence_list_upcoming(
            municipality=municipality, language=language, now=now, filters=filters
        )
    occurrences = _occurrences(municipality=municipality, language=language)
    return _filtered(occurrences, filters=filters, time_zone=municipality.time_zone)


def occurrence_page_public(
    *,
    municipality,
    language: str,
    now: datetime.datetime,
    filters: ProgrammeFilters | None = None,
    number=1,
    per_page: int = PAGE_SIZE,
    count_limit: int | None = None,
):
    """One page of ``occurrence_list_public`` (a ``Page``; a number past the end gives the
    last page). The count stops at ``count_limit`` (``core.pagination``), so it costs the same
    on a busy site: four queries (the count, the rows, the texts, the type names)."""
    occurrences = occurrence_list_public(
        municipality=municipality, language=language, now=now, filters=filters
    )
    limit = count_limit or COUNT_LIMIT
    return CappedPaginator(occurrences, per_page, limit=limit).get_page(number)


@dataclass(frozen=True)
class MonthDay:
    """A day of the month calendar: its first dates in order of time (at most ``DAY_LIMIT``)
    and how many start that day in all."""

    occurrences: list[Occurrence]
    total: int

    @property
    def more(self) -> int:
        return self.total - len(self.occurrences)


def occurrence_month(
    *,
    municipality,
    language: str,
    first_day: datetime.date,
    last_day: datetime.date,
    filters: ProgrammeFilters | None = None,
    per_day: int = DAY_LIMIT,
) -> dict[datetime.date, MonthDay]:
    """The dates starting from ``first_day`` to ``last_day`` (local days, both included) by
    their local day: each day's first ``per_day`` in order of time and its total. The cap is in
    the query (a row number and a count over each local day), so a busy month reads at most
    ``per_day`` rows a day whatever the content: three queries."""
    time_zone = zoneinfo.ZoneInfo(municipality.time_zone)
    local_day = TruncDate("starts_at", tzinfo=time_zone)
    occurrences = (
        _filtered(
            _occurrences(municipality=municipality, language=language),
            filters=filters or ProgrammeFilters(),
            time_zone=municipality.time_zone,
        )
        .filter(
            starts_at__gte=_midnight(first_day, municipality.time_zone),
            starts_at__lt=_midnight(last_day + datetime.timedelta(days=1), municipality.time_zone),
        )
        .annotate(
            day_rank=Window(
                RowNumber(), partition_by=local_day, order_by=[F("starts_at").asc(), F("pk").asc()]
            ),
            day_total=Window(Count("pk"), partition_by=local_day),
        )
        .filter(day_rank__lte=per_day)
    )
    days: dict[datetime.date, MonthDay] = {}
    for occurrence in occurrences:
        day = occurrence.starts_at.astimezone(time_zone).date()
        if day not in days:
            days[day] = MonthDay(occurrences=[], total=occurrence.day_total)
        days[day].occurrences.append(occurrence)
    return days


def event_get_public(*, municipality, event_id: int) -> Event:
    """A published event of the municipality with everything its page shows (all its texts,
    for the other languages' addresses; its dates; venue; partners; type; organiser), or
    ``Event.DoesNotExist``."""
    return (
        Event.objects.filter(municipality=municipality, is_published=True)
        .select_related("event_type", "venue", "unit", "image")
        .prefetch_related(
            "texts",
            "event_type__names",
            "unit__names",
            "venue__texts",
            "partners",
            Prefetch("occurrences", queryset=Occurrence.objects.order_by("starts_at", "pk")),
        )
        .get(pk=event_id)
    )


@dataclass(frozen=True)
class FilterChoices:
    """What the programme's filter form offers: the types of the municipality's published
    events (code, name in the page's language) and their venues (id, name), as plain values
    the cache can keep."""

    event_types: list[tuple[str, str]]
    venues: list[tuple[int, str]]


def filter_choices_public(*, municipality, language: str) -> FilterChoices:
    """The filter form's choices: two ``DISTINCT`` reads over every published event of the
    site (tens of milliseconds at 50,000 events), so the views keep them with the site's data
    (``core.page_cache.site_data``), which every change to an event purges."""
    event_types = culture.event_type_list_with_events(
        municipality=municipality, language=language, event_filter={"is_published": True}
    )
    venues = culture.venue_list_with_events(
        municipality=municipality, event_filter={"is_published": True}
    )
    return FilterChoices(
        event_types=[(kind.code, kind.name_in(language)) for kind in event_types],
        venues=[(venue.pk, venue.name) for venue in venues],
    )


def status_of(occurrence: Occurrence) -> str:
    """What a resident is told of a date: the event's status when the whole event is
    cancelled, postponed or sold out, else the date's own."""
    if occurrence.event.status != Status.SCHEDULED:
        return occurrence.event.status
    return occurrence.status


def event_report_public(*, event: Event, language: str):
    """The closing report of ``event`` as its page shows it: its attendance, text in ``language``
    (or ""), photos and public partners as a dict, or None when it is not closed. One query
    when it is not, four when it is."""
    report = (
        EventReport.objects.filter(event=event)
        .prefetch_related("texts", "photos", "partners")
        .first()
    )
    if report is None:
        return None
    text = report.text_in(language)
    return {
        "attendance": report.attendance,
        "text": text.text if text else "",
        "photos": list(report.photos.all()),
        "partners": [partner for partner in report.partners.all() if partner.is_public],
    }


def event_links_for_partners(*, partner_ids, language: str, site) -> dict[int, list]:
    """For the partners' directory (``culture.partner_links``): each partner's published events
    still to come on ``site``, with their title and address in ``language`` (three queries)."""
    from municipium.culture.partner_links import PartnerLink

    from .selectors import programme_page_for

    municipality = getattr(site, "municipality", None) if site is not None else None
    if municipality is None or not partner_ids:
        return {}
    programme = programme_page_for(municipality=municipality, language=language)
    if programme is None or programme.locale.language_code != language:
        return {}
    events = (
        Event.objects.filter(
            municipality=municipality,
            is_published=True,
            partners__in=partner_ids,
            occurrences__ends_at__gte=timezone.now(),
            texts__language=language,
        )
        .distinct()
        .prefetch_related(Prefetch("texts", queryset=EventText.objects.filter(language=language)))
        .prefetch_related("partners")
        .order_by("starts_at")
    )
    base = "/" + "/".join([language, *programme.url_path.strip("/").split("/")[2:]]) + "/"
    label = _("Event")
    links: dict[int, list] = {}
    for event in events:
        text = next(iter(event.texts.all()), None)
        if text is None:
            continue
        link = PartnerLink(title=text.title, url=f"{base}{event.pk}/{text.slug}/", kind=label)
        for partner in event.partners.all():
            if partner.pk in partner_ids:
                links.setdefault(partner.pk, []).append(link)
    return links
