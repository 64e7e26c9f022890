"""The organisation in the admin: a municipality's administrators edit its units (names and
positions inline), people, job titles and staff; each save is one audited service call; no
list, form or chooser shows another municipality's rows; staff see the units they act in."""

import pytest
from django.contrib.auth.models import Group, Permission
from wagtail.models import ModelLogEntry
from wagtail.test.utils.form_data import inline_formset, nested_form_data

from municipium.organisation.models import Membership, Person, Unit

from .factories import PersonFactory, job_title, staff_user, unit

pytestmark = pytest.mark.django_db


def admin(client, path, **kwargs):
    method = client.post if "data" in kwargs else client.get
    return method(path, HTTP_HOST="bornova.localhost", **kwargs)


@pytest.fixture
def tree(bornova, sisli):
    culture = unit(bornova, "kultur", kind="directorate", names={"tr": "Kültür Müdürlüğü"})
    return {
        "culture": culture,
        "events": unit(bornova, "etkinlik", parent=culture, names={"tr": "Etkinlik Şefliği"}),
        "parks": unit(bornova, "park", kind="directorate", names={"tr": "Park Müdürlüğü"}),
        "office": unit(sisli, "ozel-kalem", kind="directorate", names={"tr": "Şişli Özel Kalem"}),
    }


@pytest.fixture
def administrator(client, bornova):
    user = staff_user(bornova, "admin-bornova", administrator=True)
    client.force_login(user)
    return user


def unit_data(municipality, code, names, positions=(), parent=""):
    return nested_form_data(
        {
            "municipality": municipality.pk, "code": code, "kind": "section", "parent": parent,
            "sort_order": "0", "is_active": "on", "email": "", "phone": "",
            "names": inline_formset(
                [{"language": language, "name": name} for language, name in names.items()]
            ),
            "positions": inline_formset(list(positions)),
        }
    )  # fmt: skip


def test_administrators_list_only_their_municipalitys_units(client, administrator, tree):
    html = admin(client, "/admin/units/").content.decode()
    assert "Kültür Müdürlüğü" in html and "Park Müdürlüğü" in html
    assert "Şişli Özel Kalem" not in html
    for view in ("edit", "delete", "history"):
        assert admin(client, f"/admin/units/{view}/{tree['office'].pk}/").status_code == 404


def test_the_unit_form_offers_only_the_municipalitys_units_people_and_titles(
    client, administrator, tree, bornova, sisli
):
    PersonFactory(municipality=bornova, name="Bornovalı Kişi")
    PersonFactory(municipality=sisli, name="Şişlili Kişi")
    job_title(sisli, "sisli-unvan", tr="Şişli Unvanı")
    for path in ("/admin/units/new/", f"/admin/units/edit/{tree['culture'].pk}/"):
        html = admin(client, path).content.decode()
        assert "Bornovalı Kişi" in html and "Park Müdürlüğü" in html
        assert "Şişlili Kişi" not in html and "Şişli Özel Kalem" not in html
        assert "Şişli Unvanı" not in html


def test_creating_a_unit_in_the_admin_writes_one_audit_entry(client, administrator, tree, bornova):
    person = PersonFactory(municipality=bornova, name="Selin Öztürk")
    title = job_title(bornova, "sef", tr="Şef")
    data = unit_data(
        bornova, "sergi", {"tr": "Sergi Birimi", "en": "Exhibitions"},
        positions=[{"person": person.pk, "job_title": title.pk, "is_head": "on",
                    "appointed_on": "", "ended_on": ""}],
        parent=tree["culture"].pk,
    )  # fmt: skip
    before = ModelLogEntry.objects.count()
    response = admin(client, "/admin/units/new/", data=data)
    assert response.status_code == 302, response.content.decode()[-2000:]
    made = Unit.objects.get(code="sergi")
    assert made.name_in("en") == "Exhibitions" and made.positions.get().person == person
    assert ModelLogEntry.objects.count() == before + 1
    entry = ModelLogEntry.objects.latest("timestamp")
    assert entry.action == "organisation.unit.create" and entry.user == administrator
    assert entry.data["changes"]["names"][1] == {"tr": "Sergi Birimi", "en": "Exhibitions"}
    history = admin(client, f"/admin/units/history/{made.pk}/").content.decode()
    # In the administrator's language (Turkish, the host's): the action's label or message.
    assert "Birim oluşturma" in history or "Birim oluşturuldu" in history


