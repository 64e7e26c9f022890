"""Excerpts with the words found marked, cut from the original text of the results shown.

The index holds words as ``core.text.search_tokens`` makes them (normalised, stemmed in the
page's language, without diacritics), which do not map back to the text a reader sees
character by character: ``kultur`` was ``Kultury``, ``ozturk`` was ``Öztürk``. So each word of
the original text is made into the index's word the same way and compared with the query's
terms: equal, or beginning with a term that finds longer words (``Query.is_prefix``). A word of
the text runs over the characters the normaliser ignores (a ZWNJ, a soft hyphen), so that
``برنامه‌های`` is one word, as it is in the index.
"""

import re

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from municipium.core.text import IGNORABLE, WORD_CHARACTER, search_letter_variants, search_tokens

from .backends import Query

EXCERPT_LENGTH = 240  # characters shown
CONTEXT_BEFORE = 60  # of them before the first word found

_IGNORABLE = "[" + "".join(re.escape(character) for character in sorted(IGNORABLE)) + "]"
_WORD_CHARACTER = re.compile(WORD_CHARACTER)
_TEXT_WORD = re.compile(f"{WORD_CHARACTER}(?:{_IGNORABLE}*{WORD_CHARACTER})*")
# A stem keeps the first letters of its word (Snowball changes only endings, and a stem of
# fewer than MIN_STEM_LENGTH letters is not used): so a word can match a term only if it
# begins with the term's first letters, which a regular expression finds fast.
_LEADING_LETTERS = 3


def _letter(character: str) -> str:
    options = sorted(search_letter_variants(character))
    return "[" + "".join(re.escape(option) for option in options) + "]"


def _candidates(terms) -> re.Pattern:
    """Where a word that may match one of ``terms`` begins in original text."""
    beginnings = sorted({term[:_LEADING_LETTERS] for term in terms}, key=len, reverse=True)
    alternatives = "|".join(
        f"{_IGNORABLE}*".join(_letter(character) for character in beginning)
        for beginning in beginnings
    )
    return re.compile(f"(?:{alternatives})", re.IGNORECASE)


class Highlighter:
    """Finds the words of a text that the query's terms find in the index."""

    def __init__(self, query: Query, *, language: str | None = None):
        self.exact = frozenset(query.terms)
        self.prefixes = tuple(term for term in query.terms if query.is_prefix(term))
        self.language = language
        self._candidates = _candidates(query.terms)
        self._found: dict[str, bool] = {}  # a text repeats its words: each is made once

    def finds(self, word: str) -> bool:
        found = self._found.get(word)
        if found is None:
            found = self._found[word] = any(
                token in self.exact or token.startswith(self.prefixes)
                for token in search_tokens(word, language=self.language)
            )
        return found

    def spans(self, text: str, start: int = 0, end: int | None = None):
        """The (start, end) of each word of ``text[start:end]`` that the query finds."""
        end = len(text) if end is None else end
        position = start
        while (candidate := self._candidates.search(text, position, end)) is not None:
            word = _TEXT_WORD.match(text, candidate.start(), end)
            position = word.end() if word else candidate.end()
            if word and _starts_word(text, word.start()) and self.finds(word.group()):
                yield word.start(), word.end()


def highlighter(query: Query, *, language: str | None = None) -> Highlighter | None:
    """What finds the query's terms in original text of ``language``, or None for no terms."""
    if not query.terms:
        return None
    return Highlighter(query, language=language)


def _starts_word(text: str, index: int) -> bool:
    index -= 1
    while index >= 0 and text[index] in IGNORABLE:
        index -= 1
    return index < 0 or not _WORD_CHARACTER.match(text[index])


def _marked(text: str, spans, start: int, end: int) -> str:
    parts, position = [], start
    for span_start, span_end in spans:
        parts.append(escape(text[position:span_start]))
        parts.append(f"<mark>{escape(text[span_start:span_end])}</mark>")
        position = span_end
    parts.append(escape(text[position:end]))
    return "".join(parts)


def highlight(text: str, finder: Highlighter | None) -> SafeString:
    """``text`` escaped, with the words found in ``<mark>``."""
    spans = list(finder.spans(text)) if finder is not None else []
    return mark_safe(_marked(text, spans, 0, len(text)))  # escaped in _marked


def _window(text: str, first: int, length: int) -> tuple[int, int]:
    start = max(0, first - CONTEXT_BEFORE)
    if start > 0:  # begin at a word
        space = text.find(" ", start, first)
        start = space + 1 if space != -1 else start
    end = min(len(text), start + length)
    if end < len(text):  # end at a word
        space = text.rfind(" ", max(first, start + length // 2), end)
        end = space if space != -1 else end
    return start, end


def excerpt(text: str, finder: Highlighter | None, *, length: int = EXCERPT_LENGTH) -> SafeString:
    """About ``length`` characters of ``text`` around the first word found (or from the start),
    escaped, with the words found in ``<mark>``."""
    text = " ".join(text.split())
    first = next(finder.spans(text), None) if finder is not None else None
    start, end = _window(text, first[0] if first else 0, length)
    spans = list(finder.spans(text, start, end)) if finder is not None else []
    html = _marked(text, spans, start, end)
    if start > 0:
        html = "… " + html
    if end < len(text):
        html += " …"
    return mark_safe(html)  # escaped in _marked
