"""Demo exhibitions and archive items, and the partners' directories.

Bornova: a permanent exhibition on the history of the district with oral-history items (short
Turkish transcripts, a second of silence as their recording, a drawn photograph), and one item
whose contributor consented to showing it on site only: a draft staff see in the admin, never
public. Rudziniec: a small exhibition with page 004's partners. Every site gets its partners'
directory. Partners are found or made by name (the events' demo makes the same ones)."""

import datetime
import io
import wave

from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from PIL import Image, ImageDraw
from wagtail.documents import get_document_model
from wagtail.images import get_image_model

from municipium.core.pages import page_ensure, translations_ensure
from municipium.culture.choices import PartnerKind
from municipium.culture.pages import PartnersPage
from municipium.culture.services import partner_ensure
from municipium.tenancy.demo import collection_ensure

from .models import (
    ArchiveIndexPage,
    ArchiveItemPage,
    Consent,
    ConsentScope,
    DcmiType,
    ExhibitionPage,
    ItemKind,
    Licence,
)
from .services import consent_save

INDEX_SLUGS = {"tr": "arsiv", "fa": "آرشیو", "pl": "archiwum", "en": "archive"}
INDEX_TITLES = {
    "tr": ("Arşiv ve sergiler", "Kentin yazılı ve sözlü arşivi, sürekli ve geçici sergiler."),
    "fa": ("آرشیو و نمایشگاه‌ها", "آرشیو نوشتاری و شفاهی شهر، نمایشگاه‌های دائمی و موقت."),
    "pl": ("Archiwum i wystawy", "Archiwum pisane i mówione gminy, wystawy stałe i czasowe."),
    "en": ("Archive and exhibitions", "The written and oral archive, permanent and temporary "
           "exhibitions."),
}  # fmt: skip
PARTNERS_SLUGS = {"tr": "paydaslar", "fa": "همکاران", "pl": "partnerzy", "en": "partners"}
PARTNERS_TITLES = {
    "tr": ("Paydaşlarımız", "Birlikte çalıştığımız üniversiteler, okullar ve dernekler."),
    "fa": ("همکاران ما", "دانشگاه‌ها، مدارس و انجمن‌هایی که با آن‌ها کار می‌کنیم."),
    "pl": ("Partnerzy", "Szkoły, sołtysi, stowarzyszenia, parafia i partnerzy regionalni."),
    "en": ("Our partners", "The institutions we work with."),
}

# (name, kind, {language: description})
PARTNERS = {
    "bornova": [
        ("Ege Üniversitesi", PartnerKind.UNIVERSITY,
         {"tr": "Sözlü tarih görüşmelerini birlikte yürütüyoruz.",
          "en": "We record oral-history interviews together."}),
        ("Bornova Kent Konseyi", PartnerKind.ASSOCIATION,
         {"tr": "Mahallelerden anı ve fotoğraf topluyor.",
          "en": "Collects memories and photographs in the neighbourhoods."}),
    ],
    "rudziniec": [
        ("LGD Spichlerz Górnego Śląska", PartnerKind.NETWORK,
         {"pl": "Lokalna grupa działania: wspólne projekty kulturalne w regionie.",
          "en": "A local action group: joint cultural projects in the region."}),
        ("Polski Klub Ekologiczny w Gliwicach", PartnerKind.ASSOCIATION,
         {"pl": "Warsztaty i konkursy ekologiczne.", "en": "Ecology workshops and contests."}),
        ("MDK w Gliwicach", PartnerKind.PUBLIC_BODY,
         {"pl": "Młodzieżowy Dom Kultury: przeglądy i festiwale.",
          "en": "A youth culture centre: reviews and festivals."}),
        ("CK Toszek", PartnerKind.PUBLIC_BODY,
         {"pl": "Centrum Kultury w Toszku.", "en": "The culture centre of Toszek."}),
        ("Parafia w Rudzińcu", PartnerKind.PARISH,
         {"pl": "Festyny parafialne i przeglądy kolęd.",
          "en": "Parish fêtes and carol reviews."}),
    ],
}  # fmt: skip


