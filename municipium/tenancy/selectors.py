"""Reads about municipalities: the tenant of a request, holidays and working days."""

import datetime
import zoneinfo
from collections.abc import Iterable
from dataclasses import dataclass, field

from django.contrib.auth import get_user_model
from django.core.cache import cache
from django.db.models import Q, QuerySet, Subquery
from django.db.models.functions import Length, Substr
from django.urls import reverse
from django.utils import timezone
from wagtail.models import (
    Collection,
    Locale,
    ModelLogEntry,
    Page,
    PageViewRestriction,
    Site,
    Task,
)

from municipium.core import audit
from municipium.core.http import whole_number
from municipium.core.routing import HomeRef

from . import clock
from .models import Calendar, Municipality, PublicHoliday

TENANT_CACHE_SECONDS = 3600


@dataclass(frozen=True)
class MenuItem:
    title: str
    url: str
    page_id: int


@dataclass(frozen=True)
class Tenant:
    """What every request of a site needs, read once and kept in the shared cache."""

    site: Site
    municipality: Municipality
    names: dict[str, str]
    languages: tuple[str, ...]
    default_language: str
    calendar: str
    time_zone_name: str
    cache_generation: int
    home_urls: dict[str, str] = field(default_factory=dict)
    menus: dict[str, tuple[MenuItem, ...]] = field(default_factory=dict)
    accessibility_urls: dict[str, str] = field(default_factory=dict)
    logo_url: str = ""
    home_pages: dict[str, HomeRef] = field(default_factory=dict)  # for core.routing
    # Whether any page of the installation has a view restriction; if none, serving a page
    # need not look for its restrictions (tenancy.signals purges every site on a change).
    has_view_restrictions: bool = True

    @property
    def time_zone(self) -> zoneinfo.ZoneInfo:
        return zoneinfo.ZoneInfo(self.time_zone_name)

    def name(self, language: str) -> str:
        return self.names.get(language) or self.names.get(self.default_language) or ""

    def home_url(self, language: str) -> str:
        return self.home_urls.get(language, f"/{language}/")

    def today(self) -> datetime.date:
        return timezone.localtime(timezone.now(), self.time_zone).date()

    @property
    def share_image_url(self) -> str:
        """The PNG for link previews (``tenancy.share_image``), new with each generation."""
        return f"{reverse('tenancy:share-image')}?g={self.cache_generation}"


def _tenant_cache_key(hostname: str) -> str:
    return f"municipium:tenant:2:{hostname.lower()}"  # 2: with home_pages


def _page_path(page: Page) -> str:
    parts = page.get_url_parts()
    return parts[2] if parts else ""


def _translations_by_language(page: Page, languages) -> dict[str, Page]:
    pages = (
        Page.objects.live()
        .filter(translation_key=page.translation_key, locale__language_code__in=languages)
        .select_related("locale")
    )
    return {p.locale.language_code: p for p in pages}


def _build_tenant(municipality: Municipality) -> Tenant:
    site = municipality.site
    languages = tuple(municipality.languages)
    homes = {
        home.locale.language_code: home
        for home in home_page_list_for_site(site=site, languages=languages)
        .live()
        .select_related("locale")
    }
    home_urls, menus = {}, {}
    for language, home in homes.items():
        home_urls[language] = _page_path(home)
        menus[language] = tuple(
            MenuItem(title=child.title, url=_page_path(child), page_id=child.pk)
            for child in home.get_children().live().in_menu()
        )
    accessibility_urls = {}
    if municipality.accessibility_declaration_id:
        declaration = municipality.accessibility_declaration
        for language, page in _translations_by_language(declaration, languages).items():
            accessibility_urls[language] = _page_path(page)
    logo_url = ""
    if municipality.logo_id:
        logo_url = municipality.logo.get_rendition("height-160").url
    return Tenant(
        site=site,
        municipality=municipality,
        names={n.language: n.name for n in municipality.names.all()},
        languages=languages,
        default_language=municipality.default_language,
        calendar=municipality.calendar,
        time_zone_name=municipality.time_zone,
        cache_generation=municipality.cache_generation,
        home_urls=home_urls,
        menus=menus,
        accessibility_urls=accessibility_urls,
        logo_url=logo_url,
        home_pages={
            language: HomeRef(
                pk=home.pk, url_path=home.url_path, content_type_id=home.content_type_id
            )
            for language, home in homes.items()
        },
        has_view_restrictions=PageViewRestriction.objects.exists(),
    )


