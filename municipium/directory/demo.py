"""Demo directorates, written afresh from seed pages 000, 001 and 002, with invented people
(never the officials named in the seeds), example.org addresses and made-up numbers.

Bornova's culture directorate (000) and Şişli's private office (002) hold everything their
seed pages hold: people and an organisation chart, documents, the founding decision, the
regulation and the service standards table. Running the demo again changes nothing."""

import datetime

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.utils.html import escape
from wagtail.documents import get_document_model

from municipium.core.pages import (
    former_addresses_redirect,
    translations_ensure,
    translations_ensure_in_site_language,
)
from municipium.organisation.selectors import unit_list_for_municipality
from municipium.tenancy.demo import collection_ensure
from municipium.tenancy.selectors import municipality_get_by_slug

from .models import DirectoratePage, DirectoryIndexPage
from .services import directorate_documents_set, directorate_service_standards_set

INDEX_TITLES = {
    "tr": ("Müdürlükler", "Belediyemizin birimleri, yöneticileri ve iletişim bilgileri."),
    "en": ("Directorates", "The municipality's units, their heads and how to reach them."),
    "fa": ("ادارات", "واحدهای شهرداری، مدیران و راه‌های تماس با آنها."),
}
# A culture centre has sections, not directorates (tenancy.wording).
SECTION_INDEX_TITLES = {
    "en": ("Sections", "The centre's sections, their heads and how to reach them."),
    "pl": ("Działy", "Działy ośrodka, ich kierownicy i dane kontaktowe."),
}
# The directory's address in the site's language; the English one it had before redirects.
INDEX_SLUGS = {"tr": "mudurlukler", "en": "directorates", "fa": "ادارات"}
SECTION_INDEX_SLUGS = {"en": "sections", "pl": "dzialy"}
FORMER_INDEX_SLUG = "directorates"


def _area(text, *items):
    return ("area", {"text": text, "items": list(items)})


CULTURE_AREAS = {
    "tr": [
        _area(
            "Söyleşi, sempozyum, panel, konferans, konser, festival, gösteri ve kent gezileri gibi ulusal ve uluslararası kültür, sanat ve eğitim etkinlikleri düzenlemek"
        ),
        _area(
            "Etkinliklerde yazarlar, sanatçılar, bilim insanları, üniversiteler ve sivil toplum kuruluşlarıyla birlikte çalışmak"
        ),
        _area(
            "Kentin kültür mirasına ve tarihî değerlerine sahip çıkmak, bunların etkin kullanımını sağlamak"
        ),
        _area(
            "İlçedeki eğitim kurumlarıyla işbirliği yapmak; istihdama yönelik kurslar açmak ve desteklemek"
        ),
        _area(
            "Özel gün ve haftalarda etkinlikler düzenlemek, bu etkinlikleri yapan kurumlara yardımcı olmak"
        ),
        _area(
            "Halkın talebi üzerine salon ve etkinlik alanlarını tahsis etmek, organizasyonlara destek olmak"
        ),
        _area("Çocuklar, gençler ve yetişkinler için hobi ve beceri kursları ile atölyeler açmak"),
        _area("Fuar ve şenliklerde stant açarak belediyemizi tanıtmak"),
        _area(
            "Kent kimliğine ve kültürüne katkı sağlayacak projeler geliştirmek:",
            "Kısa, orta ve uzun vadeli planlara uygun özgün projeler hazırlamak",
            "Yerelde, ulusalda ve uluslararası alanda iyi örnekleri araştırıp uygulanabilir önerilere dönüştürmek",
            "Kurum içinde proje geliştirme kültürünü güçlendirmek",
        ),
        _area(
            "Geçici ve kalıcı sergiler hazırlamak; yazılı ve sözlü arşiv oluşturmak, yayın yapmak, akademik araştırmaları desteklemek"
        ),
        _area(
            "İlköğretim ve ortaöğretim çağındaki çocuklar için bilim atölyeleri, düzenli eğitim programları ve geziler düzenlemek"
        ),
    ],
    "en": [
        _area(
            "Organise national and international talks, symposia, panels, conferences, concerts, festivals, shows and city walks"
        ),
        _area(
            "Work with writers, artists, scientists, universities and civil society on these events"
        ),
        _area("Protect the city's cultural heritage and historic places and keep them in use"),
        _area("Work with the district's schools; open and support courses that lead to jobs"),
        _area("Hold events on national days and special weeks, and help others who hold them"),
        _area("Lend halls and event spaces on request and support the events held there"),
        _area("Open hobby and skills courses and workshops for children, young people and adults"),
        _area("Represent the municipality with stands at fairs and festivals"),
        _area(
            "Develop projects that add to the city's identity and culture:",
            "Prepare original projects that fit short, medium and long term plans",
            "Study good examples at home and abroad and turn them into proposals that work here",
            "Strengthen a culture of project work inside the municipality",
        ),
        _area(
            "Prepare temporary and permanent exhibitions; keep a written and oral archive; publish and support research"
        ),
        _area(
            "Run science workshops, regular programmes and trips for primary and secondary school children"
        ),
    ],
}

