"""The client's address and scheme from the proxy in front, believed only from that proxy."""

import pytest
from django.http import HttpResponse
from django.test import RequestFactory

from municipium.core.proxy import TrustedProxyMiddleware

seen = {}


def remember(request):
    seen["address"] = request.META["REMOTE_ADDR"]
    seen["secure"] = request.is_secure()
    seen["headers"] = {k for k in request.META if k.startswith("HTTP_X_")}
    return HttpResponse()


@pytest.fixture
def through_middleware(settings):
    settings.TRUSTED_PROXIES = ["127.0.0.1", "10.0.0.0/8"]
    middleware = TrustedProxyMiddleware(remember)

    def call(peer, **headers):
        seen.clear()
        middleware(RequestFactory().get("/", REMOTE_ADDR=peer, **headers))
        return seen

    return call


def test_behind_the_proxy_the_client_is_the_address_the_proxy_saw(through_middleware):
    # nginx appends the address it saw to whatever the client sent: only that one is believed.
    shown = through_middleware("127.0.0.1", HTTP_X_FORWARDED_FOR="6.6.6.6, 203.0.113.9")
    assert shown["address"] == "203.0.113.9"


def test_proxies_in_a_chain_are_skipped(through_middleware):
    shown = through_middleware("127.0.0.1", HTTP_X_FORWARDED_FOR="203.0.113.9, 10.1.2.3")
    assert shown["address"] == "203.0.113.9"


def test_garbage_in_the_forwarded_header_is_not_believed(through_middleware):
    shown = through_middleware("127.0.0.1", HTTP_X_FORWARDED_FOR="203.0.113.9, unknown")
    assert shown["address"] == "127.0.0.1"


def test_the_scheme_is_believed_from_the_proxy(through_middleware):
    assert through_middleware("127.0.0.1", HTTP_X_FORWARDED_PROTO="https")["secure"] is True


def test_a_client_that_is_not_the_proxy_cannot_pick_its_address_or_scheme(through_middleware):
    shown = through_middleware(
        "198.51.100.7",
        HTTP_X_FORWARDED_FOR="203.0.113.9",
        HTTP_X_FORWARDED_PROTO="https",
        HTTP_X_FORWARDED_HOST="evil.example",
        HTTP_X_REAL_IP="203.0.113.9",
    )
    assert shown["address"] == "198.51.100.7"
    assert shown["secure"] is False
    assert shown["headers"] == set()


def test_the_middleware_runs_first(settings):
    assert settings.MIDDLEWARE[0] == "municipium.core.proxy.TrustedProxyMiddleware"
