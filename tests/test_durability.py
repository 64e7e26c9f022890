"""Nothing lost: a request the public form or the Open311 API acknowledged is in the database,
with its photos on the private storage, even when the server is killed with SIGKILL (master,
workers and task worker, the whole process group) the moment the answer arrives.

What guarantees it:

- The answer is sent only after the transaction has committed: ``desk.services.request_file``
  (the form) and ``open311.api.request_create`` run in ``transaction.atomic`` and the view
  builds its redirect, or its JSON, only once that block has returned.
- The photos are written before that commit: ``cases.services.case_attach`` saves each file
  inside the transaction, before the row naming it, and the private storage
  (``core.storage.DurableFileSystemStorage``) returns from ``save`` only once the file and its
  directory are fsynced. A case is never committed before its files.
- The commit itself: on PostgreSQL, COMMIT returns once the WAL is flushed
  (``synchronous_commit`` on, its default). On SQLite the database is in WAL mode with
  ``synchronous=NORMAL`` (settings): a committed transaction is in the WAL file, written
  through the operating system before COMMIT returns, so it survives the death of the process
  (this test); only a power cut may lose the last transactions, which ``synchronous=FULL``
  would prevent at the cost of an fsync per commit.

The server is the production one (``municipium serve``: gunicorn's sync workers and the task
worker, started as ``deploy/`` and the cluster tests do, ``municipium.cluster.Managed``) on a
throw-away database: a SQLite file, or a new database on the PostgreSQL server of
``DATABASE_URL`` when the suite runs on PostgreSQL (``make test-postgres``).
"""

import http.client
import io
import os
import re
import shutil
import signal
import subprocess
import tempfile
import time
import urllib.parse
from pathlib import Path

import pytest
from PIL import Image

from municipium.cluster import (
    ENVIRONMENT_TO_DROP,
    REPO_DIR,
    Managed,
    _database_create,
    municipium_command,
)
from municipium.desk.tests.conftest import jpeg_with_gps

pytestmark = pytest.mark.server

HOST = "bornova.localhost"
FORM = "/tr/talep/"
API_KEY = "durability-test-key"
SETUP = f"""
from municipium.desk.tests.conftest import Desk
from municipium.open311.services import api_client_create
from municipium.tenancy.tests.factories import MunicipalityFactory
desk = Desk(MunicipalityFactory(slug="bornova", names={{"tr": "Bornova Belediyesi"}}))
api_client_create(municipality=desk.municipality, name="Test app", key="{API_KEY}", by=None)
"""
CHECK = """
import json
from PIL import Image
from municipium.cases.models import Case
case = Case.objects.select_related("citizen_request").get(reference=REFERENCE)
files = []
for attachment in case.attachments.order_by("pk"):
    with attachment.file.open("rb") as handle:
        data = handle.read()
    with Image.open(attachment.file.path) as image:
        exif = dict(image.getexif())
    files.append({"path": attachment.file.path, "size": len(data), "exif": len(exif)})
print(json.dumps({
    "channel": case.channel,
    "description": case.description,
    "category": case.citizen_request.category.code,
    "pole": case.citizen_request.answers.get("pole"),
    "files": files,
}))
"""


def _run(command: list[str], env: dict) -> subprocess.Popen:
    return subprocess.Popen(
        command, env=env, cwd=REPO_DIR, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True
    )


# Only a guard against a hang: migrating a new database from nothing took over 240 s on a
# two-core machine running other work (a clean-clone CI beside six agents' tests).
SETUP_TIMEOUT = 900


def _finish(process: subprocess.Popen, what: str) -> str:
    output, _ = process.communicate(timeout=SETUP_TIMEOUT)
    if process.returncode != 0:
        pytest.fail(f"{what} failed ({process.returncode}):\n{output}", pytrace=False)
    return output


@pytest.fixture(scope="module")
def installation():
    """A throw-away var directory and database with Bornova, its requests desk (the street-light
    category asking for a pole number) and an Open311 key; the static files collected, as
    the production settings serve them."""
    directory = Path(tempfile.mkdtemp(prefix="municipium-durability-"))
    env = {k: v for k, v in os.environ.items() if k not in ENVIRONMENT_TO_DROP}
    env.update(MUNICIPIUM_VAR_DIR=str(directory), MUNICIPIUM_ENV="dev", PYTHONUNBUFFERED="1")
    database_url = os.environ.get("DATABASE_URL", "")
    postgres = database_url.startswith(("postgres://", "postgresql://"))
    if postgres:
        server = database_url.rsplit("/", 1)[0]
        env["DATABASE_URL"] = f"{server}/municipium_durability_{os.getpid()}"
        _database_create(env["DATABASE_URL"])
    municipium = municipium_command()
    collect = _run([*municipium, "collectstatic", "--noinput", "--verbosity", "0"], env)
    _finish(_run([*municipium, "migrate", "--noinput"], env), "migrate")
    _finish(_run([*municipium, "shell", "--no-imports", "-c", SETUP], env), "setup")
    _finish(collect, "collectstatic")
    try:
        yield directory, env
    finally:
        if postgres:
            import psycopg

            server, name = env["DATABASE_URL"].rsplit("/", 1)
            with psycopg.connect(f"{server}/postgres", autocommit=True) as connection:
                connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        shutil.rmtree(directory, ignore_errors=True)


