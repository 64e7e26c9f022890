"""Request intake under load: requests filed through the public form and through Open311's
``POST requests.json``, by 32 concurrent clients, against the production server.

For each database (a temporary SQLite file; a new database on the PostgreSQL server of
``--database-url`` when given, dropped at the end) it migrates, collects the static files and
makes Bornova with its requests desk (the street-light category, which asks for a pole number)
and an Open311 key, then serves it with ``municipium serve`` (gunicorn's sync workers, the
production settings, ``harness.start_server``) and drives it with ``--clients`` threads, each
on its own connection per request, for ``--seconds`` per row:

- ceiling: ``GET /_ceiling`` (a trivial view through the whole middleware stack), the same
  clients, the same server, the same run;
- form: what a browser does: GET the form, GET the category step (``?category=``, the form is
  a GET), POST the details step (multipart, the CSRF token and cookie, one 64×48 JPEG), follow
  the redirect to the tracking page; one row for the whole filing, one for the POST alone;
- API: ``POST /open311/v2/requests.json`` with a key, a place and the pole number.

The per-address limits would refuse such a run from one address within seconds: the server is
started with ``MUNICIPIUM_DESK_RATE_LIMIT`` and ``OPEN311_RATE_LIMITS`` raised (settings.py).

    .venv/bin/python bench/intake.py [--seconds 15] [--clients 32] [--workers 3]
        [--database-url postgres://postgres@127.0.0.1:54342/municipium]
"""

import argparse
import contextlib
import http.client
import io
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
from pathlib import Path

from harness import (
    MUNICIPIUM,
    free_port,
    postgres_create,
    postgres_drop,
    start_server,
    stop_server,
    wait_healthy,
)

HOST = "bornova.localhost"
FORM = "/tr/talep/"
API_KEY = "bench-intake-key"
SETUP = f"""
from municipium.desk.tests.conftest import Desk
from municipium.open311.services import api_client_create
from municipium.tenancy.tests.factories import MunicipalityFactory
desk = Desk(MunicipalityFactory(slug="bornova", names={{"tr": "Bornova Belediyesi"}}))
api_client_create(municipality=desk.municipality, name="Bench", key="{API_KEY}", by=None)
"""
UNLIMITED = {
    "MUNICIPIUM_DESK_RATE_LIMIT": "100000000",
    "OPEN311_RATE_LIMITS": json.dumps({"key": [10**8, 3600], "post": [10**8, 3600]}),
}


LABELS = {
    "form": "form: whole filing (GET, GET step, POST, GET tracking)",
    "API": "API: POST requests.json",
}


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=15, help="per row")
    parser.add_argument("--clients", type=int, default=32)
    parser.add_argument("--workers", type=int, default=3, help="gunicorn sync workers")
    parser.add_argument("--database-url", default="", help="a PostgreSQL server to use")
    return parser.parse_args()


def photo() -> bytes:
    from PIL import Image

    output = io.BytesIO()
    Image.new("RGB", (64, 48), (200, 30, 30)).save(output, format="JPEG")
    return output.getvalue()


PHOTO = photo()


