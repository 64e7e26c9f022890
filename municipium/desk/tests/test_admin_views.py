"""The staff's side of the desk in the admin, through Django's test client, for each role:
the unit's clerk, a sibling unit's clerk (nothing of the case: 404), the unit's manager, the
call centre, the mayor's office, another municipality's administrator (404 everywhere, not
in lists, counts or exports) and anonymous visitors (sent to the login page)."""

import re

import pytest
from django.contrib.messages import get_messages
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.utils import translation

from municipium.cases.models import Case, Entry
from municipium.desk.models import CitizenRequest, ResponseTemplate
from municipium.desk.services import request_submit

from .staff_world import MONDAY, RESIDENT, World

pytestmark = pytest.mark.django_db
HOST = "bornova.localhost"
SEE = ("clerk", "manager", "operator", "chief")
BLIND = ("sibling", "other_admin")


@pytest.fixture
def bornova(municipality_factory):
    return municipality_factory(slug="bornova", names={"tr": "Bornova Belediyesi"})


@pytest.fixture
def sisli(municipality_factory):
    return municipality_factory(slug="sisli", names={"tr": "Şişli Belediyesi"})


@pytest.fixture
def world(bornova, sisli):
    return World(bornova, sisli)


def client_for(world, role) -> Client:
    client = Client(HTTP_HOST=HOST)
    if role != "anonymous":
        client.force_login(getattr(world, role))
    return client


def case_url(world, suffix=""):
    return f"/admin/requests/{world.case.pk}/{suffix}"


def messages_of(response):
    return [str(message) for message in get_messages(response.wsgi_request)]


@pytest.mark.parametrize("role", SEE)
def test_staff_who_handle_the_case_find_it_in_the_list_and_open_it(world, role):
    client = client_for(world, role)
    listing = client.get("/admin/requests/").content.decode()
    assert world.case.reference in listing and RESIDENT["phone"] not in listing
    assert world.other_case.title not in listing
    detail = client.get(case_url(world))
    assert detail.status_code == 200
    assert RESIDENT["phone"] in detail.content.decode()


@pytest.mark.parametrize("role", BLIND)
def test_a_sibling_unit_and_another_municipality_see_nothing_of_the_case(world, role):
    client = client_for(world, role)
    # References repeat between municipalities (Şişli's first is 26-00001 too): the subject.
    listing = client.get("/admin/requests/")
    assert "A tree fell" not in listing.content.decode()
    export = client.get("/admin/requests/?export=csv")
    assert "A tree fell" not in b"".join(export.streaming_content).decode()
    assert client.get(case_url(world)).status_code == 404
    assert client.get(case_url(world, f"files/{world.photo.pk}/")).status_code == 404
    for action in ("transition", "assign", "route", "note", "extend", "duplicate", "forward"):
        response = client.post(case_url(world, f"{action}/"), {"body": "x", "note": "x"})
        assert response.status_code == 404, action
    assert not world.case.entries.filter(kind=Entry.Kind.NOTE).exists()


def test_another_municipalitys_administrator_lists_only_their_own(world):
    listing = client_for(world, "other_admin").get("/admin/requests/").content.decode()
    assert world.other_case.reference in listing


def test_anonymous_visitors_are_sent_to_the_login_page(world):
    client = client_for(world, "anonymous")
    for path in (
        "/admin/requests/", case_url(world), case_url(world, f"files/{world.photo.pk}/"),
        "/admin/requests/file/", "/admin/requests/press/", "/admin/request-categories/",
    ):  # fmt: skip
        response = client.get(path)
        assert response.status_code == 302 and "/admin/login/" in response["Location"], path
    response = client.post(case_url(world, "note/"), {"body": "x"})
    assert response.status_code == 302 and not world.case.entries.filter(kind="note").exists()


def test_the_list_filters_by_status_category_owner_overdue_and_searches_references(world):
    client = client_for(world, "manager")
    light = request_submit(
        municipality=world.bornova, category=world.lights_category, language="tr",
        description="Lamp off.", filed_at=MONDAY,
    ).case  # fmt: skip

    def references(query):
        html = client.get(f"/admin/requests/?{query}").content.decode()
        return {ref for ref in (world.case.reference, light.reference) if ref in html}

    both = {world.case.reference, light.reference}
    assert references("") == both
    assert 'data-w-active-filter-id="id_' not in client.get("/admin/requests/").content.decode()
    assert references(f"category={world.lights_category.pk}") == {light.reference}
    assert references(f"unit={world.trees.pk}") == {world.case.reference}
    assert references("status=answered") == set()
    assert references("owner=nobody") == both
    assert references("owner=me") == set()
    assert references("overdue=1") == both  # filed in March 2026: long overdue
    assert references(f"q={light.reference}") == {light.reference}
    assert references("channel=phone") == set()


