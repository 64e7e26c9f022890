"""The events' services: saving with texts, dates expanded again, changed dates kept, bad
input refused with nothing half-saved, staff limited to their municipality and units."""

import datetime
import zoneinfo
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import translation
from wagtail.models import ModelLogEntry

from municipium.culture.choices import Audience
from municipium.culture.tests.factories import event_type
from municipium.events import services
from municipium.events.models import Event, EventText, Occurrence, Status
from municipium.events.signals import occurrence_changed

pytestmark = pytest.mark.django_db

WARSAW = zoneinfo.ZoneInfo("Europe/Warsaw")


def new_event(culture, *, starts_at=None, hours=2, **fields):
    starts_at = starts_at or datetime.datetime(2027, 3, 16, 18, 0, tzinfo=WARSAW)
    return Event(
        municipality=culture.municipality,
        event_type=event_type(fields.pop("type_code", "workshop")),
        unit=fields.pop("unit", culture.section),
        venue=fields.pop("venue", culture.venue),
        time_zone=fields.pop("time_zone", culture.municipality.time_zone),
        starts_at=starts_at,
        ends_at=starts_at + datetime.timedelta(hours=hours),
        **fields,
    )


def texts(culture, title="Ceramics for beginners"):
    return {
        language: {"title": f"{title} {language}"} for language in culture.municipality.languages
    }


@pytest.fixture
def announced():
    """What ``occurrence_changed`` said (on commit: the test runs the callbacks it captures
    with ``django_capture_on_commit_callbacks(execute=True)``)."""
    heard = []

    def listen(sender, **kwargs):
        heard.append(kwargs)

    occurrence_changed.connect(listen, dispatch_uid="test-listen")
    yield heard
    occurrence_changed.disconnect(dispatch_uid="test-listen")


def local_starts(event):
    return [
        row.starts_at.astimezone(WARSAW).strftime("%m-%d %H:%M")
        for row in event.occurrences.order_by("starts_at")
    ]


def test_a_weekly_course_gets_its_sessions_at_local_time_across_the_spring_change(rudziniec):
    event = services.event_save(
        event=new_event(rudziniec, recurrence="rrule:freq=weekly;count=3", type_code="course"),
        by=rudziniec.clerk,
        texts=texts(rudziniec),
    )
    assert event.recurrence == "FREQ=WEEKLY;COUNT=3"
    assert local_starts(event) == ["03-16 18:00", "03-23 18:00", "03-30 18:00"]
    assert [row.starts_at.astimezone(datetime.UTC).hour for row in event.occurrences.all()] == [
        17, 17, 16
    ]  # fmt: skip
    assert all(row.original_start == row.starts_at for row in event.occurrences.all())


def test_slugs_are_made_from_titles_per_language_and_kept_apart(rudziniec):
    first = services.event_save(
        event=new_event(rudziniec), by=None, texts={"pl": {"title": "Dożynki gminne"}}
    )
    second = services.event_save(
        event=new_event(rudziniec), by=None, texts={"pl": {"title": "Dożynki gminne"}}
    )
    assert first.text_in("pl").slug == "dożynki-gminne"
    assert second.text_in("pl").slug == "dożynki-gminne-2"


def test_a_changed_date_survives_a_resave_and_days_off_are_left_out(
    rudziniec, announced, django_capture_on_commit_callbacks
):
    event = services.event_save(
        event=new_event(rudziniec, recurrence="FREQ=WEEKLY;COUNT=4"),
        by=rudziniec.clerk,
        texts=texts(rudziniec),
    )
    second = event.occurrences.order_by("starts_at")[1]
    moved_to = datetime.datetime(2027, 3, 24, 17, 0, tzinfo=WARSAW)
    third = event.occurrences.order_by("starts_at")[2]
    with django_capture_on_commit_callbacks(execute=True):
        services.occurrence_change(
            occurrence=second, by=rudziniec.clerk, starts_at=moved_to, note="Hall taken"
        )
        services.occurrence_change(occurrence=third, by=rudziniec.clerk, status=Status.CANCELLED)
        event = Event.objects.get(pk=event.pk)
        event.recurrence = "FREQ=WEEKLY;COUNT=5"
        services.event_save(event=event, by=rudziniec.clerk, exceptions=[datetime.date(2027, 4, 6)])

    rows = list(event.occurrences.order_by("starts_at"))
    assert local_starts(event) == [
        "03-16 18:00", "03-24 17:00", "03-30 18:00", "04-13 18:00"
    ]  # fmt: skip
    moved = rows[1]
    assert moved.is_changed and moved.note == "Hall taken"
    assert moved.original_start.astimezone(WARSAW).strftime("%m-%d %H:%M") == "03-23 18:00"
    assert rows[2].status == Status.CANCELLED and rows[2].is_changed
    assert [heard["change"] for heard in announced] == ["moved", "cancelled", "removed"]


