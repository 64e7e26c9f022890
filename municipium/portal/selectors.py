from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from django.db.models import Q, QuerySet
from wagtail.models import Page, PageLogEntry

from municipium.core import routing
from municipium.core.page_cache import site_data
from municipium.core.pages import pages_without_withheld
from municipium.tenancy.selectors import home_page_list_for_site

from .models import AccessibilityDeclarationPage, Alert, highlight_page_ids

if TYPE_CHECKING:
    from municipium.tenancy.models import Municipality


def accessibility_declaration_list_for_review(
    *, municipalities: QuerySet[Municipality], today: datetime.date
) -> list[tuple[AccessibilityDeclarationPage, bool]]:
    """Each declaration of these municipalities' sites, soonest review first, with whether
    its yearly review (due by 31 March) is overdue."""
    declarations = []
    for municipality in municipalities.select_related("site"):
        for home in home_page_list_for_site(site=municipality.site):
            declarations += list(
                AccessibilityDeclarationPage.objects.descendant_of(home).select_related("locale")
            )
    declarations.sort(key=lambda page: page.review_due_on)
    return [(page, page.review_due_on < today) for page in declarations]


def plan_activity_list(*, plan) -> list:
    """The plan's activities in the editors' order, each with its responsible unit: one
    query."""
    return list(plan.activities.select_related("responsible_unit"))


@dataclass(frozen=True)
class PlanTable:
    """The plan's activities as its table shows them. A column whose value is the same for
    every activity (one unit responsible for the whole plan, one target year) is said once
    above the table instead of in each row."""

    activities: list
    shared_unit: Page | None
    shared_year: int | None

    @property
    def show_unit(self) -> bool:
        return self.shared_unit is None and any(a.responsible_unit_id for a in self.activities)

    @property
    def show_year(self) -> bool:
        return self.shared_year is None and any(a.target_year for a in self.activities)


def _shared(values: list):
    """The one value of ``values`` if there are at least two and all are that same value."""
    return (
        values[0]
        if len(values) > 1 and values[0] and values.count(values[0]) == len(values)
        else None
    )


def plan_activity_table(*, activities: list) -> PlanTable:
    """``activities`` (``plan_activity_list``) with the columns they all share: no query."""
    unit_ids = [activity.responsible_unit_id for activity in activities]
    shared_unit = activities[0].responsible_unit if _shared(unit_ids) else None
    return PlanTable(
        activities=activities,
        shared_unit=shared_unit,
        shared_year=_shared([activity.target_year for activity in activities]),
    )


def alert_list_current(
    *, municipality: Municipality, language: str, now: datetime.datetime, upcoming=None
) -> tuple[list[Alert], datetime.datetime | None]:
    """The alerts shown now in ``language``, and when that set next changes (an alert starts
    or ends), so that a cached page is not kept past it. One query, none when ``upcoming``
    (the alerts not ended at some earlier moment, ``alert_list_upcoming``) is given."""
    if upcoming is None:
        upcoming = alert_list_upcoming(municipality=municipality, language=language, now=now)
    upcoming = [alert for alert in upcoming if alert.ends_at > now]
    current = [alert for alert in upcoming if alert.starts_at <= now]
    boundaries = [alert.ends_at for alert in current] + [
        alert.starts_at for alert in upcoming if alert.starts_at > now
    ]
    severity_order = {Alert.Severity.DANGER: 0, Alert.Severity.WARNING: 1, Alert.Severity.INFO: 2}
    current.sort(key=lambda alert: (severity_order[alert.severity], alert.starts_at))
    return current, min(boundaries, default=None)


def alert_list_upcoming(
    *, municipality: Municipality, language: str, now: datetime.datetime
) -> list[Alert]:
    """The alerts in ``language`` that have not ended at ``now``. One query."""
    return list(Alert.objects.filter(municipality=municipality, language=language, ends_at__gt=now))


@dataclass(frozen=True)
class PublicRecord:
    """What a public information bulletin shows of a page: who wrote and published it, when,
    and each published change."""

    author: str
    published_by: str
    first_published_at: datetime.datetime | None
    last_published_at: datetime.datetime | None
    changes: list[tuple[datetime.datetime, str]]


def _person(user) -> str:
    if user is None:
        return ""
    return user.get_full_name() or user.get_username()


def page_public_record(*, page: Page) -> PublicRecord:
    """One query: the page's publish log, newest first."""
    publications = list(
        PageLogEntry.objects.filter(page=page, action="wagtail.publish")
        .select_related("user")
        .order_by("-timestamp")
    )
    return PublicRecord(
        author=_person(page.owner) if page.owner_id else "",
        published_by=_person(publications[0].user) if publications else "",
        # A page with a date of its own (an article) was first published then, whenever it
        # was loaded into this site (the demo, an import).
        first_published_at=getattr(page, "publication_date", None) or page.first_published_at,
        last_published_at=page.last_published_at,
        changes=[(entry.timestamp, _person(entry.user)) for entry in publications],
    )


@dataclass(frozen=True)
class SitemapEntry:
    url: str
    last_modified: datetime.datetime | None
    alternates: dict[str, str]  # language -> url of the same page in that language


