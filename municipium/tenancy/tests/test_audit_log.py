"""The audit log of a municipality in the admin: staff read and export their municipalities'
entries only, filtered by user, action, date, municipality and unit; Wagtail's site history
hides the other municipalities' entries too."""

import datetime

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from wagtail.models import ModelLogEntry
from wagtail.users.models import UserProfile

from municipium.core import audit
from municipium.tenancy.models import PublicHoliday
from municipium.tenancy.selectors import audit_entry_list_for_user
from municipium.tenancy.services import public_holiday_save

pytestmark = pytest.mark.django_db

URL = "/admin/reports/audit-log/"


@pytest.fixture
def towns(municipality_factory):
    bumehen = municipality_factory(
        slug="bumehen", country="IR", languages=["fa", "en"], calendar="solar_hijri",
        time_zone="Asia/Tehran", weekend_days=[4],
    )  # fmt: skip
    return municipality_factory(slug="bornova"), bumehen


def staff(municipality, username):
    group = Group.objects.create(name=f"{municipality.slug} staff")
    group.permissions.add(
        *Permission.objects.filter(
            codename__in=["access_admin", "change_publicholiday", "view_publicholiday"]
        )
    )
    municipality.staff_groups.add(group)
    user = get_user_model().objects.create_user(username, password="x")
    user.groups.add(group)
    language_set(user, "en")
    return user


def language_set(user, language):
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = language
    profile.save()


@pytest.fixture
def editors(towns):
    return staff(towns[0], "ayse"), staff(towns[1], "dariush")


@pytest.fixture
def entries(towns, editors):
    day = datetime.date(2027, 3, 10)
    for town, editor, name in zip(towns, editors, ("Kandil", "Tasua"), strict=True):
        holiday = public_holiday_save(
            holiday=PublicHoliday(municipality=town, date=day, name=name), by=editor
        )
        holiday.name = f"{name} (edited)"
        public_holiday_save(holiday=holiday, by=editor)


def get(client, who, path=URL, **params):
    client.force_login(who)
    return client.get(path, params, HTTP_HOST="bornova.localhost")


def test_the_selector_keeps_each_municipalitys_entries_to_its_staff(towns, editors, entries):
    ayse, dariush = editors
    assert {e.data["municipality"] for e in audit_entry_list_for_user(user=ayse)} == {towns[0].pk}
    assert {e.data["municipality"] for e in audit_entry_list_for_user(user=dariush)} == {
        towns[1].pk
    }
    admin = get_user_model().objects.create_superuser("root", "r@example.org", "x")
    assert audit_entry_list_for_user(user=admin).count() == 4


def test_staff_read_their_municipalitys_log_with_the_changes(client, editors, entries):
    html = get(client, editors[0]).content.decode()
    assert "Kandil (edited)" in html and "Tasua" not in html
    assert "Kandil</del> → <ins>Kandil (edited)" in html
    assert "Public holiday changed. Changed: Name." in html


def test_a_persian_clerk_reads_the_dates_in_the_solar_hijri_calendar(
    client, towns, editors, entries
):
    dariush = editors[1]
    language_set(dariush, "fa")
    entry = ModelLogEntry.objects.filter(data__municipality=towns[1].pk).first()
    entry.timestamp = datetime.datetime(2026, 3, 21, 6, 0, tzinfo=datetime.UTC)  # Nowruz 1405
    entry.save()
    html = get(client, dariush).content.decode()
    assert "۱ فروردین ۱۴۰۵" in html and '<time datetime="2026-03-21T09:30:00+03:30">' in html


def test_the_csv_export_holds_only_the_users_municipality(client, editors, entries):
    response = get(client, editors[0], export="csv")
    assert response.status_code == 200
    text = b"".join(response.streaming_content).decode()
    lines = text.strip().splitlines()
    assert lines[0].startswith("Date/Time,Timestamp (ISO 8601),Municipality,User,Action")
    assert len(lines) == 3  # heading and Bornova's two entries
    assert "Kandil → Kandil (edited)" in text and "Tasua" not in text


