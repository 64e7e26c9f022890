"""The demo's school programme for Bornova: science workshops and a trip of the culture
directorate that take school classes, with class bookings in every state (requested, approved,
declined with a reason, held, cancelled), and the programme page where teachers book them.

The events part writes the season's events (``events.demo``); this step makes the few it needs
itself, found again by a stable key (their Turkish slug), so that it runs with or without that
demo and twice without change; their venue is the municipality's first (the events demo makes
the venues), none if there is none yet. Registered in ``EventsConfig.ready`` at order 87: after the
staff (75), whose culture clerk approves and declines."""

from __future__ import annotations

import datetime

from django.contrib.auth import get_user_model
from django.utils import timezone

from municipium.core.pages import translations_ensure
from municipium.culture.choices import Audience
from municipium.culture.selectors import event_type_get, venue_list_for_municipality
from municipium.organisation.selectors import unit_list_for_municipality

from .models import Event, EventText, Occurrence, ProgrammePage
from .schools import (
    class_booking_approve,
    class_booking_cancel,
    class_booking_decline,
    class_booking_hold,
    class_booking_submit,
)

# The events section of the culture directorate, whose clerk handles the bookings.
UNIT = "kultur-ve-sosyal-isler-events-section"
CLERK = "clerk-bornova"
PROGRAMME = {"tr": ("etkinlikler", "Etkinlikler"), "en": ("events", "Events")}

# key: (type, days from today, hour, hours long, capacity, {language: title})
SESSIONS = {
    "robotik-bilim-atolyesi": ("science_workshop", 9, 10, 2, 40,
        {"tr": "Robotik bilim atölyesi", "en": "Robotics science workshop"}),
    "gokyuzu-gozlem-atolyesi": ("science_workshop", 16, 13, 2, 30,
        {"tr": "Gökyüzü gözlem atölyesi", "en": "Stargazing science workshop"}),
    "kent-muzesi-gezisi": ("trip", 23, 9, 4, 60,
        {"tr": "Bornova Kent Müzesi gezisi", "en": "Trip to the Bornova City Museum"}),
    "kimya-deney-atolyesi": ("science_workshop", 2, 10, 2, 30,
        {"tr": "Kimya deney atölyesi", "en": "Chemistry experiments workshop"}),
}  # fmt: skip

# (session key, school, grade, pupils, escorts, final state, reason)
BOOKINGS = [
    ("robotik-bilim-atolyesi", "Kazımdirik İlkokulu", "4-A", 24, 2, "approved", ""),
    ("robotik-bilim-atolyesi", "Erzene Ortaokulu", "6-C", 12, 1, "requested", ""),
    ("gokyuzu-gozlem-atolyesi", "Bornova Anadolu Lisesi", "9-B", 28, 2, "declined",
     "Bu atölye 5-8. sınıflar içindir; lise grupları için bahar dönemini öneririz."),
    ("kent-muzesi-gezisi", "Işıklar İlkokulu", "3-B", 26, 2, "cancelled",
     "Okulun isteğiyle: aynı gün veli toplantısı var."),
    ("kimya-deney-atolyesi", "Mevlana Ortaokulu", "7-A", 25, 2, "held", ""),
    ("kent-muzesi-gezisi", "Doğanlar Ortaokulu", "5-D", 30, 2, "requested", ""),
]  # fmt: skip


def _session(municipality, unit, key, spec) -> Occurrence:
    type_code, days, hour, hours, capacity, titles = spec
    found = EventText.objects.filter(
        event__municipality=municipality, language="tr", slug=key
    ).first()
    if found is not None:
        return found.event.occurrences.order_by("starts_at").first()
    day = timezone.localdate() + datetime.timedelta(days=days)
    starts = timezone.make_aware(
        datetime.datetime.combine(day, datetime.time(hour)),
        timezone=datetime.timezone(datetime.timedelta(hours=3)),
    )
    ends = starts + datetime.timedelta(hours=hours)
    event = Event.objects.create(
        municipality=municipality, event_type=event_type_get(code=type_code), unit=unit,
        venue=venue_list_for_municipality(municipality=municipality).first(),
        audience=Audience.SCHOOLS,
        time_zone=municipality.time_zone, starts_at=starts, ends_at=ends,
        is_published=True, capacity=capacity,
    )  # fmt: skip
    for language, title in titles.items():
        if language in municipality.languages:
            slug = key if language == "tr" else f"{key}-{language}"
            EventText.objects.create(event=event, language=language, title=title, slug=slug)
    return Occurrence.objects.create(
        event=event, municipality=municipality, starts_at=starts, ends_at=ends
    )


def _move_to_last_week(occurrence: Occurrence) -> None:
    """The demo's history: the class that came did so last week (a booking is only taken for
    a session to come, so the session is moved back once its class is recorded as held)."""
    back = datetime.timedelta(days=9)
    Occurrence.objects.filter(pk=occurrence.pk).update(
        starts_at=occurrence.starts_at - back, ends_at=occurrence.ends_at - back
    )
    Event.objects.filter(pk=occurrence.event_id).update(
        starts_at=occurrence.starts_at - back, ends_at=occurrence.ends_at - back
    )


def _data(school, grade, pupils, escorts, number) -> dict:
    return {
        "school_name": school, "grade": grade, "pupils": pupils, "escorts": escorts,
        "teacher_name": f"Öğretmen {number}", "teacher_email": f"ogretmen{number}@example.org",
        "teacher_phone": f"0532 000 00 {number:02d}", "accessibility_needs": "",
        "special_request": "",
    }  # fmt: skip


def demo_schools(site) -> None:
    """Bornova's school programme and its bookings (other sites: nothing)."""
    if site.key != "bornova":
        return
    municipality = site.made["municipality"]
    units = {u.code: u for u in unit_list_for_municipality(municipality=municipality)}
    if UNIT not in units:
        return
    homes = site.made["homes"]
    translations_ensure(
        parents=homes, page_class=ProgrammePage,
        slug={language: slug for language, (slug, _title) in PROGRAMME.items()},
        fields={language: {"title": PROGRAMME[language][1]} for language in homes
                if language in PROGRAMME},
    )  # fmt: skip
    sessions = {
        key: _session(municipality, units[UNIT], key, spec) for key, spec in SESSIONS.items()
    }
    clerk = get_user_model().objects.filter(username=CLERK).first()
    for number, (key, school, grade, pupils, escorts, state, reason) in enumerate(BOOKINGS, 1):
        occurrence = sessions[key]
        if occurrence.class_bookings.filter(school_name=school, grade=grade).exists():
            continue  # run before
        booking = class_booking_submit(
            occurrence=occurrence,
            data=_data(school, grade, pupils, escorts, number),
            language="tr",
        )
        if state in {"approved", "held"}:
            class_booking_approve(booking=booking, by=clerk)
        if state == "held":
            class_booking_hold(booking=booking, by=clerk)
            _move_to_last_week(occurrence)
        elif state == "declined":
            class_booking_decline(booking=booking, by=clerk, reason=reason)
        elif state == "cancelled":
            class_booking_cancel(booking=booking, by=clerk, reason=reason)
