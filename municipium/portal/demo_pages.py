"""Text of the demo's general pages, written afresh from the seed pages (001 and 004) and
the statutory accessibility declaration."""

import datetime


def _heading(text):
    return ("heading", {"text": text, "level": "h2"})


def _paragraph(html):
    return ("paragraph", html)


def _list(items, ordered=False):
    tag = "ol" if ordered else "ul"
    return _paragraph(f"<{tag}>" + "".join(f"<li>{item}</li>" for item in items) + f"</{tag}>")


PLAN_TR = [
    "Büyükşehir ve ilçe belediyelerinin hizmetlerini tanıtan kitap, dergi, broşür ve bültenler yayımlamak.",
    "Vatandaşları bilgilendiren haftalık bir bülten çıkarmak.",
    "Resmî ilanları Basın İlan Kurumu aracılığıyla yayımlamak.",
    "Yerel ve ulusal medya ile sürekli iletişim kurmak.",
    "Gazetecilerle yılda en az dört kez buluşmak ve yatırımlarımızı yerinde göstermek.",
    "Belediyemizle ilgili haberlerin farklı gazetelerde yer almasını sağlamak.",
    "Kamuoyu araştırmaları yapmak ve anket formları hazırlamak.",
    "Basında çıkan şikâyet ve istekleri ilgili birime iletip sonucunu izlemek.",
    "Her yıl belediyeyi halka tanıtan büyük bir etkinlik düzenlemek.",
    "Bilgi Edinme Merkezi, Alo 153 ve Basın Merkezinin yazılım ve donanımını yenilemek.",
    "Tüm personele kalite yönetimi eğitimi vermek.",
    "Eğitimi tamamlayan personele kalite yönetimi belgesi vermek.",
    "Eğitimleri yılda en az üç kez tekrarlamak.",
    "Her ay vatandaş ve personel memnuniyet anketleri yapmak.",
    "Birimlerin personel ihtiyacını yazılı olarak bildirmek.",
    "Norm kadro çalışmasından sonra teknik ve idari personel düzenlemesi yapmak.",
    "Sonuçsuz şikâyet kalmaması için birimler arası görev grupları kurmak.",
    "Birimlerin elektronik sayfalarını Bilgi Edinme Kanunu'na uygun düzenlemek.",
    "Teknik altyapıyı kurmak.",
    "Bilgi ve belgeleri elektronik ortama aktarmak.",
    "Düzenli bilgi alışverişi için bir arşiv sistemi kurmak.",
    "Daire işlerinin %80'ini elektronik ortamda yürütmek.",
    "Yazılı basın taramasını hizmet alımıyla yaptırmak.",
    "Üniversiteler, kamu kurumları, meslek kuruluşları ve sivil toplumla ilişkiler kurmak.",
    "Personele mevzuat, protokol, resmî yazışma ve bilgisayar kullanımı eğitimleri vermek.",
]

PLAN_EN = [
    "Publish books, magazines, brochures and bulletins about the services of the metropolitan and district municipalities.",
    "Publish a weekly bulletin that keeps residents informed.",
    "Place official notices through the Press Advertising Agency.",
    "Keep in constant touch with local and national media.",
    "Meet journalists at least four times a year and show them our investments on site.",
    "See that news about the municipality appears in a range of newspapers.",
    "Carry out public opinion research and prepare survey forms.",
    "Pass complaints and requests raised in the press to the responsible unit and follow them up.",
    "Hold one large public event a year that introduces the municipality.",
    "Renew the software and hardware of the Information Centre, the 153 line and the Press Centre.",
    "Train all staff in quality management.",
    "Certify the staff who complete the quality management training.",
    "Repeat the training at least three times a year.",
    "Survey residents' and staff satisfaction every month.",
    "Report in writing how many staff each unit needs.",
    "Reorganise technical and administrative staff once the staffing norms are set.",
    "Form task groups across units so that no complaint is left unresolved.",
    "Arrange every unit's web pages so that the Right to Information Law works as it should.",
    "Build the technical infrastructure.",
    "Move information and documents to electronic form.",
    "Set up an archive system for a regular exchange of information.",
    "Do 80% of the department's work electronically.",
    "Contract out the scanning of the printed press.",
    "Build relations with universities, public bodies, professional chambers and NGOs.",
    "Train staff in legislation, protocol, official correspondence and computer use.",
]

