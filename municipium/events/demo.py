"""The demo's programme: a full season for Bornova (every type of page 000, courses whose
sessions are a weekly rule, children's workshops with age ranges, science workshops and trips
for school classes with places), Rudziniec's festival and competition with page 004's
partners, and events in Persian for Bumehen; each site's programme page under its home pages.

Dates are relative to today in the municipality's time zone, so the programme is never empty.
Saved through ``events.services.event_save`` (audited, by the system); an event already there
(by its title in the site's language) is left as it is, so running it again changes nothing.
Registered in ``EventsConfig.ready`` at order 45: after the units (30) and the venues and
partners (culture, 42), before the home pages' cards (portal, 60), which lead to the programme
(``site.made["programmes"]``)."""

import datetime
import zoneinfo
from decimal import Decimal

from municipium.core.pages import translations_ensure
from municipium.culture.selectors import event_type_get
from municipium.organisation.selectors import unit_list_for_municipality

from .models import Event, EventText, ProgrammePage
from .services import event_save

SLUGS = {"tr": "etkinlikler", "fa": "رویدادها", "pl": "wydarzenia", "en": "events"}
PAGES = {
    "tr": ("Etkinlikler", "Konserler, söyleşiler, kurslar, atölyeler ve kent gezileri."),
    "fa": ("رویدادها", "برنامه‌های فرهنگی، کارگاه‌ها و دوره‌ها."),
    "pl": ("Wydarzenia", "Koncerty, przeglądy, konkursy, warsztaty i festyny."),
    "en": ("Events", "Concerts, talks, courses, workshops and city walks."),
}
UNITS = {
    "bornova": ("kultur-ve-sosyal-isler-events-section", "kultur-ve-sosyal-isler"),
    "rudziniec": ("dzial-programowy",),
    "bumehen": ("farhangi-ejtemaei",),
}

