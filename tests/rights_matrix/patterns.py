"""Every URL pattern of the project, from the resolver, and the rules that fill their
parameters with the objects a role must not reach.

A pattern is found by walking ``get_resolver()`` (Wagtail's admin and every app's URLs
included), so a view added tomorrow is in the matrix the day it is added. Each of its
parameters is filled by the first :data:`RULES` entry for its name whose scope matches the
pattern; a parameter that no rule fills fails the matrix with a message saying where to add
one. Patterns that take no object need nothing; patterns whose parameters are not objects are
listed in :data:`FIXED` with the reason.
"""

import re
from dataclasses import dataclass
from urllib.parse import urlencode

from django.contrib.auth.tokens import default_token_generator
from django.contrib.contenttypes.models import ContentType
from django.urls import URLPattern, URLResolver, get_resolver
from django.urls.resolvers import LocalePrefixPattern, RegexPattern, RoutePattern
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode

from .world import OTHER

LANGUAGE = "tr"  # the home site's default language, for the /<lang>/ prefix


@dataclass(frozen=True)
class Pattern:
    pieces: tuple  # the pattern objects from the root resolver down to the view
    namespace: str
    name: str
    callback: object

    @property
    def route(self) -> str:
        return "".join(_describe(piece) for piece in self.pieces)

    @property
    def key(self) -> str:
        """What the matrix calls the pattern: its route (names repeat and some are None)."""
        return self.route

    @property
    def params(self) -> list[str]:
        names = []
        for piece in self.pieces:
            if isinstance(piece, RoutePattern):
                names += [name for _converter, name in _converters(str(piece))]
            elif isinstance(piece, RegexPattern):
                compiled = re.compile(str(piece))
                names += list(compiled.groupindex)
                names += [f"#{n}" for n in range(compiled.groups - len(compiled.groupindex))]
        return names

    @property
    def is_admin(self) -> bool:
        return self.route.startswith("admin/")


def _describe(piece) -> str:
    return f"{LANGUAGE}/" if isinstance(piece, LocalePrefixPattern) else str(piece)


def _converters(route: str):
    return re.findall(r"<(?:(\w+):)?(\w+)>", route)


def pattern_list() -> list[Pattern]:
    found = []

    def walk(resolver, pieces, namespaces):
        for entry in resolver.url_patterns:
            if isinstance(entry, URLResolver):
                names = namespaces + ((entry.namespace,) if entry.namespace else ())
                walk(entry, (*pieces, entry.pattern), names)
            elif isinstance(entry, URLPattern):
                found.append(
                    Pattern(
                        pieces=(*pieces, entry.pattern),
                        namespace=":".join(namespaces),
                        name=entry.name or "",
                        callback=entry.callback,
                    )
                )

    walk(get_resolver(), (), ())
    # A route listed twice answers from its first pattern (ours ahead of Wagtail's, such as
    # the scoped site history): the second is never reached.
    routes = set()
    return [p for p in found if not (p.route in routes or routes.add(p.route))]


# Rules -------------------------------------------------------------------------------------
#
# (parameter name, scope, filler): ``scope`` is a prefix of the pattern's route or a
# namespace (None: any pattern); ``filler(objects)`` returns the value, where ``objects`` are
# the role's victim objects (world.Victim.objects). The first matching rule wins, so the
# narrow scopes come first.


def _pk(key):
    return lambda objects: objects[key].pk


def _content_type(part):
    def fill(objects):
        content_type = ContentType.objects.get_for_model(objects["page"], for_concrete_model=False)
        return getattr(content_type, part)

    return fill


def _page_path(objects):
    """The other municipality's directorate page, asked for under the home site's prefix."""
    page = objects["page"]
    home = page.get_site().root_page
    return page.url_path[len(home.url_path) :]


