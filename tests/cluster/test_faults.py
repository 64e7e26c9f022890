"""Faults under load, each bounded in time: an app server killed, Redis restarted, the worker
stopped. The load is Python threads with keep-alive connections through nginx."""

import json
import signal
import subprocess
import time

import pytest

from municipium.cluster import municipium_command

from .client import get, load
from .test_shared_state import leaf_pages, query

pytestmark = pytest.mark.cluster


def paths_for_load(cluster) -> list[str]:
    return ["/tr/", *(path for _id, path in leaf_pages(cluster, 4))]


def test_an_app_server_killed_under_load_costs_no_answer_and_comes_back(cluster):
    paths = paths_for_load(cluster)
    victim = cluster.web[0]
    restarts_before = victim.restarts
    killed = []

    def kill_once(elapsed):
        if elapsed >= 2 and not killed:
            victim.signal_group(signal.SIGKILL)  # the arbiter and its workers, mid-request
            killed.append(elapsed)

    result = load(cluster.url, paths, seconds=8, threads=6, during=kill_once)
    print(f"\nSIGKILL under load: {result.total} requests, {result.failures} failed,")
    print(f"  {dict(result.statuses)}, {result.errors[:5]}")
    assert killed
    assert result.total > 50
    # nginx retries an idempotent request whose server broke the connection before answering
    # (proxy_next_upstream error timeout): at most the requests in flight could fail.
    assert result.failures <= 6, (result.statuses, result.errors)

    deadline = time.monotonic() + 60
    while victim.restarts == restarts_before and time.monotonic() < deadline:
        time.sleep(0.2)
    assert victim.restarts == restarts_before + 1
    cluster.wait_healthy(cluster.server_url(0), seconds=60)
    assert get(cluster.server_url(0), paths[1]).status_code == 200


def test_redis_restarted_under_load_gives_uncached_pages_then_caching_resumes(cluster):
    paths = paths_for_load(cluster)
    for path in paths:
        get(cluster.url, path)  # in the cache
    window = {}

    def restart_redis(elapsed):
        # Down for 3 s from the moment the stop returned, whatever the machine's load.
        if elapsed >= 1.5 and "stopped" not in window:
            cluster.redis_stop()
            window["stopped"] = time.monotonic() - started
        elif "stopped" in window and "started" not in window and elapsed >= window["stopped"] + 3:
            window["started"] = time.monotonic() - started
            cluster.redis_start()

    started = time.monotonic()
    try:
        result = load(cluster.url, paths, seconds=10, threads=4, during=restart_redis)
    finally:
        cluster.redis_start()  # whatever happened (started already: nothing to do)
    print(f"\nRedis restarted under load: {result.total} requests, {result.statuses}, {window}")
    assert result.failures == 0, (result.statuses, result.errors[:5])
    while_down = [
        cache
        for at, _status, cache in result.answers
        if window["stopped"] + 0.2 < at < window["started"] - 0.2
    ]
    assert while_down, "no request answered while Redis was down"
    assert "hit" not in while_down  # served uncached (rendered), not from a cache
    assert set(while_down) <= {"miss", ""}

    # Caching resumes: the second request of a page after Redis returned is a hit again.
    deadline = time.monotonic() + 15
    while time.monotonic() < deadline:
        get(cluster.url, paths[0])
        if get(cluster.url, paths[0]).headers.get("X-Page-Cache") == "hit":
            break
        time.sleep(0.5)
    assert get(cluster.url, paths[0]).headers.get("X-Page-Cache") == "hit"


ENQUEUE = """
from municipium.portal.tasks import pages_publish_scheduled
print(json.dumps([str(pages_publish_scheduled.enqueue().id) for _ in range({count})]))
"""

RESULTS = """
from django_tasks_db.models import DBTaskResult
rows = DBTaskResult.objects.filter(id__in={ids})
print(json.dumps({str(r.id): [r.status, len(r.worker_ids)] for r in rows}))
"""


def test_tasks_wait_while_the_worker_is_stopped_and_run_once_when_it_returns(cluster):
    cluster.worker.stop()
    try:
        ids = query(cluster, ENQUEUE.replace("{count}", "5"))
        time.sleep(3)
        waiting = query(cluster, RESULTS.replace("{ids}", json.dumps(ids)))
        assert sorted(status for status, _runs in waiting.values()) == ["READY"] * 5
    finally:
        cluster.worker.start(cluster.env)
    # A second worker at the same time: each task is still taken by one only (SKIP LOCKED).
    extra = subprocess.run(
        [*municipium_command(), "worker", "--once"],
        env=cluster.env,
        capture_output=True,
        timeout=120,
        check=False,
    )
    assert extra.returncode == 0, extra.stderr[-500:]
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        done = query(cluster, RESULTS.replace("{ids}", json.dumps(ids)))
        if all(status == "SUCCESSFUL" for status, _runs in done.values()):
            break
        time.sleep(1)
    assert len(done) == 5  # none lost
    assert {status for status, _runs in done.values()} == {"SUCCESSFUL"}
    assert {runs for _status, runs in done.values()} == {1}  # none run twice
