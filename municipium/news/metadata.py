"""What an article tells machines: schema.org ``NewsArticle`` as JSON-LD (escaped by
``core``'s ``json_ld_tag``: data, not a script, so a strict CSP allows it), and Open Graph tags
for link previews. Both go in the page's ``<head>``."""

from dataclasses import dataclass

from django.utils.html import format_html_join
from django.utils.safestring import SafeString
from django.utils.translation import get_language

from municipium.core import formatting
from municipium.core.templatetags.municipium import json_ld_tag


@dataclass(frozen=True)
class ArticleMetadata:
    json_ld: SafeString
    open_graph: SafeString


def _absolute(request, url: str) -> str:
    return request.build_absolute_uri(url) if url else ""


def article_metadata(*, article, details, request) -> ArticleMetadata:
    tenant = getattr(request, "tenant", None)
    language = get_language()
    publisher_name = tenant.name(language) if tenant else ""
    url = _absolute(request, article.get_url(request) or "") if article.pk else ""
    image_url = _absolute(request, details.share_image.url) if details.share_image else ""
    published = article.date.isoformat()
    modified = (article.last_published_at or article.date).isoformat()
    publisher = {"@type": "GovernmentOrganization", "name": publisher_name}
    if tenant and tenant.logo_url:
        publisher["logo"] = {"@type": "ImageObject", "url": _absolute(request, tenant.logo_url)}
    data = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": article.title,
        "description": article.lead,
        "datePublished": published,
        "dateModified": modified,
        "inLanguage": language,
        "mainEntityOfPage": url,
        "url": url,
        "author": publisher,
        "publisher": publisher,
        "keywords": [tag.name for tag in details.tags],
        "articleSection": str(article.get_kind_display()),
    }
    if image_url:
        data["image"] = [image_url]
    properties = [
        ("og:type", "article"),
        ("og:title", article.title),
        ("og:description", article.lead),
        ("og:url", url),
        ("og:site_name", publisher_name),
        ("og:locale", formatting.babel_locale(language)),
        ("article:published_time", published),
        ("article:modified_time", modified),
        ("article:section", str(article.get_kind_display())),
        *[("article:tag", tag.name) for tag in details.tags],
    ]
    if image_url:
        properties += [
            ("og:image", image_url),
            ("og:image:width", str(details.share_image.width)),
            ("og:image:height", str(details.share_image.height)),
            ("og:image:alt", details.image_alt),
        ]
    elif tenant:  # no raster picture of its own: the municipality's (tenancy.share_image)
        properties += [
            ("og:image", _absolute(request, tenant.share_image_url)),
            ("og:image:type", "image/png"),
            ("og:image:width", "1200"),
            ("og:image:height", "630"),
            ("og:image:alt", publisher_name),
        ]
    open_graph = format_html_join(
        "\n  ", '<meta property="{}" content="{}">', ((p, v) for p, v in properties if v)
    )
    return ArticleMetadata(json_ld=json_ld_tag(data), open_graph=open_graph)
