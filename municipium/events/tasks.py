from django_tasks import task


@task()
def class_booking_mail(case_id: int, what: str) -> bool:
    """Mail the teacher of a school-class booking (``events.school_mail``); a second run sends
    the message again."""
    from .school_mail import class_booking_mail_send

    return class_booking_mail_send(case_id=case_id, what=what)
