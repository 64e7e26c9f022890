"""A backend that hands the query to Wagtail's search, for an operator who runs OpenSearch or
Elasticsearch:

    MUNICIPIUM_SEARCH_BACKEND = "municipium.search.backends.wagtail.WagtailSearchBackend"
    WAGTAILSEARCH_BACKENDS = {
        "default": {
            "BACKEND": "wagtail.search.backends.elasticsearch8",  # OpenSearch speaks it too
            "URLS": ["https://search.example.org:9200"],
            "INDEX": "municipium",
        }
    }

then ``municipium update_index``. It searches the public, live pages of the site in the
language (never another site's), as Wagtail indexes them. What the project's own index does
and this one does not: Turkish and Persian normalisation (give the engine an ICU analyser for
that), documents, and the excerpts of the engine (excerpts are cut here, from the page's text,
which costs a query or two per result shown).
"""

from wagtail.models import Page
from wagtail.search.backends import get_search_backend
from wagtail.search.query import PlainText

from municipium.tenancy.selectors import home_page_list_for_site

from ..extract import page_content
from .base import Found, Hit, Query, last_page


def _pages(site, language: str):
    home = home_page_list_for_site(site=site, languages=[language]).first()
    if home is None:
        return Page.objects.none()
    return Page.objects.live().public().descendant_of(home, inclusive=True)


class WagtailSearchBackend:
    def __init__(self, backend_name: str = "default"):
        self.backend_name = backend_name

    def search(
        self, *, site, language: str, query: Query, page: int, per_page: int, max_count: int
    ) -> Found:
        if not query.terms:
            return Found(count=0, number=1, hits=[])
        backend = get_search_backend(self.backend_name)
        results = backend.search(PlainText(query.text, operator="and"), _pages(site, language))
        count = min(results.count(), max_count + 1)
        number = min(page, last_page(count, per_page=per_page, max_count=max_count))
        offset = (number - 1) * per_page
        return Found(
            count=count,
            number=number,
            hits=[_hit(page.specific) for page in results[offset : offset + per_page]],
        )


def _hit(page: Page) -> Hit:
    content = page_content(page)
    parts = page.get_url_parts()
    return Hit(
        kind=content.kind,
        title=content.title,
        url=(parts[2] if parts else None) or "",
        date=content.date,
        text=content.text,
    )
