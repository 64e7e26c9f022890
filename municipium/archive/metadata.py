"""What an item tells machines: Dublin Core as ``<meta name="DC.*">`` tags (with the
``schema.DC`` link, DCMI's "Expressing Dublin Core in HTML meta elements") and schema.org
``ArchiveComponent`` (a ``CreativeWork``) as JSON-LD, both in the page's ``<head>``."""

import html
from dataclasses import dataclass

from django.utils.html import format_html_join, strip_tags
from django.utils.safestring import SafeString

from municipium.core.templatetags.municipium import json_ld_tag

from .models import Licence


@dataclass(frozen=True)
class ItemMetadata:
    dublin_core: SafeString
    json_ld: SafeString


def _temporal(item) -> str:
    start, end = item.period
    if start is None:
        return ""
    return str(start) if end == start else f"{start}/{end}"


def dublin_core_elements(item) -> list[tuple[str, str]]:
    """(element, value) pairs of the item's Dublin Core, empty values left out."""
    licence = Licence(item.licence)
    rights = " ".join(
        part for part in (str(licence.label), Licence.url(item.licence), item.rights_holder) if part
    )
    coverage = ", ".join(part for part in (item.place, _temporal(item)) if part)
    elements = [
        ("DC.title", item.title),
        ("DC.creator", item.creator),
        *[("DC.subject", tag.name) for tag in item.subjects.all()],
        ("DC.description", item.description),
        ("DC.publisher", item.publisher),
        ("DC.contributor", item.contributor),
        ("DC.date", item.date.isoformat() if item.date else _temporal(item)),
        ("DC.type", item.dc_type),
        ("DC.format", item.format),
        ("DC.identifier", item.identifier),
        ("DC.source", item.source),
        ("DC.language", item.dc_language),
        ("DC.relation", item.relation),
        ("DC.coverage", coverage),
        ("DC.rights", rights),
    ]
    return [(name, value) for name, value in elements if value]


def item_metadata(*, item, request) -> ItemMetadata:
    elements = dublin_core_elements(item)
    url = request.build_absolute_uri(item.get_url(request) or "") if item.pk else ""
    tenant = getattr(request, "tenant", None)
    data = {
        "@context": "https://schema.org",
        "@type": ["ArchiveComponent", "CreativeWork"],
        "name": item.title,
        "description": item.description,
        "identifier": item.identifier,
        "url": url,
        "inLanguage": item.dc_language or item.locale.language_code,
        "keywords": [tag.name for tag in item.subjects.all()],
        "creator": {"@type": "Person", "name": item.creator} if item.creator else None,
        "contributor": {"@type": "Person", "name": item.contributor} if item.contributor else None,
        "publisher": {"@type": "Organization", "name": item.publisher} if item.publisher else None,
        "dateCreated": item.date.isoformat() if item.date else None,
        "temporalCoverage": _temporal(item) or None,
        "spatialCoverage": {"@type": "Place", "name": item.place} if item.place else None,
        "encodingFormat": item.format or None,
        "license": Licence.url(item.licence) or None,
        "copyrightHolder": (
            {"@type": "Organization", "name": item.rights_holder} if item.rights_holder else None
        ),
        "holdingArchive": (
            {"@type": "ArchiveOrganization", "name": tenant.name(item.locale.language_code)}
            if tenant
            else None
        ),
    }
    if item.transcript:
        data["transcript"] = " ".join(_plain(item.transcript).split())
    tags = format_html_join(
        "\n  ",
        '<meta name="{}" content="{}">',
        [(name, value) for name, value in elements],
    )
    link = SafeString('<link rel="schema.DC" href="http://purl.org/dc/elements/1.1/">\n  ')
    return ItemMetadata(
        dublin_core=SafeString(link + tags),
        json_ld=json_ld_tag({k: v for k, v in data.items() if v not in (None, "", [])}),
    )


def _plain(source: str) -> str:
    return html.unescape(strip_tags(source.replace("><", "> <")))
