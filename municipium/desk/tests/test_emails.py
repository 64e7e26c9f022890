"""The resident's mails name dates as the resident reads them: in the request's language and
the municipality's calendar and time zone, Persian digits in Persian (``core.formatting``)."""

import datetime
import zoneinfo

import pytest
from django.core import mail

from municipium.desk.emails import request_mail_send
from municipium.desk.services import request_submit

pytestmark = pytest.mark.django_db


def filed(desk, language, moment):
    return request_submit(
        municipality=desk.municipality, category=desk.category, language=language,
        description="Lamp off.", answers={"pole": "7"}, email="resident@example.org",
        filed_at=moment,
    )  # fmt: skip


def test_the_acknowledgement_in_persian_dates_in_solar_hijri_with_persian_digits(bumehen):
    moment = datetime.datetime(2026, 3, 2, 10, 0, tzinfo=zoneinfo.ZoneInfo("Asia/Tehran"))
    case = filed(bumehen, "fa", moment).case
    assert request_mail_send(case_id=case.pk, what="received", url="http://x/")
    [message] = mail.outbox
    html = message.alternatives[0][0]
    # 2 March 2026 is 11 Esfand 1404; no Gregorian year, no Latin digits in the date.
    assert "۱۱ اسفند ۱۴۰۴ ۱۰:۰۰" in message.body and "۱۱ اسفند ۱۴۰۴ ۱۰:۰۰" in html
    assert "2026" not in message.body and "1404" not in message.body
    due = case.due_at.astimezone(zoneinfo.ZoneInfo("Asia/Tehran"))
    assert due.date() > moment.date() and "اسفند ۱۴۰۴" in message.body.split("۱۰:۰۰", 1)[1]


def test_the_acknowledgement_in_turkish_dates_in_turkish_in_istanbul_time(bornova):
    moment = datetime.datetime(2026, 3, 2, 7, 0, tzinfo=datetime.UTC)  # 10:00 in Istanbul
    case = filed(bornova, "tr", moment).case
    assert request_mail_send(case_id=case.pk, what="received", url="http://x/")
    [message] = mail.outbox
    assert "2 Mart 2026 10:00" in message.body
    assert "2 Mart 2026 10:00" in message.alternatives[0][0]