RULES = [
    # The programme's iCalendar files on the home host (``events.urls``, namespace
    # "programme"): its programme page's path, asked for the other municipality's event.
    ("page_path", "programme", lambda objects: "etkinlikler/"),
    ("event_id", "programme", _pk("event")),
    ("slug", "programme", lambda objects: "x"),
    # Open311 on the home host, asked for the other municipality's service and request.
    ("fmt", "open311/", lambda objects: "json"),
    ("code", "open311/", lambda objects: objects["category"].code),
    ("service_request_id", "open311/", lambda o: o["citizen_request"].case.reference),
    ("token", "open311/", lambda objects: objects["citizen_request"].case.tracking_token),
    ("pk", "api-clients", _pk("api_client")),
    # The organisation's and tenancy's viewsets, Wagtail's own: ``pk`` by namespace.
    ("pk", "units", _pk("unit")),
    ("pk", "people", _pk("person")),
    ("pk", "job-titles", _pk("job_title")),
    ("pk", "staff-memberships", _pk("membership")),
    ("pk", "holidays", _pk("holiday")),
    ("pk", "alerts", _pk("alert")),
    ("pk", "municipalities", _pk("municipality")),
    ("pk", "request-categories", _pk("category")),
    ("pk", "response-templates", _pk("response_template")),
    ("pk", "archive-consents", _pk("consent")),
    ("pk", "halls", _pk("hall")),
    ("pk", "event-dates", _pk("occurrence")),
    ("pk", "events", _pk("event")),
    ("pk", "venues", _pk("venue")),
    ("pk", "partners", _pk("partner")),
    ("pk", "event-types", _pk("event_type")),
    ("pk", "wagtailsites", _pk("site")),
    ("pk", "wagtailusers_users", _pk("user")),
    ("pk", "wagtailusers_groups", _pk("group")),
    ("pk", "wagtailadmin_collections", _pk("collection")),
    ("pk", "wagtailadmin_workflows", _pk("workflow")),
    ("pk", "wagtailadmin_api:pages", _pk("page")),
    ("pk", "wagtailadmin_api:documents", _pk("document")),
    ("pk", "wagtailadmin_api:images", _pk("image")),
    ("pk", "wagtaildocs_chooser", _pk("document")),
    ("pk", "wagtailimages_chooser", _pk("image")),
    ("pk", "wagtailadmin_pages", _pk("page")),  # revisions compare
    ("pk", "simple_translation", _pk("page")),
    # Locales are shared by every municipality: the first one is as good as any.
    ("pk", "wagtaillocales", lambda objects: objects["page"].locale_id),
    ("pk", "wagtailsettings", _pk("site")),
    ("case_id", None, _pk("case")),
    ("booking_id", "admin/school-classes/", _pk("booking")),
    # Registration's admin: another municipality's (or a sibling unit's) event and registration.
    ("event_id", "admin/registrations/", _pk("event")),
    ("registration_id", "admin/registrations/", _pk("registration")),
    ("attachment_id", None, _pk("attachment")),
    ("booking_id", "admin/hall-bookings/", _pk("hall_booking")),
    ("hall_id", None, _pk("hall")),
    ("page_id", None, _pk("page")),
    ("parent_page_id", None, _pk("page")),
    ("page_to_move_id", None, _pk("page")),
    ("destination_id", None, lambda objects: objects["home"].pk),
    ("page_pk", None, _pk("page")),
    ("workflow_pk", None, _pk("workflow")),
    ("revision_id", None, _pk("revision")),
    ("revision_id_a", None, _pk("revision")),
    ("revision_id_b", None, lambda objects: "latest"),
    ("task_state_id", None, _pk("task_state")),
    ("workflow_state_id", None, _pk("workflow_state")),
    ("task_id", None, _pk("task")),
    ("action", "admin/hall-bookings/", lambda objects: "approve"),
    ("action_name", "admin/api/", lambda objects: "copy"),
    ("action_name", None, lambda objects: "approve"),
    ("document_id", None, _pk("document")),
    ("doc_id", None, _pk("document")),
    ("image_id", None, _pk("image")),
    ("collection_id", None, _pk("collection")),
    ("redirect_id", None, _pk("redirect")),
    ("uploaded_file_id", None, _pk("upload")),
    ("session_id", None, _pk("editing_session")),
    ("object_id", None, lambda objects: str(objects["page"].pk)),
    ("restriction_id", None, _pk("collection_restriction")),
    ("page_view_restriction_id", None, _pk("page_restriction")),
    ("content_type_app_name", None, _content_type("app_label")),
    ("content_type_model_name", None, _content_type("model")),
    ("app_label", None, _content_type("app_label")),
    ("app_name", None, _content_type("app_label")),
    ("model_name", None, _content_type("model")),
    ("action", "admin/bulk/", lambda objects: "delete"),
    ("filter_spec", None, lambda objects: "max-165x165"),
    ("directorate", None, lambda objects: objects["page"].slug),
    ("path", "^media/", lambda objects: objects["document"].file.name),
    ("uidb64", None, lambda objects: urlsafe_base64_encode(force_bytes(objects["user"].pk))),
    ("token", None, lambda objects: default_token_generator.make_token(objects["user"])),
    # Positional groups of regex patterns, by route.
    ("#0", "documents/^(\\d+)", _pk("document")),
    ("#1", "documents/^(\\d+)", lambda objects: objects["document"].filename),
    ("#0", f"{LANGUAGE}/^((?:", _page_path),
]

