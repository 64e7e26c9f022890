"""The cluster benchmark: the foundation's pages through nginx in front of app servers on one
PostgreSQL and one Redis (municipium.cluster), beside one app server alone, each as a ratio to
a ceiling (``/_ceiling``, a trivial view through the whole middleware stack) measured in the
same configuration and the same run; then the throughput of one, two and three app servers.

    .venv/bin/python bench/cluster.py [--duration 5] [--servers 3] [--web-concurrency 2]

Writes bench/results/cluster.md. Every part is started and stopped here (ports 55300-55400).
"""

import argparse
import datetime
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

from harness import ROOT, Target, cpu_model, parse_wrk, versions, wrk

sys.path.insert(0, str(ROOT))
from municipium.cluster import Cluster

RESULTS_FILE = ROOT / "bench" / "results" / "cluster.md"
HOST = "bornova.localhost"
FRESH = {"Cache-Control": "no-cache"}


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--duration", type=int, default=5, help="seconds of wrk per row")
    parser.add_argument("--warmup", type=int, default=1, help="seconds of wrk before each row")
    parser.add_argument("--threads", type=int, default=1, help="wrk threads")
    parser.add_argument("--connections", type=int, default=8, help="wrk connections")
    parser.add_argument("--servers", type=int, default=3, help="app servers at most")
    parser.add_argument("--web-concurrency", type=int, default=2, help="gunicorn workers each")
    parser.add_argument("--base-port", type=int, default=55300)
    parser.add_argument("--output", type=Path, default=RESULTS_FILE)
    return parser.parse_args()


def targets(cluster: Cluster) -> list[Target]:
    article = (
        cluster.manage(
            "shell",
            "-c",
            "from municipium.news.models import NewsArticlePage\n"
            "from wagtail.models import Site\n"
            "site = Site.objects.get(hostname='bornova.localhost')\n"
            "page = NewsArticlePage.objects.live().descendant_of(site.root_page).latest('pk')\n"
            "print(page.relative_url(site))",
        )
        .strip()
        .splitlines()[-1]
    )  # after the shell's own line about its imports
    return [
        Target("ceiling: /_ceiling", HOST, "/_ceiling"),
        Target("home /tr/ cached", HOST, "/tr/", {}, "hit"),
        Target("home /tr/ uncached", HOST, "/tr/", FRESH, "fresh"),
        Target("newest article cached", HOST, article, {}, "hit"),
        Target("newest article uncached", HOST, article, FRESH, "fresh"),
    ]


def measure(port: int, target: Target, options) -> tuple[float, float, float, str]:
    wrk(port, target, options.warmup, options)
    return parse_wrk(wrk(port, target, options.duration, options))


def section(title: str, port: int, rows: list[Target], options) -> list[str]:
    print(title, flush=True)
    measured = []
    for target in rows:
        rps, p50, p99, errors = measure(port, target, options)
        print(f"  {target.label:32} {rps:7.0f}/s  p50 {p50:6.1f} ms  p99 {p99:7.1f} ms", flush=True)
        measured.append((target, rps, p50, p99, errors))
    ceiling = measured[0][1]
    lines = [
        "",
        f"### {title}",
        "",
        "| what | requests/s | ratio to ceiling | p50 ms | p99 ms | errors |",
        "| --- | ---: | ---: | ---: | ---: | --- |",
    ]
    for target, rps, p50, p99, errors in measured:
        lines.append(
            f"| {target.label} | {rps:,.0f} | {rps / ceiling:.2f} | {p50:.1f} | {p99:.1f} "
            f"| {errors or '–'} |"
        )
    return lines


def main() -> int:
    options = parse_args()
    directory = Path(tempfile.mkdtemp(prefix="municipium-bench-cluster-"))
    cluster = Cluster(
        directory=directory,
        servers=options.servers,
        web_concurrency=options.web_concurrency,
        base_port=options.base_port,
    )
    started = time.monotonic()
    load = os.getloadavg()[0]
    try:
        cluster.start()
        rows = targets(cluster)
        lines = [
            f"# Cluster benchmark, {datetime.date.today().isoformat()}",
            "",
            f"- machine: {os.cpu_count()} cores ({cpu_model()}), load average {load:.1f} "
            "at the start",
            f"- {versions()}",
            f"- wrk `-t{options.threads} -c{options.connections} -d{options.duration}s` "
            f"after {options.warmup} s of warm-up; gunicorn sync, {options.web_concurrency} "
            "workers per app server; PostgreSQL and Redis on the same machine",
        ]
        lines += section(
            "One app server alone (gunicorn, no nginx)", cluster.server_port(0), rows, options
        )
        cluster.nginx_upstreams(2)
        lines += section("nginx, two app servers", cluster.nginx_port, rows, options)
        scaling = []
        uncached = rows[2]
        for count in range(1, options.servers + 1):
            cluster.nginx_upstreams(count)
            ceiling = measure(cluster.nginx_port, rows[0], options)[0]
            rps = measure(cluster.nginx_port, uncached, options)[0]
            print(f"  {count} server(s): ceiling {ceiling:.0f}/s, uncached home {rps:.0f}/s")
            scaling.append((count, ceiling, rps))
        lines += [
            "",
            "### Throughput by app servers (nginx in front)",
            "",
            "| app servers | gunicorn workers | ceiling requests/s | uncached home requests/s |",
            "| ---: | ---: | ---: | ---: |",
        ]
        for count, ceiling, rps in scaling:
            workers = count * options.web_concurrency
            lines.append(f"| {count} | {workers} | {ceiling:,.0f} | {rps:,.0f} |")
        lines += ["", f"Run took {time.monotonic() - started:.0f} s.", ""]
        options.output.parent.mkdir(parents=True, exist_ok=True)
        options.output.write_text("\n".join(lines))
        print(f"Wrote {options.output}")
        return 0
    finally:
        cluster.stop()
        shutil.rmtree(directory, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
