"""The rights matrix: every URL pattern of the project (the admin's, Wagtail's own included,
and the public site's, walked from the resolver), asked for another municipality's objects by
an editor of Bornova, by a director of Bornova's unit A (for unit B's objects where a view is
unit-scoped) and by an anonymous visitor. GET for every pattern, POST for every pattern.

Each answer must be a refusal (403, 404, 405, 400, a redirect) or carry nothing of the other
municipality (:data:`world.OTHER` in any title, name, slug or file) nor, for the director in the
admin, of the sibling unit (:data:`world.SIBLING`); a POST must leave the other municipality's
and the sibling unit's rows as they were. A pattern whose parameters no rule fills fails
:func:`test_every_pattern_parameter_has_a_rule`: add a rule in ``patterns.RULES``.

Leaks that other parts of issue 8 fix are listed in :data:`KNOWN_LEAKS` and asserted to leak
still: when the fix is merged, the entry fails, and is to be removed.
"""

import html
import re
from urllib.parse import quote, unquote

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.signals import request_finished
from django.db import close_old_connections, models, transaction
from django.test import Client
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import (
    Collection,
    GroupPagePermission,
    Page,
    PageViewRestriction,
    Revision,
    Site,
    TaskState,
    Workflow,
    WorkflowState,
)

from municipium.cases.models import Case, Entry
from municipium.desk.models import Category, CitizenRequest, ResponseTemplate
from municipium.halls.models import Hall, HallBooking
from municipium.organisation.models import Membership, Person, Unit
from municipium.tenancy.models import Municipality, PublicHoliday

from .patterns import pattern_list, unfilled, urls_for
from .world import HOME_HOST, OTHER, ROLES, SIBLING, world_build

PATTERNS = pattern_list()
METHODS = ("get", "post")

# Leaks still to fix, by (method, role, route): each is asserted to leak still, so that a fix
# fails its entry here and the entry is removed. None is left: every leak the matrix found is
# fixed at its root (docs/security.md, "The rights matrix").
KNOWN_LEAKS: dict[tuple[str, str, str], str] = {}

# Decided, not leaks (docs/security.md, "Choosers and ownership"): the page chooser offers a
# directorate's editor every page of their own municipality, the sibling directorates' among
# them, since any of the municipality's pages may be linked from any other. Asserted: the
# director sees the sibling's page there (only the sibling's, never another municipality's).
SIBLING_SHOWN: dict[str, str] = dict.fromkeys(
    ("admin/choose-page/<int:parent_page_id>/", "admin/choose-page/chosen-multiple/"),
    "links may lead to any page of the user's own municipality",
)

# Views that fail on purpose: Wagtail's "failwhale" raises to show the admin's error page.
EXPECTED_ERRORS = {"admin/failwhale/"}

# Errors that are no leak but a 500 on odd input, by (method, role, route), with who fixes them.
# None is left: the external link chooser's missing address is the form's error
# (tenancy.admin_scope.CheckedExternalLinkView).
KNOWN_ERRORS: dict[tuple[str, str, str], str] = {}

# What a forged POST sends: a plausible change of any form's usual fields.
FORGED = {
    "title": "forged",
    "name": "forged",
    "slug": "forged",
    "code": "forged",
    "message": "forged",
    "action-publish": "action-publish",
    "confirm": "yes",
    "restriction_type": "none",
}

WATCHED_COUNTS = (
    Page, Revision, Collection, Site, Group, Workflow, WorkflowState, TaskState,
    PageViewRestriction, GroupPagePermission, Municipality, PublicHoliday, Unit, Person,
    Membership, Case, Entry, Category, CitizenRequest, ResponseTemplate, Hall, HallBooking,
)  # fmt: skip


@pytest.fixture(scope="module")
def world(django_db_setup, django_db_blocker):
    """One world for the whole module, rolled back at its end; each test runs in a savepoint
    inside it (pytest-django's ``db``)."""
    with django_db_blocker.unblock(), transaction.atomic():
        built = world_build()
        yield built
        transaction.set_rollback(True)
    _remove_files()


def _remove_files():
    from pathlib import Path

    from django.conf import settings

    private = Path(settings.STORAGES["private"]["OPTIONS"]["location"])
    for root in (settings.MEDIA_ROOT, private):
        for path in Path(root).rglob("*"):
            names = (OTHER, SIBLING, "bornova-photo", "bornova-report", "bornova-pothole")
            if path.is_file() and path.name.startswith(names):
                path.unlink()


def _fingerprint(world) -> list:
    """The other municipality's and the sibling unit's rows as stored, and how many rows of
    each watched kind exist."""
    rows = []
    for objects in (world.other.made, world.home.made):
        for key in sorted(objects):
            obj = objects[key]
            if isinstance(obj, models.Model):
                model = type(obj)._meta.concrete_model
                rows.append((key, list(model._base_manager.filter(pk=obj.pk).values())))
    extra = (get_document_model(), get_image_model(), get_user_model())
    rows.append([model._base_manager.count() for model in (*WATCHED_COUNTS, *extra)])
    return rows


