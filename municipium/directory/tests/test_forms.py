"""The directorate page's editor form: people and units to choose from, and the rules that
span several rows (a tree of units, one head per unit)."""

import datetime

import pytest
from django.contrib.auth import get_user_model
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from municipium.directory.models import DirectoratePage
from municipium.directory.services import directorate_units_set

from .factories import PersonFactory, directorate

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_user():
    return get_user_model().objects.create_superuser("boss", "boss@example.org", "x")


def page_form(page, admin_user, data=None, parent=None):
    form_class = DirectoratePage.get_edit_handler().get_form_class()
    return form_class(
        data, instance=page, parent_page=parent or page.get_parent(), for_user=admin_user
    )


def post_data(page, *, roles=(), units=()):
    return nested_form_data(
        {
            "title": page.title,
            "slug": page.slug,
            "duties": rich_text(""),
            "regulation_text": rich_text(""),
            "activity_areas": streamfield([]),
            "body": streamfield([]),
            "roles": inline_formset(list(roles)),
            "units": inline_formset(list(units), initial=sum(1 for u in units if u.get("id"))),
            "documents": inline_formset([]),
            "service_standards": inline_formset([]),
            "comments": inline_formset([]),
        }
    )


def role(person, unit="", is_head=False, ended_on=""):
    return {
        "person": person.pk, "title": "Müdür", "unit": unit, "is_head": is_head,
        "appointed_on": "", "ended_on": ended_on,
    }  # fmt: skip


def test_editors_choose_only_among_their_municipalitys_people_and_the_pages_units(
    bornova, sisli, culture, admin_user
):
    ours = PersonFactory(municipality=bornova, name="Bornovalı")
    PersonFactory(municipality=sisli, name="Şişlili")
    mine = directorate_units_set(page=culture, units=[("Sergi", None)])["Sergi"]
    other = directorate(bornova.index, slug="park", title="Park")
    directorate_units_set(page=other, units=[("Bakım", None)])
    formset = page_form(culture, admin_user).formsets["roles"]
    for form in [formset.empty_form, *formset.forms]:
        assert list(form.fields["person"].queryset) == [ours]
        assert list(form.fields["unit"].queryset) == [mine]
    new_page = DirectoratePage(title="Yeni")
    new_form = page_form(new_page, admin_user, parent=bornova.index)
    assert list(new_form.formsets["roles"].empty_form.fields["person"].queryset) == [ours]
    assert not new_form.formsets["units"].empty_form.fields["parent"].queryset.exists()


def test_a_person_of_another_municipality_is_refused(bornova, sisli, culture, admin_user):
    stranger = PersonFactory(municipality=sisli)
    form = page_form(culture, admin_user, post_data(culture, roles=[role(stranger)]))
    assert not form.is_valid()
    assert "person" in form.formsets["roles"].forms[0].errors


def test_units_cannot_form_a_loop(culture, admin_user):
    units = directorate_units_set(page=culture, units=[("A", None), ("B", "A")])
    looped = [
        {"id": units["A"].pk, "name": "A", "parent": units["B"].pk},
        {"id": units["B"].pk, "name": "B", "parent": units["A"].pk},
    ]
    form = page_form(culture, admin_user, post_data(culture, units=looped))
    assert not form.is_valid()
    assert "parent" in form.formsets["units"].forms[0].errors
    fine = [{"id": units["A"].pk, "name": "A", "parent": ""}, {**looped[1]}]
    assert page_form(culture, admin_user, post_data(culture, units=fine)).is_valid()


def test_a_unit_has_one_current_head(bornova, culture, admin_user):
    one, two = PersonFactory(municipality=bornova), PersonFactory(municipality=bornova)
    roles = [role(one, is_head=True), role(two, is_head=True)]
    form = page_form(culture, admin_user, post_data(culture, roles=roles))
    assert not form.is_valid()
    assert "is_head" in form.formsets["roles"].forms[1].errors
    past = (datetime.date.today() - datetime.timedelta(days=1)).isoformat()
    roles[0]["ended_on"] = past  # a former director
    assert page_form(culture, admin_user, post_data(culture, roles=roles)).is_valid()


def test_a_role_cannot_stay_in_a_unit_being_removed(bornova, culture, admin_user):
    unit = directorate_units_set(page=culture, units=[("Sergi", None)])["Sergi"]
    person = PersonFactory(municipality=bornova)
    units = [{"id": unit.pk, "name": "Sergi", "parent": "", "DELETE": "on"}]
    form = page_form(
        culture, admin_user, post_data(culture, roles=[role(person, unit=unit.pk)], units=units)
    )
    assert not form.is_valid()
    assert "unit" in form.formsets["roles"].forms[0].errors


def test_it_reports_to_a_directorate_of_its_own_site(bornova, sisli, culture, admin_user):
    elsewhere = directorate(sisli.index, slug="ozel-kalem", title="Özel Kalem")
    parks = directorate(bornova.index, slug="park", title="Park")
    field = page_form(culture, admin_user).fields["reports_to_page"]
    assert list(field.queryset) == [parks]  # neither another site's nor the page itself
    assert elsewhere.pk != parks.pk