MISSION_PL = [
    ("Obszar I: Człowiek, mieszkaniec, obywatel",
     "Wzmacniamy poczucie własnej wartości mieszkańców i ich więź ze wspólnotą: przez edukację, "
     "rozwój pasji artystycznych, konkursy, przeglądy, festiwale i pracę nad projektami."),
    ("Obszar II: Społeczność lokalna",
     "Budujemy zintegrowaną społeczność: wspólne projekty, strona internetowa i media "
     "społecznościowe, współpraca ze szkołami, sołtysami, stowarzyszeniami i parafią."),
    ("Obszar III: Współpraca regionalna",
     "Łączymy potencjał ludzi i instytucji regionu, wymieniamy doświadczenia i wspólnie "
     "rozwiązujemy problemy mieszkańców, razem z partnerskimi instytucjami kultury."),
    ("Obszar IV: Warsztat pracy, metody",
     "Doskonalimy metody pracy: zarządzanie i planowanie, remonty, promocję, rozwój sekcji "
     "i badanie potrzeb mieszkańców."),
]  # fmt: skip

MISSION_EN = [
    ("Area I: The person, the resident, the citizen",
     "We strengthen residents' self-esteem and their bond with the community: through "
     "education, artistic interests, competitions, reviews, festivals and projects."),
    ("Area II: The local community",
     "We build an integrated community: shared projects, the website and social media, "
     "cooperation with schools, village heads, associations and the parish."),
    ("Area III: Regional cooperation",
     "We join the strengths of the region's people and institutions, share experience and "
     "solve residents' problems together with partner cultural institutions."),
    ("Area IV: Working methods",
     "We improve how we work: management and planning, renovation, promotion, developing our "
     "sections and researching residents' needs."),
]  # fmt: skip


ACCESSIBILITY_TITLES = {
    "tr": "Erişilebilirlik beyanı",
    "en": "Accessibility declaration",
    "fa": "بیانیه دسترس‌پذیری",
    "pl": "Deklaracja dostępności",
}

NON_CONFORMITIES = {
    "pl": "<ul><li>Część dokumentów PDF opublikowanych przed 2020 rokiem nie ma struktury "
    "nagłówków.</li><li>Filmy z wydarzeń nie mają napisów; dodajemy je do końca roku.</li></ul>",
    "en": "<ul><li>Some PDF documents published before 2020 lack a heading structure.</li>"
    "<li>Event videos have no captions yet; we are adding them by the end of the year.</li></ul>",
    "tr": "<ul><li>2020 öncesinde yayımlanan bazı PDF belgelerinde başlık yapısı yoktur.</li>"
    "<li>Etkinlik videolarında henüz altyazı yoktur; yıl sonuna kadar ekliyoruz.</li></ul>",
    "fa": "<ul><li>برخی از پرونده‌های PDF منتشرشده پیش از سال ۱۳۹۹ ساختار سرفصل ندارند.</li>"
    "<li>فیلم‌های برنامه‌ها هنوز زیرنویس ندارند؛ تا پایان سال زیرنویس آن‌ها را اضافه "
    "می‌کنیم.</li></ul>",
}