def test_a_rule_dropping_a_date_announces_it_removed(
    rudziniec, announced, django_capture_on_commit_callbacks
):
    event = services.event_save(
        event=new_event(rudziniec, recurrence="FREQ=WEEKLY;COUNT=3"),
        by=None,
        texts=texts(rudziniec),
    )
    event.recurrence = "FREQ=WEEKLY;COUNT=2"
    with django_capture_on_commit_callbacks(execute=True):
        services.event_save(event=event, by=None)
    assert event.occurrences.count() == 2
    assert [heard["change"] for heard in announced] == ["removed"]
    assert announced[0]["after"] is None


def test_a_single_event_moved_in_the_form_moves_its_one_date(
    bornova, announced, django_capture_on_commit_callbacks
):
    event = services.event_save(event=new_event(bornova), by=None, texts=texts(bornova))
    event.starts_at += datetime.timedelta(days=1)
    event.ends_at += datetime.timedelta(days=1)
    with django_capture_on_commit_callbacks(execute=True):
        services.event_save(event=event, by=None)
    only = event.occurrences.get()
    assert only.starts_at == event.starts_at and only.original_start is None
    assert [heard["change"] for heard in announced] == ["moved"]


def test_the_signal_is_sent_only_when_the_change_commits(
    rudziniec, django_capture_on_commit_callbacks
):
    announced = []
    occurrence_changed.connect(
        lambda sender, **kwargs: announced.append(kwargs), dispatch_uid="test-commit", weak=False
    )
    event = services.event_save(
        event=new_event(rudziniec, recurrence="FREQ=DAILY;COUNT=2"), by=None, texts=texts(rudziniec)
    )
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        services.occurrence_change(
            occurrence=event.occurrences.first(), by=None, status=Status.POSTPONED
        )
    assert announced == [] and callbacks
    for callback in callbacks:
        callback()
    occurrence_changed.disconnect(dispatch_uid="test-commit")
    assert [heard["change"] for heard in announced] == ["postponed"]


def test_cancelling_an_event_cancels_its_dates_to_come_and_logs_once(
    bornova, announced, django_capture_on_commit_callbacks
):
    starts = datetime.datetime.now(datetime.UTC) + datetime.timedelta(days=2)
    event = services.event_save(
        event=new_event(bornova, starts_at=starts, recurrence="FREQ=DAILY;COUNT=3"),
        by=bornova.clerk,
        texts=texts(bornova),
    )
    with django_capture_on_commit_callbacks(execute=True):
        services.event_cancel(event=event, by=bornova.director, note="Storm")
    assert set(event.occurrences.values_list("status", flat=True)) == {Status.CANCELLED}
    assert len(announced) == 3
    entry = ModelLogEntry.objects.filter(action="events.event.cancel").get()
    assert entry.data["changes"]["status"] == [Status.SCHEDULED, Status.CANCELLED]
    assert entry.user == bornova.director


def test_publish_and_unpublish_are_logged_with_before_and_after(bornova):
    event = services.event_save(event=new_event(bornova), by=None, texts=texts(bornova))
    services.event_publish(event=event, by=bornova.clerk)
    services.event_unpublish(event=event, by=bornova.clerk)
    actions = list(
        ModelLogEntry.objects.filter(action__startswith="events.event.")
        .order_by("pk")
        .values_list("action", flat=True)
    )
    assert actions == ["events.event.create", "events.event.publish", "events.event.unpublish"]


def test_deleting_an_event_deletes_its_dates(bornova):
    event = services.event_save(event=new_event(bornova), by=None, texts=texts(bornova))
    services.event_delete(event=event, by=bornova.director)
    assert not Occurrence.objects.exists() and not EventText.objects.exists()
    assert ModelLogEntry.objects.filter(action="events.event.delete").exists()


