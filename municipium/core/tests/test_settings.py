"""Settings outside the tests' own: read in a fresh interpreter, as a server reads them."""

import json
import os
import subprocess
import sys

SHOW = (
    "import json; from django.conf import settings; "
    "print(json.dumps({'caches': {k: v['BACKEND'] for k, v in settings.CACHES.items()}, "
    "'conn_max_age': settings.DATABASES['default']['CONN_MAX_AGE']}))"
)


def settings_of(tmp_path, **env) -> dict:
    environment = {
        **os.environ, "MUNICIPIUM_ENV": "dev", "MUNICIPIUM_VAR_DIR": str(tmp_path),
        "DJANGO_SETTINGS_MODULE": "municipium.settings", **env,
    }  # fmt: skip
    environment.pop("DATABASE_URL", None)
    if "CACHE_URL" not in env:
        environment.pop("CACHE_URL", None)
    command = [sys.executable, "-c", f"import django; django.setup(); {SHOW}"]
    result = subprocess.run(command, env=environment, capture_output=True, text=True, check=True)
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_renditions_are_cached_in_memory_beside_a_file_cache_and_connections_are_kept(tmp_path):
    shown = settings_of(tmp_path)
    assert shown["caches"]["default"].endswith("FileBasedCache")
    # Wagtail writes each rendition it serves to this cache: not a file per image per page.
    assert shown["caches"]["renditions"].endswith("LocMemCache")
    assert shown["conn_max_age"] == 60  # SQLite too: no connection and PRAGMAs per request


def test_redis_is_the_cache_that_fails_open_and_renditions_share_it(tmp_path):
    shown = settings_of(tmp_path, CACHE_URL="redis://127.0.0.1:6379/0")
    assert shown["caches"] == {"default": "municipium.core.cache_backends.FailOpenRedisCache"}