# (type, days from today, hour, hours long, rule, venue (index), partners (indexes),
#  audience, (age min, age max), registration, places, price, {language: (title, summary)})
# fmt: off
EVENTS = {
    "bornova": [
        ("talk", 3, 19, 2, "", 0, [2], "adults", None, "none", None, None,
         {"tr": ("Yazarlar Bornova'da: kent ve edebiyat", "Bornovalı yazarlarla bir söyleşi."), "en": ("Writers in Bornova: the city and literature", "A talk with Bornova's writers.")}),
        ("symposium", 20, 10, 7, "FREQ=DAILY;COUNT=2", 0, [0], "adults", None, "none", None, None,
         {"tr": ("Kent Kültürü Sempozyumu", "İki günlük bilimsel sempozyum."), "en": ("Symposium on Urban Culture", "A two-day academic symposium.")}),
        ("panel", 9, 18, 2, "", 0, [0, 4], "everyone", None, "none", None, None,
         {"tr": ("Panel: Bornova'nın kültür mirası", "Tarihi yapılar ve yaşayan gelenekler."), "en": ("Panel: Bornova's heritage", "Historic buildings and living traditions.")}),
        ("conference", 30, 14, 3, "", 0, [0], "adults", None, "occurrence", 300, None,
         {"tr": ("Konferans: İklim ve kent", "Ege Üniversitesi ile."), "en": ("Conference: climate and the city", "With Ege University.")}),
        ("concert", 6, 21, 2, "", 1, [3], "everyone", None, "none", None, None,
         {"tr": ("Yaz akşamı konseri", "Açıkhavada Ege ezgileri."), "en": ("Summer evening concert", "Aegean songs in the open air.")}),
        ("festival", 40, 11, 9, "FREQ=DAILY;COUNT=3", 1, [3, 2], "everyone", None, "none", None, None,
         {"tr": ("Bornova Kültür Sanat Festivali", "Üç gün boyunca müzik, tiyatro ve dans."), "en": ("Bornova Culture and Arts Festival", "Three days of music, theatre and dance.")}),
        ("show", 12, 20, 2, "", 0, [], "families", None, "occurrence", 400, Decimal("75.00"),
         {"tr": ("Gösteri: Halk dansları topluluğu", "Bornova halk dansları gösterisi."), "en": ("Show: folk dance ensemble", "Bornova's folk dance show.")}),
        ("celebration", 25, 17, 4, "", 1, [], "everyone", None, "none", None, None,
         {"tr": ("Çocuk şenliği", "Oyunlar, müzik ve atölyeler."), "en": ("Children's celebration", "Games, music and workshops.")}),
        ("city_tour", 4, 10, 3, "FREQ=WEEKLY;BYDAY=SA;COUNT=6", 2, [4], "everyone", None, "occurrence", 25, None,
         {"tr": ("Tarihi Bornova yürüyüşü", "Levanten köşkleri ve eski çarşı."), "en": ("Historic Bornova walk", "Levantine mansions and the old market.")}),
        ("fair", 50, 10, 8, "FREQ=DAILY;COUNT=4", 1, [], "everyone", None, "none", None, None,
         {"tr": ("Kitap fuarı standımız", "Belediyemizin standında imza günleri."), "en": ("Our stand at the book fair", "Signing days at the municipality's stand.")}),
        ("exhibition_opening", 15, 18, 2, "", 2, [4], "everyone", None, "none", None, None,
         {"tr": ("Sergi açılışı: Bornova'nın sesleri", "Sözlü tarih sergisi."), "en": ("Opening: the voices of Bornova", "An oral-history exhibition.")}),
        ("course", 7, 18, 2, "FREQ=WEEKLY;BYDAY=TU,TH;COUNT=16", 0, [3], "adults", None, "series", 20, None,
         {"tr": ("Seramik kursu (yetişkin)", "Sekiz haftada çarkta seramik."), "en": ("Ceramics course (adults)", "Wheel-thrown ceramics in eight weeks.")}),
        ("course", 8, 10, 2, "FREQ=WEEKLY;BYDAY=SA;COUNT=10", 0, [], "youth", (13, 17), "series", 15, Decimal("150.00"),
         {"tr": ("Gençler için gitar kursu", "On hafta, başlangıç düzeyi."), "en": ("Guitar course for teenagers", "Ten weeks, beginners.")}),
        ("workshop", 5, 14, 2, "FREQ=WEEKLY;COUNT=4", 2, [3], "children", (7, 11), "occurrence", 12, None,
         {"tr": ("Çocuklar için resim atölyesi", "7-11 yaş, malzemeler bizden."), "en": ("Painting workshop for children", "Ages 7 to 11, materials provided.")}),
        ("workshop", 11, 11, 1, "", 2, [], "children", (4, 6), "occurrence", 10, None,
         {"tr": ("Minikler için masal atölyesi", "4-6 yaş, bir veliyle."), "en": ("Storytelling for little ones", "Ages 4 to 6, with a parent.")}),
        ("science_workshop", 10, 10, 2, "FREQ=WEEKLY;BYDAY=WE;COUNT=8", 3, [0, 1], "schools", (9, 12), "occurrence", 30, None,
         {"tr": ("Bilim atölyesi: suyun yolculuğu", "Okul sınıfları için, 4-6. sınıflar."), "en": ("Science workshop: the journey of water", "For school classes, grades 4 to 6.")}),
        ("trip", 18, 9, 6, "FREQ=WEEKLY;BYDAY=FR;COUNT=4", 2, [1, 4], "schools", (10, 14), "occurrence", 40, None,
         {"tr": ("Okul gezisi: Bornova'nın tarihi mekânları", "Sınıflar için rehberli gezi."), "en": ("School trip: Bornova's historic places", "A guided trip for classes.")}),
    ],
    "rudziniec": [
        ("festival", 21, 12, 8, "", 1, [0, 5, 6], "everyone", None, "none", None, None,
         {"pl": ("Festyn gminny i dożynki", "Korowód sołectw, stoiska KGW i koncert."), "en": ("Commune fair and harvest festival", "The villages' parade, stalls and a concert.")}),
        ("competition", 14, 10, 4, "", 0, [1, 4], "schools", (7, 15), "occurrence", 60, None,
         {"pl": ("Konkurs ekologiczny dla szkół", "Z Polskim Klubem Ekologicznym."), "en": ("Environmental competition for schools", "With the Polish Ecological Club.")}),
        ("review", 35, 16, 3, "", 0, [7, 4], "everyone", None, "none", None, None,
         {"pl": ("Przegląd kolęd i pastorałek", "Z parafią i szkołami gminy."), "en": ("Carol review", "With the parish and the commune's schools.")}),
        ("workshop", 6, 16, 2, "FREQ=WEEKLY;BYDAY=WE;COUNT=10", 0, [2], "children", (8, 12), "series", 15, None,
         {"pl": ("Warsztaty plastyczne dla dzieci", "Sekcja plastyczna GOK."), "en": ("Art workshops for children", "The culture centre's art section.")}),
    ],
    "bumehen": [
        ("talk", 5, 17, 2, "", 0, [1], "adults", None, "none", None, None,
         {"fa": ("شب شعر بومهن", "با انجمن ادبی بومهن."), "en": ("Bumehen poetry evening", "With Bumehen's literary society.")}),
        ("workshop", 8, 10, 2, "FREQ=WEEKLY;BYDAY=SA;COUNT=6", 0, [0], "children", (6, 10), "series", 15, None,
         {"fa": ("کارگاه کتاب‌خوانی کودکان", "برای کودکان ۶ تا ۱۰ سال."), "en": ("Children's reading workshop", "For children aged 6 to 10.")}),
    ],
}
# fmt: on