DIRECTORATES = {
    "bornova": [
        {
            "slug": "kultur-ve-sosyal-isler",
            "tr": {
                "title": "Kültür ve Sosyal İşler Müdürlüğü",
                "summary": "Her yaştan Bornovalı için kültürel ve sosyal etkinlikler, kurslar ve sergiler.",
                "duties": "<p>Kent kültürünü ve kentlilik bilincini güçlendiren kültürel, sosyal ve "
                "bilimsel programlar düzenleriz. Amacımız Bornova'nın kültürel ve tarihî "
                "kimliğini koruyarak yaşanabilir bir kent olmasıdır.</p>",
                "activity_areas": CULTURE_AREAS["tr"],
                "body": [],
            },
            "en": {
                "title": "Culture and Social Affairs Directorate",
                "summary": "Cultural and social events, courses and exhibitions for residents of every age.",
                "duties": "<p>We organise cultural, social and scientific programmes that strengthen "
                "the city's culture and its residents' sense of belonging. Our aim is a liveable "
                "Bornova that keeps its cultural and historic identity.</p>",
                "activity_areas": CULTURE_AREAS["en"],
                "body": [],
            },
            "contact": {
                "phone": "(0232) 555 01 00",
                "phone_extension": "4210",
                "email": "kultur@bornova.example.org",
            },
        },
        {
            "slug": "park-ve-bahceler",
            "tr": {
                "title": "Park ve Bahçeler Müdürlüğü",
                "summary": "Parkların, yeşil alanların ve oyun alanlarının bakımı.",
                "duties": "<p>Kentin yeşil alanlarını planlar, yapar ve bakımını üstleniriz.</p>",
                "body": [],
            },
            "en": {
                "title": "Parks and Gardens Directorate",
                "summary": "Care of parks, green spaces and playgrounds.",
                "duties": "<p>We plan, build and look after the city's green spaces.</p>",
                "body": [],
            },
            "contact": {
                "phone": "(0232) 555 01 00",
                "phone_extension": "4300",
                "email": "park@bornova.example.org",
            },
        },
    ],
    "kuzeykent": [
        {
            "slug": "basin-yayin-halkla-iliskiler",
            "tr": {
                "title": "Basın Yayın ve Halkla İlişkiler Dairesi Başkanlığı",
                "summary": "Yayınlar, haftalık bülten, medya ilişkileri, kamuoyu araştırmaları.",
                "duties": "<p>Belediyemizin hizmetlerini halka duyurur, medyayla ilişkileri yürütür, "
                "basında çıkan istek ve şikâyetleri ilgili birimlere iletiriz.</p>",
                "body": [],
            },
            "en": {
                "title": "Press, Publications and Public Relations Department",
                "summary": "Publications, the weekly bulletin, media relations, opinion research.",
                "duties": "<p>We tell residents about the municipality's services, work with the "
                "media, and pass requests and complaints raised in the press to the units.</p>",
                "body": [],
            },
            "contact": {
                "phone": "(0312) 555 02 00",
                "phone_extension": "1200",
                "email": "basin@kuzeykent.example.org",
            },
        },
    ],
    "sisli": [
        {
            "slug": "ozel-kalem",
            "tr": {
                "title": "Özel Kalem Müdürlüğü",
                "summary": "Başkan ile halk arasında köprü: protokol, randevular, talimatların takibi.",
                "duties": "<p>Başkan ile halk arasında köprü olan müdürlüğümüz, Şişlililerin istek, "
                "şikâyet ve dileklerini tüm müdürlüklerle birlikte değerlendirir ve şunlardan "
                'sorumludur:</p><ol type="a">'
                "<li>Meclis, Encümen, müdürlükler ve Başkanlık arasında eşgüdümü sağlamak;</li>"
                "<li>ziyaret, davet, açılış, bayram ve törenlerde protokol işlerini yürütmek, "
                "zaman ve yerlerini Başkana bildirmek;</li>"
                "<li>Başkanın sözlü talimatlarını birimlere iletmek ve sonuçlanıncaya dek izlemek; "
                "toplantı ve brifingleri düzenleyip tutanaklarını yaymak;</li>"
                "<li>Başkanı ziyarete gelen konukları karşılamak ve uğurlamak;</li>"
                "<li>mevzuata uygun verilen diğer görevleri yapmak.</li></ol>",
                "body": [],
                "founding_body": "Belediye Meclisi",
                "reports_to_text": "Belediye Başkanı",
                "regulation_text": "<p>Yönetmelik, müdürlüğün kuruluşunu, görev, yetki ve "
                "sorumluluklarını, birimlerini ve çalışma esaslarını düzenler.</p>",
            },
            "en": {
                "title": "Private Office of the Mayor",
                "summary": "The bridge between the mayor and residents: protocol, appointments, "
                "follow-up of instructions.",
                "duties": "<p>The bridge between the mayor and residents, the office reviews "
                "residents' requests, complaints and wishes with every directorate and is "
                'responsible for:</p><ol type="a">'
                "<li>coordinating the council, the committee, the directorates and the mayor;</li>"
                "<li>running protocol for visits, invitations, openings, holidays and ceremonies, "
                "and reporting their time and place to the mayor;</li>"
                "<li>passing the mayor's verbal instructions to units and following them to "
                "completion; organising meetings and briefings and circulating their minutes;</li>"
                "<li>receiving and seeing off the mayor's guests;</li>"
                "<li>carrying out other duties given under the law.</li></ol>",
                "body": [],
                "founding_body": "the Municipal Council",
                "reports_to_text": "the Mayor",
                "regulation_text": "<p>The regulation sets out how the office was founded, its "
                "duties, powers and responsibilities, its units and how it works.</p>",
            },
            "contact": {
                "phone": "(0212) 555 03 00",
                "phone_extension": "",
                "email": "ozelkalem@sisli.example.org",
                "founded_on": datetime.date(2012, 3, 9),
                "founding_decision_number": "82",
            },
        },
    ],
    "bumehen": [
        {
            "slug": "farhangi-ejtemaei",
            "fa": {
                "title": "معاونت فرهنگی و اجتماعی",
                "summary": "برنامه‌های فرهنگی، آموزش شهروندی و اوقات فراغت شهروندان.",
                "duties": "<p>برنامه‌ریزی و اجرای طرح‌های فرهنگی و اجتماعی شهر، با همکاری مدارس "
                "و نهادهای عمومی.</p>",
                "body": [],
            },
            "en": {
                "title": "Cultural and Social Affairs",
                "summary": "Cultural programmes, civic education and residents' leisure.",
                "duties": "<p>Plans and runs the city's cultural and social projects, with schools "
                "and public bodies.</p>",
                "body": [],
            },
            "contact": {
                "phone": "021-5550-0400",
                "phone_extension": "210",
                "email": "farhang@bumehen.example.org",
            },
        },
    ],
    "rudziniec": [
        {
            "slug": "dzial-programowy",
            "pl": {
                "title": "Dział programowy",
                "summary": "Sekcje, warsztaty, konkursy, przeglądy i festyny.",
                "duties": "<p>Przygotowujemy program zajęć i wydarzeń ośrodka razem ze szkołami, "
                "sołtysami i stowarzyszeniami.</p>",
                "body": [],
            },
            "en": {
                "title": "Programme Section",
                "summary": "Sections, workshops, competitions, reviews and fairs.",
                "duties": "<p>We prepare the centre's classes and events together with schools, "
                "village heads and associations.</p>",
                "body": [],
            },
            "contact": {
                "phone": "+48 32 555 05 00",
                "phone_extension": "12",
                "email": "program@rudziniec.example.org",
            },
        },
    ],
}

