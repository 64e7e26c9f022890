"""What a page, a person or a municipality's settings choose belongs to its own municipality.

An editor of Bornova is not offered Şişli's document, image, page, unit, venue, partner or
consent in an edit view's choices; one who posts its id anyway (whatever the chooser widget
offered) gets a form error in their language and nothing is saved. Every field that can
choose such an object is found by walking the models (fields, inline panels' rows,
StreamField blocks, rich text), so a field added tomorrow fails
``test_every_field_that_chooses_an_object_is_tried`` until it is tried here."""

import datetime
import json
from types import SimpleNamespace

import pytest
from django import forms
from django.apps import apps
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.core.files.base import ContentFile
from django.utils import translation
from django.utils.html import escape
from django.utils.translation import ngettext
from modelcluster.models import get_all_child_relations
from wagtail import blocks
from wagtail.documents import get_document_model
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.documents.models import AbstractDocument
from wagtail.fields import RichTextField, StreamField
from wagtail.images import get_image_model
from wagtail.images.blocks import ImageChooserBlock
from wagtail.images.models import AbstractImage
from wagtail.images.tests.utils import get_test_image_file
from wagtail.models import GroupCollectionPermission, GroupPagePermission, Page
from wagtail.snippets.blocks import SnippetChooserBlock
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield
from wagtail.users.models import UserProfile

from municipium.archive.models import ArchiveIndexPage, ArchiveItemPage, ExhibitionPage
from municipium.archive.tests.factories import consent_create
from municipium.core.pages import page_ensure
from municipium.culture.tests.factories import partner, venue
from municipium.directory.models import DirectoratePage, DirectoryIndexPage
from municipium.events.tests.factories import event
from municipium.news.models import NewsArticlePage, NewsIndexPage
from municipium.organisation.models import Person, Unit
from municipium.organisation.services import membership_ensure
from municipium.portal.models import AccessibilityDeclarationPage, HomePage, PlanPage, StandardPage
from municipium.tenancy.forms import MunicipalPageForm
from municipium.tenancy.models import Municipality

pytestmark = pytest.mark.django_db

HOST = "bornova.localhost"
CHOOSER_BLOCKS = (DocumentChooserBlock, ImageChooserBlock, blocks.PageChooserBlock)
DECLARATION_TEXTS = [
    "non_conformities", "complaints_procedure", "other_information", "mobile_apps",
    "architectural_accessibility", "communication_accessibility",
]  # fmt: skip


# The walk ---------------------------------------------------------------------------------


def _chooses(related_model) -> bool:
    """A model whose rows belong to a municipality: documents, images, pages, its own rows."""
    return issubclass(related_model, (AbstractDocument, AbstractImage, Page)) or any(
        field.name == "municipality" for field in related_model._meta.concrete_fields
    )


def _block_paths(block, prefix):
    if isinstance(block, (*CHOOSER_BLOCKS, SnippetChooserBlock, blocks.RichTextBlock)):
        yield prefix
        return
    for name, child in getattr(block, "child_blocks", {}).items():
        yield from _block_paths(child, f"{prefix}.{name}")
    if isinstance(block, blocks.ListBlock):
        yield from _block_paths(block.child_block, prefix)


def _choosing_fields(model, *, own_rows: bool):
    """``model``'s fields that choose an object, as "field" or "field.block.path"."""
    for field in [*model._meta.concrete_fields, *model._meta.many_to_many]:
        if field.model is not model and issubclass(model, Page) and field.model is Page:
            continue  # Wagtail's own page fields (owner, locale, ...): not in the editor's form
        if isinstance(field, StreamField):
            yield from _block_paths(field.stream_block, field.name)
        elif isinstance(field, RichTextField):
            yield field.name
        elif field.is_relation and field.editable and not field.auto_created:
            if field.name in ("page", "municipality", "content_object"):
                continue  # the row's own parent
            related = field.related_model
            if issubclass(related, (AbstractDocument, AbstractImage, Page)) or (
                own_rows and _chooses(related)
            ):
                yield field.name


