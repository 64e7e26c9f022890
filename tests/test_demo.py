"""The demo: five seed institutions as sites, loaded twice without duplicates."""

import re
from urllib.parse import unquote

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management import call_command
from wagtail.models import GroupPagePermission, ModelLogEntry, Page, Site
from wagtail.users.models import UserProfile

from municipium.tenancy.models import Municipality, MunicipalityName, PublicHoliday

pytestmark = pytest.mark.django_db

SITES = {
    "bornova.localhost": ["tr", "en"],
    "kuzeykent.localhost": ["tr", "en"],
    "sisli.localhost": ["tr", "en"],
    "bumehen.localhost": ["fa", "en"],
    "rudziniec.localhost": ["pl", "en"],
}


def counts():
    return {
        model.__name__: model.objects.count()
        for model in (
            Page, Site, Municipality, MunicipalityName, PublicHoliday, Group,
            GroupPagePermission, get_user_model(), ModelLogEntry,
        )
    }  # fmt: skip


def load_demo():
    call_command("demo", stdout=open("/dev/null", "w"))  # noqa: SIM115


def test_the_demo_loads_twice_without_duplicates_and_every_site_answers(client):
    """One load serves several checks: the demo takes seconds to build."""
    load_demo()
    before = counts()
    load_demo()
    assert counts() == before  # nor a second audit entry: nothing changed
    assert before["Municipality"] == 5
    seeded = ModelLogEntry.objects.filter(action="tenancy.public_holiday.seed")
    assert seeded.count() == 5 and all(entry.user is None for entry in seeded)
    for host, languages in SITES.items():
        for language in languages:
            response = client.get(f"/{language}/", HTTP_HOST=f"{host}:8000")
            assert response.status_code == 200, (host, language)
            html = response.content.decode()
            assert f'<html lang="{language}"' in html
            assert 'class="card' in html  # highlights, news or directorates, no placeholder
    memorandum = client.get(
        "/fa/اخبار/tafahomnameh-amoozesh-parvaresh/", HTTP_HOST="bumehen.localhost"
    )
    assert "۱۷ دی ۱۴۰۱" in memorandum.content.decode()
    for municipality in Municipality.objects.all():
        assert municipality.email.endswith(".example.org")  # invented contacts only


def test_each_demo_site_has_an_editor_who_sees_only_that_site():
    load_demo()
    editor = get_user_model().objects.get(username="editor-bornova")
    bornova_pages = Site.objects.get(hostname="bornova.localhost").root_page.get_descendants(
        inclusive=True
    )
    sisli_home = Site.objects.get(hostname="sisli.localhost").root_page
    assert all(page.permissions_for_user(editor).can_edit() for page in bornova_pages)
    assert not sisli_home.permissions_for_user(editor).can_edit()
    assert Municipality.objects.get(slug="bornova").staff_groups.filter(user=editor).exists()
    # Each municipality's pages hang under a branch of its own, which the editors' rights are
    # given on, so that their explorer opens there and never at Wagtail's root.
    bornova_branch = bornova_pages.first().get_parent()
    assert bornova_branch.depth == 2 and bornova_branch.specific_class.__name__ == (
        "MunicipalityRootPage"
    )
    assert {p.page_id for p in GroupPagePermission.objects.filter(group__user=editor)} == {
        bornova_branch.pk
    }
    assert Page.objects.filter(depth=2).count() == 5
    # Each editor types and reads date-times in their municipality's time zone.
    bumehen_editor = get_user_model().objects.get(username="editor-bumehen")
    assert UserProfile.get_for_user(bumehen_editor).current_time_zone == "Asia/Tehran"


def _text(response) -> str:
    return re.sub(r"<[^>]+>", "", response.content.decode())  # without the <mark> highlights


def test_the_demo_is_searchable_in_each_language(client):
    load_demo()
    turkish = client.get("/tr/search/", {"q": "KÜLTÜR"}, HTTP_HOST="bornova.localhost")
    assert "Kültür ve Sosyal İşler Müdürlüğü" in _text(turkish)
    persian = client.get("/fa/search/", {"q": "برنامه‌های"}, HTTP_HOST="bumehen.localhost")
    assert "تفاهم‌نامه همکاری" in _text(persian)


