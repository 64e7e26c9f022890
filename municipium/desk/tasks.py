from django_tasks import task

from .services import requests_anonymise_expired, requests_close_silent


@task()
def close_silent_answers() -> int:
    """Close answered requests left without the resident's verdict (periodic; safe twice)."""
    return requests_close_silent()


@task()
def anonymise_expired_requests() -> int:
    """Remove residents' personal data after the retention period (periodic; safe twice)."""
    return requests_anonymise_expired()