def tenant_get_for_hostname(hostname: str) -> Tenant | None:
    """The tenant served at ``hostname``, or None. One cache read when warm."""
    key = _tenant_cache_key(hostname)
    tenant = cache.get(key)
    if tenant is not None:
        return tenant
    municipality = (
        Municipality.objects.select_related("site", "site__root_page", "logo")
        .prefetch_related("names")
        .filter(site__hostname__iexact=hostname)
        .first()
    )
    if municipality is None:
        return None
    tenant = _build_tenant(municipality)
    cache.set(key, tenant, TENANT_CACHE_SECONDS)
    return tenant


def tenant_forget(hostname: str) -> None:
    cache.delete(_tenant_cache_key(hostname))


def municipality_list_all() -> QuerySet[Municipality]:
    return Municipality.objects.select_related("site").prefetch_related("names")


def municipality_list_for_user(*, user) -> QuerySet[Municipality]:
    """The municipalities a member of staff works for: all of them for a superuser."""
    municipalities = municipality_list_all()
    if user.is_superuser:
        return municipalities
    if not user.is_authenticated:
        return municipalities.none()
    return municipalities.filter(staff_groups__user=user).distinct()


def municipality_get_by_slug(*, slug: str) -> Municipality | None:
    return Municipality.objects.filter(slug=slug).first()


def audit_entry_list_for_user(*, user) -> QuerySet[ModelLogEntry]:
    """The audit entries (``core.audit``) of the municipalities a member of staff works for,
    newest first: a superuser's are every municipality's. Every list and export of the audit
    log starts here, so that nobody reads another municipality's."""
    entries = ModelLogEntry.objects.filter(data__has_key="municipality").exclude(
        data__municipality=None
    )
    if not user.is_superuser:
        allowed = list(municipality_list_for_user(user=user).values_list("pk", flat=True))
        entries = entries.filter(data__municipality__in=allowed).filter(_units_visible_to(user))
    return entries.select_related("user", "content_type").order_by("-timestamp", "-pk")


def _units_visible_to(user) -> Q:
    """A filter on audit entries that hides those about a unit ``user`` may not see (a
    sibling directorate's); entries about no unit pass."""
    units = audit.unit_ids_visible(user=user, municipalities=municipality_list_for_user(user=user))
    if units is None:
        return Q()
    return ~Q(data__has_key="unit") | Q(data__unit=None) | Q(data__unit__in=sorted(units))


def log_entry_visible_to(user) -> Q:
    """A filter on Wagtail's model log that hides the entries of municipalities ``user`` does
    not work for; entries of nothing municipal (an image, a user) stay as Wagtail shows them."""
    if user.is_superuser:
        return Q()
    allowed = list(municipality_list_for_user(user=user).values_list("pk", flat=True))
    return (
        ~Q(data__has_key="municipality")
        | Q(data__municipality=None)
        | Q(data__municipality__in=allowed)
    ) & _units_visible_to(user)


def municipality_get_for_page(*, page: Page) -> Municipality | None:
    """The municipality whose site holds ``page`` (in any of its languages)."""
    site = page.get_site()
    if site is None:
        return None
    return Municipality.objects.filter(site=site).first()


def collection_list_for_municipality(*, municipality: Municipality) -> QuerySet[Collection]:
    """The municipality's collection and the collections inside it: where its documents and
    images are kept. None for a municipality without a collection."""
    if municipality.collection_id is None:
        return Collection.objects.none()
    path = Collection.objects.filter(pk=municipality.collection_id).values("path")[:1]
    return Collection.objects.filter(path__startswith=Subquery(path))