def test_a_second_head_is_refused_on_the_form_and_nothing_is_saved(
    client, administrator, tree, bornova
):
    title = job_title(bornova, "sef", tr="Şef")
    heads = [
        {"person": PersonFactory(municipality=bornova).pk, "job_title": title.pk,
         "is_head": "on", "appointed_on": "", "ended_on": ""}
        for _ in range(2)
    ]  # fmt: skip
    before = ModelLogEntry.objects.count()
    response = admin(
        client, "/admin/units/new/", data=unit_data(bornova, "iki", {"tr": "İki"}, heads)
    )
    assert response.status_code == 200
    assert "zaten bir yöneticisi var" in response.content.decode()
    assert not Unit.objects.filter(code="iki").exists()
    assert ModelLogEntry.objects.count() == before


def test_a_unit_cannot_be_added_to_another_municipality(client, administrator, tree, sisli):
    response = admin(client, "/admin/units/new/", data=unit_data(sisli, "x", {"tr": "X"}))
    assert response.status_code == 200
    assert not Unit.objects.filter(code="x").exists()


def test_staff_see_the_units_they_act_in_and_cannot_edit_them(client, tree, bornova):
    manager = staff_user(bornova, "manager", unit=tree["culture"], role="manager")
    Group.objects.get(name="bornova staff").permissions.add(
        Permission.objects.get(codename="view_unit")
    )
    client.force_login(manager)
    html = admin(client, "/admin/units/").content.decode()
    assert "Kültür Müdürlüğü" in html and "Etkinlik Şefliği" in html
    assert "Park Müdürlüğü" not in html and "Şişli Özel Kalem" not in html
    assert admin(client, f"/admin/units/edit/{tree['culture'].pk}/").status_code in (302, 403)


def test_memberships_are_edited_by_administrators_among_their_own_staff(
    client, administrator, tree, bornova, sisli
):
    clerk = staff_user(bornova, "clerk-bornova")
    staff_user(sisli, "clerk-sisli", unit=tree["office"])
    form = admin(client, "/admin/staff-memberships/new/").content.decode()
    assert "clerk-bornova" in form and "clerk-sisli" not in form
    assert "Şişli Özel Kalem" not in form
    listing = admin(client, "/admin/staff-memberships/").content.decode()
    assert "clerk-sisli" not in listing
    before = ModelLogEntry.objects.count()
    response = admin(
        client,
        "/admin/staff-memberships/new/",
        data={"user": clerk.pk, "unit": tree["events"].pk, "role": "clerk"},
    )
    assert response.status_code == 302, response.content.decode()[-2000:]
    assert Membership.objects.get(user=clerk).unit == tree["events"]
    assert ModelLogEntry.objects.count() == before + 1
    membership = Membership.objects.get(user=clerk)
    assert (
        admin(client, f"/admin/staff-memberships/delete/{membership.pk}/", data={}).status_code
        == 302
    )
    assert not Membership.objects.filter(user=clerk).exists()
    assert ModelLogEntry.objects.filter(action="organisation.membership.delete").count() == 1


@pytest.fixture
def people(bornova, sisli):
    return (
        PersonFactory(municipality=bornova, name="Deniz Arslan"),
        PersonFactory(municipality=sisli, name="Elif Karaca"),
    )


def test_the_people_listing_shows_only_the_municipalitys_people(client, administrator, people):
    html = admin(client, "/admin/people/").content.decode()
    assert "Deniz Arslan" in html and "Elif Karaca" not in html
    found = admin(client, "/admin/people/?q=elif").content.decode()
    assert "Elif Karaca" not in found


def test_another_municipalitys_person_cannot_be_opened(client, administrator, people):
    stranger = people[1]
    for view in ("edit", "delete", "history", "usage"):
        response = admin(client, f"/admin/people/{view}/{stranger.pk}/")
        assert response.status_code == 404, view
    assert admin(client, f"/admin/people/edit/{people[0].pk}/").status_code == 200


def test_a_person_is_added_only_to_the_users_municipality(client, administrator, bornova, sisli):
    refused = admin(client, "/admin/people/new/", data={"municipality": sisli.pk, "name": "X"})
    assert refused.status_code == 200 and not Person.objects.exists()
    added = admin(client, "/admin/people/new/", data={"municipality": bornova.pk, "name": "Yeni"})
    assert added.status_code == 302
    assert Person.objects.get().municipality == bornova
    entry = ModelLogEntry.objects.get(action="organisation.person.create")
    assert entry.user == administrator and entry.data["municipality"] == bornova.pk
    assert not ModelLogEntry.objects.filter(action="wagtail.create").exists()


def test_the_audit_log_names_units_people_and_roles_as_staff_read_them(
    client, administrator, tree, bornova
):
    staff_user(bornova, "clerk-bornova", unit=tree["events"])
    html = admin(client, "/admin/reports/audit-log/").content.decode()
    assert "Etkinlik Şefliği" in html and "clerk-bornova" in html
    assert "Memur" in html  # the role's label in the site's language, not "clerk"
    assert "→ 2<" not in html  # no bare ids
