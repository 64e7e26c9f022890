"""``municipium cluster``: a small production deployment on one machine, as deploy/ describes it.

nginx (``deploy/nginx/municipium.conf`` through ``scripts/nginx.sh``) in front of ``servers`` app
servers and one task worker, each started by the ``ExecStart`` of its systemd unit in
``deploy/systemd/`` and restarted as the unit's ``Restart=``/``RestartSec=`` say; on one
PostgreSQL (``scripts/postgres.sh``, unless ``DATABASE_URL`` is given) and one Redis
(``scripts/redis.sh``), every part on a private port under one throw-away directory. The cluster
tests (``tests/cluster``) and ``make bench`` drive the same class; nothing is left running when
it stops.
"""

import argparse
import contextlib
import os
import shlex
import signal
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

REPO_DIR = Path(__file__).resolve().parent.parent
DEPLOY_DIR = REPO_DIR / "deploy"
SCRIPTS_DIR = REPO_DIR / "scripts"
# Settings a developer's shell may carry that would send the cluster somewhere else.
ENVIRONMENT_TO_DROP = (
    "DATABASE_URL",
    "CACHE_URL",
    "STATIC_ROOT",
    "MEDIA_ROOT",
    "DEBUG",
    "ALLOWED_HOSTS",
    "MUNICIPIUM_INDEX_HOSTS",
    "MUNICIPIUM_ENV",
    "DJANGO_SETTINGS_MODULE",
)


def municipium_command() -> list[str]:
    script = Path(sys.executable).with_name("municipium")
    return [str(script)] if script.exists() else [sys.executable, "-m", "municipium.cli"]


def unit_service(name: str) -> dict[str, str]:
    """The ``[Service]`` settings of ``deploy/systemd/<name>``."""
    values, section = {}, None
    for line in (DEPLOY_DIR / "systemd" / name).read_text().splitlines():
        line = line.strip()
        if line.startswith("["):
            section = line
        elif section == "[Service]" and "=" in line and not line.startswith("#"):
            key, value = line.split("=", 1)
            values[key] = value
    return values


def unit_command(name: str, *, instance: str = "") -> list[str]:
    """The unit's ``ExecStart`` with this checkout's ``municipium`` for the deployed one and
    ``instance`` for ``%i``."""
    argv = shlex.split(unit_service(name)["ExecStart"].replace("%i", instance))
    if not argv[0].endswith("/municipium"):
        raise ValueError(f"{name}: ExecStart does not run municipium: {argv[0]}")
    return [*municipium_command(), *argv[1:]]


def _database_create(url: str) -> None:
    """Create the database ``url`` names, unless it exists (a fresh PostgreSQL has none)."""
    import psycopg

    server, name = url.rsplit("/", 1)
    with psycopg.connect(f"{server}/postgres", autocommit=True) as connection:
        found = connection.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name])
        if found.fetchone() is None:
            connection.execute(f'CREATE DATABASE "{name}"')


@dataclass
class Managed:
    """A process of the cluster, restarted like systemd's ``Restart=always`` while wanted."""

    name: str
    command: list[str]
    log: Path
    restart_seconds: float
    process: subprocess.Popen | None = None
    wanted: bool = False
    restarts: int = 0

    def start(self, env: dict[str, str]) -> None:
        with self.log.open("a") as log:
            self.process = subprocess.Popen(
                self.command,
                env=env,
                cwd=REPO_DIR,
                stdout=log,
                stderr=subprocess.STDOUT,
                start_new_session=True,  # its own process group: a kill reaches its children
            )
        self.wanted = True

    def signal_group(self, signum: int) -> None:
        """Signal the process's group (gunicorn's arbiter and workers), even once the
        arbiter itself is gone."""
        if self.process is not None:
            with contextlib.suppress(ProcessLookupError, PermissionError):
                os.killpg(self.process.pid, signum)

    def stop(self, timeout: float = 30) -> None:
        self.wanted = False
        if self.process is None:
            return
        self.signal_group(signal.SIGTERM)
        try:
            self.process.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            self.signal_group(signal.SIGKILL)
            self.process.wait()
        self.signal_group(signal.SIGKILL)  # gunicorn workers an arbiter left behind


