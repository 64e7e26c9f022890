"""What a page gives the search index, read generically from its fields: every page type's text
is found without this app naming the page types' models."""

import datetime
import functools
import html
import re
from dataclasses import dataclass

from django.db import models
from modelcluster.models import get_all_child_relations
from wagtail import blocks
from wagtail.contrib.table_block.blocks import TableBlock
from wagtail.documents import get_document_model
from wagtail.fields import RichTextField, StreamField
from wagtail.images.blocks import ImageBlock
from wagtail.models import Page
from wagtail.rich_text import RichText

from municipium.core.http import whole_number

from .models import TEXT_LIMIT, Kind

# A page type that is not a plain page says so itself, with a ``search_kind`` attribute that is
# one of ``Kind``'s values (``search_kind = "news"``): the search names no other app's models.
# A page type whose page shows more than its own fields and rows (a directorate's people) gives
# that text with a ``search_extra_text()`` method that returns a list of strings.

# Fields of the page types that are not text a reader searches for.
SKIPPED_FIELD_TYPES = (models.SlugField, models.URLField)


_TAG = re.compile(r"<[^>]*>")


def html_text(source: str) -> str:
    """The text of rich text as a reader sees it: each tag a space (so that the items of a list
    or the cells of a table stay apart as words), entities as the characters they stand for."""
    return html.unescape(_TAG.sub(" ", source))


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


def _block_text(block, value) -> list[str]:
    """The words a reader sees in a block: its text, a table's cells, recursing into structures,
    lists and streams. Not what only the page's code or a screen reader reads: an image's alt
    text, a choice (a heading's level), a chosen document's or page's fields, an embed's URL.
    (Wagtail's ``get_searchable_content`` gives all of those.)"""
    if value in (None, "") or isinstance(block, ImageBlock):
        return []
    if isinstance(block, blocks.StructBlock):
        if not isinstance(value, blocks.StructValue):  # a block whose value is an object
            return []
        return [
            text
            for name, child in block.child_blocks.items()
            if name in value
            for text in _block_text(child, value[name])
        ]
    if isinstance(block, blocks.ListBlock):
        return [text for item in value for text in _block_text(block.child_block, item)]
    if isinstance(block, blocks.StreamBlock):
        return [text for child in value for text in _block_text(child.block, child.value)]
    if isinstance(block, blocks.RichTextBlock) or isinstance(value, RichText):
        return [html_text(value.source if isinstance(value, RichText) else str(value))]
    if isinstance(block, TableBlock):
        return [str(cell) for cell in block.get_searchable_content(value) if cell]
    if isinstance(block, (blocks.CharBlock, blocks.TextBlock)) and block.search_index:
        return [str(value)]
    return []


def _field_text(field, value) -> list[str]:
    if value in (None, ""):
        return []
    if isinstance(field, StreamField):
        return [text for text in _block_text(field.stream_block, value) if text.strip()]
    if isinstance(field, RichTextField):
        return [html_text(str(value))]
    if isinstance(field, SKIPPED_FIELD_TYPES) or field.choices:
        return []
    if isinstance(field, (models.CharField, models.TextField)):
        return [str(value)]
    return []


def _text_fields(model) -> list:
    """The fields of a page's row model (a service standard, a plan activity) that hold text a
    reader sees."""
    return [
        field
        for field in model._meta.concrete_fields
        if not field.is_relation and field.name not in {"id", "sort_order"}
    ]


def _rows_text(page: Page) -> list[str]:
    """The text of the page's rows (a service standards table, a plan's activities, a list
    of documents' titles), in their order: a query for each kind of row."""
    parts = []
    for relation in get_all_child_relations(type(page)):
        fields = _text_fields(relation.related_model)
        if not fields:
            continue
        for row in getattr(page, relation.get_accessor_name()).all():
            for field in fields:
                parts.extend(_field_text(field, getattr(row, field.name)))
    return parts


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
    parts.extend(_rows_text(page))
    extra = getattr(page, "search_extra_text", None)
    if callable(extra):
        parts.extend(extra())
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
