"""Production settings, proven: ``manage.py check --deploy`` passes with them, and the answers
of the real middleware stack under them carry HSTS, secure cookies and the CSP.

The settings are read in a fresh interpreter with ``MUNICIPIUM_ENV=production`` (as a server
reads them); the security settings it reports are then applied to this process's requests."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.contrib.auth import get_user_model

REPO_DIR = Path(__file__).resolve().parents[3]
SECURITY_SETTINGS = (
    "DEBUG",
    "SECURE_SSL_REDIRECT",
    "SECURE_PROXY_SSL_HEADER",
    "SECURE_HSTS_SECONDS",
    "SECURE_HSTS_INCLUDE_SUBDOMAINS",
    "SECURE_HSTS_PRELOAD",
    "SECURE_CONTENT_TYPE_NOSNIFF",
    "SECURE_REFERRER_POLICY",
    "SESSION_COOKIE_SECURE",
    "SESSION_COOKIE_HTTPONLY",
    "CSRF_COOKIE_SECURE",
    "CSRF_COOKIE_HTTPONLY",
    "X_FRAME_OPTIONS",
    "WAGTAILDOCS_SERVE_METHOD",
)


def production_environment(tmp_path, **extra) -> dict[str, str]:
    environment = {
        key: value
        for key, value in os.environ.items()
        if key not in {"DATABASE_URL", "CACHE_URL", "DEBUG", "STATIC_ROOT", "MEDIA_ROOT"}
    }
    environment.update(
        MUNICIPIUM_ENV="production",
        SECRET_KEY="production-test-" + "k7#Qz" * 12,
        ALLOWED_HOSTS="bornova.localhost,.example.org",
        MUNICIPIUM_VAR_DIR=str(tmp_path),
        STATIC_ROOT=str(tmp_path / "static"),
        DATABASE_URL=f"sqlite:///{tmp_path / 'db.sqlite3'}",
        DJANGO_SETTINGS_MODULE="municipium.settings",
        PYTHONPATH=str(REPO_DIR),
        **extra,
    )
    return environment


def run(command, environment) -> subprocess.CompletedProcess:
    return subprocess.run(
        command, env=environment, cwd=REPO_DIR, capture_output=True, text=True, timeout=300
    )


@pytest.fixture(scope="module")
def production_settings(tmp_path_factory) -> dict:
    tmp_path = tmp_path_factory.mktemp("production")
    show = (
        "import json, django; django.setup(); from django.conf import settings; "
        f"names = {SECURITY_SETTINGS!r}; "
        "print(json.dumps({name: getattr(settings, name, None) for name in names}))"
    )
    result = run([sys.executable, "-c", show], production_environment(tmp_path))
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_check_deploy_passes_with_production_settings(tmp_path):
    command = [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"]
    result = run(command, production_environment(tmp_path))
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_production_refuses_a_document_delivery_it_does_not_know(tmp_path):
    environment = production_environment(tmp_path, MUNICIPIUM_DOCUMENTS_DELIVERY="public")
    result = run([sys.executable, "manage.py", "check"], environment)
    assert result.returncode != 0
    assert "MUNICIPIUM_DOCUMENTS_DELIVERY" in result.stderr


@pytest.fixture
def production(settings, production_settings):
    for name, value in production_settings.items():
        setattr(settings, name, tuple(value) if isinstance(value, list) else value)
    return production_settings


@pytest.mark.django_db
def test_production_answers_over_https_with_hsts_and_the_csp(
    client, municipality_factory, production
):
    assert production["DEBUG"] is False and production["SECURE_HSTS_SECONDS"] >= 31536000
    municipality_factory(slug="bornova")
    response = client.get("/tr/", HTTP_HOST="bornova.localhost", HTTP_X_FORWARDED_PROTO="https")
    assert response.status_code == 200
    assert response["Strict-Transport-Security"] == (
        f"max-age={production['SECURE_HSTS_SECONDS']}; includeSubDomains; preload"
    )
    assert "script-src 'self'" in response["Content-Security-Policy"]
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["X-Frame-Options"] == "DENY"


@pytest.mark.django_db
def test_production_sends_plain_http_to_https(client, municipality_factory, production):
    municipality_factory(slug="bornova")
    response = client.get("/tr/", HTTP_HOST="bornova.localhost")
    assert response.status_code == 301
    assert response["Location"] == "https://bornova.localhost/tr/"


@pytest.mark.django_db
def test_production_cookies_are_secure_and_the_admin_has_its_policy(
    client, municipality_factory, production
):
    municipality_factory(slug="bornova")
    get_user_model().objects.create_superuser("admin", "admin@example.org", "pw-9x!Qa")
    https = {"HTTP_HOST": "bornova.localhost", "HTTP_X_FORWARDED_PROTO": "https"}
    login = client.get("/admin/login/", **https)
    assert "frame-ancestors 'self'" in login["Content-Security-Policy"]
    assert "Strict-Transport-Security" in login
    csrf = login.cookies["csrftoken"]
    assert csrf["secure"] and csrf["httponly"]
    signed_in = client.post(
        "/admin/login/",
        {"username": "admin", "password": "pw-9x!Qa", "csrfmiddlewaretoken": csrf.value},
        **https,
    )
    assert signed_in.status_code == 302
    session = signed_in.cookies["sessionid"]
    assert session["secure"] and session["httponly"]
