"""Registration's services: places, the waiting list and its move up, bad input, children and
their guardians, check-in at the door, closing with a report, and forgetting personal data."""

import datetime

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from municipium.events.models import EventRegistration, RegistrationQuestion
from municipium.events.registration import (
    event_close,
    registration_cancel,
    registration_check_in,
    registration_get_by_token,
    registration_submit,
    registrations_anonymise_expired,
    waiting_rank,
)

from .registration_world import clerk, culture_unit, person, programme_pages, registered_event

pytestmark = pytest.mark.django_db


@pytest.fixture
def bornova(municipality_factory):
    town = municipality_factory(slug="bornova", languages=["tr", "en"])
    programme_pages(town)
    return town


@pytest.fixture
def culture(bornova):
    return culture_unit(bornova)


@pytest.fixture(autouse=True)
def _on_commit(monkeypatch):
    """Run on-commit work (the mails) at once: the test's transaction never commits."""
    monkeypatch.setattr(
        "municipium.events.registration.transaction.on_commit", lambda work, **_: work()
    )


def submit(event, number=0, **extra):
    return registration_submit(
        event=event,
        occurrence=event.occurrences.first(),
        data=person(number, **extra),
        language="tr",
    )


def test_places_then_waiting_list_in_order_and_mails_in_the_registrants_language(bornova, culture):
    event = registered_event(bornova, unit=culture, capacity=2)
    made = [submit(event, number) for number in range(4)]
    statuses = [(m.registration.status, m.registration.position) for m in made]
    assert statuses == [("confirmed", 1), ("confirmed", 2), ("waiting", 1), ("waiting", 2)]
    assert waiting_rank(made[3].registration) == 2
    assert len(mail.outbox) == 4
    assert made[0].registration.code in mail.outbox[0].body
    assert made[0].token in mail.outbox[0].body  # the link to the resident's page
    assert "bekleme" in mail.outbox[2].subject.lower() or "waiting" in mail.outbox[2].subject


def test_token_is_stored_only_as_its_digest_and_opens_the_registration(bornova, culture):
    made = submit(registered_event(bornova, unit=culture))
    stored = EventRegistration.objects.get(pk=made.registration.pk)
    assert made.token not in stored.token_hash and len(stored.token_hash) == 64
    code = stored.code
    assert registration_get_by_token(municipality=bornova, code=code, token=made.token) == stored
    assert registration_get_by_token(municipality=bornova, code=code, token="wrong") is None


def test_cancel_moves_the_first_waiting_person_up_and_mails_them(bornova, culture):
    event = registered_event(bornova, unit=culture, capacity=1)
    first, second, third = (submit(event, number) for number in range(3))
    mail.outbox.clear()
    moved = registration_cancel(registration=first.registration)
    assert [m.pk for m in moved] == [second.registration.pk]
    second.registration.refresh_from_db()
    third.registration.refresh_from_db()
    assert second.registration.status == "confirmed"
    assert third.registration.status == "waiting" and waiting_rank(third.registration) == 1
    assert {message.to[0] for message in mail.outbox} == {"kisi0@example.org", "kisi1@example.org"}
    moved_mail = next(m for m in mail.outbox if m.to == ["kisi1@example.org"])
    assert second.registration.code in moved_mail.body
    with pytest.raises(ValidationError):
        registration_cancel(registration=first.registration)


def test_full_event_without_waiting_list_refuses_and_saves_nothing(bornova, culture):
    event = registered_event(bornova, unit=culture, capacity=1, keeps_waiting_list=False)
    submit(event, 1)
    with pytest.raises(ValidationError, match="full"):
        submit(event, 2)
    assert EventRegistration.objects.count() == 1


@pytest.mark.parametrize(
    ("data", "field"),
    [
        ({"name": "", "email": "a@example.org"}, "name"),
        ({"name": "Ayşe", "email": ""}, "email"),
        ({"name": "Ayşe", "email": "not-an-address"}, "email"),
        ({"name": "Ayşe", "email": "a@example.org", "phone": "call me"}, "phone"),
        ({"name": "Ayşe", "email": "a@example.org", "age": "ten"}, "age"),
    ],
)
def test_bad_input_names_the_field_and_saves_nothing(bornova, culture, data, field):
    event = registered_event(bornova, unit=culture)
    with pytest.raises(ValidationError) as raised:
        registration_submit(
            event=event, occurrence=event.occurrences.first(), data=data, language="tr"
        )
    assert field in raised.value.message_dict
    assert not EventRegistration.objects.exists() and not mail.outbox


def test_a_child_needs_a_guardian(bornova, culture):
    event = registered_event(bornova, unit=culture, audience="children", age_min=7, age_max=12)
    with pytest.raises(ValidationError) as raised:
        submit(event, 1, age="9")
    assert {"guardian_name", "guardian_contact"} <= set(raised.value.message_dict)
    with pytest.raises(ValidationError) as raised:
        submit(event, 1, age="15", guardian_name="Anne", guardian_contact="0532 000 00 00")
    assert "age" in raised.value.message_dict
    made = submit(event, 1, age="9", guardian_name="Anne", guardian_contact="0532 000 00 00")
    assert made.registration.guardian_name == "Anne"


