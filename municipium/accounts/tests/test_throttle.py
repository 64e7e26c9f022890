"""Signing in to the admin is throttled by account and by address (django-axes through
``accounts.throttle``): the answer says why, the right password waits for the cool-off, and
only the address the server sees (or the header the operator names) is counted."""

import datetime
import os
import re
import subprocess
import sys

import pytest
from axes.models import AccessAttempt
from django.core import mail
from django.test import override_settings
from django.utils import translation
from django.utils.html import escape

from municipium.accounts.throttle import lockout_message

from .conftest import PASSWORD, fail, member, sign_in

pytestmark = pytest.mark.django_db

LOCKED = "Too many failed sign-in attempts"


def signed_in(response) -> bool:
    return response.status_code == 302 and "_auth_user_id" in response.client.session


def test_thirty_wrong_passwords_lock_the_account_and_then_the_right_one_is_refused(
    client, clerk, settings
):
    statuses = fail(client, "clerk-bornova", 30)
    limit = settings.LOGIN_FAILURE_LIMIT
    assert statuses[: limit - 1] == [200] * (limit - 1)
    assert set(statuses[limit - 1 :]) == {429}
    response = sign_in(client, "clerk-bornova", PASSWORD)
    assert response.status_code == 429 and not signed_in(response)


def test_the_locked_out_answer_is_wagtails_sign_in_page_with_the_message(client, clerk):
    *_, last = [sign_in(client, "clerk-bornova", "wrong") for _ in range(5)]
    html = last.content.decode()
    assert last.status_code == 429
    language = re.search(r'<html lang="([^"]+)"', html)[1]  # the admin's language
    with translation.override(language):
        assert escape(lockout_message()) in html
    assert 'class="login-form"' in html  # the form, to try again later
    assert "Please enter a correct" not in html


def test_the_lockout_ends_after_the_cool_off(client, clerk, settings):
    fail(client, "clerk-bornova", settings.LOGIN_FAILURE_LIMIT)
    assert sign_in(client, "clerk-bornova", PASSWORD).status_code == 429
    # Refused attempts during the lockout do not prolong it.
    earlier = datetime.timedelta(minutes=settings.LOGIN_LOCKOUT_MINUTES, seconds=1)
    for attempt in AccessAttempt.objects.all():
        attempt.attempt_time -= earlier
        attempt.save()
    assert signed_in(sign_in(client, "clerk-bornova", PASSWORD))


def test_a_lockout_of_one_account_leaves_others_from_elsewhere_alone(client, clerk, bornova):
    member(bornova, "editor-bornova")
    fail(client, "clerk-bornova", 5, address="198.51.100.7")
    assert signed_in(sign_in(client, "editor-bornova", PASSWORD, address="203.0.113.5"))
    # The account stays locked from any address.
    assert sign_in(client, "clerk-bornova", PASSWORD, address="203.0.113.6").status_code == 429


def test_an_address_guessing_at_many_accounts_is_locked(client, clerk, settings):
    names = [f"guess-{n}" for n in range(settings.LOGIN_ADDRESS_FAILURE_LIMIT)]
    statuses = [sign_in(client, name, "wrong").status_code for name in names]
    assert statuses[-1] == 429 and set(statuses[:-1]) == {200}
    assert sign_in(client, "clerk-bornova", PASSWORD).status_code == 429
    assert signed_in(sign_in(client, "clerk-bornova", PASSWORD, address="203.0.113.5"))


def test_a_success_forgets_the_accounts_failures_but_not_the_addresss(client, clerk, bornova):
    member(bornova, "mallory")
    fail(client, "clerk-bornova", 4)
    # Mallory signs in to her own account between guesses from the same address...
    assert signed_in(sign_in(client, "mallory", PASSWORD))
    client.logout()
    # ... and the clerk's fifth wrong password still locks the clerk's account.
    assert fail(client, "clerk-bornova", 1) == [429]


def test_a_success_starts_the_count_again_for_that_account(client, clerk):
    fail(client, "clerk-bornova", 4)
    assert signed_in(sign_in(client, "clerk-bornova", PASSWORD))
    client.logout()
    assert fail(client, "clerk-bornova", 4) == [200] * 4