@dataclass
class Cluster:
    directory: Path
    servers: int = 2
    web_concurrency: int = 2
    base_port: int = 55100
    database_url: str = ""
    env: dict[str, str] = field(default_factory=dict)
    web: list[Managed] = field(default_factory=list)
    worker: Managed | None = None
    _started_postgres: bool = False
    _stopping: threading.Event = field(default_factory=threading.Event)
    _supervisor: threading.Thread | None = None

    # Ports: nginx at base, app servers at base+1.., Redis at base+79, PostgreSQL at base+32.
    @property
    def nginx_port(self) -> int:
        return self.base_port

    def server_port(self, index: int) -> int:
        return self.base_port + 1 + index

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.nginx_port}"

    def server_url(self, index: int) -> str:
        return f"http://127.0.0.1:{self.server_port(index)}"

    def _script(self, name: str, action: str, env: dict[str, str]) -> str:
        result = subprocess.run(
            ["bash", str(SCRIPTS_DIR / name), action],
            env={**os.environ, **env},
            capture_output=True,
            text=True,
            check=False,
        )
        if result.returncode != 0:
            raise RuntimeError(f"{name} {action} failed: {result.stderr.strip()}")
        return result.stdout.strip()

    def _redis_env(self) -> dict[str, str]:
        return {
            "MUNICIPIUM_REDIS_PORT": str(self.base_port + 79),
            "MUNICIPIUM_REDIS_DIR": str(self.directory / "redis"),
        }

    def _postgres_env(self) -> dict[str, str]:
        return {
            "MUNICIPIUM_PG_PORT": str(self.base_port + 32),
            "MUNICIPIUM_PG_DIR": str(self.directory / "postgres"),
        }

    def _nginx_env(self, upstreams: int | None = None) -> dict[str, str]:
        count = self.servers if upstreams is None else upstreams
        return {
            "MUNICIPIUM_NGINX_PORT": str(self.nginx_port),
            "MUNICIPIUM_NGINX_DIR": str(self.directory / "nginx"),
            "MUNICIPIUM_UPSTREAMS": " ".join(
                f"127.0.0.1:{self.server_port(i)}" for i in range(count)
            ),
            "STATIC_ROOT": self.env["STATIC_ROOT"],
            "MEDIA_ROOT": self.env["MEDIA_ROOT"],
        }

    def redis_start(self) -> str:
        return self._script("redis.sh", "start", self._redis_env())

    def redis_stop(self) -> None:
        self._script("redis.sh", "stop", self._redis_env())

    def manage(self, *arguments: str) -> str:
        """Run ``municipium <arguments>`` against the cluster's database and cache."""
        result = subprocess.run(
            [*municipium_command(), *arguments],
            env=self.env,
            cwd=REPO_DIR,
            capture_output=True,
            text=True,
            check=False,
        )
        if result.returncode != 0:
            raise RuntimeError(
                f"municipium {' '.join(arguments)} failed:\n{result.stdout}\n{result.stderr}"
            )
        return result.stdout

    def start(self, *, demo: bool = True) -> None:
        self.directory.mkdir(parents=True, exist_ok=True)
        # nginx's workers (nobody, when started as root) read static files and media here.
        for path in (self.directory, *self.directory.parents):
            if path == Path("/tmp") or path == path.parent:
                break
            path.chmod(path.stat().st_mode | 0o055)
        var = self.directory / "var"
        var.mkdir(exist_ok=True)
        cache_url = self.redis_start()
        database_url = self.database_url
        if not database_url:
            database_url = self._script("postgres.sh", "start", self._postgres_env())
            self._started_postgres = True
            _database_create(database_url)
        base = {k: v for k, v in os.environ.items() if k not in ENVIRONMENT_TO_DROP}
        self.env = {
            **base,
            "MUNICIPIUM_ENV": "dev",
            "MUNICIPIUM_VAR_DIR": str(var),
            "STATIC_ROOT": str(var / "static"),
            "MEDIA_ROOT": str(var / "media"),
            "DATABASE_URL": database_url,
            "CACHE_URL": cache_url,
            "MUNICIPIUM_DOCUMENTS_DELIVERY": "nginx",
            "TRUSTED_PROXIES": "127.0.0.1",
            "WEB_CONCURRENCY": str(self.web_concurrency),
            "PYTHONUNBUFFERED": "1",
            "PYTHONPATH": str(REPO_DIR),
        }
        (var / "media" / "images").mkdir(parents=True, exist_ok=True)
        self.manage("migrate", "--noinput")
        if demo:
            self.manage("demo")
        self.manage("collectstatic", "--noinput", "--verbosity", "0")
        web_unit = unit_service("municipium-web@.service")
        for index in range(self.servers):
            port = str(self.server_port(index))
            server = Managed(
                name=f"web-{port}",
                command=unit_command("municipium-web@.service", instance=port),
                log=self.directory / f"web-{port}.log",
                restart_seconds=float(web_unit.get("RestartSec", "1")),
            )
            server.start(self.env)
            self.web.append(server)
        self.worker = Managed(
            name="worker",
            command=unit_command("municipium-worker.service"),
            log=self.directory / "worker.log",
            restart_seconds=float(unit_service("municipium-worker.service").get("RestartSec", "1")),
        )
        self.worker.start(self.env)
        for index in range(self.servers):
            self.wait_healthy(self.server_url(index))
        self._script("nginx.sh", "start", self._nginx_env())
        self.wait_healthy(self.url)
        self._supervisor = threading.Thread(target=self._supervise, daemon=True)
        self._supervisor.start()

    def nginx_upstreams(self, count: int) -> None:
        """Send nginx's traffic to the first ``count`` app servers only (a reload: the
        benchmark's one, two and three servers on the same data)."""
        self._script("nginx.sh", "start", self._nginx_env(count))
        time.sleep(0.5)  # the old nginx workers finish their requests and leave

    def _supervise(self) -> None:
        """Restart a wanted process that ended, ``RestartSec`` after (systemd's Restart=always)."""
        ended_at: dict[str, float] = {}
        while not self._stopping.wait(0.2):
            for managed in [*self.web, self.worker]:
                if managed is None or not managed.wanted or managed.process is None:
                    continue
                if managed.process.poll() is None:
                    ended_at.pop(managed.name, None)
                    continue
                managed.signal_group(signal.SIGKILL)  # what the dead arbiter left behind
                since = ended_at.setdefault(managed.name, time.monotonic())
                if time.monotonic() - since >= managed.restart_seconds:
                    ended_at.pop(managed.name)
                    managed.restarts += 1
                    managed.start(self.env)

    def wait_healthy(self, url: str, *, seconds: float = 90) -> None:
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            try:
                with urllib.request.urlopen(f"{url}/healthz", timeout=2) as response:
                    if response.status == 200:
                        return
            except OSError:
                pass
            time.sleep(0.2)
        raise RuntimeError(f"{url} did not answer within {seconds} s (logs: {self.directory})")

    def stop(self) -> None:
        self._stopping.set()
        if self._supervisor is not None:
            self._supervisor.join(timeout=5)
        steps = [lambda: self._script("nginx.sh", "stop", self._nginx_env())]
        steps += [server.stop for server in self.web]
        if self.worker is not None:
            steps.append(self.worker.stop)
        steps.append(self.redis_stop)
        if self._started_postgres:
            steps.append(lambda: self._script("postgres.sh", "stop", self._postgres_env()))
        for step in steps:
            try:
                step()
            except Exception as error:  # stop everything else all the same
                print(f"municipium cluster: while stopping: {error}", file=sys.stderr)


def main(argv: list[str]) -> None:
    parser = argparse.ArgumentParser(
        prog="municipium cluster",
        description="nginx, app servers, a worker, PostgreSQL and Redis on one machine.",
    )
    parser.add_argument("--servers", type=int, default=2)
    parser.add_argument("--web-concurrency", type=int, default=2)
    parser.add_argument("--base-port", type=int, default=55100)
    parser.add_argument("--directory", default="")
    parser.add_argument("--no-demo", action="store_true", help="Do not load the demo sites.")
    options = parser.parse_args(argv)
    directory = Path(options.directory or tempfile.mkdtemp(prefix="municipium-cluster-"))
    cluster = Cluster(
        directory=directory,
        servers=options.servers,
        web_concurrency=options.web_concurrency,
        base_port=options.base_port,
        database_url=os.environ.get("DATABASE_URL", ""),
    )
    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: stop.set())
    signal.signal(signal.SIGINT, lambda *_: stop.set())
    try:
        cluster.start(demo=not options.no_demo)
        print(f"Cluster up: {cluster.url} (logs and data in {directory}); Ctrl-C stops it.")
        print("The installation's index: " + cluster.url.replace("127.0.0.1", "localhost") + "/")
        stop.wait()
    finally:
        cluster.stop()
