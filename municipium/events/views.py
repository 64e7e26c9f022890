"""The responses of the programme page's routes (``events.models.ProgrammePage``): the upcoming
list with its filters, the month calendar, an event's page, its "add to calendar" file and the
programme's iCalendar feed. All public and anonymous, so the page cache keeps them (Wagtail's
``before_serve_page`` hook marks them cacheable); a change to an event purges the site's cache.
The reads are in ``events.public``."""

import datetime
import zoneinfo
from decimal import Decimal

from babel import numbers as babel_numbers
from django.db.models import Q
from django.http import Http404, HttpResponse, QueryDict
from django.shortcuts import redirect, render
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from municipium.core import formatting, solar_hijri
from municipium.core.page_cache import limit_cache_until, site_data
from municipium.culture.selectors import partners_page_url

from . import calendar_files, public, registration
from .forms import ProgrammeFilterForm
from .models import Status
from .month_grid import DayEvents, Month, weekday_names, weeks

CURRENCIES = {"TR": "TRY", "PL": "PLN", "IR": "IRR"}
SCHEMA_STATUS = {
    Status.SCHEDULED: "https://schema.org/EventScheduled",
    Status.SOLD_OUT: "https://schema.org/EventScheduled",
    Status.POSTPONED: "https://schema.org/EventPostponed",
    Status.CANCELLED: "https://schema.org/EventCancelled",
}


def _filter_form(request, municipality, language):
    """The filter form of the list, the calendar and the feed; its choices are kept with the
    site's data (an event's change purges them with the site's pages)."""
    choices = site_data(
        request,
        "programme-filter-choices",
        lambda: public.filter_choices_public(municipality=municipality, language=language),
    )
    return ProgrammeFilterForm(request.GET, choices=choices, calendar=municipality.calendar)


def _base(request, page) -> dict:
    base = page.get_url(request)
    return {
        "programme_url": base,
        "calendar_url": base + page.reverse_subpage("calendar"),
        "feed_url": base + "feed.ics",
    }


def _feed_links(request, page, form) -> dict:
    urls = _base(request, page)
    query = form.query_string()
    feed = urls["feed_url"] + (f"?{query}" if query else "")
    absolute = request.build_absolute_uri(feed)
    return {"feed_link": feed, "webcal_link": "webcal://" + absolute.split("://", 1)[1]}


def event_url(page, request, event, language) -> str:
    text = event.text_in(language)
    slug = text.slug if text else "event"
    return page.get_url(request) + page.reverse_subpage("event", args=[event.pk, slug])


def programme_list(request, *, page):
    municipality = request.tenant.municipality
    language = translation.get_language()
    form = _filter_form(request, municipality, language)
    filters = form.filters()
    occurrences = public.occurrence_page_public(
        municipality=municipality,
        language=language,
        now=timezone.now(),
        filters=filters,
        number=request.GET.get("page") or 1,
    )
    cards = [_card(request, page, occurrence, language) for occurrence in occurrences]
    if cards and filters.date_from is None:  # the first date to end leaves the list then
        limit_cache_until(request, min(o.ends_at for o in occurrences))
    context = {
        **page.get_context(request),
        **_base(request, page),
        **_feed_links(request, page, form),
        "form": form,
        "shown_dates": _shown_dates(filters, calendar=municipality.calendar, language=language),
        "occurrences": occurrences,
        "cards": cards,
    }
    return render(request, "events/programme_list.html", context)


def _shown_dates(filters, *, calendar: str, language: str) -> str:
    """What the list shows, said above it: the upcoming dates, or those of the days asked
    for (past days included)."""

    def day(value: datetime.date) -> str:
        return formatting.format_date(value, language=language, calendar=calendar)

    first, last = filters.date_from, filters.date_to
    if first is None:
        if last is None:
            return _("Upcoming dates")
        return _("Upcoming dates until %(last)s") % {"last": day(last)}
    if last is None:
        return _("Dates from %(first)s") % {"first": day(first)}
    if last == first:
        return _("Dates on %(day)s") % {"day": day(first)}
    return _("Dates from %(first)s to %(last)s") % {"first": day(first), "last": day(last)}


