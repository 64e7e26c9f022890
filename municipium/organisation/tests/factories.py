"""Units, people, job titles and staff, built through the organisation's services."""

import factory
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission

from municipium.organisation.models import Person, Unit
from municipium.organisation.services import (
    job_title_ensure,
    membership_ensure,
    unit_ensure,
    unit_positions_set,
)


class PersonFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Person

    name = factory.Sequence(lambda n: f"Kişi {n}")
    email = factory.LazyAttribute(lambda o: f"{o.name.lower().replace(' ', '.')}@example.org")
    phone = "(0232) 555 01 00"
    phone_extension = "42"


def unit(municipality, code, *, parent=None, kind=Unit.Kind.SECTION, names=None, **fields):
    """A unit named in the municipality's languages ('<code> (<language>)') unless given."""
    names = names or {language: f"{code} ({language})" for language in municipality.languages}
    return unit_ensure(
        municipality=municipality,
        code=code,
        names=names,
        parent=parent,
        kind=kind,
        by=None,
        **fields,
    )


def job_title(municipality, code="uzman", **names):
    names = names or {language: f"{code} ({language})" for language in municipality.languages}
    return job_title_ensure(municipality=municipality, code=code, names=names, by=None)


def positions(target, *rows):
    """Positions in ``target``: rows of (person, job title, is_head[, appointed_on, ended_on])."""
    return unit_positions_set(
        unit=target,
        positions=[
            dict(
                zip(
                    ("person", "job_title", "is_head", "appointed_on", "ended_on"),
                    row,
                    strict=False,
                )
            )
            for row in rows
        ],
        by=None,
    )


def staff_user(municipality, username, *, unit=None, role="clerk", administrator=False):
    """A member of staff of ``municipality`` (in its staff group), in ``unit`` with ``role``;
    an administrator holds the organisation's permissions."""
    user = get_user_model().objects.create_user(username, password="x")
    name = f"{municipality.slug} {'administrators' if administrator else 'staff'}"
    group, _created = Group.objects.get_or_create(name=name)
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    if administrator:
        group.permissions.add(*Permission.objects.filter(content_type__app_label="organisation"))
    municipality.staff_groups.add(group)
    user.groups.add(group)
    if unit is not None:
        membership_ensure(user=user, unit=unit, role=role, by=None)
    return user
