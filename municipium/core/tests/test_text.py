import unicodedata

import pytest

from municipium.core.text import (
    IGNORABLE,
    equivalents,
    fold,
    fold_letters,
    normalise,
    search_tokens,
    search_word,
    tokens,
)

ZWNJ = "\u200c"


@pytest.mark.parametrize(
    ("capitals", "lower"),
    [
        ("İSTANBUL", "istanbul"),
        ("IĞDIR", "ığdır"),
        ("IŞIK", "ışık"),
        ("İZMİR", "izmir"),
        ("ILIK", "ılık"),
    ],
)
def test_turkish_capitals_equal_lower_case_with_either_i(capitals, lower):
    assert normalise(capitals) == normalise(lower)


def test_turkish_dotted_and_dotless_i_all_become_i_without_a_combining_dot():
    assert normalise("İıIi") == "iiii"
    assert "\u0307" not in normalise("İSTANBUL")
    assert "\u0307" not in normalise("I\u0307stanbul")  # İ typed as I and a combining dot


def test_other_turkish_letters_are_kept():
    assert normalise("ÇĞÖŞÜ çğöşü") == "çğöşü çğöşü"


def test_polish_letters_are_kept_and_case_folded():
    assert normalise("ZAŻÓŁĆ GĘŚLĄ JAŹŃ") == "zażółć gęślą jaźń"
    assert normalise("Łódź") != normalise("Lodz")


def test_decomposed_letters_equal_precomposed_ones():
    decomposed = unicodedata.normalize("NFD", "Zażółć Çiğdem")
    assert normalise(decomposed) == normalise("Zażółć Çiğdem")


@pytest.mark.parametrize(
    ("arabic", "persian"),
    [
        ("علي", "علی"),  # Arabic yeh
        ("مصطفى", "مصطفی"),  # alef maksura
        ("كتاب", "کتاب"),  # Arabic kaf
        ("خانۀ", "خانه"),  # heh with yeh above
    ],
)
def test_arabic_letters_equal_persian_ones(arabic, persian):
    assert normalise(arabic) == normalise(persian)


def test_zero_width_non_joiner_is_removed_so_both_spellings_are_one_word():
    assert normalise(f"برنامه{ZWNJ}های") == normalise("برنامههای") == "برنامههای"
    assert tokens(f"برنامه{ZWNJ}های فرهنگی") == ["برنامههای", "فرهنگی"]


def test_persian_diacritics_kashida_and_superscript_alef_are_removed():
    assert normalise("كِتَابٌ") == "کتاب"
    assert normalise("تهـــران") == "تهران"
    assert normalise("رحمٰن") == "رحمن"
    assert normalise("خانهٔ") == "خانه"


def test_persian_and_arabic_indic_digits_are_latin_digits():
    assert normalise("۱۴۰۳") == "1403"
    assert normalise("٢٠٢٤") == "2024"
    assert normalise("۰۱۲۳۴۵۶۷۸۹٠١٢٣٤٥٦٧٨٩") == "01234567890123456789"


def test_invisible_format_characters_are_removed():
    assert normalise("a\u00adb\u200dc\u200ed\u200fe\ufefff") == "abcdef"


def test_case_folding_goes_beyond_lower():
    assert normalise("STRASSE") == normalise("Straße")
    assert normalise("ΣΑΣ") == normalise("σας")


def test_empty_text():
    assert normalise("") == ""
    assert tokens("") == []


def test_tokens_split_at_punctuation_underscore_and_query_syntax():
    assert tokens('"foo OR bar*') == ["foo", "or", "bar"]
    assert tokens("'; DROP TABLE x; --") == ["drop", "table", "x"]
    assert tokens("NEAR( :* a_b") == ["near", "a", "b"]
    assert tokens("e-posta: info@example.org") == ["e", "posta", "info", "example", "org"]


def test_tokens_keep_letters_digits_and_combining_marks_together():
    assert tokens("हिन्दी abc123 1.5") == ["हिन्दी", "abc123", "1", "5"]


def test_tokens_of_mixed_languages():
    assert tokens("İSTANBUL'da ۱۴۰۳ كتاب Łódź") == ["istanbul", "da", "1403", "کتاب", "łódź"]


def test_normalise_is_the_concatenation_of_each_characters_fold():
    text = unicodedata.normalize("NFC", "İSTANBUL Straße برنامه‌های كتاب ۱۴۰۳ Zażółć")
    assert normalise(text) == "".join(fold(character) for character in text)


def test_normalise_is_idempotent():
    text = "İSTANBUL IĞDIR برنامه‌های كتاب ۱۴۰۳ Zażółć Straße"
    assert normalise(normalise(text)) == normalise(text)


def test_equivalents_list_what_a_normal_letter_was_written_as():
    assert equivalents("i") == {"i", "I", "İ", "ı"}
    assert equivalents("ی") == {"ی", "ي", "ى"}
    assert equivalents("ک") == {"ک", "ك"}
    assert equivalents("1") == {"1", "۱", "١"}
    assert equivalents("b") == {"b"}
    assert all(fold(character) == "" for character in IGNORABLE)


@pytest.mark.parametrize(
    ("typed", "written"),
    [("atolye", "atölye"), ("sef", "şef"), ("ozturk", "Öztürk"), ("cicek", "çiçek"),
     ("dag", "dağ"), ("uzum", "üzüm"), ("istanbul", "İstanbul"), ("isik", "IŞIK"),
     ("lodz", "Łódź"), ("swietlica", "świetlica"), ("zolw", "żółw")],
)  # fmt: skip
def test_search_words_typed_without_their_letters_are_the_written_ones(typed, written):
    assert search_tokens(typed) == search_tokens(written) == [typed]


def test_folding_leaves_other_scripts_alone():
    assert fold_letters("آموزش و پرورش ۱۴۰۳") == "آموزش و پرورش ۱۴۰۳"


@pytest.mark.parametrize(
    ("language", "words"),
    [
        ("pl", ["kultura", "kultury", "kulturą", "Kultury"]),
        ("pl", ["sekcja", "sekcje", "sekcji", "sekcjach"]),
        ("tr", ["hizmet", "hizmeti", "hizmetleri"]),
        ("tr", ["müdürlük", "müdürlüğü"]),
        ("en", ["service", "services"]),
    ],
)
def test_inflected_forms_have_one_search_word_in_their_language(language, words):
    assert len({search_word(normalise(word), language) for word in words}) == 1


def test_a_stem_too_short_to_tell_words_apart_keeps_the_word():
    # Snowball's Turkish stems both "kurum" (institution) and "kurs" (course) near "kur".
    assert search_tokens("kurum basın", language="tr") == ["kurum", "basin"]
    assert search_word("kurs", "tr") != search_word("kurum", "tr")


def test_a_language_without_a_stemmer_only_folds():
    assert search_tokens("Kültürü", language="de") == ["kulturu"]
    assert search_tokens("Kültürü", language="de-at") == ["kulturu"]