def test_a_forwarded_for_header_is_not_trusted_by_default(client, clerk, bornova, settings):
    member(bornova, "editor-bornova")
    names = [f"guess-{n}" for n in range(settings.LOGIN_ADDRESS_FAILURE_LIMIT)]
    for n, name in enumerate(names):
        sign_in(
            client,
            name,
            "wrong",
            HTTP_X_FORWARDED_FOR=f"192.0.2.{n}",
            HTTP_X_REAL_IP=f"192.0.2.{n}",
        )
    assert set(AccessAttempt.objects.values_list("ip_address", flat=True)) == {"198.51.100.7"}
    assert sign_in(client, "editor-bornova", PASSWORD).status_code == 429


@override_settings(
    AXES_IPWARE_META_PRECEDENCE_ORDER=("HTTP_X_REAL_IP", "REMOTE_ADDR"),
    TRUSTED_PROXIES=["10.0.0.2"],
)
def test_the_header_the_operator_names_gives_the_address(client, clerk):
    fail(client, "clerk-bornova", 2, address="10.0.0.2", HTTP_X_REAL_IP="203.0.113.9")
    assert set(AccessAttempt.objects.values_list("ip_address", flat=True)) == {"203.0.113.9"}


@override_settings(AXES_IPWARE_META_PRECEDENCE_ORDER=("HTTP_X_REAL_IP", "REMOTE_ADDR"))
def test_the_named_header_is_believed_only_from_a_trusted_proxy(client, clerk):
    # core.proxy drops it from any other peer: a client cannot pick the address it is counted
    # under by sending the header itself.
    fail(client, "clerk-bornova", 2, address="198.51.100.8", HTTP_X_REAL_IP="203.0.113.9")
    assert set(AccessAttempt.objects.values_list("ip_address", flat=True)) == {"198.51.100.8"}


@override_settings(TRUSTED_PROXIES=["10.0.0.2"])
def test_behind_a_trusted_proxy_failures_count_against_the_forwarded_client(client, clerk):
    fail(client, "clerk-bornova", 2, address="10.0.0.2", HTTP_X_FORWARDED_FOR="203.0.113.7")
    assert set(AccessAttempt.objects.values_list("ip_address", flat=True)) == {"203.0.113.7"}


@pytest.mark.parametrize(
    ("header", "expected"),
    [("", ("REMOTE_ADDR",)), ("X-Real-IP", ("HTTP_X_REAL_IP", "REMOTE_ADDR"))],
)
def test_client_ip_header_setting_from_the_environment(header, expected):
    code = "import municipium.settings as s; print(repr(s.AXES_IPWARE_META_PRECEDENCE_ORDER))"
    env = {**os.environ, "CLIENT_IP_HEADER": header, "MUNICIPIUM_ENV": "test"}
    result = subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == repr(expected)


def test_limits_and_lockout_period_come_from_the_environment():
    code = (
        "import municipium.settings as s; "
        "print(s.AXES_FAILURE_LIMIT, s.LOGIN_ADDRESS_FAILURE_LIMIT, s.AXES_COOLOFF_TIME)"
    )
    env = {
        **os.environ,
        "MUNICIPIUM_ENV": "test",
        "LOGIN_FAILURE_LIMIT": "7",
        "LOGIN_ADDRESS_FAILURE_LIMIT": "70",
        "LOGIN_LOCKOUT_MINUTES": "45",
    }
    result = subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True
    )
    assert result.stdout.split() == ["7", "70", "0:45:00"]


def test_password_reset_stays_open_to_a_locked_out_account(client, clerk):
    clerk.email = "clerk@bornova.example"
    clerk.save()
    fail(client, "clerk-bornova", 5)
    response = client.post(
        "/admin/password_reset/",
        {"email": "clerk@bornova.example"},
        HTTP_HOST="bornova.localhost",
        REMOTE_ADDR="198.51.100.7",
    )
    assert response.status_code == 302
    assert len(mail.outbox) == 1


@pytest.mark.parametrize("run", ["first", "second"])
def test_tests_do_not_lock_each_other_out(client, clerk, run):
    """The attempts are database rows: each test's transaction takes them away, so the second
    run starts from nothing although the first left the account locked."""
    assert not AccessAttempt.objects.exists()
    assert fail(client, "clerk-bornova", 5) == [200, 200, 200, 200, 429]


def test_the_test_clients_login_is_not_throttled_and_still_checks_the_password(client, clerk):
    """``Client.login`` authenticates without a request: nothing to count, but no error."""
    assert client.login(username="clerk-bornova", password=PASSWORD)
    assert not client.login(username="clerk-bornova", password="wrong")
