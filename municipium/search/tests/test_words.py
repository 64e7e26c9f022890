"""Words are found as people type them (issue 9): inflected forms, Turkish typed without its
letters, structured content, and excerpts that show the text around the word."""

import pytest
from wagtail.images import get_image_model
from wagtail.images.tests.utils import get_test_image_file

from municipium.directory.models import DirectoratePage
from municipium.directory.services import directorate_service_standards_set
from municipium.directory.tests.factories import directory_index, standard
from municipium.organisation.models import Unit
from municipium.organisation.tests.factories import PersonFactory, job_title, positions, unit
from municipium.portal.models import PlanActivity, PlanPage
from municipium.search.selectors import search_result_list

pytestmark = pytest.mark.django_db


@pytest.fixture
def rudziniec(municipality_factory):
    return municipality_factory(
        slug="rudziniec", country="PL", languages=["pl"], time_zone="Europe/Warsaw"
    )


def found(municipality, language, text):
    return search_result_list(site=municipality.site, language=language, text=text).results


def titles(municipality, language, text):
    return [
        str(result.title_html).replace("<mark>", "").replace("</mark>", "")
        for result in found(municipality, language, text)
    ]


# -- Polish: inflected forms find each other ---------------------------------------------------


def test_polish_kultura_finds_osrodek_kultury(rudziniec, publish):
    publish(rudziniec.homes["pl"], "gok", "Gminny Ośrodek Kultury w Rudzińcu", "Witamy.")
    assert titles(rudziniec, "pl", "kultura") == ["Gminny Ośrodek Kultury w Rudzińcu"]


@pytest.mark.parametrize("query", ["sekcja", "sekcje", "sekcji", "SEKCJĄ"])
def test_polish_forms_of_sekcja_find_each_other(rudziniec, publish, query):
    publish(rudziniec.homes["pl"], "nowe", "Nowości", "Nowe sekcje artystyczne od lutego.")
    assert titles(rudziniec, "pl", query) == ["Nowości"]


def test_polish_typed_without_its_letters_finds_the_word(rudziniec, publish):
    publish(rudziniec.homes["pl"], "zajecia", "Zajęcia", "Warsztaty w świetlicy wiejskiej.")
    assert titles(rudziniec, "pl", "swietlica") == ["Zajęcia"]


def test_excerpt_marks_the_inflected_form(rudziniec, publish):
    publish(rudziniec.homes["pl"], "gok", "Ośrodek", "Dom kultury i Ośrodek Kultury w gminie.")
    excerpt = str(found(rudziniec, "pl", "kultura")[0].excerpt_html)
    assert excerpt == "Dom <mark>kultury</mark> i Ośrodek <mark>Kultury</mark> w gminie."


# -- Turkish typed without its letters ---------------------------------------------------------


@pytest.mark.parametrize(
    ("query", "text"),
    [
        ("atolye", "Yaz atölyelerine kayıtlar başladı."),
        ("ATOLYE", "Yaz atölyelerine kayıtlar başladı."),
        ("sef", "Etkinlik şefi ile görüşün."),
        ("ozturk", "Sorumlu: Selin Öztürk."),
        ("cocuk", "Çocuk oyun alanı açıldı."),
        ("dugun", "Düğün salonu kiralama."),
        ("agac", "Ağaç dikimi yapıldı."),
        ("istanbul", "İSTANBUL YOLU"),
    ],
)
def test_turkish_typed_without_its_letters_finds_the_word(bornova, publish, query, text):
    publish(bornova.homes["tr"], "duyuru", "Duyuru", text)
    assert titles(bornova, "tr", query) == ["Duyuru"]


def test_excerpt_marks_the_word_typed_without_its_letters(bornova, publish):
    publish(bornova.homes["tr"], "duyuru", "Duyuru", "Müzik atölyesi, şef Selin Öztürk'ün.")
    excerpt = str(found(bornova, "tr", "atolye ozturk")[0].excerpt_html)
    assert excerpt == "Müzik <mark>atölyesi</mark>, şef Selin <mark>Öztürk</mark>&#x27;ün."


