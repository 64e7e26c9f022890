"""The search benchmark: site search over 100,000 generated articles, on SQLite or PostgreSQL.

Builds a fresh database (SQLite in a temporary directory, or a new database on the PostgreSQL
server of ``--database-url``, dropped at the end), makes two sites, loads generated articles
into the search index in batches, then times ``search_result_list`` (what the search view calls:
the count, the ranked page of ten, the excerpts) and the whole search page through Django's
test client, for a rare and a common word and a few harder queries. Writes its section of
bench/results/search.md. See bench/README.md.

    .venv/bin/python bench/search.py                        # SQLite, 100,000 articles
    .venv/bin/python bench/search.py --database-url postgres://postgres@127.0.0.1:54329/x
"""

import argparse
import contextlib
import datetime
import itertools
import os
import platform
import random
import re
import shutil
import signal
import statistics
import sys
import tempfile
import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from harness import percentile, postgres_create, postgres_drop, timings

ROOT = Path(__file__).resolve().parent.parent
RESULTS_FILE = ROOT / "bench" / "results" / "search.md"
TARGET_MS = 100.0  # p95 of a search, rare or common word
BATCH = 1000
SEED = 20260101


def _words(text: str) -> list[str]:
    return text.split()


# Real words first, most frequent first: function words, then a municipality's vocabulary with
# some of its inflected forms (a word's prefix search finds those).
TURKISH = _words("""
ve bir bu için ile da de olarak en çok daha gibi olan sonra kadar her yeni büyük
belediye belediyesi belediyenin belediyeye belediyemiz başkanı başkan meclis meclisi
hizmet hizmeti hizmetleri vatandaş vatandaşlar mahalle mahallesi sokak cadde caddesi yol
yolu park parkı su suyu kanalizasyon altyapı çalışma çalışmaları proje projesi yapım
etkinlik etkinliği festival konser tiyatro sergi kültür sanat spor kurs kursu eğitim
çocuk çocuklar gençlik kadın yaşlı engelli sosyal destek yardım gıda kira ulaşım otobüs
metro tramvay bisiklet trafik otopark temizlik çöp geri dönüşüm yeşil alan ağaç fidan
dikim bahçe pazar pazarı esnaf ekonomi bütçe ihale duyuru kesinti elektrik doğalgaz
itfaiye afet deprem acil sağlık hastane aşı kütüphane müze tarih kent kentsel dönüşüm
imar plan planı ruhsat başvuru başvurusu ödeme vergi emlak kampanya toplantı karar
kararı açılış töreni ziyaret ziyareti halk halkı ilçe ilçesi izmir istanbul ankara
bornova konak karşıyaka buca ışık ılık ırmak iğde ığdır sabah akşam hafta ay yıl
""")
PERSIAN = _words("""
و در به از که این با را برای است شهرداری شهر شهری برنامه برنامه‌های فرهنگی اجتماعی
خدمات شهروندان محله خیابان پارک بوستان بوستان‌های نوروز جشنواره کتابخانه ورزش آموزش
""")
ENGLISH = _words("the of and to in a for is on municipality city council service park")
SYLLABLES_TR = [c + v for c in "bcçdfghjklmnprsştvyz" for v in "aeıioöuü"]
SYLLABLES_FA = [c + v for c in "بپتجچدرزسشکگلمنه" for v in ["ا", "و", "ی", ""]]


@dataclass(frozen=True)
class Timing:
    label: str
    query: str
    documents: int | None  # articles that contain the word, as generated
    found: str  # the count the page shows
    selector: list[float]
    view: list[float]


# -- Setting up ---------------------------------------------------------------------------------


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=100_000, help="articles on the site")
    parser.add_argument(
        "--other-site-articles",
        type=int,
        default=10_000,
        help="Persian articles on a second site, in the same index (default 10,000)",
    )
    parser.add_argument("--runs", type=int, default=50, help="timed runs of each query")
    parser.add_argument(
        "--database-url",
        default="",
        help="a PostgreSQL server: a new database is made on it and dropped at the end",
    )
    parser.add_argument("--output", type=Path, default=RESULTS_FILE)
    return parser.parse_args()


def setup_django(var_dir: Path, database_url: str) -> None:
    os.environ["MUNICIPIUM_VAR_DIR"] = str(var_dir)
    os.environ["MUNICIPIUM_ENV"] = "dev"
    os.environ["DJANGO_SETTINGS_MODULE"] = "municipium.settings"
    if database_url:
        os.environ["DATABASE_URL"] = database_url
    else:
        os.environ.pop("DATABASE_URL", None)
    import django
    from django.core.management import call_command

    django.setup()
    print("migrate, collectstatic", file=sys.stderr, flush=True)
    call_command("migrate", verbosity=0, interactive=False)
    call_command("collectstatic", verbosity=0, interactive=False)  # the page's stylesheets


