"""The shared cache on Redis fails open: a Redis that does not answer is an empty cache that
keeps nothing, never an error page (core.cache_backends). Here Redis is a closed port; the
cluster tests (tests/cluster/test_redis.py) restart a real one."""

import logging
import socket

import pytest
from django.core.cache import caches
from django.test import override_settings

from municipium.core.cache_backends import FailOpenRedisCache
from municipium.tenancy.tests.factories import MunicipalityFactory


def closed_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]  # closed again when the probe is


def unreachable_redis() -> dict:
    return {
        "default": {
            "BACKEND": "municipium.core.cache_backends.FailOpenRedisCache",
            "LOCATION": f"redis://127.0.0.1:{closed_port()}/0",
        }
    }


@pytest.fixture
def down():
    return FailOpenRedisCache(f"redis://127.0.0.1:{closed_port()}/0", {})


def test_reads_miss_and_writes_are_dropped_when_redis_does_not_answer(down, caplog):
    with caplog.at_level(logging.WARNING, logger="municipium.core.cache_backends"):
        assert down.get("page") is None
        assert down.get("page", "default") == "default"
        assert down.get_many(["a", "b"]) == {}
        assert down.has_key("page") is False
        assert down.add("page", 1) is False
        down.set("page", 1)
        down.set_many({"a": 1})
        down.clear()
    assert "cache unavailable (get" in caplog.text


def test_a_count_cannot_be_made_up_so_incr_still_raises(down):
    from redis.exceptions import RedisError

    down._down_until = 0
    with pytest.raises((RedisError, ValueError)):
        down.incr("count")


def test_after_a_failure_redis_is_left_alone_for_a_moment(down, monkeypatch):
    down.get("page")
    calls = []
    monkeypatch.setattr(down._cache, "get", lambda *a, **k: calls.append(a))
    assert down.get("page") is None
    assert calls == []  # not even tried: a hanging Redis costs one timeout a second


def test_a_delete_that_failed_is_kept_for_when_redis_answers(down):
    down.delete("municipium:tenant:bornova.localhost")
    down.delete_many(["a", "b"])
    keys = ("municipium:tenant:bornova.localhost", "a", "b")
    assert down._pending_deletes == {down.make_key(key) for key in keys}


def test_the_start_up_check_raises(down):
    from redis.exceptions import RedisError

    with pytest.raises(RedisError):
        down.check()


@pytest.mark.django_db
def test_pages_are_rendered_uncached_when_the_cache_is_down(client):
    MunicipalityFactory(slug="bornova")
    with override_settings(CACHES=unreachable_redis()):
        assert isinstance(caches["default"], FailOpenRedisCache)
        for _ in range(2):
            answer = client.get("/tr/", HTTP_HOST="bornova.localhost")
            assert answer.status_code == 200
            assert answer["X-Page-Cache"] == "miss"  # rendered, and never a hit
