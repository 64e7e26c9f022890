"""The ``municipium`` command: ``municipium serve``, ``municipium cluster`` (municipium.cluster),
``municipium demo`` and every Django management command (``municipium migrate``,
``municipium createsuperuser``...)."""

import argparse
import os
import signal
import subprocess
import sys


def _setup_django() -> None:
    """Load settings and reach the database, or say in one line what is wrong and exit."""
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "municipium.settings")
    try:
        import django
        from django.db import connection

        django.setup()
        connection.ensure_connection()
        # Only a check: `serve` stays alive beside gunicorn and must not hold a connection.
        connection.close()
        _check_cache()
    except Exception as error:
        reason = " ".join(str(error).split()) or error.__class__.__name__
        print(f"municipium: cannot start: {reason}", file=sys.stderr)
        raise SystemExit(2) from None


def _check_cache() -> None:
    """A shared cache that does not answer at start-up is a wrong CACHE_URL (or a Redis not
    started): refuse to start, rather than serve every page uncached without a word. Once
    running, a Redis that goes away only costs the cache (core.cache_backends)."""
    from django.core.cache import caches

    backend = caches["default"]
    if hasattr(backend, "check"):
        try:
            backend.check()
        except Exception as error:
            location = backend._servers[0] if getattr(backend, "_servers", None) else ""
            raise RuntimeError(f"the cache at {location} does not answer ({error})") from None


def serve(argv: list[str]) -> None:
    parser = argparse.ArgumentParser(prog="municipium serve", description="Serve with gunicorn.")
    parser.add_argument("--bind", default=os.environ.get("MUNICIPIUM_BIND", "127.0.0.1:8000"))
    parser.add_argument("--workers", type=int, default=int(os.environ.get("WEB_CONCURRENCY", "3")))
    parser.add_argument(
        "--no-worker",
        action="store_true",
        help="Do not start the background worker (when it runs elsewhere).",
    )
    options = parser.parse_args(argv)
    _setup_django()
    gunicorn = [
        sys.executable, "-m", "gunicorn", "municipium.wsgi:application",
        "--bind", options.bind,
        "--workers", str(options.workers),
        "--worker-class", "sync",
        "--access-logfile", "-",
        # Recycle workers now and then (a guard against slow leaks), but rarely: a restart
        # costs a worker ~2 s of imports, which showed as 30% of throughput in bench/.
        "--max-requests", "100000", "--max-requests-jitter", "10000",
        # gunicorn's control socket is one path per user (~/.gunicorn/gunicorn.ctl): several
        # servers on one machine (municipium cluster) would take it from each other. Unused.
        "--no-control-socket",
    ]  # fmt: skip
    if options.no_worker:
        os.execv(sys.executable, gunicorn)
    worker = [sys.executable, "-m", "municipium.cli", "worker"]
    raise SystemExit(_run_together(gunicorn, worker))


def _run_together(*commands) -> int:
    """Run the commands side by side; a signal to this process reaches them all, and when
    the first (the web server) ends, the others are stopped too."""
    processes = [subprocess.Popen(command) for command in commands]

    def forward(signum, frame):
        for process in processes:
            if process.poll() is None:
                process.send_signal(signum)

    signal.signal(signal.SIGTERM, forward)
    signal.signal(signal.SIGINT, forward)
    status = processes[0].wait()
    for process in processes[1:]:
        if process.poll() is None:
            process.terminate()
            process.wait(timeout=30)
    return status


def main(argv: list[str] | None = None) -> None:
    argv = sys.argv[1:] if argv is None else argv
    if argv and argv[0] == "serve":
        serve(argv[1:])
        return
    if argv and argv[0] == "cluster":
        from municipium import cluster

        cluster.main(argv[1:])
        return
    if argv and argv[0] not in {"help", "--help", "-h", "version", "--version"}:
        _setup_django()
    from django.core.management import execute_from_command_line

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "municipium.settings")
    execute_from_command_line(["municipium", *argv])


if __name__ == "__main__":
    main()