def site_create(slug: str, languages: list[str], country: str):
    """A municipality's site with a home page in each language, as the demo makes them."""
    from wagtail.models import Page, Site

    from municipium.core.pages import page_ensure
    from municipium.portal.models import HomePage
    from municipium.tenancy.models import Municipality, MunicipalityName

    root, homes, source = Page.get_first_root_node(), {}, None
    for language in languages:
        homes[language] = page_ensure(
            parent=root,
            page_class=HomePage,
            slug=slug if source is None else f"{slug}-{language}",
            language=language,
            translation_of=source,
            title=slug,
            welcome_heading=slug,
            welcome_text="<p>.</p>",
        )
        source = source or homes[language]
    site = Site.objects.create(
        hostname=f"{slug}.localhost", port=80, root_page=homes[languages[0]], site_name=slug
    )
    municipality = Municipality.objects.create(
        site=site,
        slug=slug,
        country=country,
        languages=languages,
        default_language=languages[0],
        time_zone="Europe/Istanbul" if country == "TR" else "Asia/Tehran",
        calendar="gregorian" if country == "TR" else "solar_hijri",
        weekend_days=[5, 6],
    )
    for language in languages:
        MunicipalityName.objects.create(municipality=municipality, language=language, name=slug)
    return site


# -- Generating articles ------------------------------------------------------------------------


class Vocabulary:
    """Real words at the top, made-up words of the same alphabet in a long tail, drawn with a
    Zipf distribution (the n-th word about 1/n as often as the first), so that some words are
    in almost every article and most in a handful."""

    def __init__(self, real: list[str], syllables: list[str], size: int, rng: random.Random):
        words = list(dict.fromkeys(real))
        seen = set(words)
        while len(words) < size:
            word = "".join(rng.choices(syllables, k=rng.randint(2, 4)))
            if word not in seen:
                seen.add(word)
                words.append(word)
        self.words = words
        self.cumulative = list(itertools.accumulate(1 / rank for rank in range(1, size + 1)))

    def sample(self, rng: random.Random, count: int) -> list[str]:
        return rng.choices(self.words, cum_weights=self.cumulative, k=count)


def article(vocabulary: Vocabulary, rng: random.Random) -> tuple[str, str, list[str]]:
    """A title, a body of sentences (capitals, punctuation), and the words used."""
    words = vocabulary.sample(rng, rng.randint(100, 250))
    sentences, position = [], 0
    while position < len(words):
        length = rng.randint(6, 16)
        sentence = words[position : position + length]
        position += length
        sentences.append(sentence[0].capitalize() + " " + " ".join(sentence[1:]) + ".")
    title_words = vocabulary.sample(rng, rng.randint(4, 8))
    title = " ".join(title_words).capitalize()
    return title, " ".join(sentences), title_words + words


def progress(done: int, total: int, started: float, label: str) -> None:
    width, share = 40, done / total
    elapsed = time.monotonic() - started
    rate = done / elapsed if elapsed else 0
    bar = "#" * int(width * share) + "-" * (width - int(width * share))
    sys.stderr.write(f"\r{label} [{bar}] {done:>7,}/{total:,} {rate:,.0f}/s")
    if done == total:
        sys.stderr.write(f"  {elapsed:.0f} s\n")
    sys.stderr.flush()


def load(*, site, language: str, vocabulary: Vocabulary, count: int, rng) -> Counter:
    """Index ``count`` articles straight into the search index, in batches. Returns in how many
    articles each word appears. The rows are what ``search_page_index`` writes for a news
    article (the same ``entry_values``, so the same normaliser), without the pages themselves:
    what is measured is searching, not publishing."""
    from municipium.search.models import Kind, SearchEntry
    from municipium.search.services import entry_values

    document_frequency: Counter = Counter()
    start = datetime.datetime(2020, 1, 1, tzinfo=datetime.UTC)
    started = time.monotonic()
    offset = SearchEntry.objects.count()
    for first in range(0, count, BATCH):
        rows = []
        for number in range(first, min(first + BATCH, count)):
            title, body, used = article(vocabulary, rng)
            document_frequency.update({word.casefold() for word in used})
            rows.append(
                SearchEntry(
                    site=site,
                    language=language,
                    object_key=f"page:{offset + number + 1}",
                    **entry_values(
                        kind=Kind.NEWS,
                        title=title,
                        url=f"/{language}/news/article-{number}/",
                        language=language,
                        text=body,
                        date=start + datetime.timedelta(minutes=30 * number),
                    ),
                )
            )
        SearchEntry.objects.bulk_create(rows)
        progress(min(first + BATCH, count), count, started, f"{site.hostname} {language}")
    return document_frequency


