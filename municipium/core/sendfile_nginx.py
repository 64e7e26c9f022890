"""A sendfile backend for Wagtail's document view behind nginx (``SENDFILE_BACKEND``).

Wagtail checks the document's host and privacy, then hands the file to this backend
(``wagtail.utils.sendfile``); the answer names the file in ``X-Accel-Redirect`` under an nginx
``internal`` location (``MUNICIPIUM_DOCUMENTS_INTERNAL_URL``, ``/protected-media/`` unless set)
and nginx sends the bytes. A browser cannot ask for that location itself: nginx answers it
only to an ``X-Accel-Redirect``. See docs/security.md for the nginx configuration.
"""

from pathlib import Path
from urllib.parse import quote

from django.conf import settings
from django.core.exceptions import SuspiciousFileOperation
from django.http import HttpResponse


def sendfile(request, filename, **kwargs):
    root = Path(settings.MEDIA_ROOT).resolve()
    try:
        relative = Path(filename).resolve().relative_to(root)
    except ValueError as error:
        raise SuspiciousFileOperation(f"{filename} is outside MEDIA_ROOT.") from error
    prefix = settings.MUNICIPIUM_DOCUMENTS_INTERNAL_URL.rstrip("/")
    response = HttpResponse()
    response["X-Accel-Redirect"] = f"{prefix}/{quote(relative.as_posix())}"
    return response
