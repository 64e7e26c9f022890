"""Changes to a municipality's organisation: units, people, job titles and staff memberships.

Each is a named service that takes the acting user (``by``; None for the system and the demo),
runs in one transaction, validates, writes one audit entry with what changed, and purges the
municipality's cached pages (directorate pages show the organisation).
The admin's views call ``*_save`` with an instance that carries the form's unsaved changes,
child rows (names, positions) included."""

from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import ProtectedError
from django.utils.translation import gettext as _

from municipium.core.audit import audited_delete, audited_save, snapshot
from municipium.tenancy.selectors import municipality_list_for_user
from municipium.tenancy.services import (
    municipality_purge_cache,
    staff_check,
    stored_municipality_id,
)

from .changes import organisation_changed
from .models import JobTitle, JobTitleName, Membership, Person, Position, Unit, UnitName


def _names(instance) -> dict[str, str]:
    return {row.language: row.name for row in instance.names.all()}


def _check_names(instance, municipality) -> None:
    rows = list(instance.names.all())
    if not rows:
        raise ValidationError(_("Give a name in at least one language."))
    languages = [row.language for row in rows]
    if len(set(languages)) != len(languages):
        raise ValidationError(_("Give one name per language."))
    if unknown := set(languages) - set(municipality.languages):
        raise ValidationError(
            _("The municipality does not publish in %(languages)s.")
            % {"languages": ", ".join(sorted(unknown))}
        )


# Units -------------------------------------------------------------------------------------


def unit_snapshot(unit: Unit) -> dict:
    positions = [
        {
            "person": position.person_id,
            "job_title": position.job_title_id,
            "is_head": position.is_head,
            "appointed_on": position.appointed_on,
            "ended_on": position.ended_on,
        }
        for position in unit.positions.all()
    ]
    return snapshot(unit, extra={"names": _names(unit), "positions": positions})


def _check_parent(unit: Unit) -> None:
    if unit.parent_id is None:
        return
    parents = dict(
        Unit.objects.filter(municipality_id=unit.municipality_id).values_list("pk", "parent_id")
    )
    seen, current = set(), unit.parent_id
    while current is not None and current not in seen:
        if unit.pk is not None and current == unit.pk:
            raise ValidationError(
                {"parent": _("A unit cannot be part of itself, directly or through others.")}
            )
        seen.add(current)
        current = parents.get(current)


def _overlaps(first: Position, second: Position) -> bool:
    """Two heads of a unit conflict when neither has ended, or when both periods are known
    and overlap. An unknown start is no evidence of an overlap."""
    if first.ended_on is None and second.ended_on is None:
        return True
    if first.appointed_on is None or second.appointed_on is None:
        return False
    return first.appointed_on <= (second.ended_on or date.max) and second.appointed_on <= (
        first.ended_on or date.max
    )


def _check_positions(unit: Unit) -> None:
    positions = list(unit.positions.all())
    heads = [position for position in positions if position.is_head]
    for index, head in enumerate(heads):
        if any(_overlaps(head, other) for other in heads[index + 1 :]):
            raise ValidationError(_("This unit already has a head for that period."))
    for position in positions:
        position.clean()
        if position.person.municipality_id != unit.municipality_id:
            raise ValidationError(
                _("%(person)s works for another municipality.") % {"person": position.person}
            )
        if position.job_title.municipality_id != unit.municipality_id:
            raise ValidationError(_("This job title belongs to another municipality."))


@transaction.atomic
def unit_save(*, instance: Unit, by) -> Unit:
    """Create or change a unit, its names and the positions held in it."""
    municipality = instance.municipality
    staff_check(by=by, municipality_ids=[municipality.pk, stored_municipality_id(instance)])
    if instance.parent is not None and instance.parent.municipality_id != municipality.pk:
        raise ValidationError({"parent": _("This unit belongs to another municipality.")})
    _check_parent(instance)
    _check_names(instance, municipality)
    _check_positions(instance)
    former_parent = Unit.objects.filter(pk=instance.pk).values_list("parent_id", flat=True)
    former_parent_id = former_parent.first() if instance.pk else None
    audited_save(
        instance,
        by=by,
        action_prefix="organisation.unit",
        municipality=municipality,
        unit=instance,
        snapshot_of=unit_snapshot,
    )
    municipality_purge_cache(municipality=municipality)
    organisation_changed(municipality_id=municipality.pk, unit_ids=[instance.pk, former_parent_id])
    return instance


@transaction.atomic
def unit_delete(*, instance: Unit, by) -> None:
    """Delete a unit that has no unit below it and no page presenting it: a unit that was
    closed is better marked inactive, which keeps its history."""
    staff_check(by=by, municipality_ids=[instance.municipality_id])
    if instance.children.exists():
        raise ValidationError(_("Move or delete the units below this one first."))
    if instance.pages.exists():
        raise ValidationError(_("A page presents this unit: choose another unit for it first."))
    municipality = instance.municipality
    try:
        audited_delete(
            instance,
            by=by,
            action_prefix="organisation.unit",
            municipality=municipality,
            unit=instance.pk,
            snapshot_of=unit_snapshot,
        )
    except ProtectedError as error:
        raise ValidationError(_("Other records still refer to this unit.")) from error
    municipality_purge_cache(municipality=municipality)
    organisation_changed(municipality_id=municipality.pk, unit_ids=[instance.parent_id])


def unit_ensure(
    *, municipality, code: str, names: dict[str, str], by, parent: Unit | None = None, **fields
) -> Unit:
    """The unit ``code`` of ``municipality``, created or brought up to date (the demo and
    imports): a second run with the same values writes nothing."""
    unit = Unit.objects.filter(municipality=municipality, code=code).first()
    unit = unit or Unit(municipality=municipality, code=code)
    unit.parent = parent
    for key, value in fields.items():
        setattr(unit, key, value)
    unit.names = _name_rows(unit, UnitName, names)
    return unit_save(instance=unit, by=by)


