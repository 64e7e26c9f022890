"""The data migration (directory 0005, organisation 0001-0002) turns the directorate pages'
per-language rows into one language-independent organisation, on data laid out as the demo
lays it out: each municipality's home page and its English translation are siblings under the
root, each with a directory index and directorate pages sharing translation keys.

The database is taken back to before the migration (directory 0004, no organisation), filled
through the historical models, and taken forward again. Schema changes cannot run inside the
test's transaction on SQLite, hence a transactional test; its teardown brings the schema back to
the latest state and the serialised rollback restores the data that migrations create (locales,
the root page), so the tests after it see the normal database.
"""

import datetime
import uuid

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.utils import timezone

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

BEFORE = [("directory", "0004_directorate_rows"), ("organisation", None)]
AFTER = [("directory", "0005_organisation"), ("organisation", "0002_person_table")]
STEP_ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"  # treebeard's materialised path digits


def migrate_to(targets):
    """Migrate to `targets`; return the historical models of what is then applied."""
    executor = MigrationExecutor(connection)
    executor.migrate(targets)
    executor.loader.build_graph()
    graph = executor.loader.graph
    applied = [key for key in executor.loader.applied_migrations if key in graph.nodes]
    return executor.loader.project_state(applied).apps


@pytest.fixture
def old_apps():
    """The historical models before the organisation; the latest schema again afterwards."""
    yield migrate_to(BEFORE)
    executor = MigrationExecutor(connection)
    executor.migrate(executor.loader.graph.leaf_nodes())


def path_step(number):
    digits = ""
    while number:
        number, digit = divmod(number, len(STEP_ALPHABET))
        digits = STEP_ALPHABET[digit] + digits
    return digits.rjust(4, "0")


class PageTree:
    """Adds pages with the historical models, which have no treebeard methods."""

    def __init__(self, apps):
        self.apps = apps
        self.Page = apps.get_model("wagtailcore", "Page")
        self.locales = {
            code: apps.get_model("wagtailcore", "Locale").objects.get_or_create(language_code=code)[
                0
            ]
            for code in ("tr", "en")
        }

    def add(self, model, *, parent, title, slug, language, translation_key, **fields):
        ContentType = self.apps.get_model("contenttypes", "ContentType")
        content_type = ContentType.objects.get_or_create(
            app_label=model._meta.app_label, model=model._meta.model_name
        )[0]
        parent.refresh_from_db()
        page = model.objects.create(
            title=title,
            draft_title=title,
            slug=slug,
            path=parent.path + path_step(parent.numchild + 1),
            depth=parent.depth + 1,
            numchild=0,
            url_path=f"{parent.url_path}{slug}/",
            live=True,
            content_type=content_type,
            locale=self.locales[language],
            translation_key=translation_key,
            **fields,
        )
        self.Page.objects.filter(pk=parent.pk).update(numchild=parent.numchild + 1)
        return page

    def homes(self, *, slug, titles):
        """A home page per language, siblings under the root, each with a directory index, as
        the demo lays them out."""
        HomePage = self.apps.get_model("portal", "HomePage")
        Index = self.apps.get_model("directory", "DirectoryIndexPage")
        root = self.Page.objects.get(depth=1)
        home_key, index_key = uuid.uuid4(), uuid.uuid4()
        homes, indexes = {}, {}
        for language, title in titles.items():
            home = homes[language] = self.add(
                HomePage,
                parent=root,
                title=title,
                slug=slug if language == next(iter(titles)) else f"{slug}-{language}",
                language=language,
                translation_key=home_key,
            )
            indexes[language] = self.add(
                Index,
                parent=home,
                title="Müdürlükler" if language == "tr" else "Directorates",
                slug="directorates",
                language=language,
                translation_key=index_key,
            )
        return homes, indexes

    def directorates(self, *, indexes, slug, titles, **fields):
        DirectoratePage = self.apps.get_model("directory", "DirectoratePage")
        key = uuid.uuid4()
        return {
            language: self.add(
                DirectoratePage,
                parent=indexes[language],
                title=title,
                slug=slug,
                language=language,
                translation_key=key,
                **fields,
            )
            for language, title in titles.items()
        }