def _unit(slug, municipality):
    units = {unit.code: unit for unit in unit_list_for_municipality(municipality=municipality)}
    for code in UNITS.get(slug, ()):
        if code in units:
            return units[code]
    return next(iter(units.values()), None)


def events_ensure(slug: str, municipality, *, venues: list, partners: list, today=None) -> list:
    unit = _unit(slug, municipality)
    if unit is None or not venues:
        return []
    zone = zoneinfo.ZoneInfo(municipality.time_zone)
    today = today or datetime.datetime.now(zone).date()
    made = []
    for spec in EVENTS.get(slug, []):
        code, days, hour, hours, rule, venue, chosen, audience, ages, registration, places = spec[
            :11
        ]
        price, titles = spec[11], spec[12]
        texts = {
            language: {"title": title, "summary": summary}
            for language, (title, summary) in titles.items()
            if language in municipality.languages
        }
        first = texts.get(municipality.default_language) or next(iter(texts.values()))
        found = EventText.objects.filter(
            event__municipality=municipality, title=first["title"]
        ).first()
        if found is not None:
            made.append(found.event)
            continue
        starts = datetime.datetime.combine(
            today + datetime.timedelta(days=days), datetime.time(hour), tzinfo=zone
        )
        event = Event(
            municipality=municipality, event_type=event_type_get(code=code), unit=unit,
            venue=venues[min(venue, len(venues) - 1)], audience=audience,
            age_min=ages[0] if ages else None, age_max=ages[1] if ages else None,
            time_zone=municipality.time_zone, starts_at=starts,
            ends_at=starts + datetime.timedelta(hours=hours), recurrence=rule,
            is_published=True, is_free=price is None, price=price,
            registration=registration, capacity=places,
        )  # fmt: skip
        made.append(
            event_save(
                event=event,
                by=None,
                texts=texts,
                partners=[partners[index] for index in chosen if index < len(partners)],
            )
        )
    return made


def programme_pages_ensure(homes: dict) -> dict:
    fields = {
        language: {"title": PAGES[language][0], "intro": PAGES[language][1], "show_in_menus": False}
        for language in homes
        if language in PAGES
    }
    return translations_ensure(parents=homes, page_class=ProgrammePage, slug=SLUGS, fields=fields)


def demo_events(site) -> None:
    """The demo step: the season's events and the programme pages; leaves
    ``site.made["events"]`` and ``site.made["programmes"]`` (by language)."""
    municipality = site.made["municipality"]
    venues = list(site.made.get("venues", {}).values())
    partners = list(site.made.get("partners", {}).values())
    site.made["events"] = events_ensure(site.key, municipality, venues=venues, partners=partners)
    site.made["programmes"] = programme_pages_ensure(site.made["homes"])