def test_the_log_filters_by_action_user_and_date(client, editors, entries):
    ayse = editors[0]
    created = get(client, ayse, action="tenancy.public_holiday.create").content.decode()
    assert "Public holiday added." in created and "Public holiday changed." not in created
    by_user = get(client, ayse, user=ayse.pk).content.decode()
    assert "Kandil (edited)" in by_user
    later = get(client, ayse, timestamp_from="2099-01-01").content.decode()
    assert "Kandil" not in later


def test_a_superuser_filters_by_municipality(client, towns, entries):
    root = get_user_model().objects.create_superuser("root", "r@example.org", "x")
    html = get(client, root).content.decode()
    assert "Kandil (edited)" in html and "Tasua (edited)" in html
    only = get(client, root, municipality=towns[1].pk).content.decode()
    assert "Tasua (edited)" in only and "Kandil (edited)" not in only


def test_a_unit_filter_appears_when_the_organisation_offers_units(
    client, towns, editors, monkeypatch
):
    monkeypatch.setattr(audit, "_unit_choice_providers", [])
    bornova = towns[0]
    for unit in (12, 13):
        audit.audit_log(
            instance=bornova, action="tenancy.municipality.edit", by=editors[0],
            municipality=bornova, unit=unit, before={"phone": "1"}, after={"phone": str(unit)},
        )  # fmt: skip
    assert 'name="unit"' not in get(client, editors[0]).content.decode()
    audit.register_unit_choices(lambda *, user, municipalities: [(12, "Fen İşleri")])
    html = get(client, editors[0], unit=12).content.decode()
    assert 'name="unit"' in html and "Fen İşleri" in html
    assert "1</del> → <ins>12" in html and "→ <ins>13" not in html


def test_someone_who_works_for_no_municipality_cannot_open_the_log(client, towns):
    nobody = get_user_model().objects.create_user("nobody", password="x")
    nobody.user_permissions.add(Permission.objects.get(codename="access_admin"))
    refused = get(client, nobody)
    assert (refused.status_code, refused.url) == (302, "/admin/")  # Wagtail's "permission denied"


def test_the_site_history_hides_another_municipalitys_entries(client, editors, entries):
    html = get(client, editors[0], "/admin/reports/site-history/").content.decode()
    assert "Kandil" in html and "Tasua" not in html
    export = get(client, editors[0], "/admin/reports/site-history/", export="csv")
    text = b"".join(export.streaming_content).decode()
    assert "Kandil" in text and "Tasua" not in text


def test_the_reports_menu_offers_the_audit_log_to_staff_only(client, towns, editors):
    assert "/admin/reports/audit-log/" in get(client, editors[0], "/admin/").content.decode()
    nobody = get_user_model().objects.create_user("nobody", password="x")
    nobody.user_permissions.add(Permission.objects.get(codename="access_admin"))
    assert "/admin/reports/audit-log/" not in get(client, nobody, "/admin/").content.decode()


def test_entries_about_a_unit_the_reader_may_not_see_stay_hidden(
    client, towns, editors, monkeypatch
):
    """A director of one directorate does not read a sibling directorate's changes, in the
    audit log or in the site history; entries about no unit stay visible."""
    monkeypatch.setattr(audit, "_unit_choice_providers", [])
    audit.register_unit_choices(lambda *, user, municipalities: [(12, "Kültür")])
    bornova = towns[0]
    for day, (unit, name) in enumerate(((12, "own unit"), (13, "sibling unit"), (None, "no unit"))):
        holiday = PublicHoliday.objects.create(
            municipality=bornova, date=datetime.date(2027, 1, day + 1), name=name
        )
        audit.audit_log(
            instance=holiday, action="tenancy.public_holiday.edit", by=editors[0],
            municipality=bornova, unit=unit, before={"name": "1"}, after={"name": name},
        )  # fmt: skip
    for path in (URL, "/admin/reports/site-history/"):
        html = get(client, editors[0], path).content.decode()
        assert "own unit" in html and "no unit" in html and "sibling unit" not in html


def test_the_site_history_offers_only_the_authors_of_entries_the_reader_may_read(
    client, towns, editors, entries
):
    html = get(client, editors[0], "/admin/reports/site-history/").content.decode()
    assert 'name="user"' in html and "ayse" in html
    assert "dariush" not in html
