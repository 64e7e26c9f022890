"""Reading the API's answers as a client does: XML with ElementTree, JSON with json."""

import json
from xml.etree import ElementTree

API = "/open311/v2"
FORMATS = ("xml", "json")


def xml(response) -> ElementTree.Element:
    body = response.content.decode("utf-8")
    assert body.startswith('<?xml version="1.0" encoding="utf-8"?>'), body[:80]
    assert response["Content-Type"] == "text/xml; charset=utf-8"
    return ElementTree.fromstring(response.content)


def data(response):
    assert response["Content-Type"] == "application/json; charset=utf-8"
    return json.loads(response.content)


def children(element) -> list[str]:
    return [child.tag for child in element]


def errors(response, fmt: str) -> list[tuple[int, str]]:
    """The standard's errors of an answer, as (code, description)."""
    if fmt == "xml":
        root = xml(response)
        assert root.tag == "errors"
        assert all(children(error) == ["code", "description"] for error in root)
        return [(int(e.findtext("code")), e.findtext("description")) for e in root]
    found = data(response)
    assert isinstance(found, list)
    assert all(list(error) == ["code", "description"] for error in found)
    return [(error["code"], error["description"]) for error in found]