def municipality_create(apps, *, slug, home, languages):
    Site = apps.get_model("wagtailcore", "Site")
    Municipality = apps.get_model("tenancy", "Municipality")
    site = Site.objects.create(hostname=f"{slug}.localhost", port=80, root_page_id=home.pk)
    return Municipality.objects.create(
        slug=slug,
        site=site,
        country="TR",
        languages=languages,
        default_language=languages[0],
        calendar="gregorian",
        time_zone="Europe/Istanbul",
        weekend_days=[5, 6],
    )


def demo_shaped_data(apps):
    """Two municipalities laid out as the demo lays them out, with the old per-page rows."""
    Person = apps.get_model("directory", "Person")
    OldUnit = apps.get_model("directory", "DirectorateUnit")
    OldRole = apps.get_model("directory", "DirectorateRole")
    tree = PageTree(apps)

    homes, indexes = tree.homes(
        slug="bornova", titles={"tr": "Bornova Belediyesi", "en": "Bornova Municipality"}
    )
    bornova = municipality_create(apps, slug="bornova", home=homes["tr"], languages=["tr", "en"])
    culture = tree.directorates(
        indexes=indexes,
        slug="kultur-ve-sosyal-isler",
        titles={"tr": "Kültür ve Sosyal İşler Müdürlüğü", "en": "Culture and Social Affairs"},
        email="kultur@bornova.example.org",
        phone="(0232) 555 01 10",
    )
    parks = tree.directorates(
        indexes=indexes,
        slug="park-ve-bahceler",
        titles={"tr": "Park ve Bahçeler Müdürlüğü", "en": "Parks and Gardens Directorate"},
    )
    people = {
        name: Person.objects.create(municipality=bornova, name=name)
        for name in ("Ayşe Yılmaz", "Mehmet Demir", "Zeynep Kaya", "Can Öztürk", "Ali Şahin")
    }

    unit_names = {
        "tr": ["Etkinlik Şefliği", "Kurslar ve Atölyeler Şefliği", "Bilim Atölyeleri"],
        "en": ["Events Section", "Courses and Workshops Section", "Science Workshops"],
    }
    role_titles = {
        "tr": ["Müdür", "Şef", "Bilim Eğitmeni"],
        "en": ["Director", "Head of section", "Science educator"],
    }
    for language, page in culture.items():
        events, courses, science = (
            OldUnit.objects.create(page=page, name=name, sort_order=order)
            for order, name in enumerate(unit_names[language])
        )
        science.parent = courses
        science.save()
        director, head, member = role_titles[language]
        OldRole.objects.create(
            page=page,
            sort_order=0,
            person=people["Ayşe Yılmaz"],
            title=director,
            is_head=True,
            appointed_on=datetime.date(2021, 3, 1),
        )
        OldRole.objects.create(
            page=page,
            sort_order=1,
            person=people["Mehmet Demir"],
            unit=courses,
            title=head,
            is_head=True,
            appointed_on=datetime.date(2019, 9, 16),
        )
        OldRole.objects.create(
            page=page,
            sort_order=2,
            person=people["Zeynep Kaya"],
            unit=science,
            title=member,
            appointed_on=datetime.date(2023, 1, 9),
            ended_on=datetime.date(2025, 6, 30),
        )
        if language == "en":  # on this translation only
            OldRole.objects.create(
                page=page,
                sort_order=3,
                person=people["Can Öztürk"],
                unit=events,
                title="Interpreter",
            )
    for language, title in (("tr", "Müdür"), ("en", "Director")):
        OldRole.objects.create(
            page=parks[language],
            sort_order=0,
            person=people["Ali Şahin"],
            title=title,
            is_head=True,
            appointed_on=datetime.date(2020, 1, 6),
        )

    sisli_homes, sisli_indexes = tree.homes(slug="sisli", titles={"tr": "Şişli Belediyesi"})
    sisli = municipality_create(apps, slug="sisli", home=sisli_homes["tr"], languages=["tr", "en"])
    private_office = tree.directorates(
        indexes=sisli_indexes, slug="ozel-kalem", titles={"tr": "Özel Kalem Müdürlüğü"}
    )
    deniz = Person.objects.create(municipality=sisli, name="Deniz Arslan")
    OldRole.objects.create(
        page=private_office["tr"], sort_order=0, person=deniz, title="Müdür", is_head=True
    )
    return {
        "bornova": bornova.pk,
        "sisli": sisli.pk,
        "culture": {language: page.pk for language, page in culture.items()},
        "parks": {language: page.pk for language, page in parks.items()},
        "private_office": private_office["tr"].pk,
        "people": dict(Person.objects.values_list("name", "pk")),
    }