def municipality_get_for_collection(*, collection: Collection) -> Municipality | None:
    """The municipality whose collection is ``collection`` or holds it; None for the root
    collection and any collection outside every municipality's."""
    ancestors = Collection.objects.ancestor_of(collection, inclusive=True)
    return Municipality.objects.filter(collection__in=ancestors).first()


def document_servable(*, document, tenant: Tenant | None, user) -> bool:
    """Whether ``document`` may be served to this request (before its collection's own view
    restrictions, which Wagtail checks next). On a municipality's host, only that
    municipality's documents; on the installation's own host (no tenant: the index of sites
    and the admin), only to staff who work for the document's municipality, so that the admin
    there can open them. A document of no municipality only to a superuser there."""
    municipality = municipality_get_for_collection(collection=document.collection)
    if tenant is not None:
        return municipality is not None and municipality.pk == tenant.municipality.pk
    if municipality is None:
        return bool(getattr(user, "is_superuser", False))
    return municipality_list_for_user(user=user).filter(pk=municipality.pk).exists()


def home_page_list_for_site(
    *, site: Site, languages: Iterable[str] | None = None
) -> QuerySet[Page]:
    """The site's home page in each of its languages (``languages`` only, if given): its root
    page and the root's translations, as Wagtail's ``Page``. One query, whether or not the
    site's root page was read; chain ``.live()`` or ``.first()`` as needed."""
    root = Page.objects.filter(pk=site.root_page_id).values("translation_key")[:1]
    homes = Page.objects.filter(translation_key=Subquery(root))
    if languages is not None:
        homes = homes.filter(locale__language_code__in=list(languages))
    return homes


def municipality_root_page_list(*, municipalities) -> QuerySet[Page]:
    """The branches of the page tree that hold the ``municipalities``' pages (a queryset or a
    list of them): the parent of each one's site root page (its home page in the default
    language, under the branch with its translations). One query."""
    parent_paths = (
        Page.objects.filter(sites_rooted_here__municipality__in=municipalities)
        .annotate(parent_path=Substr("path", 1, Length("path") - Page.steplen))
        .values("parent_path")
    )
    return Page.objects.filter(path__in=Subquery(parent_paths), depth__gt=1)


def page_filter_for_admin(*, user) -> Q:
    """A filter on any page queryset that keeps what ``user`` may see of the page tree in the
    admin: a superuser everything; staff Wagtail's root and the branches of the
    municipalities they work for; anyone else only the root. One query (the branches)."""
    if user.is_superuser:
        return Q()
    roots = municipality_root_page_list(
        municipalities=municipality_list_for_user(user=user)
    ).values_list("path", flat=True)
    visible = Q(depth=1)
    for path in roots:
        visible |= Q(path__startswith=path)
    return visible


def staff_user_list_for_admin(*, user) -> QuerySet:
    """The users who work for the municipalities ``user`` works for (members of one of their
    staff groups): whom the admin may name to ``user`` in a filter. A superuser's are all."""
    users = get_user_model().objects.all()
    if user.is_superuser:
        return users
    municipalities = municipality_list_for_user(user=user)
    return users.filter(groups__municipalities__in=municipalities).distinct()


def site_list_for_admin(*, user) -> QuerySet[Site]:
    """The sites of the municipalities ``user`` works for (every site for a superuser)."""
    if user.is_superuser:
        return Site.objects.all()
    return Site.objects.filter(municipality__in=municipality_list_for_user(user=user))


def workflow_task_list_for_admin(*, user) -> QuerySet[Task]:
    """The workflow tasks ``user`` may see and choose: those of the workflows used on pages
    they may see, and those whose groups (a group approval task's) work for one of their
    municipalities. Every task for a superuser."""
    tasks = Task.objects.all()
    if user.is_superuser:
        return tasks
    pages = Page.objects.filter(page_filter_for_admin(user=user)).values("pk")
    used = Q(workflow_tasks__workflow__workflow_pages__page__in=pages)
    owned = Q(groupapprovaltask__groups__municipalities__in=municipality_list_for_user(user=user))
    return tasks.filter(pk__in=tasks.filter(used | owned).values("pk"))