# Invented people. Contact details are example.org addresses and made-up numbers.


def _standard(service, documents, value=None, unit="", text=""):
    return {
        "service": service,
        "documents": "\n".join(documents),
        "duration_value": value,
        "duration_unit": unit,
        "duration_text": text,
    }


# fmt: off
SERVICE_STANDARDS = {
    "ozel-kalem": {
        "tr": [
            _standard("Belediye Başkanı ile görüşme randevusu", ["Dilekçe veya çevrim içi randevu formu", "Kimlik belgesi"], 3, "working_days"),
            _standard("Protokol ve tören taleplerinin değerlendirilmesi", ["Davet yazısı veya dilekçe", "Program akışı"], 5, "days"),
            _standard("Açılış, anma ve bayram törenlerinin düzenlenmesi", ["Kurum yazısı", "Etkinlik programı ve katılımcı listesi"], 10, "working_days"),
            _standard("Vatandaş istek, dilek ve şikâyet dilekçelerinin kaydı", ["Dilekçe", "Kimlik belgesi"], unit="immediately"),
            _standard("Dilekçelerin ilgili müdürlüğe havalesi", ["Kayıtlı dilekçe"], 1, "days"),
            _standard("Başkanlık ziyaretçilerinin karşılanması", ["Randevu bilgisi"], 5, "minutes"),
            _standard("Telefonla bilgi verilmesi ve yönlendirme", [], 20, "seconds"),
            _standard("Resmî tebrik ve taziye mesajlarının gönderilmesi", ["Bilgi notu"], text="1-8 Saat"),
        ],
        "en": [
            _standard("Appointment with the Mayor", ["Petition or online appointment form", "Identity document"], 3, "working_days"),
            _standard("Review of protocol and ceremony requests", ["Invitation letter or petition", "Programme of the event"], 5, "days"),
            _standard("Organisation of openings, commemorations and holiday ceremonies", ["Letter from the institution", "Programme and list of participants"], 10, "working_days"),
            _standard("Registration of residents' requests, wishes and complaints", ["Petition", "Identity document"], unit="immediately"),
            _standard("Referral of petitions to the directorate responsible", ["Registered petition"], 1, "days"),
            _standard("Reception of the Mayor's visitors", ["Appointment details"], 5, "minutes"),
            _standard("Information and referral by phone", [], 20, "seconds"),
            _standard("Official messages of congratulation and condolence", ["Briefing note"], text="1-8 hours"),
        ],
    },
}
# fmt: on

