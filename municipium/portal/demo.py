"""Demo home pages and general pages of the five seed institutions, in their languages and
English, written afresh from the facts of the seed pages."""

from municipium.core.pages import (
    former_addresses_redirect,
    translations_ensure,
    translations_ensure_in_site_language,
)

from .demo_pages import MISSIONS, PAGES, PLANS, accessibility_declaration
from .models import (
    AccessibilityDeclarationPage,
    HomePage,
    MissionPage,
    PlanActivity,
    PlanPage,
    StandardPage,
)
from .services import editorial_team_ensure, home_pages_ensure

# Where each home page's cards lead, in the order of its highlights: the news, a directorate
# (by its slug), a page under the home page (by its slug), the accessibility declaration or
# the requests desk (desk.demo, ``made["desks"]``).
HIGHLIGHT_TARGETS = {
    "bornova": [
        ("programme", "kultur-ve-sosyal-isler"),
        ("directorate", "kultur-ve-sosyal-isler"),
        ("directorate", "kultur-ve-sosyal-isler"),
    ],
    "kuzeykent": [
        ("news",),
        ("desk",),
        ("page", "faaliyet-plani"),
    ],
    "sisli": [("directorate", "ozel-kalem"), ("desk",), ("directorate", "ozel-kalem")],
    "bumehen": [
        ("programme", "farhangi-ejtemaei"),
        ("page", "barnameh-tafahomnameh"),
        ("desk",),
    ],
    "rudziniec": [("page", "misja"), ("programme", "dzial-programowy"), ("declaration",)],
}

HOME = {
    "bornova": {
        "tr": {
            "title": "Bornova Belediyesi",
            "welcome_heading": "Bornova'ya hoş geldiniz",
            "welcome_text": "<p>Kültürü, parkları ve üniversiteleriyle yaşayan bir kent. "
            "Belediyemizin hizmetlerine, etkinliklerine ve duyurularına buradan ulaşın.</p>",
            "highlights": [
                (
                    "Kültür ve sanat etkinlikleri",
                    "Konserler, söyleşiler, festivaller ve kent gezileri.",
                ),
                (
                    "Kurslar ve atölyeler",
                    "Çocuklar, gençler ve yetişkinler için hobi ve beceri kursları.",
                ),
                (
                    "Salon tahsisi",
                    "Etkinlik salonlarımızı dernekler ve vatandaşlar için ayırıyoruz.",
                ),
            ],
        },
        "en": {
            "title": "Bornova Municipality",
            "welcome_heading": "Welcome to Bornova",
            "welcome_text": "<p>A city alive with culture, parks and universities. Find the "
            "municipality's services, events and announcements here.</p>",
            "highlights": [
                ("Culture and arts events", "Concerts, talks, festivals and city walks."),
                (
                    "Courses and workshops",
                    "Hobby and skills courses for children, young people and adults.",
                ),
                (
                    "Halls on loan",
                    "Our event halls are lent to associations and residents on request.",
                ),
            ],
        },
    },
    "kuzeykent": {
        "tr": {
            "title": "Kuzeykent Büyükşehir Belediyesi",
            "welcome_heading": "Kuzeykent'e hoş geldiniz",
            "welcome_text": "<p>Büyükşehir belediyemizin ilçelerimizdeki hizmetleri, yayınları ve "
            "duyuruları. Haftalık bilgilendirme bültenimizi takip edin.</p>",
            "highlights": [
                ("Haftalık bülten", "Belediyemizden haberler her hafta sizinle."),
                ("Alo 153", "İstek, öneri ve şikâyetleriniz için bize ulaşın."),
                ("Bilgi edinme", "4982 sayılı Kanun kapsamında bilgi ve belge isteyin."),
            ],
        },
        "en": {
            "title": "Kuzeykent Metropolitan Municipality",
            "welcome_heading": "Welcome to Kuzeykent",
            "welcome_text": "<p>The metropolitan municipality's services, publications and "
            "announcements across its districts. Follow our weekly bulletin.</p>",
            "highlights": [
                ("Weekly bulletin", "News from the municipality, every week."),
                ("Call 153", "Reach us with your requests, suggestions and complaints."),
                ("Right to information", "Ask for information and documents under Law 4982."),
            ],
        },
    },
    "sisli": {
        "tr": {
            "title": "Şişli Belediyesi",
            "welcome_heading": "Şişli'ye hoş geldiniz",
            "welcome_text": "<p>Başkanımız ile halkımız arasında köprü olan belediyemizin "
            "hizmetleri, programı ve duyuruları.</p>",
            "highlights": [
                ("Başkanla görüşme", "Randevu talebinizi Özel Kalem Müdürlüğümüze iletin."),
                ("İstek ve şikâyetler", "Tüm müdürlüklerimizle birlikte değerlendiriyoruz."),
                ("Hizmet standartları", "Hizmetlerimizin belgeleri ve tamamlanma süreleri."),
            ],
        },
        "en": {
            "title": "Şişli Municipality",
            "welcome_heading": "Welcome to Şişli",
            "welcome_text": "<p>Services, programme and announcements of a municipality that "
            "bridges its mayor and its residents.</p>",
            "highlights": [
                ("Meet the mayor", "Send your appointment request to the Private Office."),
                ("Requests and complaints", "Reviewed together with every directorate."),
                ("Service standards", "Documents needed and completion times of our services."),
            ],
        },
    },
    "bumehen": {
        "fa": {
            "title": "شهرداری بومهن",
            "welcome_heading": "به پایگاه اطلاع‌رسانی شهرداری بومهن خوش آمدید",
            "welcome_text": "<p>اخبار، خدمات و برنامه‌های فرهنگی و اجتماعی شهرداری بومهن را "
            "اینجا دنبال کنید.</p>",
            "highlights": [
                ("برنامه‌های فرهنگی", "برنامه‌های فرهنگی و اجتماعی برای همه شهروندان."),
                ("آموزش شهروندی", "آموزش‌های مهارتی در مدارس شهر."),
                ("سامانه ۱۳۷", "درخواست‌ها و پیشنهادهای خود را ثبت کنید."),
            ],
        },
        "en": {
            "title": "Bumehen Municipality",
            "welcome_heading": "Welcome to Bumehen Municipality's portal",
            "welcome_text": "<p>Follow the news, services and cultural and social programmes of "
            "Bumehen Municipality.</p>",
            "highlights": [
                ("Cultural programmes", "Cultural and social programmes for every resident."),
                ("Civic education", "Skills training in the city's schools."),
                ("Line 137", "Send us your requests and suggestions."),
            ],
        },
    },
    "rudziniec": {
        "pl": {
            "title": "Gminny Ośrodek Kultury w Rudzińcu",
            "welcome_heading": "Witamy w Gminnym Ośrodku Kultury",
            "welcome_text": "<p>Miejsce spotkań mieszkańców gminy: warsztaty, sekcje, konkursy, "
            "festyny i wspólne projekty.</p>",
            "highlights": [
                ("Nasza misja", "Cztery obszary, w których działamy dla mieszkańców."),
                ("Sekcje i warsztaty", "Rękodzieło, muzyka, taniec i plastyka dla każdego."),
                ("Deklaracja dostępności", "Jak dbamy o dostępność naszej strony."),
            ],
        },
        "en": {
            "title": "Rudziniec Municipal Culture Centre",
            "welcome_heading": "Welcome to the Municipal Culture Centre",
            "welcome_text": "<p>A meeting place for the commune's residents: workshops, sections, "
            "competitions, fairs and shared projects.</p>",
            "highlights": [
                ("Our mission", "Four areas in which we work for residents."),
                ("Sections and workshops", "Crafts, music, dance and art for everyone."),
                ("Accessibility declaration", "How we keep this site accessible."),
            ],
        },
    },
}


