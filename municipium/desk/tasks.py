from django_tasks import task


@task()
def request_mail(case_id: int, what: str, url: str) -> bool:
    """Mail the resident of a citizen request (``desk.emails``); safe to run twice in the sense
    that it only sends a message (a second run sends it again)."""
    from .emails import request_mail_send

    return request_mail_send(case_id=case_id, what=what, url=url)


@task()
def close_silent_answers() -> int:
    """Close answered requests left without the resident's verdict (periodic; safe twice)."""
    from .services import requests_close_silent

    return requests_close_silent()


@task()
def anonymise_expired_requests() -> int:
    """Remove residents' personal data after the retention period (periodic; safe twice)."""
    from .services import requests_anonymise_expired

    return requests_anonymise_expired()