@pytest.mark.parametrize(
    ("fields", "field"),
    [
        ({"hours": -1}, "ends_at"),
        ({"audience": Audience.CHILDREN}, "age_min"),
        ({"audience": Audience.CHILDREN, "age_min": 12, "age_max": 8}, "age_max"),
        ({"registration": "occurrence"}, "capacity"),
        ({"is_free": False}, "price"),
        ({"recurrence": "FREQ=WEEKLY;BYDAY=TU"}, "recurrence"),
        ({"time_zone": "Mars/Olympus"}, "time_zone"),
    ],
)
def test_bad_input_is_refused_on_its_field_and_nothing_is_saved(bornova, fields, field):
    with pytest.raises(ValidationError) as refused:
        services.event_save(event=new_event(bornova, **fields), by=None, texts=texts(bornova))
    assert field in refused.value.message_dict
    assert not Event.objects.exists() and not Occurrence.objects.exists()
    assert not ModelLogEntry.objects.filter(action__startswith="events.").exists()


def test_the_never_ending_rule_is_refused_in_the_users_language(bornova):
    with translation.override("tr"), pytest.raises(ValidationError) as refused:
        services.event_save(
            event=new_event(bornova, recurrence="FREQ=DAILY"), by=None, texts=texts(bornova)
        )
    message = refused.value.message_dict["recurrence"][0]
    assert "COUNT=10" in message
    with translation.override("en"), pytest.raises(ValidationError) as refused:
        services.event_save(
            event=new_event(bornova, recurrence="FREQ=DAILY"), by=None, texts=texts(bornova)
        )
    assert refused.value.message_dict["recurrence"][0].startswith("This event would repeat")


def test_a_paid_event_with_places_is_saved(bornova):
    event = services.event_save(
        event=new_event(
            bornova, is_free=False, price=Decimal("50.00"), registration="series", capacity=12
        ),
        by=None,
        texts=texts(bornova),
    )
    assert event.price == Decimal("50.00") and event.capacity == 12


def test_another_municipalitys_venue_unit_or_partner_is_refused(bornova, rudziniec):
    for fields, field in (
        ({"venue": rudziniec.venue}, "venue"),
        ({"unit": rudziniec.section}, "unit"),
    ):
        with pytest.raises(ValidationError) as refused:
            services.event_save(event=new_event(bornova, **fields), by=None, texts=texts(bornova))
        assert field in refused.value.message_dict
    with pytest.raises(ValidationError) as refused:
        services.event_save(
            event=new_event(bornova), by=None, texts=texts(bornova), partners=[rudziniec.partner]
        )
    assert "partners" in refused.value.message_dict
    assert not Event.objects.exists()


def test_texts_in_a_language_the_municipality_does_not_publish_in_are_refused(bornova):
    with pytest.raises(ValidationError):
        services.event_save(event=new_event(bornova), by=None, texts={"fa": {"title": "رویداد"}})
    with pytest.raises(ValidationError):
        services.event_save(event=new_event(bornova), by=None, texts={})
    assert not Event.objects.exists()


def test_staff_change_only_their_units_events_in_their_municipality(bornova, rudziniec):
    with pytest.raises(PermissionDenied):
        services.event_save(event=new_event(bornova), by=rudziniec.director, texts=texts(bornova))
    with pytest.raises(PermissionDenied):
        services.event_save(event=new_event(bornova), by=bornova.parks_clerk, texts=texts(bornova))
    event = services.event_save(event=new_event(bornova), by=bornova.clerk, texts=texts(bornova))
    with pytest.raises(PermissionDenied):
        services.event_cancel(event=event, by=bornova.parks_clerk)
    # A director acts in the units below theirs.
    services.event_publish(event=event, by=bornova.director)


def test_an_extra_session_added_by_hand_survives_a_resave(rudziniec):
    event = services.event_save(
        event=new_event(rudziniec, type_code="course", recurrence="FREQ=WEEKLY;COUNT=2"),
        by=None,
        texts=texts(rudziniec),
    )
    extra = datetime.datetime(2027, 3, 20, 10, 0, tzinfo=WARSAW)
    services.occurrence_add(
        event=event,
        by=rudziniec.clerk,
        starts_at=extra,
        ends_at=extra + datetime.timedelta(hours=2),
    )
    services.event_save(event=Event.objects.get(pk=event.pk), by=None)
    assert local_starts(event) == ["03-16 18:00", "03-20 10:00", "03-23 18:00"]
    with pytest.raises(ValidationError):
        services.occurrence_add(
            event=event, by=None, starts_at=extra, ends_at=extra + datetime.timedelta(hours=1)
        )
