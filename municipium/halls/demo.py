"""The demo's halls: a halls page under each home page of Bornova, Rudziniec and Bumehen, three
halls for Bornova (page 000: "salon ve etkinlik alanlarını tahsis etmek"), one for Rudziniec's
culture centre and one for Bumehen's, with requests in every state over the coming weeks, made
through the services, and a drawing of each hall (``demo_images``). Running it again changes
nothing. Registered in ``HallsConfig.ready`` at order 45: after the units (30) and the venues
(culture, 42), before the home pages' cards (portal, 60).

The halls are in the culture demo's culture centre of their site, found by its key
(``culture.demo.VENUE_KEYS``): one venue per place, which the programme's events share."""

from __future__ import annotations

import datetime
import unicodedata
import zoneinfo
from decimal import Decimal

from django.db import transaction
from django.utils import timezone

from municipium.core.pages import translations_ensure
from municipium.culture.demo import demo_venue
from municipium.organisation.selectors import unit_list_for_municipality
from municipium.tenancy.demo import collection_ensure

from .demo_images import hall_image_ensure
from .models import Hall, HallOpening, HallPhoto, HallText
from .pages import SLUGS, HallsPage
from .services import booking_approve, booking_cancel, booking_decline, booking_request

PAGES = {
    "tr": ("Salonlar ve etkinlik alanları", "Derneklerimiz ve hemşehrilerimiz salonlarımızı "
           "etkinlikleri için isteyebilir; istekler beş iş günü içinde yanıtlanır."),
    "fa": ("سالن‌ها", "انجمن‌ها و شهروندان می‌توانند سالن‌ها را برای برنامه‌های خود درخواست کنند."),
    "pl": ("Sale do wynajęcia", "Stowarzyszenia i mieszkańcy mogą zarezerwować sale na swoje "
           "wydarzenia; odpowiadamy w ciągu pięciu dni roboczych."),
    "en": ("Halls lent on request", "Associations and residents may ask for our halls for "
           "their events; requests are answered within five working days."),
}  # fmt: skip

