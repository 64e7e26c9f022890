"""Reads of the archive. What the public sees of items always goes through ``item_list_public``
(live, in the site, with a consent to publish online): the index, an exhibition, a partner's
links; the sitemap and the search leave out ``item_page_ids_withheld``."""

from dataclasses import dataclass, field

from django.core.paginator import Paginator
from django.db.models import Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.models import Page

from municipium.core.http import whole_number
from municipium.culture.partner_links import PartnerLink
from municipium.culture.selectors import partners_page_url

from .models import (
    ITEMS_PER_PAGE,
    ONLINE_CONSENT,
    ArchiveIndexPage,
    ArchiveItemPage,
    ArchiveItemSubject,
    ExhibitionPage,
)

BRANCH_PATH_LENGTH = 2 * Page.steplen  # the municipality's branch (depth 2)


def item_page_ids_withheld() -> QuerySet:
    """The ids of every item page without a consent to publish online (a subquery)."""
    return ArchiveItemPage.objects.exclude(ONLINE_CONSENT).values("pk")


def item_list_public(*, under: Page) -> QuerySet[ArchiveItemPage]:
    """The public items below ``under`` (an index, an exhibition)."""
    return (
        ArchiveItemPage.objects.live()
        .public()
        .descendant_of(under)
        .filter(ONLINE_CONSENT)
        .select_related("image", "media")
    )


def item_identifier_taken(*, municipality, identifier: str, translation_key, excluding) -> bool:
    """Whether another item of ``municipality`` (not a translation of this one) has the
    inventory number ``identifier``."""
    root = Page.objects.filter(pk=municipality.site.root_page_id).values_list("path", flat=True)
    branch = (root.first() or "")[:BRANCH_PATH_LENGTH]
    if not branch:
        return False
    items = ArchiveItemPage.objects.filter(path__startswith=branch, identifier=identifier)
    if excluding:
        items = items.exclude(pk=excluding)
    return items.exclude(translation_key=translation_key).exists()


def _decade_filter(decade: int) -> Q:
    start, end = decade, decade + 9
    begins = Q(year_from__isnull=False, year_from__lte=end) | Q(
        year_from__isnull=True, date__year__lte=end
    )
    finishes = (
        Q(year_to__gte=start)
        | Q(year_to__isnull=True, year_from__gte=start)
        | Q(year_to__isnull=True, year_from__isnull=True, date__year__gte=start)
    )
    return begins & finishes


@dataclass
class ArchiveBrowse:
    current: list
    permanent: list
    past: list
    exhibitions: list  # (slug, title) for the filter
    subjects: list  # (slug, name)
    places: list
    decades: list  # int
    chosen: dict
    items: object  # a Paginator's page
    active: bool = False
    querystring: str = ""
    extra: dict = field(default_factory=dict)


def _exhibition_groups(exhibitions, today):
    current, permanent, past = [], [], []
    for exhibition in exhibitions:
        if exhibition.kind == ExhibitionPage.Kind.PERMANENT:
            permanent.append(exhibition)
        elif exhibition.ends_on and exhibition.ends_on < today:
            past.append(exhibition)
        else:
            current.append(exhibition)
    return current, permanent, past


def archive_browse_get(*, index: ArchiveIndexPage, params) -> ArchiveBrowse:
    """The index's exhibitions (current, permanent, past) and its public items, filtered by the
    query string's ``exhibition`` (slug), ``subject`` (slug), ``place`` and ``decade``; a value
    that is not a choice is ignored."""
    exhibitions = list(
        ExhibitionPage.objects.live().public().child_of(index).order_by("-starts_on", "title")
    )
    items = item_list_public(under=index)
    subjects = list(
        ArchiveItemSubject.objects.filter(content_object__in=items)
        .values_list("tag__slug", "tag__name")
        .distinct()
        .order_by("tag__name")
    )
    places = sorted({p for p in items.values_list("place", flat=True) if p})
    decades = sorted(
        {
            (year // 10) * 10
            for pair in items.values_list("year_from", "year_to", "date")
            for year in _years(*pair)
        }
    )
    chosen = {}
    by_slug = {e.slug: e for e in exhibitions}
    if (slug := params.get("exhibition", "")) in by_slug:
        chosen["exhibition"] = slug
        items = items.descendant_of(by_slug[slug])
    if (slug := params.get("subject", "")) in {s for s, _n in subjects}:
        chosen["subject"] = slug
        items = items.filter(tagged_subjects__tag__slug=slug)
    if (place := params.get("place", "")) in places:
        chosen["place"] = place
        items = items.filter(place=place)
    decade = whole_number(params.get("decade"))
    if decade is not None and decade in decades:
        chosen["decade"] = decade
        items = items.filter(_decade_filter(decade))
    paginator = Paginator(items.order_by("year_from", "date", "title").distinct(), ITEMS_PER_PAGE)
    current, permanent, past = _exhibition_groups(exhibitions, timezone.localdate())
    return ArchiveBrowse(
        current=current,
        permanent=permanent,
        past=past,
        exhibitions=[(e.slug, e.title) for e in exhibitions],
        subjects=subjects,
        places=places,
        decades=decades,
        chosen=chosen,
        items=paginator.get_page(params.get("page")),
        active=bool(chosen),
        querystring="&".join(f"{k}={v}" for k, v in chosen.items()),
    )


def _years(year_from, year_to, date):
    start = year_from or (date.year if date else None)
    if start is None:
        return []
    end = max(year_to or start, start)
    return range(start, min(end, start + 200) + 1, 10) if end > start else [start]


@dataclass(frozen=True)
class ExhibitionDetails:
    items: list
    partners: list  # (partner, url)


def exhibition_details_get(*, exhibition: ExhibitionPage) -> ExhibitionDetails:
    site = exhibition.get_site()
    language = exhibition.locale.language_code
    items = list(item_list_public(under=exhibition).order_by("path"))
    directory = partners_page_url(language=language, site=site) if site else ""
    partners = [
        (partner, f"{directory}#partner-{partner.pk}" if directory else "")
        for partner in exhibition.partners.filter(is_public=True).order_by("name")
    ]
    return ExhibitionDetails(items=items, partners=partners)


def exhibition_links_for_partners(*, partner_ids, language: str, site) -> dict[int, list]:
    """For the partners' directory: the live exhibitions of ``site`` in ``language`` that name
    each partner (a query)."""
    if site is None:
        return {}
    root = Page.objects.filter(pk=site.root_page_id).values_list("path", flat=True).first()
    exhibitions = (
        ExhibitionPage.objects.live()
        .public()
        .filter(path__startswith=(root or "")[:BRANCH_PATH_LENGTH])
        .filter(partners__in=partner_ids, locale__language_code=language)
        .values_list("partners", "pk", "title", "url_path")
        .order_by("-starts_on", "title")
    )
    links: dict[int, list] = {}
    label = _("Exhibition")
    for partner_id, _pk, title, url_path in exhibitions:
        links.setdefault(partner_id, []).append(
            PartnerLink(title=title, url=_public_url(url_path, site, language), kind=label)
        )
    return links


def _public_url(url_path: str, site, language: str) -> str:
    """The address of a page from its ``url_path``, under its language's home page."""
    parts = url_path.strip("/").split("/")
    return "/" + "/".join([language, *parts[2:]]) + "/"
