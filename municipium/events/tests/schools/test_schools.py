"""School-class bookings: the teacher's booking, the unit's approval against the session's
places and the class's day, a decline with its reason, cancellation, the mails and the letter."""

import datetime
import io

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone
from wagtail.models import ModelLogEntry

from municipium.cases.models import Entry
from municipium.events.kind import ANSWER_WORKING_DAYS
from municipium.events.models import ClassBooking
from municipium.events.schools import (
    class_booking_approve,
    class_booking_cancel,
    class_booking_decline,
    class_booking_letter_html,
    class_booking_letter_pdf,
    class_booking_submit,
    class_session_list_public,
    class_session_places_left,
)
from municipium.tenancy import clock

from .schools_world import class_data

pytestmark = pytest.mark.django_db


def test_a_booking_opens_a_case_in_the_events_unit_due_in_five_working_days(bornova):
    booking = class_booking_submit(occurrence=bornova.session, data=class_data(), language="tr")
    case = booking.case
    assert (case.kind, case.status, case.unit) == ("school_class", "requested", bornova.culture)
    assert case.due_at == clock.due_at(
        bornova.municipality, case.received_at, working_days=ANSWER_WORKING_DAYS
    )
    assert (booking.pupils, booking.escorts, booking.people) == (24, 2, 26)


