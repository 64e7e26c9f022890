"""The service standards table as a download: CSV for spreadsheets, PDF for printing and
e-Devlet. Both in the active language, with the site's calendar and digits, and with the
columns the regulation names (REFERENCE.md, "Service standards table")."""

import csv
import io
from dataclasses import dataclass

from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from municipium.core.formatting import localise_digits

from . import measurements
from .pdf import html_to_pdf


def legal_columns() -> list[str]:
    # SIRA NO | HİZMETİN ADI | BAŞVURUDA İSTENİLEN BELGELER | HİZMETİN TAMAMLANMA SÜRESİ
    return [
        pgettext("service standards table", "No."),
        _("Name of the service"),
        _("Documents required for the application"),
        _("Time to complete the service (at the latest)"),
    ]


def legal_notice() -> str:
    return _(
        "If you are asked for documents other than those listed above, if a service is not "
        "completed in the time given although all the documents were provided, or if a "
        "service is missing from this table, apply to the first or the second place of "
        "application."
    )


@dataclass(frozen=True)
class Row:
    number: str
    service: str
    documents: list[str]
    duration: str
    # "measured median: 4 working days (last 12 months)" where a measuring app
    # (``directory.measurements``) maps a kind of request to this service; else empty.
    measured: str = ""


@dataclass(frozen=True)
class ServiceStandardsTable:
    directorate: str
    municipality: str
    columns: list[str]
    rows: list[Row]
    places: list
    notice: str
    updated: str  # the date of the last publication, in the site's calendar

    @property
    def title(self) -> str:
        return _("Service standards table")

    @property
    def shared_duration(self) -> str:
        """The time to complete every service when it is the same for all of them: the page
        says it once above the table instead of in each row (the CSV and PDF keep the
        regulation's four columns)."""
        durations = {row.duration for row in self.rows}
        return durations.pop() if len(self.rows) > 1 and len(durations) == 1 else ""


def service_standards_table(
    *, page, standards, municipality_name: str, updated: str, places=None, municipality=None
) -> ServiceStandardsTable:
    """The table in the active language; ``places`` of application, else the page's own;
    with ``municipality``, the measured median time beside each promised time that a
    measuring app maps (``directory.measurements``: one query per provider)."""
    language = translation.get_language() or "en"
    standards = list(standards)
    medians = measurements.measured_median_days(
        municipality=municipality, standard_ids=[standard.pk for standard in standards]
    )
    rows = [
        Row(
            number=localise_digits(str(position), language),
            service=standard.service,
            documents=standard.document_list,
            duration=standard.duration_display,
            measured=(
                localise_digits(measurements.measured_text(medians[standard.pk]), language)
                if medians.get(standard.pk) is not None
                else ""
            ),
        )
        for position, standard in enumerate(standards, start=1)
    ]
    return ServiceStandardsTable(
        directorate=page.title,
        municipality=municipality_name,
        columns=legal_columns(),
        rows=rows,
        places=page.application_places if places is None else places,
        notice=legal_notice(),
        updated=updated,
    )


def service_standards_csv(table: ServiceStandardsTable) -> bytes:
    """UTF-8 with a byte order mark, which Excel needs to read Turkish or Persian letters.
    The legal header first, one row per service (documents one per line in their cell),
    then the places of application and the notice."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(table.columns)
    for row in table.rows:
        duration = f"{row.duration}\n{row.measured}" if row.measured else row.duration
        writer.writerow([row.number, row.service, "\n".join(row.documents), duration])
    labels = (
        ("name", _("Name")),
        ("title", pgettext("job title", "Title")),
        ("address", _("Address")),
        ("phone", _("Phone")),
        ("fax", _("Fax")),
        ("email", _("E-mail")),
    )
    for place in table.places:
        writer.writerow([])
        writer.writerow([place.heading])
        for name, label in labels:
            if value := getattr(place, name):
                writer.writerow([label, value])
    writer.writerow([])
    writer.writerow([table.notice])
    if table.updated:
        writer.writerow([_("Last updated"), table.updated])
    return out.getvalue().encode("utf-8-sig")


def service_standards_pdf(table: ServiceStandardsTable) -> bytes:
    html = render_to_string(
        "directory/service_standards_pdf.html",
        {
            "table": table,
            "language": translation.get_language(),
            "direction": "rtl" if translation.get_language_bidi() else "ltr",
        },
    )
    return html_to_pdf(html)
