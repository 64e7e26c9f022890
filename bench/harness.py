"""Serving the demo and driving it with wrk: what any benchmark of Municipium needs.

A benchmark builds the demo in a temporary directory (``snapshot_code``, ``build_demo``), then
``run_rounds`` serves it with ``municipium serve`` and measures each ``Target`` with wrk,
noting for every run how much CPU other processes took (a shared machine spoils a run) and
how many gunicorn workers restarted.
"""

import contextlib
import http.client
import os
import platform
import re
import resource
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

ROOT = Path(__file__).resolve().parent.parent
MUNICIPIUM = Path(sys.executable).parent / "municipium"
HEALTH_HOST = "bornova.localhost"  # any demo site answers /healthz
RESTART_LINE = "Autorestarting worker"
OTHER_LOAD_LIMIT = 0.15  # cores used by other processes during a run before it is suspect
QUIET_WAIT_PER_RUN = 10  # seconds at most before one run
CLOCK_TICKS = os.sysconf("SC_CLK_TCK")


@dataclass(frozen=True)
class Target:
    """One URL to measure, on one site, with the headers wrk and the test client send."""

    label: str
    host: str
    path: str
    headers: dict[str, str] = field(default_factory=dict)
    expect_cache: str = ""  # the X-Page-Cache value a single request must show first


@dataclass
class Result:
    target: Target
    requests_per_second: float
    p50_ms: float
    p99_ms: float
    errors: str = ""
    restarts: int = 0
    other_cores: float = 0.0
    queries: object = "–"  # what the benchmark counted, shown as is


@dataclass(frozen=True)
class Server:
    process: subprocess.Popen
    port: int
    log_path: Path


# -- The demo --------------------------------------------------------------------------------------


def municipium(*args: str) -> None:
    status = subprocess.run([str(MUNICIPIUM), *args], stdout=subprocess.DEVNULL).returncode
    if status != 0:
        raise SystemExit(f"`municipium {' '.join(args)}` failed (status {status}), see above.")


def snapshot_code(var_dir: Path) -> str:
    """Run a copy of the package taken now, here and in every subprocess: gunicorn restarts its
    workers every few thousand requests, and a worker must not import a file someone is
    halfway through editing in the working tree."""
    source = var_dir / "src"
    ignore = shutil.ignore_patterns("__pycache__", "*.pyc")
    shutil.copytree(ROOT / "municipium", source / "municipium", ignore=ignore)
    sys.path.insert(0, str(source))
    os.environ["PYTHONPATH"] = os.pathsep.join(
        filter(None, [str(source), os.environ.get("PYTHONPATH")])
    )
    return code_version()


def code_version() -> str:
    def git(*args: str) -> str:
        return subprocess.run(["git", *args], cwd=ROOT, capture_output=True, text=True).stdout

    commit = git("rev-parse", "--short", "HEAD").strip() or "unknown"
    edited = " with uncommitted changes" if git("status", "--porcelain", "municipium") else ""
    return f"commit {commit}{edited}"


def build_demo(var_dir: Path) -> None:
    """A fresh database, cache and static root for the five demo sites, all under ``var_dir``."""
    os.environ["MUNICIPIUM_VAR_DIR"] = str(var_dir)
    os.environ["MUNICIPIUM_ENV"] = "dev"
    os.environ["DJANGO_SETTINGS_MODULE"] = "municipium.settings"
    for step in (("migrate", "--noinput"), ("demo",), ("collectstatic", "--noinput")):
        print(f"municipium {' '.join(step)}", flush=True)
        municipium(*step)


# -- The server ------------------------------------------------------------------------------------


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def start_server(port: int, workers: int, log_path: Path) -> subprocess.Popen:
    """``municipium serve`` in its own session, so that a Ctrl-C reaches only this script,
    which then stops the server itself."""
    command = [str(MUNICIPIUM), "serve", "--bind", f"127.0.0.1:{port}", "--workers", str(workers)]
    with log_path.open("wb") as log:
        return subprocess.Popen(
            command, stdout=log, stderr=subprocess.STDOUT, start_new_session=True
        )


