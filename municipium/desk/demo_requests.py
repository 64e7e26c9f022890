"""The demo's requests desk: a few categories per site (named in every language of the demo)
and a few hundred requests spread over the past year, of every status a request reaches
through its channels, with plausible times: most answered in time, some late, some disputed,
some left without a verdict and closed by the system, some still open and overdue.

Everything goes through the desk's and the engine's services, at past moments: the services
read the time from ``django.utils.timezone.now``, which the demo sets to each moment in turn
(``_at``), so the timeline, the clock and the audit log agree. The residents' ratings are
written on the rows afterwards (the verdict form is the public desk's). Deterministic (a seeded
random), and a site that already has requests is left alone, so a second run changes nothing.
"""

from __future__ import annotations

import contextlib
import datetime
import random
from unittest import mock

from django.db import transaction
from django.utils import timezone

from municipium.cases.services import case_link, case_transition
from municipium.organisation.selectors import unit_member_ids
from municipium.tenancy import clock

from .kind import CLOSE_UNANSWERED_AFTER_DAYS
from .models import Category, CategoryName, CitizenRequest
from .services import request_close_silent, request_submit

REQUESTS_PER_SITE = 240
DAYS_BACK = 365

# (code, target working days, preferred unit kinds, names and example descriptions per language)
# fmt: off
CATEGORIES = [
    ("street-light", 3, ("section", "directorate"), {
        "tr": ("Sokak lambası yanmıyor", ["Evimizin önündeki sokak lambası üç gündür yanmıyor.", "Parkın girişindeki direk lambası sürekli yanıp sönüyor."]),
        "en": ("Street light not working", ["The street light in front of our house has been off for three days.", "The lamp at the park entrance keeps flickering."]),
        "fa": ("چراغ خیابان خاموش است", ["چراغ خیابان جلوی خانهٔ ما سه روز است خاموش است.", "لامپ ورودی پارک مدام خاموش و روشن می‌شود."]),
        "pl": ("Nie świeci latarnia", ["Latarnia przed naszym domem nie świeci od trzech dni.", "Lampa przy wejściu do parku ciągle mruga."]),
    }),
    ("park", 10, ("directorate", "section"), {
        "tr": ("Park ve oyun alanı bakımı", ["Çocuk parkındaki salıncağın zinciri kopmuş.", "Parktaki çimler haftalardır biçilmedi."]),
        "en": ("Park and playground upkeep", ["The chain of the playground swing is broken.", "The grass in the park has not been cut for weeks."]),
        "fa": ("نگهداری پارک و زمین بازی", ["زنجیر تاب زمین بازی کودکان پاره شده است.", "چمن پارک چند هفته است کوتاه نشده است."]),
        "pl": ("Utrzymanie parku i placu zabaw", ["Łańcuch huśtawki na placu zabaw jest zerwany.", "Trawa w parku nie była koszona od tygodni."]),
    }),
    ("events", 5, ("section", "directorate"), {
        "tr": ("Etkinlik ve kurslar hakkında", ["Seramik kursuna kayıt ne zaman açılacak?", "Konser biletleri gişede satılıyor mu?"]),
        "en": ("About events and courses", ["When does registration for the pottery course open?", "Are concert tickets sold at the box office?"]),
        "fa": ("دربارهٔ برنامه‌ها و دوره‌ها", ["ثبت‌نام دورهٔ سفالگری کی آغاز می‌شود؟", "آیا بلیت کنسرت در گیشه فروخته می‌شود؟"]),
        "pl": ("Wydarzenia i zajęcia", ["Kiedy rusza zapisy na warsztaty ceramiczne?", "Czy bilety na koncert są w kasie?"]),
    }),
    ("noise", 7, ("mayors_office",), {
        "tr": ("Gürültü şikâyeti", ["Gece yarısından sonra inşaattan gürültü geliyor.", "Komşu işyerinin müziği çok yüksek."]),
        "en": ("Noise complaint", ["There is construction noise after midnight.", "The music from a nearby shop is far too loud."]),
        "fa": ("شکایت از سر و صدا", ["بعد از نیمه‌شب از ساختمان‌سازی سر و صدا می‌آید.", "صدای موسیقی مغازهٔ کناری بسیار بلند است."]),
        "pl": ("Skarga na hałas", ["Po północy słychać hałas z budowy.", "Muzyka z pobliskiego lokalu jest za głośna."]),
    }),
    ("suggestion", 15, ("mayors_office", "call_centre"), {
        "tr": ("Öneri ve dilek", ["Mahallemize bir kütüphane açılmasını öneriyorum.", "Otobüs durağına bir bank konulabilir mi?"]),
        "en": ("Suggestion or wish", ["I suggest opening a library in our neighbourhood.", "Could a bench be put at the bus stop?"]),
        "fa": ("پیشنهاد و درخواست", ["پیشنهاد می‌کنم در محلهٔ ما کتابخانه‌ای باز شود.", "آیا می‌شود در ایستگاه اتوبوس نیمکتی گذاشت؟"]),
        "pl": ("Sugestia lub prośba", ["Proponuję otwarcie biblioteki w naszej okolicy.", "Czy można postawić ławkę na przystanku?"]),
    }),
]
RESIDENTS = {
    "tr": ["Ayşe Demir", "Mehmet Kaya", "Fatma Şahin", "Ali Yıldız", "Zeynep Çelik", ""],
    "en": ["Jane Smith", "Tom Brown", ""],
    "fa": ["مریم احمدی", "علی رضایی", "زهرا حسینی", ""],
    "pl": ["Anna Nowak", "Piotr Wiśniewski", "Katarzyna Wójcik", ""],
}
ANSWERS = {
    "tr": "Ekibimiz yerinde inceledi ve sorun giderildi. İlginiz için teşekkür ederiz.",
    "en": "Our team visited the place and the problem has been fixed. Thank you for telling us.",
    "fa": "همکاران ما محل را بازدید کردند و مشکل برطرف شد. از اطلاع شما سپاسگزاریم.",
    "pl": "Nasz zespół był na miejscu i usterka została usunięta. Dziękujemy za zgłoszenie.",
}
# fmt: on
CHANNELS = ["web"] * 6 + ["phone"] * 3 + ["counter", "email", "api"]


