"""The demo's requests desks: a page per home page (language) under a word of that language,
and a few categories per municipality, named in its languages, owned by its demo units, with
their questions (a list to choose from, a required number to type). Running it again changes
nothing. Registered in ``DeskConfig.ready`` at order 55: after the units (30), before the home
pages' cards (portal, 60), which lead to the desk (``site.made["desks"]``)."""

from __future__ import annotations

from decimal import Decimal

from django.db import transaction

from municipium.core.pages import translations_ensure
from municipium.organisation.selectors import unit_list_for_municipality

from .models import Attribute, Category, CategoryName
from .pages import RequestDeskPage

SLUGS = {"tr": "istek-ve-sikayet", "fa": "درخواست", "pl": "zgloszenia", "en": "requests"}

PAGES = {
    "tr": ("İstek ve Şikâyet", "İstek, öneri ve şikâyetlerinizi buradan iletin; her başvuru "
           "ilgili birime gider ve sonucunu bu sayfadan izleyebilirsiniz."),
    "fa": ("ثبت درخواست و شکایت", "درخواست‌ها، پیشنهادها و شکایت‌های خود را اینجا ثبت کنید؛ "
           "هر درخواست به واحد مسئول می‌رسد و نتیجه را از همین صفحه پیگیری می‌کنید."),
    "pl": ("Zgłoszenia i wnioski", "Tu przekażesz zgłoszenie, wniosek lub skargę; każde trafia "
           "do właściwego działu, a jego los śledzisz na tej stronie."),
    "en": ("Requests and complaints", "Send your requests, suggestions and complaints here; "
           "each goes to the unit responsible, and you follow it on this page."),
}  # fmt: skip

# Where each site's map opens: (latitude, longitude, zoom).
MAP_CENTRES = {
    "bornova": ("38.466700", "27.216700", 13),
    "kuzeykent": ("39.933300", "32.859700", 11),
    "sisli": ("41.060200", "28.987700", 14),
    "bumehen": ("35.728800", "51.862600", 14),
    "rudziniec": ("50.434400", "18.498600", 12),
}

# Per site: (code, unit code, target working days, names {language: (name, description)},
# questions [(code, datatype, required, labels, values)]).
# fmt: off
PARK_PROBLEMS = [
    {"key": "play", "names": {"tr": "Kırık oyun grubu", "en": "Broken play equipment"}},
    {"key": "bench", "names": {"tr": "Kırık bank veya çöp kutusu", "en": "Broken bench or bin"}},
    {"key": "tree", "names": {"tr": "Budanması gereken ağaç", "en": "A tree needing pruning"}},
    {"key": "irrigation", "names": {"tr": "Sulama arızası", "en": "Broken sprinklers"}},
]
POLE = ("pole", "string", True, {"tr": "Direk numarası (direğin üzerindeki etikette)",
                                 "en": "Pole number (on the label on the pole)"}, [])
