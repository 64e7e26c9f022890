"""The one text normaliser: whatever compares or searches text goes through ``normalise``, so
that the index and the query agree (REFERENCE.md, "Persian and the Solar Hijri calendar" and
"Turkish and Polish text").

- Unicode NFC, so that a letter typed as a base and a combining mark equals the precomposed one.
- Turkish: ``İ``, ``I``, ``ı`` and ``i`` are all ``i`` (Python's ``"İ".lower()`` is ``i`` and
  U+0307, and ``"I".lower()`` is ``i``, never ``ı``: a query in capitals must still match).
- Persian: the Arabic letters ``ي``, ``ى`` and ``ك`` are the Persian ``ی`` and ``ک``, ``ۀ`` is
  ``ه``; the diacritics (U+064B–U+0652, U+0654, U+0670) and the kashida (U+0640) go; the
  zero-width non-joiner goes too, so that ``برنامه‌های`` and the seed's ``برنامههای`` are one
  word; Persian (۰–۹) and Arabic-Indic (٠–٩) digits are Latin digits.
- Invisible format characters (the joiners, bidi marks, the soft hyphen, a BOM) go.
- The rest is case-folded; Polish letters (ą, ł, ż...) and other accented letters stay as they
  are, in every database.

Every step but the first works on one character at a time, with no context: the normalised text
is the concatenation of each character's normal form (``fold``).

The search goes two steps further (``search_tokens``), for the index and the query alike, so
that words are found as people type them:

- each word is reduced to its stem in the page's language with the Snowball stemmers
  (PyStemmer, the Snowball project's C build for Python; Turkish, Polish, English and
  Persian: see ``STEMMERS``; the pure-Python ``snowballstemmer`` runs the same algorithms
  some fifty times slower), so that
  ``kultura`` and ``Kultury`` are one word; a stem shorter than ``MIN_STEM_LENGTH`` is too
  ambiguous (Snowball's Turkish makes ``kur`` of ``kurum``) and the whole word is kept instead;
- then Latin letters lose their diacritics (``fold_letters``): ``ç ğ ö ş ü`` and ``ą ć ę ł ń
  ó ś ź ż`` are ``c g o s u`` and ``a c e l n o s z z``, so that ``atolye`` finds ``atölye``
  and ``ozturk`` finds ``Öztürk``. The stem is taken first, from the word as it is written:
  the stemmers know the endings by their letters (``warsztatów``, ``sekcją``).
"""

import functools
import re
import threading
import unicodedata

import Stemmer  # PyStemmer

# Characters that vanish: they change neither the letters nor the words.
IGNORABLE = frozenset(
    "\u00ad"  # soft hyphen
    "\u0307"  # combining dot above, what is left of İ after lower()
    "\u0640"  # kashida (tatweel)
    "\u0654"  # hamza above (هٔ)
    "\u0670"  # superscript alef
    "\u200b\u200c\u200d\u200e\u200f"  # zero-width space, (non-)joiner, bidi marks
    "\u2060\ufeff"  # word joiner, BOM
    + "".join(chr(code) for code in range(0x064B, 0x0653))  # fathatan ... sukun
)

# Characters replaced by another (before case folding).
_REPLACEMENTS = {
    "İ": "i",
    "I": "i",
    "ı": "i",
    "\u064a": "ی",  # Arabic yeh
    "\u0649": "ی",  # alef maksura
    "\u0643": "ک",  # Arabic kaf
    "\u06c0": "ه",  # heh with yeh above
    **{chr(0x06F0 + digit): str(digit) for digit in range(10)},  # Persian digits
    **{chr(0x0660 + digit): str(digit) for digit in range(10)},  # Arabic-Indic digits
}

_TABLE = str.maketrans({**_REPLACEMENTS, **dict.fromkeys(IGNORABLE)})
_DIGITS_TABLE = str.maketrans({k: v for k, v in _REPLACEMENTS.items() if v.isdigit()})


def _mark_ranges() -> str:
    """The combining marks of the Basic Multilingual Plane as a regex class body: Python's
    ``\\w`` leaves them out, so that a word in an Indic script would fall apart."""
    ranges, start, previous = [], None, None
    for code in range(0x0300, 0x10000):
        if unicodedata.category(chr(code))[0] == "M":
            if start is None:
                start = code
            previous = code
        elif start is not None:
            ranges.append(f"\\u{start:04x}-\\u{previous:04x}")
            start = None
    return "".join(ranges)


# A word: letters, digits and combining marks; the underscore and punctuation separate words.
WORD_CHARACTER = rf"(?:[^\W_]|[{_mark_ranges()}])"
WORD = re.compile(f"{WORD_CHARACTER}+")


def fold(character: str) -> str:
    """The normal form of one character of NFC text: ``""`` for an ignorable one, sometimes
    two characters (``ß`` → ``ss``)."""
    return character.translate(_TABLE).casefold()


