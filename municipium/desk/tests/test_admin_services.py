"""The staff's services of the desk: forwarding between municipalities, duplicates,
re-routing, assignment, categories and response templates, reminders before the deadline."""

import datetime

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from wagtail.models import ModelLogEntry

from municipium.cases.models import Case, Entry, Link
from municipium.cases.reminders import cases_remind_due_soon
from municipium.cases.selectors import case_duplicate_of, case_forwarded_to
from municipium.cases.services import case_assign, case_route
from municipium.desk.models import Category, CategoryName, CitizenRequest, ResponseTemplate
from municipium.desk.services import (
    case_forward,
    category_delete,
    category_save,
    request_mark_duplicate,
    request_submit,
    response_template_save,
)

from .staff_world import MONDAY, RESIDENT, World

pytestmark = pytest.mark.django_db


@pytest.fixture
def bornova(municipality_factory):
    return municipality_factory(slug="bornova", names={"tr": "Bornova Belediyesi"})


@pytest.fixture
def sisli(municipality_factory):
    return municipality_factory(slug="sisli", names={"tr": "Şişli Belediyesi"})


@pytest.fixture
def world(bornova, sisli):
    return World(bornova, sisli)


def test_forward_opens_a_request_in_the_other_municipality_with_everything_the_resident_gave(
    world,
):
    new = case_forward(
        case=world.case, to_municipality=world.sisli, category=world.roads_category,
        by=world.clerk, reason="The main road belongs to Şişli.",
    )  # fmt: skip
    copy = CitizenRequest.objects.get(case=new)
    assert new.municipality == world.sisli and new.unit == world.sisli_unit
    assert new.status == "routed" and new.description == world.case.description
    assert (copy.name, copy.email, copy.phone) == (
        RESIDENT["name"], RESIDENT["email"], RESIDENT["phone"]
    )  # fmt: skip
    assert copy.address == "Kıbrıs Şehitleri Cd. 12" and str(copy.latitude) == "38.423700"
    assert copy.answers == {"street": "Kıbrıs Şehitleri"}
    assert [a.name for a in new.attachments.all()] == ["tree.jpg"]
    assert new.attachments.get().file.read() == b"\xff\xd8\xff photo"
    world.case.refresh_from_db()
    assert world.case.status == "forwarded"
    assert case_forwarded_to(world.case) == new
    transition = world.case.entries.get(kind=Entry.Kind.TRANSITION)
    assert transition.is_public and transition.body == "The main road belongs to Şişli."
    assert new.entries.filter(is_public=True, body__contains=world.case.reference).exists()
    actions = set(ModelLogEntry.objects.values_list("action", flat=True))
    assert {"cases.case.link", "cases.case.transition", "cases.case.note"} <= actions


def test_forward_refuses_a_category_of_the_same_or_another_municipality_than_named(world):
    with pytest.raises(ValidationError) as refused:
        case_forward(
            case=world.case, to_municipality=world.bornova, category=world.lights_category,
            by=world.clerk, reason="x",
        )  # fmt: skip
    assert "to_municipality" in refused.value.message_dict
    with pytest.raises(ValidationError) as refused:
        case_forward(
            case=world.case, to_municipality=world.sisli, category=world.lights_category,
            by=world.clerk, reason="x",
        )  # fmt: skip
    assert "category" in refused.value.message_dict
    assert Case.objects.filter(municipality=world.sisli).count() == 1


def test_forward_by_someone_who_may_not_act_leaves_nothing_behind(world):
    with pytest.raises(PermissionDenied):
        case_forward(
            case=world.case, to_municipality=world.sisli, category=world.roads_category,
            by=world.sibling, reason="Not mine.",
        )  # fmt: skip
    assert Case.objects.filter(municipality=world.sisli).count() == 1
    world.case.refresh_from_db()
    assert world.case.status == "routed"