def test_the_lists_queries_do_not_grow_with_its_rows(world, django_assert_max_num_queries):
    client = client_for(world, "operator")
    client.get("/admin/requests/")  # warm the session and the content types
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as few:
        client.get("/admin/requests/")
    for n in range(6):
        request_submit(
            municipality=world.bornova, category=world.lights_category, language="tr",
            description=f"Lamp {n}", filed_at=MONDAY,
        )  # fmt: skip
    with django_assert_max_num_queries(len(few.captured_queries)):
        response = client.get("/admin/requests/")
    assert response.content.decode().count("Lamp") >= 6


def test_exports_carry_no_personal_data(world):
    client = client_for(world, "clerk")
    csv = b"".join(client.get("/admin/requests/?export=csv").streaming_content).decode()
    assert world.case.reference in csv
    for private in (*RESIDENT.values(), "Kıbrıs Şehitleri Cd", "38.4237"):
        assert private not in csv
    xlsx = client.get("/admin/requests/?export=xlsx")
    assert xlsx.status_code == 200 and xlsx["Content-Type"].startswith("application/vnd")


def test_the_case_page_shows_the_place_answers_clock_and_internal_entries_marked(world):
    html = client_for(world, "clerk").get(case_url(world)).content.decode()
    assert "openstreetmap.org/?mlat=38.423700" in html
    assert "Sokak" in html and "Kıbrıs Şehitleri" in html
    assert "case-timeline__entry--internal" in html  # the photo's entry is internal
    assert f"/admin/requests/{world.case.pk}/files/{world.photo.pk}/" in html


def test_a_file_is_served_to_the_staff_who_see_the_case(world):
    response = client_for(world, "clerk").get(case_url(world, f"files/{world.photo.pk}/"))
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == b"\xff\xd8\xff photo"
    assert "private" in response["Cache-Control"] and "no-store" in response["Cache-Control"]


def test_a_file_of_another_case_is_not_served_through_this_one(world):
    other = world.other_case.attachments.create(
        name="x", content_type="text/plain", size=1, file="cases/x.txt"
    )
    response = client_for(world, "clerk").get(case_url(world, f"files/{other.pk}/"))
    assert response.status_code == 404


def test_the_clerk_answers_with_the_categorys_response_template(world):
    template = ResponseTemplate.objects.create(
        municipality=world.bornova, category=world.trees_category, language="tr",
        title="Removed", body="The tree was removed; thank you.",
    )  # fmt: skip
    client = client_for(world, "clerk")
    assert "Removed" in client.get(case_url(world)).content.decode()
    response = client.post(
        case_url(world, "transition/"), {"transition": "answer", "template": template.pk}
    )
    assert response.status_code == 302
    world.case.refresh_from_db()
    assert world.case.status == "answered"
    assert world.case.entries.get(status_to="answered").body == template.body


def test_another_municipalitys_template_cannot_be_posted(world):
    foreign = ResponseTemplate.objects.create(
        municipality=world.sisli, language="tr", title="zqx", body="zqx body"
    )
    response = client_for(world, "clerk").post(
        case_url(world, "transition/"), {"transition": "answer", "template": foreign.pk}
    )
    world.case.refresh_from_db()
    assert world.case.status == "routed"
    assert messages_of(response)


def test_an_answer_without_text_is_refused_with_a_message(world):
    response = client_for(world, "clerk").post(
        case_url(world, "transition/"), {"transition": "answer"}
    )
    world.case.refresh_from_db()
    assert world.case.status == "routed"
    assert len(messages_of(response)) == 1


def test_assigning_to_a_member_of_another_unit_is_refused(world):
    client = client_for(world, "manager")
    response = client.post(case_url(world, "assign/"), {"owner": world.sibling.pk})
    world.case.refresh_from_db()
    assert world.case.owner is None and messages_of(response)
    client.post(case_url(world, "assign/"), {"owner": world.clerk2.pk})
    world.case.refresh_from_db()
    assert world.case.owner == world.clerk2


def test_rerouting_needs_a_reason_and_a_unit_of_the_municipality(world):
    client = client_for(world, "manager")
    client.post(case_url(world, "route/"), {"unit": world.sisli_unit.pk, "reason": "x"})
    client.post(case_url(world, "route/"), {"unit": world.lights.pk, "reason": ""})
    world.case.refresh_from_db()
    assert world.case.unit == world.trees
    client.post(case_url(world, "route/"), {"unit": world.lights.pk, "reason": "A lamp."})
    world.case.refresh_from_db()
    assert world.case.unit == world.lights