PLACES = {
    "ozel-kalem": {
        "first": {
            "name": "Elif Karaca",
            "title": {"tr": "Özel Kalem Müdürü", "en": "Head of the Private Office"},
            "address": "Örnek Sokak No: 5\n34380 Şişli / İstanbul",
            "phone": "(0212) 555 03 00",
            "fax": "(0212) 555 03 01",
            "email": "ozelkalem@sisli.example.org",
        },
        "second": {
            "name": "Hakan Erdem",
            "title": {"tr": "Belediye Başkan Yardımcısı", "en": "Deputy Mayor"},
            "address": "Örnek Sokak No: 5\n34380 Şişli / İstanbul",
            "phone": "(0212) 555 03 10",
            "fax": "(0212) 555 03 11",
            "email": "baskanyardimcisi@sisli.example.org",
        },
    },
}

# fmt: off
# Documents: (key, title of the file, link titles by language, paragraphs of the file).
DOCUMENTS = {
    "kultur-ve-sosyal-isler": [
        ("faaliyet-raporu", "Kültür ve Sosyal İşler Müdürlüğü 2025 Faaliyet Raporu (özet)",
         {"tr": "2025 Faaliyet Raporu (özet)", "en": "Activity report 2025 (summary, in Turkish)"},
         ["Yıl boyunca 214 etkinlik, 48 kurs ve 9 sergi düzenlendi.",
          "Kurslarımıza 3.120 kişi katıldı; bilim atölyeleri 62 okulu ağırladı."]),
        ("salon-tahsis-formu", "Salon ve Etkinlik Alanı Tahsis Başvuru Formu",
         {"tr": "Salon tahsis başvuru formu", "en": "Hall booking application form (in Turkish)"},
         ["Başvuru sahibinin adı, iletişim bilgileri, etkinliğin adı, tarihi ve saati.",
          "Form, etkinlikten en az on beş gün önce müdürlüğümüze verilir."]),
    ],
    "ozel-kalem": [
        ("randevu-formu", "Başkanla Görüşme Randevu Talep Formu",
         {"tr": "Randevu talep formu", "en": "Appointment request form (in Turkish)"},
         ["Adınız, soyadınız, telefon numaranız ve görüşmenin konusu.",
          "Randevular, talebin kaydından itibaren üç iş günü içinde bildirilir."]),
        ("protokol-listesi", "Resmî Törenlerde Protokol Sıralaması",
         {"tr": "Resmî törenlerde protokol sıralaması", "en": "Order of precedence at official ceremonies (in Turkish)"},
         ["Belediye törenlerinde uygulanan protokol sıralaması ve davet usulü."]),
    ],
}