def _highlight_target(target, language, *, home, made):
    kind, *key = target
    if kind == "news":
        return made.get("news", {}).get(language)
    if kind == "declaration":
        return made.get("declarations", {}).get(language)
    if kind == "desk":
        return made.get("desks", {}).get(language)
    if kind == "programme":  # the events' programme page (events.demo), else the directorate's
        programme = made.get("programmes", {}).get(language)
        return programme or _unit_in(made.get("directories", {}).get(language), key[0])
    if kind == "directorate":
        return _unit_in(made.get("directories", {}).get(language), key[0])
    return home.get_children().filter(slug=key[0]).first()


def highlights_for(slug: str, language: str, *, home, made: dict) -> list:
    """The home page's cards, each leading to its page (a card whose page the demo did not
    make has no target and is not shown)."""
    cards = []
    for (title, text), target in zip(
        HOME[slug][language]["highlights"], HIGHLIGHT_TARGETS[slug], strict=True
    ):
        page = _highlight_target(target, language, home=home, made=made)
        cards.append(("highlight", {"title": title, "text": text, "page": page, "url": ""}))
    return cards


def demo_home_pages_ensure(slug: str, languages, *, title: str) -> dict[str, HomePage]:
    """The site's home page in each of its languages, the first being the site's root, under
    the municipality's branch of the tree (named ``title``)."""
    fields = {
        language: {
            "title": HOME[slug][language]["title"],
            "welcome_heading": HOME[slug][language]["welcome_heading"],
            "welcome_text": HOME[slug][language]["welcome_text"],
        }
        for language in languages
    }
    return home_pages_ensure(slug=slug, title=title, fields=fields)


def home_sections_set(slug: str, homes: dict, *, made: dict) -> None:
    """Point each home page at its directorates, its news and its cards' pages (once they
    exist: ``made`` holds the site's directories, news and declarations)."""
    for language, home in homes.items():
        home.directory_page = made.get("directories", {}).get(language)
        home.news_page = made.get("news", {}).get(language)
        home.highlights = highlights_for(slug, language, home=home, made=made)
        home.save()