def _free_port() -> int:
    import socket

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class Served:
    """``municipium serve`` (gunicorn, two sync workers, the task worker) in its own process
    group, with a keep-alive-free HTTP client that keeps the session's cookies."""

    def __init__(self, directory: Path, env: dict):
        self.port = _free_port()
        command = [*municipium_command(), "serve", "--bind", f"127.0.0.1:{self.port}"]
        self.managed = Managed(
            name="serve",
            command=[*command, "--workers", "2"],
            log=directory / f"serve-{self.port}.log",
            restart_seconds=0,
        )
        self.managed.start(env)
        self.cookies: dict[str, str] = {}
        deadline = time.monotonic() + 90
        while time.monotonic() < deadline:
            if self.managed.process.poll() is not None:
                pytest.fail(f"the server exited:\n{self.managed.log.read_text()}")
            try:
                if self.request("GET", "/healthz")[0] == 200:
                    return
            except OSError:
                time.sleep(0.2)
        pytest.fail(f"the server did not start:\n{self.managed.log.read_text()}")

    def request(self, method: str, path: str, body: bytes = b"", headers=None):
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=30)
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

    def kill(self) -> None:
        """SIGKILL to the whole process group: gunicorn's arbiter, its workers and the task
        worker die at once, nothing runs its shutdown."""
        os.killpg(self.managed.process.pid, signal.SIGKILL)
        self.managed.process.wait(timeout=10)
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            try:
                os.killpg(self.managed.process.pid, 0)
            except ProcessLookupError:
                return
            time.sleep(0.05)
        pytest.fail("a process of the server outlived SIGKILL")


def _multipart(fields: dict[str, str], files: list[tuple[str, str, bytes]]):
    boundary = "----municipium-durability"
    parts = []
    for name, value in fields.items():
        head = f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n'
        parts.append(head.encode() + value.encode() + b"\r\n")
    for name, filename, data in files:
        head = (
            f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"; '
            f'filename="{filename}"\r\nContent-Type: image/jpeg\r\n\r\n'
        )
        parts.append(head.encode() + data + b"\r\n")
    parts.append(f"--{boundary}--\r\n".encode())
    return b"".join(parts), f"multipart/form-data; boundary={boundary}"


def _stored(env: dict, reference: str) -> dict:
    """What a fresh process finds in the database and on the private storage for the case."""
    import json

    code = CHECK.replace("REFERENCE", repr(reference))
    command = [*municipium_command(), "shell", "--no-imports", "-c", code]
    output = _finish(_run(command, env), "reading the case")
    return json.loads(output.strip().splitlines()[-1])


def _second_photo() -> bytes:
    image = Image.new("RGB", (80, 60), (20, 160, 40))
    exif = Image.Exif()
    exif[0x010F] = "PhoneMaker"
    exif[0x0132] = "2026:11:30 09:15:00"
    output = io.BytesIO()
    image.save(output, format="JPEG", exif=exif)
    return output.getvalue()


def test_a_request_the_form_acknowledged_survives_sigkill_with_its_photos(installation):
    directory, env = installation
    server = Served(directory, env)
    try:
        status, _, page = server.request("GET", FORM + "?category=street-light")
        assert status == 200, page[:500]
        token = re.search(rb'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1).decode()
        fields = {
            "csrfmiddlewaretoken": token,
            "category": "street-light",
            "description": "Lamba yanmıyor, SIGKILL testi.",
            "answer_pole": "B-1043",
            "answer_kind": "off",
            "address": "Kazım Dirik Mah. 372. Sk. No 12",
            "latitude": "",
            "longitude": "",
            "name": "Ayşe Yılmaz",
            "email": "",
            "phone": "",
            "website": "",
        }
        photos = [
            ("photos", "IMG_0001.jpg", jpeg_with_gps()),
            ("photos", "IMG_0002.jpg", _second_photo()),
        ]
        body, content_type = _multipart(fields, photos)
        headers = {"Content-Type": content_type, "Referer": f"http://{HOST}:{server.port}{FORM}"}
        status, answer, page = server.request("POST", FORM, body, headers)
        server.kill()  # at once: the acknowledgement has arrived
    finally:
        server.managed.stop(timeout=5)
    assert status == 302, page[:2000]
    location = urllib.parse.urlsplit(answer["Location"]).path
    reference = re.search(r"/track/([^/]+)/[^/]+/", location).group(1)

    stored = _stored(env, reference)
    assert stored["channel"] == "web"
    assert stored["description"] == "Lamba yanmıyor, SIGKILL testi."
    assert (stored["category"], stored["pole"]) == ("street-light", "B-1043")
    assert len(stored["files"]) == 2
    private = directory / "private"
    for found in stored["files"]:
        path = Path(found["path"])
        assert path.is_relative_to(private) and path.stat().st_size == found["size"] > 0
        assert found["exif"] == 0  # the GPS position, the camera and the time are gone


def test_a_request_open311_acknowledged_survives_sigkill(installation):
    directory, env = installation
    server = Served(directory, env)
    try:
        form = {
            "api_key": API_KEY,
            "service_code": "street-light",
            "lat": "38.46",
            "long": "27.22",
            "description": "Direk eğilmiş, SIGKILL testi.",
            "attribute[pole]": "B-2001",
            "media_url": "https://example.org/photo.jpg",
        }
        body = urllib.parse.urlencode(form).encode()
        headers = {"Content-Type": "application/x-www-form-urlencoded"}
        status, _, answer = server.request("POST", "/open311/v2/requests.json", body, headers)
        server.kill()
    finally:
        server.managed.stop(timeout=5)
    assert status == 200, answer[:2000]
    import json

    reference = json.loads(answer)[0]["service_request_id"]
    stored = _stored(env, reference)
    assert stored["channel"] == "api"
    assert stored["description"] == "Direk eğilmiş, SIGKILL testi."
    assert (stored["category"], stored["pole"]) == ("street-light", "B-2001")
