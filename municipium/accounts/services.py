"""Changes of sign-in lockouts: the audit entry of a lockout, and unblocking one.

Axes itself writes and deletes its ``AccessAttempt`` rows as sign-ins fail and succeed; these
services are what a person (or the system, ``by=None``) does about them, each with one entry
through ``core.audit`` filed under the account's municipality, or for an address or an unknown
name under the municipality whose host was used."""

from __future__ import annotations

from axes.models import AccessAttempt
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from municipium.core.audit import audit_log

from .selectors import (
    ACCOUNT,
    ADDRESS,
    Lockout,
    account_municipality,
    lockout_get,
    lockout_may_reset,
)


def _account(username):
    if not username:
        return None
    User = get_user_model()
    return User._default_manager.filter(**{User.USERNAME_FIELD: username}).first()


@transaction.atomic
def login_lockout_record(
    *,
    username: str | None,
    ip_address: str | None,
    account_failures: int,
    address_failures: int,
    host_municipality=None,
):
    """Audit a new lockout, as the system: the account's, the address's or both."""
    account_locked = account_failures >= settings.LOGIN_FAILURE_LIMIT
    address_locked = address_failures >= settings.LOGIN_ADDRESS_FAILURE_LIMIT
    if not (account_locked or address_locked):
        return None
    user = _account(username)
    instance = user or (
        AccessAttempt.objects.filter(username=username, ip_address=ip_address)
        .order_by("-attempt_time")
        .first()
    )
    if instance is None:
        return None
    locked = [kind for kind, on in ((ACCOUNT, account_locked), (ADDRESS, address_locked)) if on]
    return audit_log(
        instance=instance,
        action="accounts.lockout.create",
        by=None,
        municipality=account_municipality(user=user) or host_municipality,
        before={"locked": []},
        after={"locked": locked},
        extra={
            "username": username,
            "ip_address": ip_address,
            "account_failures": account_failures,
            "address_failures": address_failures,
            "minutes": settings.LOGIN_LOCKOUT_MINUTES,
        },
        title=username or ip_address or "",
    )


@transaction.atomic
def login_lockout_reset(*, kind: str, key: str, by, host_municipality=None):
    """Unblock an account (forget its failures, from every address) or an address (forget
    every failure from it). Superusers may unblock anything; a municipality's administrators
    the accounts of their own staff (``selectors.lockout_may_reset``)."""
    lockout = lockout_get(kind=kind, key=key)
    if by is not None:
        # Whether a sign-in is blocked is told only to someone who may unblock it.
        probe = lockout or Lockout(kind, key, 0, timezone.now(), _account(key))
        if kind not in (ACCOUNT, ADDRESS) or not lockout_may_reset(user=by, lockout=probe):
            raise PermissionDenied(_("You may not unblock this sign-in."))
    if lockout is None:
        raise ValidationError(_("This sign-in is not blocked (any more)."))
    attempts = AccessAttempt.objects.filter(
        Q(username=key) if kind == ACCOUNT else Q(ip_address=key)
    )
    instance = lockout.user or attempts.order_by("-attempt_time").first()
    attempts.delete()
    return audit_log(
        instance=instance,
        action="accounts.lockout.delete",
        by=by,
        municipality=account_municipality(user=lockout.user) or host_municipality,
        before={"locked": [kind]},
        after={"locked": []},
        extra={
            "username": key if kind == ACCOUNT else None,
            "ip_address": key if kind == ADDRESS else None,
            "failures": lockout.failures,
        },
        title=key,
    )
