"""The client as the proxy in front saw it, believed only from that proxy.

Behind nginx every request comes from nginx's address; nginx says who the client was in
``X-Forwarded-For`` (the addresses the request passed through, the client's first) and which
scheme it used in ``X-Forwarded-Proto``. A client can send those headers too. So:

* from a peer in ``TRUSTED_PROXIES`` (nginx, a load balancer), ``REMOTE_ADDR`` becomes the
  last address of ``X-Forwarded-For`` that is not itself a trusted proxy (the one the first
  proxy saw: what a client put before it is ignored), and ``X-Forwarded-Proto`` is kept for
  ``SECURE_PROXY_SSL_HEADER``;
* from any other peer, ``X-Forwarded-For``, ``X-Forwarded-Proto``, ``X-Forwarded-Host`` and
  ``X-Real-IP`` are removed before anything reads them.

Everything that counts clients (sign-in lockouts, ``core.ratelimit``) reads ``REMOTE_ADDR``.
"""

import ipaddress

from django.conf import settings

FORWARDING_HEADERS = (
    "HTTP_X_FORWARDED_FOR",
    "HTTP_X_FORWARDED_PROTO",
    "HTTP_X_FORWARDED_HOST",
    "HTTP_X_REAL_IP",
)


def _address(text: str):
    try:
        return ipaddress.ip_address(text.strip())
    except ValueError:
        return None


def _networks(entries) -> list:
    return [ipaddress.ip_network(entry, strict=False) for entry in entries]


def _trusted(address, networks) -> bool:
    return address is not None and any(address in network for network in networks)


def client_address(meta: dict, networks) -> str | None:
    """The client's address from a trusted proxy's request ``meta``: the last address of
    ``X-Forwarded-For`` that is not a trusted proxy, or None when the header names none."""
    forwarded = [_address(part) for part in meta.get("HTTP_X_FORWARDED_FOR", "").split(",")]
    for address in reversed(forwarded):
        if address is None:
            return None  # garbage where an address should be: believe nothing before it
        if not _trusted(address, networks):
            return str(address)
    return None


class TrustedProxyMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response
        self.networks = _networks(settings.TRUSTED_PROXIES)

    def __call__(self, request):
        meta = request.META
        if _trusted(_address(meta.get("REMOTE_ADDR", "")), self.networks):
            if client := client_address(meta, self.networks):
                meta["REMOTE_ADDR"] = client
        else:
            for name in FORWARDING_HEADERS:
                meta.pop(name, None)
        return self.get_response(request)
