"""The partners' directory: the municipality's public partners grouped by kind, each with its
description in the page's language and its anchor, and ``partner_url`` for others to link."""

import pytest

from municipium.core.pages import page_ensure
from municipium.culture.models import Partner, PartnersPage
from municipium.culture.selectors import partner_url
from municipium.culture.tests.factories import partner

pytestmark = pytest.mark.django_db
HOST = "bornova.localhost"


def partners_page_create(municipality, language="tr", slug="paydaslar"):
    return page_ensure(
        parent=municipality.homes[language], page_class=PartnersPage, slug=slug,
        language=language, title=f"Partners {language}",
    )  # fmt: skip


@pytest.fixture
def bornova(municipality_factory):
    return municipality_factory(slug="bornova", names={"tr": "Bornova Belediyesi"})


def test_the_directory_groups_public_partners_by_kind_in_the_pages_language(client, bornova):
    partners_page_create(bornova)
    partners_page_create(bornova, "en", "partners")
    partner(bornova, "Ege Üniversitesi", texts={"tr": "Sözlü tarih", "en": "Oral history"})
    partner(bornova, "Dokuz Eylül Üniversitesi")
    partner(bornova, "Bornova Kent Konseyi", kind=Partner.Kind.ASSOCIATION)
    partner(bornova, "Gizli Vakıf", kind=Partner.Kind.ASSOCIATION, is_public=False)
    html = client.get("/tr/paydaslar/", HTTP_HOST=HOST).content.decode()
    university = html.index('id="kind-university"')
    association = html.index('id="kind-association"')
    assert university < html.index("Dokuz Eylül") < html.index("Ege Üniversitesi") < association
    assert association < html.index("Bornova Kent Konseyi")
    assert "Sözlü tarih" in html and "Oral history" not in html
    assert "Gizli Vakıf" not in html
    english = client.get("/en/partners/", HTTP_HOST=HOST).content.decode()
    assert "Oral history" in english


def test_each_partner_has_its_anchor(client, bornova):
    partners_page_create(bornova)
    made = partner(bornova, "Ege Üniversitesi")
    html = client.get("/tr/paydaslar/", HTTP_HOST=HOST).content.decode()
    assert f'id="partner-{made.pk}"' in html


def test_another_municipalitys_partners_are_not_in_the_directory(
    client, bornova, municipality_factory
):
    partners_page_create(bornova)
    other = municipality_factory(slug="karsiyaka")
    partner(other, "Karşıyaka Derneği", kind=Partner.Kind.ASSOCIATION)
    assert "Karşıyaka" not in client.get("/tr/paydaslar/", HTTP_HOST=HOST).content.decode()


def test_partner_url_is_the_directory_in_the_language_with_the_anchor(bornova):
    partners_page_create(bornova)
    made = partner(bornova, "Ege Üniversitesi")
    assert partner_url(partner=made, language="tr", site=bornova.site) == (
        f"/tr/paydaslar/#partner-{made.pk}"
    )
    assert partner_url(partner=made, language="en", site=bornova.site) == ""  # no page in en
    hidden = partner(bornova, "Gizli", is_public=False)
    assert partner_url(partner=hidden, language="tr", site=bornova.site) == ""
