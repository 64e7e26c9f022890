"""Public pages carry a strict Content-Security-Policy, from the cache too; the admin keeps
Wagtail's own headers."""

import pytest
from django.test import override_settings

from municipium.core.security import content_security_policy

pytestmark = pytest.mark.django_db


def directives(response) -> dict[str, str]:
    policy = response["Content-Security-Policy"]
    return dict(part.strip().split(" ", 1) for part in policy.split(";"))


def test_a_public_page_allows_only_this_servers_scripts_and_styles(client, municipality_factory):
    municipality_factory(slug="bornova")
    response = client.get("/tr/", HTTP_HOST="bornova.localhost")
    assert response.status_code == 200
    policy = directives(response)
    assert policy["script-src"] == "'self'"
    assert policy["style-src"] == "'self'"
    assert policy["object-src"] == "'none'"
    assert "unsafe-inline" not in response["Content-Security-Policy"]
    assert "camera=()" in response["Permissions-Policy"]


def test_a_page_served_from_the_cache_carries_the_policy_too(client, municipality_factory):
    municipality_factory(slug="bornova")
    client.get("/tr/", HTTP_HOST="bornova.localhost")
    cached = client.get("/tr/", HTTP_HOST="bornova.localhost")
    assert cached["X-Page-Cache"] == "hit"
    assert directives(cached)["script-src"] == "'self'"


def test_the_admin_keeps_wagtails_own_headers(client, municipality_factory):
    municipality_factory(slug="bornova")
    response = client.get("/admin/login/", HTTP_HOST="bornova.localhost")
    assert response.status_code == 200
    assert "Content-Security-Policy" not in response


@override_settings(
    CSP_MEDIA_ORIGINS=["https://media.example.org"], CSP_FRAME_ORIGINS=["https://video.example"]
)
def test_media_on_object_storage_and_video_embeds_are_allowed_by_setting():
    policy = content_security_policy()
    assert "img-src 'self' data: https://media.example.org" in policy
    assert "frame-src https://video.example" in policy


@override_settings(CSP_FRAME_ORIGINS=[])
def test_without_video_sites_no_frame_is_allowed():
    assert "frame-src 'none'" in content_security_policy()
