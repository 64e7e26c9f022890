"""The standard's two formats, chosen by the address's suffix (``services.xml``,
``services.json``), and its errors.

XML follows the examples of GeoReport v2: a declaration with UTF-8, no namespace, a list as
an element holding one element per item (``<services><service>``), ``true``/``false``, an
empty element for a value that is not known. JSON is the same data by the Spark convention
(a list is a JSON array, a value not known is ``null``); codes and ids are always strings.
"""

from __future__ import annotations

import json
import re
from xml.etree.ElementTree import Element, SubElement, tostring

from django.http import HttpResponse

FORMATS = ("xml", "json")
CONTENT_TYPES = {"xml": "text/xml; charset=utf-8", "json": "application/json; charset=utf-8"}
XML_DECLARATION = '<?xml version="1.0" encoding="utf-8"?>\n'

# The element of each item of a list, by the list's element.
ITEMS = {
    "services": "service",
    "service_requests": "request",
    "attributes": "attribute",
    "values": "value",
    "endpoints": "endpoint",
    "formats": "format",
    "errors": "error",
}

# Characters that XML 1.0 does not allow in a document (a resident may paste them).
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


class Open311Error(Exception):
    """An answer in the standard's error format: ``status`` is the HTTP status and the code
    of each error, ``descriptions`` what the client's user reads (translated)."""

    def __init__(self, status: int, *descriptions: str):
        super().__init__(*descriptions)
        self.status = status
        self.descriptions = [str(description) for description in descriptions]


def format_of(path: str) -> str:
    """The format an address asks for; XML (the required one) for anything else."""
    return "json" if path.endswith(".json") else "xml"


def _text(value) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    return _NOT_XML.sub("", str(value))


def _xml(parent: Element, name: str, value) -> None:
    element = SubElement(parent, name)
    if value is None:
        return
    if isinstance(value, list):
        for item in value:
            _xml(element, ITEMS[name], item)
    elif isinstance(value, dict):
        for key, item in value.items():
            _xml(element, key, item)
    else:
        element.text = _text(value)


def xml_document(root: str, data) -> str:
    """``data`` (a list of items or a dict of fields) as the document ``<root>``."""
    element = Element(root)
    items = data if isinstance(data, list) else None
    if items is not None:
        for item in items:
            _xml(element, ITEMS[root], item)
    else:
        for key, value in data.items():
            _xml(element, key, value)
    return XML_DECLARATION + tostring(element, encoding="unicode")


def render(data, *, fmt: str, root: str, status: int = 200) -> HttpResponse:
    body = json.dumps(data, ensure_ascii=False) if fmt == "json" else xml_document(root, data)
    return HttpResponse(body.encode(), status=status, content_type=CONTENT_TYPES[fmt])


def render_error(error: Open311Error, *, fmt: str) -> HttpResponse:
    errors = [
        {"code": error.status, "description": description} for description in error.descriptions
    ]
    return render(errors, fmt=fmt, root="errors", status=error.status)