def partners_ensure(municipality, slug: str) -> list:
    return [
        partner_ensure(municipality=municipality, name=name, kind=kind, texts=texts)
        for name, kind, texts in PARTNERS.get(slug, [])
    ]


def _silence(collection, title: str):
    """A second of silence as a WAV document: the demo's recording."""
    model = get_document_model()
    existing = model.objects.filter(title=title, collection=collection).first()
    if existing is not None:
        return existing
    buffer = io.BytesIO()
    with wave.open(buffer, "wb") as audio:
        audio.setnchannels(1)
        audio.setsampwidth(1)
        audio.setframerate(8000)
        audio.writeframes(b"\x80" * 8000)
    document = model(title=title, collection=collection)
    document.file.save("archive-silence.wav", ContentFile(buffer.getvalue()), save=False)
    document.save()
    return document


def _photograph(collection, title: str, description: str):
    """A drawn sepia 'photograph': a vineyard's rows under hills."""
    model = get_image_model()
    existing = model.objects.filter(title=title, collection=collection).first()
    if existing is not None:
        return existing
    picture = Image.new("RGB", (960, 540), (226, 211, 180))
    draw = ImageDraw.Draw(picture)
    draw.polygon([(0, 300), (240, 160), (520, 280), (760, 150), (960, 260), (960, 540), (0, 540)],
                 fill=(170, 140, 100))  # fmt: skip
    for row in range(8):
        y = 330 + row * 26
        draw.line([(40, y), (920, y + 10)], fill=(96, 72, 44), width=5)
    buffer = io.BytesIO()
    picture.save(buffer, format="PNG")
    image = model(
        title=title, collection=collection, description=description,
        file=ImageFile(buffer, name="archive-vineyard.png"),
    )  # fmt: skip
    image.save()
    return image


def _consent(municipality, given_by: str, scope: str) -> Consent:
    existing = Consent.objects.filter(municipality=municipality, given_by=given_by).first()
    if existing is not None:
        return existing
    consent = Consent(
        municipality=municipality, given_by=given_by, given_on=datetime.date(2025, 10, 14),
        scope=scope, note="Demo",
    )  # fmt: skip
    return consent_save(consent=consent, by=None)


def _section_pages(homes, page_class, slugs, titles) -> dict:
    """The archive's index or partners page, in each language the municipality has."""
    return translations_ensure(
        parents=homes,
        page_class=page_class,
        slug=slugs,
        fields={
            language: {"title": title, "intro": intro}
            for language, (title, intro) in titles.items()
            if language in homes
        },
    )


ORAL_HISTORIES = [
    # slug, title, contributor, years, subjects, transcript, description
    ("bag-bozumu", "Bağ bozumu anıları", "Ayşe Yılmaz", (1955, 1965), ["bağcılık", "mahalle"],
     "<p>Eylül gelince bütün mahalle bağa giderdi. Çocuklar üzüm taşır, büyükler pekmez "
     "kazanlarını kaynatırdı.</p><p>Akşamları herkes bahçede toplanır, türküler söylenirdi.</p>",
     "Bornova'da bağ bozumu ve pekmez kaynatma üzerine bir sözlü tarih görüşmesi."),
    ("levanten-evleri", "Levanten köşklerinde çalışmak", "Hasan Kaya", (1948, 1960),
     ["levanten evleri", "meslekler"],
     "<p>Babam köşklerin bahçıvanıydı. Ben de on iki yaşında yanında çalışmaya başladım.</p>",
     "Bornova'nın Levanten köşklerinde bahçıvanlık yapan bir ailenin anıları."),
]  # fmt: skip


