"""The audit trail's building blocks, on a model of Wagtail's own (a Site: core knows no app)."""

import pytest
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from wagtail.models import ModelLogEntry, Page, Site

from municipium.core.audit import (
    _json_value,
    audit_log,
    audited_delete,
    audited_save,
    changes,
    snapshot,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def site():
    return Site.objects.create(hostname="audit.example", root_page=Page.objects.get(depth=1))


@pytest.fixture
def clerk():
    return get_user_model().objects.create_user("clerk", password="x")


def test_changes_lists_only_what_differs():
    assert changes({"a": 1, "b": 2}, {"a": 1, "b": 3, "c": 4}) == {"b": [2, 3], "c": [None, 4]}
    assert changes(None, {"a": 1}) == {"a": [None, 1]}
    assert changes({"a": 1}, None) == {"a": [1, None]}


def test_snapshot_keeps_foreign_keys_as_ids_and_leaves_out_the_primary_key(site):
    values = snapshot(site)
    assert values["hostname"] == "audit.example"
    assert values["root_page"] == site.root_page_id
    assert "id" not in values
    assert snapshot(site, fields={"port"}, extra={"names": {"tr": "X"}}) == {
        "port": 80,
        "names": {"tr": "X"},
    }


def test_audit_log_writes_one_entry_with_the_scope_and_the_changes(site, clerk):
    entry = audit_log(
        instance=site,
        action="wagtail.edit",
        by=clerk,
        municipality=7,
        unit=12,
        before={"port": 80},
        after={"port": 8080},
    )
    assert ModelLogEntry.objects.count() == 1
    assert entry.user == clerk
    assert entry.data == {"municipality": 7, "unit": 12, "changes": {"port": [80, 8080]}}


def test_audited_save_logs_a_creation_then_only_the_changed_fields(site, clerk):
    new = Site(hostname="new.example", root_page=site.root_page)
    audited_save(new, by=clerk, action_prefix="wagtail", municipality=1)
    created = ModelLogEntry.objects.get(action="wagtail.create")
    assert created.data["changes"]["hostname"] == [None, "new.example"]

    new.port = 8000
    audited_save(new, by=clerk, action_prefix="wagtail", municipality=1)
    edited = ModelLogEntry.objects.get(action="wagtail.edit")
    assert edited.data["changes"] == {"port": [80, 8000]}


def test_audited_save_of_an_unchanged_row_writes_nothing(site, clerk):
    audited_save(site, by=clerk, action_prefix="wagtail", municipality=1)
    assert not ModelLogEntry.objects.exists()


def test_audited_save_that_fails_validation_saves_and_logs_nothing(site, clerk):
    site.hostname = ""
    with pytest.raises(ValidationError):
        audited_save(site, by=clerk, action_prefix="wagtail", municipality=1)
    assert Site.objects.get(pk=site.pk).hostname == "audit.example"
    assert not ModelLogEntry.objects.exists()


def test_audited_delete_keeps_what_the_row_held(site, clerk):
    audited_delete(site, by=clerk, action_prefix="wagtail", municipality=1)
    entry = ModelLogEntry.objects.get(action="wagtail.delete")
    assert entry.data["changes"]["hostname"] == ["audit.example", None]
    assert not Site.objects.filter(hostname="audit.example").exists()


def test_the_same_instant_in_another_time_zone_is_no_change():
    import datetime
    import zoneinfo

    utc = datetime.datetime(2027, 1, 5, 9, 0, tzinfo=datetime.UTC)
    tehran = utc.astimezone(zoneinfo.ZoneInfo("Asia/Tehran"))
    assert changes({"at": _json_value(utc)}, {"at": _json_value(tehran)}) == {}