def test_no_demo_page_shows_a_raw_value_an_empty_section_or_a_dead_card(client):
    """Every live page of every site, as a resident reads it: no raw Python value where a
    block or a field was not rendered, no heading with nothing under it, and every card on a
    home page leads somewhere (all of the demo's cards have a page to lead to)."""
    from municipium.portal.models import HomePage

    from .page_checks import page_problems

    load_demo()
    problems, visited = {}, 0
    for site in Site.objects.filter(municipality__isnull=False):
        homes = HomePage.objects.filter(translation_key=site.root_page.translation_key)
        for home in homes:
            for page in Page.objects.live().descendant_of(home, inclusive=True).specific():
                url = page.get_url()
                response = client.get(url, HTTP_HOST=site.hostname)
                assert response.status_code == 200, url
                visited += 1
                if found := page_problems(response.content.decode()):
                    problems[f"{site.hostname}{url}"] = found
            html = client.get(home.get_url(), HTTP_HOST=site.hostname).content.decode()
            cards = html.count('class="card card--highlight"')
            assert cards == len(home.highlights) == 3, (site.hostname, home.locale)
            # The municipality's emblem, not a letter in a circle.
            assert 'class="site-header__logo"' in html and "site-header__emblem" not in html
    assert problems == {}
    assert visited > 50


# The examples (issue 9), as a resident types them: (host, language, query, a title found).
TYPED = [
    ("rudziniec.localhost", "pl", "kultura", "Gminny Ośrodek Kultury w Rudzińcu"),
    ("rudziniec.localhost", "pl", "sekcja", "Nowe sekcje artystyczne od lutego"),
    ("bornova.localhost", "tr", "atolye", "Yaz atölyelerine kayıtlar başladı"),
    ("bornova.localhost", "tr", "ozturk", "Kültür ve Sosyal İşler Müdürlüğü"),
    ("sisli.localhost", "tr", "sef", "Özel Kalem Müdürlüğü"),
    ("sisli.localhost", "tr", "kimlik belgesi", "Özel Kalem Müdürlüğü"),
    ("sisli.localhost", "tr", "dilekce", "Özel Kalem Müdürlüğü"),
    ("kuzeykent.localhost", "tr", "basin ilan kurumu", "Faaliyet Planı"),
    ("bumehen.localhost", "fa", "کارگروه", "برنامه اجرایی تفاهم‌نامه"),
]


def test_the_demo_finds_words_as_residents_type_them(client):
    load_demo()
    missed = [
        (host, query)
        for host, language, query, title in TYPED
        if title not in _text(client.get(f"/{language}/search/", {"q": query}, HTTP_HOST=host))
    ]
    assert missed == []


# English words an address of a Turkish, Persian or Polish page must not carry.
ENGLISH_SLUG_WORDS = {
    "about",
    "accessibility",
    "contact",
    "declaration",
    "directorates",
    "directory",
    "events",
    "mission",
    "news",
    "plan",
    "plans",
    "programmes",
    "search",
    "sections",
    "services",
}


def test_no_page_of_a_non_english_language_has_an_english_address_and_old_ones_redirect(client):
    load_demo()
    english = [
        page.url_path
        for page in Page.objects.filter(depth__gt=3).exclude(locale__language_code="en")
        if ENGLISH_SLUG_WORDS & set(page.slug.split("-"))
    ]
    assert english == []
    for host, old, new in (
        ("bornova", "/tr/news/", "/tr/haberler/"),
        ("sisli", "/tr/news/muhtarlar-toplantisi/", "/tr/haberler/muhtarlar-toplantisi/"),
        ("bumehen", "/fa/news/", "/fa/اخبار/"),
        ("bumehen", "/fa/اخبار/nowruz-programmes/", "/fa/اخبار/barnameh-nowruz/"),
        ("rudziniec", "/pl/news/przeglad-koled/", "/pl/aktualnosci/przeglad-koled/"),
        ("kuzeykent", "/tr/accessibility/", "/tr/erisilebilirlik/"),
        ("bumehen", "/fa/accessibility/", "/fa/دسترس-پذیری/"),
        ("rudziniec", "/pl/accessibility/", "/pl/deklaracja-dostepnosci/"),
    ):
        assert client.get(new, HTTP_HOST=f"{host}.localhost").status_code == 200, new
        response = client.get(old, HTTP_HOST=f"{host}.localhost")
        assert response.status_code == 301, old
        assert unquote(response["Location"]) == new, old
    english_home = client.get("/en/", HTTP_HOST="rudziniec.localhost").content.decode()
    assert 'href="/en/news/"' in english_home  # English pages keep English addresses