def stop_server(server: subprocess.Popen) -> None:
    if server.poll() is not None:
        return
    server.send_signal(signal.SIGINT)  # gunicorn's quick shutdown
    try:
        server.wait(timeout=15)
    except subprocess.TimeoutExpired:
        os.killpg(server.pid, signal.SIGKILL)
        server.wait()


def get(port: int, target: Target) -> http.client.HTTPResponse:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    headers = {"Host": f"{target.host}:{port}", **target.headers}
    connection.request("GET", target.path, headers=headers)
    response = connection.getresponse()
    response.read()
    connection.close()
    return response


def wait_healthy(port: int, server: subprocess.Popen, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    health = Target("health", HEALTH_HOST, "/healthz")
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise SystemExit(f"the server exited with status {server.returncode}")
        with contextlib.suppress(OSError):
            if get(port, health).status == 200:
                return
        time.sleep(0.2)
    raise SystemExit(f"the server did not answer /healthz within {timeout:.0f} s")


def check_once(port: int, target: Target) -> None:
    """One plain request before the run: the page answers 200, from the cache or not as the
    row says, so that a misconfigured run fails instead of being measured."""
    response = get(port, target)
    cache_state = response.getheader("X-Page-Cache", "")
    if response.status != 200 or cache_state != target.expect_cache:
        raise SystemExit(
            f"{target.label}: status {response.status}, X-Page-Cache {cache_state or 'absent'}"
            f" (expected 200 and {target.expect_cache or 'absent'})"
        )


# -- wrk -------------------------------------------------------------------------------------------


def wrk(port: int, target: Target, seconds: int, options) -> str:
    headers = {"Host": f"{target.host}:{port}", **target.headers}
    command = ["wrk", f"-t{options.threads}", f"-c{options.connections}", f"-d{seconds}s"]
    command += ["--latency", f"http://127.0.0.1:{port}{target.path}"]
    for name, value in headers.items():
        command += ["-H", f"{name}: {value}"]
    completed = subprocess.run(command, capture_output=True, text=True)
    if completed.returncode != 0:
        raise SystemExit(f"{target.label}: wrk failed: {completed.stderr or completed.stdout}")
    return completed.stdout


def to_ms(value: str, unit: str) -> float:
    return float(value) * {"us": 0.001, "ms": 1.0, "s": 1000.0}[unit]


def parse_wrk(output: str) -> tuple[float, float, float, str]:
    """Requests per second, p50 and p99 in ms, and any errors wrk reported."""
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1))
    latency = dict(re.findall(r"^\s+(50|99)%\s+([\d.]+(?:us|ms|s))\s*$", output, re.MULTILINE))
    p50, p99 = (to_ms(*re.fullmatch(r"([\d.]+)(\w+)", latency[p]).groups()) for p in ("50", "99"))
    errors = re.findall(r"(Socket errors: .*|Non-2xx or 3xx responses: \d+)", output)
    return rps, p50, p99, "; ".join(errors)


def count_restarts(log_path: Path) -> int:
    return log_path.read_text(errors="replace").count(RESTART_LINE)


def measure(server: Server, target: Target, options, patience: float) -> Result:
    """One run of wrk on ``target``, after a warm-up, a check and a wait of ``patience``
    seconds at most for the machine to be quiet."""
    wrk(server.port, target, options.warmup, options)
    check_once(server.port, target)
    wait_for_quiet(server.process.pid, patience)
    restarts_before = count_restarts(server.log_path)
    cpu_before = cpu_snapshot(server.process.pid)
    output = wrk(server.port, target, options.duration, options)
    other_cores = cores_used_elsewhere(cpu_before, cpu_snapshot(server.process.pid))
    restarts = count_restarts(server.log_path) - restarts_before
    rps, p50, p99, errors = parse_wrk(output)
    print(
        f"  {target.label:44} {rps:7.0f}/s  p50 {p50:6.1f} ms  p99 {p99:7.1f} ms  "
        f"other load {other_cores:.2f} cores",
        flush=True,
    )
    return Result(target, rps, p50, p99, errors, restarts, other_cores)