def test_a_duplicate_is_linked_closed_and_its_resident_told_which_request_to_follow(world):
    second = request_submit(
        municipality=world.bornova, category=world.trees_category, language="tr",
        description="Same tree.", answers={"street": "Kıbrıs"}, filed_at=MONDAY,
    ).case  # fmt: skip
    request_mark_duplicate(case=second, original=world.case, by=world.clerk)
    second.refresh_from_db()
    assert second.status == "duplicate"
    assert case_duplicate_of(second) == world.case
    told = second.entries.get(kind=Entry.Kind.TRANSITION)
    assert told.is_public and world.case.reference in told.body


def test_a_duplicate_of_another_municipalitys_request_is_refused(world):
    with pytest.raises(ValidationError):
        request_mark_duplicate(case=world.case, original=world.other_case, by=world.clerk)
    assert not Link.objects.exists()


def test_reroute_moves_the_case_and_the_old_units_clerk_loses_it(world):
    case_route(case=world.case, unit=world.lights, by=world.manager, reason="A lamp post.")
    world.case.refresh_from_db()
    assert world.case.unit == world.lights
    with pytest.raises(PermissionDenied):
        case_assign(case=world.case, owner=world.clerk, by=world.clerk)


def test_assigning_to_someone_outside_the_cases_unit_is_refused(world):
    with pytest.raises(ValidationError):
        case_assign(case=world.case, owner=world.sibling, by=world.manager)
    case_assign(case=world.case, owner=world.clerk2, by=world.clerk)
    world.case.refresh_from_db()
    assert world.case.owner == world.clerk2


def test_category_save_refuses_a_unit_of_another_municipality_and_audits_names(world):
    found = Category(municipality=world.bornova, code="noise", unit=world.sisli_unit)
    with pytest.raises(ValidationError):
        category_save(instance=found, by=world.manager)
    found.unit = world.trees
    found.names = [CategoryName(language="tr", name="Gürültü")]
    category_save(instance=found, by=world.manager)
    entry = ModelLogEntry.objects.get(action="desk.category.create")
    assert entry.data["changes"]["names"] == [None, {"tr": "Gürültü"}]


def test_category_save_by_another_municipalitys_staff_is_refused(world):
    world.trees_category.target_working_days = 1
    with pytest.raises(PermissionDenied):
        category_save(instance=world.trees_category, by=world.other_admin)


def test_a_used_category_cannot_be_deleted(world):
    with pytest.raises(ValidationError):
        category_delete(instance=world.trees_category, by=world.manager)


def test_response_template_of_another_municipalitys_category_is_refused(world):
    template = ResponseTemplate(
        municipality=world.bornova, category=world.roads_category, language="tr",
        title="Done", body="Fixed.",
    )  # fmt: skip
    with pytest.raises(ValidationError):
        response_template_save(instance=template, by=world.manager)


def test_reminder_goes_to_the_owner_once_per_deadline(world, django_capture_on_commit_callbacks):
    world.clerk.email = "clerk@example.org"
    world.clerk.save()
    case_assign(case=world.case, owner=world.clerk, by=world.clerk)
    world.case.refresh_from_db()
    day_before = world.case.due_at - datetime.timedelta(days=1)
    with django_capture_on_commit_callbacks(execute=True):
        assert cases_remind_due_soon(now=day_before, working_days=2) == 1
        assert cases_remind_due_soon(now=day_before, working_days=2) == 0
    assert [message.to for message in mail.outbox] == [["clerk@example.org"]]
    reminder = world.case.entries.get(data__has_key="reminder_for")
    assert not reminder.is_public


def test_no_reminder_while_the_deadline_is_far(world):
    assert cases_remind_due_soon(now=MONDAY, working_days=2) == 0


def test_reminder_without_an_owner_goes_to_the_units_members(
    world, django_capture_on_commit_callbacks
):
    for user in (world.clerk, world.clerk2, world.sibling):
        user.email = f"{user.username}@example.org"
        user.save()
    with django_capture_on_commit_callbacks(execute=True):
        cases_remind_due_soon(now=world.case.due_at - datetime.timedelta(hours=2), working_days=1)
    assert sorted(m.to[0] for m in mail.outbox) == ["clerk2@example.org", "clerk@example.org"]
