"""Reads of directorates and people, always within one municipality."""

from __future__ import annotations

import datetime
import zoneinfo
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from django.db.models import Prefetch, QuerySet, prefetch_related_objects
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from wagtail.images import get_image_model
from wagtail.models import Page

from municipium.core.text import fold_letters, search_text, search_word, tokens
from municipium.organisation.selectors import (
    position_list_current,
    unit_children_of,
    unit_descendant_ids,
    unit_list_for_municipality,
)
from municipium.tenancy.selectors import municipality_get_for_page, municipality_root_page_list

from .models import ApplicationPlace, DirectorateDocument, DirectoratePage, ServiceStandard
from .org_chart import OrgNode, org_chart_build

if TYPE_CHECKING:
    from municipium.organisation.models import Person, Unit
    from municipium.tenancy.models import Municipality

# The one size of a person's photo on the site: templates ask for this rendition only, so
# that it is read with the people in one query.
PHOTO_FILTER = "fill-160x160"


def directorate_list_for_home(*, index: Page | None) -> QuerySet[DirectoratePage]:
    """The live directorates under ``index``, in the editors' order."""
    if index is None:
        return DirectoratePage.objects.none()
    return DirectoratePage.objects.live().child_of(index).order_by("path")


@dataclass
class Role:
    """A position as a directorate page shows it: ``unit`` is the section it is held in, or
    None when held in the directorate itself (its director, its staff)."""

    person: Person
    title: str
    unit: Unit | None
    is_head: bool
    appointed_on: datetime.date | None
    sort_key: tuple = ()
    directorate: DirectoratePage | None = None

    @property
    def unit_id(self) -> int | None:
        return self.unit.pk if self.unit is not None else None


def _photos_prefetch() -> Prefetch:
    """A person's photo with the one rendition the site shows."""
    return Prefetch("photo", queryset=get_image_model().objects.prefetch_renditions(PHOTO_FILTER))


def person_photos_prefetch(roles) -> None:
    """Read the photos of ``roles``' people with their renditions, two queries for them all:
    for the page of a directory that is shown, not for every role it filtered."""
    prefetch_related_objects([role.person for role in roles], _photos_prefetch())


def _roles_of(positions, *, top: Unit, order: dict[int, int]) -> list[Role]:
    """The directorate ``top``'s roles: its own first (its head first), then its sections'
    in the organisation's order."""
    roles = [
        Role(
            person=position.person,
            title=position.title,
            unit=None if position.unit_id == top.pk else position.unit,
            is_head=position.is_head,
            appointed_on=position.appointed_on,
            sort_key=(
                position.unit_id != top.pk,
                order.get(position.unit_id, 0),
                not position.is_head,
                position.sort_order or 0,
            ),
        )
        for position in positions
    ]
    roles.sort(key=lambda role: role.sort_key)
    return roles


def _organisation_of(municipality: Municipality, pages, today, photos: bool):
    """The units below each page's unit and the roles held in them today: a fixed number of
    queries whatever the number of units and people."""
    units = list(
        unit_list_for_municipality(municipality=municipality).order_by("sort_order", "code")
    )
    children = unit_children_of(units)
    by_id = {unit.pk: unit for unit in units}
    order = {unit.pk: position for position, unit in enumerate(units)}
    subtrees = {
        page.pk: unit_descendant_ids(units=[page.unit_id], children=children)
        for page in pages
        if page.unit_id in by_id
    }
    every = set().union(*subtrees.values()) if subtrees else set()
    positions = position_list_current(units=every, today=today) if every else []
    if photos:
        people = [p.person for p in positions]
        prefetch_related_objects(people, _photos_prefetch())
        # Made now if missing, so that a detail kept with the site's data carries them.
        for photo in {person.photo for person in people if person.photo_id}:
            photo.get_rendition(PHOTO_FILTER)
    for position in positions:
        position.unit = by_id[position.unit_id]  # with its names, read once
    return by_id, subtrees, positions, order


@dataclass
class DirectorateDetail:
    director: Role | None
    roles: list[Role]
    org_chart: OrgNode | None
    documents: list[DirectorateDocument] = field(default_factory=list)
    service_standards: list[ServiceStandard] = field(default_factory=list)
    reports_to: DirectoratePage | None = None


def directorate_get_detail(
    *, page: DirectoratePage, municipality: Municipality | None, today: datetime.date
) -> DirectorateDetail:
    """Everything a directorate page shows besides its own fields, in a fixed number of
    queries whatever the number of units, people, documents and services. Its units and
    people are its unit's in the organisation: the same in every language."""
    roles, chart = [], None
    if municipality is not None and page.unit_id is not None:
        by_id, subtrees, positions, order = _organisation_of(municipality, [page], today, True)
        top = by_id.get(page.unit_id)
        if top is not None and top.municipality_id == municipality.pk:
            roles = _roles_of(positions, top=top, order=order)
            sections = [by_id[pk] for pk in sorted(subtrees[page.pk], key=order.get)]
            sections = [unit for unit in sections if unit.pk != top.pk and unit.is_active]
            if sections or roles:
                chart = org_chart_build(title=page.title, units=sections, roles=roles)
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
    roles: list[Role]
    selected: DirectoratePage | None
    query: str


