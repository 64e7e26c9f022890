"""The foundation benchmark: the production server under wrk, and the queries of each page.

Builds the five-site demo in a temporary directory, serves it with ``municipium serve``
(gunicorn's sync workers and WhiteNoise), drives each URL with wrk over loopback, counts the
queries of each home page in-process, and writes bench/results/foundation.md. See
bench/README.md for how to read the table.

    .venv/bin/python bench/foundation.py [--workers 2] [--duration 5] [--rounds 2] [--help]
"""

import argparse
import datetime
import json
import os
import shutil
import signal
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from harness import (
    OTHER_LOAD_LIMIT,
    ROOT,
    Result,
    Target,
    best,
    build_demo,
    cpu_model,
    disturbed,
    run_rounds,
    snapshot_code,
    versions,
)

RESULTS_FILE = ROOT / "bench" / "results" / "foundation.md"
DEMO_HOST = "bornova.localhost"  # the site of the ceiling, the static file and the growth test
STATIC_FILE = "core/css/main.css"
CACHED_TARGET = 0.90  # a cached page at this share of the ceiling or more
EXTRA_ARTICLES = 200


@dataclass(frozen=True)
class QueryCount:
    """The queries of one request; for an uncached page also of the first request after the
    cache was emptied (the tenant snapshot is built too)."""

    warm: int
    cold: int | None = None

    def __str__(self) -> str:
        return str(self.warm) if self.cold is None else f"{self.warm} (cold {self.cold})"


@dataclass(frozen=True)
class Session:
    """What the report says about the run as a whole."""

    options: argparse.Namespace
    started: float  # time.monotonic()
    load_at_start: float
    code: str = ""


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--workers", type=int, default=2, help="gunicorn workers (default 2)")
    parser.add_argument("--duration", type=int, default=5, help="seconds of wrk per URL")
    parser.add_argument("--warmup", type=int, default=1, help="seconds of wrk before each URL")
    parser.add_argument("--threads", type=int, default=1, help="wrk threads")
    parser.add_argument("--connections", type=int, default=4, help="wrk connections")
    parser.add_argument(
        "--rounds", type=int, default=2, help="runs of every URL; a row shows its best run"
    )
    parser.add_argument(
        "--quiet-wait",
        type=float,
        default=60,
        help="seconds to wait at most in all (10 before a run) for other processes to leave "
        "the CPU",
    )
    parser.add_argument("--output", type=Path, default=RESULTS_FILE)
    return parser.parse_args()


# -- What is measured ------------------------------------------------------------------------------


def setup_django() -> None:
    import django

    django.setup()


def demo_sites() -> list[tuple[str, str]]:
    """Each demo site's host and default language, in the order the demo made them."""
    from municipium.tenancy.models import Municipality

    municipalities = Municipality.objects.select_related("site").order_by("site__pk")
    return [(m.site.hostname, m.default_language) for m in municipalities]


def static_url(var_dir: Path, name: str) -> str:
    manifest = json.loads((var_dir / "static" / "staticfiles.json").read_text())
    return "/static/" + manifest["paths"][name]


def bench_targets(sites, var_dir: Path) -> list[Target]:
    ceiling = Target("ceiling: /_ceiling", DEMO_HOST, "/_ceiling")
    targets = [ceiling]
    for host, language in sites:
        home = f"/{language}/"
        targets.append(Target(f"{host} {home} cached", host, home, {}, "hit"))
        fresh = {"Cache-Control": "no-cache"}
        targets.append(Target(f"{host} {home} uncached", host, home, fresh, "fresh"))
    targets += inner_page_targets(dict(sites)[DEMO_HOST])
    static = static_url(var_dir, STATIC_FILE)
    targets.append(Target(f"static: {STATIC_FILE} (WhiteNoise)", DEMO_HOST, static))
    return targets


def inner_page_targets(language: str) -> list[Target]:
    """The news listing, its newest article and the first directorate of the demo site,
    uncached: the pages besides the home page that readers reach most."""
    from municipium.directory.models import DirectoratePage

    index = news_index_at(DEMO_HOST, language)
    article = index.get_children().live().specific().order_by("-newsarticlepage__date").first()
    home = index.get_parent()
    directorate = DirectoratePage.objects.live().descendant_of(home).order_by("path").first()
    fresh = {"Cache-Control": "no-cache"}
    return [
        Target(f"{DEMO_HOST} {path} uncached", DEMO_HOST, path, fresh, "fresh")
        for path in (_path_of(index), _path_of(article), _path_of(directorate))
    ]


def _path_of(page) -> str:
    return page.get_url_parts()[2]


# -- Queries, in-process ---------------------------------------------------------------------------


