"""Directorates' units and roles become the municipality's organisation (organisation.Unit,
Position, JobTitle), the same in every language; a directorate page points at its unit.

Translations of a directorate page share a translation key: they become one unit, named in
each page's language. Their units (rows of each page, copied by translation) are matched by
their place in the list, their roles by person and unit; titles become the municipality's job
titles, named in each language. Nothing is lost: a unit or role found on one translation only
is kept too. Person moves to the organisation app (its table is renamed by organisation 0002).
"""

import django.db.models.deletion
from django.db import migrations, models
from django.utils.text import slugify


def _municipality_pages(apps, municipality, DirectoratePage):
    Page = apps.get_model("wagtailcore", "Page")
    root = Page.objects.get(pk=municipality.site.root_page_id)
    homes = Page.objects.filter(translation_key=root.translation_key)
    query = models.Q()
    for home in homes:
        query |= models.Q(path__startswith=home.path)
    return DirectoratePage.objects.filter(query).select_related("locale").order_by("path")


def _english(same):
    """A unit's name in English if a translation gives one (codes are Latin), else its first."""
    names = {page.locale.language_code: old.name for page, old in same}
    return names.get("en") or same[0][1].name


def _code(base, taken, limit=64):
    base = (slugify(base) or "unit")[:limit]
    code, number = base, 2
    while code in taken:
        suffix = f"-{number}"
        code, number = base[: limit - len(suffix)] + suffix, number + 1
    taken.add(code)
    return code


class _JobTitles:
    """The municipality's job titles, one per title in its default language, named in each
    language as the translations of the roles name it."""

    def __init__(self, JobTitle, JobTitleName, municipality, languages):
        self.JobTitle, self.JobTitleName = JobTitle, JobTitleName
        self.municipality, self.languages = municipality, languages
        self.codes, self.found = set(), {}

    def __call__(self, names):
        lead = names.get(self.municipality.default_language) or next(iter(names.values()))
        if lead not in self.found:
            code = _code(names.get("en") or lead, self.codes)
            self.found[lead] = self.JobTitle.objects.create(
                municipality=self.municipality, code=code
            )
        job_title = self.found[lead]
        have = set(job_title.names.values_list("language", flat=True))
        for language, name in names.items():
            if language not in have:
                order = self.languages.index(language) if language in self.languages else 9
                self.JobTitleName.objects.create(
                    job_title=job_title, language=language, name=name[:200], sort_order=order
                )
        return job_title


