"""Demo news, among them the Bumehen memorandum of understanding of seed page 003 (17 Dey
1401, 7 January 2023), told afresh with invented names."""

import datetime

from municipium.portal.services import page_ensure

from .models import NewsArticlePage, NewsIndexPage

INDEX_TITLES = {
    "tr": ("Haberler", "Belediyemizden son haberler ve duyurular."),
    "en": ("News", "The latest news and announcements."),
    "fa": ("اخبار", "تازه‌ترین اخبار و اطلاعیه‌های شهرداری."),
    "pl": ("Aktualności", "Najnowsze wiadomości i ogłoszenia."),
}

MOU_FA = [
    "شهرداری بومهن و مدیریت آموزش و پرورش شهرستان پردیس برای بهره‌گیری از ظرفیت‌های مشترک "
    "و هم‌افزایی در اجرای برنامه‌های فرهنگی و اجتماعی، تفاهم‌نامه همکاری امضا کردند.",
    "شهردار بومهن هدف این همکاری را نقشه راه مشترک، برنامه‌ریزی واحد و مدیریت متمرکز طرح‌های "
    "فرهنگی و اجتماعی، غنی‌سازی اوقات فراغت شهروندان و افزایش نشاط اجتماعی دانست.",
    "رئیس آموزش و پرورش شهرستان نیز این تفاهم‌نامه را آغازی برای مشارکت دانش‌آموزان خواند: "
    "اگر شیوه درست زندگی شهری از سنین کم آموخته شود، می‌توان آینده خوبی برای شهر پیش‌بینی کرد.",
    "برگزاری نشست‌های مستمر، برنامه‌ریزی مشترک، پایش اجرای درست برنامه‌ها و حمایت از طرح‌های "
    "فرهنگی شهر از دیگر مفاد این تفاهم‌نامه است.",
]

MOU_EN = [
    "Bumehen Municipality and the Pardis county education office signed a memorandum of "
    "understanding to share their resources and work together on cultural and social "
    "programmes.",
    "The mayor of Bumehen said the aim is a shared road map, joint planning and coordinated "
    "management of cultural and social projects, richer leisure for residents and a livelier "
    "community.",
    "The head of the county education office called the memorandum a first step towards "
    "involving pupils: children who learn civic life early make for a better future city.",
    "The memorandum also provides for regular meetings, joint planning, monitoring that the "
    "programmes are carried out, and support for cultural projects in the city.",
]


def _paragraphs(texts):
    return [("paragraph", f"<p>{text}</p>") for text in texts]