def queries_of(client, target: Target) -> tuple[int, str]:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as captured:
        response = client.get(target.path, headers={"Host": target.host, **target.headers})
    if response.status_code != 200:
        raise SystemExit(f"{target.label}: status {response.status_code} in-process")
    return len(captured), response.get("X-Page-Cache", "")


def count_queries(target: Target) -> QueryCount:
    """Queries of one request as a warmed-up worker makes them."""
    from django.core.cache import cache
    from django.test import Client

    client = Client()
    fresh = Target(target.label, target.host, target.path, {"Cache-Control": "no-cache"})
    plain = Target(target.label, target.host, target.path, {})
    # This process's own caches (content types...) are now warm; a plain request also stores
    # the page (a fresh one, asked with no-cache, never does).
    queries_of(client, plain if target.expect_cache == "hit" else fresh)
    if target.expect_cache != "fresh":
        count, state = queries_of(client, target)
        if state != target.expect_cache:
            raise SystemExit(f"{target.label}: X-Page-Cache {state or 'absent'} in-process")
        return QueryCount(count)
    cache.clear()
    cold, _state = queries_of(client, fresh)
    warm, _state = queries_of(client, fresh)
    return QueryCount(warm, cold)


def news_index_at(host: str, language: str):
    """The news index page that ``host`` serves in ``language`` (its address is in the site's
    language: ``/tr/haberler/``)."""
    from wagtail.models import Site

    from municipium.news.models import NewsIndexPage

    site = Site.objects.get(hostname=host)
    for index in NewsIndexPage.objects.live().filter(locale__language_code=language):
        parts = index.get_url_parts()
        if parts and parts[0] == site.pk:
            return index
    raise SystemExit(f"no news index at {host} in {language}")


def add_articles(host: str, language: str, count: int) -> int:
    """``count`` more articles under the site's news index; returns how many it now holds."""
    from municipium.news.models import NewsArticlePage

    index = news_index_at(host, language)
    for number in range(1, count + 1):
        article = NewsArticlePage(
            title=f"Bench article {number}",
            slug=f"bench-article-{number}",
            lead="An article added by the benchmark to show that the home page's queries stay.",
            locale=index.locale,
        )
        index.add_child(instance=article)
    return index.get_children().count()


def growth_check(language: str) -> dict:
    home = Target("growth", DEMO_HOST, f"/{language}/", {"Cache-Control": "no-cache"}, "fresh")
    before = count_queries(home)
    articles = add_articles(DEMO_HOST, language, EXTRA_ARTICLES)
    after = count_queries(home)
    return {"path": home.path, "before": before, "after": after, "articles": articles}


# -- The report ------------------------------------------------------------------------------------


def header(session: Session) -> list[str]:
    options = session.options
    now = datetime.datetime.now().astimezone().strftime("%Y-%m-%d %H:%M %Z")
    return [
        "# Foundation benchmark",
        "",
        f"- Date: {now}",
        f"- Machine: {os.cpu_count()} cores ({cpu_model()}); load average (1 min) "
        f"{session.load_at_start:.2f} at the start, {os.getloadavg()[0]:.2f} at the end",
        f"- Software: {versions()}, SQLite, file-based cache",
        f"- Code: {session.code}, copied at the start of the run",
        f"- Server: `municipium serve --workers {options.workers}` (gunicorn sync + WhiteNoise)",
        f"- wrk: `-t{options.threads} -c{options.connections} -d{options.duration}s --latency` "
        f"over loopback, after a {options.warmup} s warm-up per URL",
        "",
    ]


def table(results: list[Result], ceiling: float) -> list[str]:
    lines = [
        "| what | requests/s | ratio to ceiling | p50 ms | p99 ms | queries |",
        "|---|---:|---:|---:|---:|---:|",
    ]
    for r in results:
        lines.append(
            f"| {r.target.label} | {r.requests_per_second:,.0f} "
            f"| {r.requests_per_second / ceiling:.2f} | {r.p50_ms:.1f} | {r.p99_ms:.1f} "
            f"| {r.queries} |"
        )
    return [*lines, ""]


def verdicts(results: list[Result], ceiling: float, growth: dict) -> list[str]:
    return [
        "## Targets",
        "",
        *disturbance_warning(results),
        cached_verdict(results, ceiling),
        growth_verdict(growth),
        "",
    ]


def cached_verdict(results: list[Result], ceiling: float) -> str:
    cached = [r for r in results if r.target.expect_cache == "hit"]
    ratios = {r.target.label: r.requests_per_second / ceiling for r in cached}
    below = {label: ratio for label, ratio in ratios.items() if ratio < CACHED_TARGET}
    verdict = "NOT met" if below else "met"
    if any(disturbed(r) for r in [results[0], *cached]):
        verdict += " (but unreliable: see above)"
    detail = f"{len(ratios) - len(below)} of {len(ratios)} sites at {CACHED_TARGET:.2f} or more"
    if below:
        detail += "; below: " + ", ".join(f"{label} {r:.3f}" for label, r in below.items())
    target = f"A cached page at {CACHED_TARGET:.2f} of the ceiling or more"
    return f"- {target}: **{verdict}**: {detail}."


