"""Public pages carry a strict Content-Security-Policy, from the cache too; the admin a policy
that Wagtail's inline scripts and styles survive."""

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


@pytest.mark.parametrize("host", ["bornova.localhost", "127.0.0.1"])
def test_the_admin_gets_a_policy_wagtail_tolerates(client, municipality_factory, host):
    """No plugins, no <base>, forms only to itself, framed only by itself (the preview panel);
    Wagtail's inline scripts and styles stay allowed."""
    municipality_factory(slug="bornova")
    response = client.get("/admin/login/", HTTP_HOST=host)
    assert response.status_code == 200
    policy = directives(response)
    assert policy["object-src"] == "'none'"
    assert policy["base-uri"] == "'self'"
    assert policy["form-action"] == "'self'"
    assert policy["frame-ancestors"] == "'self'"
    assert "script-src" not in policy and "default-src" not in policy


def test_a_page_in_the_admins_preview_keeps_its_policy_and_may_be_framed_by_the_admin(
    municipality_factory,
):
    """Wagtail renders a preview as a dummy request at the page's own address: with the public
    policy's frame-ancestors 'none' the editor's preview panel stayed blank."""
    bornova = municipality_factory(slug="bornova")
    response = bornova.homes["tr"].make_preview_request()  # what the preview view returns
    assert response.status_code == 200
    policy = directives(response)
    assert policy["frame-ancestors"] == "'self'"
    assert policy["script-src"] == "'self'" and policy["style-src"] == "'self'"


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