ARCHITECTURE = {
    "pl": "<p>Wejście główne od ul. Przykładowej jest dostępne dla osób na wózkach (podjazd). "
    "Sala widowiskowa znajduje się na parterze. Przy budynku wyznaczono miejsce parkingowe dla "
    "osób z niepełnosprawnościami. Do budynku można wejść z psem asystującym.</p>",
    "en": "<p>The main entrance is step-free (a ramp). The performance hall is on the ground "
    "floor. There is a parking space for disabled people by the building. Assistance dogs are "
    "welcome.</p>",
    "tr": "<p>Ana giriş basamaksızdır (rampa). Vatandaş masası ve toplantı salonu zemin "
    "kattadır; üst katlara asansörle çıkılır. Binanın önünde engelli araçları için ayrılmış "
    "bir otopark yeri vardır. Binaya rehber köpekle girilebilir.</p>",
    "fa": "<p>ورودی اصلی ساختمان شهرداری بدون پله و با سطح شیب‌دار است. پیشخوان خدمات شهری در "
    "طبقه همکف قرار دارد و طبقات بالا آسانسور دارند. کنار ساختمان جای پارک ویژه افراد دارای "
    "معلولیت در نظر گرفته شده است. ورود با سگ راهنما آزاد است.</p>",
}

COMMUNICATION = {
    "pl": "<p>Z pracownikami można skontaktować się przez e-mail lub telefonicznie. Osoby "
    "niesłyszące mogą skorzystać z pomocy tłumacza języka migowego po wcześniejszym "
    "zgłoszeniu (co najmniej 3 dni robocze).</p>",
    "en": "<p>Staff can be reached by e-mail or phone. Deaf visitors may ask for a sign "
    "language interpreter at least 3 working days in advance.</p>",
    "tr": "<p>Personelimize e-posta veya telefonla ulaşabilirsiniz. İşitme engelli "
    "ziyaretçilerimiz, en az 3 iş günü önceden bildirerek işaret dili tercümanı "
    "isteyebilir.</p>",
    "fa": "<p>با کارکنان شهرداری از راه پست الکترونیکی یا تلفن می‌توانید تماس بگیرید. "
    "شهروندان ناشنوا می‌توانند دست‌کم ۳ روز کاری پیش از مراجعه، مترجم زبان اشاره درخواست "
    "کنند.</p>",
}

# The contact person: a named person on the Polish site, the role elsewhere, in the page's
# language.
CONTACT_ROLE = {"en": "Web editor", "tr": "Web editörü", "fa": "ویراستار وب‌سایت"}


def accessibility_declaration(definition, language: str) -> dict:
    """The fields of the demo declaration of ``definition``'s site in ``language``."""
    return {
        "title": ACCESSIBILITY_TITLES[language],
        "entity_name": definition.names[language],
        "site_url": f"http://{definition.hostname}:8000/",
        "published_on": datetime.date(2024, 9, 1),
        "updated_on": datetime.date(2026, 3, 2),
        "status": "partial",
        "non_conformities": NON_CONFORMITIES[language],
        "prepared_on": datetime.date(2024, 9, 1),
        "reviewed_on": datetime.date(2026, 3, 20),
        "assessment_method": "self",
        "keyboard_shortcuts": "",
        "contact_name": "Ewa Kowalska" if definition.country == "PL" else CONTACT_ROLE[language],
        "contact_email": definition.email,
        "contact_phone": definition.phone,
        "architectural_accessibility": ARCHITECTURE[language],
        "communication_accessibility": COMMUNICATION[language],
    }


MOU_PLAN_FA = [
    "تشکیل کارگروه مشترک شهرداری و آموزش و پرورش",
    "برگزاری نشست‌های مستمر و برنامه‌ریزی مشترک",
    "اجرای دوره‌های آموزش شهروندی در مدارس بومهن",
    "برگزاری اردوهای آموزشی و مهارتی برای دانش‌آموزان",
    "پایش اجرای درست برنامه‌ها و گزارش فصلی به شورای شهر",
    "حمایت از طرح‌های فرهنگی شهر",
]

MOU_PLAN_EN = [
    "Set up a joint working group of the municipality and the education office",
    "Hold regular meetings and plan together",
    "Run civic education courses in Bumehen's schools",
    "Organise educational and skills trips for pupils",
    "Monitor that the programmes are carried out and report to the city council each season",
    "Support the city's cultural projects",
]