def _bornova(site, municipality, homes, collection, partners) -> None:
    index = _section_pages(homes, ArchiveIndexPage, INDEX_SLUGS, INDEX_TITLES)["tr"]
    exhibition = page_ensure(
        parent=index, page_class=ExhibitionPage, slug="bornovanin-hafizasi", language="tr",
        title="Bornova'nın Hafızası", kind=ExhibitionPage.Kind.PERMANENT,
        curator="Kültür ve Sosyal İşler Müdürlüğü",
        intro="Bağlardan köşklere, Bornova'yı yaşayanların sesinden dinleyin.",
    )  # fmt: skip
    exhibition.partners.set(partners)
    exhibition.save()
    recording = _silence(collection, "Sözlü tarih kaydı (örnek)")
    photograph = _photograph(
        collection, "Bornova bağları", "Tepelerin altında sıra sıra asma: bir bağın çizimi."
    )
    for slug, title, contributor, (start, end), subjects, transcript, description in ORAL_HISTORIES:
        item = page_ensure(
            parent=exhibition, page_class=ArchiveItemPage, slug=slug, language="tr", title=title,
            kind=ItemKind.ORAL_HISTORY, description=description, transcript=transcript,
            media=recording, image=photograph if slug == "bag-bozumu" else None,
            creator="Bornova Belediyesi Sözlü Tarih Projesi", contributor=contributor,
            publisher="Bornova Belediyesi", year_from=start, year_to=end, place="Bornova",
            dc_type=DcmiType.SOUND, format="audio/wav", identifier=f"BOR-ST-{slug.upper()}",
            dc_language="tr", licence=Licence.CC_BY_NC, rights_holder="Bornova Belediyesi",
            consent=_consent(municipality, contributor, ConsentScope.ONLINE),
        )  # fmt: skip
        if not item.subjects.exists():
            item.subjects.set(subjects)
            item.save()
    # On site only: staff see it in the admin (a draft); the public never does.
    withheld = page_ensure(
        parent=exhibition, page_class=ArchiveItemPage, slug="fabrika-anilari", language="tr",
        title="Fabrika anıları", kind=ItemKind.ORAL_HISTORY,
        description="Yalnızca sergide dinletilmek üzere izin verilmiş bir görüşme.",
        transcript="<p>Yalnızca sergi salonunda dinlenebilir.</p>", contributor="Fatma Demir",
        year_from=1970, year_to=1985, place="Bornova", dc_type=DcmiType.SOUND,
        identifier="BOR-ST-FABRIKA", consent=_consent(
            municipality, "Fatma Demir", ConsentScope.ON_SITE
        ),
    )  # fmt: skip
    if withheld.live:
        withheld.unpublish()


def _rudziniec(site, municipality, homes, partners) -> None:
    index = _section_pages(homes, ArchiveIndexPage, INDEX_SLUGS, INDEX_TITLES)["pl"]
    exhibition = page_ensure(
        parent=index, page_class=ExhibitionPage, slug="rekodzielo-gminy", language="pl",
        title="Rękodzieło gminy Rudziniec", kind=ExhibitionPage.Kind.TEMPORARY,
        starts_on=datetime.date(2026, 11, 6), ends_on=datetime.date(2027, 1, 31),
        curator="Gminny Ośrodek Kultury",
        intro="Hafty, wycinanki i koronki z warsztatów rękodzieła w sołectwach.",
    )  # fmt: skip
    exhibition.partners.set(partners)
    exhibition.save()
    item = page_ensure(
        parent=exhibition, page_class=ArchiveItemPage, slug="serweta-haftowana", language="pl",
        title="Serweta haftowana", kind=ItemKind.OBJECT,
        description="Serweta wyhaftowana na warsztatach rękodzieła w Bojszowie.",
        creator="Koło Gospodyń Wiejskich", year_from=2024, place="Bojszów",
        dc_type=DcmiType.PHYSICAL_OBJECT, identifier="RUD-R-001", dc_language="pl",
        consent=_consent(municipality, "Koło Gospodyń Wiejskich", ConsentScope.ONLINE),
    )  # fmt: skip
    if not item.subjects.exists():
        item.subjects.set(["rękodzieło", "haft"])
        item.save()


def archive_demo_site(site) -> None:
    """The demo step (registered in ArchiveConfig.ready): the partners' directory on every
    site, Bornova's and Rudziniec's exhibitions."""
    municipality = site.made["municipality"]
    homes = site.made["homes"]
    partners = partners_ensure(municipality, site.key)
    _section_pages(homes, PartnersPage, PARTNERS_SLUGS, PARTNERS_TITLES)
    if site.key == "bornova":
        _bornova(site, municipality, homes, collection_ensure(municipality), partners)
    elif site.key == "rudziniec":
        _rudziniec(site, municipality, homes, partners)