REGULATIONS = {
    "ozel-kalem": ("yonetmelik", "Özel Kalem Müdürlüğü Görev, Yetki ve Çalışma Yönetmeliği",
                   ["Birinci bölüm: amaç, kapsam, dayanak ve tanımlar.",
                    "İkinci bölüm: kuruluş ve bağlılık; müdürlük, Belediye Meclisinin 09.03.2012 tarih ve 82 sayılı kararıyla kurulmuştur.",
                    "Üçüncü bölüm: görev, yetki ve sorumluluklar.",
                    "Dördüncü bölüm: çalışma esasları ve yürürlük."]),
}
# fmt: on


def _demo_file(title: str, paragraphs: list[str]) -> tuple[bytes, str]:
    """A small PDF of ``paragraphs``; a text file where WeasyPrint cannot run (no Pango)."""
    try:
        from .pdf import html_to_pdf

        html = (
            f'<!DOCTYPE html><html lang="tr"><head><meta charset="utf-8"><title>{escape(title)}'
            f"</title></head><body><h1>{escape(title)}</h1>"
            + "".join(f"<p>{escape(text)}</p>" for text in paragraphs)
            + "</body></html>"
        )
        return html_to_pdf(html), "pdf"
    except (ImportError, OSError):
        return "\n\n".join([title, *paragraphs]).encode(), "txt"


