"""Changes to the page tree that every app needs: creating or updating a page in place with its
translations linked to it (same translation key, one page per locale). They know no page type
and no municipality, so any app's services, demo and tests can use them."""

import copy
from collections.abc import Iterable, Mapping

from django.db import transaction
from django.utils import timezone
from wagtail.models import Locale, Page, Site

# The shape of the tree: Wagtail's root (depth 1), one branch per municipality (depth 2), its
# home page in each language (depth 3, a site's root), then the site's pages.
HOME_PAGE_DEPTH = 3


def _locale(language: str) -> Locale:
    return Locale.objects.get(language_code=language)


@transaction.atomic
def page_ensure(
    *,
    parent: Page,
    page_class: type[Page],
    slug: str,
    language: str,
    translation_of: Page | None = None,
    **fields,
) -> Page:
    """The live page ``slug`` of ``page_class`` under ``parent`` in ``language``, created or
    brought up to date with ``fields``. Running it again changes nothing. A translation takes
    the translation key of ``translation_of``, so that Wagtail links the two."""
    locale = _locale(language)
    existing = page_class.objects.child_of(parent).filter(slug=slug, locale=locale).first()
    if existing is not None:
        changed = [name for name, value in fields.items() if getattr(existing, name) != value]
        for name in changed:
            setattr(existing, name, fields[name])
        if changed:
            existing.save()
        return existing
    now = timezone.now()
    page = page_class(
        slug=slug,
        locale=locale,
        live=True,
        first_published_at=now,
        last_published_at=now,
        **fields,
    )
    if translation_of is not None:
        page.translation_key = translation_of.translation_key
    parent.add_child(instance=page)
    return page


def translations_ensure(
    *,
    parents: Mapping[str, Page],
    page_class: type[Page],
    slug: str | Mapping[str, str],
    fields: Mapping[str, dict],
) -> dict[str, Page]:
    """The page ``slug`` under each language's parent, with that language's ``fields``, every
    translation linked to the first. Languages without fields are left out. ``slug`` may
    differ per language (a mapping), as siblings under one parent must (home pages)."""
    made: dict[str, Page] = {}
    source = None
    for language, parent in parents.items():
        if language not in fields:
            continue
        made[language] = page_ensure(
            parent=parent,
            page_class=page_class,
            slug=slug if isinstance(slug, str) else slug[language],
            language=language,
            translation_of=source,
            **fields[language],
        )
        source = source or made[language]
    return made


@transaction.atomic
def page_slug_change(
    *, parent: Page, page_class: type[Page], language: str, former: str, slug: str
) -> None:
    """The page ``former`` of ``page_class`` under ``parent`` in ``language``, if there is one,
    takes the slug ``slug`` (a site whose addresses move into its own language). Its former
    addresses, and those of the pages below it, redirect to it (``page_redirects_ensure``).
    Nothing happens once done."""
    if former == slug:
        return
    page = page_class.objects.child_of(parent).filter(slug=former, locale=_locale(language)).first()
    if page is not None:
        page.slug = slug
        page.save()


def page_redirects_ensure(*, page: Page, former_slug: str, site: Site) -> None:
    """Permanent redirects (Wagtail's redirects app) from the addresses that ``page`` and the
    pages below it had when its slug was ``former_slug`` to the pages themselves: bookmarks
    and links to the old addresses keep working. Made once: a redirect already there stays."""
    if page.slug == former_slug:
        return
    page = page.specific
    former = copy.copy(page)
    former.url_path = page.url_path[: -len(page.slug) - 1] + former_slug + "/"
    # Imported here: the redirects app's module reads models at import, and this module is
    # imported while the models load (core.routing names HOME_PAGE_DEPTH).
    from wagtail.contrib.redirects.signal_handlers import create_redirects

    create_redirects(page=page, page_old=former, sites=[site])


def translations_ensure_in_site_language(
    *,
    parents: Mapping[str, Page],
    page_class: type[Page],
    slugs: Mapping[str, str],
    former_slug: str,
    fields: Mapping[str, dict],
) -> dict[str, Page]:
    """``translations_ensure`` for a page whose address is in each page's own language
    (``slugs``; ``former_slug`` for a language left out) where it was ``former_slug`` (an English
    word) before: a page still there is renamed first (``page_slug_change``). Once its subpages
    are made too, ``former_addresses_redirect`` keeps the old addresses working."""
    slug = {language: slugs.get(language, former_slug) for language in parents}
    for language, parent in parents.items():
        page_slug_change(
            parent=parent, page_class=page_class, language=language,
            former=former_slug, slug=slug[language],
        )  # fmt: skip
    return translations_ensure(parents=parents, page_class=page_class, slug=slug, fields=fields)


def former_addresses_redirect(*, pages: Iterable[Page], former_slug: str, site: Site) -> None:
    """``page_redirects_ensure`` for each of ``pages`` (the translations of one page)."""
    for page in pages:
        page_redirects_ensure(page=page, former_slug=former_slug, site=site)


# Pages that are live but that the public must not find (an archive item whose contributor has
# not consented to publication online, or withdrew it): each app registers, in its
# ``AppConfig.ready()``, a function returning a queryset of the ids of its withheld pages. The
# sitemap and the search leave them out; core never names the app.
WITHHELD_PAGES: list = []


def register_withheld_pages(function) -> None:
    if function not in WITHHELD_PAGES:
        WITHHELD_PAGES.append(function)


def pages_without_withheld(pages):
    """``pages`` (a queryset of pages) without the withheld ones: a subquery each, no query."""
    for function in WITHHELD_PAGES:
        pages = pages.exclude(pk__in=function())
    return pages


def page_is_withheld(page: Page) -> bool:
    return any(function().filter(pk=page.pk).exists() for function in WITHHELD_PAGES)
