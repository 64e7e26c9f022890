"""Reads of client applications: by key, for the API; the ones a member of staff manages."""

from __future__ import annotations

from django.db.models import QuerySet

from municipium.tenancy.selectors import municipality_list_for_user

from .keys import key_hash
from .models import ApiClient


def api_client_get_for_key(*, municipality, key: str) -> ApiClient | None:
    """The active client of ``municipality`` holding ``key``, or None (no key, a wrong one,
    a revoked one, another municipality's)."""
    if municipality is None or not key:
        return None
    return ApiClient.objects.filter(
        municipality=municipality, key_hash=key_hash(key), is_active=True
    ).first()


def api_client_list_for_user(*, user) -> QuerySet[ApiClient]:
    return ApiClient.objects.filter(municipality__in=municipality_list_for_user(user=user))
