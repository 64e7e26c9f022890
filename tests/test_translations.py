"""The Turkish, Persian and Polish catalogues are complete, sound and compiled.

The .po files are read with a small parser of our own so the project does not depend on polib;
the compiled .mo files are read with the standard library's gettext, as Django reads them.
"""

import gettext
import re
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from django.utils import translation

LOCALE_DIR = Path(__file__).resolve().parent.parent / "municipium" / "locale"
LANGUAGES = ["tr", "fa", "pl"]
NPLURALS = {"tr": 2, "fa": 2, "pl": 4}

# printf-style conversions as Python's % operator reads them: %s, %d, %(name)s, %(ratio).1f.
PLACEHOLDER = re.compile(r"%(?:\([^)]*\))?[#0 +-]*(?:\*|\d+)?(?:\.(?:\*|\d+))?[diouxXeEfFgGcrsa%]")
ESCAPES = {"n": "\n", "t": "\t", "r": "\r", '"': '"', "\\": "\\", "a": "\a", "b": "\b", "f": "\f"}


@dataclass
class Entry:
    msgid: str = ""
    msgctxt: str | None = None
    msgid_plural: str | None = None
    msgstr: str = ""
    msgstr_plural: dict[int, str] = field(default_factory=dict)
    flags: set[str] = field(default_factory=set)
    line: int = 0

    @property
    def translations(self):
        return list(self.msgstr_plural.values()) if self.msgid_plural else [self.msgstr]


def _unquote(text):
    return re.sub(r"\\(.)", lambda m: ESCAPES.get(m[1], m[0]), text.strip()[1:-1])


def read_po(path):
    """Return (header entry, other entries) of a .po file, leaving out obsolete (#~) ones."""
    entries, entry, target = [], Entry(), None
    for number, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        line = raw.strip()
        if not line or line.startswith("#~"):
            continue
        if line.startswith('"'):
            _store(entry, target, _unquote(line), append=True)
            continue
        # A comment, msgctxt or msgid after a msgstr starts the next entry.
        if line.startswith(("#", "msgctxt", "msgid ")) and (target or "").startswith("msgstr"):
            entries.append(entry)
            entry, target = Entry(), None
        if line.startswith("#,"):
            entry.flags.update(flag.strip() for flag in line[2:].split(","))
        elif line.startswith("#"):
            continue
        else:
            keyword, _, value = line.partition(" ")
            target = keyword
            entry.line = entry.line or number
            _store(entry, target, _unquote(value), append=False)
    if target is not None:
        entries.append(entry)
    header = entries[0]
    assert header.msgid == "" and header.msgctxt is None, f"{path} does not start with a header"
    return header, entries[1:]


def _store(entry, target, text, *, append):
    match = re.fullmatch(r"msgstr\[(\d+)\]", target or "")
    if match:
        index = int(match[1])
        entry.msgstr_plural[index] = (entry.msgstr_plural.get(index, "") if append else "") + text
    elif target in {"msgid", "msgctxt", "msgid_plural", "msgstr"}:
        previous = (getattr(entry, target) or "") if append else ""
        setattr(entry, target, previous + text)
    else:
        raise ValueError(f"unexpected .po line for {target!r}: {text!r}")


def header_fields(header):
    """{"Language": "pl", "Plural-Forms": "nplurals=4; ...", ...}"""
    return dict(line.split(": ", 1) for line in header.msgstr.splitlines() if ": " in line)


def placeholders(text):
    """The named placeholders (a set: any order, any number of times) and the positional ones
    (a list: their order matters). A literal %% is neither."""
    found = [p for p in PLACEHOLDER.findall(text) if p != "%%"]
    named = {p for p in found if p.startswith("%(")}
    positional = [p for p in found if not p.startswith("%(")]
    return named, positional


def wrong_placeholders(entry):
    """The translations of an entry whose placeholders do not match its msgid.

    A singular entry keeps exactly the msgid's placeholders. Each plural form keeps those both
    English forms share and adds none that neither has: a language's form for n == 1 may leave
    the count out, as English "One result" does."""
    if not entry.msgid_plural:
        return [] if placeholders(entry.msgstr) == placeholders(entry.msgid) else [entry.msgstr]
    one_named, one_positional = placeholders(entry.msgid)
    many_named, many_positional = placeholders(entry.msgid_plural)
    wrong = []
    for text in entry.msgstr_plural.values():
        named, positional = placeholders(text)
        keeps_names = one_named & many_named <= named <= one_named | many_named
        if not keeps_names or positional not in (one_positional, many_positional):
            wrong.append(text)
    return wrong