# -- Measuring ----------------------------------------------------------------------------------


def timed(function, runs: int) -> list[float]:
    return timings(function, runs, warmup=3)


def measure(site, language: str, label: str, query: str, documents, runs: int) -> Timing:
    from django.test import Client

    from municipium.search.selectors import search_result_list

    found = search_result_list(site=site, language=language, text=query)
    shown = f"more than {found.count:,}" if found.more else f"{found.count:,}"
    client = Client(HTTP_HOST=site.hostname)
    path = f"/{language}/search/"

    def page():
        response = client.get(path, {"q": query})
        assert response.status_code == 200, response.status_code

    selector = timed(lambda: search_result_list(site=site, language=language, text=query), runs)
    view = timed(page, runs)
    return Timing(label, query, documents, shown, selector, view)


def ceilings(runs: int) -> dict[str, list[float]]:
    """What the database costs for next to nothing, measured in the same run."""
    from django.db import connection

    from municipium.search.models import SearchEntry

    ids = list(SearchEntry.objects.values_list("pk", flat=True)[:1000])
    rng = random.Random(SEED)

    def select_one():
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()

    def lookup():
        SearchEntry.objects.filter(pk=rng.choice(ids)).values_list("title", flat=True).first()

    return {"SELECT 1": timed(select_one, runs * 4), "lookup by id": timed(lookup, runs * 4)}


def pick_words(frequency: Counter, total: int, real: list[str]) -> dict[str, tuple[str, int]]:
    """The words to search: a rare one (in about ten articles), a common one (in about half),
    "belediye" (in most, and the beginning of several other common words) and "ve" (in all)."""
    rare = min(
        (word for word in frequency if len(word) >= 5),
        key=lambda word: (abs(frequency[word] - 10), word),
    )
    common = min(
        (word for word in real if len(word) >= 3 and word in frequency),
        key=lambda word: (abs(frequency[word] - total / 2), word),
    )
    return {
        "rare": (rare, frequency[rare]),
        "common": (common, frequency[common]),
        "very common": ("belediye", frequency["belediye"]),
        "most frequent": ("ve", frequency["ve"]),
    }


# -- Reporting ----------------------------------------------------------------------------------


