"""Fixtures shared by every app's tests."""

import pytest
from django.conf import settings
from django.core.cache import cache
from django.utils import translation


@pytest.fixture(autouse=True)
def _empty_cache():
    """Each test starts with an empty cache: tenants and pages are cached across requests."""
    cache.clear()
    yield
    cache.clear()


# Failed sign-ins (django-axes, municipium.accounts) are rows in the database, not the cache:
# each test's transaction takes them away, so no test is locked out by another's failures
# (accounts/tests/test_throttle.py::test_tests_do_not_lock_each_other_out).


@pytest.fixture(autouse=True)
def _default_language():
    """Each test starts in the default language: a request through the tenant middleware
    activates its site's language in the thread and leaves it active after the response."""
    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.activate(settings.LANGUAGE_CODE)


@pytest.fixture
def municipality_factory(db):
    from municipium.tenancy.tests.factories import MunicipalityFactory

    return MunicipalityFactory
