"""Data migrations over the page tree, written with the historical models (``apps``), which have
no treebeard or Wagtail methods. Each app's migration calls them with its own page type.

``page_slugs_localise`` moves a page of a non-English language still at an English address
(``/tr/news/``) to its own language's (``/tr/haberler/``), as the demo now makes them: the
page's slug, its ``url_path`` and its subpages', and the slug in its latest revision (else the
next publish from the editor would move it back). Its former addresses and its subpages' lead
to them through permanent redirects of Wagtail's redirects app, on its municipality's site. A
page whose new address is taken by a sibling is left alone. The sites' cached pages are purged
(their generation is bumped). Search entries keep the old address until the index is rebuilt
or the page published; the redirect covers them meanwhile.

Reversing is a no-op: an editor may have published under the new address since, and the
redirects keep every address working whichever way."""

from collections.abc import Mapping

from django.db.models import F
from wagtail.contrib.redirects.models import Redirect

HOME_PAGE_DEPTH = 3  # core.pages.HOME_PAGE_DEPTH, frozen here as migrations must be
STEP_LENGTH = 4  # treebeard's materialised path step


def _site_for(Site, page):
    """The site of ``page``'s municipality: rooted at a home page of the same branch."""
    branch = page.path[: STEP_LENGTH * (HOME_PAGE_DEPTH - 1)]
    return Site.objects.filter(
        root_page__path__startswith=branch, root_page__depth=HOME_PAGE_DEPTH
    ).first()


def _address(Page, page, url_path: str, language: str) -> str:
    """The path of ``page`` (at ``url_path``) on its site: the language, then the path below
    its home page."""
    home = Page.objects.get(path=page.path[: STEP_LENGTH * HOME_PAGE_DEPTH])
    return f"/{language}/{url_path[len(home.url_path) :]}"


def page_slugs_localise(
    apps, *, app_label: str, model_name: str, former_slug: str, slugs: Mapping[str, str]
) -> None:
    Page = apps.get_model("wagtailcore", "Page")
    Revision = apps.get_model("wagtailcore", "Revision")
    Site = apps.get_model("wagtailcore", "Site")
    ContentType = apps.get_model("contenttypes", "ContentType")
    RedirectRow = apps.get_model("wagtailredirects", "Redirect")
    Municipality = apps.get_model("tenancy", "Municipality")
    content_type = ContentType.objects.filter(app_label=app_label, model=model_name).first()
    if content_type is None:
        return
    pages = Page.objects.filter(
        content_type=content_type, slug=former_slug, locale__language_code__in=list(slugs)
    ).select_related("locale")
    touched_sites = set()
    for page in pages:
        slug = slugs[page.locale.language_code]
        parent_path = page.path[:-STEP_LENGTH]
        siblings = Page.objects.filter(path__startswith=parent_path, depth=page.depth)
        site = _site_for(Site, page)
        if slug == former_slug or siblings.filter(slug=slug).exists() or site is None:
            continue
        language = page.locale.language_code
        old_prefix = page.url_path
        new_prefix = old_prefix[: -len(former_slug) - 1] + slug + "/"
        subtree = Page.objects.filter(path__startswith=page.path).order_by("path")
        for row in subtree:
            old_url_path = row.url_path
            row.url_path = new_prefix + old_url_path[len(old_prefix) :]
            fields = ["url_path"]
            if row.pk == page.pk:
                row.slug = slug
                fields.append("slug")
            row.save(update_fields=fields)
            if row.live:
                RedirectRow.objects.get_or_create(
                    site_id=site.pk,
                    old_path=Redirect.normalise_path(_address(Page, row, old_url_path, language)),
                    defaults={
                        "redirect_page_id": row.pk,
                        "is_permanent": True,
                        "automatically_created": True,
                    },
                )
        if page.latest_revision_id:
            revision = Revision.objects.get(pk=page.latest_revision_id)
            revision.content = {**revision.content, "slug": slug, "url_path": new_prefix}
            revision.save(update_fields=["content"])
        touched_sites.add(site.pk)
    Municipality.objects.filter(site_id__in=touched_sites).update(
        cache_generation=F("cache_generation") + 1
    )