ARTICLES = {
    "bumehen": [
        {
            "slug": "tafahomnameh-amoozesh-parvaresh",
            "date": datetime.datetime(2023, 1, 7, 9, 30, tzinfo=datetime.UTC),
            "fa": {
                "title": "امضای تفاهم‌نامه همکاری شهرداری بومهن و آموزش و پرورش شهرستان پردیس",
                "lead": "با هدف گسترش فرهنگ شهروندی و آموزش‌های مهارتی در مدارس بومهن، "
                "تفاهم‌نامه همکاری میان شهرداری و آموزش و پرورش شهرستان پردیس امضا شد.",
                "body": _paragraphs(MOU_FA),
            },
            "en": {
                "title": "Bumehen Municipality and the Pardis education office sign a "
                "cooperation memorandum",
                "lead": "To spread civic culture and skills training in Bumehen's schools, the "
                "municipality and the county education office signed a memorandum of "
                "understanding.",
                "body": _paragraphs(MOU_EN),
            },
        },
        {
            "slug": "nowruz-programmes",
            "date": datetime.datetime(2024, 3, 29, 8, 0, tzinfo=datetime.UTC),
            "fa": {
                "title": "برنامه‌های فرهنگی نوروزی در بوستان‌های شهر",
                "lead": "در روزهای نوروز، برنامه‌های شاد خانوادگی در بوستان‌های بومهن برگزار می‌شود.",
                "body": [],
            },
            "en": {
                "title": "Nowruz cultural programmes in the city's parks",
                "lead": "Family programmes are held in Bumehen's parks during the Nowruz holidays.",
                "body": [],
            },
        },
    ],
    "bornova": [
        {
            "slug": "yaz-atolyeleri",
            "date": datetime.datetime(2026, 6, 1, 9, 0, tzinfo=datetime.UTC),
            "tr": {
                "title": "Yaz atölyelerine kayıtlar başladı",
                "lead": "Çocuklar ve gençler için bilim, resim ve müzik atölyelerine kayıtlar açıldı.",
                "body": [],
            },
            "en": {
                "title": "Registration opens for summer workshops",
                "lead": "Science, painting and music workshops for children and young people are "
                "open for registration.",
                "body": [],
            },
        },
        {
            "slug": "kent-gezisi",
            "date": datetime.datetime(2026, 9, 12, 9, 0, tzinfo=datetime.UTC),
            "tr": {
                "title": "Tarihî Bornova kent gezisi",
                "lead": "Rehberli gezimizde Bornova'nın tarihî köşklerini birlikte keşfediyoruz.",
                "body": [],
            },
            "en": {
                "title": "A walk through historic Bornova",
                "lead": "Our guided walk explores Bornova's historic mansions.",
                "body": [],
            },
        },
    ],
    "kuzeykent": [
        {
            "slug": "haftalik-bulten",
            "date": datetime.datetime(2026, 11, 20, 9, 0, tzinfo=datetime.UTC),
            "tr": {
                "title": "Haftalık bilgilendirme bülteni yayımlandı",
                "lead": "Bu haftanın bülteninde yol çalışmaları, kültür etkinlikleri ve duyurular var.",
                "body": [],
            },
            "en": {
                "title": "This week's information bulletin is out",
                "lead": "This week's bulletin covers roadworks, cultural events and notices.",
                "body": [],
            },
        },
    ],
    "sisli": [
        {
            "slug": "cumhuriyet-bayrami-toreni",
            "date": datetime.datetime(2026, 10, 29, 10, 0, tzinfo=datetime.UTC),
            "tr": {
                "title": "Cumhuriyet Bayramı töreni",
                "lead": "Cumhuriyet Bayramı, Başkanımızın katılımıyla düzenlenen törenle kutlandı.",
                "body": [],
            },
            "en": {
                "title": "Republic Day ceremony",
                "lead": "Republic Day was celebrated with a ceremony attended by the mayor.",
                "body": [],
            },
        },
    ],
    "rudziniec": [
        {
            "slug": "przeglad-koled",
            "date": datetime.datetime(2026, 1, 10, 10, 0, tzinfo=datetime.UTC),
            "pl": {
                "title": "Gminny przegląd kolęd i pastorałek",
                "lead": "Zapraszamy szkoły i zespoły z całej gminy do udziału w przeglądzie.",
                "body": [],
            },
            "en": {
                "title": "Commune carol review",
                "lead": "Schools and groups from the whole commune are invited to take part.",
                "body": [],
            },
        },
    ],
}


def news_ensure(slug: str, homes: dict) -> dict[str, NewsIndexPage]:
    """The site's news page in each language, with its articles."""
    indexes: dict[str, NewsIndexPage] = {}
    source_index = None
    for language, home in homes.items():
        title, intro = INDEX_TITLES[language]
        indexes[language] = page_ensure(
            parent=home,
            page_class=NewsIndexPage,
            slug="news",
            language=language,
            translation_of=source_index,
            title=title,
            intro=intro,
            show_in_menus=True,
        )
        source_index = source_index or indexes[language]
    for article in ARTICLES.get(slug, []):
        source = None
        for language, index in indexes.items():
            page = page_ensure(
                parent=index,
                page_class=NewsArticlePage,
                slug=article["slug"],
                language=language,
                translation_of=source,
                date=article["date"],
                **article[language],
            )
            source = source or page
    return indexes
