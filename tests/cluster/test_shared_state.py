"""What several app servers must share, shown through nginx and through each server: the page
cache and its purge, sessions, periodic tasks, media and documents."""

import json
import re
import subprocess
import time

import pytest

from .client import get, post, sign_in

pytestmark = pytest.mark.cluster


def query(cluster, code: str):
    """Run ``code`` (which prints one JSON value) in ``municipium shell`` on the cluster's
    database, as an operator would."""
    output = cluster.manage("shell", "-c", "import json\n" + code)
    return json.loads(output.strip().splitlines()[-1])


LEAF_PAGES = """
from wagtail.models import Site
site = Site.objects.get(hostname="bornova.localhost")
pages = site.root_page.get_descendants().live().public().filter(numchild=0).order_by("-path")
print(json.dumps([[p.pk, p.specific.relative_url(site)] for p in pages[:{count}]]))
"""


def leaf_pages(cluster, count: int) -> list[tuple[int, str]]:
    return query(cluster, LEAF_PAGES.replace("{count}", str(count)))


def test_a_page_unpublished_through_one_server_is_gone_from_the_others(cluster):
    page_id, path = leaf_pages(cluster, 1)[0]
    server_a, server_b = cluster.server_url(0), cluster.server_url(1)
    # Server B, and nginx, have the page in the page cache (the key holds the host with its
    # port: nginx's address is another key than server B's).
    assert get(server_b, path).status_code == 200
    assert get(server_b, path).headers["X-Page-Cache"] == "hit"
    assert get(cluster.url, path).status_code == 200
    assert get(cluster.url, path).headers["X-Page-Cache"] == "hit"

    editor = sign_in(server_a, "editor-bornova")
    answer = post(server_a, f"/admin/pages/{page_id}/unpublish/", session=editor, data={})
    assert answer.status_code == 302, answer.text[:300]

    assert get(server_b, path).status_code == 404
    assert get(cluster.url, path).status_code == 404
    assert get(server_a, path).status_code == 404


def test_a_session_made_on_one_server_is_valid_on_the_other(cluster):
    editor = sign_in(cluster.server_url(0), "director-bornova")
    dashboard = get(cluster.server_url(1), "/admin/", session=editor)
    assert dashboard.status_code == 200
    assert 'name="csrfmiddlewaretoken"' in dashboard.text or "wagtail" in dashboard.text.lower()
    signed_out = get(cluster.server_url(1), "/admin/")
    assert signed_out.status_code == 302  # to the sign-in: the cookie is what made the difference


PERIODIC_COUNTS = """
import datetime
from django_tasks_db.models import DBTaskResult
from municipium.core import periodic
since = datetime.datetime.fromisoformat("{since}")
print(json.dumps({t.module_path: DBTaskResult.objects.filter(
    task_path=t.module_path, enqueued_at__gte=since).count() for t in periodic.PERIODIC_TASKS}))
"""


PERIODIC_AGED = """
import datetime
from django.utils import timezone
from django_tasks_db.models import DBTaskResult
from municipium.core import periodic
paths = [t.module_path for t in periodic.PERIODIC_TASKS]
an_hour_ago = timezone.now() - datetime.timedelta(hours=1)
print(json.dumps(DBTaskResult.objects.filter(task_path__in=paths).update(enqueued_at=an_hour_ago)))
"""


def test_a_periodic_task_runs_once_per_tick_however_many_workers(cluster):
    import datetime

    # Three workers tick at the same moment (as one beside each app server would), while the
    # cluster's own is stopped so that it cannot tick in between.
    cluster.worker.stop()
    try:
        # The ticks before are an hour old: what is counted is this tick's alone.
        query(cluster, PERIODIC_AGED)
        started = datetime.datetime.now(datetime.UTC)
        workers = [
            subprocess.Popen(
                [*cluster_command(cluster), "worker", "--once", "--tick", "60"],
                env=cluster.env,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
            )
            for _ in range(3)
        ]
        for worker in workers:
            assert worker.wait(timeout=180) == 0
    finally:
        cluster.worker.start(cluster.env)
    counts = query(cluster, PERIODIC_COUNTS.replace("{since}", started.isoformat()))
    assert counts and set(counts.values()) == {1}, counts


def cluster_command(cluster):
    from municipium.cluster import municipium_command

    return municipium_command()