def choosing_fields() -> set[tuple[str, str]]:
    """Every page type's fields and its inline rows' fields that choose a municipality's
    object; and the image, document and page fields of the admin's other models."""
    found = set()
    for model in apps.get_models():
        if not model.__module__.startswith("municipium."):
            continue
        if issubclass(model, Page):
            found |= {(model._meta.label, path) for path in _choosing_fields(model, own_rows=True)}
            for relation in get_all_child_relations(model):
                child = relation.related_model
                found |= {(child._meta.label, p) for p in _choosing_fields(child, own_rows=True)}
        elif _chooses(model) or model is Municipality:
            found |= {(model._meta.label, p) for p in _choosing_fields(model, own_rows=False)}
    return found


# What each field is tried with ------------------------------------------------------------


def _page_link(page):
    return f'<p>See <a linktype="page" id="{page.pk}">this page</a>.</p>'


def _body(kind, objects):
    value = {
        "paragraph": rich_text(
            f'<p><a linktype="document" id="{objects.document.pk}">a document</a></p>',
            features=["link", "document-link"],
        ),
        "image": {"image": objects.image.pk, "decorative": True, "alt_text": ""},
        "document": {"document": objects.document.pk, "title": ""},
    }[kind]
    return streamfield([(kind, value)])


def _body_cases(label, target):
    return {
        (label, f"body.{kind}{'' if kind == 'paragraph' else '.' + kind}"): (
            target,
            lambda objects, kind=kind: {"body": _body(kind, objects)},
        )
        for kind in ("paragraph", "image", "document")
    }


CASES = {
    ("portal.HomePage", "hero_image"): ("home", lambda o: {"hero_image": o.image.pk}),
    ("portal.HomePage", "directory_page"): ("home", lambda o: {"directory_page": o.page.pk}),
    ("portal.HomePage", "news_page"): ("home", lambda o: {"news_page": o.page.pk}),
    ("portal.HomePage", "welcome_text"): (
        "home", lambda o: {"welcome_text": rich_text(_page_link(o.page), features=["link"])},
    ),
    ("portal.HomePage", "highlights.highlight.page"): (
        "home",
        lambda o: {"highlights": streamfield(
            [("highlight", {"title": "Su", "text": "", "page": o.page.pk, "url": ""})]
        )},
    ),
    **_body_cases("portal.StandardPage", "standard"),
    **{
        ("portal.AccessibilityDeclarationPage", name): (
            "declaration", lambda o, name=name: {name: rich_text(_page_link(o.page))},
        )
        for name in DECLARATION_TEXTS
    },
    ("portal.PlanActivity", "responsible_unit"): (
        "plan",
        lambda o: {"activities": inline_formset([
            {"text": "Park", "responsible_unit": o.page.pk, "target_year": "", "status": "planned",
             "status_note": ""},
        ])},
    ),
    ("news.NewsArticlePage", "image"): (
        "article", lambda o: {"image": o.image.pk, "image_alt": "Meydan"},
    ),
    ("news.NewsArticlePage", "directorates"): (
        "article", lambda o: {"directorates": [o.directorate.pk]},
    ),
    **_body_cases("news.NewsArticlePage", "article"),
    ("directory.DirectoratePage", "unit"): ("directorate", lambda o: {"unit": o.unit.pk}),
    ("directory.DirectoratePage", "reports_to_page"): (
        "directorate", lambda o: {"reports_to_page": o.sibling.pk},
    ),
    ("directory.DirectoratePage", "regulation_document"): (
        "directorate", lambda o: {"regulation_document": o.document.pk},
    ),
    ("directory.DirectoratePage", "duties"): (
        "directorate", lambda o: {"duties": rich_text(_page_link(o.page))},
    ),
    ("directory.DirectoratePage", "regulation_text"): (
        "directorate",
        lambda o: {"regulation_text": rich_text(
            f'<p><a linktype="document" id="{o.document.pk}">Yönetmelik</a></p>',
            features=["link", "document-link"],
        )},
    ),
    **_body_cases("directory.DirectoratePage", "directorate"),
    ("directory.DirectorateDocument", "document"): (
        "directorate",
        lambda o: {"documents": inline_formset([{"document": o.document.pk, "title": ""}])},
    ),
    ("tenancy.Municipality", "logo"): ("municipality", lambda o: {"logo": o.image.pk}),
    ("tenancy.Municipality", "accessibility_declaration"): (
        "municipality", lambda o: {"accessibility_declaration": o.page.pk},
    ),
    ("organisation.Person", "photo"): ("person", lambda o: {"photo": o.image.pk}),
    ("archive.ExhibitionPage", "venue"): ("exhibition", lambda o: {"venue": o.venue.pk}),
    ("archive.ExhibitionPage", "partners"): ("exhibition", lambda o: {"partners": [o.partner.pk]}),
    ("archive.ExhibitionPage", "image"): ("exhibition", lambda o: {"image": o.image.pk}),
    **_body_cases("archive.ExhibitionPage", "exhibition"),
    ("archive.ArchiveItemPage", "consent"): ("item", lambda o: {"consent": o.consent.pk}),
    ("archive.ArchiveItemPage", "image"): ("item", lambda o: {"image": o.image.pk}),
    ("archive.ArchiveItemPage", "media"): ("item", lambda o: {"media": o.document.pk}),
    ("archive.ArchiveItemPage", "transcript"): (
        "item",
        lambda o: {"transcript": rich_text(
            f'<p><a linktype="document" id="{o.document.pk}">Kayıt</a></p>',
            features=["link", "document-link"],
        )},
    ),
    ("archive.Consent", "form"): ("consent", lambda o: {"form": o.document.pk}),
    ("culture.Partner", "logo"): ("partner", lambda o: {"logo": o.image.pk}),
    ("events.Event", "image"): ("event", lambda o: {"image": o.image.pk}),
}  # fmt: skip