def test_a_directorate_is_found_by_the_name_of_a_person_in_it(bornova, publish):
    index = directory_index(bornova)
    page = publish(index, "kultur", "Kültür Müdürlüğü", page_class=DirectoratePage)
    top = unit(bornova, "kultur", kind=Unit.Kind.DIRECTORATE)
    section = unit(bornova, "etkinlik", parent=top, names={"tr": "Etkinlik Şefliği"})
    chief = job_title(bornova, "sef", tr="Şef")
    positions(section, (PersonFactory(municipality=bornova, name="Selin Öztürk"), chief, True))
    DirectoratePage.objects.filter(pk=page.pk).update(unit=top)
    page.refresh_from_db()
    page.save_revision().publish()
    assert titles(bornova, "tr", "ozturk") == ["Kültür Müdürlüğü"]
    assert (
        "Selin <mark>Öztürk</mark> Şef Etkinlik Şefliği"
        in found(bornova, "tr", "ozturk")[0].excerpt_html
    )


# -- Structured content ------------------------------------------------------------------------


@pytest.fixture
def office(bornova, publish):
    index = directory_index(bornova)
    page = publish(
        index,
        "ozel-kalem",
        "Özel Kalem Müdürlüğü",
        page_class=DirectoratePage,
        duties="<p>Başkan ile halk arasında köprü olan müdürlüğümüz.</p>",
        activity_areas=[
            ("area", {"text": "Protokol işleri", "items": ["Resmî törenlerin düzenlenmesi"]})
        ],
    )
    directorate_service_standards_set(
        page=page,
        rows=[
            standard(
                "Başkanla görüşme randevusu", "Dilekçe", "Kimlik belgesi",
                value=3, unit="working_days",
            ),
        ],
    )  # fmt: skip
    page.save_revision().publish()
    return page


@pytest.mark.parametrize(
    "query",
    ["kimlik belgesi", "dilekçe", "dilekce", "randevusu", "köprü", "törenlerin", "protokol"],
)
def test_a_directorate_is_found_by_its_service_standards_duties_and_activity_areas(
    bornova, office, query
):
    assert titles(bornova, "tr", query) == ["Özel Kalem Müdürlüğü"]


def publish_plan(home, title, *activities):
    page = PlanPage(
        title=title,
        slug="plan",
        locale=home.locale,
        activities=[
            PlanActivity(text=text, status="planned", sort_order=n)
            for n, text in enumerate(activities)
        ],
    )
    home.add_child(instance=page)
    page.save_revision().publish()
    return page


def test_a_plan_is_found_by_its_activities(bornova, bumehen):
    publish_plan(
        bornova.homes["tr"],
        "Basın Yayın Faaliyet Planı",
        "Resmî ilanları Basın İlan Kurumu aracılığıyla yayımlamak.",
    )
    publish_plan(
        bumehen.homes["fa"], "برنامه اجرایی", "تشکیل کارگروه مشترک شهرداری و آموزش و پرورش"
    )
    assert titles(bornova, "tr", "Basın İlan Kurumu") == ["Basın Yayın Faaliyet Planı"]
    assert titles(bornova, "tr", "basin ilan kurumu") == ["Basın Yayın Faaliyet Planı"]
    assert titles(bumehen, "fa", "کارگروه") == ["برنامه اجرایی"]


# -- Excerpts ----------------------------------------------------------------------------------


def test_excerpts_show_no_image_alt_text_nor_a_heading_level_and_keep_list_items_apart(
    bornova, publish
):
    image = get_image_model().objects.create(title="foto", file=get_test_image_file("foto.png"))
    body = [
        {"type": "heading", "value": {"text": "İlkelerimiz", "level": "h2"}},
        {
            "type": "image",
            "value": {
                "image": image.pk,
                "alt_text": "Kiraz ağacının fotoğrafı",
                "decorative": False,
            },
        },
        {
            "type": "paragraph",
            "value": "<ul><li>Şeffaflık</li><li>Katılımcılık</li></ul><p>Kiraz bahçesi.</p>",
        },
    ]
    publish(bornova.homes["tr"], "ilkeler", "İlkeler", body=body)
    html = str(found(bornova, "tr", "kiraz")[0].excerpt_html)
    assert html == "İlkelerimiz Şeffaflık Katılımcılık <mark>Kiraz</mark> bahçesi."
    assert titles(bornova, "tr", "fotoğrafı") == []
    assert titles(bornova, "tr", "katılımcılık") == ["İlkeler"]


