"""HEAD through the WSGI application itself: Django's test client strips HEAD bodies on its own
and would hide what gunicorn gets."""

import contextlib
import io
import sys

import pytest
from django.core.handlers.wsgi import WSGIHandler
from django.core.signals import request_finished, request_started
from django.db import close_old_connections

pytestmark = pytest.mark.django_db


def wsgi(method: str, path: str, host: str, **headers) -> tuple[str, dict, bytes]:
    environ = {
        "REQUEST_METHOD": method, "PATH_INFO": path, "QUERY_STRING": "", "SERVER_NAME": host,
        "SERVER_PORT": "80", "HTTP_HOST": host, "wsgi.url_scheme": "http",
        "wsgi.input": io.BytesIO(), "wsgi.errors": sys.stderr,
        **headers,
    }  # fmt: skip
    answer = {}

    def start_response(status, response_headers, exc_info=None):
        answer["status"], answer["headers"] = status, dict(response_headers)

    with connection_kept_open():
        result = WSGIHandler()(environ, start_response)
        try:
            body = b"".join(result)
        finally:
            result.close()
    return answer["status"], answer["headers"], body


@contextlib.contextmanager
def connection_kept_open():
    """As Django's test client does: a request must not close the connection that holds the
    test's transaction (PostgreSQL would answer the next query with 'connection is closed')."""
    for signal in (request_started, request_finished):
        signal.disconnect(close_old_connections)
    try:
        yield
    finally:
        for signal in (request_started, request_finished):
            signal.connect(close_old_connections)


@pytest.mark.parametrize("cached", [False, True], ids=["rendered", "from the cache"])
def test_head_gets_the_headers_of_get_without_a_body(municipality_factory, cached):
    municipality_factory(slug="bornova")
    fresh = {} if cached else {"HTTP_CACHE_CONTROL": "no-cache"}
    _status, get_headers, page = wsgi("GET", "/tr/", "bornova.localhost")
    status, headers, body = wsgi("HEAD", "/tr/", "bornova.localhost", **fresh)
    assert status.startswith("200")
    assert body == b""
    assert headers["Content-Length"] == str(len(page))
    assert headers["Content-Type"] == get_headers["Content-Type"]
