"""An event's page is a step below its programme, in its breadcrumbs (Home › Programme ›
Event) and in their schema.org BreadcrumbList, in every language of the site; the programme's
date filter writes its example in the page's digits."""

import json
import re
from urllib.parse import unquote

import pytest
from django.utils import translation
from django.utils.translation import gettext

from .programme_world import BORNOVA, BUMEHEN, SLUGS, Programme
from .test_programme_http import get, soon

pytestmark = pytest.mark.django_db


@pytest.fixture
def turkish(municipality_factory):
    return Programme(municipality_factory(**BORNOVA))


@pytest.fixture
def persian(municipality_factory):
    return Programme(municipality_factory(**BUMEHEN))


TITLES = {"tr": "Şiir akşamı", "en": "Poetry night", "fa": "شب شعر"}


def _breadcrumbs(html: str) -> list[tuple[str, str | None]]:
    """Each step of the page's breadcrumbs: (its text, its link, unquoted, or None for the
    current page)."""
    nav = re.search(r'<nav class="breadcrumbs[^>]*>(.*?)</nav>', html, re.S)[1]
    steps = []
    for item in re.findall(r"<li[^>]*>(.*?)</li>", nav, re.S):
        link = re.search(r'href="([^"]+)"', item)
        steps.append((re.sub(r"<[^>]+>", "", item).strip(), unquote(link[1]) if link else None))
    return steps


def _breadcrumb_list(html: str) -> list[dict]:
    for block in re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S):
        data = json.loads(block)
        if data.get("@type") == "BreadcrumbList":
            return data["itemListElement"]
    raise AssertionError("no BreadcrumbList")


@pytest.mark.parametrize(("site", "languages"), [("turkish", ["tr", "en"]), ("persian", ["fa"])])
def test_an_events_breadcrumbs_go_home_then_programme_then_the_event(
    client, request, site, languages
):
    world = request.getfixturevalue(site)
    titles = {language: TITLES[language] for language in world.municipality.languages}
    made = world.event(starts_at=soon(), titles=titles)
    for language in languages:
        response = get(client, world, world.event_url(made, language))
        assert response.status_code == 200
        html = response.content.decode()
        programme = world.url(language)
        with translation.override(language):
            home = gettext("Home")
        assert _breadcrumbs(html) == [
            (home, f"/{language}/"),
            (f"Programme ({language})", programme),
            (TITLES[language], None),
        ]
        assert 'aria-current="page">' + TITLES[language] in html
        steps = _breadcrumb_list(html)
        assert [step["position"] for step in steps] == [1, 2, 3]
        assert [step["name"] for step in steps][1:] == [f"Programme ({language})", TITLES[language]]
        assert unquote(steps[1]["item"]) == f"http://{world.host}{programme}"
        assert unquote(steps[2]["item"]) == f"http://{world.host}{world.event_url(made, language)}"


def test_the_programme_page_itself_still_ends_its_breadcrumbs_with_the_programme(client, turkish):
    html = get(client, turkish, turkish.url("tr")).content.decode()
    assert _breadcrumbs(html)[-1] == ("Programme (tr)", None)
    assert len(_breadcrumb_list(html)) == 2


def _placeholders(html: str) -> list[str]:
    return re.findall(r'<input[^>]*name="date_(?:from|to)"[^>]*placeholder="([^"]+)"', html)


def test_the_date_filter_shows_its_example_in_persian_digits_on_a_persian_page(client, persian):
    html = get(client, persian, persian.url("fa")).content.decode()
    assert _placeholders(html) == ["۱۴۰۵/۰۲/۱۰", "۱۴۰۵/۰۲/۱۰"]
    english = get(client, persian, persian.url("en")).content.decode()
    assert _placeholders(english) == ["1405/02/10", "1405/02/10"]


def test_the_date_filter_is_the_browsers_date_picker_on_a_gregorian_site(client, turkish):
    html = get(client, turkish, turkish.url("tr")).content.decode()
    assert re.search(r'<input type="date" name="date_from"', html)
    assert _placeholders(html) == []


def test_the_programme_slugs_cover_the_languages_tested_here():
    assert set(TITLES) <= set(SLUGS)
