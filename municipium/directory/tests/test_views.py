"""The directorate and directory pages as readers get them, and the downloads of the service
standards table."""

import csv
import datetime
import io
import json
import re
from unittest import mock
from urllib.parse import urlencode

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation

from municipium.directory import exports
from municipium.directory.durations import duration_text
from municipium.directory.exports import legal_columns
from municipium.directory.services import (
    directorate_documents_set,
    directorate_service_standards_set,
)
from municipium.organisation.models import Position, Unit
from municipium.organisation.tests.factories import PersonFactory, job_title, positions, unit

from .factories import directorate, directory_index, document, organisation, standard

pytestmark = pytest.mark.django_db

HOST = "bornova.localhost"
PAGE = "/tr/mudurlukler/kultur/"


def get(client, path=PAGE, host=HOST, **extra):
    response = client.get(path, HTTP_HOST=host, **extra)
    assert response.status_code == 200, response.content[:500]
    return response


def html_of(client, path=PAGE, host=HOST):
    return get(client, path, host).content.decode()


def json_ld(html):
    blocks = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    return [json.loads(block) for block in blocks]


@pytest.fixture
def office(culture, bornova):
    """The culture directorate with a small organisation and a service standards table."""
    top = unit(bornova, "kultur", kind=Unit.Kind.DIRECTORATE)
    events = unit(bornova, "etkinlik", parent=top, names={"tr": "Etkinlik Şefliği"})
    archive = unit(bornova, "sozlu-tarih", parent=events, names={"tr": "Sözlü Tarih Arşivi"})
    positions(
        top,
        (PersonFactory(municipality=bornova, name="Deniz Arslan", bio="Kırk yıllık kültür insanı."),
         job_title(bornova, "mudur", tr="Müdür"), True, datetime.date(2021, 3, 1)),
    )  # fmt: skip
    positions(
        events,
        (PersonFactory(municipality=bornova, name="Selin Öztürk"),
         job_title(bornova, "sef", tr="Şef"), True),
    )  # fmt: skip
    positions(
        archive,
        (PersonFactory(municipality=bornova, name="Barış Uçar"),
         job_title(bornova, "arsiv-uzmani", tr="Arşiv Uzmanı"), False),
    )  # fmt: skip
    culture.unit = top
    culture.save()
    directorate_service_standards_set(
        page=culture,
        rows=[
            standard("Salon tahsisi", "Dilekçe", "Kimlik belgesi", value=3, unit="working_days"),
            standard("Kurs kaydı", "Başvuru formu", unit="immediately"),
            standard("Tebrik mesajı", text="1-8 Saat"),
        ],
    )
    culture.first_place_name = "Deniz Arslan"
    culture.first_place_fax = "(0232) 555 01 01"
    culture.second_place_name = "Ayşe Başkan"
    culture.founded_on = datetime.date(2012, 3, 9)
    culture.founding_decision_number = "82"
    culture.reports_to_text = "Belediye Başkanı"
    culture.activity_areas = [
        ("area", {"text": "Etkinlik düzenlemek", "items": []}),
        ("area", {"text": "Proje geliştirmek:", "items": ["Kısa vadeli", "Uzun vadeli"]}),
    ]
    culture.save()
    return culture


def test_the_org_chart_lists_the_units_and_people_entered(client, office):
    html = html_of(client)
    chart = html[
        html.index('class="org-chart"') : html.index("</section>", html.index("org-chart"))
    ]
    assert re.search(r"<h3 class=\"org-chart__name\">Kültür ve Sosyal İşler Müdürlüğü</h3>", chart)
    assert '<h4 class="org-chart__name">Etkinlik Şefliği</h4>' in chart
    assert '<h5 class="org-chart__name">Sözlü Tarih Arşivi</h5>' in chart  # nested one level down
    for name, title in [
        ("Deniz Arslan", "Müdür"),
        ("Selin Öztürk", "Şef"),
        ("Barış Uçar", "Arşiv Uzmanı"),
    ]:
        assert f'<span class="org-chart__person-name">{name}</span>' in chart
        assert f'<span class="org-chart__person-title">{title}</span>' in chart
    # Nested lists, so that a screen reader announces the levels.
    assert chart.index("Etkinlik Şefliği") < chart.index(
        '<ul class="org-chart__children">', chart.index("Etkinlik Şefliği")
    )