def test_every_field_that_chooses_an_object_is_tried():
    assert choosing_fields() == set(CASES)


# The sites -------------------------------------------------------------------------------


def _objects(municipality, suffix):
    """A document and an image of the municipality's collection, a page, a directorate, a
    unit, a person, a venue, a partner and a contributor's consent (to publish online) of its
    own."""
    home = municipality.homes["tr"]
    directory = page_ensure(
        parent=home, page_class=DirectoryIndexPage, slug="birimler", language="tr",
        title=f"Birimler {suffix}",
    )  # fmt: skip
    return SimpleNamespace(
        home=home,
        directory=directory,
        document=get_document_model().objects.create(
            title=f"Rapor {suffix}",
            collection=municipality.collection,
            file=ContentFile(b"%PDF-1.4", name=f"rapor-{suffix}.pdf"),
        ),
        image=get_image_model().objects.create(
            title=f"Meydan {suffix}",
            collection=municipality.collection,
            file=get_test_image_file(f"meydan-{suffix}.png"),
        ),
        page=page_ensure(
            parent=home,
            page_class=StandardPage,
            slug="hakkimizda",
            language="tr",
            title=f"Hakkımızda {suffix}",
        ),
        directorate=page_ensure(
            parent=directory,
            page_class=DirectoratePage,
            slug="kultur",
            language="tr",
            title=f"Kültür {suffix}",
        ),
        sibling=page_ensure(
            parent=directory,
            page_class=DirectoratePage,
            slug="park",
            language="tr",
            title=f"Park {suffix}",
        ),
        unit=Unit.objects.create(municipality=municipality, code="kultur", kind="directorate"),
        person=Person.objects.create(municipality=municipality, name=f"Deniz {suffix}"),
        venue=venue(municipality, f"Kültür merkezi {suffix}"),
        partner=partner(municipality, f"Ege Üniversitesi {suffix}"),
        consent=consent_create(municipality, given_by=f"Ayşe {suffix}"),
    )


@pytest.fixture(autouse=True)
def _media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def sites(municipality_factory):
    bornova = municipality_factory(slug="bornova")
    sisli = municipality_factory(slug="sisli")
    own, other = _objects(bornova, "bornova"), _objects(sisli, "sisli")
    home = own.home
    news = page_ensure(
        parent=home, page_class=NewsIndexPage, slug="haberler", language="tr", title="Haberler"
    )
    own.pages = {
        "home": home,
        "standard": own.page,
        "directorate": own.directorate,
        "declaration": page_ensure(
            parent=home,
            page_class=AccessibilityDeclarationPage,
            slug="erisilebilirlik",
            language="tr",
            title="Erişilebilirlik",
            **DECLARATION,
        ),
        "plan": page_ensure(
            parent=home, page_class=PlanPage, slug="plan", language="tr", title="Plan"
        ),
        "article": page_ensure(
            parent=news,
            page_class=NewsArticlePage,
            slug="haber",
            language="tr",
            title="Haber",
            lead="Haber.",
            date=datetime.datetime(2026, 1, 15, tzinfo=datetime.UTC),
        ),
    }
    own.pages |= _archive_pages(own, home)
    own.event = event(
        bornova, unit=own.unit, starts_at=datetime.datetime(2027, 5, 4, 15, tzinfo=datetime.UTC),
        titles={"tr": "Seramik atölyesi"},
    )  # fmt: skip
    return SimpleNamespace(bornova=bornova, sisli=sisli, own=own, other=other)