@contextlib.contextmanager
def _at(moment: datetime.datetime):
    """The services' clock set to ``moment``."""
    with mock.patch.object(timezone, "now", lambda: moment):
        yield


def _unit_for(units: list, kinds: tuple):
    for kind in kinds:
        for unit in units:
            if unit.kind == kind:
                return unit
    return units[0]


def categories_ensure(municipality, units: list) -> list[Category]:
    """The demo categories of ``municipality``, named in every demo language, each owned by
    a unit of the kind it suits."""
    made = []
    for order, (code, target, kinds, texts) in enumerate(CATEGORIES):
        category, created = Category.objects.get_or_create(
            municipality=municipality,
            code=code,
            defaults={
                "unit": _unit_for(units, kinds),
                "target_working_days": target,
                "sort_order": order,
            },
        )
        if created:
            for language, (name, _examples) in texts.items():
                CategoryName.objects.create(category=category, language=language, name=name)
        made.append(category)
    return made


def _moment_after(municipality, start, working_days: int, rng) -> datetime.datetime:
    """A moment on the ``working_days``-th working day after ``start``, before closing."""
    end = clock.due_at(municipality, start, working_days=max(working_days, 1))
    if working_days == 0:
        end = min(end, start + datetime.timedelta(hours=6))
        return max(start + datetime.timedelta(minutes=40), end - datetime.timedelta(hours=1))
    return end - datetime.timedelta(minutes=rng.randint(30, 420))


def _answer(case, at, staff, language):
    with _at(at):
        return case_transition(case=case, transition="answer", by=staff, note=ANSWERS[language])