def growth_verdict(growth: dict) -> str:
    before, after = growth["before"], growth["after"]
    verdict = "met" if before.warm == after.warm else "NOT met"
    return (
        f"- An uncached home page whose queries do not grow with the content: **{verdict}**: "
        f"{DEMO_HOST} {growth['path']} made {before.warm} queries with the demo's news and "
        f"{after.warm} with {EXTRA_ARTICLES} more articles ({growth['articles']} under its "
        f"news index); cold, {before.cold} and {after.cold}."
    )


def disturbance_warning(results: list[Result]) -> list[str]:
    spoilt = [r for r in results if disturbed(r)]
    if not spoilt:
        return [
            f"Other processes used at most {max(r.other_cores for r in results):.2f} cores "
            "during the runs shown: the machine was quiet.",
            "",
        ]
    worst = max(spoilt, key=lambda r: r.other_cores)
    return [
        f"**Unreliable run:** other processes used more than {OTHER_LOAD_LIMIT} cores during "
        f"{len(spoilt)} of the {len(results)} rows' kept runs (up to "
        f"{worst.other_cores:.2f} cores of {os.cpu_count()}, {worst.target.label}): they "
        "took CPU from the server and wrk, so these rows understate. Run again on an idle "
        "machine.",
        "",
    ]


def notes(results: list[Result], ceiling_runs: list[Result], rounds: int) -> list[str]:
    lines = [
        "## Notes",
        "",
        f"- Each row is the fastest of the {rounds} runs of its URL (one per round), with that "
        "run's latencies: other processes and worker restarts only ever slow a run down. "
        "Ratio to ceiling is its requests/s over the ceiling row's. The ceiling's runs: "
        + ", ".join(
            f"{r.requests_per_second:,.0f}/s (other load {r.other_cores:.2f})" for r in ceiling_runs
        )
        + ".",
        "- Queries: of one request, in-process with the test client after a first one; for an "
        "uncached page with the tenant snapshot cached, then (cold) with an empty cache.",
        "- Other load, in cores, during each row's run (CPU time of the machine less that of "
        "the server, wrk and this script): "
        + ", ".join(f"{r.target.label} {r.other_cores:.2f}" for r in results)
        + ".",
    ]
    restarts = [f"{r.target.label} {r.restarts}" for r in results if r.restarts]
    if restarts:
        lines.append(
            "- gunicorn workers restarted (`--max-requests`) during: " + "; ".join(restarts) + "."
        )
    lines += [f"- wrk reported for {r.target.label}: {r.errors}." for r in results if r.errors]
    return [*lines, ""]


def report(session: Session, results, ceiling_runs, growth) -> str:
    ceiling = results[0].requests_per_second
    lines = header(session) + table(results, ceiling) + verdicts(results, ceiling, growth)
    lines += notes(results, ceiling_runs, session.options.rounds)
    lines.append(f"Total time: {time.monotonic() - session.started:.0f} s.")
    return "\n".join(lines) + "\n"


def write_report(text: str, path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text)
    print("\n" + text + f"Written to {path}")


# -- Main ------------------------------------------------------------------------------------------


def interrupt(signum, frame):
    raise KeyboardInterrupt


def benchmark(options: argparse.Namespace, var_dir: Path) -> str:
    """The whole run, in ``var_dir``; returns the report."""
    session = Session(options, time.monotonic(), os.getloadavg()[0], snapshot_code(var_dir))
    build_demo(var_dir)
    setup_django()
    sites = demo_sites()
    runs = run_rounds(var_dir, bench_targets(sites, var_dir), options)
    results = [best(target_runs) for target_runs in runs]
    print("Counting queries in-process...", flush=True)
    for result in results:
        result.queries = count_queries(result.target)
    growth = growth_check(dict(sites)[DEMO_HOST])
    return report(session, results, runs[0], growth)


def main() -> int:
    options = parse_args()
    for signum in (signal.SIGINT, signal.SIGTERM):  # even where the shell ignores SIGINT
        signal.signal(signum, interrupt)
    var_dir = Path(tempfile.mkdtemp(prefix="municipium-bench-"))
    try:
        write_report(benchmark(options, var_dir), options.output)
        return 0
    except KeyboardInterrupt:
        print("\nInterrupted: server stopped, temporary directory removed.", file=sys.stderr)
        return 130
    finally:
        close_database()
        shutil.rmtree(var_dir, ignore_errors=True)


def close_database() -> None:
    if "django" in sys.modules:
        from django.db import connections

        connections.close_all()


if __name__ == "__main__":
    sys.exit(main())
