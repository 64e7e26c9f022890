"""The shared cache on Redis, failing open (``CACHE_URL=redis://…``, settings).

Django's ``RedisCache`` raises ``redis.ConnectionError`` when Redis is down or restarting, and
every page would then be an error page: the cache is what makes pages cheap, never what makes
them correct (the page cache's entries carry the site's generation, which lives in the
database). ``FailOpenRedisCache`` logs the failure and answers as an empty cache that stores
nothing: a read misses, a write is dropped, and the page is rendered from the database.

* After a failure, Redis is left alone for ``RETRY_SECONDS`` (each process on its own): a Redis
  that hangs instead of refusing costs one timeout a second per process, not one per request.
* A delete that fails is kept and sent again once Redis answers (``_pending_deletes``): a purge
  made while this server could not reach a Redis that others still reach (the tenant snapshot
  of a site whose generation was bumped) is not lost. The generation in the database already
  makes the old pages unreachable to any server that reads the new snapshot; the snapshot
  itself also expires (``tenancy.selectors.TENANT_CACHE_SECONDS``).
* ``incr`` and ``decr`` still raise: a count cannot be made up (``core.ratelimit`` lets the
  request through when they do).
* ``check()`` raises when Redis does not answer: ``municipium`` runs it at start-up, so that a
  wrong ``CACHE_URL`` says so in one line instead of serving every page uncached.
"""

import logging
import time

from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.redis import RedisCache
from redis.exceptions import RedisError

logger = logging.getLogger(__name__)

RETRY_SECONDS = 1.0
# Seconds to connect and to wait for an answer: Redis answers in well under a millisecond on
# a local network; a page rendered uncached costs tens of milliseconds, a wait far more.
DEFAULT_TIMEOUTS = {"socket_connect_timeout": 0.25, "socket_timeout": 0.5}
PENDING_DELETES_MAX = 10_000


class FailOpenRedisCache(RedisCache):
    def __init__(self, server, params):
        options = params.setdefault("OPTIONS", {})
        for name, seconds in DEFAULT_TIMEOUTS.items():
            options.setdefault(name, seconds)
        super().__init__(server, params)
        self._down_until = 0.0
        self._pending_deletes: set[str] = set()

    # The calls, each with what an empty cache that stores nothing would answer.

    def _call(self, operation: str, fallback, method, *args, **kwargs):
        if time.monotonic() < self._down_until:
            return fallback
        try:
            if self._pending_deletes:
                self._flush_pending_deletes()
            return method(*args, **kwargs)
        except RedisError as error:
            self._down_until = time.monotonic() + RETRY_SECONDS
            logger.warning("cache unavailable (%s, answered as a miss): %s", operation, error)
            return fallback

    def _flush_pending_deletes(self) -> None:
        keys = list(self._pending_deletes)
        self._cache.delete_many(keys)  # raises while Redis is still unreachable: kept for later
        self._pending_deletes.difference_update(keys)

    def _remember_deletes(self, keys: list[str]) -> None:
        """Keep made keys (prefix and version applied) to delete once Redis answers."""
        if len(self._pending_deletes) < PENDING_DELETES_MAX:
            self._pending_deletes.update(keys)

    def get(self, key, default=None, version=None):
        return self._call("get", default, super().get, key, default, version)

    def get_many(self, keys, version=None):
        return self._call("get_many", {}, super().get_many, keys, version)

    def has_key(self, key, version=None):
        return self._call("has_key", False, super().has_key, key, version)

    def set(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        self._call("set", None, super().set, key, value, timeout, version)

    def set_many(self, data, timeout=DEFAULT_TIMEOUT, version=None):
        return self._call("set_many", list(data), super().set_many, data, timeout, version)

    def add(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        return self._call("add", False, super().add, key, value, timeout, version)

    def touch(self, key, timeout=DEFAULT_TIMEOUT, version=None):
        return self._call("touch", False, super().touch, key, timeout, version)

    def delete(self, key, version=None):
        deleted = self._call("delete", None, super().delete, key, version)
        if deleted is None:
            self._remember_deletes([self.make_and_validate_key(key, version=version)])
            return False
        return deleted

    def delete_many(self, keys, version=None):
        keys = list(keys)
        if self._call("delete_many", False, self._delete_many_checked, keys, version) is False:
            self._remember_deletes([self.make_and_validate_key(k, version=version) for k in keys])

    def _delete_many_checked(self, keys, version):
        super().delete_many(keys, version)
        return True

    def clear(self):
        return self._call("clear", False, super().clear)

    def check(self) -> None:
        """Raise ``RedisError`` unless Redis answers a PING now."""
        self._cache.get_client(write=True).ping()