def test_an_image_uploaded_through_one_server_is_served_by_nginx(cluster, tmp_path):
    from PIL import Image

    picture = tmp_path / "square.png"
    Image.new("RGB", (320, 240), (200, 40, 40)).save(picture)
    server_a = cluster.server_url(0)
    editor = sign_in(server_a, "editor-bornova")
    get(server_a, "/admin/images/multiple/add/", session=editor)
    with picture.open("rb") as file:
        answer = post(
            server_a,
            "/admin/images/multiple/add/",
            session=editor,
            data={},
            files={"files[]": ("square.png", file, "image/png")},
        )
    assert answer.status_code == 200, answer.text[:300]
    image_id = answer.json()["image_id"]
    # A page shows it: the rendition is written to the shared media by another process.
    addresses = [
        query(
            cluster,
            "from wagtail.images import get_image_model\n"
            f"image = get_image_model().objects.get(pk={image_id})\n"
            "print(json.dumps(image.get_rendition('width-100').url))",
        )
    ]
    started = time.time()
    through_nginx = get(cluster.url, addresses[0])
    assert through_nginx.status_code == 200
    assert through_nginx.headers["Content-Type"] == "image/png"
    assert through_nginx.content[:8] == b"\x89PNG\r\n\x1a\n"
    # nginx sent it itself: neither app server saw the request.
    time.sleep(0.5)
    for server in cluster.web:
        assert addresses[0] not in server.log.read_text(), started
    # Originals and documents are never served from the storage's address.
    original = query(
        cluster,
        "from wagtail.images import get_image_model\n"
        "print(json.dumps(get_image_model().objects.latest('pk').file.url))",
    )
    assert get(cluster.url, original).status_code == 404


DOCUMENT = """
from wagtail.documents import get_document_model
from wagtail.models import Site
site = Site.objects.get(hostname="bornova.localhost")
document = next(d for d in get_document_model().objects.order_by("pk")
    if d.collection.get_view_restrictions().count() == 0 and d.file.storage.exists(d.file.name))
print(json.dumps([document.url, document.file.name, document.file.read().hex()]))
"""


def test_a_document_is_checked_by_the_app_and_sent_by_nginx(cluster):
    address, name, content = query(cluster, DOCUMENT)
    answer = get(cluster.url, address)
    assert answer.status_code == 200, address
    assert answer.content == bytes.fromhex(content)
    assert "X-Accel-Redirect" not in answer.headers
    # The internal location answers an X-Accel-Redirect only, never a browser.
    assert get(cluster.url, f"/protected-media/{name}").status_code == 404
    assert get(cluster.url, f"/media/{name}").status_code == 404


def test_nginx_serves_static_files_itself(cluster):
    static = re.search(r'href="(/static/[^"]+\.css)"', get(cluster.url, "/tr/").text)
    assert static is not None
    css = get(cluster.url, static.group(1))
    assert css.status_code == 200
    assert "text/css" in css.headers["Content-Type"]
    for server in cluster.web:
        assert static.group(1) not in server.log.read_text()


def test_the_app_counts_the_client_nginx_saw_not_a_forged_header(cluster):
    # The visitor connects from 127.0.0.2 (nginx itself is 127.0.0.1, the trusted proxy) and
    # claims to be 203.0.113.66: the failed sign-in is counted against 127.0.0.2.
    import http.client
    from urllib.parse import urlencode

    host = f"bornova.localhost:{cluster.nginx_port}"

    def connection():
        return http.client.HTTPConnection(
            "127.0.0.1", cluster.nginx_port, timeout=30, source_address=("127.0.0.2", 0)
        )

    visitor = connection()
    visitor.request("GET", "/admin/login/", headers={"Host": host})
    form = visitor.getresponse()
    form.read()
    token = re.search(r"csrftoken=([^;]+)", form.getheader("Set-Cookie")).group(1)
    body = urlencode(
        {"csrfmiddlewaretoken": token, "username": "forged-header-visitor", "password": "x"}
    )
    visitor = connection()
    visitor.request(
        "POST",
        "/admin/login/",
        body=body,
        headers={
            "Host": host,
            "Cookie": f"csrftoken={token}",
            "Content-Type": "application/x-www-form-urlencoded",
            "X-Forwarded-For": "203.0.113.66",
        },
    )
    answer = visitor.getresponse()
    answer.read()
    assert answer.status == 200  # the form again, with its error
    addresses = query(
        cluster,
        "from axes.models import AccessAttempt\n"
        "print(json.dumps(sorted(AccessAttempt.objects.filter("
        "username='forged-header-visitor').values_list('ip_address', flat=True))))",
    )
    assert addresses == ["127.0.0.2"]