def test_the_teacher_is_mailed_the_reference_in_the_bookings_language(
    bornova, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        booking = class_booking_submit(occurrence=bornova.session, data=class_data(), language="en")
    assert len(mail.outbox) == 1
    assert booking.case.reference in mail.outbox[0].subject
    assert mail.outbox[0].to == ["elif@example.org"]
    assert "/en/events/school-classes/track/" in mail.outbox[0].body


@pytest.mark.parametrize(
    ("fields", "field"),
    [
        ({"pupils": 0}, "pupils"),
        ({"pupils": 30, "escorts": 1}, "escorts"),  # 30 pupils need two escorts
        ({"pupils": 39, "escorts": 3}, "pupils"),  # 42 people, 40 places
        ({"teacher_email": "not an address"}, "teacher_email"),
        ({"school_name": " "}, "school_name"),
    ],
)
def test_bad_bookings_are_refused_with_the_field_named_and_nothing_saved(bornova, fields, field):
    with pytest.raises(ValidationError) as refused:
        class_booking_submit(occurrence=bornova.session, data=class_data(**fields), language="tr")
    assert field in refused.value.message_dict
    assert not ClassBooking.objects.exists()
    assert not bornova.municipality.cases.exists()


def test_a_session_in_the_past_or_one_that_takes_no_classes_is_refused(bornova):
    bornova.session.starts_at = timezone.now() - datetime.timedelta(hours=1)
    bornova.session.save()
    with pytest.raises(ValidationError, match="already taken place"):
        class_booking_submit(occurrence=bornova.session, data=class_data(), language="tr")
    talk = bornova.talk.occurrences.get()
    with pytest.raises(ValidationError, match="does not take school classes"):
        class_booking_submit(occurrence=talk, data=class_data(), language="tr")
    assert not ClassBooking.objects.exists()


def test_the_public_list_has_the_upcoming_class_sessions_only(bornova, sisli):
    listed = list(class_session_list_public(municipality=bornova.municipality))
    assert listed == [bornova.session, bornova.trip_session]


def test_approval_counts_pupils_and_escorts_against_the_sessions_places(bornova):
    first = class_booking_submit(
        occurrence=bornova.session, data=class_data(pupils=20, escorts=2), language="tr"
    )
    second = class_booking_submit(
        occurrence=bornova.session,
        data=class_data(grade="9-B", pupils=20, escorts=2),
        language="tr",
    )
    class_booking_approve(booking=first, by=bornova.clerk)
    assert class_session_places_left(occurrence=bornova.session) == 18
    with pytest.raises(ValidationError, match="18"):
        class_booking_approve(booking=second, by=bornova.clerk)
    second.case.refresh_from_db()
    assert second.case.status == "requested"
    class_booking_cancel(booking=first, by=bornova.clerk, reason="The school asked.")
    class_booking_approve(booking=second, by=bornova.clerk)
    assert second.case.status == "approved"


def test_a_class_is_never_approved_into_two_overlapping_sessions(bornova):
    workshop = class_booking_submit(occurrence=bornova.session, data=class_data(), language="tr")
    trip = class_booking_submit(
        occurrence=bornova.trip_session,
        data=class_data(school_name="bornova anadolu lisesi", grade="9-a"),
        language="tr",
    )
    other_class = class_booking_submit(
        occurrence=bornova.trip_session, data=class_data(grade="10-C"), language="tr"
    )
    class_booking_approve(booking=workshop, by=bornova.clerk)
    with pytest.raises(ValidationError, match=workshop.case.reference):
        class_booking_approve(booking=trip, by=bornova.clerk)
    class_booking_approve(booking=other_class, by=bornova.clerk)


def test_approval_is_one_transition_and_one_audit_entry_and_mails_the_letter(
    bornova, django_capture_on_commit_callbacks
):
    booking = class_booking_submit(occurrence=bornova.session, data=class_data(), language="tr")
    before = ModelLogEntry.objects.count()
    with django_capture_on_commit_callbacks(execute=True):
        class_booking_approve(booking=booking, by=bornova.clerk)
    assert ModelLogEntry.objects.count() == before + 1
    assert (
        booking.case.entries.filter(kind=Entry.Kind.TRANSITION, status_to="approved").count() == 1
    )
    sent = mail.outbox[-1]
    assert booking.case.reference in sent.subject
    name, content, content_type = sent.attachments[0]
    assert (name, content_type) == (f"{booking.case.reference}.pdf", "application/pdf")
    assert content.startswith(b"%PDF")


def test_staff_of_another_unit_may_not_approve(bornova):
    booking = class_booking_submit(occurrence=bornova.session, data=class_data(), language="tr")
    with pytest.raises(PermissionDenied):
        class_booking_approve(booking=booking, by=bornova.outsider)


def test_a_decline_needs_the_reason_and_the_teacher_reads_it(
    bornova, django_capture_on_commit_callbacks
):
    booking = class_booking_submit(occurrence=bornova.session, data=class_data(), language="tr")
    with pytest.raises(ValidationError):
        class_booking_decline(booking=booking, by=bornova.clerk, reason="  ")
    with django_capture_on_commit_callbacks(execute=True):
        class_booking_decline(
            booking=booking, by=bornova.clerk, reason="Bu oturum 9. sınıflar için değil."
        )
    assert booking.case.status == "declined"
    assert "Bu oturum 9. sınıflar için değil." in mail.outbox[-1].body


def test_the_letter_has_the_school_and_the_date_in_the_sites_calendar(
    bornova, municipality_factory
):
    booking = class_booking_submit(occurrence=bornova.session, data=class_data(), language="en")
    html = class_booking_letter_html(booking=booking)
    assert "Bornova Anadolu Lisesi" in html and "Bilim Merkezi" in html
    assert 'lang="tr"' in html  # the site's language, not the booking's
    pypdf = pytest.importorskip("pypdf")
    text = pypdf.PdfReader(io.BytesIO(class_booking_letter_pdf(booking=booking))).pages[0]
    text = text.extract_text()
    assert "Bornova Anadolu Lisesi" in text
    assert booking.case.reference in text
    from municipium.core.formatting import format_date

    day = format_date(bornova.session.starts_at, language="tr", calendar="gregorian",
                      time_zone="Europe/Istanbul", style="full")  # fmt: skip
    assert day in text


def test_a_persian_sites_letter_has_the_solar_hijri_date_in_persian_digits(municipality_factory):
    from .schools_world import Programme

    bumehen = Programme(
        municipality_factory(slug="bumehen", languages=["fa", "en"], calendar="solar_hijri",
                             time_zone="Asia/Tehran")
    )  # fmt: skip
    booking = class_booking_submit(occurrence=bumehen.session, data=class_data(), language="en")
    html = class_booking_letter_html(booking=booking)
    from municipium.core.formatting import format_date

    day = format_date(bumehen.session.starts_at, language="fa", calendar="solar_hijri",
                      time_zone="Asia/Tehran", style="full")  # fmt: skip
    assert day in html and 'dir="rtl"' in html
    assert any("\u06f0" <= char <= "\u06f9" for char in day)
