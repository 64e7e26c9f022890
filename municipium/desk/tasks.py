from django_tasks import task


@task()
def request_mail(case_id: int, what: str, url: str) -> bool:
    """Mail the resident of a citizen request (``desk.emails``); safe to run twice in the sense
    that it only sends a message (a second run sends it again)."""
    from .emails import request_mail_send

    return request_mail_send(case_id=case_id, what=what, url=url)