def standard_pages_ensure(homes: dict, pages: dict) -> dict[str, dict[str, StandardPage]]:
    """``pages`` maps a slug to {language: {title, intro, body, show_in_menus}}."""
    return {
        slug: translations_ensure(
            parents=homes, page_class=StandardPage, slug=slug, fields=versions
        )
        for slug, versions in pages.items()
    }


# The declaration's address in each language; the English one it had before redirects to it.
DECLARATION_SLUGS = {
    "tr": "erisilebilirlik",
    "en": "accessibility",
    "fa": "دسترس-پذیری",
    "pl": "deklaracja-dostepnosci",
}
FORMER_DECLARATION_SLUG = "accessibility"


def accessibility_declarations_ensure(definition, homes: dict, *, site=None) -> dict:
    """The site's accessibility declaration in each of its languages; the addresses it had in
    English redirect on ``site``."""
    fields = {language: accessibility_declaration(definition, language) for language in homes}
    made = translations_ensure_in_site_language(
        parents=homes, page_class=AccessibilityDeclarationPage, slugs=DECLARATION_SLUGS,
        former_slug=FORMER_DECLARATION_SLUG, fields=fields,
    )  # fmt: skip
    if site is not None:
        former_addresses_redirect(
            pages=made.values(), former_slug=FORMER_DECLARATION_SLUG, site=site
        )
    return made


def _unit_in(directory_index, slug):
    if directory_index is None:
        return None
    return directory_index.get_children().filter(slug=slug).first()


def mission_and_plan_ensure(slug: str, homes: dict, directories: dict) -> None:
    """The site's mission page and activity plan, where the seed pages have them."""
    if mission := MISSIONS.get(slug):
        fields = {
            language: {**mission[language], "show_in_menus": True}
            for language in homes
            if language in mission
        }
        translations_ensure(
            parents=homes, page_class=MissionPage, slug=mission["slug"], fields=fields
        )
    if plan := PLANS.get(slug):
        fields = {}
        for language in homes:
            unit = _unit_in(directories.get(language), plan["unit_slug"])
            activities = [
                PlanActivity(responsible_unit=unit, **activity)
                for activity in plan[language]["activities"]
            ]
            fields[language] = {**plan[language], "activities": activities, "show_in_menus": True}
        translations_ensure(parents=homes, page_class=PlanPage, slug=plan["slug"], fields=fields)


# Directorates whose pages go through moderation in the demo: editors submit, approvers publish.
MODERATED_DIRECTORATES = {"bornova": "kultur-ve-sosyal-isler", "sisli": "ozel-kalem"}


def editorial_teams_ensure(slug: str, municipality, directories: dict) -> list[str]:
    """The demo's moderated directorates, with an editor and an approver each. Returns the
    user names made."""
    from municipium.tenancy.demo import demo_user_ensure

    directorate_slug = MODERATED_DIRECTORATES.get(slug)
    if directorate_slug is None:
        return []
    sections = [
        page
        for index in directories.values()
        if (page := _unit_in(index, directorate_slug)) is not None
    ]
    team = editorial_team_ensure(
        name=f"{municipality} · {sections[0].title}", sections=sections, municipality=municipality
    )
    return [
        demo_user_ensure(f"editor-{slug}-{directorate_slug}", team.editors),
        demo_user_ensure(f"approver-{slug}-{directorate_slug}", team.approvers),
    ]


# The demo's steps (registered in PortalConfig.ready, run by ``municipium.core.demo``) -------


def demo_home_pages(site) -> None:
    """The site's home pages, first of all: the municipality's site is rooted at one.
    Leaves ``site.made["homes"]`` ({language: home page})."""
    definition = site.definition
    site.made["homes"] = demo_home_pages_ensure(
        site.key, definition.languages, title=definition.names[definition.default_language]
    )


def demo_pages(site) -> None:
    """The general pages, the mission and plan, the accessibility declaration (left in
    ``site.made["declarations"]``), and the home page's sections, once the directorates
    (``made["directories"]``) and the news (``made["news"]``) exist."""
    homes = site.made["homes"]
    directories = site.made.get("directories", {})
    standard_pages_ensure(homes, PAGES.get(site.key, {}))
    mission_and_plan_ensure(site.key, homes, directories)
    site.made["declarations"] = accessibility_declarations_ensure(
        site.definition, homes, site=site.made["municipality"].site
    )
    home_sections_set(site.key, homes, made=site.made)


def demo_editorial_teams(site) -> None:
    """The moderated directorates' editors and approvers."""
    site.staff.extend(
        editorial_teams_ensure(
            site.key, site.made["municipality"], site.made.get("directories", {})
        )
    )