# Per site: the unit (first found), the halls: (slug, seats, standing, flags, fees, texts
# {language: (name, description, equipment)}); each hall's drawing is ``demo_images``' by slug.
# fmt: off
HALLS = {
    "bornova": {
        "units": ("kultur-ve-sosyal-isler-events-section", "kultur-ve-sosyal-isler"),
        "halls": [
            ("buyuk-salon", 420, 0, {"projector": True, "sound_system": True, "stage": True, "piano": True,
                                      "step_free": True, "accessible_toilet": True, "hearing_loop": True},
             {"fee_per_hour": Decimal("750"), "fee_per_day": Decimal("5000"), "free_for_associations": True},
             {"tr": ("Büyük Salon", "Sahneli, 420 koltuklu konser ve tiyatro salonu.", "Kuyruklu piyano, ses ve ışık sistemi, projeksiyon."),
              "en": ("Main Hall", "A 420-seat concert and theatre hall with a stage.", "Grand piano, sound and lighting, projector.")}),
            ("seminer-salonu", 80, 120, {"projector": True, "sound_system": True, "wifi": True, "step_free": True},
             {"fee_per_hour": Decimal("250"), "free_for_associations": True},
             {"tr": ("Seminer Salonu", "Söyleşi, panel ve toplantılar için 80 kişilik salon.", "Projeksiyon, yaka mikrofonu, kablosuz internet."),
              "en": ("Seminar Room", "An 80-seat room for talks, panels and meetings.", "Projector, lapel microphone, wireless internet.")}),
            ("sergi-fuayesi", 0, 200, {"step_free": True, "accessible_toilet": True},
             {"fee_per_day": Decimal("1500")},
             {"tr": ("Sergi Fuayesi", "Sergi ve stant etkinlikleri için aydınlık fuaye.", "Sergi panoları, askı sistemi."),
              "en": ("Exhibition Foyer", "A bright foyer for exhibitions and stands.", "Display boards, hanging system.")}),
        ],
    },
    "rudziniec": {
        "units": ("dzial-programowy",),
        "halls": [
            ("sala-widowiskowa", 150, 200, {"stage": True, "sound_system": True, "kitchen": True, "step_free": True},
             {"fee_per_hour": Decimal("120"), "free_for_associations": True},
             {"pl": ("Sala widowiskowa", "Sala ze sceną na przeglądy, koncerty i zebrania wiejskie.", "Scena, nagłośnienie, zaplecze kuchenne."),
              "en": ("Theatre hall", "A hall with a stage for reviews, concerts and village meetings.", "Stage, sound system, kitchen.")}),
        ],
    },
    "bumehen": {
        "units": ("farhangi-ejtemaei",),
        "halls": [
            ("salon-ejtemaat", 200, 0, {"stage": True, "projector": True, "sound_system": True, "step_free": True,
                                        "accessible_toilet": True},
             {"fee_per_hour": Decimal("1500000"), "free_for_associations": True},
             {"fa": ("سالن اجتماعات", "سالنی با صحنه و ۲۰۰ صندلی برای همایش‌ها، شب‌های شعر و نمایش.", "صحنه، ویدئو پروژکتور، سیستم صوتی."),
              "en": ("Assembly hall", "A 200-seat hall with a stage for meetings, poetry evenings and plays.", "Stage, projector, sound system.")}),
        ],
    },
}
RULES = {
    "fa": "استعمال دخانیات ممنوع است. پس از برنامه، سالن را همان‌گونه که تحویل گرفته‌اید تحویل دهید.",
    "tr": "Salonda sigara içilmez, yiyecek ve içecek yalnızca fuayede. Etkinlik sonunda salon teslim alındığı gibi bırakılır.",
    "pl": "Na sali obowiązuje zakaz palenia. Po wydarzeniu salę oddaje się w stanie, w jakim ją przyjęto.",
    "en": "No smoking. Food and drink in the foyer only. Leave the hall as you found it.",
}
FEES = {
    "fa": "برای انجمن‌ها رایگان است؛ دیگران ساعتی هزینه می‌پردازند.",
    "tr": "Dernekler için ücretsizdir; diğer kullanımlar için saatlik ücret uygulanır.",
    "pl": "Dla stowarzyszeń bezpłatnie; w pozostałych przypadkach opłata godzinowa.",
    "en": "Free for associations; other users pay by the hour.",
}
# Requests for the first hall of each site: (days ahead, start hour, end hour, name,
# organisation, purpose, audience, what happens next).
REQUESTS = {
    "bornova": [
        (10, 18, 21, "Ayşe Demir", "Bornova Kent Konseyi", "Kadın kooperatifleri buluşması", 250, "approve"),
        (12, 14, 17, "Mehmet Kaya", "Ege Müzik Derneği", "Gençlik korosu konseri", 380, "requested"),
        (10, 19, 21, "Zeynep Aksoy", "", "Mahalle dayanışma toplantısı", 120, "waiting"),
        (15, 10, 12, "Can Yıldız", "Bornova Satranç Kulübü", "Satranç turnuvası", 60, "decline"),
        (18, 19, 22, "Elif Şahin", "Bornova Tiyatro Topluluğu", "Tiyatro gösterisi", 300, "offered"),
        (24, 11, 13, "Ali Çelik", "", "Kitap imza günü", 90, "cancel"),
    ],
    "rudziniec": [
        (14, 17, 20, "Anna Kowalska", "Koło Gospodyń Wiejskich Rudziniec", "Przegląd kolęd i pastorałek", 140, "approve"),
        (21, 16, 19, "Jan Nowak", "", "Zebranie sołeckie", 60, "requested"),
    ],
    "bumehen": [
        (11, 17, 20, "مریم رضایی", "انجمن ادبی بومهن", "شب شعر", 120, "approve"),
        (16, 10, 12, "علی محمدی", "", "جلسه‌ی شورای محله", 40, "requested"),
    ],
}
# fmt: on


