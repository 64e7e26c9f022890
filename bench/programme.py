"""The programme at 50,000 events: the programme page, an event's page, the month calendar and
the iCalendar feed, uncached and cached, through Django's test client.

Makes three municipalities (Turkish, Persian with the Solar Hijri calendar, Polish) with a
programme page in each language, bulk-inserts ``--events`` published events spread over them
(a text per language, a venue, a type, an audience and ages, a quarter of them weekly with four
dates, the rest one date) over ``--months`` months around today, then times each page
``--runs`` times in-process: uncached (``Cache-Control: no-cache``: routed, queried, rendered,
not stored) and cached (from the page cache). The ceiling is core's ``/_ceiling`` view on the
same host through the same middleware (``core.views.ceiling``), timed the same way in the same
run: each p50 is also given as a multiple of it. Prints the query plan of the list's page and a
Markdown table. The 200,000 registrations are the registration part's benchmark.

    .venv/bin/python bench/programme.py [--events 50000] [--runs 30] [--database-url postgres://...]
"""

import argparse
import datetime
import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from desk import analyse, timed
from harness import add_database_option, scratch, setup_django

BATCH = 5_000
SITES = [
    # slug, languages, country, calendar, time zone, share of the events
    ("bornova", ["tr", "en"], "TR", "gregorian", "Europe/Istanbul", 0.6),
    ("bumehen", ["fa", "en"], "IR", "solar_hijri", "Asia/Tehran", 0.2),
    ("rudziniec", ["pl", "en"], "PL", "gregorian", "Europe/Warsaw", 0.2),
]
TYPES = ["talk", "concert", "workshop", "course", "festival", "show", "exhibition_opening"]
AUDIENCES = ["everyone", "children", "youth", "adults", "families"]


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=50_000)
    parser.add_argument("--months", type=int, default=12, help="the events' spread (default 12)")
    parser.add_argument("--runs", type=int, default=30)
    add_database_option(parser)
    return parser.parse_args()


def world():
    from municipium.events.tests.programme_world import Programme
    from municipium.tenancy.tests.factories import MunicipalityFactory

    sites = []
    for slug, languages, country, calendar, zone, share in SITES:
        municipality = MunicipalityFactory(
            slug=slug, languages=languages, country=country, calendar=calendar, time_zone=zone
        )
        programme = Programme(municipality)
        programme.venues = [programme.hall, programme.park]
        sites.append((programme, share))
    return sites