class Client:
    """One resident or one API client: a connection per request, the session's cookies kept."""

    def __init__(self, port: int):
        self.port = port
        self.cookies: dict[str, str] = {}

    def request(self, method, path, body=b"", headers=None):
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=60)
        sent = {"Host": f"{HOST}:{self.port}", **(headers or {})}
        if self.cookies:
            sent["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        connection.request(method, path, body=body or None, headers=sent)
        response = connection.getresponse()
        data = response.read()
        for header in response.headers.get_all("Set-Cookie") or []:
            name, value = header.split(";", 1)[0].split("=", 1)
            self.cookies[name] = value
        connection.close()
        return response.status, response.headers, data


def multipart(fields: dict, files: list) -> tuple[bytes, str]:
    boundary = "----municipium-bench"
    parts = []
    for name, value in fields.items():
        head = f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n'
        parts.append(head.encode() + str(value).encode() + b"\r\n")
    for name, filename, data in files:
        head = (
            f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"; '
            f'filename="{filename}"\r\nContent-Type: image/jpeg\r\n\r\n'
        )
        parts.append(head.encode() + data + b"\r\n")
    parts.append(f"--{boundary}--\r\n".encode())
    return b"".join(parts), f"multipart/form-data; boundary={boundary}"


def ceiling(client: Client) -> dict:
    status = client.request("GET", "/_ceiling")[0]
    return {"ok": status == 200}


def form(client: Client) -> dict:
    """A filing as a browser does it; the POST's own time as well."""
    status, _, _ = client.request("GET", FORM)
    if status != 200:
        return {"ok": False}
    status, _, page = client.request("GET", FORM + "?category=street-light")
    found = re.search(rb'name="csrfmiddlewaretoken" value="([^"]+)"', page)
    if status != 200 or not found:
        return {"ok": False}
    fields = {
        "csrfmiddlewaretoken": found.group(1).decode(), "category": "street-light",
        "description": "Lamba yanmıyor.", "answer_pole": "B-1043", "answer_kind": "off",
        "address": "Kazım Dirik Mah. 372. Sk. No 12", "latitude": "38.46",
        "longitude": "27.22", "name": "Ayşe Yılmaz", "email": "", "phone": "", "website": "",
    }  # fmt: skip
    body, content_type = multipart(fields, [("photos", "IMG_0001.jpg", PHOTO)])
    headers = {"Content-Type": content_type, "Referer": f"http://{HOST}:{client.port}{FORM}"}
    started = time.perf_counter()
    status, answer, _ = client.request("POST", FORM, body, headers)
    post_ms = (time.perf_counter() - started) * 1000
    if status != 302:
        return {"ok": False, "post_ms": post_ms}
    tracking = urllib.parse.urlsplit(answer["Location"])
    status = client.request("GET", f"{tracking.path}?{tracking.query}")[0]
    return {"ok": status == 200, "post_ms": post_ms}


def api(client: Client) -> dict:
    fields = {
        "api_key": API_KEY, "service_code": "street-light", "lat": "38.46",
        "long": "27.22", "description": "Direk eğilmiş.", "attribute[pole]": "B-2001",
    }  # fmt: skip
    body = urllib.parse.urlencode(fields).encode()
    headers = {"Content-Type": "application/x-www-form-urlencoded"}
    status, _, answer = client.request("POST", "/open311/v2/requests.json", body, headers)
    return {"ok": status == 200 and b"service_request_id" in answer}


def drive(port: int, action, clients: int, seconds: float) -> dict:
    """``clients`` threads doing ``action`` over and over for ``seconds``."""
    results: list[tuple[float, dict]] = []
    lock = threading.Lock()
    stop = time.perf_counter() + seconds

    def loop():
        client = Client(port)
        while time.perf_counter() < stop:
            started = time.perf_counter()
            try:
                outcome = action(client)
            except OSError as error:
                outcome = {"ok": False, "error": str(error)}
            with lock:
                results.append(((time.perf_counter() - started) * 1000, outcome))

    started = time.perf_counter()
    threads = [threading.Thread(target=loop) for _ in range(clients)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    elapsed = time.perf_counter() - started
    good = sorted(ms for ms, outcome in results if outcome["ok"])
    posts = sorted(o["post_ms"] for _, o in results if o["ok"] and "post_ms" in o)
    return {
        "rate": len(good) / elapsed,
        "done": len(good),
        "errors": len(results) - len(good),
        "p50": statistics.median(good) if good else 0.0,
        "p95": good[max(round(0.95 * len(good)) - 1, 0)] if good else 0.0,
        "post": (
            (len(posts) / elapsed, statistics.median(posts), posts[round(0.95 * len(posts)) - 1])
            if posts
            else None
        ),
    }


def prepare(var_dir: Path, database_url: str) -> None:
    os.environ.update(MUNICIPIUM_VAR_DIR=str(var_dir), MUNICIPIUM_ENV="dev", **UNLIMITED)
    os.environ["DJANGO_SETTINGS_MODULE"] = "municipium.settings"
    if database_url:
        os.environ["DATABASE_URL"] = database_url
    else:
        os.environ.pop("DATABASE_URL", None)
    collect = subprocess.Popen(
        [str(MUNICIPIUM), "collectstatic", "--noinput", "--verbosity", "0"],
        stdout=subprocess.DEVNULL,
    )
    for step in (["migrate", "--noinput"], ["shell", "--no-imports", "-c", SETUP]):
        subprocess.run([str(MUNICIPIUM), *step], check=True, stdout=subprocess.DEVNULL)
    if collect.wait() != 0:
        raise SystemExit("collectstatic failed")


def loadavg() -> str:
    return Path("/proc/loadavg").read_text().strip()


def run(options, database_url: str, label: str) -> list[str]:
    var_dir = Path(tempfile.mkdtemp(prefix="municipium-bench-intake-"))
    server = None
    try:
        print(f"{label}: migrate, collectstatic, Bornova", flush=True)
        prepare(var_dir, database_url)
        port = free_port()
        server = start_server(port, options.workers, var_dir / "serve.log")
        wait_healthy(port, server, timeout=300)  # a loaded machine starts slowly
        drive(port, form, 2, 2)  # warm: every worker imports its views and templates
        drive(port, api, 2, 1)
        rows, loads = [], []
        for name, action in (("ceiling: GET /_ceiling", ceiling), ("form", form), ("API", api)):
            measured = drive(port, action, options.clients, options.seconds)
            loads.append(loadavg())
            print(f"  {name}: {measured['rate']:.1f}/s, errors {measured['errors']}", flush=True)
            rows.append((name, measured))
        base = rows[0][1]["rate"]
        lines = [
            f"### {label}",
            "",
            f"`cat /proc/loadavg` after each row: {' · '.join(loads)}",
            "",
            "| what | per second | done | errors | p50 ms | p95 ms | ratio to ceiling |",
            "| --- | ---: | ---: | ---: | ---: | ---: | ---: |",
        ]
        for name, m in rows:
            what = LABELS.get(name, name)
            lines.append(
                f"| {what} | {m['rate']:.1f} | {m['done']} | {m['errors']} | {m['p50']:.0f} "
                f"| {m['p95']:.0f} | {m['rate'] / base:.3f} |"
            )
            if m["post"]:
                rate, p50, p95 = m["post"]
                lines.append(
                    f"| form: the POST alone | {rate:.1f} | {m['done']} | – | {p50:.0f} "
                    f"| {p95:.0f} | {rate / base:.3f} |"
                )
        return [*lines, ""]
    finally:
        if server is not None:
            stop_server(server)
        shutil.rmtree(var_dir, ignore_errors=True)


def main() -> int:
    options = parse_args()
    lines = [
        f"Clients: {options.clients} threads, {options.seconds:.0f} s per row; gunicorn "
        f"{options.workers} sync workers; {os.cpu_count()} cores.",
        "",
    ]
    lines += run(options, "", "SQLite (WAL)")
    print("\n".join(lines), flush=True)  # kept even if the PostgreSQL part fails
    if options.database_url:
        url, name = postgres_create(options.database_url)
        try:
            section = run(options, url, "PostgreSQL")
            print("\n".join(section), flush=True)
            lines += section
        finally:
            with contextlib.suppress(Exception):
                postgres_drop(options.database_url, name)
    return 0


if __name__ == "__main__":
    sys.exit(main())