def _archive_pages(own, home) -> dict:
    index = page_ensure(
        parent=home, page_class=ArchiveIndexPage, slug="arsiv", language="tr", title="Arşiv"
    )
    return {
        "exhibition": page_ensure(
            parent=index, page_class=ExhibitionPage, slug="sergi", language="tr",
            title="Sergi", kind=ExhibitionPage.Kind.PERMANENT,
        ),
        "item": page_ensure(
            parent=index, page_class=ArchiveItemPage, slug="ani", language="tr", title="Anı",
            kind="oral_history", description="Bir anı.", dc_type="Sound", identifier="BOR-1",
            consent=own.consent,
        ),
    }  # fmt: skip


DECLARATION = {
    "entity_name": "Bornova Belediyesi",
    "published_on": datetime.date(2024, 1, 1),
    "updated_on": datetime.date(2025, 1, 1),
    "status": "partial",
    "prepared_on": datetime.date(2025, 3, 1),
    "assessment_method": "self",
    "contact_name": "Bilgi",
    "contact_email": "bilgi@example.org",
    "contact_phone": "153",
}
ADMIN_PERMISSIONS = [
    "access_admin", "change_municipality", "view_municipality", "add_person", "change_person",
    "view_person", "change_consent", "view_consent", "change_partner", "view_partner",
    "change_event", "view_event",
]  # fmt: skip


@pytest.fixture
def editor(client, sites):
    """Bornova's editor and administrator, who reads the admin in Turkish."""
    group = Group.objects.create(name="bornova editors")
    group.permissions.add(*Permission.objects.filter(codename__in=ADMIN_PERMISSIONS))
    for codename in ("add_page", "change_page", "publish_page"):
        GroupPagePermission.objects.create(
            group=group, page=sites.own.home, permission=Permission.objects.get(codename=codename)
        )
    for codename in ("add_image", "choose_image", "add_document", "choose_document"):
        GroupCollectionPermission.objects.create(
            group=group, collection=sites.bornova.collection,
            permission=Permission.objects.get(codename=codename),
        )  # fmt: skip
    sites.bornova.staff_groups.add(group)
    user = get_user_model().objects.create_user("editor", password="x")
    user.groups.add(group)
    membership_ensure(user=user, unit=sites.own.unit, role="clerk", by=None)  # edits its events
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = "tr"
    profile.save()
    client.force_login(user)
    return user


# What the edit views are sent -------------------------------------------------------------


def _page_form(page) -> dict:
    """The edit form of ``page`` as it stands, with empty StreamFields and inline panels."""
    data = {"title": page.title, "slug": page.slug, "comments": inline_formset([])}
    if isinstance(page, HomePage):
        data |= {"welcome_heading": "Hoş geldiniz", "welcome_text": rich_text("<p>Merhaba</p>"),
                 "highlights": streamfield([])}  # fmt: skip
    if isinstance(page, StandardPage):
        data |= {"intro": "", "body": streamfield([])}
    if isinstance(page, AccessibilityDeclarationPage):
        data |= {name: str(value) for name, value in DECLARATION.items()}
    if isinstance(page, PlanPage):
        data |= {"intro": "", "period": "", "activities": inline_formset([])}
    if isinstance(page, NewsArticlePage):
        data |= {"date": "2026-01-15 09:00", "kind": "news", "lead": page.lead,
                 "body": streamfield([]), "tags": ""}  # fmt: skip
    if isinstance(page, DirectoratePage):
        data |= {"duties": rich_text(""), "regulation_text": rich_text(""),
                 "activity_areas": streamfield([]), "body": streamfield([]),
                 "documents": inline_formset([]),
                 "service_standards": inline_formset([])}  # fmt: skip
    if isinstance(page, ExhibitionPage):
        data |= {"kind": page.kind, "starts_on": "", "ends_on": "", "venue": "", "curator": "",
                 "intro": "", "image": "", "body": streamfield([])}  # fmt: skip
    if isinstance(page, ArchiveItemPage):
        data |= {name: getattr(page, name) for name in ITEM_TEXTS} | {
            "image": "", "media": "", "transcript": rich_text(""), "subjects": "", "date": "",
            "year_from": "", "year_to": "", "consent": page.consent_id,
        }  # fmt: skip
    return data


