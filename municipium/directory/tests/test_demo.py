"""The demo's organisations and directorates: everything seed pages 000 and 002 hold, a call
centre and a mayor's office in each municipality, staff in units, all made once."""

import pytest
from django.core.management import call_command
from wagtail.documents import get_document_model
from wagtail.models import ModelLogEntry

from municipium.directory.models import DirectorateDocument, DirectoratePage, ServiceStandard
from municipium.organisation.models import JobTitle, Membership, Person, Position, Unit
from municipium.organisation.selectors import unit_list_for_user
from municipium.tenancy.models import Municipality

pytestmark = pytest.mark.django_db

MODELS = (
    Person, Unit, Position, JobTitle, Membership, ServiceStandard, DirectorateDocument,
    get_document_model(), ModelLogEntry,
)  # fmt: skip


def counts():
    return {model.__name__: model.objects.count() for model in MODELS}


def test_the_demo_directorates_are_complete_and_made_once(client):
    call_command("demo", stdout=open("/dev/null", "w"))  # noqa: SIM115
    before = counts()
    call_command("demo", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert counts() == before

    office = DirectoratePage.objects.get(slug="ozel-kalem", locale__language_code="tr")
    assert (office.founded_on.isoformat(), office.founding_decision_number) == ("2012-03-09", "82")
    assert office.reports_to_text == "Belediye Başkanı"
    assert office.regulation_document is not None
    assert 3 <= office.unit.children.count() <= 6
    standards = list(office.service_standards.all())
    assert {row.duration_unit for row in standards} >= {"immediately", "working_days", "minutes"}
    assert any(row.duration_text for row in standards)
    assert office.first_place_name and office.second_place_name and office.first_place_fax

    culture = DirectoratePage.objects.get(slug="kultur-ve-sosyal-isler", locale__language_code="en")
    assert any(block.value["items"] for block in culture.activity_areas)
    assert 3 <= culture.unit.children.count() <= 6 and culture.documents.count() == 2
    assert culture.unit.positions.filter(is_head=True).count() == 1
    turkish = DirectoratePage.objects.get(slug="kultur-ve-sosyal-isler", locale__language_code="tr")
    assert turkish.unit_id == culture.unit_id  # one organisation for both languages

    for municipality in Municipality.objects.all():
        kinds = set(municipality.units.values_list("kind", flat=True))
        assert {Unit.Kind.CALL_CENTRE, Unit.Kind.MAYORS_OFFICE} <= kinds, municipality.slug
        assert Membership.objects.filter(unit__municipality=municipality).exists()
    clerk = Membership.objects.get(user__username="clerk-bornova")
    bornova = clerk.unit.municipality
    assert list(unit_list_for_user(municipality=bornova, user=clerk.user)) == [clerk.unit]
    director = Membership.objects.get(user__username="director-bornova").user
    assert unit_list_for_user(municipality=bornova, user=director).count() >= 6

    html = client.get("/en/directorates/ozel-kalem/", HTTP_HOST="sisli.localhost").content.decode()
    assert "Appointment with the Mayor" in html and "Protocol and Ceremonies Unit" in html
    pdf = client.get(
        "/tr/mudurlukler/ozel-kalem/service-standards/pdf/", HTTP_HOST="sisli.localhost"
    )
    assert pdf.status_code == 200 and pdf.content.startswith(b"%PDF")


def test_the_directory_lives_at_an_address_in_the_sites_language_and_the_old_one_redirects(
    client,
):
    """/tr/mudurlukler/, /fa/ادارات/, a culture centre's /pl/dzialy/ and /en/sections/; the
    English addresses the demo used before lead there, subpages too, on a second run as well."""
    for _ in range(2):
        call_command("demo", stdout=open("/dev/null", "w"))  # noqa: SIM115
    for host, old, new in (
        ("sisli", "/tr/directorates/ozel-kalem/", "/tr/mudurlukler/ozel-kalem/"),
        ("bumehen", "/fa/directorates/", "/fa/%D8%A7%D8%AF%D8%A7%D8%B1%D8%A7%D8%AA/"),
        ("rudziniec", "/pl/directorates/dzial-programowy/", "/pl/dzialy/dzial-programowy/"),
        ("rudziniec", "/en/directorates/", "/en/sections/"),
    ):
        assert client.get(new, HTTP_HOST=f"{host}.localhost").status_code == 200, new
        response = client.get(old, HTTP_HOST=f"{host}.localhost")
        assert (response.status_code, response["Location"]) == (301, new), old
    html = client.get("/en/sections/", HTTP_HOST="rudziniec.localhost").content.decode()
    assert "<h1>Sections</h1>" in html or ">Sections<" in html
    assert ">Directorates<" not in html
