from django_tasks import task


@task()
def booking_mail(case_id: int, what: str) -> bool:
    """Mail the requester of a hall booking (``halls.emails``)."""
    from .emails import booking_mail_send

    return booking_mail_send(case_id=case_id, what=what)


@task()
def offers_lapse() -> int:
    """Let offers not accepted in time lapse and pass on (periodic; safe twice)."""
    from .services import booking_offers_lapse

    return booking_offers_lapse()