# Patterns whose parameters are no object of anyone's, with the value that exercises them.
FIXED = {
    # Wagtail's catch-all 404 of the admin: any path.
    "admin/^.*/$": (f"admin/{OTHER}-nothing/",),
}

# Query strings that make a list, a chooser or a search reach for the other municipality's
# objects, by route: by id, or by a word of their titles that is not the marker (a search page
# repeats its terms, so searching for the marker would find it in the echo).
QUERIES = {
    "admin/choose-page/search/": lambda o: {"q": "article"},
    "admin/choose-page/chosen-multiple/": lambda o: {"id": [o["page"].pk, o["article"].pk]},
    "admin/documents/chooser/chosen-multiple/": lambda o: {"id": o["document"].pk},
    "admin/images/chooser/chosen-multiple/": lambda o: {"id": o["image"].pk},
    "admin/documents/chooser/results/": lambda o: {"q": "report"},
    "admin/images/chooser/results/": lambda o: {"q": "photo"},
    "admin/documents/results/": lambda o: {"q": "report"},
    "admin/images/results/": lambda o: {"q": "photo"},
    "admin/pages/search/": lambda o: {"q": "article"},
    "admin/pages/search/results/": lambda o: {"q": "article"},
    "admin/tag-autocomplete/": lambda o: {"term": "zqx"},
    "admin/tag-autocomplete/<slug:app_name>/<slug:model_name>/": lambda o: {"term": "zqx"},
    "admin/bulk/<str:app_label>/<str:model_name>/<str:action>/": lambda o: {
        "id": o["page"].pk,
        "next": "/admin/",
    },
    "admin/api/main/^pages/": lambda o: {"child_of": o["home"].pk, "fields": "title"},
    "admin/api/main/^pages/find/": lambda o: {"id": o["page"].pk},
    "admin/api/main/^documents/": lambda o: {"search": "report"},
    "admin/api/main/^images/": lambda o: {"search": "photo"},
    f"{LANGUAGE}/search/": lambda o: {"q": "article"},
}

# Every page a pattern serves under ``/<lang>/`` routes through its own sub-routes too: the
# other municipality's directorate exports, on the home host.
SUB_ROUTES = {f"{LANGUAGE}/^((?:[\\w\\-]+/)*)$": ("", "service-standards/csv/")}


def rule_for(pattern: Pattern, param: str):
    for name, scope, filler in RULES:
        if name != param:
            continue
        if scope is None or pattern.route.startswith(scope) or pattern.namespace == scope:
            return filler
        if pattern.namespace.startswith(f"{scope}:") or scope in pattern.namespace.split(":"):
            return filler
    return None


def unfilled(pattern: Pattern) -> list[str]:
    if pattern.key in FIXED:
        return []
    return [param for param in pattern.params if rule_for(pattern, param) is None]


def _render_regex(regex: str, values: dict, positional: list) -> str:
    text = regex.removeprefix("^").removesuffix("$").replace("\\.", ".")
    text = re.sub(r"\(\?P<(\w+)>(?:[^()]|\([^()]*\))*\)", lambda m: str(values[m.group(1)]), text)
    while "(" in text:
        match = re.search(r"\((?:[^()]|\([^()]*\))*\)", text)
        text = text[: match.start()] + str(positional.pop(0)) + text[match.end() :]
    return text


def urls_for(pattern: Pattern, objects: dict) -> list[str]:
    """The paths that ask ``pattern`` for the victim's objects (with their query string)."""
    if pattern.key in FIXED:
        return [f"/{path}" for path in FIXED[pattern.key]]
    values = {param: rule_for(pattern, param)(objects) for param in pattern.params}
    positional = [values[f"#{n}"] for n in range(len(values)) if f"#{n}" in values]
    path = ""
    for piece in pattern.pieces:
        if isinstance(piece, LocalePrefixPattern):
            path += f"{LANGUAGE}/"
        elif isinstance(piece, RegexPattern):
            path += _render_regex(str(piece), values, positional)
        else:
            path += re.sub(r"<(?:\w+:)?(\w+)>", lambda m: str(values[m.group(1)]), str(piece))
    query = QUERIES.get(pattern.key)
    suffix = f"?{urlencode(query(objects), doseq=True)}" if query else ""
    return [f"/{path}{sub}{suffix}" for sub in SUB_ROUTES.get(pattern.key, ("",))]
