"""The home page's quick-access cards lead somewhere: to a live page of the municipality's
own site or to an address; a card with neither is not shown."""

import importlib
import json
import re

import pytest
from django.apps import apps
from django.core.exceptions import ValidationError
from django.utils import translation
from django.utils.html import escape
from wagtail.blocks import StructBlockValidationError

from municipium.core.pages import page_ensure
from municipium.portal.models import HighlightBlock, HomePage, StandardPage

pytestmark = pytest.mark.django_db


@pytest.fixture
def rudziniec(municipality_factory):
    municipality = municipality_factory(slug="rudziniec", country="PL", languages=["pl", "en"])
    municipality.mission = page_ensure(
        parent=municipality.homes["pl"], page_class=StandardPage, slug="misja", language="pl",
        title="Misja",
    )  # fmt: skip
    return municipality


def _cards(home, *cards):
    home.highlights = [("highlight", {"title": "", "text": "", "page": None, "url": "", **card})
                       for card in cards]  # fmt: skip
    home.save()


def _home_html(client, host="rudziniec.localhost", language="pl"):
    return client.get(f"/{language}/", HTTP_HOST=host).content.decode()


def test_a_card_leads_to_its_page_or_its_address(client, rudziniec):
    _cards(
        rudziniec.homes["pl"],
        {"title": "Nasza misja", "page": rudziniec.mission},
        {"title": "Zapisy na zajęcia", "url": "https://forms.example.org/zapisy"},
    )
    html = _home_html(client)
    assert '<a class="card__link" href="/pl/misja/">Nasza misja</a>' in html
    assert '<a class="card__link" href="https://forms.example.org/zapisy">Zapisy' in html


def test_a_card_without_a_target_or_with_an_unpublished_page_is_not_shown(client, rudziniec):
    _cards(
        rudziniec.homes["pl"],
        {"title": "Wypożyczenie sali", "text": "Wkrótce."},
        {"title": "Nasza misja", "page": rudziniec.mission},
    )
    html = _home_html(client)
    assert "Wypożyczenie sali" not in html and "Nasza misja" in html
    rudziniec.mission.unpublish()
    html = _home_html(client)
    assert "Nasza misja" not in html
    assert "Quick links" not in html and "Na skróty" not in html  # no empty section either


def test_a_card_may_not_lead_to_a_page_of_another_municipality(rudziniec, municipality_factory):
    other = municipality_factory(slug="bornova").homes["tr"]
    home = HomePage.objects.get(pk=rudziniec.homes["pl"].pk)
    home.highlights = [("highlight", {"title": "Bornova", "page": other, "url": ""})]
    with pytest.raises(ValidationError) as refused:
        home.full_clean()
    assert "highlights" in refused.value.message_dict
    # The site's pages in its other language are its own.
    english = page_ensure(parent=rudziniec.homes["en"], page_class=StandardPage,
                          slug="mission", language="en", title="Mission")  # fmt: skip
    home.highlights = [("highlight", {"title": "Mission", "page": english, "url": ""})]
    home.full_clean()


def test_a_card_leads_to_a_page_or_an_address_not_both(rudziniec):
    block = HighlightBlock()
    value = block.to_python({"title": "Misja", "text": "", "page": rudziniec.mission.pk,
                             "url": "https://example.org/"})  # fmt: skip
    with pytest.raises(StructBlockValidationError):
        block.clean(value)


def test_the_data_migration_links_existing_cards_to_the_page_whose_title_they_carry(rudziniec):
    migration = importlib.import_module("municipium.portal.migrations.0007_highlight_targets")
    home = rudziniec.homes["pl"]
    _cards(home, {"title": "Nasza misja", "text": "Cztery obszary."},
           {"title": "Wypożyczenie sali"})  # fmt: skip
    home.save_revision()
    migration.link_cards(apps, None)
    home = HomePage.objects.get(pk=home.pk)
    pages = [block.value["page"] for block in home.highlights]
    assert pages[0].pk == rudziniec.mission.pk and pages[1] is None
    revision_home = home.get_latest_revision_as_object()
    assert revision_home.highlights[0].value["page"].pk == rudziniec.mission.pk


def test_the_editor_is_told_that_a_card_without_a_target_is_not_shown(client, rudziniec):
    from django.contrib.auth import get_user_model

    admin = get_user_model().objects.create_superuser("boss", "boss@example.org", "x")
    client.force_login(admin)
    home = rudziniec.homes["pl"]
    response = client.get(f"/admin/pages/{home.pk}/edit/", HTTP_HOST="rudziniec.localhost")
    assert response.status_code == 200
    html = response.content.decode()
    language = re.search(r'<html lang="([^"]+)"', html)[1]  # the admin's language
    with translation.override(language):
        told = str(HighlightBlock().meta.help_text)
    # In the block's definition, as HTML or as the JSON the editor's script reads.
    assert any(form in html for form in (escape(told), json.dumps(told)[1:-1], told))
