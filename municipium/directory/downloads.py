"""The service standards table as a CSV or PDF download: the directorate page's routes
(``DirectoratePage.service_standards_csv`` and ``_pdf``) answer with these."""

from django.http import Http404, HttpResponse
from django.utils import timezone, translation
from django.utils.http import content_disposition_header

from municipium.core.formatting import format_date

from . import exports
from .context import site_facts


def _table(request, page) -> exports.ServiceStandardsTable:
    standards = list(page.service_standards.all())
    if not standards:
        raise Http404("This directorate has no service standards table.")
    facts = site_facts(request, page)
    published = page.last_published_at or timezone.now()
    updated = format_date(
        published,
        language=translation.get_language(),
        calendar=facts.calendar,
        time_zone=facts.time_zone,
    )
    return exports.service_standards_table(
        page=page,
        standards=standards,
        municipality_name=facts.name,
        updated=updated,
    )


def _download(content: bytes, *, content_type: str, filename: str) -> HttpResponse:
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = content_disposition_header(True, filename)
    return response


def service_standards_csv(request, *, page) -> HttpResponse:
    content = exports.service_standards_csv(_table(request, page))
    return _download(
        content,
        content_type="text/csv; charset=utf-8",
        filename=f"{page.slug}-service-standards.csv",
    )


def service_standards_pdf(request, *, page) -> HttpResponse:
    content = exports.service_standards_pdf(_table(request, page))
    return _download(
        content, content_type="application/pdf", filename=f"{page.slug}-service-standards.pdf"
    )