def organisation_from_pages(apps, schema_editor):
    Municipality = apps.get_model("tenancy", "Municipality")
    DirectoratePage = apps.get_model("directory", "DirectoratePage")
    OldUnit = apps.get_model("directory", "DirectorateUnit")
    OldRole = apps.get_model("directory", "DirectorateRole")
    Unit = apps.get_model("organisation", "Unit")
    UnitName = apps.get_model("organisation", "UnitName")
    JobTitle = apps.get_model("organisation", "JobTitle")
    JobTitleName = apps.get_model("organisation", "JobTitleName")
    Position = apps.get_model("organisation", "Position")
    Revision = apps.get_model("wagtailcore", "Revision")

    for municipality in Municipality.objects.select_related("site"):
        languages = [municipality.default_language] + [
            code for code in municipality.languages if code != municipality.default_language
        ]
        groups = {}
        for page in _municipality_pages(apps, municipality, DirectoratePage):
            groups.setdefault(page.translation_key, []).append(page)
        unit_codes = set()
        job_title = _JobTitles(JobTitle, JobTitleName, municipality, languages)

        for order, pages in enumerate(groups.values()):
            pages.sort(
                key=lambda p: (
                    languages.index(p.locale.language_code)
                    if p.locale.language_code in languages
                    else 99
                )
            )
            lead = pages[0]
            top = Unit.objects.create(
                municipality=municipality,
                code=_code(lead.slug, unit_codes),
                kind="directorate",
                sort_order=order,
                email=lead.email,
                phone=lead.phone,
            )
            seen_languages = set()
            for page in pages:
                language = page.locale.language_code
                if language not in seen_languages:
                    seen_languages.add(language)
                    UnitName.objects.create(
                        unit=top,
                        language=language,
                        name=page.title[:200],
                        sort_order=len(seen_languages),
                    )
            DirectoratePage.objects.filter(pk__in=[p.pk for p in pages]).update(unit=top)
            # Their revisions name the unit too: a draft opened, published or reverted to
            # would otherwise take the page out of the organisation.
            revisions = Revision.objects.filter(
                base_content_type__app_label="wagtailcore",
                base_content_type__model="page",
                object_id__in=[str(p.pk) for p in pages],
            )
            for revision in revisions.iterator():
                revision.content["unit"] = top.pk
                revision.save(update_fields=["content"])

            # Units, matched across translations by their place in each page's list.
            old_units = {
                p.pk: list(OldUnit.objects.filter(page=p).order_by("sort_order", "pk"))
                for p in pages
            }
            new_by_old, new_units = {}, []
            for index in range(max(len(rows) for rows in old_units.values())):
                same = [(p, old_units[p.pk][index]) for p in pages if index < len(old_units[p.pk])]
                unit = Unit.objects.create(
                    municipality=municipality,
                    parent=top,
                    code=_code(f"{top.code}-{_english(same)}", unit_codes),
                    kind="section",
                    sort_order=index,
                )
                named = set()
                for page, old in same:
                    new_by_old[old.pk] = unit
                    language = page.locale.language_code
                    if language not in named:
                        named.add(language)
                        UnitName.objects.create(
                            unit=unit, language=language, name=old.name[:200], sort_order=len(named)
                        )
                new_units.append((unit, same))
            for unit, same in new_units:
                parent_id = next((old.parent_id for _page, old in same if old.parent_id), None)
                if parent_id in new_by_old and new_by_old[parent_id].pk != unit.pk:
                    unit.parent = new_by_old[parent_id]
                    unit.save(update_fields=["parent"])

            # Roles, matched by person and unit; their titles named in each language.
            positions = {}
            for page in pages:
                language = page.locale.language_code
                for old in OldRole.objects.filter(page=page).order_by("sort_order", "pk"):
                    unit = new_by_old.get(old.unit_id, top)
                    key = (old.person_id, unit.pk, old.is_head)
                    entry = positions.setdefault(key, {"old": old, "unit": unit, "titles": {}})
                    entry["titles"].setdefault(language, old.title)
            current_heads = set()
            for index, entry in enumerate(positions.values()):
                old, unit = entry["old"], entry["unit"]
                is_head = old.is_head
                if is_head and old.ended_on is None:
                    # The database now allows one head without an end date per unit.
                    is_head = unit.pk not in current_heads
                    current_heads.add(unit.pk)
                Position.objects.create(
                    unit=unit,
                    person_id=old.person_id,
                    job_title=job_title(entry["titles"]),
                    is_head=is_head,
                    appointed_on=old.appointed_on,
                    ended_on=old.ended_on,
                    sort_order=index,
                )


class Migration(migrations.Migration):
    dependencies = [
        ("directory", "0004_directorate_rows"),
        ("organisation", "0001_organisation"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.AlterField(
                    model_name="directoraterole",
                    name="person",
                    field=models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="roles",
                        to="organisation.person",
                        verbose_name="person",
                    ),
                ),
            ],
            database_operations=[],
        ),
        migrations.AddField(
            model_name="directoratepage",
            name="unit",
            field=models.ForeignKey(
                blank=True,
                help_text="The directorate this page presents: its sections, people and positions are edited once, under Organisation, and shown in every language.",
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="pages",
                to="organisation.unit",
                verbose_name="unit of the organisation",
            ),
        ),
        migrations.RunPython(organisation_from_pages, migrations.RunPython.noop),
        migrations.DeleteModel(name="DirectorateRole"),
        migrations.DeleteModel(name="DirectorateUnit"),
        migrations.SeparateDatabaseAndState(
            state_operations=[migrations.DeleteModel(name="Person")],
            database_operations=[],
        ),
    ]
