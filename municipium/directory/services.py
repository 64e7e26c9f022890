"""Changes to people and to what a directorate page holds in rows. Editors make these in the
page editor (validated by ``forms.DirectoratePageForm``); the demo and imports use these."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _
from wagtail.models import Page

from municipium.tenancy.selectors import municipality_get_for_page
from municipium.tenancy.services import municipality_owned_delete, municipality_owned_save

from .models import (
    DirectorateDocument,
    DirectoratePage,
    DirectorateRole,
    DirectorateUnit,
    Person,
    ServiceStandard,
)


@transaction.atomic
def person_ensure(*, municipality, name: str, **fields) -> Person:
    """The person ``name`` of ``municipality``, created or brought up to date."""
    person = Person.objects.filter(municipality=municipality, name=name).first()
    person = person or Person(municipality=municipality, name=name)
    changed = person.pk is None or any(getattr(person, k) != v for k, v in fields.items())
    for key, value in fields.items():
        setattr(person, key, value)
    if changed:
        person_save(person=person, by=None)
    return person


@transaction.atomic
def person_save(*, person: Person, by) -> Person:
    """Add or change a person: logged as ``directory.person.create``/``.edit``."""
    return municipality_owned_save(person, by=by, action_prefix="directory.person")


@transaction.atomic
def person_delete(*, person: Person, by) -> None:
    municipality_owned_delete(person, by=by, action_prefix="directory.person")


def _rows_set(model, page: DirectoratePage, items: list[dict]) -> list:
    """The page's rows of ``model`` become ``items``, in order. A row keeps its identity by
    position, so that running this again with the same items changes nothing."""
    existing = list(model.objects.filter(page=page).order_by("sort_order", "pk"))
    rows = []
    for position, fields in enumerate(items):
        row = existing[position] if position < len(existing) else model(page=page)
        changed = row.pk is None or row.sort_order != position
        changed = changed or any(getattr(row, k) != v for k, v in fields.items())
        for key, value in fields.items():
            setattr(row, key, value)
        row.sort_order = position
        if changed:
            row.full_clean(exclude=["page"])
            row.save()
        rows.append(row)
    model.objects.filter(pk__in=[row.pk for row in existing[len(items) :]]).delete()
    return rows


@transaction.atomic
def directorate_units_set(*, page: DirectoratePage, units: list[tuple[str, str | None]]):
    """The organisation chart's units, as (name, name of the unit it is part of): a unit
    comes after the unit it is part of, so that the chart is a tree. Returns them by name."""
    names = [name for name, _parent in units]
    for position, (name, parent) in enumerate(units):
        if parent is not None and parent not in names[:position]:
            raise ValidationError(
                _("The unit %(unit)s must come after %(parent)s, which it is part of.")
                % {"unit": name, "parent": parent}
            )
    rows = _rows_set(DirectorateUnit, page, [{"name": name} for name in names])
    by_name = {row.name: row for row in rows}
    for row, (_name, parent) in zip(rows, units, strict=True):
        parent_id = by_name[parent].pk if parent else None
        if row.parent_id != parent_id:
            row.parent_id = parent_id
            row.save(update_fields=["parent"])
    return by_name


@transaction.atomic
def directorate_roles_set(*, page: DirectoratePage, roles: list[dict]) -> list[DirectorateRole]:
    """The page's roles: dicts of person, title, unit (or None), is_head, appointed_on,
    ended_on. Each person must belong to the page's municipality."""
    municipality = municipality_get_for_page(page=page)
    for role in roles:
        if municipality is None or role["person"].municipality_id != municipality.pk:
            raise ValidationError(
                _("%(person)s works for another municipality.") % {"person": role["person"]}
            )
        unit = role.get("unit")
        if unit is not None and unit.page_id != page.pk:
            raise ValidationError(_("This unit belongs to another directorate."))
    return _rows_set(DirectorateRole, page, roles)


@transaction.atomic
def directorate_service_standards_set(*, page: DirectoratePage, rows: list[dict]):
    return _rows_set(ServiceStandard, page, rows)


@transaction.atomic
def directorate_documents_set(*, page: DirectoratePage, documents: list[tuple]):
    """The documents listed on the page, as (document, title) pairs."""
    items = [{"document": document, "title": title} for document, title in documents]
    return _rows_set(DirectorateDocument, page, items)


@transaction.atomic
def directorate_units_relink(*, source: DirectoratePage, target: DirectoratePage) -> None:
    """After ``target`` was copied from ``source`` (a translation, a copy), its units and roles
    point at the units of ``source``: point them at its own, copied in the same order, in the
    database and in its latest revision (what the editor opens). Its superior becomes the
    superior's translation, if there is one. Running it again changes nothing."""
    old = DirectorateUnit.objects.filter(page=source).order_by("sort_order", "pk")
    new = DirectorateUnit.objects.filter(page=target).order_by("sort_order", "pk")
    mapping = {before.pk: after.pk for before, after in zip(old, new, strict=False)}
    for before, after in mapping.items():
        DirectorateUnit.objects.filter(page=target, parent_id=before).update(parent_id=after)
        DirectorateRole.objects.filter(page=target, unit_id=before).update(unit_id=after)
    superior = target.reports_to_page
    if superior is not None and superior.locale_id != target.locale_id:
        translated = superior.get_translation_or_none(target.locale)
        target.reports_to_page = translated
        DirectoratePage.objects.filter(pk=target.pk).update(reports_to_page=translated)
    revision = target.latest_revision
    if revision is not None and mapping:
        content = revision.content
        for unit in content.get("units", []):
            unit["parent"] = mapping.get(unit.get("parent"), unit.get("parent"))
        for role in content.get("roles", []):
            role["unit"] = mapping.get(role.get("unit"), role.get("unit"))
        if "reports_to_page" in content:
            content["reports_to_page"] = target.reports_to_page_id
        revision.content = content
        revision.save(update_fields=["content"])


def directorate_copies_relink(*, source: Page, target: Page) -> None:
    """``directorate_units_relink`` for a copied page and every directorate below it, each
    paired with the page it was copied from by its place in the tree."""
    pairs = [(source, target)]
    copies = DirectoratePage.objects.descendant_of(target)
    originals = {page.url_path: page for page in DirectoratePage.objects.descendant_of(source)}
    for copy in copies:
        relative = copy.url_path.removeprefix(target.url_path)
        if (original := originals.get(source.url_path + relative)) is not None:
            pairs.append((original, copy))
    for original, copy in pairs:
        original, copy = original.specific, copy.specific
        if isinstance(original, DirectoratePage) and isinstance(copy, DirectoratePage):
            directorate_units_relink(source=original, target=copy)
