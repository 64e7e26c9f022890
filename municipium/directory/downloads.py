"""The service standards table as a CSV or PDF download: the directorate page's routes
(``DirectoratePage.service_standards_csv`` and ``_pdf``) answer with these."""

from django.http import Http404, HttpResponse
from django.utils import timezone, translation
from django.utils.http import content_disposition_header

from municipium.core.formatting import format_date

from . import exports
from .context import site_facts
from .selectors import application_places, directorate_get_detail


def _table(request, page) -> exports.ServiceStandardsTable:
    facts = site_facts(request, page)
    detail = directorate_get_detail(page=page, municipality=facts.municipality, today=facts.today)
    if not detail.service_standards:
        raise Http404("This directorate has no service standards table.")
    published = page.last_published_at or timezone.now()
    updated = format_date(
        published,
        language=translation.get_language(),
        calendar=facts.calendar,
        time_zone=facts.time_zone,
    )
    return exports.service_standards_table(
        page=page,
        standards=detail.service_standards,
        municipality_name=facts.name,
        municipality=facts.municipality,
        updated=updated,
        places=application_places(
            page=page, director=detail.director, municipality=facts.municipality
        ),
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
