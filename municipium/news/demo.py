"""Demo news, among them the Bumehen memorandum of understanding of seed page 003 (17 Dey
1401, 7 January 2023), told afresh with invented names.

The memorandum's 451 views are those the former portal showed (seed page 003): they are
imported as the article's starting count (``news_view_count_import``), as a municipality
moving to Municipium would bring its old counts, not faked as 451 recorded visits. Eight
articles have a simple drawing (``demo_images``) with alt text that says what is drawn."""

import datetime

from municipium.core.pages import (
    former_addresses_redirect,
    page_ensure,
    page_redirects_ensure,
    page_slug_change,
    translations_ensure_in_site_language,
)
from municipium.directory.selectors import directorate_page_list
from municipium.tenancy.demo import collection_ensure

from .demo_images import demo_image_ensure
from .models import NewsArticlePage, NewsIndexPage, NewsKind
from .services import news_article_relations_set, news_view_count_import

# The news page's address in each language; the English one it had before redirects to it.
INDEX_SLUGS = {"tr": "haberler", "en": "news", "fa": "اخبار", "pl": "aktualnosci"}
FORMER_INDEX_SLUG = "news"

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


WORKSHOPS_TR = [
    "Kültür ve Sosyal İşler Müdürlüğü, 7-17 yaş arası çocuklar ve gençler için yaz atölyeleri "
    "açıyor. Bilim, resim ve müzik atölyeleri Temmuz ve Ağustos aylarında, hafta içi sabahları "
    "kültür merkezimizde yapılacak.",
    "Kayıtlar kültür merkezinde ve Beyaz Masa'da, kontenjanlar doluncaya kadar sürecek. "
    "Atölyeler ücretsizdir; malzemeleri belediyemiz karşılar.",
]

WORKSHOPS_EN = [
    "The Culture and Social Affairs Directorate opens summer workshops for children and young "
    "people aged 7 to 17. Science, painting and music workshops are held on weekday mornings "
    "in July and August at our culture centre.",
    "Registration is at the culture centre and the citizen desk until the places are filled. "
    "The workshops are free; the municipality provides the materials.",
]

WALK_TR = [
    "Rehberimiz eşliğinde Bornova'nın Levanten köşklerini, eski çarşısını ve tarihî "
    "camilerini yürüyerek geziyoruz. Gezi yaklaşık üç saat sürüyor.",
    "Katılım ücretsizdir. Rahat ayakkabı giymenizi ve yanınıza su almanızı öneririz.",
]

WALK_EN = [
    "With our guide we walk past Bornova's Levantine mansions, its old market and its "
    "historic mosques. The walk takes about three hours.",
    "Taking part is free. Wear comfortable shoes and bring water.",
]

PARKS_TR = [
    "Park ve Bahçeler Müdürlüğü, dört mahalle parkında eskiyen oyun gruplarını engelli "
    "çocukların da kullanabileceği yeni oyun gruplarıyla değiştiriyor ve aydınlatmayı "
    "yeniliyor.",
    "Çalışmalar Kasım ayında başlayıp Mart ayında tamamlanacak; bu sürede parkların yalnızca "
    "çalışılan bölümleri kapalı olacak.",
]

PARKS_EN = [
    "The Parks and Gardens Directorate replaces worn play equipment in four neighbourhood "
    "parks with new equipment that disabled children can use too, and renews the lighting.",
    "The work starts in November and ends in March; meanwhile only the parts of the parks "
    "being worked on are closed.",
]


NOWRUZ_FA = [
    "از اول تا سیزدهم فروردین، بوستان‌های ولایت، شقایق و کوهسار میزبان برنامه‌های شاد خانوادگی است: نمایش خیابانی، موسیقی محلی، نقاشی برای کودکان و مسابقه‌های ورزشی.",
    "برنامه‌ها هر روز از ساعت ۱۶ تا ۲۰ برگزار می‌شود و شرکت در آن‌ها برای همه رایگان است. روز سیزده‌به‌در، نیروهای خدمات شهری برای پاکیزگی بوستان‌ها در محل حاضرند.",
]