def insert(sites, count: int, months: int) -> float:
    """``count`` events with their texts and dates, by bulk_create in batches."""
    from django.utils import timezone

    from municipium.culture.models import EventType
    from municipium.events.models import Event, EventText, Occurrence

    random.seed(20261202)
    types = {t.code: t for t in EventType.objects.filter(code__in=TYPES)}
    started = time.perf_counter()
    now = timezone.now().replace(minute=0, second=0, microsecond=0)
    span = months * 30 * 24
    for programme, share in sites:
        municipality = programme.municipality
        wanted = int(count * share)
        made = 0
        while made < wanted:
            size = min(BATCH, wanted - made)
            events = []
            for _n in range(size):
                starts = now + datetime.timedelta(hours=random.randint(-span // 2, span // 2))
                audience = random.choice(AUDIENCES)
                low = random.choice([None, 6, 10, 14]) if audience == "children" else None
                events.append(
                    Event(
                        municipality=municipality,
                        event_type=types[random.choice(TYPES)],
                        unit=programme.culture,
                        venue=random.choice(programme.venues),
                        audience=audience,
                        age_min=low,
                        age_max=low + 4 if low is not None else None,
                        time_zone=municipality.time_zone,
                        starts_at=starts,
                        ends_at=starts + datetime.timedelta(hours=2),
                        recurrence="FREQ=WEEKLY;COUNT=4" if random.random() < 0.25 else "",
                        is_published=random.random() < 0.95,
                        is_free=random.random() < 0.7,
                    )
                )
            events = Event.objects.bulk_create(events)
            texts, dates = [], []
            for event in events:
                for language in municipality.languages:
                    texts.append(
                        EventText(
                            event=event,
                            language=language,
                            title=f"{event.event_type.code} {event.pk} ({language})",
                            slug=f"event-{event.pk}",
                            summary="A generated event of the benchmark. " * 3,
                        )
                    )
                weeks = 4 if event.recurrence else 1
                for week in range(weeks):
                    start = event.starts_at + datetime.timedelta(weeks=week)
                    dates.append(
                        Occurrence(
                            event=event,
                            municipality=municipality,
                            starts_at=start,
                            ends_at=start + datetime.timedelta(hours=2),
                            original_start=start if event.recurrence else None,
                        )
                    )
            EventText.objects.bulk_create(texts)
            Occurrence.objects.bulk_create(dates)
            made += size
            print(f"{municipality.slug}: {made:,} events", file=sys.stderr, flush=True)
    return time.perf_counter() - started


def run(options, var_dir: Path, database_url: str) -> str:
    setup_django(var_dir, database_url, collectstatic=True)
    from django.conf import settings

    settings.ALLOWED_HOSTS = ["*"]
    from django.db import connection
    from django.test import Client
    from django.utils import timezone

    from municipium.events import public
    from municipium.events.models import Event, Occurrence

    sites = world()
    seconds = insert(sites, options.events, options.months)
    analyse()
    client = Client()
    rows = []
    ceiling = None
    for programme, _share in sites:
        municipality = programme.municipality
        language = municipality.languages[0]
        host = programme.host
        soon = (
            Occurrence.objects.filter(
                municipality=municipality, event__is_published=True, starts_at__gte=timezone.now()
            )
            .order_by("starts_at")
            .first()
        )
        event = Event.objects.get(pk=soon.event_id)
        targets = [
            ("programme page", programme.url(language)),
            ("programme, filtered (workshop, children, age 8)",
             programme.url(language) + "?event_type=workshop&audience=children&age=8"),
            ("event page", programme.event_url(event, language)),
            ("month calendar", programme.url(language, "calendar/")),
            ("feed.ics (upcoming, at most 1,000 dates)", programme.url(language, "feed.ics")),
        ]  # fmt: skip

        def get(path, fresh, host=host):
            headers = {"HTTP_CACHE_CONTROL": "no-cache"} if fresh else {}
            response = client.get(path, HTTP_HOST=host, **headers)
            assert response.status_code == 200, (path, response.status_code)
            return response

        if ceiling is None:
            ceiling = timed(lambda: get("/_ceiling", False), options.runs * 3)
            rows.append(("–", "ceiling (/_ceiling)", ceiling))
        for label, path in targets:
            rows.append(
                (
                    municipality.slug,
                    f"{label}, uncached",
                    timed(lambda p=path: get(p, True), options.runs),
                )
            )
            get(path, False)
            assert get(path, False)["X-Page-Cache"] == "hit", path
            cached = timed(lambda p=path: get(p, False), options.runs)
            rows.append((municipality.slug, f"{label}, cached", cached))
    first = sites[0][0].municipality
    plan = public.occurrence_list_upcoming(municipality=first, language="tr", now=timezone.now())[
        :20
    ].explain()
    with open("/proc/loadavg") as loadavg:
        load = loadavg.read().strip()
    lines = [
        f"### {connection.vendor}: {options.events:,} events over {options.months} months, "
        f"{Occurrence.objects.count():,} dates, {len(sites)} municipalities",
        "",
        f"Bulk insert: {seconds:.0f} s. Runs: {options.runs} each (the ceiling 3×), warm, "
        f"through Django's test client in one process. `cat /proc/loadavg` at the end: `{load}`.",
        "",
        "| site | what | p50 ms | p95 ms | p50 ÷ ceiling |",
        "| --- | --- | ---: | ---: | ---: |",
    ]
    for site, label, (p50, p95) in rows:
        lines.append(f"| {site} | {label} | {p50:.1f} | {p95:.1f} | {p50 / ceiling[0]:.1f} |")
    lines += [
        "",
        "Plan of the programme page's query (bornova, first 20):",
        "",
        "```",
        plan,
        "```",
        "",
    ]
    return "\n".join(lines)


def main() -> int:
    options = parse_args()
    with scratch("programme", options.database_url) as (var_dir, database_url):
        print(run(options, var_dir, database_url))
    return 0


if __name__ == "__main__":
    sys.exit(main())
