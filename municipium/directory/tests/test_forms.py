"""The directorate page's editor form: the unit and the superior directorate to choose from."""

import pytest
from django.contrib.auth import get_user_model

from municipium.directory.models import DirectoratePage
from municipium.organisation.tests.factories import unit

from .factories import directorate

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_user():
    return get_user_model().objects.create_superuser("boss", "boss@example.org", "x")


def page_form(page, admin_user, data=None, parent=None):
    form_class = DirectoratePage.get_edit_handler().get_form_class()
    return form_class(
        data, instance=page, parent_page=parent or page.get_parent(), for_user=admin_user
    )


def test_editors_choose_only_among_their_municipalitys_units(bornova, sisli, culture, admin_user):
    mine = unit(bornova, "kultur", kind="directorate")
    unit(sisli, "ozel-kalem", kind="directorate")
    assert list(page_form(culture, admin_user).fields["unit"].queryset) == [mine]


def test_a_new_page_offers_the_units_of_its_parents_municipality(bornova, sisli, admin_user):
    mine = unit(bornova, "kultur", kind="directorate")
    unit(sisli, "ozel-kalem", kind="directorate")
    form = page_form(DirectoratePage(), admin_user, parent=bornova.index)
    assert list(form.fields["unit"].queryset) == [mine]


def test_it_reports_to_a_directorate_of_its_own_site(bornova, sisli, culture, admin_user):
    elsewhere = directorate(sisli.index, slug="ozel-kalem", title="Özel Kalem")
    parks = directorate(bornova.index, slug="park", title="Park")
    field = page_form(culture, admin_user).fields["reports_to_page"]
    assert list(field.queryset) == [parks]  # neither another site's nor the page itself
    assert elsewhere.pk != parks.pk