ITEM_TEXTS = [
    "kind", "description", "identifier", "dc_type", "format", "creator", "contributor",
    "publisher", "place", "dc_language", "source", "relation", "licence", "rights_holder",
]  # fmt: skip


def _municipality_form(municipality) -> dict:
    names = list(municipality.names.all())
    return {
        "site": municipality.site_id, "slug": municipality.slug, "country": "TR",
        "institution_kind": "municipality",
        "names": inline_formset(
            [{"id": name.pk, "language": name.language, "name": name.name} for name in names],
            initial=len(names),
        ),
        "languages": ["tr", "en"], "default_language": "tr", "calendar": "gregorian",
        "time_zone": "Europe/Istanbul", "weekend_days": ["5", "6"],
        "office_opens_at": "08:30", "office_closes_at": "17:30", "half_day_closes_at": "12:30",
        "personal_data_retention_months": "24",
        "address": "", "phone": "", "call_centre_phone": "", "email": "info@example.org",
        "facebook_url": "", "instagram_url": "", "x_url": "", "youtube_url": "",
        "primary_colour": "#0b4f8a", "accent_colour": "#a3211f", "public_record": "",
        "staff_groups": list(municipality.staff_groups.values_list("pk", flat=True)),
    }  # fmt: skip


def _form_data(data: dict) -> dict:
    """Form data for the test client: a list stays the values of one multiple choice."""
    lists = {key: value for key, value in data.items() if isinstance(value, list)}
    rest = {key: value for key, value in data.items() if key not in lists}
    return {**nested_form_data(rest), **lists}


def _person_form(person) -> dict:
    return {"municipality": person.municipality_id, "name": person.name, "email": "",
            "phone": "", "phone_extension": "", "bio": ""}  # fmt: skip


def _consent_form(consent) -> dict:
    return {"municipality": consent.municipality_id, "given_by": consent.given_by,
            "given_on": str(consent.given_on), "scope": consent.scope, "form": "", "note": "",
            "withdrawn_at": ""}  # fmt: skip


def _partner_form(partner) -> dict:
    return {"municipality": partner.municipality_id, "name": partner.name, "kind": partner.kind,
            "website": "", "email": "", "phone": "", "logo": "", "is_public": "on",
            "texts": inline_formset([])}  # fmt: skip


def _event_form(event) -> dict:
    texts = [
        {"id": text.pk, "language": text.language, "title": text.title, "slug": text.slug,
         "summary": "", "description": rich_text(""), "price_note": "", "accessibility": ""}
        for text in event.texts.all()
    ]  # fmt: skip
    return {
        "municipality": event.municipality_id, "event_type": event.event_type_id,
        "unit": event.unit_id, "venue": "", "audience": "everyone", "age_min": "", "age_max": "",
        "starts_at": "2027-05-04 18:00", "ends_at": "2027-05-04 20:00", "time_zone": "",
        "recurrence": "", "exceptions": inline_formset([]), "is_free": "on", "price": "",
        "registration": "none", "capacity": "", "status": "scheduled", "image": "",
        "texts": inline_formset(texts, initial=len(texts)),
    }  # fmt: skip


# The targets that are rows, not pages: Bornova's row, its admin's address, its form as it stands.
ROWS = {
    "municipality": (lambda sites: sites.bornova, "municipalities", _municipality_form),
    "person": (lambda sites: sites.own.person, "people", _person_form),
    "consent": (lambda sites: sites.own.consent, "archive-consents", _consent_form),
    "partner": (lambda sites: sites.own.partner, "partners", _partner_form),
    "event": (lambda sites: sites.own.event, "events", _event_form),
}


