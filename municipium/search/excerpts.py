"""Excerpts with the words found marked, cut from the original text of the results shown.

The index holds normalised words, which do not map back to the text a reader sees (``ي`` was
``ی``, a ZWNJ was dropped, ``İ`` became ``i``). So each normalised term becomes a pattern over
the original text, built from the normaliser's own tables (``core.text.equivalents`` and
``IGNORABLE``): ``برنامههای`` finds ``برنامه‌های`` and ``i`` finds ``İ``, ``I`` and ``ı``.
"""

import re

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from municipium.core.text import IGNORABLE, WORD_CHARACTER, equivalents

from .backends import Query

EXCERPT_LENGTH = 240  # characters shown
CONTEXT_BEFORE = 60  # of them before the first word found

_IGNORABLE = "[" + "".join(re.escape(character) for character in sorted(IGNORABLE)) + "]"
_WORD_CHARACTER = re.compile(WORD_CHARACTER)


def _letter(character: str) -> str:
    options = sorted(equivalents(character))
    if len(options) == 1:
        return re.escape(character)
    return "[" + "".join(re.escape(option) for option in options) + "]"


def _term_pattern(term: str, *, prefix: bool) -> str:
    body = f"{_IGNORABLE}*".join(_letter(character) for character in term)
    if prefix:  # mark the whole word, not only its beginning
        return f"{body}(?:{_IGNORABLE}*{WORD_CHARACTER})*"
    return f"{body}(?!{_IGNORABLE}*{WORD_CHARACTER})"


def highlighter(query: Query) -> re.Pattern | None:
    """A pattern that finds the query's terms in original text, or None for no terms."""
    if not query.terms:
        return None
    terms = sorted(set(query.terms), key=len, reverse=True)
    alternatives = "|".join(_term_pattern(term, prefix=query.is_prefix(term)) for term in terms)
    return re.compile(f"(?:{alternatives})", re.IGNORECASE)


def _starts_word(text: str, index: int) -> bool:
    index -= 1
    while index >= 0 and text[index] in IGNORABLE:
        index -= 1
    return index < 0 or not _WORD_CHARACTER.match(text[index])


def _matches(text: str, pattern: re.Pattern, start: int = 0, end: int | None = None):
    for match in pattern.finditer(text, start, len(text) if end is None else end):
        if _starts_word(text, match.start()):
            yield match.start(), match.end()


def _marked(text: str, spans, start: int, end: int) -> str:
    parts, position = [], start
    for span_start, span_end in spans:
        parts.append(escape(text[position:span_start]))
        parts.append(f"<mark>{escape(text[span_start:span_end])}</mark>")
        position = span_end
    parts.append(escape(text[position:end]))
    return "".join(parts)


def highlight(text: str, pattern: re.Pattern | None) -> SafeString:
    """``text`` escaped, with the words found in ``<mark>``."""
    spans = list(_matches(text, pattern)) if pattern is not None else []
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


def excerpt(text: str, pattern: re.Pattern | None, *, length: int = EXCERPT_LENGTH) -> SafeString:
    """About ``length`` characters of ``text`` around the first word found (or from the start),
    escaped, with the words found in ``<mark>``."""
    text = " ".join(text.split())
    first = next(_matches(text, pattern), None) if pattern is not None else None
    start, end = _window(text, first[0] if first else 0, length)
    spans = list(_matches(text, pattern, start, end)) if pattern is not None else []
    html = _marked(text, spans, start, end)
    if start > 0:
        html = "… " + html
    if end < len(text):
        html += " …"
    return mark_safe(html)  # escaped in _marked