MOU_STATUSES = ["done", "done", "in_progress", "in_progress", "planned", "planned"]


def _plan_rows(texts, statuses, year):
    return [
        {"text": text, "status": status, "target_year": year, "sort_order": number}
        for number, (text, status) in enumerate(zip(texts, statuses, strict=True))
    ]


PLAN_STATUSES = ["done"] * 9 + ["in_progress"] * 8 + ["planned"] * 6 + ["postponed", "cancelled"]


def plan_activities(texts):
    """The plan's activities with a believable spread of progress."""
    return [
        {
            "text": text,
            "status": PLAN_STATUSES[number],
            "target_year": 2026 if number < 12 else 2027,
            "sort_order": number,
        }
        for number, text in enumerate(texts)
    ]


PLANS = {
    "bumehen": {
        "slug": "barnameh-tafahomnameh",
        "unit_slug": "farhangi-ejtemaei",
        "fa": {
            "title": "برنامه اجرایی تفاهم‌نامه با آموزش و پرورش",
            "intro": "کارهای پیش‌بینی‌شده در تفاهم‌نامه همکاری و پیشرفت هر یک.",
            "period": "1404–1405",
            "activities": _plan_rows(MOU_PLAN_FA, MOU_STATUSES, 1405),
        },
        "en": {
            "title": "Memorandum with the education office: action plan",
            "intro": "The work the cooperation memorandum provides for, and how far each has come.",
            "period": "1404–1405",
            "activities": _plan_rows(MOU_PLAN_EN, MOU_STATUSES, 1405),
        },
    },
    "kuzeykent": {
        "slug": "faaliyet-plani",
        "unit_slug": "basin-yayin-halkla-iliskiler",
        "tr": {
            "title": "Basın Yayın ve Halkla İlişkiler Faaliyet Planı",
            "intro": "Dairemizin planladığı 25 faaliyet ve her birinin geldiği aşama.",
            "period": "2026–2027",
            "activities": plan_activities(PLAN_TR),
        },
        "en": {
            "title": "Press, Publications and Public Relations Activity Plan",
            "intro": "The 25 activities our department has planned, and how far each has come.",
            "period": "2026–2027",
            "activities": plan_activities(PLAN_EN),
        },
    },
}


def _mission_areas(areas):
    return [("area", {"title": title, "description": text, "goals": []}) for title, text in areas]


MISSIONS = {
    "bumehen": {
        "slug": "mamooriat",
        "fa": {
            "title": "مأموریت",
            "statement": "شهری پایدار، شاد و مشارکت‌جو که شهروندانش در ساختن آن سهیم‌اند.",
            "areas": [
                (
                    "area",
                    {
                        "title": "فرهنگ شهروندی",
                        "description": "آموزش مهارت‌های زندگی شهری از مدرسه تا محله.",
                        "goals": ["آموزش شهروندی در همه مدارس", "برنامه‌های محله‌محور"],
                    },
                ),
                (
                    "area",
                    {
                        "title": "اوقات فراغت و نشاط اجتماعی",
                        "description": "برنامه‌های فرهنگی و ورزشی برای همه سنین.",
                        "goals": ["جشنواره‌های فصلی", "بوستان‌های فعال"],
                    },
                ),
            ],
        },
        "en": {
            "title": "Mission",
            "statement": "A sustainable, lively and participatory city that its residents help to build.",
            "areas": [
                (
                    "area",
                    {
                        "title": "Civic culture",
                        "description": "Skills for city life, from school to neighbourhood.",
                        "goals": ["Civic education in every school", "Neighbourhood programmes"],
                    },
                ),
                (
                    "area",
                    {
                        "title": "Leisure and community life",
                        "description": "Cultural and sports programmes for all ages.",
                        "goals": ["Seasonal festivals", "Active parks"],
                    },
                ),
            ],
        },
    },
    "rudziniec": {
        "slug": "misja",
        "pl": {
            "title": "Misja",
            "statement": "Każdy mieszkaniec jest równoprawnym członkiem naszej społeczności. "
            "Dążymy do jej integracji i zrównoważonego rozwoju, łącząc tradycję "
            "z nowoczesnością.",
            "areas": _mission_areas(MISSION_PL),
        },
        "en": {
            "title": "Mission",
            "statement": "Every resident is an equal member of our community. We work for its "
            "integration and balanced growth, drawing on tradition and modernity.",
            "areas": _mission_areas(MISSION_EN),
        },
    },
}