def sitemap_entries(*, tenant) -> list[SitemapEntry]:
    """Every live public page of the site in each of its languages, each with the addresses
    of its translations (for hreflang). Two queries, whatever the size of the site."""
    homes = list(home_page_list_for_site(site=tenant.site, languages=tenant.languages))
    tree = Q()
    for home in homes:
        tree |= Q(path__startswith=home.path)
    pages = (
        list(
            pages_without_withheld(Page.objects.live().public())
            .filter(tree)
            .select_related("locale")
            .only("url_path", "translation_key", "last_published_at", "locale__language_code")
            .order_by("path")
        )
        if homes
        else []
    )
    home_paths = {home.url_path: home for home in homes}
    urls: dict[int, str] = {}
    by_key: dict = {}
    for page in pages:
        language = page.locale.language_code
        home_path = next(path for path in home_paths if page.url_path.startswith(path))
        urls[page.pk] = f"/{language}/{page.url_path[len(home_path) :]}"
        by_key.setdefault(page.translation_key, {})[language] = urls[page.pk]
    return [
        SitemapEntry(
            url=urls[page.pk],
            last_modified=page.last_published_at,
            alternates=by_key[page.translation_key],
        )
        for page in pages
    ]


def municipality_schema(*, tenant, language: str, absolute) -> dict:
    """schema.org GovernmentOrganization for a municipality; ``absolute`` turns a path into a
    full address and leaves a full one (a logo on object storage) as it is."""
    municipality = tenant.municipality
    data = {
        "@context": "https://schema.org",
        "@type": "GovernmentOrganization",
        "name": tenant.name(language),
        "url": absolute(tenant.home_url(language)),
        "address": municipality.address,
        "telephone": municipality.phone,
        "email": municipality.email,
        "sameAs": [
            url
            for url in (
                municipality.facebook_url,
                municipality.instagram_url,
                municipality.x_url,
                municipality.youtube_url,
            )
            if url
        ],
    }
    if tenant.logo_url:
        data["logo"] = absolute(tenant.logo_url)
    return {key: value for key, value in data.items() if value}


def page_trail(*, page: Page) -> list[Page]:
    """The pages from the site's home page down to ``page``, kept on the page object, so that
    the breadcrumbs and their structured data read it once: found by the routing, else one
    query."""
    return routing.page_trail(page=page)


@dataclass(frozen=True)
class HighlightCard:
    title: str
    text: str
    url: str


@dataclass(frozen=True)
class HomeSections:
    directorates: list
    latest_news: list
    news_page_url: str = ""
    highlights: list[HighlightCard] = field(default_factory=list)


LATEST_NEWS = 4


def highlight_card_list(*, home, pages: dict[int, Page], request) -> list[HighlightCard]:
    """The home page's quick-access cards that lead somewhere, in the editors' order: to a
    live page of ``pages`` (read up front by id) or to an address. A card whose page is
    missing or not published is left out."""
    cards = []
    for block in home.highlights.raw_data:
        value = block.get("value") or {}
        if block.get("type") != "highlight" or not value.get("title"):
            continue
        url = value.get("url") or ""
        if value.get("page"):
            page = pages.get(value["page"])
            url = (page.get_url(request) or "") if page is not None and page.live else ""
        if url:
            cards.append(HighlightCard(title=value["title"], text=value.get("text") or "", url=url))
    return cards


def home_sections_get(*, home, request) -> HomeSections:
    """The quick-access cards, directorates and latest news a home page lists, read up front
    (lists, not querysets a template evaluates) and kept with the site's data until the next
    publish: none of them changes without one. Three queries when not kept, whatever the
    content."""
    from municipium.directory.selectors import directorate_list_for_home
    from municipium.news.selectors import news_card_list_latest

    def build() -> HomeSections:
        ids = [home.directory_page_id, home.news_page_id, *highlight_page_ids(home)]
        pages = {page.pk: page for page in Page.objects.filter(pk__in=ids)}
        directory, news = pages.get(home.directory_page_id), pages.get(home.news_page_id)
        return HomeSections(
            directorates=list(directorate_list_for_home(index=directory)),
            latest_news=news_card_list_latest(index=news, limit=LATEST_NEWS),
            news_page_url=(news.get_url(request) or "") if news is not None else "",
            highlights=highlight_card_list(home=home, pages=pages, request=request),
        )

    if getattr(request, "is_preview", False):  # a draft may name other sections
        return build()
    return site_data(request, f"home:{home.pk}", build)


def breadcrumb_schema(*, page: Page, request, current: dict | None = None) -> dict:
    """schema.org BreadcrumbList from the home page down to ``page``, then ``current`` (a
    route of the page: ``{"title": ..., "url": ...}``) if given."""
    crumbs = [
        (crumb.title, request.build_absolute_uri(crumb.get_url(request)))
        for crumb in page_trail(page=page)
    ]
    if current:
        crumbs.append((current["title"], request.build_absolute_uri(current["url"])))
    return {
        "@context": "https://schema.org",
        "@type": "BreadcrumbList",
        "itemListElement": [
            {"@type": "ListItem", "position": position, "name": name, "item": url}
            for position, (name, url) in enumerate(crumbs, start=1)
        ],
    }