def _card(request, page, occurrence, language) -> dict:
    event = occurrence.event
    status = public.status_of(occurrence)
    return {
        "occurrence": occurrence,
        "event": event,
        "text": event.text_in(language),
        "type_name": event.event_type.name_in(language),
        "url": event_url(page, request, event, language),
        "status": status,
        "status_label": Status(status).label,
        "is_off": status in (Status.CANCELLED, Status.POSTPONED),
    }


def programme_calendar(request, *, page, year=None, month=None):
    municipality = request.tenant.municipality
    language = translation.get_language()
    today = request.tenant.today()
    if year is None:
        shown = Month.containing(today, municipality.calendar)
    else:
        try:
            shown = Month.of(year, month, municipality.calendar)
        except ValueError:
            raise Http404(_("There is no such month.")) from None
    form = _filter_form(request, municipality, language)
    days = public.occurrence_month(
        municipality=municipality,
        language=language,
        first_day=shown.first_day(),
        last_day=shown.last_day(),
        filters=form.filters(),
    )
    base = page.get_url(request)
    query = form.query_string()
    suffix = f"?{query}" if query else ""
    cards = {
        day: DayEvents(
            cards=[_card(request, page, occurrence, language) for occurrence in found.occurrences],
            more=_more_label(found.more, language) if found.more else "",
            more_url=_day_list_url(base, form, day, municipality.calendar) if found.more else "",
        )
        for day, found in days.items()
    }

    def month_url(target: Month) -> str:
        return base + page.reverse_subpage("calendar_month", args=[target.year, target.month])

    context = {
        **page.get_context(request),
        **_base(request, page),
        **_feed_links(request, page, form),
        "form": form,
        "month_label": shown.label(language),
        "weekdays": weekday_names(shown, language),
        "weeks": weeks(shown, language=language, today=today, days=cards),
        "previous_url": month_url(shown.previous()) + suffix,
        "previous_label": shown.previous().label(language),
        "next_url": month_url(shown.next()) + suffix,
        "next_label": shown.next().label(language),
        "month_url": month_url(shown),
        "has_events": bool(days),
    }
    return render(request, "events/programme_calendar.html", context)


def _more_label(count: int, language: str) -> str:
    """ "6 more" (the dates of a day the calendar does not show), in the page's digits."""
    shown = formatting.format_number(count, language=language)
    return ngettext("%(count)s more", "%(count)s more", count) % {"count": shown}


def _day_list_url(base: str, form, day: datetime.date, calendar: str) -> str:
    """The list narrowed to ``day`` (from and until it, in the site's calendar) and to the
    calendar's other filters."""
    query = QueryDict(form.query_string(), mutable=True)
    if calendar == formatting.SOLAR_HIJRI:
        typed = solar_hijri.input_date(day, language="en")  # Latin digits in an address
    else:
        typed = day.isoformat()
    query["date_from"] = query["date_to"] = typed
    return f"{base}?{query.urlencode(safe='/')}"


def _event_or_404(request, event_id):
    try:
        return public.event_get_public(municipality=request.tenant.municipality, event_id=event_id)
    except public.Event.DoesNotExist:
        raise Http404(_("There is no such event.")) from None


def _programme_pages(request, page) -> dict:
    """The programme page of each of the site's languages (for the other languages' addresses
    of an event): one query."""
    from .models import ProgrammePage

    homes = request.tenant.home_pages
    if not homes:
        return {translation.get_language(): page}
    where = Q()
    for home in homes.values():
        where |= Q(url_path__startswith=home.url_path)
    found = {}
    for programme in ProgrammePage.objects.live().filter(where).select_related("locale"):
        found[programme.locale.language_code] = programme
    return found


