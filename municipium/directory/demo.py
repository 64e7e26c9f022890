"""Demo directorates, written afresh from seed pages 000, 001 and 002, with invented people."""

from municipium.portal.services import page_ensure

from .models import DirectoratePage, DirectoryIndexPage

INDEX_TITLES = {
    "tr": ("Müdürlükler", "Belediyemizin birimleri, yöneticileri ve iletişim bilgileri."),
    "en": ("Directorates", "The municipality's units, their heads and how to reach them."),
    "fa": ("معاونت‌ها و واحدها", "واحدهای شهرداری، مدیران و راه‌های تماس با آنها."),
    "pl": ("Działy", "Działy ośrodka, ich kierownicy i dane kontaktowe."),
}

CULTURE_AREAS_TR = [
    "Söyleşi, sempozyum, panel, konferans, konser, festival, gösteri ve kent gezileri düzenlemek",
    "Yazarlar, sanatçılar, bilim insanları, üniversiteler ve sivil toplum kuruluşlarıyla işbirliği yapmak",
    "Kentin kültür mirasına ve tarihî değerlerine sahip çıkmak",
    "Eğitim kurumlarıyla işbirliği yapmak, istihdama yönelik kurslar açmak",
    "Özel gün ve haftalarda etkinlikler düzenlemek",
    "Salon ve etkinlik alanlarını talep üzerine tahsis etmek",
    "Çocuklar, gençler ve yetişkinler için hobi ve beceri kursları ile atölyeler açmak",
    "Fuar ve şenliklerde stant açarak belediyemizi tanıtmak",
    "Geçici ve kalıcı sergiler hazırlamak; yazılı ve sözlü arşiv oluşturmak, yayın yapmak",
    "Öğrenciler için bilim atölyeleri ve geziler düzenlemek",
]

CULTURE_AREAS_EN = [
    "Organise talks, symposia, panels, conferences, concerts, festivals, shows and city walks",
    "Work with writers, artists, scientists, universities and civil society",
    "Protect the city's cultural heritage and historic places",
    "Work with schools and open courses that lead to jobs",
    "Hold events on national days and special weeks",
    "Lend halls and event spaces on request",
    "Open hobby and skills courses and workshops for children, young people and adults",
    "Represent the municipality with stands at fairs and festivals",
    "Prepare temporary and permanent exhibitions; keep a written and oral archive; publish",
    "Run science workshops and trips for school children",
]


def _areas(items):
    return [("paragraph", "<ul>" + "".join(f"<li>{item}</li>" for item in items) + "</ul>")]