def _ascii(word: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", word.lower()) if c.isascii())


def _photo_ensure(hall: Hall, collection) -> None:
    if not hall.photos.exists():
        HallPhoto.objects.create(
            hall=hall, image=hall_image_ensure(hall.slug, collection=collection)
        )


@transaction.atomic
def halls_ensure(slug: str, municipality) -> list[Hall]:
    spec = HALLS.get(slug)
    if spec is None:
        return []
    units = {unit.code: unit for unit in unit_list_for_municipality(municipality=municipality)}
    unit = next((units[code] for code in spec["units"] if code in units), None)
    venue = demo_venue(slug, municipality, "culture-centre")
    if unit is None or venue is None:
        return []
    collection = collection_ensure(municipality)
    halls = []
    for slug_, seats, standing, flags, fees, texts in spec["halls"]:
        hall, _created = Hall.objects.update_or_create(
            municipality=municipality,
            slug=slug_,
            defaults={
                "venue": venue, "unit": unit, "seats": seats, "standing": standing,
                "setup_minutes": 60, "clearing_minutes": 30, "notice_days": 7,
                "max_ahead_days": 120, **flags, **fees,
            },
        )  # fmt: skip
        for language, (name, description, equipment) in texts.items():
            if language in municipality.languages:
                HallText.objects.update_or_create(
                    hall=hall,
                    language=language,
                    defaults={
                        "name": name,
                        "description": description,
                        "equipment": equipment,
                        "rules": RULES.get(language, ""),
                        "fees": FEES.get(language, ""),
                    },
                )
        _photo_ensure(hall, collection)
        if not hall.openings.exists():
            for weekday in range(7):
                HallOpening.objects.create(
                    hall=hall, weekday=weekday, opens=datetime.time(9), closes=datetime.time(23)
                )
        halls.append(hall)
    return halls


def bookings_ensure(slug: str, hall: Hall, language: str) -> int:
    """Requests in every state for ``hall`` over the coming weeks (once: none if it has any)."""
    if hall.bookings.exists():
        return 0
    zone = zoneinfo.ZoneInfo(hall.municipality.time_zone)
    today = timezone.now().astimezone(zone).date()
    made = {}
    for days, start, end, name, organisation, purpose, audience, next_step in REQUESTS.get(
        slug, []
    ):
        day = today + datetime.timedelta(days=days)
        data = {
            "starts_at": datetime.datetime.combine(day, datetime.time(start), tzinfo=zone),
            "ends_at": datetime.datetime.combine(day, datetime.time(end), tzinfo=zone),
            "name": name, "organisation": organisation,
            "requester": "association" if organisation else "resident",
            "email": f"{_ascii(name.split()[0]) or 'requester'}@example.org", "phone": "",
            "purpose": purpose, "audience": audience, "equipment": "",
            "waiting_list": next_step in ("waiting",),
        }  # fmt: skip
        if next_step == "offered":
            # Someone holds the slot; this request waits; the holder cancels: it is offered.
            holder = booking_request(
                hall=hall, data={**data, "name": "Demo", "waiting_list": False}, language=language
            )
            booking_approve(booking=holder, by=None)
            waiting = booking_request(
                hall=hall, data={**data, "waiting_list": True}, language=language
            )
            booking_cancel(booking=holder, by=None)
            made[next_step] = waiting
            continue
        booking = booking_request(hall=hall, data=data, language=language)
        if next_step == "approve":
            booking_approve(booking=booking, by=None)
        elif next_step == "decline":
            booking_decline(booking=booking, by=None, reason=_DECLINE[language])
        elif next_step == "cancel":
            booking_approve(booking=booking, by=None)
            booking_cancel(booking=booking, by=None)
        made[next_step] = booking
    return len(made)


_DECLINE = {
    "tr": "Salon o gün bakımda olacak; başka bir tarih önerebilirsiniz.",
    "pl": "Sala będzie tego dnia w remoncie; prosimy o inny termin.",
    "en": "The hall is being repaired that day; please suggest another date.",
}


def halls_pages_ensure(homes: dict) -> dict[str, HallsPage]:
    fields = {
        language: {"title": PAGES[language][0], "intro": PAGES[language][1], "show_in_menus": False}
        for language in homes
        if language in PAGES
    }
    return translations_ensure(parents=homes, page_class=HallsPage, slug=SLUGS, fields=fields)


def demo_halls(site) -> None:
    """The demo step: halls, their requests and the halls pages; leaves
    ``site.made["halls_pages"]``."""
    if site.key not in HALLS:
        return
    municipality = site.made["municipality"]
    halls = halls_ensure(site.key, municipality)
    if halls:
        bookings_ensure(site.key, halls[0], municipality.default_language)
        site.made["halls_pages"] = halls_pages_ensure(site.made["homes"])