def _price(event, municipality, language) -> str:
    if event.is_free or event.price is None:
        return ""
    currency = CURRENCIES.get(municipality.country, "EUR")
    text = babel_numbers.format_currency(
        event.price, currency, locale=formatting.babel_locale(language)
    )
    return formatting.localise_digits(text, language)


def _map_url(venue) -> str:
    if venue is None or venue.latitude is None or venue.longitude is None:
        return ""
    lat, lon = venue.latitude.normalize(), venue.longitude.normalize()
    return f"https://www.openstreetmap.org/?mlat={lat}&mlon={lon}#map=17/{lat}/{lon}"


def _structured_data(request, *, event, text, url, occurrences, municipality, language, price):
    zone = zoneinfo.ZoneInfo(event.time_zone)
    upcoming = [o for o in occurrences if o.ends_at >= timezone.now()] or occurrences
    first = upcoming[0] if upcoming else None
    data = {
        "@context": "https://schema.org",
        "@type": event.event_type.schema_type or "Event",
        "name": text.title,
        "url": url,
        "inLanguage": language,
        "eventStatus": SCHEMA_STATUS[Status(event.status)],
        "eventAttendanceMode": "https://schema.org/OfflineEventAttendanceMode",
        "organizer": {
            "@type": "Organization",
            "name": request.tenant.name(language),
            "url": request.build_absolute_uri(request.tenant.home_url(language)),
        },
    }
    if first is not None:
        data["startDate"] = first.starts_at.astimezone(zone).isoformat()
        data["endDate"] = first.ends_at.astimezone(zone).isoformat()
    if text.summary:
        data["description"] = text.summary
    if event.venue is not None:
        place = {
            "@type": "Place",
            "name": event.venue.name,
            "address": {
                "@type": "PostalAddress",
                "streetAddress": event.venue.address,
                "addressCountry": municipality.country,
            },
        }
        if event.venue.latitude is not None and event.venue.longitude is not None:
            place["geo"] = {
                "@type": "GeoCoordinates",
                "latitude": float(event.venue.latitude),
                "longitude": float(event.venue.longitude),
            }
        data["location"] = place
    availability = (
        "https://schema.org/SoldOut"
        if event.status == Status.SOLD_OUT
        else "https://schema.org/InStock"
    )
    data["isAccessibleForFree"] = bool(event.is_free)
    data["offers"] = {
        "@type": "Offer",
        "price": str(event.price if not event.is_free and event.price else Decimal("0")),
        "priceCurrency": CURRENCIES.get(municipality.country, "EUR"),
        "availability": availability,
        "url": url,
    }
    if event.age_min is not None or event.age_max is not None:
        data["typicalAgeRange"] = (
            f"{event.age_min or 0}-{event.age_max}" if event.age_max else f"{event.age_min}-"
        )
    if len(occurrences) > 1:
        data["subEvent"] = [
            {
                "@type": data["@type"],
                "name": text.title,
                "startDate": o.starts_at.astimezone(zone).isoformat(),
                "endDate": o.ends_at.astimezone(zone).isoformat(),
                "eventStatus": SCHEMA_STATUS[Status(public_status(event, o))],
            }
            for o in occurrences
        ]
    return data


def public_status(event, occurrence) -> str:
    occurrence.event = event
    return public.status_of(occurrence)


