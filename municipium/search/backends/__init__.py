"""Search backends: where the words are looked up. The default, ``DatabaseSearchBackend``, uses
the project's own index in SQLite or PostgreSQL; ``WagtailSearchBackend`` hands the query to
Wagtail's search backend, which an operator can point at OpenSearch. Chosen with the setting
``MUNICIPIUM_SEARCH_BACKEND`` (a dotted path to the class)."""

import functools

from django.conf import settings
from django.utils.module_loading import import_string

from .base import Found, Hit, Query, SearchBackend

DEFAULT_BACKEND = "municipium.search.backends.database.DatabaseSearchBackend"

__all__ = ["DEFAULT_BACKEND", "Found", "Hit", "Query", "SearchBackend", "get_backend"]


@functools.cache
def _backend(path: str) -> SearchBackend:
    return import_string(path)()


def get_backend() -> SearchBackend:
    return _backend(getattr(settings, "MUNICIPIUM_SEARCH_BACKEND", DEFAULT_BACKEND))