def document_ensure(municipality, key: str, title: str, paragraphs: list[str]):
    """A document of the municipality's collection, made once: found again by its title."""
    collection = collection_ensure(municipality)
    document_model = get_document_model()
    existing = document_model.objects.filter(collection=collection, title=title).first()
    if existing is not None:
        return existing
    content, extension = _demo_file(title, paragraphs)
    name = f"documents/demo-{municipality.slug}-{key}.{extension}"
    document = document_model(title=title, collection=collection)
    if default_storage.exists(name):  # left by an earlier demo database: reuse the file
        document.file.name = name
    else:
        document.file.save(name.removeprefix("documents/"), ContentFile(content), save=False)
    document._set_document_file_metadata()
    document.save()
    return document


def _index_pages(homes: dict, municipality) -> dict[str, DirectoryIndexPage]:
    sections = municipality is not None and municipality.institution_kind == "culture_centre"
    titles = {**INDEX_TITLES, **SECTION_INDEX_TITLES} if sections else INDEX_TITLES
    slugs = {**INDEX_SLUGS, **SECTION_INDEX_SLUGS} if sections else INDEX_SLUGS
    return translations_ensure_in_site_language(
        parents=homes, page_class=DirectoryIndexPage, slugs=slugs, former_slug=FORMER_INDEX_SLUG,
        fields={
            language: {"title": title, "intro": intro, "show_in_menus": True}
            for language, (title, intro) in titles.items()
        },
    )  # fmt: skip


def _page_fields(directorate: dict, language: str, regulation) -> dict:
    slug = directorate["slug"]
    fields = {
        **directorate[language],
        **directorate["contact"],
        "director_name": "",  # the director is a person with a role (ORGANISATIONS)
        "director_title": "",
        "regulation_document": regulation,
    }
    for label, place in PLACES.get(slug, {}).items():
        for name, value in place.items():
            fields[f"{label}_place_{name}"] = value[language] if isinstance(value, dict) else value
    return fields


def _rows_ensure(page, slug: str, language: str) -> None:
    directorate_service_standards_set(
        page=page, rows=SERVICE_STANDARDS.get(slug, {}).get(language, [])
    )


def directory_ensure(slug: str, homes: dict) -> dict[str, DirectoryIndexPage]:
    """The site's directory in each language, with its directorates (each presenting its
    unit of the organisation, built before by ``organisation.demo``), their documents and
    service standards."""
    municipality = municipality_get_by_slug(slug=slug)
    indexes = _index_pages(homes, municipality)
    units = {unit.code: unit for unit in unit_list_for_municipality(municipality=municipality)}
    for directorate in DIRECTORATES.get(slug, []):
        key = directorate["slug"]
        documents = (
            [
                (document_ensure(municipality, name, title, paragraphs), links)
                for name, title, links, paragraphs in DOCUMENTS.get(key, [])
            ]
            if municipality
            else []
        )
        regulation = None
        if municipality and key in REGULATIONS:
            regulation = document_ensure(municipality, *REGULATIONS[key])
        pages = translations_ensure(
            parents=indexes, page_class=DirectoratePage, slug=key,
            fields={
                language: {
                    **_page_fields(directorate, language, regulation),
                    "unit": units.get(key),
                }
                for language in indexes
            },
        )  # fmt: skip
        for language, page in pages.items():
            if municipality is not None:
                _rows_ensure(page, key, language)
                directorate_documents_set(
                    page=page,
                    documents=[(document, links[language]) for document, links in documents],
                )
    if municipality is not None:
        # /tr/directorates/..., the demo's addresses before they were in the site's language.
        former_addresses_redirect(
            pages=indexes.values(), former_slug=FORMER_INDEX_SLUG, site=municipality.site
        )
    return indexes


def demo_directory(site) -> None:
    """The demo step (registered in DirectoryConfig.ready): leaves ``site.made["directories"]``."""
    site.made["directories"] = directory_ensure(site.key, site.made["homes"])
