"""Changes to what a culture directorate's work shares: venues, partners and types of event.

Each is a named service taking the acting user (``by``; None for the system and the demo): one
transaction, validated, one audit entry with what changed (texts per language included), the
site's cached pages purged on commit. Types of event are shared by every municipality: only
superusers change them."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import ProtectedError
from django.utils.translation import gettext as _

from municipium.core.audit import audited_delete, audited_save, snapshot
from municipium.tenancy.services import (
    municipality_owned_delete,
    municipality_owned_save,
    municipality_purge_all_caches,
)

from .models import EventType, Partner, PartnerText, Venue, VenueText


def _texts_check(instance) -> None:
    languages = [row.language for row in instance.texts.all()]
    if len(set(languages)) != len(languages):
        raise ValidationError(_("Give one text per language."))
    if unknown := set(languages) - set(instance.municipality.languages):
        raise ValidationError(
            _("The municipality does not publish in %(languages)s.")
            % {"languages": ", ".join(sorted(unknown))}
        )


def _text_rows(instance, model, texts: dict[str, dict]) -> list:
    existing = {row.language: row for row in instance.texts.all()} if instance.pk else {}
    rows = []
    for index, (language, fields) in enumerate(texts.items()):
        row = existing.get(language) or model(language=language)
        for name, value in fields.items():
            setattr(row, name, value or "")
        row.sort_order = index
        rows.append(row)
    return rows


def venue_snapshot(venue: Venue) -> dict:
    texts = {
        row.language: {"directions": row.directions, "accessibility": row.accessibility}
        for row in venue.texts.all()
    }
    return snapshot(venue, extra={"texts": texts})


def partner_snapshot(partner: Partner) -> dict:
    texts = {row.language: row.description for row in partner.texts.all()}
    return snapshot(partner, extra={"texts": texts})


@transaction.atomic
def venue_save(*, instance: Venue, by, texts: dict | None = None) -> Venue:
    """Create or change a venue and its texts (``{language: {directions, accessibility}}``;
    None: the rows it carries, as the admin's form gives them)."""
    if texts is not None:
        instance.texts = _text_rows(instance, VenueText, texts)
    if (instance.latitude is None) != (instance.longitude is None):
        raise ValidationError(_("Give both the latitude and the longitude, or neither."))
    _texts_check(instance)
    return municipality_owned_save(
        instance, by=by, action_prefix="culture.venue", snapshot_of=venue_snapshot
    )


@transaction.atomic
def venue_delete(*, instance: Venue, by) -> None:
    """Delete a venue no event or booking uses."""
    try:
        municipality_owned_delete(instance, by=by, action_prefix="culture.venue")
    except ProtectedError as error:
        raise ValidationError(_("Events still take place at this venue.")) from error


@transaction.atomic
def partner_save(*, instance: Partner, by, texts: dict[str, str] | None = None) -> Partner:
    """Create or change a partner and its descriptions (``{language: description}``)."""
    if texts is not None:
        instance.texts = _text_rows(
            instance,
            PartnerText,
            {language: {"description": text} for language, text in texts.items()},
        )
    _texts_check(instance)
    return municipality_owned_save(
        instance, by=by, action_prefix="culture.partner", snapshot_of=partner_snapshot
    )


def partner_ensure(*, municipality, name: str, kind: str, by=None, texts=None, **fields) -> Partner:
    """The municipality's partner of that name, created (through ``partner_save``) if missing;
    an existing one is left as staff made it (the demos and imports run again)."""
    found = Partner.objects.filter(municipality=municipality, name=name).first()
    if found is not None:
        return found
    partner = Partner(municipality=municipality, name=name, kind=kind, **fields)
    return partner_save(instance=partner, by=by, texts=texts)


@transaction.atomic
def partner_delete(*, instance: Partner, by) -> None:
    try:
        municipality_owned_delete(instance, by=by, action_prefix="culture.partner")
    except ProtectedError as error:
        raise ValidationError(_("Other records still refer to this partner.")) from error


def _superuser_check(by) -> None:
    if by is not None and not by.is_superuser:
        raise PermissionDenied(_("Only the platform's administrators change the types of event."))


def event_type_snapshot(event_type: EventType) -> dict:
    names = {row.language: row.name for row in event_type.names.all()}
    return snapshot(event_type, extra={"names": names})


@transaction.atomic
def event_type_save(*, instance: EventType, by) -> EventType:
    _superuser_check(by)
    if not list(instance.names.all()):
        raise ValidationError(_("Give a name in at least one language."))
    saved = audited_save(
        instance,
        by=by,
        action_prefix="culture.event_type",
        municipality=None,
        snapshot_of=event_type_snapshot,
    )
    # The types are the installation's: their names stand on every site's programme (and in
    # its cached filter choices).
    transaction.on_commit(municipality_purge_all_caches)
    return saved


@transaction.atomic
def event_type_delete(*, instance: EventType, by) -> None:
    _superuser_check(by)
    try:
        audited_delete(
            instance,
            by=by,
            action_prefix="culture.event_type",
            municipality=None,
            snapshot_of=event_type_snapshot,
        )
    except ProtectedError as error:
        raise ValidationError(_("Events of this type exist: it cannot be deleted.")) from error
    transaction.on_commit(municipality_purge_all_caches)