NOWRUZ_EN = [
    "From 1 to 13 Farvardin, the Velayat, Shaghayegh and Kuhsar parks host family programmes: street theatre, local music, painting for children and sports competitions.",
    "The programmes run every day from 16:00 to 20:00 and are free for everyone. On Sizdah Bedar, city service crews are in the parks to keep them clean.",
]

BULLETIN_TR = [
    "Bu haftaki bültende Cumhuriyet Bulvarı'ndaki yol yenileme çalışmasının takvimi, kültür merkezlerimizdeki konser ve söyleşiler ile su kesintisi duyuruları yer alıyor.",
    "Bülten her cuma belediye binasında, muhtarlıklarda ve kent kütüphanelerinde ücretsiz dağıtılıyor; basılı nüshalar tükendiğinde Basın Yayın ve Halkla İlişkiler Dairesi'nden isteyebilirsiniz.",
]

BULLETIN_EN = [
    "This week's bulletin gives the timetable of the resurfacing of Cumhuriyet Boulevard, the concerts and talks in our culture centres and the notices of water cuts.",
    "The bulletin is handed out free every Friday at the municipal building, the neighbourhood offices and the city libraries; when the printed copies run out, ask the Press, Publications and Public Relations Department.",
]

CEREMONY_TR = [
    "Tören, saat 10.00'da Atatürk Anıtı'na çelenk sunulmasıyla başladı; saygı duruşu ve İstiklal Marşı'nın ardından öğrenciler şiirler okudu.",
    "Akşam Abide-i Hürriyet Meydanı'ndan başlayan fener alayına binlerce vatandaşımız katıldı. Kutlamalara katkı veren okullarımıza ve gönüllülerimize teşekkür ederiz.",
]

CEREMONY_EN = [
    "The ceremony began at 10:00 with a wreath laid at the Atatürk Monument; after a minute's silence and the national anthem, pupils read poems.",
    "In the evening, thousands of residents joined the lantern procession from Abide-i Hürriyet Square. We thank the schools and volunteers who took part.",
]

STANDARDS_TR = [
    "Başkanla görüşme talebi artık kimlik belgesi ve kısa bir dilekçeyle yapılabiliyor; talepler en geç beş iş günü içinde yanıtlanıyor.",
    "Güncel tablo, müdürlüğümüzün sayfasında ve belediye binasının girişinde asılıdır.",
]

STANDARDS_EN = [
    "An appointment with the mayor can now be requested with an identity document and a short petition; requests are answered within five working days at the latest.",
    "The updated table is on our directorate's page and at the entrance of the municipal building.",
]

CAROLS_PL = [
    "Przegląd odbędzie się 25 stycznia w sali widowiskowej GOK. Występować mogą soliści, zespoły szkolne i chóry parafialne w trzech kategoriach wiekowych.",
    "Karty zgłoszeń przyjmujemy do 18 stycznia w sekretariacie ośrodka lub e-mailem. Laureaci wystąpią na koncercie finałowym w lutym.",
]

CAROLS_EN = [
    "The review takes place on 25 January in the culture centre's performance hall. Soloists, school groups and parish choirs may perform in three age groups.",
    "Entry forms are accepted until 18 January at the centre's office or by e-mail. The winners perform at the final concert in February.",
]


def _paragraphs(texts):
    return [("paragraph", f"<p>{text}</p>") for text in texts]