def event_detail(request, *, page, event_id, slug):
    language = translation.get_language()
    municipality = request.tenant.municipality
    event = _event_or_404(request, event_id)
    texts = {row.language: row for row in event.texts.all()}
    text = texts.get(language)
    if text is None:
        raise Http404(_("This event is not described in this language."))
    if slug != text.slug:
        return redirect(event_url(page, request, event, language), permanent=True)
    url = request.build_absolute_uri(event_url(page, request, event, language))
    occurrences = list(event.occurrences.all())
    places = registration.places_left_by_slot(event=event)
    now = timezone.now()
    dates = []
    for occurrence in occurrences:
        status = public_status(event, occurrence)
        left = places.get(occurrence.pk)
        dates.append(
            {
                "occurrence": occurrence,
                "status": status,
                "status_label": Status(status).label,
                "places": registration.places_shown(left) if occurrence.ends_at > now else None,
            }
        )
    upcoming = [date["occurrence"].pk for date in dates if date["occurrence"].starts_at > now]
    if event.registration == "series":
        places_left = places.get(None)
    else:
        counted = [places[pk] for pk in upcoming if pk in places]
        places_left = max(counted) if counted else None
    alternates = []
    for other_language, programme in _programme_pages(request, page).items():
        other_text = texts.get(other_language)
        if other_text is None or other_language == language:
            continue
        alternates.append(
            {
                "language": other_language,
                "url": request.build_absolute_uri(
                    programme.get_url(request)
                    + programme.reverse_subpage("event", args=[event.pk, other_text.slug])
                ),
            }
        )
    price = _price(event, municipality, language)
    venue_text = event.venue.text_in(language) if event.venue else None
    context = {
        **page.get_context(request),
        **_base(request, page),
        "event": event,
        "text": text,
        "type_name": event.event_type.name_in(language),
        "unit_name": event.unit.name_in(language),
        "status": event.status,
        "status_label": Status(event.status).label,
        "is_off": event.status != Status.SCHEDULED,
        "dates": dates,
        "canonical_url": url,
        "breadcrumb_current": {"title": text.title, "url": url},
        "alternates": alternates,
        "price": price,
        "map_url": _map_url(event.venue),
        "venue_text": venue_text,
        "partners": [p for p in event.partners.all() if p.is_public],
        "partners_url": partners_page_url(language=language, site=request.tenant.site)
        if any(p.is_public for p in event.partners.all())
        else "",
        "ics_url": event_url(page, request, event, language) + "event.ics",
        "register_url": event_url(page, request, event, language) + "register/",
        "places_left": places_left,
        "takes_registrations": event.registration != "none" and bool(upcoming),
        "report": public.event_report_public(event=event, language=language),
        "audience_label": event.get_audience_display(),
        "structured_data": _structured_data(
            request,
            event=event,
            text=text,
            url=url,
            occurrences=occurrences,
            municipality=municipality,
            language=language,
            price=price,
        ),
    }
    return render(request, "events/event_page.html", context)


def _host(request) -> str:
    return request.get_host().split(":")[0]


def event_ics(request, *, page, event_id, slug):
    language = translation.get_language()
    event = _event_or_404(request, event_id)
    text = event.text_in(language)
    url = request.build_absolute_uri(event_url(page, request, event, language))
    body = calendar_files.event_calendar(
        event=event,
        occurrences=list(event.occurrences.all()),
        language=language,
        url=url,
        host=_host(request),
        name=text.title if text else str(event.pk),
        status_of=public.status_of,
    )
    response = HttpResponse(body, content_type=calendar_files.CONTENT_TYPE)
    filename = f"event-{event.pk}.ics"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def programme_feed(request, *, page):
    municipality = request.tenant.municipality
    language = translation.get_language()
    form = _filter_form(request, municipality, language)
    occurrences = public.occurrence_list_upcoming(
        municipality=municipality,
        language=language,
        now=timezone.now() - datetime.timedelta(days=30),
        filters=form.filters(),
    )[: public.FEED_LIMIT]
    name = _("%(municipality)s: programme") % {"municipality": request.tenant.name(language)}
    body = calendar_files.programme_calendar(
        occurrences=occurrences,
        language=language,
        host=_host(request),
        name=name,
        url_of=lambda event: request.build_absolute_uri(event_url(page, request, event, language)),
        status_of=public.status_of,
    )
    response = HttpResponse(body, content_type=calendar_files.CONTENT_TYPE)
    response["Content-Disposition"] = 'inline; filename="programme.ics"'
    return response