def test_excerpts_write_digits_as_the_site_does(bumehen, publish):
    publish(
        bumehen.homes["fa"],
        "tamas",
        "تماس",
        "شماره تلفن 021 7654 3210 و نشانی info2@bumehen.example.org",
    )
    html = str(found(bumehen, "fa", "تلفن")[0].excerpt_html)
    assert "۰۲۱ ۷۶۵۴ ۳۲۱۰" in html and "info2@bumehen.example.org" in html
    assert "021" not in html
    # Typed in either digits, the number is found and marked.
    assert "<mark>۷۶۵۴</mark>" in str(found(bumehen, "fa", "7654")[0].excerpt_html)


def test_result_titles_write_digits_as_the_site_does(bumehen, bornova, publish):
    publish(bumehen.homes["fa"], "budje", "بودجه سال 1405", "بودجه شهرداری تصویب شد.")
    title = str(found(bumehen, "fa", "بودجه")[0].title_html)
    assert title == "<mark>بودجه</mark> سال ۱۴۰۵" and "1405" not in title
    # Typed in Latin digits, the number is found and marked in the title's own digits.
    assert str(found(bumehen, "fa", "1405")[0].title_html) == "بودجه سال <mark>۱۴۰۵</mark>"
    publish(bornova.homes["tr"], "butce", "2026 bütçesi", "Bütçe kabul edildi.")
    assert str(found(bornova, "tr", "bütçesi")[0].title_html) == "2026 <mark>bütçesi</mark>"


def test_a_change_of_the_organisation_reindexes_the_directorates_that_show_it(
    bornova, publish, django_capture_on_commit_callbacks
):
    """Renaming a person, giving them another title, or moving them to another section
    (``organisation.services``) indexes the directorate pages showing them again, without a
    publish; a refused change reindexes nothing."""
    from municipium.organisation.services import job_title_save, person_save, unit_save

    index = directory_index(bornova)
    page = publish(index, "kultur", "Kültür Müdürlüğü", page_class=DirectoratePage)
    top = unit(bornova, "kultur", kind=Unit.Kind.DIRECTORATE)
    section = unit(bornova, "etkinlik", parent=top, names={"tr": "Etkinlik Şefliği"})
    chief = job_title(bornova, "sef", tr="Şef")
    person = PersonFactory(municipality=bornova, name="Selin Öztürk")
    positions(section, (person, chief, True))
    DirectoratePage.objects.filter(pk=page.pk).update(unit=top)
    page.refresh_from_db()
    page.save_revision().publish()
    assert titles(bornova, "tr", "ozturk") == ["Kültür Müdürlüğü"]

    person.name, person.email = "Selin Yıldırım", "selin@example.org"
    with django_capture_on_commit_callbacks(execute=True):
        person_save(instance=person, by=None)
    assert titles(bornova, "tr", "yildirim") == ["Kültür Müdürlüğü"]
    assert titles(bornova, "tr", "ozturk") == []

    chief.names.filter(language="tr").update(name="Koordinatör")
    chief.refresh_from_db()
    with django_capture_on_commit_callbacks(execute=True):
        job_title_save(instance=chief, by=None)
    assert titles(bornova, "tr", "koordinator") == ["Kültür Müdürlüğü"]

    section.names.filter(language="tr").update(name="Gençlik Şefliği")
    section.refresh_from_db()
    with django_capture_on_commit_callbacks(execute=True):
        unit_save(instance=section, by=None)
    assert titles(bornova, "tr", "genclik") == ["Kültür Müdürlüğü"]
