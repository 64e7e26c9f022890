"""Writes of the archive: the contributors' consents. Items themselves are pages, edited and
published in Wagtail's editor (which refuses to publish one without consent)."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from municipium.core.audit import audit_log, snapshot
from municipium.tenancy.services import (
    municipality_owned_delete,
    municipality_owned_save,
    staff_check,
)

from .models import ArchiveItemPage, Consent

ACTION_PREFIX = "archive.consent"


@transaction.atomic
def consent_save(*, consent: Consent, by) -> Consent:
    """Record or correct a consent. A withdrawn consent stays withdrawn (withdraw, then record
    a new one)."""
    consent.full_clean()
    stored = Consent.objects.filter(pk=consent.pk).values_list("withdrawn_at", flat=True)
    was_withdrawn = consent.pk is not None and stored.first() is not None
    if was_withdrawn and consent.withdrawn_at is None:
        raise ValidationError(
            _("This consent was withdrawn: record a new consent instead of changing it.")
        )
    # A withdrawal entered on the form is the withdrawal service's: it unpublishes the items.
    withdrawing = consent.pk is not None and not was_withdrawn and consent.withdrawn_at
    at = consent.withdrawn_at
    if withdrawing:
        consent.withdrawn_at = None
    municipality_owned_save(consent, by=by, action_prefix=ACTION_PREFIX)
    if withdrawing:
        return consent_withdraw(consent=consent, by=by, at=at)
    return consent


@transaction.atomic
def consent_delete(*, consent: Consent, by) -> None:
    """Delete a consent recorded by mistake; one that items depend on is withdrawn instead."""
    if ArchiveItemPage.objects.filter(consent=consent).exists():
        raise ValidationError(
            _("Items depend on this consent: withdraw it instead of deleting it.")
        )
    municipality_owned_delete(consent, by=by, action_prefix=ACTION_PREFIX)


@transaction.atomic
def consent_withdraw(*, consent: Consent, by, at=None) -> Consent:
    """Withdraw ``consent`` and unpublish every item (in every language) that depends on it: it
    leaves the site, the listings, the sitemap and the search at once. Audited."""
    consent = Consent.objects.select_for_update().get(pk=consent.pk)
    staff_check(by=by, municipality_ids=[consent.municipality_id])
    if consent.withdrawn_at is not None:
        return consent
    before = snapshot(consent)
    consent.withdrawn_at = at or timezone.now()
    items = list(ArchiveItemPage.objects.filter(consent=consent, live=True))
    consent.save(update_fields=["withdrawn_at"])
    for item in items:
        item.unpublish(user=by, log_action="wagtail.unpublish")
    audit_log(
        instance=consent,
        action=f"{ACTION_PREFIX}.withdraw",
        by=by,
        municipality=consent.municipality_id,
        before=before,
        after=snapshot(consent),
        extra={"unpublished": [item.pk for item in items]},
    )
    return consent