def names(translated):
    return dict(translated.names.values_list("language", "name"))


def test_directorate_rows_of_every_translation_become_one_organisation(old_apps):
    before = demo_shaped_data(old_apps)

    apps = migrate_to(AFTER)

    Unit = apps.get_model("organisation", "Unit")
    Position = apps.get_model("organisation", "Position")
    JobTitle = apps.get_model("organisation", "JobTitle")
    Person = apps.get_model("organisation", "Person")
    DirectoratePage = apps.get_model("directory", "DirectoratePage")
    people = before["people"]

    # One directorate unit per group of translated pages, named in each page's language.
    directorates = Unit.objects.filter(municipality_id=before["bornova"], kind="directorate")
    assert directorates.count() == 2
    culture = directorates.get(code="kultur-ve-sosyal-isler")
    parks = directorates.get(code="park-ve-bahceler")
    assert culture.parent_id is None and parks.parent_id is None
    assert names(culture) == {
        "tr": "Kültür ve Sosyal İşler Müdürlüğü",
        "en": "Culture and Social Affairs",
    }
    assert (culture.email, culture.phone) == ("kultur@bornova.example.org", "(0232) 555 01 10")
    assert names(parks) == {
        "tr": "Park ve Bahçeler Müdürlüğü",
        "en": "Parks and Gardens Directorate",
    }

    # Every translation of a directorate page points at the same unit.
    pages = DirectoratePage.objects.filter(pk__in=before["culture"].values())
    assert sorted(pages.values_list("unit_id", flat=True)) == [culture.pk, culture.pk]
    pages = DirectoratePage.objects.filter(pk__in=before["parks"].values())
    assert sorted(pages.values_list("unit_id", flat=True)) == [parks.pk, parks.pk]

    # The pages' units, matched by place, become sections of the directorate, one inside another.
    sections = {names(unit)["en"]: unit for unit in Unit.objects.filter(kind="section")}
    assert set(sections) == {"Events Section", "Courses and Workshops Section", "Science Workshops"}
    events = sections["Events Section"]
    courses = sections["Courses and Workshops Section"]
    science = sections["Science Workshops"]
    assert names(events) == {"tr": "Etkinlik Şefliği", "en": "Events Section"}
    assert names(courses) == {
        "tr": "Kurslar ve Atölyeler Şefliği",
        "en": "Courses and Workshops Section",
    }
    assert names(science) == {"tr": "Bilim Atölyeleri", "en": "Science Workshops"}
    assert (events.parent_id, courses.parent_id, science.parent_id) == (
        culture.pk,
        culture.pk,
        courses.pk,
    )
    assert {unit.municipality_id for unit in sections.values()} == {before["bornova"]}
    assert not parks.children.exists()

    # Roles matched by person and unit become positions; titles become job titles in both
    # languages; the role on the English page only is kept.
    positions = {
        (
            position.person_id,
            position.unit_id,
            position.is_head,
            position.appointed_on,
            position.ended_on,
            tuple(sorted(names(position.job_title).items())),
        )
        for position in Position.objects.filter(unit__municipality_id=before["bornova"])
    }
    assert positions == {
        (
            people["Ayşe Yılmaz"],
            culture.pk,
            True,
            datetime.date(2021, 3, 1),
            None,
            (("en", "Director"), ("tr", "Müdür")),
        ),
        (
            people["Mehmet Demir"],
            courses.pk,
            True,
            datetime.date(2019, 9, 16),
            None,
            (("en", "Head of section"), ("tr", "Şef")),
        ),
        (
            people["Zeynep Kaya"],
            science.pk,
            False,
            datetime.date(2023, 1, 9),
            datetime.date(2025, 6, 30),
            (("en", "Science educator"), ("tr", "Bilim Eğitmeni")),
        ),
        (people["Can Öztürk"], events.pk, False, None, None, (("en", "Interpreter"),)),
        (
            people["Ali Şahin"],
            parks.pk,
            True,
            datetime.date(2020, 1, 6),
            None,
            (("en", "Director"), ("tr", "Müdür")),
        ),
    }
    # One job title per title, shared by the directorates that use it.
    assert JobTitle.objects.filter(municipality_id=before["bornova"]).count() == 4
    assert Position.objects.filter(job_title__code="director").count() == 2

    # The second municipality's organisation is its own: nothing crosses.
    private_office = Unit.objects.get(municipality_id=before["sisli"])
    assert names(private_office) == {"tr": "Özel Kalem Müdürlüğü"}
    assert DirectoratePage.objects.get(pk=before["private_office"]).unit_id == private_office.pk
    position = Position.objects.get(unit__municipality_id=before["sisli"])
    assert (position.unit_id, position.person_id, position.is_head) == (
        private_office.pk,
        people["Deniz Arslan"],
        True,
    )
    assert position.job_title.municipality_id == before["sisli"]
    assert names(position.job_title) == {"tr": "Müdür"}

    # People keep their rows and ids, in the organisation's own table.
    assert dict(Person.objects.values_list("name", "pk")) == people
    tables = connection.introspection.table_names()
    assert "organisation_person" in tables
    assert "directory_person" not in tables
    assert "directory_directorateunit" not in tables
    assert "directory_directoraterole" not in tables


