"""Reads of directorates and people, always within one municipality."""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from django.db.models import Prefetch, QuerySet, prefetch_related_objects
from wagtail.images import get_image_model
from wagtail.models import Page

from municipium.core.text import normalise, tokens
from municipium.tenancy.selectors import municipality_list_for_user

from .models import (
    DirectorateDocument,
    DirectoratePage,
    DirectorateRole,
    DirectorateUnit,
    Person,
    ServiceStandard,
)
from .org_chart import OrgNode, org_chart_build

if TYPE_CHECKING:
    from municipium.tenancy.models import Municipality

# The one size of a person's photo on the site: templates ask for this rendition only, so
# that it is read with the people in one query.
PHOTO_FILTER = "fill-160x160"


def directorate_list_for_home(*, index: Page | None) -> QuerySet[DirectoratePage]:
    """The live directorates under ``index``, in the editors' order."""
    if index is None:
        return DirectoratePage.objects.none()
    return DirectoratePage.objects.live().child_of(index).order_by("path")


def person_list_for_municipality(*, municipality: Municipality | None) -> QuerySet[Person]:
    if municipality is None:
        return Person.objects.none()
    return Person.objects.filter(municipality=municipality)


def person_list_for_user(*, user) -> QuerySet[Person]:
    """The people of the municipalities a member of staff works for."""
    return Person.objects.filter(municipality__in=municipality_list_for_user(user=user))


def _photos_prefetch() -> Prefetch:
    return Prefetch(
        "person__photo", queryset=get_image_model().objects.prefetch_renditions(PHOTO_FILTER)
    )


def _with_people(roles):
    return roles.select_related("person", "unit").prefetch_related(_photos_prefetch())


def person_photos_prefetch(roles) -> None:
    """Read the photos of ``roles``' people with their renditions, two queries for them all:
    for the page of a directory that is shown, not for every role it filtered."""
    prefetch_related_objects(roles, _photos_prefetch())


def directorate_role_list_current(
    *, page: DirectoratePage, municipality: Municipality | None, today: datetime.date
) -> list[DirectorateRole]:
    """The page's roles held today by people of ``municipality``, in the editors' order.
    Read through the page, so that a preview shows the roles of the draft."""
    if municipality is None:
        return []
    return [
        role
        for role in _with_people(page.roles.all())
        if role.person.municipality_id == municipality.pk and role.is_current(today)
    ]


@dataclass
class DirectorateDetail:
    director: DirectorateRole | None
    roles: list[DirectorateRole]
    org_chart: OrgNode | None
    documents: list[DirectorateDocument] = field(default_factory=list)
    service_standards: list[ServiceStandard] = field(default_factory=list)
    reports_to: DirectoratePage | None = None


def directorate_get_detail(
    *, page: DirectoratePage, municipality: Municipality | None, today: datetime.date
) -> DirectorateDetail:
    """Everything a directorate page shows besides its own fields, in a fixed number of
    queries whatever the number of units, people, documents and services."""
    roles = directorate_role_list_current(page=page, municipality=municipality, today=today)
    units: list[DirectorateUnit] = list(page.units.all())
    chart = org_chart_build(title=page.title, units=units, roles=roles) if units or roles else None
    return DirectorateDetail(
        director=next((role for role in roles if _is_director(role)), None),
        roles=roles,
        org_chart=chart,
        documents=list(page.documents.select_related("document")),
        service_standards=list(page.service_standards.all()),
        reports_to=_reports_to(page, municipality),
    )


def _reports_to(page: DirectoratePage, municipality: Municipality | None):
    if not page.reports_to_page_id or municipality is None:
        return None
    return (
        DirectoratePage.objects.live()
        .in_site(municipality.site)
        .filter(pk=page.reports_to_page_id)
        .first()
    )


@dataclass
class DirectoryListing:
    directorates: list[DirectoratePage]  # those shown
    choices: list[DirectoratePage]  # every directorate, for the filter
    roles: list[DirectorateRole]
    selected: DirectoratePage | None
    query: str


def _is_director(role: DirectorateRole) -> bool:
    return role.is_head and role.unit_id is None


def _matches(terms: list[str], *texts: str) -> bool:
    haystack = normalise(" ".join(text for text in texts if text))
    return all(term in haystack for term in terms)


def directory_list(
    *,
    index: Page,
    municipality: Municipality | None,
    today: datetime.date,
    query: str = "",
    directorate_id: int | None = None,
) -> DirectoryListing:
    """The directorates under ``index`` and the current roles of ``municipality``'s people
    in them, narrowed to one directorate and to a text (names, titles, units) if given.
    Text is compared through ``core.text.normalise``, as search does: a municipality's
    directory is small enough to filter after one read."""
    choices = list(directorate_list_for_home(index=index))
    by_id = {page.pk: page for page in choices}
    selected = by_id.get(directorate_id)
    pages = [selected] if selected else choices
    roles = []
    if municipality is not None and pages:
        # Photos are read for the page of people shown: person_photos_prefetch.
        found = DirectorateRole.objects.filter(
            page_id__in=[page.pk for page in pages], person__municipality=municipality
        ).select_related("person", "unit")
        roles = [role for role in found if role.is_current(today)]
    order = {page.pk: position for position, page in enumerate(choices)}
    # By directorate, its director first, then in the editors' order.
    roles.sort(key=lambda r: (order[r.page_id], not _is_director(r), r.sort_order or 0))
    for role in roles:
        role.directorate = by_id[role.page_id]
    terms = tokens(query)
    if terms:
        roles = [
            role
            for role in roles
            if _matches(terms, role.person.name, role.title, role.unit.name if role.unit else "")
        ]
        pages = [page for page in pages if _matches(terms, page.title, page.summary)]
    return DirectoryListing(
        directorates=pages, choices=choices, roles=roles, selected=selected, query=query
    )


def directorate_page_list(*, under: Page | None = None) -> QuerySet[DirectoratePage]:
    """Directorate pages, for other apps to read (news names them on its articles): all of
    them, or those under ``under`` (a site's home page in one language)."""
    pages = DirectoratePage.objects.all()
    return pages if under is None else pages.descendant_of(under)
