"""The ``municipium`` command and the production settings, run as a new user would."""

import os
import subprocess
import sys

import pytest


def run(*args, **env):
    environment = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("DJANGO_", "MUNICIPIUM_", "DATABASE_URL", "SECRET_KEY"))
    }
    environment.update(env)
    return subprocess.run(
        [sys.executable, "-m", "municipium.cli", *args],
        capture_output=True,
        text=True,
        env=environment,
        timeout=120,
    )


def test_serve_with_a_broken_database_url_says_what_is_wrong_in_one_line(tmp_path):
    result = run(
        "serve",
        MUNICIPIUM_VAR_DIR=str(tmp_path),
        DATABASE_URL="postgres://nobody@127.0.0.1:1/nothing",
    )
    assert result.returncode == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1
    assert lines[0].startswith("municipium: cannot start:")
    assert "127.0.0.1" in lines[0]


def test_serve_with_an_unknown_database_scheme_says_so(tmp_path):
    result = run("serve", MUNICIPIUM_VAR_DIR=str(tmp_path), DATABASE_URL="mongo://x/y")
    assert result.returncode == 2
    assert len(result.stderr.strip().splitlines()) == 1


def test_serve_with_an_unreachable_redis_says_so_in_one_line(tmp_path):
    # Nothing listens on port 1: a Redis not started, or a wrong port in CACHE_URL.
    result = run("serve", MUNICIPIUM_VAR_DIR=str(tmp_path), CACHE_URL="redis://127.0.0.1:1/0")
    assert result.returncode == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1
    assert lines[0].startswith("municipium: cannot start: the cache at redis://127.0.0.1:1/0")


def test_serve_with_a_broken_cache_url_says_so_in_one_line(tmp_path):
    result = run("serve", MUNICIPIUM_VAR_DIR=str(tmp_path), CACHE_URL="rediss//nohost")
    assert result.returncode == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1
    assert "cache" in lines[0].lower()


def test_production_refuses_to_start_without_a_secret_key(tmp_path):
    result = run(
        "check", MUNICIPIUM_ENV="production", ALLOWED_HOSTS="bornova.example.org",
        MUNICIPIUM_VAR_DIR=str(tmp_path),
    )  # fmt: skip
    assert result.returncode == 2
    assert "SECRET_KEY is not set" in result.stderr


def test_production_refuses_debug(tmp_path):
    result = run(
        "check", MUNICIPIUM_ENV="production", DEBUG="true", SECRET_KEY="k" * 60,
        ALLOWED_HOSTS="bornova.example.org", MUNICIPIUM_VAR_DIR=str(tmp_path),
    )  # fmt: skip
    assert result.returncode == 2
    assert "DEBUG must be off" in result.stderr


@pytest.mark.parametrize("secret", ["x7Gq" * 16])
def test_production_settings_pass_the_deploy_check_without_warnings(tmp_path, secret):
    result = run(
        "check", "--deploy", "--fail-level", "WARNING",
        MUNICIPIUM_ENV="production", SECRET_KEY=secret + "-Zr!9_pL$2",
        ALLOWED_HOSTS="bornova.example.org", MUNICIPIUM_VAR_DIR=str(tmp_path),
        DATABASE_URL=f"sqlite:///{tmp_path}/db.sqlite3",
    )  # fmt: skip
    assert result.returncode == 0, result.stderr + result.stdout


def test_the_dev_mode_needs_no_configuration_and_keeps_its_secret_key(tmp_path):
    first = run("check", MUNICIPIUM_VAR_DIR=str(tmp_path))
    assert first.returncode == 0, first.stderr
    key = (tmp_path / "secret_key").read_text()
    assert len(key) > 40
    run("check", MUNICIPIUM_VAR_DIR=str(tmp_path))
    assert (tmp_path / "secret_key").read_text() == key


def test_opensearch_is_chosen_by_a_setting_alone(tmp_path):
    code = (
        "from django.conf import settings; "
        "print(settings.WAGTAILSEARCH_BACKENDS['default']['BACKEND'], "
        "settings.WAGTAILSEARCH_BACKENDS['default'].get('URLS'), "
        "settings.MUNICIPIUM_SEARCH_BACKEND)"
    )
    default = run("shell", "-c", code, MUNICIPIUM_VAR_DIR=str(tmp_path))
    assert "wagtail.search.backends.database None" in default.stdout, default.stderr
    assert default.stdout.strip().endswith("DatabaseSearchBackend")
    chosen = run(
        "shell", "-c", code, MUNICIPIUM_VAR_DIR=str(tmp_path),
        OPENSEARCH_URL="http://search.internal:9200",
    )  # fmt: skip
    assert "opensearch3 ['http://search.internal:9200']" in chosen.stdout, chosen.stderr
    assert chosen.stdout.strip().endswith("WagtailSearchBackend")
