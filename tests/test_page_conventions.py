"""The page types of portal and news follow one convention: ``get_context`` calls selectors,
side effects live in hooks and services, and a model never imports a view."""

import ast
from pathlib import Path

import pytest

from municipium.news.models import NewsArticlePage, NewsIndexPage
from municipium.portal.models import HomePage, PlanPage

APPS = Path(__file__).resolve().parent.parent / "municipium"


@pytest.mark.parametrize("module", ["portal/models.py", "news/models.py"])
def test_a_model_module_imports_no_view(module):
    tree = ast.parse((APPS / module).read_text())
    imported = [
        (node.module or "") + "." + ".".join(alias.name for alias in node.names)
        for node in ast.walk(tree)
        if isinstance(node, ast.ImportFrom)
    ] + [
        alias.name
        for node in ast.walk(tree)
        if isinstance(node, ast.Import)
        for alias in node.names
    ]
    assert not [name for name in imported if "views" in name.split(".")], imported


@pytest.mark.parametrize("page_class", [HomePage, PlanPage, NewsIndexPage, NewsArticlePage])
def test_page_types_serve_as_wagtail_does_and_read_through_selectors(page_class):
    from wagtail.models import Page

    assert page_class.serve is Page.serve  # side effects (counting views) are in hooks
    source = ast.unparse(ast.parse(_method_source(page_class, "get_context")))
    assert "selectors import" in source
    assert ".objects" not in source  # no query written in the model


def _method_source(page_class, name) -> str:
    import inspect
    import textwrap

    return textwrap.dedent(inspect.getsource(getattr(page_class, name)))
