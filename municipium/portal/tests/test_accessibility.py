import datetime

import pytest
from django.contrib.auth import get_user_model
from wagtail.users.models import UserProfile

from municipium.core.pages import page_ensure
from municipium.portal.models import AccessibilityDeclarationPage

pytestmark = pytest.mark.django_db

REQUIRED_IDS = [
    "a11y-wstep", "a11y-podmiot", "a11y-url", "a11y-data-publikacja", "a11y-data-aktualizacja",
    "a11y-status", "a11y-kontakt", "a11y-email", "a11y-telefon", "a11y-procedura",
    "a11y-data-sporzadzenie", "a11y-architektura", "a11y-komunikacja", "a11y-data-przeglad",
    "a11y-ocena",
]  # fmt: skip


def declaration(home, language, **fields):
    defaults = {
        "title": "Deklaracja dostępności", "entity_name": "GOK Rudziniec",
        "published_on": datetime.date(2024, 9, 1), "updated_on": datetime.date(2026, 3, 2),
        "status": "partial", "prepared_on": datetime.date(2024, 9, 1),
        "reviewed_on": datetime.date(2025, 3, 20), "assessment_method": "self",
        "contact_name": "Ewa Kowalska", "contact_email": "gok@example.org",
        "contact_phone": "+48 32 555 05 00",
    }  # fmt: skip
    return page_ensure(
        parent=home, page_class=AccessibilityDeclarationPage, slug="deklaracja",
        language=language, **{**defaults, **fields},
    )  # fmt: skip


@pytest.fixture
def rudziniec(municipality_factory):
    return municipality_factory(slug="rudziniec", country="PL", languages=["pl", "en"])


def test_declaration_has_every_element_id_checkers_look_for(client, rudziniec):
    declaration(rudziniec.homes["pl"], "pl")
    html = client.get("/pl/deklaracja/", HTTP_HOST="rudziniec.localhost").content.decode()
    for element_id in REQUIRED_IDS:
        assert f'id="{element_id}"' in html, element_id
    assert '<time datetime="2026-03-02">2 marca 2026</time>' in html


def test_declaration_reads_in_the_pages_language_with_ids_untranslated(client, rudziniec):
    declaration(rudziniec.homes["en"], "en", title="Accessibility declaration")
    html = client.get("/en/deklaracja/", HTTP_HOST="rudziniec.localhost").content.decode()
    assert "State of digital accessibility" in html
    assert 'id="a11y-status"' in html and "partially compliant" in html


def test_review_is_due_by_31_march_after_the_last_review(rudziniec):
    page = declaration(rudziniec.homes["pl"], "pl", reviewed_on=datetime.date(2025, 6, 1))
    assert page.review_due_on == datetime.date(2026, 3, 31)


def test_staff_see_on_the_dashboard_that_a_review_is_overdue(client, rudziniec):
    declaration(rudziniec.homes["pl"], "pl", reviewed_on=datetime.date(2020, 3, 1))
    admin = get_user_model().objects.create_superuser("admin", "a@example.org", "x")
    profile = UserProfile.get_for_user(admin)
    profile.preferred_language = "en"
    profile.save()
    client.force_login(admin)
    html = client.get("/admin/", HTTP_HOST="rudziniec.localhost").content.decode()
    assert "Accessibility declarations: yearly review" in html
    assert "2021-03-31" in html and "overdue" in html


def test_a_polish_site_shows_the_statutory_complaints_procedure(client, rudziniec):
    declaration(rudziniec.homes["en"], "en", title="Accessibility declaration")
    html = client.get("/en/deklaracja/", HTTP_HOST="rudziniec.localhost").content.decode()
    assert "Rzecznik Praw Obywatelskich" in html
    assert "digital accessibility of public bodies" in html


def test_another_countrys_site_is_not_told_about_polish_law(client, municipality_factory):
    bornova = municipality_factory(slug="bornova", country="TR", languages=["tr", "en"])
    declaration(bornova.homes["en"], "en", title="Accessibility declaration")
    html = client.get("/en/deklaracja/", HTTP_HOST="bornova.localhost").content.decode()
    assert 'id="a11y-procedura"' in html and 'id="a11y-wstep"' in html
    assert "Rzecznik" not in html and "public bodies' websites" not in html
    assert "WCAG" in html and "you may complain to the municipality" in html


def test_a_persian_declaration_shows_the_contact_phone_in_persian_digits(
    client, municipality_factory
):
    bumehen = municipality_factory(slug="bumehen", country="IR", languages=["fa", "en"],
                                   calendar="solar_hijri", time_zone="Asia/Tehran")  # fmt: skip
    declaration(bumehen.homes["fa"], "fa", title="بیانیه دسترس‌پذیری",
                contact_phone="021-5550-0400")  # fmt: skip
    html = client.get("/fa/deklaracja/", HTTP_HOST="bumehen.localhost").content.decode()
    assert 'dir="ltr">۰۲۱-۵۵۵۰-۰۴۰۰</a>' in html


def test_the_demo_declarations_are_complete_in_every_language():
    """The Turkish and Persian declarations had '—' for their architectural and
    communication sections, the English contact role and fewer non-conformities."""
    import re

    from municipium.portal.demo_pages import accessibility_declaration
    from municipium.tenancy.demo import MUNICIPALITIES

    for definition in MUNICIPALITIES:
        english = accessibility_declaration(definition, "en")
        for language in definition.languages:
            fields = accessibility_declaration(definition, language)
            assert fields["architectural_accessibility"].startswith("<p>"), language
            assert fields["communication_accessibility"].startswith("<p>"), language
            assert fields["non_conformities"].count("<li>") == english["non_conformities"].count(
                "<li>"
            )
            if language not in ("en", "pl"):
                assert fields["contact_name"] != english["contact_name"]
            if language == "fa":
                text = fields["architectural_accessibility"] + fields["non_conformities"]
                assert not re.search(r"[0-9](?![^<]*>)", text.replace("PDF", ""))