def test_required_questions_and_choices(bornova, culture):
    event = registered_event(bornova, unit=culture)
    text = RegistrationQuestion.objects.create(
        event=event, required=True, labels={"tr": "Alerji?", "en": "Allergies?"}
    )
    choice = RegistrationQuestion.objects.create(
        event=event,
        kind="choice",
        labels={"tr": "Beden", "en": "Size"},
        choices={"tr": ["S", "M"], "en": ["S", "M"]},
    )
    with pytest.raises(ValidationError) as raised:
        submit(event, 1, answers={str(choice.pk): "7"})
    assert set(raised.value.message_dict) == {f"question_{text.pk}", f"question_{choice.pk}"}
    made = submit(event, 1, answers={str(text.pk): "Yok", str(choice.pk): "1"})
    assert made.registration.answers == {str(text.pk): "Yok", str(choice.pk): "1"}


def test_registration_is_closed_for_a_past_or_cancelled_date_and_an_event_without_it(
    bornova, culture
):
    past = registered_event(bornova, unit=culture, starts_at=timezone.now() - datetime.timedelta(1))
    with pytest.raises(ValidationError, match="closed"):
        submit(past)
    none = registered_event(bornova, unit=culture, registration="none")
    with pytest.raises(ValidationError):
        submit(none)
    cancelled = registered_event(bornova, unit=culture, status="cancelled")
    with pytest.raises(ValidationError, match="closed"):
        submit(cancelled)


def test_a_course_is_registered_as_a_whole_and_counts_places_once(bornova, culture):
    course = registered_event(bornova, unit=culture, capacity=1, registration="series")
    first = registration_submit(event=course, occurrence=None, data=person(1), language="en")
    second = registration_submit(event=course, occurrence=None, data=person(2), language="en")
    assert (first.registration.status, second.registration.status) == ("confirmed", "waiting")
    with pytest.raises(ValidationError):
        registration_submit(
            event=course, occurrence=course.occurrences.first(), data=person(3), language="en"
        )


def test_check_in_by_code(bornova, culture):
    event = registered_event(bornova, unit=culture, capacity=1)
    confirmed, waiting = submit(event, 1), submit(event, 2)
    staff = clerk(bornova, culture)
    code = confirmed.registration.code
    done = registration_check_in(event=event, code=f" {code[:4].lower()}-{code[4:]} ", by=staff)
    assert done.status == "attended" and done.checked_in_at is not None
    with pytest.raises(ValidationError, match="already"):
        registration_check_in(event=event, code=code, by=staff)
    with pytest.raises(ValidationError, match="waiting"):
        registration_check_in(event=event, code=waiting.registration.code, by=staff)
    with pytest.raises(ValidationError):
        registration_check_in(event=event, code="AAAAAAAA", by=staff)


def test_staff_of_another_unit_or_municipality_may_not_act(bornova, culture, municipality_factory):
    event = registered_event(bornova, unit=culture)
    made = submit(event)
    other_unit = culture_unit(bornova, "zabita")
    sibling = clerk(bornova, other_unit, "clerk-zabita")
    sisli = municipality_factory(slug="sisli")
    stranger = clerk(sisli, culture_unit(sisli))
    for user in (sibling, stranger):
        with pytest.raises(PermissionDenied):
            registration_check_in(event=event, code=made.registration.code, by=user)
        with pytest.raises(PermissionDenied):
            registration_cancel(registration=made.registration, by=user)


def test_close_with_a_report(bornova, culture, municipality_factory):
    from municipium.culture.tests.factories import partner

    event = registered_event(bornova, unit=culture)
    staff = clerk(bornova, culture)
    ours = partner(bornova)
    report = event_close(
        event=event, by=staff, attendance=23, texts={"tr": "Güzeldi.", "en": ""}, partners=[ours]
    )
    assert report.attendance == 23 and report.text_in("tr").text == "Güzeldi."
    assert list(event.report.partners.all()) == [ours]
    theirs = partner(municipality_factory(slug="sisli"))
    with pytest.raises(ValidationError):
        event_close(event=event, by=staff, attendance=3, texts={"tr": "x"}, partners=[theirs])
    with pytest.raises(ValidationError):
        event_close(event=event, by=staff, attendance=3, texts={"tr": " "})


def test_personal_data_is_emptied_after_the_retention_period(bornova, culture):
    event = registered_event(bornova, unit=culture)
    made = submit(event, 1, phone="0232 555 00 00")
    later = timezone.now() + datetime.timedelta(
        days=31 * (bornova.personal_data_retention_months + 1)
    )
    assert registrations_anonymise_expired(now=timezone.now()) == 0
    assert registrations_anonymise_expired(now=later) == 1
    made.registration.refresh_from_db()
    assert made.registration.name == "" and made.registration.email == ""
    assert made.registration.anonymised_at is not None
    assert registrations_anonymise_expired(now=later) == 0