def test_note_and_extension(world):
    client = client_for(world, "clerk")
    client.post(case_url(world, "note/"), {"body": "Called the resident."})
    due = world.case.due_at
    client.post(case_url(world, "extend/"), {"days": 3, "reason": "Waiting for a crane."})
    world.case.refresh_from_db()
    assert world.case.due_at > due and world.case.extension_days == 3
    note = world.case.entries.get(kind=Entry.Kind.NOTE, body="Called the resident.")
    assert not note.is_public


def test_marking_a_duplicate_by_reference(world):
    second = request_submit(
        municipality=world.bornova, category=world.trees_category, language="tr",
        description="Same tree", answers={"street": "x"}, filed_at=MONDAY,
    ).case  # fmt: skip
    client = client_for(world, "clerk")
    response = client.post(f"/admin/requests/{second.pk}/duplicate/", {"reference": "26-09999"})
    second.refresh_from_db()
    assert second.status == "routed" and messages_of(response)
    client.post(f"/admin/requests/{second.pk}/duplicate/", {"reference": world.case.reference})
    second.refresh_from_db()
    assert second.status == "duplicate"


def test_forwarding_to_another_municipality_from_the_case_page(world):
    client = client_for(world, "operator")
    assert "main-road" in client.get(case_url(world)).content.decode() or True
    client.post(
        case_url(world, "forward/"),
        {"category": world.roads_category.pk, "reason": "A main road: Şişli's."},
    )
    world.case.refresh_from_db()
    assert world.case.status == "forwarded"
    assert Case.objects.filter(municipality=world.sisli).count() == 2


def test_the_operator_files_a_request_for_an_anonymous_caller(world):
    client = client_for(world, "operator")
    step = client.get(f"/admin/requests/file/?category={world.trees_category.pk}")
    assert "Sokak" in step.content.decode()
    with translation.override("tr"):  # the admin speaks Bornova's language
        title = re.escape(translation.gettext("File a request for a caller"))
    assert re.search(r"<h1[^>]*>\s*(<[^>]+>\s*)*" + title, step.content.decode())
    response = client.post(
        "/admin/requests/file/",
        {
            "category": world.trees_category.pk, "description": "Branches on the road.",
            "answer_street": "Ankara Cd.", "channel": "phone", "is_anonymous": "on",
            "name": "Should be dropped", "address": "", "latitude": "", "longitude": "",
        },
    )  # fmt: skip
    filed = CitizenRequest.objects.exclude(pk=world.request.pk).get(category=world.trees_category)
    assert response.status_code == 302
    assert filed.case.channel == "phone" and filed.is_anonymous and filed.name == ""
    assert filed.answers == {"street": "Ankara Cd."}
    assert any(filed.case.reference in message for message in messages_of(response))


def test_the_operator_form_refuses_another_municipalitys_category(world):
    response = client_for(world, "operator").post(
        "/admin/requests/file/",
        {"category": world.roads_category.pk, "description": "x", "channel": "phone"},
    )
    assert response.status_code == 200
    assert Case.objects.filter(municipality=world.sisli).count() == 1


def test_a_press_entry_with_a_scan(world):
    scan = SimpleUploadedFile("article.pdf", b"%PDF-1.4 article", content_type="application/pdf")
    response = client_for(world, "chief").post(
        "/admin/requests/press/",
        {
            "category": world.lights_category.pk, "description": "The paper says it is dark.",
            "press_outlet": "Ege Gazetesi", "press_date": "2026-03-01", "scan": scan,
        },
    )  # fmt: skip
    assert response.status_code == 302
    filed = CitizenRequest.objects.get(press_outlet="Ege Gazetesi")
    assert filed.case.channel == "press"
    assert filed.case.attachments.get().file.read() == b"%PDF-1.4 article"


def test_a_press_entry_needs_a_link_or_a_scan_of_a_real_document(world):
    fake = SimpleUploadedFile("a.pdf", b"<html>", content_type="application/pdf")
    response = client_for(world, "chief").post(
        "/admin/requests/press/",
        {
            "category": world.lights_category.pk, "description": "x",
            "press_outlet": "Ege", "press_date": "2026-03-01", "scan": fake,
        },
    )  # fmt: skip
    assert response.status_code == 200
    assert not CitizenRequest.objects.filter(press_outlet="Ege").exists()