def test_a_draft_of_a_directorate_page_keeps_its_unit_when_published(old_apps):
    """An editor's draft (a revision newer than the live page) was saved before the page had a
    unit; opening and publishing it must not take the page out of the organisation."""
    before = demo_shaped_data(old_apps)
    Page = old_apps.get_model("wagtailcore", "Page")
    Revision = old_apps.get_model("wagtailcore", "Revision")
    ContentType = old_apps.get_model("contenttypes", "ContentType")
    page = Page.objects.get(pk=before["culture"]["tr"])
    units = old_apps.get_model("directory", "DirectorateUnit").objects.filter(page_id=page.pk)
    draft = Revision.objects.create(
        content_type=ContentType.objects.get(app_label="directory", model="directoratepage"),
        base_content_type=ContentType.objects.get(app_label="wagtailcore", model="page"),
        object_id=str(page.pk),
        object_str="Kültür ve Sosyal İşler Müdürlüğü (taslak)",
        created_at=timezone.now(),
        content={  # as Wagtail serialised a directorate page then: its rows, no unit
            "pk": page.pk,
            "title": "Kültür ve Sosyal İşler Müdürlüğü (taslak)",
            "draft_title": "Kültür ve Sosyal İşler Müdürlüğü (taslak)",
            "slug": page.slug,
            "live": True,
            "has_unpublished_changes": True,
            "locale": page.locale_id,
            "translation_key": str(page.translation_key),
            "summary": "Yeni özet.",
            "units": [
                {"pk": unit.pk, "page": page.pk, "sort_order": unit.sort_order, "name": unit.name}
                for unit in units
            ],
            "roles": [],
        },
    )
    Page.objects.filter(pk=page.pk).update(latest_revision=draft, has_unpublished_changes=True)

    migrate_to(AFTER)
    executor = MigrationExecutor(connection)
    executor.migrate(executor.loader.graph.leaf_nodes())

    from municipium.directory.models import DirectoratePage

    page = DirectoratePage.objects.get(pk=before["culture"]["tr"])
    assert page.unit is not None
    opened = page.get_latest_revision_as_object()
    assert (opened.summary, opened.unit_id) == ("Yeni özet.", page.unit_id)
    page.latest_revision.publish()
    page.refresh_from_db()
    assert (page.title, page.summary) == ("Kültür ve Sosyal İşler Müdürlüğü (taslak)", "Yeni özet.")
    assert page.unit_id == DirectoratePage.objects.get(pk=before["culture"]["en"]).unit_id