CATEGORIES = {
    "bornova": [
        ("park-bakim", "park-ve-bahceler", 5,
         {"tr": ("Park ve yeşil alan", "Parklarda kırık oyun grupları, banklar, ağaçlar ve sulama."),
          "en": ("Parks and green spaces", "Broken play equipment, benches, trees and sprinklers in parks.")},
         [("problem", "singlevaluelist", True, {"tr": "Sorun nedir?", "en": "What is the problem?"}, PARK_PROBLEMS)]),
        ("park-aydinlatma", "park-ve-bahceler", 3,
         {"tr": ("Park aydınlatması", "Parklarda yanmayan veya yanıp sönen lambalar."),
          "en": ("Park lighting", "Lamps in parks that are off or blinking.")},
         [POLE]),
        ("kultur-etkinlik", "kultur-ve-sosyal-isler", 10,
         {"tr": ("Kültür ve etkinlikler", "Etkinlikler, kurslar ve kültür merkezleri hakkında istek ve öneriler."),
          "en": ("Culture and events", "Requests and suggestions about events, courses and culture centres.")},
         []),
        ("diger", "cagri-merkezi", 10,
         {"tr": ("Diğer istek ve şikâyetler", "Başka bir başlığa uymayan her konu: Çağrı Merkezi ilgili birime iletir."),
          "en": ("Other requests and complaints", "Anything else: the call centre sends it to the unit responsible.")},
         []),
    ],
    "kuzeykent": [
        ("bulten-dagitim", "basin-yayin-halkla-iliskiler", 5,
         {"tr": ("Haftalık bülten", "Bültenin dağıtımı, abonelik ve içerik hakkında."),
          "en": ("Weekly bulletin", "Delivery of the bulletin, subscriptions and its content.")},
         [("district", "singlevaluelist", False, {"tr": "İlçe", "en": "District"},
           [{"key": "merkez", "names": {"tr": "Merkez", "en": "Centre"}},
            {"key": "kuzey", "names": {"tr": "Kuzey", "en": "North"}},
            {"key": "guney", "names": {"tr": "Güney", "en": "South"}}])]),
        ("alo-153", "cagri-merkezi", 10,
         {"tr": ("Alo 153: genel istek ve şikâyet", "Yol, su, ulaşım ve diğer büyükşehir hizmetleri."),
          "en": ("Call 153: general requests", "Roads, water, transport and other metropolitan services.")},
         []),
    ],
    "sisli": [
        ("dilekce", "ozel-kalem-public-relations-and-petitions-unit", 15,
         {"tr": ("Başkana dilekçe", "Başkanımıza iletmek istediğiniz dilekçe ve öneriler."),
          "en": ("Petition to the mayor", "Petitions and suggestions for the mayor.")},
         []),
        ("beyaz-masa", "beyaz-masa", 10,
         {"tr": ("Beyaz Masa: istek ve şikâyet", "Sokak, çevre, temizlik ve diğer hizmetler."),
          "en": ("White Desk: requests and complaints", "Streets, environment, cleaning and other services.")},
         [("topic", "singlevaluelist", True, {"tr": "Konu", "en": "Topic"},
           [{"key": "temizlik", "names": {"tr": "Temizlik", "en": "Cleaning"}},
            {"key": "kaldirim", "names": {"tr": "Kaldırım ve yol", "en": "Pavement and road"}},
            {"key": "gurultu", "names": {"tr": "Gürültü", "en": "Noise"}}])]),
    ],
    "bumehen": [
        ("roshanaei-moaber", "samaneh-137", 3,
         {"fa": ("روشنایی معابر", "چراغ‌های خاموش یا چشمک‌زن در کوچه‌ها و خیابان‌ها."),
          "en": ("Street lighting", "Street lamps that are off or blinking.")},
         [("pole", "string", True, {"fa": "شماره تیر چراغ (روی برچسب تیر)", "en": "Pole number (on the pole's label)"}, [])]),
        ("barnameh-farhangi", "farhangi-ejtemaei-cultural-programmes-office", 10,
         {"fa": ("برنامه‌های فرهنگی", "درخواست و پیشنهاد درباره برنامه‌های فرهنگی و اجتماعی."),
          "en": ("Cultural programmes", "Requests and suggestions about cultural and social programmes.")},
         [("audience", "singlevaluelist", False, {"fa": "برای چه کسانی؟", "en": "For whom?"},
           [{"key": "children", "names": {"fa": "کودکان", "en": "Children"}},
            {"key": "youth", "names": {"fa": "نوجوانان و جوانان", "en": "Young people"}},
            {"key": "families", "names": {"fa": "خانواده‌ها", "en": "Families"}}])]),
        ("sayer", "samaneh-137", 10,
         {"fa": ("سایر درخواست‌ها", "هر موضوع دیگر: سامانه ۱۳۷ آن را به واحد مسئول می‌فرستد."),
          "en": ("Other requests", "Anything else: the 137 line sends it to the unit responsible.")},
         []),
    ],
    "rudziniec": [
        ("zajecia", "dzial-programowy", 10,
         {"pl": ("Zajęcia i sekcje", "Pytania i propozycje dotyczące zajęć, sekcji i warsztatów."),
          "en": ("Classes and sections", "Questions and suggestions about classes, sections and workshops.")},
         [("section", "singlevaluelist", True, {"pl": "Której sekcji dotyczy?", "en": "Which section?"},
           [{"key": "muzyka", "names": {"pl": "Muzyka", "en": "Music"}},
            {"key": "taniec", "names": {"pl": "Taniec", "en": "Dance"}},
            {"key": "plastyka", "names": {"pl": "Plastyka i rękodzieło", "en": "Art and crafts"}}])]),
        ("inne", "informacja", 14,
         {"pl": ("Inne sprawy", "Wszystko inne: punkt informacyjny przekaże sprawę dalej."),
          "en": ("Other matters", "Anything else: the information desk passes it on.")},
         []),
    ],
}
# fmt: on


def _category_ensure(municipality, units, order, spec) -> Category:
    code, unit_code, target, names, questions = spec
    category, _created = Category.objects.update_or_create(
        municipality=municipality,
        code=code,
        defaults={"unit": units[unit_code], "target_working_days": target, "sort_order": order},
    )
    for language, (name, description) in names.items():
        if language in municipality.languages:
            CategoryName.objects.update_or_create(
                category=category,
                language=language,
                defaults={"name": name, "description": description},
            )
    for position, (q_code, datatype, required, labels, values) in enumerate(questions):
        Attribute.objects.update_or_create(
            category=category,
            code=q_code,
            defaults={
                "datatype": datatype,
                "required": required,
                "labels": labels,
                "values": values,
                "sort_order": position,
            },
        )
    return category


@transaction.atomic
def categories_ensure(slug: str, municipality, units: dict) -> list[Category]:
    """The site's demo categories, owned by its demo units (left out where the unit is not)."""
    return [
        _category_ensure(municipality, units, order, spec)
        for order, spec in enumerate(CATEGORIES.get(slug, []))
        if spec[1] in units
    ]


def desk_pages_ensure(slug: str, homes: dict) -> dict[str, RequestDeskPage]:
    latitude, longitude, zoom = MAP_CENTRES.get(slug, (None, None, 13))
    fields = {
        language: {
            "title": PAGES[language][0],
            "intro": PAGES[language][1],
            # Reached from the home page's quick-access cards: a fourth item in the main menu
            # pushed the news listing's first article below a phone's first screen.
            "show_in_menus": False,
            "map_latitude": Decimal(latitude) if latitude else None,
            "map_longitude": Decimal(longitude) if longitude else None,
            "map_zoom": zoom,
        }
        for language in homes
        if language in PAGES
    }
    return translations_ensure(parents=homes, page_class=RequestDeskPage, slug=SLUGS, fields=fields)


def demo_desk(site) -> None:
    """The demo step: the categories and the desk pages; leaves ``site.made["desks"]``."""
    municipality = site.made["municipality"]
    units = {unit.code: unit for unit in unit_list_for_municipality(municipality=municipality)}
    categories_ensure(site.key, municipality, units)
    site.made["desks"] = desk_pages_ensure(site.key, site.made["homes"])
