import pytest
from django.contrib.auth import get_user_model
from django.db.models import Q

from municipium.cases.selectors import (
    case_get_for_resident,
    case_list_for_user,
    case_visibility,
    entry_list,
)
from municipium.cases.services import case_note, case_open
from municipium.organisation.tests.factories import staff_user, unit

from .conftest import at

pytestmark = pytest.mark.django_db


def cases_in(org):
    return {
        name: case_open(
            municipality=org.municipality, kind="test_request", unit=target, title=name,
            by=None, language="tr", filed_at=at(2026, 3, 2, 10, 0),
        )
        for name, target in (("tree", org.trees), ("light", org.lights), ("park", org.parks))
    }  # fmt: skip


def titles(org, user, municipality=None):
    found = case_list_for_user(municipality=municipality or org.municipality, user=user)
    return sorted(case.title for case in found)


def test_a_clerk_sees_the_cases_of_their_unit_only(org):
    cases_in(org)
    assert titles(org, org.clerk) == ["tree"]
    assert titles(org, org.sibling) == ["light"]


def test_a_manager_sees_their_unit_and_the_units_below(org):
    cases_in(org)
    assert titles(org, org.manager) == ["light", "park", "tree"]


def test_the_call_centre_and_the_mayors_office_see_every_case(org):
    cases_in(org)
    assert titles(org, org.operator) == ["light", "park", "tree"]
    assert titles(org, org.chief) == ["light", "park", "tree"]


def test_nobody_sees_another_municipalitys_cases(org, sisli):
    cases_in(org)
    their_operator = staff_user(
        sisli, "their-operator", unit=unit(sisli, "153", kind="call_centre")
    )
    assert titles(org, their_operator) == []
    # Nor by naming this municipality: their operator does not work here.
    assert titles(org, their_operator, municipality=org.municipality) == []
    outsider = get_user_model().objects.create_user("nobody", password="x")
    assert titles(org, outsider) == []


def test_the_resident_needs_both_the_reference_and_the_token(org, sisli):
    case = cases_in(org)["tree"]
    found = case_get_for_resident(
        municipality=org.municipality, reference=case.reference, token=case.tracking_token
    )
    assert found == case
    assert (
        case_get_for_resident(
            municipality=org.municipality, reference=case.reference, token="guess"
        )
        is None
    )
    assert (
        case_get_for_resident(
            municipality=sisli, reference=case.reference, token=case.tracking_token
        )
        is None
    )


def test_the_resident_reads_only_the_public_timeline(org):
    case = cases_in(org)["tree"]
    case_note(case=case, by=org.clerk, body="internal")
    case_note(case=case, by=org.clerk, body="for the resident", public=True)
    public = [entry.body or entry.kind for entry in entry_list(case=case, public_only=True)]
    assert public == ["opened", "for the resident"]
    assert len(entry_list(case=case, public_only=False)) == 3


def test_a_director_over_every_unit_is_filtered_by_the_municipality_alone(bornova, sisli):
    """No list of every unit's id: the planner keeps the municipality's indexes (the board's
    range of deadlines)."""
    top = unit(bornova, "top")
    roads = unit(bornova, "roads", parent=top)
    director = staff_user(bornova, "director", unit=top, role="director")
    assert case_visibility(municipality=bornova, user=director) == Q(municipality=bornova)
    unit(bornova, "elsewhere")  # a unit outside the director's tree: the list comes back
    visible = case_visibility(municipality=bornova, user=director)
    assert visible != Q(municipality=bornova)
    assert ("unit_id__in", {top.pk, roads.pk}) in visible.children
