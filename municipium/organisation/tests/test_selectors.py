"""Which units a member of staff may see and act in: the one answer every back-office list,
export and API starts from."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.utils import translation

from municipium.organisation.selectors import (
    membership_list_for_user,
    municipality_list_administered_by,
    unit_ids_for_user,
    unit_list_for_staff,
    unit_list_for_user,
)

from .factories import staff_user, unit

pytestmark = pytest.mark.django_db


@pytest.fixture
def tree(bornova, sisli):
    """Bornova: culture (events, courses > science) and parks; Şişli: its private office."""
    culture = unit(bornova, "kultur", kind="directorate")
    units = {
        "culture": culture,
        "events": unit(bornova, "etkinlik", parent=culture),
        "courses": unit(bornova, "kurs", parent=culture),
        "parks": unit(bornova, "park", kind="directorate"),
        "office": unit(sisli, "ozel-kalem", kind="directorate"),
    }
    units["science"] = unit(bornova, "bilim", parent=units["courses"])
    return units


def codes(units):
    return sorted(unit.code for unit in units)


def test_a_clerk_acts_in_their_unit_only_not_in_a_sibling_nor_below(bornova, tree):
    clerk = staff_user(bornova, "clerk", unit=tree["courses"], role="clerk")
    assert codes(unit_list_for_user(municipality=bornova, user=clerk)) == ["kurs"]


def test_a_manager_sees_the_unit_and_every_unit_below_it(bornova, tree):
    manager = staff_user(bornova, "manager", unit=tree["courses"], role="manager")
    assert codes(unit_list_for_user(municipality=bornova, user=manager)) == ["bilim", "kurs"]
    director = staff_user(bornova, "director", unit=tree["culture"], role="director")
    assert codes(unit_list_for_user(municipality=bornova, user=director)) == [
        "bilim", "etkinlik", "kultur", "kurs",
    ]  # fmt: skip


def test_memberships_in_two_units_add_up(bornova, tree):
    clerk = staff_user(bornova, "clerk", unit=tree["events"])
    from municipium.organisation.services import membership_ensure

    membership_ensure(user=clerk, unit=tree["parks"], role="clerk", by=None)
    assert codes(unit_list_for_user(municipality=bornova, user=clerk)) == ["etkinlik", "park"]


def test_nobody_sees_another_municipalitys_units(bornova, sisli, tree):
    director = staff_user(bornova, "director", unit=tree["culture"], role="director")
    assert unit_ids_for_user(municipality=sisli, user=director) == set()
    assert tree["office"] not in unit_list_for_staff(user=director)
    administrator = staff_user(bornova, "admin-bornova", administrator=True)
    assert codes(unit_list_for_user(municipality=bornova, user=administrator)) == [
        "bilim", "etkinlik", "kultur", "kurs", "park",
    ]  # fmt: skip
    assert unit_ids_for_user(municipality=sisli, user=administrator) == set()
    assert list(municipality_list_administered_by(user=administrator)) == [bornova]


def test_staff_without_a_membership_and_anonymous_users_see_no_unit(bornova, tree):
    assert unit_ids_for_user(municipality=bornova, user=AnonymousUser()) == set()
    assert unit_ids_for_user(municipality=bornova, user=staff_user(bornova, "idle")) == set()
    assert unit_ids_for_user(municipality=None, user=staff_user(bornova, "other")) == set()


def test_a_superuser_sees_every_unit(bornova, sisli, tree, django_user_model):
    boss = django_user_model.objects.create_superuser("boss", "b@example.org", "x")
    assert len(unit_ids_for_user(municipality=bornova, user=boss)) == 5
    assert len(unit_ids_for_user(municipality=sisli, user=boss)) == 1


def test_administrators_see_only_their_municipalitys_memberships(bornova, sisli, tree):
    staff_user(bornova, "clerk-bornova", unit=tree["events"])
    staff_user(sisli, "clerk-sisli", unit=tree["office"])
    administrator = staff_user(bornova, "admin-bornova", administrator=True)
    found = [m.user.username for m in membership_list_for_user(user=administrator)]
    assert found == ["clerk-bornova"]
    clerk = staff_user(bornova, "plain", unit=tree["parks"])
    assert not membership_list_for_user(user=clerk).exists()


def test_the_answer_takes_a_fixed_number_of_queries(bornova, tree, django_assert_num_queries):
    director = staff_user(bornova, "director", unit=tree["culture"], role="director")
    director = type(director).objects.get(pk=director.pk)  # no cached permissions
    with django_assert_num_queries(4):
        unit_ids_for_user(municipality=bornova, user=director)
    for n in range(10):
        unit(bornova, f"ek-{n}", parent=tree["science"])
    director = type(director).objects.get(pk=director.pk)
    with django_assert_num_queries(4):
        assert len(unit_ids_for_user(municipality=bornova, user=director)) == 14


def test_the_audit_log_offers_the_units_a_user_acts_in(bornova, tree):
    from municipium.core.audit import unit_choices

    manager = staff_user(bornova, "manager", unit=tree["courses"], role="manager")
    with translation.override("en"):
        labels = [label for _pk, label in unit_choices(user=manager, municipalities=[bornova])]
    assert sorted(labels) == ["bilim (en)", "kurs (en)"]  # in the active language
