import datetime
import zoneinfo

import pytest
from django.core.exceptions import ValidationError
from wagtail.models import ModelLogEntry

from municipium.cases.models import Case
from municipium.cases.services import case_transition
from municipium.desk.models import CitizenRequest
from municipium.desk.services import request_submit
from municipium.organisation.models import Unit
from municipium.organisation.tests.factories import staff_user, unit

from .factories import category, question

pytestmark = pytest.mark.django_db
ISTANBUL = zoneinfo.ZoneInfo("Europe/Istanbul")
MONDAY = datetime.datetime(2026, 3, 2, 10, 0, tzinfo=ISTANBUL)


@pytest.fixture
def bornova(municipality_factory):
    return municipality_factory(slug="bornova")


@pytest.fixture
def lights(bornova):
    return unit(bornova, "lights", kind=Unit.Kind.DIRECTORATE)


@pytest.fixture
def street_lights(bornova, lights):
    found = category(bornova, "street-light", lights, target=3)
    question(found, "pole", required=True, tr="Direk numarası")
    question(
        found, "kind", "singlevaluelist",
        values=[{"key": "off", "names": {"tr": "Yanmıyor"}}, {"key": "blinking", "names": {}}],
    )  # fmt: skip
    return found


def submit(bornova, street_lights, **fields):
    values = {
        "municipality": bornova,
        "category": street_lights,
        "description": "The light in front of number 12 is off.",
        "language": "tr",
        "name": "Ayşe Yılmaz",
        "email": "ayse@example.org",
        "answers": {"pole": "B-1043", "kind": "off"},
        "filed_at": MONDAY,
    }
    return request_submit(**{**values, **fields})


def test_a_request_is_routed_to_the_categorys_unit_and_due_in_its_target_time(
    bornova, street_lights, lights
):
    request = submit(bornova, street_lights)
    case = request.case
    assert (case.kind, case.status, case.unit) == ("citizen_request", "routed", lights)
    assert case.title.startswith("street-light (tr): The light in front")
    # Three working days after Monday 2 March: Thursday 5 March, at closing time.
    assert case.due_at == datetime.datetime(2026, 3, 5, 17, 30, tzinfo=ISTANBUL)
    assert request.answers == {"pole": "B-1043", "kind": "off"}
    assert ModelLogEntry.objects.filter(action="cases.case.open").count() == 1


def test_an_anonymous_caller_leaves_no_contact_details(bornova, street_lights, lights):
    operator = staff_user(bornova, "operator", unit=unit(bornova, "153", kind="call_centre"))
    request = submit(bornova, street_lights, by=operator, channel="phone", is_anonymous=True)
    assert (request.name, request.email, request.phone) == ("", "", "")
    assert request.case.channel == "phone"


@pytest.mark.parametrize(
    ("fields", "field"),
    [
        ({"description": "  "}, "description"),
        ({"answers": {"kind": "off"}}, "pole"),
        ({"answers": {"pole": "1", "kind": "exploded"}}, "kind"),
        ({"latitude": 38.46}, "latitude"),
        ({"channel": "press"}, "press_outlet"),
        ({"email": "not an address"}, "email"),
    ],
)
def test_bad_input_is_refused_by_field_and_nothing_is_saved(bornova, street_lights, fields, field):
    with pytest.raises(ValidationError) as error:
        submit(bornova, street_lights, **fields)
    assert field in error.value.message_dict
    assert not Case.objects.exists() and not CitizenRequest.objects.exists()
    assert not ModelLogEntry.objects.filter(action__startswith="cases.").exists()


def test_a_category_of_another_municipality_is_refused(
    bornova, street_lights, municipality_factory
):
    other = municipality_factory(slug="sisli")
    with pytest.raises(ValidationError) as error:
        submit(other, street_lights)
    assert "category" in error.value.message_dict


def test_the_resident_rejects_an_answer_and_accepts_the_next(bornova, street_lights, lights):
    clerk = staff_user(bornova, "clerk", unit=lights)
    case = submit(bornova, street_lights).case
    case = case_transition(case=case, transition="start", by=clerk)
    case = case_transition(case=case, transition="answer", by=clerk, note="Bulb replaced.")
    case = case_transition(
        case=case, transition="dispute", by=None, by_resident=True, note="Still off tonight."
    )
    assert case.status == "in_progress"
    case = case_transition(case=case, transition="answer", by=clerk, note="Cable repaired.")
    case = case_transition(case=case, transition="accept", by=None, by_resident=True)
    assert case.status == "closed" and case.closed_at is not None
    public = [e.status_to for e in case.entries.filter(is_public=True, kind="transition")]
    assert public == ["in_progress", "answered", "in_progress", "answered", "closed"]
