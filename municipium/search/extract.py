"""What a page gives the search index, read generically from its fields: every page type's text
is found without this app naming the page types' models."""

import datetime
import functools
from dataclasses import dataclass

from django.db import models
from modelcluster.models import get_all_child_relations
from wagtail.documents import get_document_model
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page

from municipium.core.http import whole_number

from .models import TEXT_LIMIT, Kind

# A page type that is not a plain page says so itself, with a ``search_kind`` attribute that is
# one of ``Kind``'s values (``search_kind = "news"``): the search names no other app's models.

# Fields of the page types that are not text a reader searches for.
SKIPPED_FIELD_TYPES = (models.SlugField, models.URLField)


@dataclass(frozen=True)
class PageContent:
    kind: str
    title: str
    text: str
    date: datetime.datetime | None
    document_ids: tuple[int, ...]


def page_kind(page: Page) -> str:
    return getattr(page, "search_kind", None) or Kind.PAGE


def _own_fields(page: Page):
    """The concrete fields that the page's type adds to Wagtail's Page, in declaration order."""
    excluded = set(getattr(page, "search_exclude_fields", ()))
    for field in page._meta.concrete_fields:
        if field.model is Page or field.name in excluded or field.is_relation:
            continue
        yield field


def _field_text(field, value) -> list[str]:
    if value in (None, ""):
        return []
    if isinstance(field, (StreamField, RichTextField)):
        return [text for text in field.get_searchable_content(value) if text]
    if isinstance(field, SKIPPED_FIELD_TYPES) or field.choices:
        return []
    if isinstance(field, (models.CharField, models.TextField)):
        return [str(value)]
    return []


def _document_ids(field, value) -> set[int]:
    if not isinstance(field, (StreamField, RichTextField)) or not value:
        return set()
    document_model = get_document_model()
    found = set()
    for model, object_id, _path, _content_path in field.extract_references(value):
        if issubclass(model, document_model) and (number := whole_number(object_id)) is not None:
            found.add(number)
    return found


@functools.cache
def _document_keys(model) -> tuple[str, ...]:
    """The attribute names of ``model``'s own foreign keys to documents."""
    document_model = get_document_model()
    return tuple(
        field.attname
        for field in model._meta.concrete_fields
        if field.many_to_one and field.model is not Page
        if issubclass(field.related_model, document_model)
    )


def _related_document_ids(page: Page) -> set[int]:
    """The documents ``page`` names in its own foreign keys (a regulation) and in its rows (a
    list of documents): a query for each kind of row that has documents."""
    found = {getattr(page, name) for name in _document_keys(type(page))}
    for relation in get_all_child_relations(type(page)):
        names = _document_keys(relation.related_model)
        if names:
            rows = getattr(page, relation.get_accessor_name()).all()
            found.update(getattr(row, name) for row in rows for name in names)
    found.discard(None)
    return found


def _date(page: Page, fields) -> datetime.datetime | None:
    """The page's own ``date`` field if it has one (a news article), else its last publication.
    A plain date becomes noon UTC, the same day in every time zone a municipality has."""
    for field in fields:
        if field.name == "date" and isinstance(field, models.DateField):
            value = getattr(page, "date", None)
            if isinstance(value, datetime.datetime):
                return value
            if isinstance(value, datetime.date):
                return datetime.datetime.combine(value, datetime.time(12), datetime.UTC)
    return page.last_published_at or page.first_published_at


def page_content(page: Page) -> PageContent:
    """The kind, title, plain text, date and linked documents of ``page`` (a specific page)."""
    fields = list(_own_fields(page))
    parts, document_ids = [], _related_document_ids(page)
    for field in fields:
        value = getattr(page, field.name)
        parts.extend(_field_text(field, value))
        document_ids |= _document_ids(field, value)
    if page.search_description:
        parts.append(page.search_description)
    text = "\n".join(" ".join(part.split()) for part in parts)
    return PageContent(
        kind=page_kind(page),
        title=page.title,
        text=text[:TEXT_LIMIT],
        date=_date(page, fields),
        document_ids=tuple(sorted(document_ids)),
    )