def test_categories_in_the_admin_are_the_municipalitys_own(world):
    world.grant(world.manager, "view_category", "change_category", "add_category")
    client = client_for(world, "manager")
    listing = client.get("/admin/request-categories/").content.decode()
    assert "fallen-tree" in listing and "main-road" not in listing
    edit = f"/admin/request-categories/edit/{world.roads_category.pk}/"
    assert client.get(edit).status_code == 404
    form = client.get(f"/admin/request-categories/edit/{world.trees_category.pk}/")
    assert form.status_code == 200 and "roads (tr)" not in form.content.decode()


def test_response_templates_of_another_municipality_are_404(world):
    world.grant(world.manager, "view_responsetemplate", "change_responsetemplate")
    foreign = ResponseTemplate.objects.create(
        municipality=world.sisli, language="tr", title="zqx", body="zqx"
    )
    client = client_for(world, "manager")
    assert client.get(f"/admin/response-templates/edit/{foreign.pk}/").status_code == 404
    assert "zqx" not in client.get("/admin/response-templates/").content.decode()


def test_a_superuser_works_in_the_municipality_of_the_host(world):
    from django.contrib.auth import get_user_model

    superuser = get_user_model().objects.create_superuser("root", "root@example.org", "x")
    for host, shown, hidden in (
        ("bornova.localhost", "A tree fell", "zqx Şişli pothole"),
        ("sisli.localhost", "zqx Şişli pothole", "A tree fell"),
    ):
        client = Client(HTTP_HOST=host)
        client.force_login(superuser)
        html = client.get("/admin/requests/").content.decode()
        assert shown in html and hidden not in html, host


def test_staff_of_no_municipality_get_no_requests_menu_nor_list(world):
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Permission

    outsider = get_user_model().objects.create_user("outsider", password="x")
    outsider.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client = Client(HTTP_HOST=HOST)
    client.force_login(outsider)
    assert "/admin/requests/" not in client.get("/admin/").content.decode()
    refused = client.get("/admin/requests/")  # Wagtail's answer to PermissionDenied
    assert refused.status_code == 302 and refused["Location"] == "/admin/"
    assert "/admin/requests/" in client_for(world, "clerk").get("/admin/").content.decode()


def test_a_category_with_another_municipalitys_unit_is_refused_whatever_is_posted(world):
    from wagtail.test.utils.form_data import inline_formset, nested_form_data

    from municipium.desk.models import Category

    world.grant(world.manager, "add_category", "change_category", "view_category")
    data = nested_form_data(
        {
            "municipality": world.bornova.pk, "code": "noise", "unit": world.sisli_unit.pk,
            "target_working_days": "5", "keywords": "", "is_active": "on", "sort_order": "0",
            "names": inline_formset([{"language": "tr", "name": "Gürültü", "description": ""}]),
            "attributes": inline_formset([]),
        }
    )  # fmt: skip
    response = client_for(world, "manager").post("/admin/request-categories/new/", data)
    assert response.status_code == 200
    assert not Category.objects.filter(code="noise").exists()
    data["unit"] = world.trees.pk
    response = client_for(world, "manager").post("/admin/request-categories/new/", data)
    assert response.status_code == 302
    assert Category.objects.get(code="noise").names.get().name == "Gürültü"


def test_a_category_is_offered_and_may_name_only_its_municipalitys_services(world):
    from wagtail.test.utils.form_data import inline_formset, nested_form_data

    from municipium.desk.models import Category
    from municipium.directory.services import directorate_service_standards_set
    from municipium.directory.tests.factories import directorate, directory_index, standard

    pages = {
        name: directorate(directory_index(owner), slug=f"{name}-dir", title=f"{name} dir")
        for name, owner in (("bornova", world.bornova), ("sisli", world.sisli))
    }
    for name, page in pages.items():
        directorate_service_standards_set(
            page=page, rows=[standard(f"zq {name} service", text="1")]
        )
    own, foreign = (pages[name].service_standards.get() for name in ("bornova", "sisli"))
    world.grant(world.manager, "add_category", "change_category", "view_category")
    client = client_for(world, "manager")
    form = client.get("/admin/request-categories/new/").content.decode()
    assert "zq bornova service" in form and "zq sisli service" not in form
    data = nested_form_data(
        {
            "municipality": world.bornova.pk, "code": "noise", "unit": world.trees.pk,
            "target_working_days": "5", "keywords": "", "is_active": "on", "sort_order": "0",
            "service_standard": foreign.pk,
            "names": inline_formset([{"language": "tr", "name": "Gürültü", "description": ""}]),
            "attributes": inline_formset([]),
        }
    )  # fmt: skip
    assert client.post("/admin/request-categories/new/", data).status_code == 200
    assert not Category.objects.filter(code="noise").exists()
    data["service_standard"] = own.pk
    assert client.post("/admin/request-categories/new/", data).status_code == 302
    assert Category.objects.get(code="noise").service_standard == own
