"""What no public page may show, read from its HTML: a raw Python value where a block or a
field was not rendered (``{'data': [['Birim', …``, ``None``, ``False``), a heading with
nothing under it, a quick-access card that leads nowhere."""

import re
from html.parser import HTMLParser

RAW_VALUE = re.compile(r"\{'|\[\[|\bNone\b|\bTrue\b|\bFalse\b")
HEADINGS = {"h1": 1, "h2": 2, "h3": 3, "h4": 4}
SECTIONS = {"section", "article", "main", "aside"}
CONTENT_TAGS = {"img", "svg", "iframe", "table", "input", "select", "textarea", "video", "hr"}
HIDDEN = {"script", "style", "template", "head"}
PLACEHOLDER = " \t\n\r\u00a0-–—"


class _Reader(HTMLParser):
    """Visible text, and the page as a flat list of events: a heading opens, content, a
    section closes."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.text: list[str] = []
        self.events: list[tuple[str, object]] = []
        self.hidden = 0
        self.heading: list = []  # [level, text] while inside a heading

    def handle_starttag(self, tag, attrs):
        if tag in HIDDEN:
            self.hidden += 1
        elif tag in HEADINGS:
            self.heading = [HEADINGS[tag], ""]
        elif tag in CONTENT_TAGS and not self.heading:
            self.events.append(("content", tag))

    def handle_endtag(self, tag):
        if tag in HIDDEN:
            self.hidden = max(0, self.hidden - 1)
        elif tag in HEADINGS and self.heading:
            level, text = self.heading
            self.events.append(("heading", (level, text.strip())))
            self.heading = []
        elif tag in SECTIONS:
            self.events.append(("end", tag))

    def handle_data(self, data):
        if self.hidden:
            return
        self.text.append(data)
        if self.heading:
            self.heading[1] += data
        elif data.strip(PLACEHOLDER):  # a dash standing in for a section is no content
            self.events.append(("content", data.strip()))


def _read(html: str) -> _Reader:
    reader = _Reader()
    reader.feed(html)
    return reader


def visible_text(html: str) -> str:
    return " ".join(_read(html).text)


def raw_values(html: str) -> list[str]:
    """The raw Python values in the page's visible text, each with a little context."""
    text = visible_text(html)
    return [text[max(0, m.start() - 30) : m.end() + 30] for m in RAW_VALUE.finditer(text)]


def empty_sections(html: str) -> list[str]:
    """The headings (h2 to h4) with nothing under them: the next thing after one is a heading
    of its level or higher, the end of its section, or the end of the page."""
    events = _read(html).events
    empty = []
    for index, (kind, value) in enumerate(events):
        if kind != "heading" or value[0] == 1:
            continue
        level, title = value
        following = events[index + 1] if index + 1 < len(events) else ("end", "page")
        if following[0] == "end" or (following[0] == "heading" and following[1][0] <= level):
            empty.append(title)
    return empty


CARD = re.compile(r'<article class="card card--highlight">(.*?)</article>', re.S)


def dead_cards(html: str) -> list[str]:
    """The quick-access cards that are not a link."""
    return [re.sub(r"<[^>]+>|\s+", " ", card).strip() for card in CARD.findall(html)
            if "<a " not in card]  # fmt: skip


def page_problems(html: str) -> dict[str, list[str]]:
    """Every problem of the page, by kind; empty when there is none."""
    problems = {
        "raw values": raw_values(html),
        "empty sections": empty_sections(html),
        "dead cards": dead_cards(html),
    }
    return {kind: found for kind, found in problems.items() if found}