ARTICLES = {
    "bumehen": [
        {
            "slug": "tafahomnameh-amoozesh-parvaresh",
            "date": datetime.datetime(2023, 1, 7, 9, 30, tzinfo=datetime.UTC),
            "kind": NewsKind.NEWS,
            "directorates": ["farhangi-ejtemaei"],
            "imported_views": 451,  # as the former portal showed it (seed page 003)
            "image": "memorandum",
            "fa": {
                "title": "امضای تفاهم‌نامه همکاری شهرداری بومهن و آموزش و پرورش شهرستان پردیس",
                "lead": "با هدف گسترش فرهنگ شهروندی و آموزش‌های مهارتی در مدارس بومهن، "
                "تفاهم‌نامه همکاری میان شهرداری و آموزش و پرورش شهرستان پردیس امضا شد.",
                "body": _paragraphs(MOU_FA),
                "tags": ["آموزش و پرورش", "فرهنگ شهروندی"],
                "image_alt": "طرحی از یک برگه امضاشده و یک خودکار.",
                "image_caption": "تصویر نمادین است.",
            },
            "en": {
                "title": "Bumehen Municipality and the Pardis education office sign a "
                "cooperation memorandum",
                "lead": "To spread civic culture and skills training in Bumehen's schools, the "
                "municipality and the county education office signed a memorandum of "
                "understanding.",
                "body": _paragraphs(MOU_EN),
                "tags": ["civic culture", "education"],
                "image_alt": "A drawing of a signed sheet of paper and a pen.",
                "image_caption": "An illustration, not a photograph of the signing.",
            },
        },
        {
            "slug": "barnameh-nowruz",
            "former_slug": "nowruz-programmes",
            "image": "nowruz",
            "date": datetime.datetime(2024, 3, 29, 8, 0, tzinfo=datetime.UTC),
            "kind": NewsKind.ANNOUNCEMENT,
            "directorates": ["farhangi-ejtemaei"],
            "fa": {
                "title": "برنامه‌های فرهنگی نوروزی در بوستان‌های شهر",
                "lead": "در روزهای نوروز، برنامه‌های شاد خانوادگی در بوستان‌های بومهن برگزار می‌شود.",
                "body": _paragraphs(NOWRUZ_FA),
                "tags": ["نوروز"],
                "image_alt": "طرحی از باغچه‌های لاله، ظرف سبزه و درختی پرشکوفه.",
                "image_caption": "تصویر نمادین است.",
            },
            "en": {
                "title": "Nowruz cultural programmes in the city's parks",
                "lead": "Family programmes are held in Bumehen's parks during the Nowruz holidays.",
                "body": _paragraphs(NOWRUZ_EN),
                "tags": ["Nowruz"],
                "image_alt": "A drawing of tulip beds, a bowl of sprouting greens and a tree in blossom.",
                "image_caption": "An illustration.",
            },
        },
    ],
    "bornova": [
        {
            "slug": "yaz-atolyeleri",
            "image": "workshops",
            "date": datetime.datetime(2026, 6, 1, 9, 0, tzinfo=datetime.UTC),
            "kind": NewsKind.ANNOUNCEMENT,
            "directorates": ["kultur-ve-sosyal-isler"],
            "tr": {
                "title": "Yaz atölyelerine kayıtlar başladı",
                "lead": "Çocuklar ve gençler için bilim, resim ve müzik atölyelerine kayıtlar açıldı.",
                "body": _paragraphs(WORKSHOPS_TR),
                "tags": ["atölye", "çocuk"],
                "image_alt": "Resimli bir şövale, bir deney şişesi ve bir nota çizimi.",
                "image_caption": "Temsilî çizim.",
            },
            "en": {
                "title": "Registration opens for summer workshops",
                "lead": "Science, painting and music workshops for children and young people are "
                "open for registration.",
                "body": _paragraphs(WORKSHOPS_EN),
                "tags": ["children", "workshops"],
                "image_alt": "A drawing of an easel with a painting, a flask and a music note.",
                "image_caption": "An illustration.",
            },
        },
        {
            "slug": "kent-gezisi",
            "image": "walk",
            "date": datetime.datetime(2026, 9, 12, 9, 0, tzinfo=datetime.UTC),
            "kind": NewsKind.NEWS,
            "directorates": ["kultur-ve-sosyal-isler"],
            "tr": {
                "title": "Tarihî Bornova kent gezisi",
                "lead": "Rehberli gezimizde Bornova'nın tarihî köşklerini birlikte keşfediyoruz.",
                "body": _paragraphs(WALK_TR),
                "tags": ["kültür mirası"],
                "image_alt": "Arnavut kaldırımlı sokakta yüksek pencereli eski bir köşk ve bir servi çizimi.",
                "image_caption": "Temsilî çizim.",
            },
            "en": {
                "title": "A walk through historic Bornova",
                "lead": "Our guided walk explores Bornova's historic mansions.",
                "body": _paragraphs(WALK_EN),
                "tags": ["heritage"],
                "image_alt": "A drawing of an old mansion with tall windows on a cobbled street, and a cypress.",
                "image_caption": "An illustration.",
            },
        },
        {
            "slug": "park-yenileme-basin-bulteni",
            "date": datetime.datetime(2026, 10, 5, 11, 0, tzinfo=datetime.UTC),
            "kind": NewsKind.PRESS_RELEASE,
            "press_release_number": "2026/14",
            "directorates": ["park-ve-bahceler"],
            "image": "park",
            "tr": {
                "title": "Dört mahalle parkı yenileniyor",
                "lead": "Park ve Bahçeler Müdürlüğü, dört mahalle parkında oyun alanlarını ve "
                "aydınlatmayı kış aylarında yeniliyor.",
                "body": _paragraphs(PARKS_TR),
                "tags": ["park", "çocuk"],
                "image_alt": "Salıncağı ve iki ağacı olan bir park çizimi.",
                "image_caption": "Temsilî çizim: Park ve Bahçeler Müdürlüğü.",
            },
            "en": {
                "title": "Four neighbourhood parks to be renewed",
                "lead": "The Parks and Gardens Directorate renews the playgrounds and lighting "
                "of four neighbourhood parks over the winter.",
                "body": _paragraphs(PARKS_EN),
                "tags": ["children", "parks"],
                "image_alt": "A drawing of a park with a swing and two trees.",
                "image_caption": "Illustrative drawing: Parks and Gardens Directorate.",
            },
        },
    ],
    "kuzeykent": [
        {
            "slug": "haftalik-bulten",
            "image": "bulletin",
            "date": datetime.datetime(2026, 11, 20, 9, 0, tzinfo=datetime.UTC),
            "kind": NewsKind.PRESS_RELEASE,
            "press_release_number": "47",
            "directorates": ["basin-yayin-halkla-iliskiler"],
            "tr": {
                "title": "Haftalık bilgilendirme bülteni yayımlandı",
                "lead": "Bu haftanın bülteninde yol çalışmaları, kültür etkinlikleri ve duyurular var.",
                "body": _paragraphs(BULLETIN_TR),
                "tags": ["bülten"],
                "image_alt": "Başlığı, fotoğrafı ve yazı sütunları olan basılı bir bülten çizimi.",
                "image_caption": "Temsilî çizim.",
            },
            "en": {
                "title": "This week's information bulletin is out",
                "lead": "This week's bulletin covers roadworks, cultural events and notices.",
                "body": _paragraphs(BULLETIN_EN),
                "tags": ["bulletin"],
                "image_alt": "A drawing of a printed bulletin with a masthead, a photograph and columns of text.",
                "image_caption": "An illustration.",
            },
        },
        {
            "slug": "memnuniyet-anketi-sonuclari",
            "date": datetime.datetime(2026, 11, 6, 8, 30, tzinfo=datetime.UTC),
            "kind": NewsKind.ANNOUNCEMENT,
            "directorates": ["basin-yayin-halkla-iliskiler"],
            "tr": {
                "title": "Ekim ayı vatandaş memnuniyeti anketinin sonuçları",
                "lead": "Alo 153'e başvuran 1.240 vatandaşın yüzde 82'si aldığı hizmetten "
                "memnun kaldığını belirtti.",
                "body": _paragraphs(
                    [
                        "Anket, Ekim ayında çağrı merkezine başvuran vatandaşlarla telefonla "
                        "yapıldı. En yüksek memnuniyet park ve bahçeler, en düşük memnuniyet yol "
                        "bakım başvurularında ölçüldü.",
                        "Sonuçlar ilgili dairelere iletildi; düşük puan alan başlıklar için "
                        "iyileştirme planı bir ay içinde yayımlanacak.",
                    ]
                ),
                "tags": ["anket", "alo 153"],
            },
            "en": {
                "title": "October's citizen satisfaction survey: the results",
                "lead": "82 per cent of the 1,240 residents who called line 153 were satisfied "
                "with the service they received.",
                "body": _paragraphs(
                    [
                        "The survey was made by telephone with residents who called the contact "
                        "centre in October. Parks scored highest and road maintenance lowest.",
                        "The results went to the departments concerned; an improvement plan for "
                        "the lowest-scoring subjects will be published within a month.",
                    ]
                ),
                "tags": ["survey", "line 153"],
            },
        },
        {
            "slug": "basin-toplantisi-2027-yatirimlari",
            "date": datetime.datetime(2026, 10, 15, 11, 0, tzinfo=datetime.UTC),
            "kind": NewsKind.NEWS,
            "directorates": ["basin-yayin-halkla-iliskiler"],
            "tr": {
                "title": "2027 yatırım programı basın toplantısıyla tanıtıldı",
                "lead": "Yerel ve ulusal basın mensupları, yılın dördüncü basın toplantısında "
                "yeni yatırımları yerinde inceledi.",
                "body": _paragraphs(
                    [
                        "Toplantıda raylı sistem hattının ikinci etabı, üç yeni kütüphane ve "
                        "yağmur suyu kanalları tanıtıldı; ardından gazeteciler şantiye alanını "
                        "gezdi.",
                    ]
                ),
                "tags": ["basın", "yatırım"],
            },
            "en": {
                "title": "The 2027 investment programme presented to the press",
                "lead": "Local and national journalists toured the new investments at the "
                "year's fourth press meeting.",
                "body": _paragraphs(
                    [
                        "The meeting presented the light rail line's second stage, three new "
                        "libraries and storm-water channels; the journalists then visited the site.",
                    ]
                ),
                "tags": ["press", "investment"],
            },
        },
    ],
    "sisli": [
        {
            "slug": "cumhuriyet-bayrami-toreni",
            "image": "ceremony",
            "date": datetime.datetime(2026, 10, 29, 10, 0, tzinfo=datetime.UTC),
            "kind": NewsKind.NEWS,
            "directorates": ["ozel-kalem"],
            "tr": {
                "title": "Cumhuriyet Bayramı töreni",
                "lead": "Cumhuriyet Bayramı, Başkanımızın katılımıyla düzenlenen törenle kutlandı.",
                "body": _paragraphs(CEREMONY_TR),
                "tags": ["tören"],
                "image_alt": "Kırmızı beyaz flamalar, bir kürsü ve çelenk çizimi.",
                "image_caption": "Temsilî çizim, törenin fotoğrafı değildir.",
            },
            "en": {
                "title": "Republic Day ceremony",
                "lead": "Republic Day was celebrated with a ceremony attended by the mayor.",
                "body": _paragraphs(CEREMONY_EN),
                "tags": ["ceremony"],
                "image_alt": "A drawing of red and white bunting, a lectern and a wreath.",
                "image_caption": "An illustration, not a photograph of the ceremony.",
            },
        },
        {
            "slug": "muhtarlar-toplantisi",
            "date": datetime.datetime(2026, 11, 12, 14, 0, tzinfo=datetime.UTC),
            "kind": NewsKind.NEWS,
            "directorates": ["ozel-kalem"],
            "tr": {
                "title": "Mahalle muhtarlarıyla aylık istişare toplantısı",
                "lead": "Mahalle muhtarları, ilçenin ihtiyaçlarını Başkanlık ve müdürlüklerle "
                "birlikte değerlendirdi.",
                "body": _paragraphs(
                    [
                        "Toplantıda dile getirilen 34 talep ilgili müdürlüklere iletildi. "
                        "Taleplerin sonuçları bir sonraki toplantıda muhtarlarla paylaşılacak.",
                    ]
                ),
                "tags": ["muhtarlar", "toplantı"],
            },
            "en": {
                "title": "Monthly consultation with neighbourhood heads",
                "lead": "The neighbourhood heads reviewed the district's needs with the "
                "mayor's office and the directorates.",
                "body": _paragraphs(
                    [
                        "The 34 requests raised at the meeting went to the directorates concerned. "
                        "Their outcome will be reported to the heads at the next meeting.",
                    ]
                ),
                "tags": ["neighbourhood heads", "meeting"],
            },
        },
        {
            "slug": "hizmet-standartlari-guncellendi",
            "date": datetime.datetime(2026, 9, 1, 7, 0, tzinfo=datetime.UTC),
            "kind": NewsKind.ANNOUNCEMENT,
            "directorates": ["ozel-kalem"],
            "tr": {
                "title": "Özel Kalem hizmet standartları tablosu güncellendi",
                "lead": "Randevu ve ziyaret talepleri için istenen belgeler ve süreler "
                "yeniden düzenlendi.",
                "body": _paragraphs(STANDARDS_TR),
                "tags": ["hizmet standartları"],
            },
            "en": {
                "title": "The private office's service standards table updated",
                "lead": "The documents and times for appointment and visit requests "
                "have been revised.",
                "body": _paragraphs(STANDARDS_EN),
                "tags": ["service standards"],
            },
        },
    ],
    "rudziniec": [
        {
            "slug": "przeglad-koled",
            "image": "carols",
            "date": datetime.datetime(2026, 1, 10, 10, 0, tzinfo=datetime.UTC),
            "kind": NewsKind.ANNOUNCEMENT,
            "directorates": ["dzial-programowy"],
            "pl": {
                "title": "Gminny przegląd kolęd i pastorałek",
                "lead": "Zapraszamy szkoły i zespoły z całej gminy do udziału w przeglądzie.",
                "body": _paragraphs(CAROLS_PL),
                "tags": ["konkurs", "muzyka"],
                "image_alt": "Rysunek gwiazdy nad zaśnieżonymi domami i nut.",
                "image_caption": "Ilustracja.",
            },
            "en": {
                "title": "Commune carol review",
                "lead": "Schools and groups from the whole commune are invited to take part.",
                "body": _paragraphs(CAROLS_EN),
                "tags": ["competition", "music"],
                "image_alt": "A drawing of a star over snow-covered houses, with music notes.",
                "image_caption": "An illustration.",
            },
        },
        {
            "slug": "nowe-sekcje-od-lutego",
            "date": datetime.datetime(2026, 1, 26, 9, 0, tzinfo=datetime.UTC),
            "kind": NewsKind.NEWS,
            "directorates": ["dzial-programowy"],
            "pl": {
                "title": "Nowe sekcje artystyczne od lutego",
                "lead": "Od lutego zapraszamy na zajęcia ceramiki, gitary i tańca nowoczesnego "
                "w świetlicach w trzech sołectwach.",
                "body": _paragraphs(
                    [
                        "Zajęcia są bezpłatne i prowadzone w małych grupach dla dzieci, młodzieży "
                        "i dorosłych. Zapisy przyjmujemy w sekretariacie ośrodka i telefonicznie.",
                        "Nowe sekcje powstały na podstawie ankiety, w której mieszkańcy wskazali, "
                        "jakich zajęć brakuje im najbardziej.",
                    ]
                ),
                "tags": ["sekcje", "warsztaty"],
            },
            "en": {
                "title": "New art sections from February",
                "lead": "From February we run pottery, guitar and modern dance classes in "
                "the community rooms of three villages.",
                "body": _paragraphs(
                    [
                        "The classes are free and held in small groups for children, young people "
                        "and adults. Sign up at the centre's office or by phone.",
                        "The new sections come from a survey in which residents named the "
                        "activities they missed most.",
                    ]
                ),
                "tags": ["sections", "workshops"],
            },
        },
        {
            "slug": "festyn-gminny-podsumowanie",
            "date": datetime.datetime(2025, 9, 8, 12, 0, tzinfo=datetime.UTC),
            "kind": NewsKind.NEWS,
            "directorates": ["dzial-programowy"],
            "pl": {
                "title": "Podsumowanie festynu gminnego",
                "lead": "Dziękujemy sołectwom, kołom gospodyń wiejskich i szkołom za "
                "wspólne przygotowanie festynu.",
                "body": _paragraphs(
                    [
                        "Na scenie wystąpiły zespoły ze szkół i sekcji ośrodka, a stoiska "
                        "przygotowało jedenaście kół gospodyń wiejskich z całej gminy.",
                    ]
                ),
                "tags": ["festyn"],
            },
            "en": {
                "title": "The commune fair in review",
                "lead": "Thank you to the villages, the rural women's circles and the schools "
                "for preparing the fair together.",
                "body": _paragraphs(
                    [
                        "Groups from the schools and the centre's sections performed on stage, "
                        "and eleven rural women's circles from across the commune ran stalls.",
                    ]
                ),
                "tags": ["fair"],
            },
        },
    ],
}


