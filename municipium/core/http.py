"""HTTP details Django leaves to the server, and the one reader of numbers from a request."""

import re

from municipium.core.text import latin_digits

# Eighteen digits at most: any such number fits the databases' 64-bit integers.
_WHOLE_NUMBER = re.compile(r"[0-9]{1,18}")


def whole_number(value, *, default=None, minimum=None, maximum=None):
    """``value`` (a query parameter, an id in editor content) as a whole number, or
    ``default`` when it is not one: every number read from a request or from stored content
    goes through here, never through ``int()`` after ``str.isdigit()``, which accepts "²" and
    "①" that ``int()`` refuses. Latin, Persian and Arabic-Indic digits are read; a sign, a
    decimal point, an exponent, spaces inside, other digits or more than eighteen digits are
    not a number. A number under ``minimum`` or over ``maximum`` is brought to that bound."""
    if value is None or isinstance(value, bool):
        return default
    text = latin_digits(str(value)[:40].strip())
    if not _WHOLE_NUMBER.fullmatch(text):
        return default
    number = int(text)
    if minimum is not None:
        number = max(number, minimum)
    if maximum is not None:
        number = min(number, maximum)
    return number


class HeadWithoutBodyMiddleware:
    """Answer HEAD with GET's headers and no body. Django renders the body anyway; gunicorn then
    drops it and logs a warning for each such request, which uptime probes send all day. The
    Content-Length stays the one a GET would get, as RFC 9110 allows."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if request.method == "HEAD" and not response.streaming and response.content:
            length = len(response.content)
            response.content = b""
            response.headers["Content-Length"] = str(length)
        return response
