"""Reads of a municipality's organisation. ``unit_list_for_user`` is the one answer to
"which units may this member of staff act in": every back-office list, export and API
starts from it."""

from __future__ import annotations

import datetime
from collections import defaultdict
from typing import TYPE_CHECKING

from django.db.models import F, Prefetch, QuerySet

from municipium.tenancy.selectors import municipality_list_for_user

from .models import JobTitle, Membership, Person, Position, Unit

if TYPE_CHECKING:
    from municipium.tenancy.models import Municipality

ADMINISTER_PERMISSION = "organisation.change_membership"


def unit_list_for_municipality(*, municipality: Municipality | None) -> QuerySet[Unit]:
    """Every unit of ``municipality``, with its names, in the editors' order."""
    if municipality is None:
        return Unit.objects.none()
    return Unit.objects.filter(municipality=municipality).prefetch_related("names")


def unit_children_map(*, municipality: Municipality) -> dict[int | None, list[int]]:
    """Each unit's id under its parent's id (None for the top), in one query."""
    children = defaultdict(list)
    rows = Unit.objects.filter(municipality=municipality).order_by("sort_order", "code")
    for pk, parent_id in rows.values_list("pk", "parent_id"):
        children[parent_id].append(pk)
    return children


def unit_descendant_ids(*, units, children: dict) -> set[int]:
    """The ids of ``units`` (ids) and of every unit below them. A loop cannot hang it."""
    found, stack = set(), list(units)
    while stack:
        pk = stack.pop()
        if pk in found:
            continue
        found.add(pk)
        stack.extend(children.get(pk, ()))
    return found


def municipality_list_administered_by(*, user) -> QuerySet[Municipality]:
    """The municipalities whose organisation and staff ``user`` administers: those they work
    for, if they hold the permission to change memberships (a superuser: all)."""
    municipalities = municipality_list_for_user(user=user)
    if user.is_superuser or (user.is_authenticated and user.has_perm(ADMINISTER_PERMISSION)):
        return municipalities
    return municipalities.none()


def unit_scope_for_user(*, municipality: Municipality | None, user) -> tuple[set[int], bool]:
    """The ids of the units of ``municipality`` that ``user`` may see and act in (as
    ``unit_ids_for_user``) and whether they are every unit of it: a filter by municipality
    alone then says the same, and lets the database use the municipality's indexes."""
    if municipality is None or not user.is_authenticated:
        return set(), False
    children = unit_children_map(municipality=municipality)
    every = {pk for ids in children.values() for pk in ids}
    if municipality_list_administered_by(user=user).filter(pk=municipality.pk).exists():
        return every, True
    memberships = Membership.objects.filter(user=user, unit__municipality=municipality)
    ids = set()
    for unit_id, role in memberships.values_list("unit_id", "role"):
        if role in {Membership.Role.MANAGER, Membership.Role.DIRECTOR}:
            ids |= unit_descendant_ids(units=[unit_id], children=children)
        else:
            ids.add(unit_id)
    return ids, bool(ids) and ids == every


def unit_ids_for_user(*, municipality: Municipality | None, user) -> set[int]:
    """The ids of the units of ``municipality`` that ``user`` may see and act in: a clerk's
    own units; a manager's or director's units and every unit below them; all of them for
    the municipality's administrators and superusers; none for anyone else."""
    return unit_scope_for_user(municipality=municipality, user=user)[0]


def unit_list_for_user(*, municipality: Municipality | None, user) -> QuerySet[Unit]:
    """The units of ``municipality`` that ``user`` may see and act in (``unit_ids_for_user``)."""
    ids = unit_ids_for_user(municipality=municipality, user=user)
    return unit_list_for_municipality(municipality=municipality).filter(pk__in=ids)


def unit_list_for_staff(*, user) -> QuerySet[Unit]:
    """Every unit ``user`` may act in, across the municipalities they work for: for admin
    lists that span municipalities."""
    ids = set()
    for municipality in municipality_list_for_user(user=user):
        ids |= unit_ids_for_user(municipality=municipality, user=user)
    return Unit.objects.filter(pk__in=ids).prefetch_related("names")


