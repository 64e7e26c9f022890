"""Sign-in throttling, through django-axes (settings: ``LOGIN_*`` and ``AXES_*``).

Axes records each failed sign-in (``AccessAttempt``: username, address, browser) in the
database and refuses the next ones, the right password included, while they are locked. Here:

* ``ThrottleBackend`` (first of ``AUTHENTICATION_BACKENDS``) refuses a locked sign-in.
* ``ThrottleHandler`` counts an account's failures and an address's apart, each against its own
  limit (``LOGIN_FAILURE_LIMIT``, ``LOGIN_ADDRESS_FAILURE_LIMIT``): axes compares one number with
  one limit, so an address that reached its limit counts as a full account limit. A successful
  sign-in forgets only that account's failures, never its address's: otherwise whoever has an
  account could sign in between guesses at another one from the same address.
* ``lockout_response`` answers a refused sign-in with Wagtail's own sign-in page and a
  translated message, status 429.
* ``on_user_locked_out`` writes the audit entry of a new lockout (``login_lockout_record``).
"""

from axes.backends import AxesStandaloneBackend
from axes.handlers.database import AxesDatabaseHandler
from axes.helpers import get_client_username
from axes.models import AccessAttempt
from django.conf import settings
from django.db.models import Sum
from django.forms.utils import ErrorDict
from django.http import HttpResponse
from django.template.response import TemplateResponse
from django.utils.translation import ngettext

from .services import login_lockout_record


def _total(attempts) -> int:
    return attempts.aggregate(total=Sum("failures_since_start"))["total"] or 0


class ThrottleBackend(AxesStandaloneBackend):
    """Axes's backend, which refuses a locked account before any password is checked. A call
    to ``authenticate`` without a request (Django's test client's ``login``, a shell) has no
    address to count and nobody to answer: it is left to the next backend instead of failing
    with axes's ``AxesBackendRequestParameterRequired``. Every sign-in form passes its request."""

    def authenticate(self, request, username=None, password=None, **kwargs):
        if request is None:
            return None
        return super().authenticate(request, username=username, password=password, **kwargs)


class ThrottleHandler(AxesDatabaseHandler):
    def failure_counts(self, request, credentials=None) -> tuple[int, int]:
        """The failures within the cool-off of the request's account and of its address."""
        by_account, by_address = self.get_user_attempts(request, credentials)
        return _total(by_account), _total(by_address)

    def get_failures(self, request, credentials=None) -> int:
        account, address = self.failure_counts(request, credentials)
        if address >= settings.LOGIN_ADDRESS_FAILURE_LIMIT:
            return max(account, settings.LOGIN_FAILURE_LIMIT)
        return account

    def reset_user_attempts(self, request, credentials=None) -> int:
        username = get_client_username(request, credentials)
        count, _ = AccessAttempt.objects.filter(username=username).delete()
        return count


def lockout_message() -> str:
    minutes = settings.LOGIN_LOCKOUT_MINUTES
    return ngettext(
        "Too many failed sign-in attempts. Signing in is blocked for %(minutes)s minute; "
        "your municipality's administrator can unblock it sooner.",
        "Too many failed sign-in attempts. Signing in is blocked for %(minutes)s minutes; "
        "your municipality's administrator can unblock it sooner.",
        minutes,
    ) % {"minutes": minutes}


def lockout_response(request, original_response=None, credentials=None) -> HttpResponse:
    """The sign-in page that was about to say "wrong password", saying why instead; any other
    refused sign-in (an API, a form of our own) gets the message as text."""
    context = getattr(original_response, "context_data", None) or {}
    form = context.get("form")
    if isinstance(original_response, TemplateResponse) and form is not None:
        form._errors = ErrorDict()
        form.add_error(None, lockout_message())
        response = TemplateResponse(request, original_response.template_name, context, status=429)
        return response.render()
    return HttpResponse(lockout_message(), status=429, content_type="text/plain; charset=utf-8")


def on_user_locked_out(sender, *, request, username, ip_address, **kwargs) -> None:
    """Axes sends its signal for the attempt that locks and for each one refused during the
    lockout; only the first was counted (``axes_failures_since_start``) and is audited."""
    if getattr(request, "axes_failures_since_start", None) is None:
        return

    account, address = ThrottleHandler().failure_counts(
        request, getattr(request, "axes_credentials", None)
    )
    tenant = getattr(request, "tenant", None)
    login_lockout_record(
        username=username,
        ip_address=ip_address,
        account_failures=account,
        address_failures=address,
        host_municipality=tenant.municipality if tenant is not None else None,
    )