def test_the_page_shows_director_founding_decision_and_nested_activity_areas(client, office):
    html = html_of(client)
    assert '<p class="contact-card__name">Deniz Arslan</p>' in html
    assert '<p class="contact-card__bio">Kırk yıllık kültür insanı.</p>' in html
    assert '<time datetime="2012-03-09">9 Mart 2012</time>' in html
    assert "Belediye Başkanı" in html
    assert re.search(
        r"Proje geliştirmek:\s*<ul class=\"activity-areas__items\"><li>Kısa vadeli</li>", html
    )
    assert 'href="/static/directory/css/directory.css"' in html


def test_the_service_standards_table_renders_with_the_legal_columns(client, office):
    html = html_of(client)
    table = html[html.index('class="service-standards__table') : html.index("</table>")]
    assert table.count('<th scope="col"') == 4
    assert re.search(r'<th scope="row"[^>]*>Salon tahsisi</th>', table)
    assert "<li>Dilekçe</li><li>Kimlik belgesi</li>" in table
    assert "1-8 Saat" in table
    assert 'href="/tr/mudurlukler/kultur/service-standards/csv/"' in html
    assert 'href="/tr/mudurlukler/kultur/service-standards/pdf/"' in html
    assert "(0232) 555 01 01" in html  # the first place of application's fax


def test_the_directors_card_with_the_phone_comes_before_the_long_lists(client, office):
    """On a phone the page is one column in the order of the HTML: the card must come first."""
    html = html_of(client)
    card = html.index('class="directorate__aside"')
    for later in ("Proje geliştirmek", 'class="org-chart"', 'class="service-standards"'):
        assert card < html.index(later), later


def test_the_directors_card_is_headed_by_the_heads_own_job_title(client, office, bornova):
    """Not a fixed 'Director' where the head is a Daire Başkanı or a Kierowniczka."""
    head = Position.objects.get(unit=office.unit, is_head=True)
    head.job_title = job_title(bornova, "daire-baskani", tr="Daire Başkanı")
    head.save()
    html = html_of(client)
    assert '<h2 class="contact-card__title">Daire Başkanı</h2>' in html
    assert '<h2 class="contact-card__title">Müdür</h2>' not in html


def test_a_duration_shared_by_every_service_is_said_once_above_the_table(client, office):
    directorate_service_standards_set(
        page=office,
        rows=[
            standard("Salon tahsisi", "Dilekçe", value=3, unit="working_days"),
            standard("Kurs kaydı", "Başvuru formu", value=3, unit="working_days"),
        ],
    )
    html = html_of(client)
    table = html[html.index('class="service-standards__table') : html.index("</table>")]
    shared = html[
        html.index('class="service-standards__shared"') : html.index(
            "</dl>", html.index('class="service-standards__shared"')
        )
    ]
    assert duration_text(value=3, unit="working_days") in shared
    assert duration_text(value=3, unit="working_days") not in table
    assert table.count('<th scope="col"') == 3


def test_each_cell_of_the_service_standards_is_labelled_for_the_phones_cards(client, office):
    html = html_of(client)
    table = html[html.index('class="service-standards__table') : html.index("</table>")]
    with translation.override("tr"):
        columns = legal_columns()
    assert f'data-label="{columns[2]}"' in table and f'data-label="{columns[3]}"' in table
    assert 'role="table"' in table and 'role="rowheader"' in table


