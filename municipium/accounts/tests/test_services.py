"""A lockout writes one audit entry, filed under the account's municipality; unblocking is a
service that superusers may use for anything and a municipality's administrators for the
accounts of their own staff only, each unblock audited."""

import pytest
from axes.models import AccessAttempt
from django.core.exceptions import PermissionDenied, ValidationError
from wagtail.models import ModelLogEntry

from municipium.accounts.selectors import ACCOUNT, ADDRESS, lockout_list_for_user
from municipium.accounts.services import login_lockout_reset

from .conftest import PASSWORD, fail, member, sign_in

pytestmark = pytest.mark.django_db


def entries(action):
    return list(ModelLogEntry.objects.filter(action=action))


def test_a_lockout_writes_one_audit_entry_under_the_accounts_municipality(
    client, clerk, bornova, sisli
):
    fail(client, "clerk-bornova", 5, host="sisli.localhost")
    fail(client, "clerk-bornova", 3, host="sisli.localhost")  # refused: no second entry
    sign_in(client, "clerk-bornova", PASSWORD)
    (entry,) = entries("accounts.lockout.create")
    assert entry.user is None and entry.object_id == str(clerk.pk)
    assert entry.data["municipality"] == bornova.pk
    assert entry.data["changes"] == {"locked": [[], ["account"]]}
    assert entry.data["username"] == "clerk-bornova"
    assert entry.data["ip_address"] == "198.51.100.7"
    assert entry.data["account_failures"] == 5


def test_a_lockout_of_an_address_is_filed_under_the_host_it_tried(client, bornova, settings):
    for n in range(settings.LOGIN_ADDRESS_FAILURE_LIMIT):
        sign_in(client, f"guess-{n}", "wrong")
    (entry,) = entries("accounts.lockout.create")
    assert entry.data["municipality"] == bornova.pk
    assert entry.data["changes"] == {"locked": [[], ["address"]]}


def test_no_entry_below_the_limit(client, clerk):
    fail(client, "clerk-bornova", 4)
    assert entries("accounts.lockout.create") == []


def test_an_administrator_unblocks_their_clerk_with_one_entry(client, clerk, bornova):
    administrator = member(bornova, "admin-bornova", administrator=True)
    fail(client, "clerk-bornova", 5)
    login_lockout_reset(kind=ACCOUNT, key="clerk-bornova", by=administrator)
    assert not AccessAttempt.objects.filter(username="clerk-bornova").exists()
    (entry,) = entries("accounts.lockout.delete")
    assert entry.user == administrator and entry.object_id == str(clerk.pk)
    assert entry.data["municipality"] == bornova.pk
    assert entry.data["changes"] == {"locked": [["account"], []]}
    assert entry.data["failures"] == 5
    client.logout()
    response = sign_in(client, "clerk-bornova", PASSWORD, address="203.0.113.5")
    assert response.status_code == 302


def test_another_municipalitys_administrator_may_not_unblock(client, clerk, sisli):
    stranger = member(sisli, "admin-sisli", administrator=True)
    fail(client, "clerk-bornova", 5)
    with pytest.raises(PermissionDenied):
        login_lockout_reset(kind=ACCOUNT, key="clerk-bornova", by=stranger)
    assert AccessAttempt.objects.filter(username="clerk-bornova").exists()
    assert entries("accounts.lockout.delete") == []


def test_a_clerk_may_not_unblock_a_colleague(client, clerk, bornova):
    colleague = member(bornova, "editor-bornova")
    fail(client, "clerk-bornova", 5)
    with pytest.raises(PermissionDenied):
        login_lockout_reset(kind=ACCOUNT, key="clerk-bornova", by=colleague)


def test_administrators_may_not_unblock_a_superuser_or_an_address(
    client, bornova, superuser, settings
):
    administrator = member(bornova, "admin-bornova", administrator=True)
    fail(client, "root", 5, address="203.0.113.1")
    for n in range(settings.LOGIN_ADDRESS_FAILURE_LIMIT):
        sign_in(client, f"guess-{n}", "wrong")
    for kind, key in ((ACCOUNT, "root"), (ADDRESS, "198.51.100.7")):
        with pytest.raises(PermissionDenied):
            login_lockout_reset(kind=kind, key=key, by=administrator)
    assert lockout_list_for_user(user=administrator) == []


def test_a_superuser_unblocks_an_address(client, bornova, superuser, settings):
    for n in range(settings.LOGIN_ADDRESS_FAILURE_LIMIT):
        sign_in(client, f"guess-{n}", "wrong")
    (lockout,) = lockout_list_for_user(user=superuser)
    assert (lockout.kind, lockout.key) == (ADDRESS, "198.51.100.7")
    login_lockout_reset(kind=ADDRESS, key="198.51.100.7", by=superuser, host_municipality=bornova)
    assert not AccessAttempt.objects.exists()
    (entry,) = entries("accounts.lockout.delete")
    assert entry.data["ip_address"] == "198.51.100.7" and entry.data["municipality"] == bornova.pk


def test_unblocking_what_is_not_blocked_is_refused_without_an_entry(clerk, superuser):
    with pytest.raises(ValidationError):
        login_lockout_reset(kind=ACCOUNT, key="clerk-bornova", by=superuser)
    assert entries("accounts.lockout.delete") == []


def test_administrators_see_only_their_own_staffs_lockouts(client, clerk, bornova, sisli):
    member(sisli, "clerk-sisli")
    administrator = member(bornova, "admin-bornova", administrator=True)
    fail(client, "clerk-bornova", 5, address="203.0.113.1")
    fail(client, "clerk-sisli", 5, address="203.0.113.2")
    fail(client, "nobody", 5, address="203.0.113.3")
    assert [lockout.key for lockout in lockout_list_for_user(user=administrator)] == [
        "clerk-bornova"
    ]
