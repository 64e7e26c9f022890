"""The admin speaks the editor's language: Wagtail's own strings too, and nothing looks broken.

Wagtail's shipped Persian, Turkish and Polish catalogues leave hundreds of its strings in English;
municipium/wagtail_locale completes them (see municipium.core.wagtail_i18n).
"""

import gettext
import json
import re
import shutil
import subprocess

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse
from django.utils import translation
from wagtail.users.models import UserProfile

from municipium.core.wagtail_i18n import WAGTAIL_LOCALE_DIR, untranslated_messages

LANGUAGES = ["fa", "tr", "pl"]


@pytest.fixture
def admin_user_in(db, client, municipality_factory):
    """Log in a superuser whose admin language is ``language``, on a municipality's host."""
    municipality_factory(slug="bumehen")
    client.defaults["HTTP_HOST"] = "bumehen.localhost"

    def login(language):
        user = get_user_model().objects.create_superuser(f"admin-{language}", password="x")
        user.email = f"admin-{language}@example.org"
        user.save()
        profile = UserProfile.get_for_user(user)
        profile.preferred_language = language
        profile.save()
        client.force_login(user)
        return user

    return login


def _sidebar_labels(html):
    """The labels of the admin's sidebar, which Wagtail renders from JSON in the page."""
    props = re.search(r'<script id="wagtail-sidebar-props"[^>]*>(.*?)</script>', html, re.S)
    labels = []

    def walk(node):
        if isinstance(node, dict):
            for key, value in node.items():
                if key in ("label", "placeholder") and isinstance(value, str):
                    labels.append(value)
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    walk(json.loads(props[1]))
    return labels


def test_persian_dashboard_search_is_in_persian(client, admin_user_in):
    admin_user_in("fa")
    html = client.get("/admin/").content.decode()
    assert 'lang="fa" dir="rtl"' in html
    assert "Search all pages…" not in html
    assert 'placeholder="جستجو در همهٔ صفحه‌ها…"' in html


def test_persian_sidebar_has_no_english_label(client, admin_user_in):
    admin_user_in("fa")
    labels = _sidebar_labels(client.get("/admin/").content.decode())
    for label in ("صفحه‌ها", "تصاویر", "اسناد", "راهنما", "میان‌برها", "وظایف گردش کار"):
        assert label in labels
    english = [label for label in labels if re.fullmatch(r"[A-Za-z ]+", label)]
    assert not english  # was: Help, Shortcuts, Locked pages, Workflows, Locales...


def test_persian_page_explorer_says_exploring_in_persian(client, admin_user_in):
    from wagtail.models import Page

    admin_user_in("fa")
    root = Page.get_first_root_node()
    html = client.get(reverse("wagtailadmin_explore", args=[root.pk])).content.decode()
    assert "Exploring" not in html
    assert "در حال مرور" in html


def test_persian_javascript_catalogue_translates_collapse_all(client, admin_user_in):
    admin_user_in("fa")
    script = client.get("/admin/jsi18n/").content.decode()
    catalogue = json.loads(re.search(r"const newcatalog = (\{.*?\});\n", script, re.S)[1])
    assert catalogue["Collapse all"] == "بستن همه"
    assert catalogue["Expand all"] == "باز کردن همه"


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("domain", ["django", "djangojs"])
def test_every_wagtail_string_is_translated(language, domain):
    """Wagtail's own catalogue or ours translates every string of Wagtail's English catalogues.

    After a Wagtail upgrade this fails with the new strings: run
    ``python scripts/wagtail_messages.py --update``, translate them, ``make wagtail-messages``."""
    missing = untranslated_messages(language=language, domain=domain)
    assert not missing, f"{len(missing)} Wagtail strings untranslated in {language}: " + ", ".join(
        repr(message.id) for message in missing[:40]
    )