def _post(client, sites, target, fields):
    """Post the edit form of Bornova's ``target`` with ``fields``."""
    if target in ROWS:
        row_of, prefix, form = ROWS[target]
        row = row_of(sites)
        url = f"/admin/{prefix}/edit/{row.pk}/"
        return client.post(url, _form_data(form(row) | fields), HTTP_HOST=HOST)
    page = sites.own.pages[target].specific
    data = _page_form(page) | fields | {"action-publish": "publish"}
    return client.post(f"/admin/pages/{page.pk}/edit/", _form_data(data), HTTP_HOST=HOST)


def _saved_state(sites, target):
    """What is saved of the target: the row itself, or the page's revisions and row."""
    if target in ROWS:
        row = ROWS[target][0](sites)
        return list(type(row).objects.filter(pk=row.pk).values())
    page = sites.own.pages[target]
    return (page.revisions.count(), page.specific_class.objects.filter(pk=page.pk).values()[0])


REFUSAL = "An item chosen here belongs to another municipality: choose one of this municipality's."


def _refusals(fields) -> list[str]:
    """The refusal in the editor's language, as the page shows it: this project's, or
    Django's own where the form offers only the municipality's rows (units, directorates)."""
    with translation.override("tr"):
        messages = [
            ngettext(REFUSAL, "%(count)d items", 1) % {"count": 1},
            str(forms.ModelChoiceField.default_error_messages["invalid_choice"]),
            *(
                str(forms.ModelMultipleChoiceField.default_error_messages["invalid_choice"])
                % {"value": pk}
                for value in fields.values()
                if isinstance(value, list)
                for pk in value
            ),
        ]
    # As HTML, and as the JSON in which a StreamField block's errors reach the page.
    return (
        [escape(message) for message in messages]
        + [escape(json.dumps(message)[1:-1]) for message in messages]
        + [json.dumps(message)[1:-1] for message in messages]
    )


@pytest.mark.parametrize("case", sorted(CASES), ids="/".join)
def test_an_editor_cannot_choose_another_municipalitys_object(client, sites, editor, case):
    target, fields = CASES[case]
    before = _saved_state(sites, target)
    response = _post(client, sites, target, fields(sites.other))
    assert response.status_code == 200, response.status_code
    html = response.content.decode()
    assert 'lang="tr"' in html
    assert any(message in html for message in _refusals(fields(sites.other)))
    assert _saved_state(sites, target) == before


@pytest.mark.parametrize("case", sorted(CASES), ids="/".join)
def test_an_editor_chooses_their_own_municipalitys_object(client, sites, editor, case):
    target, fields = CASES[case]
    response = _post(client, sites, target, fields(sites.own))
    assert response.status_code == 302, _errors(response)


def _names(objects) -> list[str]:
    """What an editor reads of a municipality's objects in a list of choices."""
    pages = [objects.page, objects.directorate, objects.sibling]
    return [page.title for page in pages] + [
        objects.document.title, objects.image.title, objects.person.name, objects.venue.name,
        objects.partner.name, objects.consent.given_by,
    ]  # fmt: skip


@pytest.mark.parametrize("target", sorted({target for target, _fields in CASES.values()}))
def test_an_editor_is_not_offered_another_municipalitys_objects(client, sites, editor, target):
    if target in ROWS:
        row_of, prefix, _form = ROWS[target]
        url = f"/admin/{prefix}/edit/{row_of(sites).pk}/"
    else:
        url = f"/admin/pages/{sites.own.pages[target].pk}/edit/"
    html = client.get(url, HTTP_HOST=HOST).content.decode()
    assert 'lang="tr"' in html
    assert [name for name in _names(sites.other) if escape(name) in html] == []


def _errors(response) -> list[str]:
    import re

    html = response.content.decode()
    return re.findall(r'class="error-message"[^>]*>(.*?)</', html, re.S) + re.findall(
        r'(?:name|id)="([^"]+)"[^>]*aria-invalid="true"', html
    )


def test_every_page_type_is_edited_through_the_form_that_refuses_other_municipalities():
    page_types = [
        model
        for model in apps.get_models()
        if issubclass(model, Page) and model.__module__.startswith("municipium.")
    ]
    assert page_types
    for model in page_types:
        form_class = model.get_edit_handler().get_form_class()
        assert issubclass(form_class, MunicipalPageForm), model