def unit_kinds_of_member(*, municipality: Municipality | None, user) -> set[str]:
    """The kinds of the units (``Unit.Kind``) of ``municipality`` that ``user`` belongs to:
    whether they work in its call centre or its mayor's office, say. One query."""
    if municipality is None or not user.is_authenticated:
        return set()
    return set(
        Membership.objects.filter(user=user, unit__municipality=municipality).values_list(
            "unit__kind", flat=True
        )
    )


def unit_member_ids(*, unit_ids, roles=None) -> set[int]:
    """The ids of the users who belong to any of ``unit_ids`` (with one of ``roles``)."""
    memberships = Membership.objects.filter(unit_id__in=list(unit_ids))
    if roles is not None:
        memberships = memberships.filter(role__in=list(roles))
    return set(memberships.values_list("user_id", flat=True))


def unit_get(*, municipality: Municipality | None, pk) -> Unit | None:
    """The municipality's unit ``pk``, or None (another municipality's or none)."""
    if municipality is None:
        return None
    return Unit.objects.filter(municipality=municipality, pk=pk).first()


def unit_list_of_kind(*, municipality: Municipality, kind: str) -> QuerySet[Unit]:
    return Unit.objects.filter(municipality=municipality, kind=kind, is_active=True)


def membership_list_for_user(*, user) -> QuerySet[Membership]:
    """The memberships an administrator may see and edit: those of the units of the
    municipalities they administer."""
    administered = municipality_list_administered_by(user=user)
    return Membership.objects.filter(unit__municipality__in=administered).select_related(
        "user", "unit"
    )


def person_list_for_municipality(*, municipality: Municipality | None) -> QuerySet[Person]:
    if municipality is None:
        return Person.objects.none()
    return Person.objects.filter(municipality=municipality)


def person_list_for_user(*, user) -> QuerySet[Person]:
    """The people of the municipalities a member of staff works for."""
    return Person.objects.filter(municipality__in=municipality_list_for_user(user=user))


def job_title_list_for_municipality(*, municipality: Municipality | None) -> QuerySet[JobTitle]:
    if municipality is None:
        return JobTitle.objects.none()
    return JobTitle.objects.filter(municipality=municipality).prefetch_related("names")


def position_list_current(
    *, units, today: datetime.date, photos: Prefetch | None = None
) -> list[Position]:
    """The positions held today in ``units`` (ids), each with its person, its title and
    the title's names, in a fixed number of queries (the units' names are the caller's:
    it has read the units); heads first within a unit. A person or
    title of another municipality, however it got there, is never shown."""
    positions = (
        Position.objects.filter(
            unit_id__in=list(units),
            person__municipality=F("unit__municipality"),
            job_title__municipality=F("unit__municipality"),
        )
        .select_related("person", "job_title", "unit")
        .prefetch_related("job_title__names")
        .order_by("unit__sort_order", "-is_head", "sort_order", "pk")
    )
    if photos is not None:
        positions = positions.prefetch_related(photos)
    return [position for position in positions if position.is_current(today)]


def unit_children_of(units) -> dict[int | None, list[int]]:
    """The children map of ``units`` already read (``unit_children_map`` without a query)."""
    children = defaultdict(list)
    for unit in units:
        children[unit.parent_id].append(unit.pk)
    return children


def unit_subtree(*, unit: Unit) -> list[Unit]:
    """``unit`` and every active unit below it, with their names, in two queries whatever
    the size of the organisation."""
    units = list(
        unit_list_for_municipality(municipality=unit.municipality_id).order_by("sort_order", "code")
    )
    ids = unit_descendant_ids(units=[unit.pk], children=unit_children_of(units))
    return [u for u in units if u.pk in ids and (u.is_active or u.pk == unit.pk)]


def unit_choices_for_audit(*, user, municipalities) -> list[tuple[int, str]]:
    """The units ``user`` may filter the audit log of ``municipalities`` by: those they may act
    in (registered with ``core.audit`` in OrganisationConfig.ready)."""
    choices = []
    for municipality in municipalities:
        ids = unit_ids_for_user(municipality=municipality, user=user)
        units = unit_list_for_municipality(municipality=municipality).filter(pk__in=ids)
        choices += [(unit.pk, unit.name_in()) for unit in units.order_by("sort_order", "code")]
    return choices