def test_the_service_standards_download_as_csv_with_a_bom_for_excel(client, office):
    response = get(client, PAGE + "service-standards/csv/")
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert 'filename="kultur-service-standards.csv"' in response["Content-Disposition"]
    assert response.content.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    with translation.override("tr"):  # the page's language
        assert rows[0] == legal_columns()
        assert rows[1] == [
            "1", "Salon tahsisi", "Dilekçe\nKimlik belgesi",
            duration_text(value=3, unit="working_days"),
        ]  # fmt: skip
    assert rows[3][1] == "Tebrik mesajı" and rows[3][3] == "1-8 Saat"
    flat = [cell for row in rows for cell in row]
    assert "Deniz Arslan" in flat and "Ayşe Başkan" in flat and "(0232) 555 01 01" in flat


def test_without_places_entered_the_units_head_is_the_first_place_of_application(
    client, office, bornova
):
    for field in ("name", "title", "address", "phone", "fax", "email"):
        setattr(office, f"first_place_{field}", "")
        setattr(office, f"second_place_{field}", "")
    office.save()
    rows = list(
        csv.reader(
            io.StringIO(get(client, PAGE + "service-standards/csv/").content.decode("utf-8-sig"))
        )
    )
    flat = [cell for row in rows for cell in row]
    assert "Deniz Arslan" in flat and "Müdür" in flat  # the head of the unit and their title
    assert "Ayşe Başkan" not in flat
    assert "Deniz Arslan" in html_of(client)


def test_the_service_standards_download_as_pdf(client, office):
    response = get(client, PAGE + "service-standards/pdf/")
    assert response["Content-Type"] == "application/pdf"
    assert 'filename="kultur-service-standards.pdf"' in response["Content-Disposition"]
    assert response.content.startswith(b"%PDF")
    text = pdf_text(response.content)
    if text is not None:
        assert "Salon tahsisi" in text and "Deniz Arslan" in text


def pdf_text(content: bytes) -> str | None:
    """The PDF's text where pypdf happens to be installed (the project does not need it)."""
    try:
        import pypdf
    except ImportError:
        return None
    reader = pypdf.PdfReader(io.BytesIO(content))
    return "\n".join(page.extract_text() for page in reader.pages)


def test_a_persian_sites_pdf_is_rendered_right_to_left_in_its_calendar(
    client, municipality_factory
):
    from .factories import directory_index

    bumehen = municipality_factory(
        slug="bumehen", country="IR", languages=["fa", "en"], calendar="solar_hijri",
        time_zone="Asia/Tehran",
    )  # fmt: skip
    page = directorate(
        directory_index(bumehen, "fa", slug="vahedha"), slug="farhangi", title="معاونت فرهنگی"
    )
    directorate_service_standards_set(
        page=page, rows=[standard("ثبت‌نام کلاس‌ها", "فرم درخواست", value=15, unit="working_days")]
    )
    page.last_published_at = datetime.datetime(2024, 3, 29, 9, tzinfo=datetime.UTC)
    page.save()
    csv_text = get(
        client, "/fa/vahedha/farhangi/service-standards/csv/", "bumehen.localhost"
    ).content.decode("utf-8-sig")
    assert "۱۵" in csv_text and "۱۰ فروردین ۱۴۰۳" in csv_text  # Persian digits, Solar Hijri
    with mock.patch.object(exports, "html_to_pdf", wraps=exports.html_to_pdf) as render:
        response = get(client, "/fa/vahedha/farhangi/service-standards/pdf/", "bumehen.localhost")
    html = render.call_args.args[0]
    assert '<html lang="fa" dir="rtl">' in html and "۱۰ فروردین ۱۴۰۳" in html
    assert response.content.startswith(b"%PDF")
    text = pdf_text(response.content)
    if text is not None:
        assert "فرم درخواست" in text


def test_documents_are_listed_with_type_size_and_date(client, culture):
    report = document("Faaliyet raporu", "rapor.pdf", b"%PDF-1.4 " + b"x" * 2048)
    report.file_size = report.file.size
    report.save()
    directorate_documents_set(page=culture, documents=[(report, "2025 Faaliyet Raporu")])
    culture.regulation_document = document("Yönetmelik", "yonetmelik.docx", b"PK")
    culture.regulation_text = "<p>Müdürlüğün çalışma esasları.</p>"
    culture.save()
    html = html_of(client)
    assert f'href="{report.url}">2025 Faaliyet Raporu</a>' in html
    assert re.search(r"PDF, 2[.,]0\s*KB, <time datetime=", html)
    assert "yonetmelik.docx" in html and "DOCX" in html and "Müdürlüğün çalışma esasları." in html