def report(timings, ceiling, options, database: str, entries: int, load_seconds: float) -> str:
    base = statistics.median(ceiling["lookup by id"])
    load = ", ".join(f"{value:.1f}" for value in os.getloadavg())
    lines = [
        f"## {database}",
        "",
        f"{options.articles:,} Turkish articles on one site (and {options.other_site_articles:,} "
        f"Persian ones on another, in the same index): {entries:,} index rows, loaded in "
        f"{load_seconds:.0f} s. {options.runs} timed runs of each query after 3 warm-up runs, "
        f"in one process, one after the other. {datetime.datetime.now():%Y-%m-%d %H:%M}, "
        f"Python {platform.python_version()}, {os.cpu_count()} cores, {database_version()}; "
        f"load average at the end {load} (other jobs on the machine slow the run down).",
        "",
        "| query | articles with the word | count shown | p50 ms | p95 ms | max ms "
        "| page p50 ms | page p95 ms | p50 / lookup |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for t in timings:
        lines.append(
            f"| {t.label}: `{t.query}` | {'–' if t.documents is None else f'{t.documents:,}'} "
            f"| {t.found} "
            f"| {statistics.median(t.selector):.1f} | {percentile(t.selector, 0.95):.1f} "
            f"| {max(t.selector):.1f} | {statistics.median(t.view):.1f} "
            f"| {percentile(t.view, 0.95):.1f} | {statistics.median(t.selector) / base:.0f}× |"
        )
    for name, values in ceiling.items():
        lines.append(
            f"| ceiling: {name} | | | {statistics.median(values):.2f} "
            f"| {percentile(values, 0.95):.2f} | {max(values):.2f} | | | |"
        )
    targets = [t for t in timings if t.label in {"rare", "common"}]
    met = all(percentile(t.selector, 0.95) < TARGET_MS for t in targets)
    worst = max(percentile(t.selector, 0.95) for t in targets)
    lines += [
        "",
        f"**Target** (p95 under {TARGET_MS:.0f} ms for a rare and a common word): "
        f"{'met' if met else 'NOT met'} (worst p95 {worst:.1f} ms).",
        "",
    ]
    return "\n".join(lines)


def database_version() -> str:
    from django.db import connection

    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute("SELECT sqlite_version()")
            return f"SQLite {cursor.fetchone()[0]}"
        cursor.execute("SHOW server_version")
        return f"PostgreSQL {cursor.fetchone()[0]}"


def write_report(section: str, database: str, output: Path) -> None:
    """Replace this database's section of ``output``, keeping the other database's."""
    start, end = f"<!-- {database} -->", f"<!-- /{database} -->"
    header = (
        "# Search benchmark\n\nWritten by `bench/search.py`; see bench/README.md. Times are in "
        "milliseconds; p50/p95/max of the selector the search view calls (count, ranked page "
        "of ten, excerpts), then of the whole search page through Django's test client.\n"
    )
    text = output.read_text() if output.exists() else header
    block = f"{start}\n{section}\n{end}"
    pattern = re.compile(re.escape(start) + ".*?" + re.escape(end), re.S)
    text = pattern.sub(lambda _match: block, text) if pattern.search(text) else f"{text}\n{block}\n"
    output.parent.mkdir(parents=True, exist_ok=True)
    output.write_text(text)


# -- Main ---------------------------------------------------------------------------------------


def run(options, var_dir: Path, database_url: str) -> tuple[str, str]:
    setup_django(var_dir, database_url)
    from django.db import connection

    from municipium.search.models import SearchEntry
    from municipium.search.services import search_index_rebuild
    from municipium.tenancy.services import locale_ensure_all

    database = "PostgreSQL" if connection.vendor == "postgresql" else "SQLite"
    locale_ensure_all()
    turkish_site = site_create("bench-tr", ["tr", "en"], "TR")
    persian_site = site_create("bench-fa", ["fa", "en"], "IR")
    search_index_rebuild()  # the home pages, and the full-text index's own settings
    rng = random.Random(SEED)
    started = time.monotonic()
    turkish = Vocabulary(TURKISH + ENGLISH, SYLLABLES_TR, 200_000, rng)
    frequency = load(
        site=turkish_site, language="tr", vocabulary=turkish, count=options.articles, rng=rng
    )
    persian = Vocabulary(PERSIAN, SYLLABLES_FA, 50_000, rng)
    load(
        site=persian_site,
        language="fa",
        vocabulary=persian,
        count=options.other_site_articles,
        rng=rng,
    )
    print("optimising the full-text index", file=sys.stderr, flush=True)
    from municipium.search.backends.database import full_text_optimise

    full_text_optimise()
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute(f"VACUUM ANALYZE {SearchEntry._meta.db_table}")
    load_seconds = time.monotonic() - started
    words = pick_words(frequency, options.articles, TURKISH)
    rare, common = words["rare"][0], words["common"][0]
    queries = [
        *((label, word, n) for label, (word, n) in words.items()),
        ("capitals", common.upper().replace("I", "İ"), frequency[common]),
        ("two words", f"{common} {rare}", None),
        ("odd input", f'"{common} OR {rare}* NEAR( :*', None),
    ]
    timings = []
    for label, query, documents in queries:
        print(f"timing {label}: {query}", file=sys.stderr, flush=True)
        timings.append(measure(turkish_site, "tr", label, query, documents, options.runs))
    ceiling = ceilings(options.runs)
    entries = SearchEntry.objects.count()
    return report(timings, ceiling, options, database, entries, load_seconds), database


def interrupt(signum, frame):
    raise KeyboardInterrupt


def main() -> int:
    options = parse_args()
    for signum in (signal.SIGINT, signal.SIGTERM):
        signal.signal(signum, interrupt)
    var_dir = Path(tempfile.mkdtemp(prefix="municipium-bench-search-"))
    database_url, database_name = "", ""
    try:
        if options.database_url:
            database_url, database_name = postgres_create(options.database_url)
        section, database = run(options, var_dir, database_url)
        write_report(section, database, options.output)
        print(section)
        return 0
    except KeyboardInterrupt:
        print("\nInterrupted: temporary files and database removed.", file=sys.stderr)
        return 130
    finally:
        if "django" in sys.modules:
            from django.db import connections

            connections.close_all()
        if database_name:
            with contextlib.suppress(Exception):
                postgres_drop(options.database_url, database_name)
        shutil.rmtree(var_dir, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
