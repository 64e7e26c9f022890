"""Issuing, changing and revoking the keys of Open311 client applications: each a named,
audited service. A key is returned once, by ``api_client_create``; only its digest is kept."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from municipium.core.audit import audited_delete, audited_save, snapshot
from municipium.tenancy.services import staff_check, stored_municipality_id

from .keys import key_hash, key_new, key_prefix
from .models import ApiClient

ACTION_PREFIX = "open311.api_client"
AUDITED_FIELDS = ("municipality", "name", "contact", "key_prefix", "is_active", "revoked_at")


def api_client_snapshot(api_client: ApiClient) -> dict:
    """What the audit log keeps of a client: never its key's digest."""
    return snapshot(api_client, fields=AUDITED_FIELDS)


def _save(api_client: ApiClient, *, by) -> ApiClient:
    return audited_save(
        api_client,
        by=by,
        action_prefix=ACTION_PREFIX,
        municipality=api_client.municipality_id,
        snapshot_of=api_client_snapshot,
    )


@transaction.atomic
def api_client_create(
    *, municipality, name: str, by, contact: str = "", key: str | None = None
) -> tuple[ApiClient, str]:
    """A new client application of ``municipality`` and its key, to be shown once. ``key``
    is for the demo's published key only; otherwise a random one is made."""
    staff_check(by=by, municipality_ids=[municipality.pk])
    key = key or key_new()
    api_client = ApiClient(
        municipality=municipality,
        name=name.strip(),
        contact=contact.strip(),
        key_prefix=key_prefix(key),
        key_hash=key_hash(key),
    )
    return _save(api_client, by=by), key


@transaction.atomic
def api_client_save(*, instance: ApiClient, by) -> ApiClient:
    """Change a client's name, contact or whether its key is active (an untick revokes it;
    a tick gives it back). A new client goes through ``api_client_create``."""
    if instance.pk is None:
        raise ValidationError(_("Create a client through its own form, which makes its key."))
    staff_check(
        by=by, municipality_ids=[instance.municipality_id, stored_municipality_id(instance)]
    )
    if not instance.is_active and instance.revoked_at is None:
        instance.revoked_at = timezone.now()
    elif instance.is_active:
        instance.revoked_at = None
    return _save(instance, by=by)


@transaction.atomic
def api_client_revoke(*, api_client: ApiClient, by) -> ApiClient:
    """Revoke the client's key: the API refuses it from now on."""
    api_client.is_active = False
    return api_client_save(instance=api_client, by=by)


@transaction.atomic
def api_client_delete(*, instance: ApiClient, by) -> None:
    staff_check(by=by, municipality_ids=[instance.municipality_id])
    audited_delete(
        instance,
        by=by,
        action_prefix=ACTION_PREFIX,
        municipality=instance.municipality_id,
        snapshot_of=api_client_snapshot,
    )


def api_client_ensure(*, municipality, name: str, key: str) -> ApiClient:
    """The client named ``name`` with ``key`` (the demo's): made once, a second run changes
    nothing."""
    found = ApiClient.objects.filter(municipality=municipality, name=name).first()
    if found is not None:
        return found
    return api_client_create(municipality=municipality, name=name, key=key, by=None)[0]
