"""The demo's venues and partners. Bornova: its culture centres, halls and open-air stages,
and the writers, artists, universities and associations page 000 names as partners in kind;
Rudziniec: the commune culture centre's rooms and page 004's partners (schools, village heads,
associations, the parish, regional networks); Bumehen: a few. Saved through the culture
services (audited, by the system); running it again changes nothing. Registered in
``CultureConfig.ready`` at order 42, after the units (30); leaves ``site.made["venues"]`` and
``site.made["partners"]`` (by name) for the programme's demo (45)."""

from municipium.culture.models import Partner, Venue
from municipium.culture.services import partner_ensure, venue_save

Kind = Partner.Kind

# (name, address, latitude, longitude, step-free, accessible toilet, hearing loop,
#  {language: (directions, accessibility)})
# fmt: off
VENUES = {
    "bornova": [
        ("Bornova Kültür Merkezi", "Kazımdirik Mah., Bornova", "38.462400", "27.216100", True, True, True,
         {"tr": ("Bornova metro istasyonundan 5 dakika yürüme.", "Rampa ve asansör; büyük salonda işitme döngüsü."),
          "en": ("Five minutes' walk from Bornova metro station.", "Ramp and lift; a hearing loop in the main hall.")}),
        ("Aşık Veysel Rekreasyon Alanı Açıkhava Sahnesi", "Aşık Veysel Rekreasyon Alanı, Bornova", "38.448000", "27.200000", True, True, False,
         {"tr": ("Otobüs: Ege Üniversitesi durakları.", "Sahnenin önünde tekerlekli sandalye alanı."),
          "en": ("Bus: Ege University stops.", "Wheelchair places in front of the stage.")}),
        ("Bornova Sanat Evi", "Mustafa Kemal Cad., Bornova", "38.466000", "27.219000", False, False, False,
         {"tr": ("Bornova Meydanı'na 3 dakika.", "Tarihi bina: girişte üç basamak var."),
          "en": ("Three minutes from Bornova Square.", "A historic house: three steps at the entrance.")}),
        ("Bornova Bilim Atölyesi", "Erzene Mah., Bornova", "38.457000", "27.226000", True, True, False,
         {"tr": ("Okul servisleri bahçeye girebilir.", "Tek katlı, basamaksız."),
          "en": ("School coaches can enter the yard.", "One floor, no steps.")}),
    ],
    "rudziniec": [
        ("Gminny Ośrodek Kultury Rudziniec: sala widowiskowa", "ul. Gliwicka 26, Rudziniec", "50.434400", "18.498600", True, True, False,
         {"pl": ("Przystanek autobusowy Rudziniec Kościół, 200 m.", "Wejście bez schodów, toaleta dla osób z niepełnosprawnościami."),
          "en": ("Bus stop Rudziniec Kościół, 200 m.", "Step-free entrance, accessible toilet.")}),
        ("Boisko sportowe w Rudzińcu", "ul. Sportowa, Rudziniec", "50.436000", "18.502000", True, False, False,
         {"pl": ("Obok szkoły podstawowej.", "Teren płaski, trawiasty."), "en": ("Next to the primary school.", "Flat grass.")}),
    ],
    "bumehen": [
        ("فرهنگسرای بومهن", "بلوار امام خمینی، بومهن", "35.728800", "51.862600", True, True, False,
         {"fa": ("نزدیک ایستگاه اتوبوس میدان اصلی.", "ورودی بدون پله و سرویس بهداشتی ویژه."),
          "en": ("Near the main square's bus stop.", "Step-free entrance and an accessible toilet.")}),
    ],
}

# The venues other demos name, by a key that stays when a venue's name is edited: the halls'
# demo lends the culture centres' halls (one venue per place, not a second by another name).
VENUE_KEYS = {
    "bornova": {"culture-centre": "Bornova Kültür Merkezi"},
    "rudziniec": {"culture-centre": "Gminny Ośrodek Kultury Rudziniec: sala widowiskowa"},
    "bumehen": {"culture-centre": "فرهنگسرای بومهن"},
}

