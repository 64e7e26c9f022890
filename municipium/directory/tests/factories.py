"""People and directorate pages, built through the app's services as the demo builds them."""

import datetime

from django.core.files.base import ContentFile
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.images.tests.utils import get_test_image_file

from municipium.core.pages import page_ensure
from municipium.directory.models import DirectoratePage, DirectoryIndexPage
from municipium.directory.services import (
    directorate_documents_set,
    directorate_service_standards_set,
)
from municipium.organisation.models import Unit
from municipium.organisation.tests.factories import PersonFactory, job_title, positions, unit


def photo(name="photo.png"):
    return get_image_model().objects.create(title=name, file=get_test_image_file(name))


def document(title="Faaliyet raporu", name="rapor.pdf", content=b"%PDF-1.4 demo"):
    return get_document_model().objects.create(title=title, file=ContentFile(content, name=name))


def directory_index(municipality, language="tr", slug="mudurlukler", title="Müdürlükler"):
    return page_ensure(
        parent=municipality.homes[language], page_class=DirectoryIndexPage, slug=slug,
        language=language, title=title,
    )  # fmt: skip


def directorate(index, slug="ozel-kalem", title="Özel Kalem Müdürlüğü", **fields):
    return page_ensure(
        parent=index, page_class=DirectoratePage, slug=slug,
        language=index.locale.language_code, title=title, **fields,
    )  # fmt: skip


def standard(service, *documents, value=None, unit="", text=""):
    return {
        "service": service, "documents": "\n".join(documents), "duration_value": value,
        "duration_unit": unit, "duration_text": text,
    }  # fmt: skip


END = datetime.date(2015, 1, 1)


def organisation(page, municipality, *, units: int, people_per_unit: int, photos=False):
    """The page's unit, with ``units`` sections (every third one part of the one before it),
    each with a head and ``people_per_unit - 1`` members; a director, a former director,
    ``units`` documents and ``units`` service standards."""
    top = unit(municipality, page.slug, kind=Unit.Kind.DIRECTORATE)
    DirectoratePage.objects.filter(translation_key=page.translation_key).update(unit=top)
    page.unit = top
    sections = {}
    for n in range(1, units + 1):
        parent = sections.get(n - 1) if n % 3 == 2 else None
        sections[n] = unit(
            municipality, f"{page.slug}-birim-{n}", parent=parent or top,
            names={"tr": f"Birim {n}", "en": f"Unit {n}"}, sort_order=n,
        )  # fmt: skip

    def person(name):
        return PersonFactory(
            municipality=municipality, name=name, photo=photo(f"{name}.png") if photos else None
        )

    director = job_title(municipality, "mudur", tr="Müdür", en="Director")
    chief = job_title(municipality, "sef", tr="Şef", en="Head of section")
    expert = job_title(municipality, "uzman", tr="Uzman", en="Specialist")
    positions(
        top,
        (person("Müdür Kişi"), director, True),
        (person("Eski Müdür"), director, True, datetime.date(2010, 1, 1), END),
    )  # fmt: skip
    for n, section in sections.items():
        positions(
            section,
            *[
                (person(f"Birim {n} kişi {k}"), chief if k == 0 else expert, k == 0)
                for k in range(people_per_unit)
            ],
        )
    directorate_documents_set(
        page=page, documents=[(document(f"Belge {n}", f"belge-{n}.pdf"), "") for n in range(units)]
    )
    directorate_service_standards_set(
        page=page,
        rows=[standard(f"Hizmet {n}", "Dilekçe", value=n + 1, unit="days") for n in range(units)],
    )
    return top
