"""Fixtures shared by every app's tests."""

import pytest
from django.core.cache import cache


@pytest.fixture(autouse=True)
def _empty_cache():
    """Each test starts with an empty cache: tenants and pages are cached across requests."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def municipality_factory(db):
    from municipium.tenancy.tests.factories import MunicipalityFactory

    return MunicipalityFactory
