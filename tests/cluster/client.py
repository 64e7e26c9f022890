"""What the cluster tests do as visitors and editors: requests to a municipality's host through
nginx or straight to one app server, an editor's sign-in, and a load generator."""

import threading
import time
from collections import Counter
from dataclasses import dataclass, field

import requests

HOST = "bornova.localhost"
PASSWORD = "municipium-demo"


def get(base_url: str, path: str = "/", *, session=None, fresh=False, **kwargs):
    """GET ``path`` of Bornova's site at ``base_url`` (nginx or one server)."""
    port = base_url.rsplit(":", 1)[1]
    headers = {"Host": f"{HOST}:{port}", **kwargs.pop("headers", {})}
    if fresh:
        headers["Cache-Control"] = "no-cache"
    return (session or requests).get(
        f"{base_url}{path}", headers=headers, allow_redirects=False, timeout=30, **kwargs
    )


def post(base_url: str, path: str, *, session, data, files=None):
    port = base_url.rsplit(":", 1)[1]
    headers = {"Host": f"{HOST}:{port}", "X-CSRFToken": session.cookies.get("csrftoken", "")}
    data = {"csrfmiddlewaretoken": session.cookies.get("csrftoken", ""), **data}
    return session.post(
        f"{base_url}{path}",
        headers=headers,
        data=data,
        files=files,
        allow_redirects=False,
        timeout=60,
    )


def sign_in(base_url: str, username: str) -> requests.Session:
    """An editor signed in to Wagtail's admin through ``base_url``."""
    session = requests.Session()
    form = get(base_url, "/admin/login/", session=session)
    assert form.status_code == 200, form.status_code
    answer = post(
        base_url,
        "/admin/login/",
        session=session,
        data={"username": username, "password": PASSWORD, "next": "/admin/"},
    )
    assert answer.status_code == 302, (answer.status_code, answer.text[:500])
    assert "sessionid" in session.cookies
    return session


@dataclass
class LoadResult:
    statuses: Counter = field(default_factory=Counter)
    errors: list[str] = field(default_factory=list)
    # (seconds since the start, status, X-Page-Cache) of every answer
    answers: list[tuple[float, int, str]] = field(default_factory=list)

    @property
    def total(self) -> int:
        return sum(self.statuses.values()) + len(self.errors)

    @property
    def failures(self) -> int:
        return len(self.errors) + sum(n for status, n in self.statuses.items() if status != 200)


def load(base_url: str, paths: list[str], *, seconds: float, threads: int = 6, during=None):
    """Request ``paths`` in turn from ``threads`` threads (keep-alive, as browsers) for
    ``seconds``; ``during(elapsed)`` is called about every 0.1 s from the calling thread
    (to kill a server, stop Redis...). Every answer and every error is counted."""
    result = LoadResult()
    lock = threading.Lock()
    start = time.monotonic()
    stop = threading.Event()

    def visitor(offset: int) -> None:
        session = requests.Session()
        n = offset
        while not stop.is_set():
            path = paths[n % len(paths)]
            n += 1
            try:
                answer = get(base_url, path, session=session)
            except requests.RequestException as error:
                with lock:
                    result.errors.append(f"{path}: {error.__class__.__name__}")
                session = requests.Session()
                continue
            with lock:
                result.statuses[answer.status_code] += 1
                result.answers.append(
                    (
                        time.monotonic() - start,
                        answer.status_code,
                        answer.headers.get("X-Page-Cache", ""),
                    )
                )

    workers = [threading.Thread(target=visitor, args=(i,)) for i in range(threads)]
    for worker in workers:
        worker.start()
    try:
        while (elapsed := time.monotonic() - start) < seconds:
            if during is not None:
                during(elapsed)
            time.sleep(0.1)
    finally:
        stop.set()
        for worker in workers:
            worker.join(timeout=60)
    return result