def test_json_ld_describes_the_directorate_and_its_people_and_cannot_break_out(client, office):
    office.title = "Kültür </script><script>alert(1)</script> & Sanat"
    office.save()
    html = html_of(client)
    assert "<script>alert(1)" not in html
    data = next(d for d in json_ld(html) if d.get("@type") == "GovernmentOrganization")
    assert data["name"] == office.title
    assert data["parentOrganization"]["name"] == "Bornova Belediyesi"
    assert data["foundingDate"] == "2012-03-09"
    assert data["employee"][0] == {
        "@type": "Person", "name": "Deniz Arslan", "jobTitle": "Müdür",
        "email": "deniz.arslan@example.org", "telephone": "(0232) 555 01 00",
    }  # fmt: skip


def test_a_person_of_another_municipality_never_appears_on_the_pages(client, office, sisli):
    stranger = PersonFactory(municipality=sisli, name="Sızan Kişi")
    title = job_title(sisli, "mudur", tr="Müdür")
    Position.objects.create(unit=office.unit, person=stranger, job_title=title, sort_order=9)
    for path in (PAGE, "/tr/mudurlukler/"):
        assert "Sızan Kişi" not in html_of(client, path)


def test_the_directory_lists_directorates_and_people_and_filters_without_script(
    client, office, bornova
):
    directorate(bornova.index, slug="park", title="Park ve Bahçeler Müdürlüğü")
    html = html_of(client, "/tr/mudurlukler/")
    assert "Kültür ve Sosyal İşler Müdürlüğü" in html and "Park ve Bahçeler Müdürlüğü" in html
    assert "Selin Öztürk" in html and '<form class="directory-filter" method="get"' in html
    people = next(d for d in json_ld(html) if "@graph" in d)["@graph"]
    assert {person["name"] for person in people} == {"Deniz Arslan", "Selin Öztürk", "Barış Uçar"}
    filtered = html_of(client, "/tr/mudurlukler/?q=ARŞİV")
    assert "Barış Uçar" in filtered and "Selin Öztürk" not in filtered
    assert 'value="ARŞİV"' in filtered
    by_directorate = html_of(client, f"/tr/mudurlukler/?directorate={office.pk}")
    assert f'<option value="{office.pk}" selected>' in by_directorate
    assert "Park ve Bahçeler Müdürlüğü</a></h3>" not in by_directorate


@pytest.mark.parametrize("query", ["ozturk", "OZTURK", "Öztürk", "selin ozt"])
def test_the_directory_filter_finds_a_name_typed_without_turkish_letters(
    client, office, bornova, query
):
    filtered = html_of(client, f"/tr/mudurlukler/?{urlencode({'q': query})}")
    assert "Selin Öztürk" in filtered
    assert "Deniz Arslan" not in filtered and "Barış Uçar" not in filtered


def test_the_directory_shows_people_a_page_at_a_time(client, office, bornova, settings):
    with mock.patch("municipium.directory.context.PEOPLE_PER_PAGE", 2):
        first = html_of(client, "/tr/mudurlukler/")
        second = html_of(client, "/tr/mudurlukler/?page=2")
        beyond = html_of(client, "/tr/mudurlukler/?page=99")
        filtered = html_of(client, "/tr/mudurlukler/?q=ar%C5%9Fiv")
    assert "3 kişi" in first and "Sayfa 1 / 2" in first
    assert "Deniz Arslan" in first and "Barış Uçar" not in first
    assert 'rel="next" href="?page=2"' in first
    people = next(d for d in json_ld(first) if "@graph" in d)["@graph"]
    assert len(people) == 2
    assert "Barış Uçar" in second and "Deniz Arslan" not in second and 'rel="prev"' in second
    assert "Barış Uçar" in beyond  # a page past the end shows the last one
    assert "Barış Uçar" in filtered and 'class="pagination"' not in filtered


