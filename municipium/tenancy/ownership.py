"""Which of the objects a form chose belong to another municipality.

A page, a person or a municipality's settings may point only at what belongs to the same
municipality: documents and images of its collection (and the collections inside it), pages
of its site, rows of its own. The objects are found from the form's cleaned values through
the model's fields, so a field added tomorrow is checked the day it is added: foreign keys
and many-to-many fields by their chosen rows, StreamFields and rich text by the references
Wagtail extracts from them (chooser blocks, links to pages and documents, embedded images)."""

from collections import defaultdict
from collections.abc import Iterable, Mapping

from django.core.exceptions import FieldDoesNotExist
from django.db import models
from wagtail.documents.models import AbstractDocument
from wagtail.images.models import AbstractImage
from wagtail.models import Page

from municipium.core.http import whole_number

from .models import Municipality
from .selectors import collection_list_for_municipality, municipality_get_for_page


def _chosen(field, value) -> Iterable[tuple[type[models.Model], object]]:
    """(model, object or id) for each object ``value`` of ``field`` refers to."""
    if value in (None, ""):
        return
    if hasattr(field, "extract_references"):  # StreamField, RichTextField
        for model, object_id, _path, _content_path in field.extract_references(value):
            yield model, object_id
    elif field.is_relation and field.related_model is not None:
        values = value if isinstance(value, Iterable) and not isinstance(value, str) else [value]
        for item in values:
            if isinstance(item, models.Model):
                yield type(item), item


def _resolved(chosen: dict[str, list]) -> dict[str, list[models.Model]]:
    """The chosen objects as rows: ids (from editor content) read in one query per model;
    an id that is not a number, or of no row, refers to nothing and is left out."""
    ids_by_model = defaultdict(set)
    for references in chosen.values():
        for model, item in references:
            if not isinstance(item, models.Model) and (number := whole_number(item)) is not None:
                ids_by_model[model].add(number)
    rows = {
        (model, row.pk): row
        for model, ids in ids_by_model.items()
        for row in model._default_manager.filter(pk__in=ids)
    }
    resolved = {}
    for name, references in chosen.items():
        resolved[name] = [
            item if isinstance(item, models.Model) else rows.get((model, whole_number(item)))
            for model, item in references
        ]
        resolved[name] = [row for row in resolved[name] if row is not None]
    return resolved


class _Owner:
    """Answers whether an object belongs to ``municipality``, reading its collections and
    its pages' sites once."""

    def __init__(self, municipality: Municipality):
        self.municipality = municipality
        self._collection_ids = None
        self._page_owners = {}

    def owns(self, obj: models.Model) -> bool:
        if isinstance(obj, (AbstractDocument, AbstractImage)):
            if self._collection_ids is None:
                collections = collection_list_for_municipality(municipality=self.municipality)
                self._collection_ids = set(collections.values_list("pk", flat=True))
            return obj.collection_id in self._collection_ids
        if isinstance(obj, Page):
            if obj.pk not in self._page_owners:
                owner = municipality_get_for_page(page=obj)
                self._page_owners[obj.pk] = owner.pk if owner is not None else None
            return self._page_owners[obj.pk] == self.municipality.pk
        if isinstance(obj, Municipality):
            return obj.pk == self.municipality.pk
        if any(field.name == "municipality" for field in obj._meta.concrete_fields):
            return obj.municipality_id == self.municipality.pk
        return True  # nothing municipal: a tag, a user, a locale


def objects_of_other_municipalities(
    *, municipality: Municipality, model: type[models.Model], values: Mapping
) -> dict[str, list[models.Model]]:
    """For each of ``model``'s fields in ``values`` (a form's cleaned data), the objects it
    refers to that do not belong to ``municipality``; fields with none are left out."""
    chosen = {}
    for name, value in values.items():
        try:
            field = model._meta.get_field(name)
        except FieldDoesNotExist:
            continue
        if references := list(_chosen(field, value)):
            chosen[name] = references
    owner = _Owner(municipality)
    foreign = {}
    for name, objects in _resolved(chosen).items():
        if others := [obj for obj in objects if not owner.owns(obj)]:
            foreign[name] = others
    return foreign