# (name, kind, website, {language: description})
PARTNERS = {
    "bornova": [
        ("Ege Üniversitesi", Kind.UNIVERSITY, "https://ege.edu.tr", {"tr": "Bilim atölyeleri ve sempozyumlar.", "en": "Science workshops and symposia."}),
        ("Bornova İlçe Milli Eğitim Müdürlüğü", Kind.PUBLIC_BODY, "", {"tr": "Okul sınıfları için bilim atölyeleri ve geziler.", "en": "Science workshops and trips for school classes."}),
        ("Bornova Yazarlar Derneği", Kind.ASSOCIATION, "", {"tr": "Söyleşiler ve okuma günleri.", "en": "Talks and reading days."}),
        ("Ege Sanatçılar Kolektifi", Kind.ARTIST, "", {"tr": "Konserler ve atölyeler.", "en": "Concerts and workshops."}),
        ("Bornova Kent Tarihi Gönüllüleri", Kind.ASSOCIATION, "", {"tr": "Kent gezileri ve sözlü tarih.", "en": "City walks and oral history."}),
    ],
    "rudziniec": [
        ("LGD Spichlerz Górnego Śląska", Kind.NETWORK, "", {"pl": "Wspólne projekty i festiwale regionu.", "en": "Shared projects and regional festivals."}),
        ("Polski Klub Ekologiczny w Gliwicach", Kind.ASSOCIATION, "", {"pl": "Konkursy ekologiczne dla szkół.", "en": "Environmental competitions for schools."}),
        ("Młodzieżowy Dom Kultury w Gliwicach", Kind.NETWORK, "", {"pl": "Przeglądy i warsztaty.", "en": "Reviews and workshops."}),
        ("Centrum Kultury Zamek w Toszku", Kind.NETWORK, "", {"pl": "Wspólne koncerty i wystawy.", "en": "Shared concerts and exhibitions."}),
        ("Szkoła Podstawowa w Rudzińcu", Kind.SCHOOL, "", {"pl": "Przeglądy i konkursy uczniów.", "en": "Pupils' reviews and competitions."}),
        ("Sołtysi gminy Rudziniec", Kind.VILLAGE_HEAD, "", {"pl": "Dożynki i festyny w sołectwach.", "en": "Harvest festivals and fairs in the villages."}),
        ("Koło Gospodyń Wiejskich w Rudzińcu", Kind.ASSOCIATION, "", {"pl": "Stoiska i kuchnia regionalna.", "en": "Stalls and regional cooking."}),
        ("Parafia św. Michała Archanioła w Rudzińcu", Kind.PARISH, "", {"pl": "Przeglądy kolęd i koncerty.", "en": "Carol reviews and concerts."}),
    ],
    "bumehen": [
        ("کانون پرورش فکری کودکان و نوجوانان بومهن", Kind.PUBLIC_BODY, "", {"fa": "کارگاه‌های کتاب‌خوانی کودکان.", "en": "Children's reading workshops."}),
        ("انجمن ادبی بومهن", Kind.ASSOCIATION, "", {"fa": "شب‌های شعر.", "en": "Poetry evenings."}),
    ],
}
# fmt: on


def _texts(municipality, texts: dict) -> dict:
    return {
        language: text for language, text in texts.items() if language in municipality.languages
    }


def venues_ensure(slug: str, municipality) -> dict[str, Venue]:
    made = {}
    for name, address, lat, lon, step_free, toilet, loop, texts in VENUES.get(slug, []):
        venue = Venue.objects.filter(municipality=municipality, name=name).first()
        if venue is None:
            venue = Venue(
                municipality=municipality, name=name, address=address, latitude=lat,
                longitude=lon, step_free=step_free, accessible_toilet=toilet, hearing_loop=loop,
            )  # fmt: skip
            venue_texts = {
                language: {"directions": directions, "accessibility": access}
                for language, (directions, access) in _texts(municipality, texts).items()
            }
            venue = venue_save(instance=venue, by=None, texts=venue_texts)
        made[name] = venue
    return made


def demo_venue(slug: str, municipality, key: str) -> Venue | None:
    """The demo venue ``key`` (``VENUE_KEYS``) of site ``slug``, made with the others if this
    step has not run yet; None if the site has no such venue."""
    name = VENUE_KEYS.get(slug, {}).get(key)
    return venues_ensure(slug, municipality).get(name) if name else None


def partners_ensure(slug: str, municipality) -> dict[str, Partner]:
    made = {}
    for name, kind, website, texts in PARTNERS.get(slug, []):
        made[name] = partner_ensure(
            municipality=municipality, name=name, kind=kind, website=website,
            texts=_texts(municipality, texts),
        )  # fmt: skip
    return made


def demo_culture(site) -> None:
    municipality = site.made["municipality"]
    site.made["venues"] = venues_ensure(site.key, municipality)
    site.made["partners"] = partners_ensure(site.key, municipality)