def _table(rows):
    return ("table", {"data": rows, "first_row_is_table_header": True, "table_caption": ""})


PAGES = {
    "bumehen": {
        "darbareh": {
            "fa": {
                "title": "درباره بومهن",
                "intro": "شهر بومهن در شرق تهران، در دامنه‌های البرز.",
                "body": [
                    _heading("ساعات کار شهرداری"),
                    _table([["واحد", "شنبه تا چهارشنبه", "پنجشنبه"],
                            ["پیشخوان خدمات شهری", "۷:۳۰–۱۴:۳۰", "۸:۰۰–۱۲:۰۰"],
                            ["دبیرخانه", "۷:۳۰–۱۴:۳۰", "تعطیل"]]),
                    _heading("اصول ما"),
                    _list(["شفافیت", "مشارکت شهروندان", "پاسخ‌گویی"]),
                    ("quote", {"text": "شهروند توانمند مقدمه ساخت شهر پایدار است.",
                               "attribution": "شهرداری بومهن"}),
                ],
                "show_in_menus": True,
            },
            "en": {
                "title": "About Bumehen",
                "intro": "Bumehen lies east of Tehran, on the slopes of the Alborz.",
                "body": [
                    _heading("Opening hours"),
                    _table([["Unit", "Saturday to Wednesday", "Thursday"],
                            ["City services desk", "7:30–14:30", "8:00–12:00"],
                            ["Secretariat", "7:30–14:30", "Closed"]]),
                    _heading("Our principles"),
                    _list(["Transparency", "Residents' participation", "Accountability"]),
                    ("quote", {"text": "Capable citizens are where a sustainable city begins.",
                               "attribution": "Bumehen Municipality"}),
                ],
                "show_in_menus": True,
            },
        },
    },
    "sisli": {
        "hakkimizda": {
            "tr": {
                "title": "Belediyemiz",
                "intro": "Şişli Belediyesi'nin hizmet binaları, çalışma saatleri ve ilkeleri.",
                "body": [
                    _heading("Çalışma saatleri"),
                    _table([["Birim", "Hafta içi", "Cumartesi"],
                            ["Vatandaş masası", "08.30–17.30", "09.00–13.00"],
                            ["Özel Kalem", "08.30–17.30", "Kapalı"]]),
                    _heading("İlkelerimiz"),
                    _list(["Şeffaflık", "Katılımcılık", "Hesap verebilirlik"]),
                    ("quote", {"text": "Başkan ile halk arasında köprüyüz.",
                               "attribution": "Özel Kalem Müdürlüğü"}),
                ],
                "show_in_menus": True,
            },
            "en": {
                "title": "About the municipality",
                "intro": "Şişli Municipality's service buildings, opening hours and principles.",
                "body": [
                    _heading("Opening hours"),
                    _table([["Unit", "Weekdays", "Saturday"],
                            ["Citizens' desk", "08:30–17:30", "09:00–13:00"],
                            ["Private Office", "08:30–17:30", "Closed"]]),
                    _heading("Our principles"),
                    _list(["Transparency", "Participation", "Accountability"]),
                    ("quote", {"text": "We are the bridge between the mayor and residents.",
                               "attribution": "Private Office of the Mayor"}),
                ],
                "show_in_menus": True,
            },
        },
    },
}  # fmt: skip
