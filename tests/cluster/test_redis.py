"""The fail-open cache against a real Redis (scripts/redis.sh): stopped and started again."""

import os
import subprocess
import time
from pathlib import Path

import pytest
import redis

from municipium.core.cache_backends import RETRY_SECONDS, FailOpenRedisCache

pytestmark = pytest.mark.cluster
SCRIPT = Path(__file__).resolve().parents[2] / "scripts" / "redis.sh"


@pytest.fixture
def redis_server(base_port, tmp_path):
    env = {
        **os.environ,
        "MUNICIPIUM_REDIS_PORT": str(base_port + 179),
        "MUNICIPIUM_REDIS_DIR": str(tmp_path / "redis"),
    }

    def script(action):
        result = subprocess.run(["bash", str(SCRIPT), action], env=env, capture_output=True)
        assert result.returncode == 0, result.stderr
        return result.stdout.decode().strip()

    url = script("start")
    try:
        yield url, script
    finally:
        script("stop")
    # Never left running: nothing answers on the port any more.
    with pytest.raises(redis.exceptions.ConnectionError):
        redis.Redis.from_url(url, socket_connect_timeout=0.5).ping()


def test_a_stopped_redis_is_an_empty_cache_and_a_restarted_one_is_used_again(redis_server):
    url, script = redis_server
    cache = FailOpenRedisCache(url, {})
    cache.check()
    cache.set("page", "cached")
    assert cache.get("page") == "cached"
    script("stop")
    assert cache.get("page") is None  # a miss, not an error
    cache.set("page", "lost")
    script("start")
    time.sleep(RETRY_SECONDS + 0.1)
    assert cache.get("page") is None  # restarted empty (nothing is written to disk)
    cache.set("page", "again")
    assert cache.get("page") == "again"


def test_a_purge_made_while_redis_did_not_answer_reaches_it_afterwards(redis_server):
    url, _script = redis_server
    cache = FailOpenRedisCache(url, {})
    cache.set("municipium:tenant:bornova.localhost", "old generation")
    # Redis stops answering this server for a moment (as across a network partition) while
    # the others still read it.
    redis.Redis.from_url(url).execute_command("CLIENT", "PAUSE", "1500", "ALL")
    started = time.monotonic()
    assert cache.delete("municipium:tenant:bornova.localhost") is False  # timed out
    assert time.monotonic() - started < 2
    while time.monotonic() - started < 1.5 + RETRY_SECONDS + 0.2:
        time.sleep(0.1)
    cache.get("anything")  # the next call sends the delete first
    other_server = FailOpenRedisCache(url, {})
    assert other_server.get("municipium:tenant:bornova.localhost") is None
