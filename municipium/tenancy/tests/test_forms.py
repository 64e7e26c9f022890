import pytest
from django.contrib.auth import get_user_model

from municipium.tenancy.forms import MunicipalityOwnedForm
from municipium.tenancy.models import PublicHoliday
from municipium.tenancy.tests.factories import staff_create

pytestmark = pytest.mark.django_db


class HolidayForm(MunicipalityOwnedForm):
    class Meta:
        model = PublicHoliday
        fields = ["municipality", "date", "name"]


def test_a_new_rows_choosers_offer_the_municipalities_the_user_works_for(municipality_factory):
    bornova = municipality_factory(slug="bornova")
    municipality_factory(slug="sisli")
    form = HolidayForm(for_user=staff_create("editor", bornova))
    assert form.chooser_municipalities() == [bornova.pk]
    assert not form.fields["municipality"].disabled
    assert HolidayForm().chooser_municipalities() == []


def test_a_saved_rows_choosers_offer_its_municipality_alone_which_is_then_fixed(
    municipality_factory,
):
    bornova = municipality_factory(slug="bornova")
    municipality_factory(slug="sisli")
    admin = get_user_model().objects.create_superuser("admin", "a@example.org", "x")
    holiday = PublicHoliday.objects.create(municipality=bornova, date="2026-05-19", name="Bayram")
    form = HolidayForm(instance=holiday, for_user=admin)
    assert form.chooser_municipalities() == [bornova.pk]
    assert form.fields["municipality"].disabled