def test_the_directory_reads_the_photos_of_the_page_of_people_shown_only(client, bornova, culture):
    organisation(culture, bornova, units=3, people_per_unit=2, photos=True)  # 7 people now
    with mock.patch("municipium.directory.context.PEOPLE_PER_PAGE", 2):
        client.get("/tr/mudurlukler/", HTTP_HOST=HOST)
        with CaptureQueriesContext(connection) as captured:
            get(client, "/tr/mudurlukler/", HTTP_CACHE_CONTROL="no-cache")
    images = [
        q["sql"] for q in captured.captured_queries if 'FROM "wagtailimages_image"' in q["sql"]
    ]
    assert len(images) == 1
    where = images[0].partition(" WHERE ")[2]
    assert len(re.findall(r"\d+", where)) == 2  # the photos of the two people shown


def queries_for(client, path):
    """The queries of a fresh render (no page cache) once the tenant snapshot and the photos'
    renditions exist, and those of them that read this app's rows, photos and documents."""
    client.get(path, HTTP_HOST=HOST)
    with CaptureQueriesContext(connection) as captured:
        response = client.get(path, HTTP_HOST=HOST, HTTP_CACHE_CONTROL="no-cache")
    assert response.status_code == 200
    sqls = [query["sql"] for query in captured.captured_queries]
    own = [
        sql
        for sql in sqls
        if re.search(r'FROM "(directory_|organisation_|wagtailimages_|wagtaildocs_)', sql)
    ]
    return len(sqls), len(own)


# An uncached render once the site's data is kept (the first request after a publish or a
# change of the organisation builds it): all queries, and those that read this app's and the
# organisation's tables, photos and documents. A directorate page: the directorate's specific
# row; its path (read by the router), units, people, photos, documents, service standards and
# translations are kept; one more query asks the measurements (the requests desk's categories
# mapped to its service standards, ``directory.measurements``) for their medians. The
# directory: the index's row (its path is kept), and the photos of the page of people shown
# with their renditions (not kept: a directory runs to thousands of people).
QUERIES = {PAGE: (2, 1), "/tr/mudurlukler/": (3, 3), "/tr/mudurlukler/?q=kişi": (3, 3)}


@pytest.mark.parametrize("path", list(QUERIES))
def test_the_query_count_does_not_grow_with_the_data(client, bornova, culture, path):
    organisation(culture, bornova, units=2, people_per_unit=2, photos=True)
    few = queries_for(client, path)
    organisation(culture, bornova, units=8, people_per_unit=4, photos=True)
    more = directorate(bornova.index, slug="park", title="Park ve Bahçeler Müdürlüğü")
    organisation(more, bornova, units=3, people_per_unit=3, photos=True)
    many = queries_for(client, path)
    assert many == few
    total, own = few
    assert (total, own) == QUERIES[path]


def test_the_page_cache_serves_the_download_again_without_queries(
    client, office, django_assert_num_queries
):
    first = get(client, PAGE + "service-standards/csv/")
    with django_assert_num_queries(0):
        again = get(client, PAGE + "service-standards/csv/")
    assert again.content == first.content and again["X-Page-Cache"] == "hit"


def test_a_directorate_without_service_standards_has_no_downloads(client, culture):
    assert "service-standards/" not in html_of(client)
    for kind in ("csv", "pdf"):
        response = client.get(f"{PAGE}service-standards/{kind}/", HTTP_HOST=HOST)
        assert response.status_code == 404


def test_a_change_of_the_organisation_shows_at_once_on_kept_pages(client, office, bornova):
    assert "Sözlü Tarih Arşivi" in html_of(client)  # the detail is now kept
    assert "Barış Uçar" in html_of(client, "/tr/mudurlukler/")
    archive = Unit.objects.get(code="sozlu-tarih")
    unit(bornova, "sozlu-tarih", parent=archive.parent, names={"tr": "Kent Belleği Arşivi"})
    positions(archive, (PersonFactory(municipality=bornova, name="Yeni Arşivci"),
                        job_title(bornova, "arsiv-uzmani"), False))  # fmt: skip
    page = html_of(client)
    assert "Kent Belleği Arşivi" in page and "Sözlü Tarih Arşivi" not in page
    listing = html_of(client, "/tr/mudurlukler/")
    assert "Yeni Arşivci" in listing and "Barış Uçar" not in listing