def news_ensure(slug: str, homes: dict, *, collection, site=None) -> dict[str, NewsIndexPage]:
    """The site's news page in each language, with its articles, their images in the
    municipality's ``collection``; the addresses they had in English redirect on ``site``."""
    indexes = translations_ensure_in_site_language(
        parents=homes, page_class=NewsIndexPage, slugs=INDEX_SLUGS,
        former_slug=FORMER_INDEX_SLUG,
        fields={
            language: {"title": title, "intro": intro, "show_in_menus": True}
            for language, (title, intro) in INDEX_TITLES.items()
        },
    )  # fmt: skip
    for article in ARTICLES.get(slug, []):
        _article_ensure(article, indexes, collection=collection, site=site)
    if site is not None:
        former_addresses_redirect(pages=indexes.values(), former_slug=FORMER_INDEX_SLUG, site=site)
    return indexes


def _article_ensure(article: dict, indexes: dict, *, collection, site=None) -> None:
    """One article in each of the site's languages, with its tags and directorates."""
    source = None
    image = (
        demo_image_ensure(article["image"], collection=collection) if "image" in article else None
    )
    for language, index in indexes.items():
        fields = dict(article[language])
        tags = fields.pop("tags", [])
        former = article.get("former_slug", article["slug"])
        page_slug_change(
            parent=index, page_class=NewsArticlePage, language=language,
            former=former, slug=article["slug"],
        )  # fmt: skip
        if image is not None:
            fields["image"] = image
        page = page_ensure(
            parent=index,
            page_class=NewsArticlePage,
            slug=article["slug"],
            language=language,
            translation_of=source,
            date=article["date"],
            kind=article.get("kind", NewsKind.NEWS),
            press_release_number=article.get("press_release_number", ""),
            **fields,
        )
        home = index.get_parent()
        directorates = list(
            directorate_page_list(under=home).filter(slug__in=article.get("directorates", []))
        )
        news_article_relations_set(article=page, tags=tags, directorates=directorates)
        if site is not None:
            page_redirects_ensure(page=page, former_slug=former, site=site)
        if source is None and "imported_views" in article:
            news_view_count_import(page=page, total=article["imported_views"])
        source = source or page


def demo_news(site) -> None:
    """The demo step (registered in NewsConfig.ready): leaves ``site.made["news"]``."""
    municipality = site.made["municipality"]
    collection = collection_ensure(municipality)
    site.made["news"] = news_ensure(
        site.key, site.made["homes"], collection=collection, site=municipality.site
    )
