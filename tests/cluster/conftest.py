"""The cluster tests: nginx, two app servers, a worker, PostgreSQL and Redis, all real and all
started here (municipium.cluster), run through nginx as a municipality's visitors would.

Selected only with ``-m cluster`` (``make test-cluster``, which ``make test`` runs): they start
a dozen processes on fixed ports (MUNICIPIUM_CLUSTER_BASE_PORT, 55200 unless set) and load the
demo into PostgreSQL, a few minutes that the other runs of the suite should not pay."""

import os
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from municipium.cluster import Cluster


def pytest_collection_modifyitems(config, items):
    expression = config.getoption("-m") or ""
    if "cluster" in expression and "not cluster" not in expression:
        return
    skip = pytest.mark.skip(reason="cluster tests run with -m cluster (make test-cluster)")
    for item in items:
        if "cluster" in item.keywords:
            item.add_marker(skip)


def _missing_programs() -> list[str]:
    names = ("redis-server", "nginx")
    return [n for n in names if not (shutil.which(n) or Path(f"/usr/sbin/{n}").exists())]


@pytest.fixture(scope="session")
def base_port() -> int:
    return int(os.environ.get("MUNICIPIUM_CLUSTER_BASE_PORT", "55200"))


@pytest.fixture(scope="session")
def cluster(base_port) -> Iterator[Cluster]:
    if missing := _missing_programs():
        pytest.fail(f"Missing {', '.join(missing)}: run scripts/system-packages.sh", pytrace=False)
    directory = Path(tempfile.mkdtemp(prefix="municipium-cluster-"))
    running = Cluster(directory=directory, servers=2, web_concurrency=2, base_port=base_port)
    try:
        running.start()
        yield running
    finally:
        running.stop()
    shutil.rmtree(directory, ignore_errors=True)