def test_a_publish_shows_the_pages_new_unit_at_once(client, office, bornova):
    html_of(client)
    parks = unit(bornova, "park", kind=Unit.Kind.DIRECTORATE, names={"tr": "Park Birimi"})
    positions(parks, (PersonFactory(municipality=bornova, name="Ayşe Çelik"),
                      job_title(bornova, "mudur"), True))  # fmt: skip
    office.unit = parks
    office.save_revision().publish()
    page = html_of(client)
    assert "Ayşe Çelik" in page and "Selin Öztürk" not in page


def test_a_culture_centre_names_its_units_sections_not_directorates(client, municipality_factory):
    """The wording follows the kind of institution (tenancy.wording), not the municipality's
    name: the directory's heading, filter and empty result, and the home page."""
    gok = municipality_factory(
        slug="gok", country="PL", languages=["pl", "en"], institution_kind="culture_centre"
    )
    index = directory_index(gok, "en", slug="sections", title="Sections")
    directorate(index, slug="programme", title="Programme Section")
    html = html_of(client, "/en/sections/?q=zzzz", host="gok.localhost")
    assert "Find a section or a person" in html and "All sections" in html
    assert "No section matches your search." in html
    assert "directorate" not in re.sub(r"<[^>]+>", " ", html.split("<main")[1]).lower()


def test_a_municipality_keeps_its_directorates(client, bornova, culture):
    html = html_of(client, "/tr/mudurlukler/", host=HOST)
    assert "Müdürlük ya da kişi arayın" in html and "Tüm müdürlükler" in html


def test_the_former_address_of_a_renamed_directory_redirects_to_it_and_below(
    client, bornova, culture
):
    from municipium.core.pages import page_redirects_ensure, page_slug_change
    from municipium.directory.models import DirectoryIndexPage

    page_slug_change(
        parent=bornova.homes["tr"], page_class=DirectoryIndexPage, language="tr",
        former="mudurlukler", slug="birimler",
    )  # fmt: skip
    index = DirectoryIndexPage.objects.get(pk=bornova.index.pk)
    for _ in range(2):  # made once
        page_redirects_ensure(page=index, former_slug="mudurlukler", site=bornova.site)
    for old, new in (("/tr/mudurlukler/", "/tr/birimler/"), (PAGE, "/tr/birimler/kultur/")):
        response = client.get(old, HTTP_HOST=HOST)
        assert (response.status_code, response["Location"]) == (301, new)
    assert get(client, "/tr/birimler/kultur/").status_code == 200


def test_a_measured_median_is_shown_beside_the_promised_time_in_html_and_csv(client, office):
    from municipium.directory import measurements

    hall = office.service_standards.get(service="Salon tahsisi")

    def provider(*, municipality, standard_ids):
        assert hall.pk in standard_ids
        return {hall.pk: 4}

    measurements.register(provider)
    try:
        with translation.override("tr"):
            text = measurements.measured_text(4)
        assert text in html_of(client)
        rows = list(
            csv.reader(io.StringIO(get(client, PAGE + "service-standards/csv/").content.decode()))
        )
        assert rows[1][3].endswith("\n" + text)
        assert "\n" not in rows[2][3]  # a row nobody measures shows the promised time only
    finally:
        measurements.unregister(provider)


def test_service_standard_rows_keep_their_ids_when_the_page_is_published_again(office):
    ids = list(office.service_standards.values_list("pk", flat=True))
    page = office.specific.__class__.objects.get(pk=office.pk)
    page.title = page.title + " (yeni)"
    page.save_revision().publish()
    again = page.__class__.objects.get(pk=office.pk)
    again.save_revision().publish()
    assert list(again.service_standards.values_list("pk", flat=True)) == ids