def _life(case, category, *, municipality, rng, now, staff, earlier):
    """Take one request through a plausible life, at past moments."""
    filed, language = case.filed_at, case.language
    fate = rng.random()
    age = clock.working_days_between(municipality, filed, now)
    if fate < 0.04:
        with _at(filed + datetime.timedelta(hours=2)):
            case_transition(case=case, transition="reject", by=staff, note=ANSWERS[language])
        return
    if fate < 0.07 and earlier:
        with _at(filed + datetime.timedelta(hours=1)):
            case_link(case=case, other=rng.choice(earlier), kind="duplicate_of", by=staff)
            case_transition(case=case, transition="mark_duplicate", by=staff)
        return
    if fate < 0.09:
        with _at(filed + datetime.timedelta(hours=3)):
            case_transition(case=case, transition="forward", by=staff, note="→")
        return
    if fate < 0.15 and age > category.target_working_days:  # stuck with the unit: overdue
        with _at(filed + datetime.timedelta(hours=1)):
            case_transition(case=case, transition="start", by=staff)
        return
    late = rng.random() < 0.15
    delay = category.target_working_days + rng.randint(1, 6) if late else rng.randint(0, 4)
    delay = min(delay, category.target_working_days + 8)
    if age <= delay:  # not yet answered: still with the unit
        if rng.random() < 0.5:
            with _at(filed + datetime.timedelta(hours=1)):
                case_transition(case=case, transition="start", by=staff)
            if rng.random() < 0.2:
                with _at(filed + datetime.timedelta(hours=2)):
                    case_transition(case=case, transition="wait", by=staff, note="?")
        return
    answered = _answer(case, _moment_after(municipality, filed, delay, rng), staff, language)
    verdict = rng.random()
    rating = None
    if verdict < 0.12 and age > delay + 3:  # disputed, answered again
        with _at(answered.stopped_at + datetime.timedelta(hours=20)):
            case_transition(
                case=case, transition="dispute", by=None, by_resident=True, note="Not fixed."
            )
        again = _moment_after(municipality, answered.stopped_at, 2, rng)
        answered = _answer(case, again, staff, language)
        rating = rng.choice([1, 2, 3, 4])
    if verdict < 0.7 and age > delay + 1:
        with _at(answered.stopped_at + datetime.timedelta(hours=rng.randint(2, 40))):
            case_transition(case=case, transition="accept", by=None, by_resident=True)
        rating = rating or rng.choices([5, 4, 3, 2, 1], weights=[45, 30, 13, 7, 5])[0]
    elif age > delay + CLOSE_UNANSWERED_AFTER_DAYS:
        silent = clock.due_at(
            municipality, answered.stopped_at, working_days=CLOSE_UNANSWERED_AFTER_DAYS + 1
        )
        with _at(silent):
            request_close_silent(case=answered, now=silent)
    if rating is not None:
        CitizenRequest.objects.filter(case=case).update(rating=rating)


@transaction.atomic
def requests_ensure(municipality, units: list, *, count: int = REQUESTS_PER_SITE, now=None):
    """``count`` requests of ``municipality`` over the past year; none if it has some."""
    categories = categories_ensure(municipality, units)
    if CitizenRequest.objects.filter(case__municipality=municipality).exists():
        return 0
    now = now or timezone.now()
    rng = random.Random(municipality.slug)
    languages = [language for language in municipality.languages if language != "en"] or ["en"]
    staff = {}
    for category in categories:
        members = sorted(unit_member_ids(unit_ids=[category.unit_id]))
        staff[category.pk] = members[0] if members else None
    from django.contrib.auth import get_user_model

    users = get_user_model().objects.in_bulk([pk for pk in staff.values() if pk])
    moments = sorted(
        now - datetime.timedelta(days=DAYS_BACK * rng.random() ** 0.9, hours=rng.randint(0, 9))
        for _index in range(count)
    )
    earlier = {category.pk: [] for category in categories}
    for filed in moments:
        category = rng.choice(categories)
        language = languages[0] if rng.random() < 0.85 else rng.choice(municipality.languages)
        name = rng.choice(RESIDENTS.get(language, RESIDENTS["en"]))
        texts = dict(CATEGORIES[[c.code for c in categories].index(category.code)][3])
        description = rng.choice(texts.get(language, texts["en"])[1])
        with _at(filed):
            case = request_submit(
                municipality=municipality,
                category=category,
                description=description,
                language=language,
                channel=rng.choice(CHANNELS),
                name=name,
                email=f"resident{rng.randint(1, 999)}@example.org" if name else "",
                is_anonymous=not name,
                filed_at=filed,
            ).case
        _life(
            case,
            category,
            municipality=municipality,
            rng=rng,
            now=now,
            staff=users.get(staff[category.pk]),
            earlier=earlier[category.pk],
        )
        case.refresh_from_db(fields=["status"])
        if case.status != "duplicate":  # a duplicate is never the original of another
            earlier[category.pk].append(case)
    return count


def demo_requests(site) -> None:
    """The demo step (registered in DeskConfig.ready, after the staff): categories and a
    year of requests."""
    units = site.made["units"]
    units = list(units.values()) if isinstance(units, dict) else list(units)
    requests_ensure(site.made["municipality"], units)