def _text(response, path: str) -> str:
    """The answer's body and the headers that name things, lower-cased, without the echo of
    the path that was asked (a login redirect's ``next``, a form's action)."""
    body = b"".join(response.streaming_content) if response.streaming else response.content
    # Close the served file, without the end-of-request signal that would close the
    # database connection (and roll the world back) on PostgreSQL, as the test client does.
    request_finished.disconnect(close_old_connections)
    try:
        response.close()
    finally:
        request_finished.connect(close_old_connections)
    text = body.decode("utf-8", "replace")
    text += response.get("Location", "") + response.get("Content-Disposition", "")
    # The same path in the site's other languages too: a 404 page's language switcher links
    # to the address asked for, in each language.
    paths = {path} | {
        re.sub(r"^/[a-z]{2}/", f"/{code}/", path) for code, _name in settings.LANGUAGES
    }
    echoes = {form for p in paths for form in (p, quote(p), quote(p, safe=""), unquote(p))}
    for echo in sorted(echoes, key=len)[::-1]:
        text = text.replace(echo, "").replace(html.escape(echo), "")
    return text.lower()


def _around(text: str, marker: str) -> str:
    at = text.index(marker)
    return " ".join(text[max(at - 100, 0) : at + 40].split())


def _markers(world, role, pattern) -> tuple[str, ...]:
    markers = world.victims[role].markers
    # A sibling unit's public pages are public: only the admin is unit-scoped, and in the
    # admin the page chooser by decision (SIBLING_SHOWN).
    if pattern.is_admin and pattern.key not in SIBLING_SHOWN:
        return markers
    return tuple(m for m in markers if m != SIBLING)


def _client(world, role) -> Client:
    client = Client(HTTP_HOST=HOME_HOST)
    if world.users[role] is not None:
        client.force_login(world.users[role])
    return client


def _ask(world, role, pattern, method, markers=None) -> tuple[list[str], list[str]]:
    """The leaks found (what of the victim each answer showed, or what a POST changed) and
    the errors (an exception or a 5xx answer)."""
    client = _client(world, role)
    markers = _markers(world, role, pattern) if markers is None else markers
    found, errors = [], []
    for path in urls_for(pattern, world.victims[role].objects):
        before = _fingerprint(world) if method == "post" else None
        try:
            with transaction.atomic():
                response = client.post(path, FORGED) if method == "post" else client.get(path)
        except Exception as error:  # every error of a view is reported
            errors.append(f"{method.upper()} {path} raised {error!r}")
            continue
        if response.status_code >= 500:
            errors.append(f"{method.upper()} {path} answered {response.status_code}")
        text = _text(response, path)
        found += [
            f"{method.upper()} {path} ({response.status_code}) shows {_around(text, marker)!r}"
            for marker in markers
            if marker in text
        ]
        if method == "post" and _fingerprint(world) != before:
            found.append(f"POST {path} ({response.status_code}) changed the victim's rows")
    return found, errors


def test_every_pattern_parameter_has_a_rule():
    missing = {pattern.key: unfilled(pattern) for pattern in PATTERNS if unfilled(pattern)}
    assert not missing, (
        "These URL patterns take parameters that no rule of tests/rights_matrix/patterns.py "
        "fills with another municipality's object; add a rule to RULES (or the pattern to FIXED "
        f"with the reason): {missing}"
    )


def test_the_matrix_covers_the_admin_and_the_public_site():
    routes = {pattern.route for pattern in PATTERNS}
    assert "admin/pages/<int:page_id>/edit/" in routes
    assert "admin/units/edit/<int:pk>/" in routes
    assert "tr/search/" in routes
    assert sum(pattern.is_admin for pattern in PATTERNS) > 200


@pytest.mark.django_db
@pytest.mark.parametrize("method", METHODS)
@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("pattern", PATTERNS, ids=lambda pattern: pattern.key)
def test_no_pattern_shows_or_changes_what_the_role_may_not_reach(world, pattern, role, method):
    if unfilled(pattern):
        pytest.fail(f"No rule fills {unfilled(pattern)} of {pattern.key}: add one to RULES.")
    found, errors = _ask(world, role, pattern, method)
    key = (method, role, pattern.key)
    if (pattern.key in EXPECTED_ERRORS and role != "anonymous") or key in KNOWN_ERRORS:
        assert errors, f"Fixed? Remove {key} from KNOWN_ERRORS."
    else:
        assert not errors, "\n".join(errors)
    if key in KNOWN_LEAKS:
        assert found, f"Fixed ({KNOWN_LEAKS[key]})? Remove {key} from KNOWN_LEAKS."
    else:
        assert not found, "\n".join(found)


@pytest.mark.django_db
@pytest.mark.parametrize("route", sorted(SIBLING_SHOWN))
def test_page_chooser_shows_a_directorate_editor_the_sibling_directorates_pages(world, route):
    (pattern,) = [pattern for pattern in PATTERNS if pattern.key == route]
    found, errors = _ask(world, "director", pattern, "get", markers=(SIBLING,))
    assert not errors, "\n".join(errors)
    assert found, f"The decision changed? Remove {route} from SIBLING_SHOWN and docs/security.md."


@pytest.mark.django_db
@pytest.mark.parametrize("fmt", ["xml", "json"])
def test_anyone_reads_the_hosts_open311_services_and_requests_and_no_others(world, fmt):
    """The other side of the matrix's Open311 rows: anonymous readers get the home
    municipality's services and requests (never its residents), and nothing of another's."""
    client = _client(world, "anonymous")
    own = world.home_requests["citizen_request"].case.reference
    for path in ("services", "requests", f"requests/{own}", "services/bornova-own-potholes"):
        response = client.get(f"/open311/v2/{path}.{fmt}")
        assert response.status_code == 200, (path, response.content)
        text = response.content.decode().lower()
        assert "bornova-own" in text and OTHER not in text
        assert "bornova-own resident" not in text and "bornova-own@" not in text
