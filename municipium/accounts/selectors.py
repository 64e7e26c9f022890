"""Reads about sign-in lockouts: who is locked out now, and who may unblock whom.

A lockout is by account (its username reached ``LOGIN_FAILURE_LIMIT`` failures within the
cool-off) or by address (``LOGIN_ADDRESS_FAILURE_LIMIT``). Superusers see and unblock every
lockout. A municipality's administrators (``organisation.municipality_list_administered_by``)
see and unblock the accounts of their own staff, who are not superusers: they already add and
remove those people, and a clerk should not wait for the installation's operator to sign in
again. An address, or a name that is nobody's account, belongs to no municipality: unblocking
it would let its owner go on guessing at every municipality's accounts, so only superusers may.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from axes.models import AccessAttempt
from django.conf import settings
from django.contrib.auth import get_user_model
from django.db.models import Max, QuerySet, Sum
from django.utils import timezone

from municipium.organisation.selectors import municipality_list_administered_by
from municipium.tenancy.selectors import municipality_list_for_user

ACCOUNT = "account"
ADDRESS = "address"


@dataclass(frozen=True)
class Lockout:
    kind: str  # ACCOUNT or ADDRESS
    key: str  # the username or the address
    failures: int
    last_attempt: datetime.datetime
    user: object | None = None  # the account, if the username names one

    @property
    def until(self) -> datetime.datetime:
        return self.last_attempt + datetime.timedelta(minutes=settings.LOGIN_LOCKOUT_MINUTES)


def _recent_attempts() -> QuerySet[AccessAttempt]:
    since = timezone.now() - datetime.timedelta(minutes=settings.LOGIN_LOCKOUT_MINUTES)
    return AccessAttempt.objects.filter(attempt_time__gte=since)


def _grouped(attempts, field: str, limit: int) -> list[dict]:
    return list(
        attempts.exclude(**{f"{field}__isnull": True})
        .values(field)
        .annotate(failures=Sum("failures_since_start"), last_attempt=Max("attempt_time"))
        .filter(failures__gte=limit)
        .order_by("-last_attempt")
    )


def lockout_list_all() -> list[Lockout]:
    """Every lockout in force, accounts first, the latest first."""
    attempts = _recent_attempts()
    accounts = _grouped(attempts, "username", settings.LOGIN_FAILURE_LIMIT)
    addresses = _grouped(attempts, "ip_address", settings.LOGIN_ADDRESS_FAILURE_LIMIT)
    User = get_user_model()
    users = User._default_manager.filter(
        **{f"{User.USERNAME_FIELD}__in": [row["username"] for row in accounts]}
    )
    by_name = {user.get_username(): user for user in users}
    return [
        Lockout(
            ACCOUNT,
            row["username"],
            row["failures"],
            row["last_attempt"],
            by_name.get(row["username"]),
        )
        for row in accounts
    ] + [
        Lockout(ADDRESS, row["ip_address"], row["failures"], row["last_attempt"])
        for row in addresses
    ]


def staff_ids_administered_by(*, user) -> set[int]:
    """The ids of the staff (not superusers) of the municipalities ``user`` administers."""
    administered = municipality_list_administered_by(user=user)
    return set(
        get_user_model()
        ._default_manager.filter(groups__municipalities__in=administered, is_superuser=False)
        .values_list("pk", flat=True)
    )


def lockout_may_reset(*, user, lockout: Lockout, staff_ids: set[int] | None = None) -> bool:
    if user.is_superuser:
        return True
    if lockout.kind != ACCOUNT or lockout.user is None or lockout.user.is_superuser:
        return False
    if staff_ids is None:
        staff_ids = staff_ids_administered_by(user=user)
    return lockout.user.pk in staff_ids


def lockout_list_for_user(*, user) -> list[Lockout]:
    """The lockouts ``user`` may see and unblock (see the module's note)."""
    if not user.is_authenticated:
        return []
    if user.is_superuser:
        return lockout_list_all()
    staff_ids = staff_ids_administered_by(user=user)
    if not staff_ids:
        return []
    return [
        lockout
        for lockout in lockout_list_all()
        if lockout_may_reset(user=user, lockout=lockout, staff_ids=staff_ids)
    ]


def lockout_get(*, kind: str, key: str) -> Lockout | None:
    return next(
        (lockout for lockout in lockout_list_all() if (lockout.kind, lockout.key) == (kind, key)),
        None,
    )


def account_municipality(*, user):
    """The municipality an account's lockout is filed under in the audit log: the first one the
    account works for (None for a superuser, who works for all of them)."""
    if user is None or user.is_superuser:
        return None
    return municipality_list_for_user(user=user).order_by("pk").first()
