"""What the directory and directorate pages add to their context (their ``get_context``
calls these): the selectors' reads, the JSON-LD, the service standards table, a page of
people. No side effect: nothing here writes."""

import zoneinfo
from dataclasses import dataclass

from django.core.paginator import Paginator
from django.utils import timezone, translation

from municipium.core.formatting import GREGORIAN
from municipium.core.http import whole_number
from municipium.core.page_cache import site_data
from municipium.core.templatetags.municipium import json_ld_tag
from municipium.tenancy.selectors import municipality_get_for_page

from . import exports, jsonld
from .selectors import (
    application_places,
    directorate_get_detail,
    directory_list,
    directory_read,
    person_photos_prefetch,
)

PEOPLE_PER_PAGE = 60


@dataclass(frozen=True)
class SiteFacts:
    municipality: object
    name: str
    home_url: str
    calendar: str
    time_zone: str

    @property
    def today(self):
        return timezone.localtime(timezone.now(), zoneinfo.ZoneInfo(self.time_zone)).date()


def site_facts(request, page) -> SiteFacts:
    """The request's tenant (no query), or, outside a municipality's host (an admin preview),
    the municipality of the site that holds ``page``."""
    language = translation.get_language()
    if (tenant := getattr(request, "tenant", None)) is not None:
        return SiteFacts(
            tenant.municipality,
            tenant.name(language),
            tenant.home_url(language),
            tenant.calendar,
            tenant.time_zone_name,
        )
    municipality = municipality_get_for_page(page=page)
    if municipality is None:
        return SiteFacts(None, "", "/", GREGORIAN, "UTC")
    return SiteFacts(
        municipality,
        municipality.name_in(language),
        f"/{language}/",
        municipality.calendar,
        municipality.time_zone,
    )


def _kept(request, page, name: str, build):
    """``build()`` kept with the site's data until the next publish or change of the
    organisation (both bump the site's cache generation); a preview, whose draft may point at
    another unit or hold other rows, reads afresh."""
    if not page.pk or getattr(request, "is_preview", False):
        return build()
    return site_data(request, f"{name}:{page.pk}", build)


def directorate_context(request, *, page) -> dict:
    facts = site_facts(request, page)
    detail = _kept(
        request,
        page,
        "directorate",
        lambda: directorate_get_detail(
            page=page, municipality=facts.municipality, today=facts.today
        ),
    )
    url = page.get_url(request=request) if page.pk else None
    absolute = request.build_absolute_uri
    data = jsonld.directorate_data(
        page=page,
        detail=detail,
        url=absolute(url or request.path),
        absolute=absolute,
        parent_name=facts.name,
        parent_url=absolute(facts.home_url),
    )
    table = downloads = None
    if detail.service_standards:
        table = exports.service_standards_table(
            page=page,
            standards=detail.service_standards,
            municipality_name=facts.name,
            municipality=facts.municipality,
            updated="",
            places=application_places(
                page=page, director=detail.director, municipality=facts.municipality
            ),
        )
        if url:
            downloads = {
                kind: url + page.reverse_subpage(f"service_standards_{kind}")
                for kind in ("csv", "pdf")
            }
    return {
        "directorate": detail,
        "service_standards": table,
        "downloads": downloads,
        "json_ld": json_ld_tag(data),
    }


def directory_context(request, *, index) -> dict:
    facts = site_facts(request, index)
    query = request.GET.get("q", "").strip()[:100]
    read = _kept(
        request,
        index,
        "directory",
        lambda: directory_read(index=index, municipality=facts.municipality, today=facts.today),
    )
    listing = directory_list(
        read=read,
        query=query,
        directorate_id=whole_number(request.GET.get("directorate")),
        language=translation.get_language(),
    )
    # A page of people at a time: a large municipality's directory runs to thousands.
    people = Paginator(listing.roles, PEOPLE_PER_PAGE).get_page(
        whole_number(request.GET.get("page"), default=1, minimum=1)
    )
    person_photos_prefetch(people.object_list)
    data = jsonld.directory_data(
        roles=people.object_list,
        absolute=request.build_absolute_uri,
        page_url=lambda page: page.get_url(request=request),
    )
    filtered = bool(query or listing.selected)
    return {
        "listing": listing,
        "people": people,
        "filtered": filtered,
        "json_ld": json_ld_tag(data),
    }
