"""Reads of culture's own rows for the apps above (events, halls, archive) and the public
partners' directory."""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Prefetch, QuerySet

from municipium.tenancy.selectors import home_page_list_for_site

from .models import EventType, EventTypeName, Partner, PartnerText, Venue
from .partner_links import partner_links


def venue_list_for_municipality(*, municipality) -> QuerySet[Venue]:
    if municipality is None:
        return Venue.objects.none()
    return Venue.objects.filter(municipality=municipality).order_by("name")


def venue_list_for_municipalities(*, municipalities) -> QuerySet[Venue]:
    return Venue.objects.filter(municipality__in=municipalities)


def partner_list_for_municipalities(*, municipalities) -> QuerySet[Partner]:
    return Partner.objects.filter(municipality__in=municipalities)


def partner_list_public(*, municipality) -> QuerySet[Partner]:
    return Partner.objects.filter(municipality=municipality, is_public=True).prefetch_related(
        "texts"
    )


def venue_get_by_name(*, municipality, name: str) -> Venue | None:
    return Venue.objects.filter(municipality=municipality, name=name).first()


def venue_list_with_events(*, municipality, event_filter: dict) -> QuerySet[Venue]:
    """The municipality's venues where an event matching ``event_filter`` (the events' own
    fields and values, which culture does not know) takes place, by name."""
    where = {f"events__{field}": value for field, value in event_filter.items()}
    return (
        venue_list_for_municipality(municipality=municipality)
        .filter(events__municipality=municipality, **where)
        .distinct()
    )


def event_type_list() -> QuerySet[EventType]:
    return EventType.objects.prefetch_related("names")


def event_type_name_list(*, language: str) -> QuerySet[EventTypeName]:
    """The names of the types of event in ``language`` (to prefetch with a type)."""
    return EventTypeName.objects.filter(language=language)


def event_type_list_with_events(
    *, municipality, language: str, event_filter: dict
) -> QuerySet[EventType]:
    """The types of the municipality's events matching ``event_filter`` (as in
    ``venue_list_with_events``), each with its name in ``language`` only."""
    where = {f"events__{field}": value for field, value in event_filter.items()}
    return (
        EventType.objects.filter(events__municipality=municipality, **where)
        .distinct()
        .prefetch_related(Prefetch("names", queryset=event_type_name_list(language=language)))
    )


def event_type_get(*, code: str) -> EventType | None:
    return event_type_list().filter(code=code).first()


def partners_page_url(*, language: str, site) -> str:
    """The address of the site's partners' directory in ``language`` (a child of the home page
    of that language), or "" if it has none. Two queries."""
    from .pages import PartnersPage

    home = home_page_list_for_site(site=site, languages=[language]).only("path", "depth").first()
    if home is None:
        return ""
    slug = PartnersPage.objects.live().child_of(home).values_list("slug", flat=True).first()
    return f"/{language}/{slug}/" if slug else ""


def partner_url(*, partner: Partner, language: str, site) -> str:
    """Where ``partner`` is on the partners' directory of ``site`` in ``language``: the page's
    address and the partner's anchor (``#partner-<id>``); "" when the site has no directory or
    the partner is not shown in it."""
    if not partner.is_public:
        return ""
    url = partners_page_url(language=language, site=site)
    return f"{url}#partner-{partner.pk}" if url else ""


@dataclass(frozen=True)
class PartnerEntry:
    partner: Partner
    description: str
    links: list


@dataclass(frozen=True)
class PartnerGroup:
    kind: str
    label: str
    entries: list


def partner_directory_get(*, municipality, language: str, site) -> list[PartnerGroup]:
    """The municipality's public partners grouped by kind (in the order of the kinds), each with
    its description in ``language`` and what the apps above culture link to it."""
    partners = list(
        Partner.objects.filter(municipality=municipality, is_public=True)
        .select_related("logo")
        .prefetch_related(Prefetch("texts", queryset=PartnerText.objects.all()))
        .order_by("name")
    )
    links = partner_links(partner_ids=[p.pk for p in partners], language=language, site=site)
    groups = []
    for kind, label in Partner.Kind.choices:
        entries = [
            PartnerEntry(
                partner=partner,
                description=getattr(partner.text_in(language), "description", "") or "",
                links=links.get(partner.pk, []),
            )
            for partner in partners
            if partner.kind == kind
        ]
        if entries:
            groups.append(PartnerGroup(kind=kind, label=str(label), entries=entries))
    return groups