# -- Who else used the CPU -------------------------------------------------------------------------


def machine_busy_seconds() -> float:
    """CPU time the whole machine has spent busy since it booted, on all cores."""
    values = [int(v) for v in Path("/proc/stat").read_text().split("\n", 1)[0].split()[1:8]]
    user, nice, system, _idle, _iowait, irq, softirq = values
    return (user + nice + system + irq + softirq) / CLOCK_TICKS


def group_seconds(pgid: int) -> float:
    """CPU time of the processes of group ``pgid`` (the server), reaped workers included."""
    ticks = 0
    for stat in Path("/proc").glob("[0-9]*/stat"):
        with contextlib.suppress(OSError, ValueError):
            fields = stat.read_text().rsplit(")", 1)[1].split()
            if int(fields[2]) == pgid:
                ticks += sum(int(value) for value in fields[11:15])  # utime stime cutime cstime
    return ticks / CLOCK_TICKS


def own_seconds() -> float:
    """CPU time of this script and of its finished children (wrk)."""
    usage = [resource.getrusage(who) for who in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN)]
    return sum(u.ru_utime + u.ru_stime for u in usage)


def cpu_snapshot(server_pgid: int) -> tuple[float, float, float]:
    return time.monotonic(), machine_busy_seconds(), group_seconds(server_pgid) + own_seconds()


def wait_for_quiet(server_pgid: int, patience: float) -> None:
    """Wait, ``patience`` seconds at most, for a second in which other processes leave the
    CPU to the server: on a shared machine a test run or a browser comes and goes."""
    deadline = time.monotonic() + patience
    while time.monotonic() < deadline:
        before = cpu_snapshot(server_pgid)
        time.sleep(1)
        if cores_used_elsewhere(before, cpu_snapshot(server_pgid)) <= OTHER_LOAD_LIMIT:
            return


def cores_used_elsewhere(before, after) -> float:
    """Cores that processes other than the server, wrk and this script kept busy in between:
    another job on the machine takes CPU from the server and spoils the run."""
    wall, busy, ours = (a - b for a, b in zip(after, before, strict=True))
    return max(0.0, (busy - ours) / wall)


# -- Rounds ----------------------------------------------------------------------------------------


def run_rounds(var_dir: Path, targets: list[Target], options) -> list[list[Result]]:
    """Every target's runs, one per round: each round goes through all the targets, so that a
    burst of load from elsewhere on the machine spoils one run of a row, not all of them."""
    port, log_path = free_port(), var_dir / "server.log"
    server = Server(start_server(port, options.workers, log_path), port, log_path)
    try:
        wait_healthy(port, server.process)
        print(f"Serving on 127.0.0.1:{port} with {options.workers} workers.", flush=True)
        runs = [[] for _target in targets]
        deadline = time.monotonic() + options.quiet_wait  # for all the waits together
        for number in range(1, options.rounds + 1):
            print(f"Round {number} of {options.rounds}:", flush=True)
            for target, target_runs in zip(targets, runs, strict=True):
                patience = min(QUIET_WAIT_PER_RUN, max(0.0, deadline - time.monotonic()))
                target_runs.append(measure(server, target, options, patience))
        return runs
    except SystemExit:
        if server.process.poll() is not None:
            print(f"The server exited, status {server.process.returncode}.", file=sys.stderr)
        print(f"The server's log ends with:\n{log_tail(log_path)}", file=sys.stderr)
        raise
    finally:
        stop_server(server.process)


def log_tail(log_path: Path, lines: int = 30) -> str:
    """The end of the server's log without its access log, which only says "200"."""
    text = log_path.read_text(errors="replace").splitlines()
    return "\n".join([line for line in text if not line.startswith("127.0.0.1 - ")][-lines:])


def best(runs: list[Result]) -> Result:
    """The fastest run: other processes and worker restarts can only slow a run down."""
    return max(runs, key=lambda run: run.requests_per_second)


