"""People and directorate pages, built through the app's services as the demo builds them."""

import datetime

import factory
from django.core.files.base import ContentFile
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.images.tests.utils import get_test_image_file

from municipium.core.pages import page_ensure
from municipium.directory.models import DirectoratePage, DirectoryIndexPage, Person
from municipium.directory.services import (
    directorate_documents_set,
    directorate_roles_set,
    directorate_service_standards_set,
    directorate_units_set,
)


class PersonFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Person

    name = factory.Sequence(lambda n: f"Kişi {n}")
    email = factory.LazyAttribute(lambda o: f"{o.name.lower().replace(' ', '.')}@example.org")
    phone = "(0232) 555 01 00"
    phone_extension = "42"


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


def organisation(page, municipality, *, units: int, people_per_unit: int, photos=False):
    """``units`` units (every third one part of the one before it), each with a head and
    ``people_per_unit - 1`` members, a director, a former director, ``units`` documents
    and ``units`` service standards."""
    layout = [(f"Birim {n}", f"Birim {n - 1}" if n % 3 == 2 else None) for n in range(1, units + 1)]
    made = directorate_units_set(page=page, units=layout)

    def person(name):
        return PersonFactory(
            municipality=municipality, name=name, photo=photo(f"{name}.png") if photos else None
        )

    roles = [
        {"person": person("Müdür Kişi"), "title": "Müdür", "unit": None, "is_head": True},
        {
            "person": person("Eski Müdür"), "title": "Müdür", "unit": None, "is_head": True,
            "appointed_on": datetime.date(2010, 1, 1), "ended_on": datetime.date(2015, 1, 1),
        },
    ]  # fmt: skip
    for name, unit in made.items():
        for n in range(people_per_unit):
            roles.append(
                {"person": person(f"{name} kişi {n}"), "title": "Şef" if n == 0 else "Uzman",
                 "unit": unit, "is_head": n == 0}
            )  # fmt: skip
    directorate_roles_set(page=page, roles=roles)
    directorate_documents_set(
        page=page, documents=[(document(f"Belge {n}", f"belge-{n}.pdf"), "") for n in range(units)]
    )
    directorate_service_standards_set(
        page=page,
        rows=[standard(f"Hizmet {n}", "Dilekçe", value=n + 1, unit="days") for n in range(units)],
    )
