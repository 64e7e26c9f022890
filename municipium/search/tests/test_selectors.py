import pytest

from municipium.search.selectors import (
    MAX_QUERY_LENGTH,
    MAX_TERMS,
    PER_PAGE,
    search_query_parse,
    search_result_list,
)

pytestmark = pytest.mark.django_db

ZWNJ = "\u200c"


def titles(municipality, language, text, page_number=1):
    found = search_result_list(
        site=municipality.site, language=language, text=text, page_number=page_number
    )
    return [
        str(result.title_html).replace("<mark>", "").replace("</mark>", "")
        for result in found.results
    ]


@pytest.mark.parametrize(
    ("query", "text"),
    [
        ("İSTANBUL", "istanbul yolu trafiğe kapandı"),
        ("IĞDIR", "ığdır ile kardeş şehir olduk"),
        ("IŞIK", "sokaklarda yeni ışık direkleri"),
        ("ışık", "SOKAKLARDA YENİ IŞIK DİREKLERİ"),
        ("izmir", "İZMİR KÖRFEZİ temizleniyor"),
    ],
)
def test_turkish_query_in_any_case_finds_the_text(bornova, publish, query, text):
    publish(bornova.homes["tr"], "duyuru", "Duyuru", text)
    assert titles(bornova, "tr", query) == ["Duyuru"]


def test_turkish_title_word_is_found(bornova, publish):
    publish(bornova.homes["tr"], "istanbul", "İstanbul Caddesi", "Yol çalışması.")
    assert titles(bornova, "tr", "istanbul") == ["İstanbul Caddesi"]


@pytest.mark.parametrize(
    ("query", "text"),
    [
        ("كتابخانه", "کتابخانه مرکزی شهر"),  # Arabic kaf in the query
        ("علي", "خیابان علی آباد"),  # Arabic yeh in the query
        ("کتابخانه", "كتابخانه مركزي"),  # Arabic letters in the text
        (f"برنامه{ZWNJ}های", "برنامههای فرهنگی نوروز"),  # the seed's spelling in the text
        ("برنامههای", f"برنامه{ZWNJ}های فرهنگی نوروز"),  # and the other way round
        ("۱۴۰۳", "بودجه سال 1403 تصویب شد"),  # Persian digits find Latin digits
        ("١٤٠٣", "بودجه سال 1403 تصویب شد"),  # Arabic-Indic digits too
        ("1403", "بودجه سال ۱۴۰۳ تصویب شد"),  # and Latin digits find Persian ones
    ],
)
def test_persian_query_finds_the_other_spelling(bumehen, publish, query, text):
    publish(bumehen.homes["fa"], "khabar", "خبر", text)
    assert titles(bumehen, "fa", query) == ["خبر"]


def test_word_beginning_finds_longer_words(bornova, publish):
    publish(bornova.homes["tr"], "meclis", "Meclis", "Belediyenin meclis toplantısı yapıldı.")
    assert titles(bornova, "tr", "belediye") == ["Meclis"]


def test_every_word_of_the_query_must_be_found(bornova, publish):
    publish(bornova.homes["tr"], "park", "Park", "Yeni park açıldı.")
    publish(bornova.homes["tr"], "yol", "Yol", "Yeni yol açıldı.")
    assert titles(bornova, "tr", "yeni park") == ["Park"]


def test_title_match_ranks_first(bornova, publish):
    publish(bornova.homes["tr"], "metin", "Haber", "Kütüphane saatleri değişti.")
    publish(bornova.homes["tr"], "baslik", "Kütüphane", "Saatler değişti.")
    assert titles(bornova, "tr", "kütüphane") == ["Kütüphane", "Haber"]


def test_never_returns_another_sites_pages(municipality_factory, publish):
    bornova = municipality_factory(slug="bornova")
    konak = municipality_factory(slug="konak")
    publish(bornova.homes["tr"], "ortak", "Bornova haberi", "Ortak kelime çınar.")
    publish(konak.homes["tr"], "ortak", "Konak haberi", "Ortak kelime çınar.")
    assert titles(bornova, "tr", "çınar") == ["Bornova haberi"]
    assert titles(konak, "tr", "çınar") == ["Konak haberi"]


def test_never_returns_another_languages_pages(bornova, publish):
    publish(bornova.homes["tr"], "festival", "Festival (tr)", "Caz festivali.")
    publish(bornova.homes["en"], "festival", "Festival (en)", "Jazz festival.")
    assert titles(bornova, "tr", "festival") == ["Festival (tr)"]
    assert titles(bornova, "en", "festival") == ["Festival (en)"]


def test_excerpt_marks_the_words_found_in_the_original_spelling(bumehen, publish):
    publish(bumehen.homes["fa"], "nowruz", "نوروز", f"در نوروز برنامه{ZWNJ}های شاد برگزار می‌شود.")
    (result,) = search_result_list(site=bumehen.site, language="fa", text="برنامههای").results
    assert f"<mark>برنامه{ZWNJ}های</mark>" in result.excerpt_html


def test_excerpt_escapes_the_text(bornova, publish):
    publish(bornova.homes["tr"], "kod", "Kod", "a &lt;script&gt; b yazılım")
    (result,) = search_result_list(site=bornova.site, language="tr", text="yazılım").results
    assert "<script>" not in result.excerpt_html
    assert "&lt;script&gt;" in result.excerpt_html
    assert "<mark>yazılım</mark>" in result.excerpt_html


def test_results_come_in_pages_and_a_page_past_the_end_is_the_last(bornova, publish):
    for number in range(PER_PAGE + 3):
        publish(bornova.homes["tr"], f"duyuru-{number}", f"Duyuru {number}", "Su kesintisi.")
    first = search_result_list(site=bornova.site, language="tr", text="kesinti")
    assert (first.count, first.num_pages, len(first.results)) == (PER_PAGE + 3, 2, PER_PAGE)
    assert first.has_next and not first.has_previous
    second = search_result_list(site=bornova.site, language="tr", text="kesinti", page_number=2)
    assert len(second.results) == 3 and not second.past_the_end
    seen = {r.url for r in first.results} | {r.url for r in second.results}
    assert len(seen) == PER_PAGE + 3
    past = search_result_list(site=bornova.site, language="tr", text="kesinti", page_number=99)
    assert past.number == 2 and past.past_the_end and len(past.results) == 3


def test_query_is_cut_to_a_few_safe_terms():
    query = search_query_parse('"foo OR bar* ' + "kelime " * 50 + "x" * 10_000)
    assert query.terms[:3] == ("foo", "or", "bar")
    assert len(query.terms) <= MAX_TERMS
    assert len(query.text) <= MAX_QUERY_LENGTH


def test_a_query_without_words_finds_nothing(bornova, publish):
    publish(bornova.homes["tr"], "duyuru", "Duyuru", "Metin.")
    found = search_result_list(site=bornova.site, language="tr", text='" * :* ()')
    assert found.count == 0 and found.results == [] and found.query.terms == ()