def _is_director(role: Role) -> bool:
    return role.is_head and role.unit is None


def _filter_terms(query: str, language: str | None) -> list[tuple[str, str]]:
    """Each word typed, without diacritics, with its stem in ``language``: ``sekcja`` finds
    ``sekcje`` by its stem ``sekcj``, ``ozturk`` finds ``Öztürk``."""
    return [(fold_letters(word), search_word(word, language)) for word in tokens(query)]


def _matches(terms: list[tuple[str, str]], *texts: str) -> bool:
    haystack = search_text(" ".join(text for text in texts if text))
    return all(word in haystack or stem in haystack for word, stem in terms)


@dataclass
class DirectoryRead:
    """Everything a directory shows before its filters: every directorate under the index and
    every role held today in their units, in order. Kept with the site's data (``context``)."""

    choices: list[DirectoratePage]
    roles: list[Role]


def directory_read(
    *, index: Page, municipality: Municipality | None, today: datetime.date
) -> DirectoryRead:
    """The directorates under ``index`` and the people who hold positions today in their
    units, in a fixed number of queries (photos are read for the page of people shown:
    ``person_photos_prefetch``)."""
    choices = list(directorate_list_for_home(index=index))
    roles = []
    if municipality is not None and choices:
        units, subtrees, positions, order = _organisation_of(municipality, choices, today, False)
        for page in choices:
            if page.pk not in subtrees:
                continue
            mine = [p for p in positions if p.unit_id in subtrees[page.pk]]
            for role in _roles_of(mine, top=units[page.unit_id], order=order):
                role.directorate = page
                roles.append(role)
    return DirectoryRead(choices=choices, roles=roles)


def directory_list(
    *,
    read: DirectoryRead,
    query: str = "",
    directorate_id: int | None = None,
    language: str | None = None,
) -> DirectoryListing:
    """The directory narrowed to one directorate and to a text (names, titles, units) if
    given, without a query. Text is compared as search compares it (``core.text``: normalised,
    without diacritics, a word's stem in ``language`` also found): a municipality's directory
    is small enough to filter after one read."""
    selected = next((page for page in read.choices if page.pk == directorate_id), None)
    pages = [selected] if selected else read.choices
    roles = read.roles
    if selected is not None:
        roles = [role for role in roles if role.directorate.pk == selected.pk]
    terms = _filter_terms(query, language)
    if terms:
        roles = [
            role
            for role in roles
            if _matches(terms, role.person.name, role.title, role.unit.name if role.unit else "")
        ]
        pages = [page for page in pages if _matches(terms, page.title, page.summary)]
    return DirectoryListing(
        directorates=pages, choices=read.choices, roles=roles, selected=selected, query=query
    )


def directorate_search_text(*, page: DirectoratePage) -> list[str]:
    """What a directorate's page shows beyond its own fields and rows, for the site's search:
    the people who hold positions in its unit and its sections today, with their job titles
    and sections, in the page's language. A fixed number of queries."""
    municipality = municipality_get_for_page(page=page)
    if municipality is None or page.unit_id is None:
        return []
    today = timezone.localdate(timezone=zoneinfo.ZoneInfo(municipality.time_zone))
    by_id, _subtrees, positions, order = _organisation_of(municipality, [page], today, False)
    top = by_id.get(page.unit_id)
    if top is None or top.municipality_id != municipality.pk:
        return []
    with translation.override(page.locale.language_code):
        return [
            " ".join(filter(None, (role.person.name, role.title, role.unit and role.unit.name)))
            for role in _roles_of(positions, top=top, order=order)
        ]


def service_standard_list_for_municipalities(*, municipalities) -> QuerySet[ServiceStandard]:
    """The service standards rows of the ``municipalities``' directorate pages (every
    language; municipalities or their ids), for another app to map its work to (the desk's
    categories). Rows keep their ids when their page is edited and published again
    (modelcluster updates the children it has: tested)."""
    roots = list(municipality_root_page_list(municipalities=municipalities))
    if not roots:
        return ServiceStandard.objects.none()
    pages = DirectoratePage.objects.none()
    for root in roots:
        pages = pages | DirectoratePage.objects.descendant_of(root)
    return (
        ServiceStandard.objects.filter(page__in=pages.values("pk"))
        .select_related("page")
        .order_by("page__title", "sort_order")
    )


def directorate_page_list(*, under: Page | None = None) -> QuerySet[DirectoratePage]:
    """Directorate pages, for other apps to read (news names them on its articles): all of
    them, or those under ``under`` (a site's home page in one language)."""
    pages = DirectoratePage.objects.all()
    return pages if under is None else pages.descendant_of(under)


def application_places(
    *, page: DirectoratePage, director: Role | None, municipality: Municipality | None
) -> list[ApplicationPlace]:
    """The service standards table's places of application: those the editors entered on the
    page, else the head of its unit in the organisation as the first place (the regulation asks
    for a name, a title and how to reach them), so that the table names someone real."""
    if places := page.application_places:
        return places
    if director is None:
        return []
    person = director.person
    return [
        ApplicationPlace(
            heading=str(_("First place of application")),
            name=person.name,
            title=director.title,
            address=municipality.address if municipality is not None else "",
            phone=person.phone,
            fax="",
            email=person.email,
        )
    ]