def unit_positions_set(*, unit: Unit, positions: list[dict], by) -> Unit:
    """The positions held in ``unit`` become ``positions`` (dicts of person, job_title,
    is_head, appointed_on, ended_on), in order."""
    unit.positions = _rows(list(unit.positions.all()), Position, positions)
    return unit_save(instance=unit, by=by)


def _rows(existing: list, model, items: list[dict]) -> list:
    """Child rows for ``items``, reusing ``existing`` ones by position: running the same
    change again rewrites nothing."""
    rows = []
    for index, fields in enumerate(items):
        row = existing[index] if index < len(existing) else model()
        for key, value in {**fields, "sort_order": index}.items():
            setattr(row, key, value)
        rows.append(row)
    return rows


def _name_rows(instance, model, names: dict[str, str]) -> list:
    return _rows(
        list(instance.names.all()) if instance.pk else [],
        model,
        [{"language": language, "name": name} for language, name in names.items()],
    )


# People and job titles ---------------------------------------------------------------------


def _units_of(**holding) -> list[int]:
    """The units where ``person=`` or ``job_title=`` is held: the pages showing them change."""
    if not next(iter(holding.values())).pk:
        return []
    return list(Position.objects.filter(**holding).values_list("unit_id", flat=True).distinct())


@transaction.atomic
def person_save(*, instance: Person, by) -> Person:
    staff_check(
        by=by, municipality_ids=[instance.municipality_id, stored_municipality_id(instance)]
    )
    audited_save(
        instance, by=by, action_prefix="organisation.person", municipality=instance.municipality_id
    )
    municipality_purge_cache(municipality=instance.municipality)
    organisation_changed(
        municipality_id=instance.municipality_id, unit_ids=_units_of(person=instance)
    )
    return instance


@transaction.atomic
def person_delete(*, instance: Person, by) -> None:
    staff_check(by=by, municipality_ids=[instance.municipality_id])
    municipality = instance.municipality
    unit_ids = _units_of(person=instance)
    audited_delete(instance, by=by, action_prefix="organisation.person", municipality=municipality)
    municipality_purge_cache(municipality=municipality)
    organisation_changed(municipality_id=municipality.pk, unit_ids=unit_ids)


def person_ensure(*, municipality, name: str, by, **fields) -> Person:
    """The person ``name`` of ``municipality``, created or brought up to date."""
    person = Person.objects.filter(municipality=municipality, name=name).first()
    person = person or Person(municipality=municipality, name=name)
    for key, value in fields.items():
        setattr(person, key, value)
    return person_save(instance=person, by=by)


def job_title_snapshot(job_title: JobTitle) -> dict:
    return snapshot(job_title, extra={"names": _names(job_title)})


@transaction.atomic
def job_title_save(*, instance: JobTitle, by) -> JobTitle:
    staff_check(
        by=by, municipality_ids=[instance.municipality_id, stored_municipality_id(instance)]
    )
    _check_names(instance, instance.municipality)
    audited_save(
        instance,
        by=by,
        action_prefix="organisation.job_title",
        municipality=instance.municipality_id,
        snapshot_of=job_title_snapshot,
    )
    municipality_purge_cache(municipality=instance.municipality)
    organisation_changed(
        municipality_id=instance.municipality_id, unit_ids=_units_of(job_title=instance)
    )
    return instance


@transaction.atomic
def job_title_delete(*, instance: JobTitle, by) -> None:
    staff_check(by=by, municipality_ids=[instance.municipality_id])
    if instance.positions.exists():
        raise ValidationError(_("People hold positions with this title: change them first."))
    audited_delete(
        instance,
        by=by,
        action_prefix="organisation.job_title",
        municipality=instance.municipality_id,
        snapshot_of=job_title_snapshot,
    )


def job_title_ensure(*, municipality, code: str, names: dict[str, str], by) -> JobTitle:
    job_title = JobTitle.objects.filter(municipality=municipality, code=code).first()
    job_title = job_title or JobTitle(municipality=municipality, code=code)
    job_title.names = _name_rows(job_title, JobTitleName, names)
    return job_title_save(instance=job_title, by=by)


# Staff memberships -------------------------------------------------------------------------


@transaction.atomic
def membership_save(*, instance: Membership, by) -> Membership:
    """Put a member of staff in a unit with a role, or change their role. They must work for
    the unit's municipality (be in one of its staff groups)."""
    municipality = instance.unit.municipality
    staff_check(by=by, municipality_ids=[municipality.pk])
    works_for = municipality_list_for_user(user=instance.user).filter(pk=municipality.pk)
    if not works_for.exists():
        raise ValidationError(
            {
                "user": _(
                    "%(user)s does not work for %(municipality)s: add them to one of its "
                    "staff groups first."
                )
                % {"user": instance.user, "municipality": municipality}
            }
        )
    audited_save(
        instance,
        by=by,
        action_prefix="organisation.membership",
        municipality=municipality,
        unit=instance.unit_id,
    )
    return instance


@transaction.atomic
def membership_delete(*, instance: Membership, by) -> None:
    staff_check(by=by, municipality_ids=[instance.unit.municipality_id])
    audited_delete(
        instance,
        by=by,
        action_prefix="organisation.membership",
        municipality=instance.unit.municipality_id,
        unit=instance.unit_id,
    )


def membership_ensure(*, user, unit: Unit, role: str, by) -> Membership:
    membership = Membership.objects.filter(user=user, unit=unit).first()
    membership = membership or Membership(user=user, unit=unit)
    membership.role = role
    return membership_save(instance=membership, by=by)
