from municipium.search.excerpts import EXCERPT_LENGTH, excerpt, highlight, highlighter
from municipium.search.selectors import search_query_parse


def marked(text, query):
    return str(highlight(text, highlighter(search_query_parse(query))))


def test_marks_turkish_words_in_any_case():
    assert (
        marked("İSTANBUL ve Iğdır", "istanbul ığdır")
        == "<mark>İSTANBUL</mark> ve <mark>Iğdır</mark>"
    )


def test_marks_the_whole_word_of_a_prefix():
    assert marked("Belediyenin kararı", "belediye") == "<mark>Belediyenin</mark> kararı"


def test_marks_a_short_word_only_when_whole():
    assert marked("su suyu", "su") == "<mark>su</mark> suyu"


def test_marks_persian_words_written_with_other_letters_or_joiners():
    text = "كتابخانه و برنامه\u200cهای ۱۴۰۳"
    assert marked(text, "کتابخانه برنامههای 1403") == (
        "<mark>كتابخانه</mark> و <mark>برنامه\u200cهای</mark> <mark>۱۴۰۳</mark>"
    )


def test_does_not_mark_the_end_of_a_word_joined_by_a_zwnj():
    assert marked("برنامه\u200cهای", "های") == "برنامه\u200cهای"


def test_does_not_mark_inside_words():
    assert marked("kazan", "aza") == "kazan"


def test_escapes_the_text():
    assert marked("<b>kiraz</b> & kiraz", "kiraz") == (
        "&lt;b&gt;<mark>kiraz</mark>&lt;/b&gt; &amp; <mark>kiraz</mark>"
    )


def test_excerpt_is_cut_around_the_first_word_found():
    text = "baş " * 200 + "kiraz bahçesi " + "son " * 200
    html = str(excerpt(text, highlighter(search_query_parse("kiraz"))))
    assert html.startswith("… ") and html.endswith(" …")
    assert "<mark>kiraz</mark> bahçesi" in html
    assert len(html) < EXCERPT_LENGTH + 40


def test_excerpt_without_a_word_found_is_the_beginning():
    html = str(excerpt("Kısa metin.", highlighter(search_query_parse("başka"))))
    assert html == "Kısa metin."