@pytest.mark.skipif(not shutil.which("msgfmt"), reason="needs GNU gettext's msgfmt")
@pytest.mark.parametrize("po_path", sorted(WAGTAIL_LOCALE_DIR.glob("*/LC_MESSAGES/*.po")), ids=str)
def test_wagtail_catalogue_keeps_placeholders_and_is_compiled(po_path, tmp_path):
    """msgfmt --check verifies every placeholder and plural form; the committed .mo matches."""
    fresh = tmp_path / "fresh.mo"
    result = subprocess.run(
        ["msgfmt", "--check", "-o", str(fresh), str(po_path)], capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr
    with fresh.open("rb") as compiled, po_path.with_suffix(".mo").open("rb") as committed:
        assert gettext.GNUTranslations(compiled)._catalog == (
            gettext.GNUTranslations(committed)._catalog
        )


@pytest.mark.parametrize("language", LANGUAGES)
def test_admin_sends_no_one_to_gravatar(client, admin_user_in, language):
    admin_user_in(language)
    for path in ("/admin/", reverse("wagtailadmin_account"), reverse("wagtailusers_users:index")):
        html = client.get(path).content.decode()
        assert "gravatar" not in html
        assert "/static/wagtailadmin/images/default-user-avatar" in html


@pytest.mark.parametrize(("language", "shown"), [("fa", False), ("tr", False), ("en", True)])
def test_wagtail_guide_links_only_in_an_english_admin(client, admin_user_in, language, shown):
    """Wagtail's 'What's new' and 'Editor Guide' lead to guide.wagtail.org/en/, English only."""
    admin_user_in(language)
    html = client.get("/admin/").content.decode()
    assert ("guide.wagtail.org" in html) is shown


def test_whats_new_banner_is_not_shown(client, admin_user_in):
    """Wagtail's 'Things in Wagtail 8.0 have changed!' banner sends editors to the English guide:
    it stays off (WAGTAIL_ENABLE_WHATS_NEW_BANNER), whatever a Wagtail release decides."""
    admin_user_in("fa")
    html = client.get("/admin/").content.decode()
    assert "w-whats-new" not in html


def test_a_yes_or_no_cell_reads_as_words_in_the_admin_language():
    from municipium.core.templatetags.municipium import staff_cell

    with translation.override("fa"):
        assert (staff_cell(True), staff_cell(False)) == ("بله", "خیر")
    with translation.override("pl"):
        assert (staff_cell(True), staff_cell(False)) == ("Tak", "Nie")


def _our_listing_urls():
    from wagtail.admin.viewsets import viewsets
    from wagtail.admin.viewsets.model import ModelViewSet

    for viewset in viewsets.viewsets:
        if isinstance(viewset, ModelViewSet) and viewset.model.__module__.startswith("municipium."):
            yield reverse(viewset.get_url_name("index"))


@pytest.mark.parametrize("language", ["fa", "tr", "en"])
def test_no_admin_listing_of_ours_shows_true_or_false(client, admin_user_in, language):
    import datetime

    from municipium.organisation.tests.factories import unit
    from municipium.tenancy.models import Municipality, PublicHoliday

    municipality = Municipality.objects.get()
    PublicHoliday.objects.create(
        municipality=municipality, date=datetime.date(2027, 3, 20), name="Nowruz",
        is_half_day=True, is_estimate=False,
    )  # fmt: skip
    unit(municipality, "culture")
    admin_user_in(language)
    urls = list(_our_listing_urls())
    assert "/admin/holidays/" in urls and "/admin/units/" in urls
    for url in urls:
        html = client.get(url).content.decode()
        text = re.sub(r"<[^>]+>", " ", re.sub(r"<script.*?</script>", "", html, flags=re.S))
        assert not re.search(r"\b(True|False|None)\b", text), url
    if language == "fa":  # the icons' words, read by screen readers
        holidays = client.get("/admin/holidays/").content.decode()
        assert re.search(r'icon-check[^>]*>.*?</svg><span class="w-sr-only">\s*بله', holidays)
        assert re.search(r'icon-cross[^>]*>.*?</svg><span class="w-sr-only">\s*خیر', holidays)
