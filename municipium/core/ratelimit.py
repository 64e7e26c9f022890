"""Rate limits for what anyone may send (the requests form, the Open311 API), kept in the
shared cache: a fixed window per scope and key.

``limit_hit(scope="desk-form", key=client_address(request), limit=5, seconds=3600)`` counts
one more hit and says whether it is still within the limit. On Redis (``CACHE_URL=redis://``,
several app servers) ``incr`` is atomic and the count exact; on the embedded file cache two
processes may read the same count at once, so a burst may pass a few over the limit — a limit
against abuse, not a quota. A cache that is down lets requests through (a resident is never
refused because the cache failed).

Written here rather than taken from django-ratelimit: that library's decorator is keyed on a
view and a rate string; what the desk and the API need is a count shared between a form and an
API for the same address, answered with their own messages, which is this function.
"""

import hashlib
import logging
import time

from django.core.cache import cache

logger = logging.getLogger(__name__)


def client_address(request) -> str:
    """The client's address as the app sees it (behind nginx, the real client's: the proxy
    sets ``REMOTE_ADDR`` through the trusted-proxy setup, never a header the client sends)."""
    return request.META.get("REMOTE_ADDR", "") or "unknown"


def _key(scope: str, key: str, seconds: int) -> str:
    window = int(time.time()) // seconds
    digest = hashlib.blake2b(key.encode(), digest_size=12).hexdigest()
    return f"ratelimit:{scope}:{digest}:{window}"


def limit_hit(*, scope: str, key: str, limit: int, seconds: int) -> bool:
    """Count a hit of ``key`` in ``scope``; True while at most ``limit`` hits were counted in
    the current window of ``seconds``."""
    cache_key = _key(scope, key, seconds)
    try:
        cache.add(cache_key, 0, timeout=seconds + 1)
        count = cache.incr(cache_key)
    except ValueError:  # expired between add and incr
        cache.set(cache_key, 1, timeout=seconds + 1)
        count = 1
    except Exception:  # a cache that fails never refuses a resident
        logger.warning("rate limit cache unavailable for %s", scope, exc_info=True)
        return True
    return count <= limit


def limit_reset(*, scope: str, key: str, seconds: int) -> None:
    """Forget the current window's hits of ``key`` (tests, an operator unblocking a client)."""
    cache.delete(_key(scope, key, seconds))