def describe(entry):
    context = f" (context {entry.msgctxt!r})" if entry.msgctxt else ""
    return f"line {entry.line}: {entry.msgid!r}{context}"


def po_path(language):
    return LOCALE_DIR / language / "LC_MESSAGES" / "django.po"


@pytest.fixture(params=LANGUAGES)
def catalogue(request):
    language = request.param
    header, entries = read_po(po_path(language))
    return language, header, entries


def test_catalogue_has_entries(catalogue):
    _language, _header, entries = catalogue
    assert len(entries) > 0


def test_every_entry_is_translated(catalogue):
    language, _header, entries = catalogue
    untranslated = []
    for entry in entries:
        if entry.msgid_plural and sorted(entry.msgstr_plural) != list(range(NPLURALS[language])):
            untranslated.append(f"{describe(entry)} has forms {sorted(entry.msgstr_plural)}")
        elif not all(text.strip() for text in entry.translations):
            untranslated.append(describe(entry))
    assert not untranslated, f"{language}: untranslated entries:\n" + "\n".join(untranslated)


def test_no_entry_is_fuzzy(catalogue):
    language, header, entries = catalogue
    fuzzy = [describe(entry) for entry in [header, *entries] if "fuzzy" in entry.flags]
    assert not fuzzy, f"{language}: fuzzy entries:\n" + "\n".join(fuzzy)


def test_placeholders_are_kept(catalogue):
    language, _header, entries = catalogue
    wrong = []
    for entry in entries:
        sources = entry.msgid + (entry.msgid_plural or "")
        if "no-python-format" in entry.flags:
            continue
        if "python-format" in entry.flags or any(placeholders(sources)):
            wrong += [f"{describe(entry)} -> {text!r}" for text in wrong_placeholders(entry)]
    assert not wrong, f"{language}: placeholders differ from the msgid:\n" + "\n".join(wrong)


def test_headers_name_the_language_and_its_plural_forms(catalogue):
    language, header, _entries = catalogue
    fields = header_fields(header)
    assert fields["Language"] == language
    assert fields["Language-Team"].strip()
    assert "charset=UTF-8" in fields["Content-Type"]
    assert re.match(rf"nplurals={NPLURALS[language]};", fields["Plural-Forms"])


def test_compiled_catalogue_matches_the_po_file(catalogue):
    """A .po edited without running compilemessages leaves a .mo that fails here."""
    language, _header, entries = catalogue
    with po_path(language).with_suffix(".mo").open("rb") as mo:
        compiled = gettext.GNUTranslations(mo)
    stale = []
    for entry in entries:
        if entry.msgid_plural:
            for n in range(200):
                form = compiled.plural(n)
                if entry.msgctxt is None:
                    got = compiled.ngettext(entry.msgid, entry.msgid_plural, n)
                else:
                    got = compiled.npgettext(entry.msgctxt, entry.msgid, entry.msgid_plural, n)
                if got != entry.msgstr_plural.get(form):
                    stale.append(f"{describe(entry)} [n={n}]: .mo has {got!r}")
                    break
        else:
            if entry.msgctxt is None:
                got = compiled.gettext(entry.msgid)
            else:
                got = compiled.pgettext(entry.msgctxt, entry.msgid)
            if got != entry.msgstr:
                stale.append(f"{describe(entry)}: .mo has {got!r}")
    assert not stale, f"{language}: run `make messages`; the .mo is stale:\n" + "\n".join(stale)


def test_polish_plural_forms_are_one_few_many_other():
    with po_path("pl").with_suffix(".mo").open("rb") as mo:
        plural = gettext.GNUTranslations(mo).plural
    header, _entries = read_po(po_path("pl"))
    assert header_fields(header)["Plural-Forms"].startswith("nplurals=4;")
    assert [plural(n) for n in (1, 2, 3, 4, 22, 24, 102)] == [0, 1, 1, 1, 1, 1, 1]
    assert [plural(n) for n in (0, 5, 11, 12, 14, 21, 25, 112)] == [2] * 8


@pytest.mark.parametrize(
    ("language", "expected"),
    [("tr", "İçeriğe geç"), ("fa", "پرش به محتوای اصلی"), ("pl", "Przejdź do treści")],
)
def test_django_serves_the_translation(language, expected):
    with translation.override(language):
        assert translation.gettext("Skip to main content") == expected
