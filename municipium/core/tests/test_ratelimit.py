from unittest import mock

from django.core.cache import cache
from django.test import RequestFactory

from municipium.core.ratelimit import client_address, limit_hit, limit_reset


def setup_function():
    cache.clear()


def test_hits_within_the_limit_pass_and_the_next_is_refused():
    results = [limit_hit(scope="t", key="10.0.0.1", limit=3, seconds=60) for _ in range(4)]
    assert results == [True, True, True, False]


def test_keys_and_scopes_are_counted_apart():
    for _ in range(2):
        limit_hit(scope="form", key="a", limit=2, seconds=60)
    assert not limit_hit(scope="form", key="a", limit=2, seconds=60)
    assert limit_hit(scope="form", key="b", limit=2, seconds=60)
    assert limit_hit(scope="api", key="a", limit=2, seconds=60)


def test_a_new_window_starts_afresh():
    with mock.patch("municipium.core.ratelimit.time.time", return_value=1000.0):
        assert limit_hit(scope="t", key="k", limit=1, seconds=60)
        assert not limit_hit(scope="t", key="k", limit=1, seconds=60)
    with mock.patch("municipium.core.ratelimit.time.time", return_value=1060.0):
        assert limit_hit(scope="t", key="k", limit=1, seconds=60)


def test_reset_forgets_the_window():
    limit_hit(scope="t", key="k", limit=1, seconds=60)
    limit_reset(scope="t", key="k", seconds=60)
    assert limit_hit(scope="t", key="k", limit=1, seconds=60)


def test_a_failing_cache_lets_the_request_through():
    with mock.patch("municipium.core.ratelimit.cache.add", side_effect=ConnectionError):
        assert limit_hit(scope="t", key="k", limit=0, seconds=60)


def test_client_address_is_remote_addr_not_a_header_the_client_sends():
    request = RequestFactory().get("/", HTTP_X_FORWARDED_FOR="1.2.3.4", REMOTE_ADDR="10.0.0.9")
    assert client_address(request) == "10.0.0.9"