def page_list_for_admin(*, user) -> QuerySet[Page]:
    """The pages ``user`` may see in the admin (``page_filter_for_admin``)."""
    return Page.objects.filter(page_filter_for_admin(user=user))


def public_holiday_list(*, municipality: Municipality, year: int) -> QuerySet[PublicHoliday]:
    return municipality.holidays.filter(date__year=year)


def is_working_day(*, municipality: Municipality, day: datetime.date) -> bool:
    """A weekday that is not a weekend day nor a full public holiday (see ``tenancy.clock``)."""
    return clock.is_working_day(municipality, day)


def locale_get_for_language(language: str) -> Locale | None:
    return Locale.objects.filter(language_code=language).first()


@dataclass(frozen=True)
class LanguageLink:
    code: str
    name: str
    url: str
    is_current: bool


def language_links(*, tenant: Tenant, page: Page | None, current: str) -> list[LanguageLink]:
    """The site's languages, each leading to the same page in that language, or to that
    language's home page when the page has no published translation. One query at most."""
    from django.conf import settings

    names = dict(settings.LANGUAGES)
    if page is None or _is_home(tenant, page):
        translations = {}  # each language's home page: its address is in the snapshot
    else:
        translations = _translations_by_language(page, tenant.languages)
    links = []
    for code in tenant.languages:
        target = translations.get(code)
        url = _page_path(target) if target is not None else tenant.home_url(code)
        links.append(LanguageLink(code=code, name=names[code], url=url, is_current=code == current))
    return links


def language_query_translate(*, query, language: str):
    """``query`` (a QueryDict) for the same view in ``language``: a filter that names a page by
    its id (the directory's and the news listing's ``directorate``) names that page's
    translation instead, or is dropped when it has none. No query unless such a filter is set."""
    query = query.copy()
    value = whole_number(query.get("directorate"))
    if value is not None:
        source = Page.objects.filter(pk=value).values("translation_key")[:1]
        target = (
            Page.objects.filter(translation_key__in=source, locale__language_code=language)
            .values_list("pk", flat=True)
            .first()
        )
        if target is None:
            query.pop("directorate")
        else:
            query["directorate"] = str(target)
    return query


def _is_home(tenant: Tenant, page: Page) -> bool:
    return any(home.pk == page.pk for home in tenant.home_pages.values())


def theme_colours(municipality: Municipality) -> dict[str, str]:
    """The brand colours and the tints derived from them for the site's stylesheet."""
    from municipium.core.colours import mix

    primary, accent = municipality.primary_colour, municipality.accent_colour
    return {
        "primary": primary,
        "primary_dark": mix(primary, "#000000", 0.35),
        "primary_tint": mix(primary, "#ffffff", 0.92),
        "accent": accent,
        "accent_tint": mix(accent, "#ffffff", 0.9),
    }


def admin_municipality(request) -> Municipality | None:
    """The municipality the admin works in for ``request``: that of the host the admin is
    opened on if the user works for it, else the first of those they work for (by id, so
    that it does not change between requests); None for someone who works for none. Read
    once per request (the menu asks for every item)."""
    if not hasattr(request, "_admin_municipality"):
        municipalities = municipality_list_for_user(user=request.user).order_by("pk")
        tenant = getattr(request, "tenant", None)
        found = None
        if tenant is not None:
            found = municipalities.filter(pk=tenant.municipality.pk).first()
        request._admin_municipality = found or municipalities.first()
    return request._admin_municipality


def staff_calendar_get(*, user, host_municipality: Municipality | None) -> str:
    """The calendar a member of staff types and reads dates in, in the admin: that of the
    municipality whose host the admin is opened on if they work for it, else that of the one
    municipality they work for, else Gregorian (someone who works for several, on a host that
    is none of them). One query."""
    if not user.is_authenticated:
        return Calendar.GREGORIAN
    calendars = dict(municipality_list_for_user(user=user).values_list("pk", "calendar"))
    if host_municipality is not None and host_municipality.pk in calendars:
        return calendars[host_municipality.pk]
    if len(calendars) == 1:
        return next(iter(calendars.values()))
    return Calendar.GREGORIAN