def _heading(text):
    return ("heading", {"text": text, "level": "h2"})


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
                "body": [_heading("Faaliyet alanları"), *_areas(CULTURE_AREAS_TR)],
            },
            "en": {
                "title": "Culture and Social Affairs Directorate",
                "summary": "Cultural and social events, courses and exhibitions for residents of every age.",
                "duties": "<p>We organise cultural, social and scientific programmes that strengthen "
                "the city's culture and its residents' sense of belonging. Our aim is a liveable "
                "Bornova that keeps its cultural and historic identity.</p>",
                "body": [_heading("Activity areas"), *_areas(CULTURE_AREAS_EN)],
            },
            "contact": {
                "director_name": "Deniz Arslan",
                "phone": "(0232) 555 01 00",
                "phone_extension": "4210",
                "email": "kultur@bornova.example.org",
            },
            "director_title": {"tr": "Müdür", "en": "Director"},
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
                "director_name": "Ayşe Çelik",
                "phone": "(0232) 555 01 00",
                "phone_extension": "4300",
                "email": "park@bornova.example.org",
            },
            "director_title": {"tr": "Müdür", "en": "Director"},
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
                "director_name": "Murat Aydın",
                "phone": "(0312) 555 02 00",
                "phone_extension": "1200",
                "email": "basin@kuzeykent.example.org",
            },
            "director_title": {"tr": "Daire Başkanı", "en": "Head of Department"},
        },
    ],
    "sisli": [
        {
            "slug": "ozel-kalem",
            "tr": {
                "title": "Özel Kalem Müdürlüğü",
                "summary": "Başkan ile halk arasında köprü: protokol, randevular, talimatların takibi.",
                "duties": "<p>Müdürlüğümüz 9 Mart 2012 tarihli ve 82 sayılı Belediye Meclisi kararıyla "
                'kurulmuştur ve Belediye Başkanına bağlıdır.</p><ol type="a">'
                "<li>Meclis, Encümen, müdürlükler ve Başkanlık arasında eşgüdümü sağlamak;</li>"
                "<li>ziyaret, davet, açılış, bayram ve törenlerde protokol işlerini yürütmek, "
                "zaman ve yerlerini Başkana bildirmek;</li>"
                "<li>Başkanın sözlü talimatlarını birimlere iletmek ve sonuçlanıncaya dek izlemek; "
                "toplantı ve brifingleri düzenleyip tutanaklarını yaymak;</li>"
                "<li>Başkanı ziyarete gelen konukları karşılamak ve uğurlamak;</li>"
                "<li>mevzuata uygun verilen diğer görevleri yapmak.</li></ol>",
                "body": [],
            },
            "en": {
                "title": "Private Office of the Mayor",
                "summary": "The bridge between the mayor and residents: protocol, appointments, "
                "follow-up of instructions.",
                "duties": "<p>The office was founded by council decision no. 82 of 9 March 2012 and "
                'reports to the mayor.</p><ol type="a">'
                "<li>Coordinate the council, the committee, the directorates and the mayor;</li>"
                "<li>run protocol for visits, invitations, openings, holidays and ceremonies, and "
                "report their time and place to the mayor;</li>"
                "<li>pass the mayor's verbal instructions to units and follow them to completion; "
                "organise meetings and briefings and circulate their minutes;</li>"
                "<li>receive and see off the mayor's guests;</li>"
                "<li>carry out other duties given under the law.</li></ol>",
                "body": [],
            },
            "contact": {
                "director_name": "Elif Karaca",
                "phone": "(0212) 555 03 00",
                "phone_extension": "",
                "email": "ozelkalem@sisli.example.org",
            },
            "director_title": {"tr": "Özel Kalem Müdürü", "en": "Head of the Private Office"},
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
                "director_name": "سارا کریمی",
                "phone": "021-5550-0400",
                "phone_extension": "210",
                "email": "farhang@bumehen.example.org",
            },
            "director_title": {"fa": "معاون فرهنگی و اجتماعی", "en": "Deputy Mayor for Culture"},
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
                "director_name": "Anna Nowak",
                "phone": "+48 32 555 05 00",
                "phone_extension": "12",
                "email": "program@rudziniec.example.org",
            },
            "director_title": {"pl": "Kierowniczka", "en": "Head"},
        },
    ],
}


def directory_ensure(slug: str, homes: dict) -> dict[str, DirectoryIndexPage]:
    """The site's directory in each language, with its directorates."""
    indexes: dict[str, DirectoryIndexPage] = {}
    source_index = None
    for language, home in homes.items():
        title, intro = INDEX_TITLES[language]
        indexes[language] = page_ensure(
            parent=home,
            page_class=DirectoryIndexPage,
            slug="directorates",
            language=language,
            translation_of=source_index,
            title=title,
            intro=intro,
            show_in_menus=True,
        )
        source_index = source_index or indexes[language]
    for directorate in DIRECTORATES.get(slug, []):
        source = None
        for language, index in indexes.items():
            page = page_ensure(
                parent=index,
                page_class=DirectoratePage,
                slug=directorate["slug"],
                language=language,
                translation_of=source,
                director_title=directorate["director_title"][language],
                **directorate[language],
                **directorate["contact"],
            )
            source = source or page
    return indexes