def normalise(text: str) -> str:
    """``text`` as the index and the query both see it (see the module's docstring)."""
    if not text:
        return ""
    return unicodedata.normalize("NFC", text).translate(_TABLE).casefold()


def latin_digits(text: str) -> str:
    """``text`` with its Persian and Arabic-Indic digits written as Latin digits, and nothing
    else changed: what a parser of typed numbers and dates reads."""
    return text.translate(_DIGITS_TABLE)


def tokens(text: str) -> list[str]:
    """The normalised words of ``text``, in order."""
    return WORD.findall(normalise(text))


def equivalents(character: str) -> frozenset[str]:
    """The characters whose normal form is ``character`` (itself included): what a normalised
    letter may have been written as in the original text."""
    return _EQUIVALENTS.get(character, frozenset({character}))


def _build_equivalents() -> dict[str, frozenset[str]]:
    found: dict[str, set[str]] = {}
    for original, replacement in _REPLACEMENTS.items():
        found.setdefault(replacement, {replacement}).add(original)
    return {key: frozenset(values) for key, values in found.items()}


_EQUIVALENTS = _build_equivalents()


def _latin_fold_table() -> dict[int, str]:
    """Latin letters with diacritics (Latin-1 to Latin Extended-B) mapped to their base letter,
    and the few that Unicode does not decompose (``ł``, ``đ``, ``ø``, ``ħ``)."""
    table = {}
    for code in range(0x00C0, 0x0250):
        decomposed = unicodedata.normalize("NFD", chr(code))
        base, marks = decomposed[0], decomposed[1:]
        if base.isascii() and base.isalpha() and marks and all(map(unicodedata.combining, marks)):
            table[code] = base.lower()
    for letter, base in {"ł": "l", "Ł": "l", "đ": "d", "Đ": "d", "ø": "o", "Ø": "o"}.items():
        table[ord(letter)] = base
    table[ord("ħ")] = table[ord("Ħ")] = "h"
    return table


_LATIN_FOLD = _latin_fold_table()


def fold_letters(text: str) -> str:
    """``text`` (normalised) with its Latin letters written without diacritics: what a person
    typing without Turkish or Polish letters writes. Other scripts are left as they are."""
    return text.translate(_LATIN_FOLD)


# The Snowball algorithm for each language that has one (``Stemmer.algorithms()``).
STEMMERS = {"tr": "turkish", "pl": "polish", "en": "english", "fa": "persian"}
MIN_STEM_LENGTH = 4  # a shorter stem is kept only if it is the whole word
_stemmers = threading.local()  # a stemmer keeps state while it works: one per thread


def _stemmer(language: str):
    found = getattr(_stemmers, "by_language", None)
    if found is None:
        found = _stemmers.by_language = {}
    if language not in found:
        found[language] = Stemmer.Stemmer(STEMMERS[language])
    return found[language]


@functools.lru_cache(maxsize=200_000)
def search_word(word: str, language: str | None = None) -> str:
    """A normalised word as the search index holds it: its stem in ``language`` (if the
    language has a stemmer and the stem is not too short), without diacritics."""
    base = language.partition("-")[0].lower() if language else ""
    if base in STEMMERS and not word.isdigit():
        stem = _stemmer(base).stemWord(word)
        if stem and (len(stem) >= MIN_STEM_LENGTH or stem == word):
            word = stem
    return fold_letters(word)


def search_tokens(text: str, *, language: str | None = None) -> list[str]:
    """The words of ``text`` as the search index and the search query both hold them
    (see the module's docstring): normalised, stemmed in ``language``, folded."""
    return [search_word(word, language) for word in tokens(text)]


def search_letter_variants(letter: str) -> frozenset[str]:
    """The characters that the search holds as ``letter`` (itself included), in either case:
    ``o`` was ``o``, ``ö``, ``ó``, ``O``, ``Ö``..., ``i`` was ``ı``, ``İ``..., ``ی`` was ``ي``."""
    return _SEARCH_VARIANTS.get(letter, frozenset({letter}))


def _build_search_variants() -> dict[str, frozenset[str]]:
    found: dict[str, set[str]] = {}
    candidates = {chr(code) for code in range(0x20, 0x250)} | set(_REPLACEMENTS)
    for character in candidates:
        for variant in {character, character.upper(), character.lower()}:
            letter = fold_letters(fold(variant))
            if len(letter) == 1 and len(variant) == 1:
                found.setdefault(letter, {letter}).add(variant)
    return {letter: frozenset(variants) for letter, variants in found.items()}


_SEARCH_VARIANTS = _build_search_variants()


def search_text(text: str) -> str:
    """``text`` normalised and folded, words kept whole: what a filter compares a typed word
    with (``ozturk`` is in ``selin ozturk``)."""
    return fold_letters(normalise(text))
