"""What every public form that files something (a request, a registration, a booking) does with
its POST, in one place: the honeypot, then the field shapes, then the rate limit (counted once
the form is valid: a resident correcting mistakes is not refused), then the app's service,
whose ``ValidationError`` lands on the form's fields. And how its answers are kept private."""

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, NamedTuple

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.cache import patch_cache_control

from .ratelimit import client_address, limit_hit


@dataclass(frozen=True)
class PublicForm:
    """One public form's rate-limit scope and refusals (``gettext_lazy``, in the app's words).
    The limit and window are read from the settings named, when a form is posted."""

    rate_scope: str
    spam_refusal: str
    too_many_refusal: str
    limit_setting: str = "MUNICIPIUM_DESK_RATE_LIMIT"
    seconds_setting: str = "MUNICIPIUM_DESK_RATE_SECONDS"

    def within_limit(self, request) -> bool:
        return limit_hit(
            scope=self.rate_scope,
            key=client_address(request),
            limit=getattr(settings, self.limit_setting),
            seconds=getattr(settings, self.seconds_setting),
        )


class Posted(NamedTuple):
    """What the service returned (None unless it accepted), the refusal to show, the status."""

    result: Any
    refusal: str | None
    status: int


def field_on_form(form, field: str) -> str | None:
    """The form's field of the same name, else none (the error is the form's)."""
    return field if field in form.fields else None


def errors_to_form(form, error: ValidationError, *, field_for=field_on_form) -> None:
    """The service's errors on the form: each on the field ``field_for(form, field)`` names."""
    if not hasattr(error, "error_dict"):
        for message in error.messages:
            form.add_error(None, message)
        return
    for field, messages in error.message_dict.items():
        name = field_for(form, field)
        for message in messages:
            form.add_error(name, message)


def form_post(
    request, form, spec: PublicForm, *, submit: Callable[[], Any], field_for=field_on_form
) -> Posted:
    """Run a bound public form's POST; ``submit`` (called only with a valid form within the
    limit) files it through the app's service."""
    if form.is_spam():
        return Posted(None, str(spec.spam_refusal), 400)
    if not form.is_valid():
        return Posted(None, None, 400)
    if not spec.within_limit(request):
        return Posted(None, str(spec.too_many_refusal), 429)
    try:
        return Posted(submit(), None, 200)
    except ValidationError as error:
        errors_to_form(form, error, field_for=field_for)
        return Posted(None, None, 400)


def private(response):
    """A resident's own page or a form with a CSRF token: never kept by a cache (ours or the
    browser's), never indexed, and its address (which may hold a secret token) never sent to
    another site as a referrer ("same-origin": with "no-referrer" the browser sends
    ``Origin: null`` with a POST, which Django's CSRF check rightly refuses)."""
    patch_cache_control(response, private=True, no_store=True)
    response["X-Robots-Tag"] = "noindex, nofollow"
    response["Referrer-Policy"] = "same-origin"
    return response
