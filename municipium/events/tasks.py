from django_tasks import task


@task()
def class_booking_mail(case_id: int, what: str) -> bool:
    """Mail the teacher of a school-class booking (``events.school_mail``); a second run sends
    the message again."""
    from .school_mail import class_booking_mail_send

    return class_booking_mail_send(case_id=case_id, what=what)


@task()
def registration_mail(registration_id: int, what: str, url: str) -> bool:
    """Mail a registrant (``events.emails``); a second run sends the message again."""
    from .emails import registration_mail_send

    return registration_mail_send(registration_id=registration_id, what=what, url=url)


@task()
def anonymise_expired_registrations() -> int:
    """Empty registrants' personal data after the retention period (periodic; safe twice)."""
    from .registration import registrations_anonymise_expired

    return registrations_anonymise_expired()