def disturbed(result: Result) -> bool:
    return result.other_cores > OTHER_LOAD_LIMIT


# -- The machine -----------------------------------------------------------------------------------


def versions() -> str:
    import django
    import wagtail

    wrk_version = subprocess.run(["wrk", "-v"], capture_output=True, text=True).stdout.split()
    return (
        f"Python {platform.python_version()}, Django {django.get_version()}, "
        f"Wagtail {wagtail.__version__}, {' '.join(wrk_version[:2])}"
    )


def cpu_model() -> str:
    for line in Path("/proc/cpuinfo").read_text().splitlines():
        if line.startswith("model name"):
            return line.split(":", 1)[1].strip()
    return platform.processor() or "unknown CPU"


# -- A bench's own database, in-process ------------------------------------------------------------


def add_database_option(parser) -> None:
    parser.add_argument(
        "--database-url",
        default="",
        help="a PostgreSQL server: a new database is made on it and dropped at the end",
    )


def _with_database(url: str, name: str) -> str:
    parts = urlsplit(url)
    return urlunsplit(parts._replace(path=f"/{name}"))


def postgres_create(url: str) -> tuple[str, str]:
    """A new, empty database on the server of ``url``: its URL and its name."""
    import psycopg

    name = f"municipium_bench_{Path(sys.argv[0]).stem}_{os.getpid()}"
    with psycopg.connect(_with_database(url, "postgres"), autocommit=True) as connection:
        connection.execute(f'CREATE DATABASE "{name}"')
    return _with_database(url, name), name


def postgres_drop(url: str, name: str) -> None:
    import psycopg

    with psycopg.connect(_with_database(url, "postgres"), autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def use_database(var_dir: Path, database_url: str, **environ: str) -> None:
    """The settings' environment for ``var_dir`` and ``database_url`` (SQLite there if empty),
    for this process and the servers it starts."""
    os.environ.update(
        MUNICIPIUM_VAR_DIR=str(var_dir),
        MUNICIPIUM_ENV="dev",
        DJANGO_SETTINGS_MODULE="municipium.settings",
        **environ,
    )
    if database_url:
        os.environ["DATABASE_URL"] = database_url
    else:
        os.environ.pop("DATABASE_URL", None)


def setup_django(var_dir: Path, database_url: str, *, collectstatic=False, **environ) -> None:
    """Django set up in this process on a migrated database (and the static files collected
    when a bench renders pages)."""
    use_database(var_dir, database_url, **environ)
    import django
    from django.core.management import call_command

    django.setup()
    call_command("migrate", verbosity=0, interactive=False)
    if collectstatic:
        call_command("collectstatic", verbosity=0, interactive=False)


@contextlib.contextmanager
def scratch(prefix: str, server_url: str):
    """A temporary directory and, if ``server_url`` names a PostgreSQL server, a new database
    on it: ``(var_dir, database_url)``, both removed at the end, whatever happens."""
    var_dir = Path(tempfile.mkdtemp(prefix=f"municipium-bench-{prefix}-"))
    database_url, name = "", ""
    try:
        if server_url:
            database_url, name = postgres_create(server_url)
        yield var_dir, database_url
    finally:
        if "django" in sys.modules:
            from django.db import connections

            connections.close_all()
        if name:
            with contextlib.suppress(Exception):
                postgres_drop(server_url, name)
        shutil.rmtree(var_dir, ignore_errors=True)


# -- Timings ---------------------------------------------------------------------------------------


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(share * len(ordered)) - 1))]


def timings(function, runs: int, warmup: int = 1) -> list[float]:
    """Milliseconds of ``runs`` calls of ``function`` after ``warmup`` calls (the first reads
    pages from disk)."""
    for _ in range(warmup):
        function()
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        function()
        times.append((time.perf_counter() - started) * 1000)
    return times


def p50_p95(times: list[float]) -> tuple[float, float]:
    return statistics.median(times), percentile(times, 0.95)


def loadavg() -> str:
    return Path("/proc/loadavg").read_text().strip()
