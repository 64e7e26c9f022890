"""Registration under load: 32 residents registering at once through gunicorn, with 50,000
events and 200,000 registrations in the database.

Makes one municipality (Turkish and English, a programme page, a culture unit) in a temporary
SQLite file or a new database on a PostgreSQL server, bulk-inserts ``--events`` events (one
date each, ten places) and ``--registrations`` registrations spread over them, then serves it
with ``municipium serve`` and runs ``--clients`` threads, each registering ``--each`` times
for one of ``--hot`` events (GET the form for its CSRF token, POST it, follow nothing): many
more people than places, so most go to the waiting list, under the slot's lock. Reports
errors, p50/p95 of the POST, the same for ``/healthz`` at the same concurrency (the ceiling:
what the server costs for next to nothing) and the ratio, and checks that no event ended with
more confirmed registrations than places.

    .venv/bin/python bench/registration.py [--database-url postgres://...] [--clients 32]
"""

import argparse
import datetime
import http.client
import random
import re
import sys
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import harness
from harness import (
    add_database_option,
    free_port,
    loadavg,
    percentile,
    scratch,
    setup_django,
    start_server,
    stop_server,
    wait_healthy,
)

BATCH = 10_000
CAPACITY = 10
HOST = "bench.localhost"
harness.HEALTH_HOST = HOST  # /healthz answers on a known site only
CSRF = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=50_000)
    parser.add_argument("--registrations", type=int, default=200_000)
    parser.add_argument("--clients", type=int, default=32)
    parser.add_argument("--each", type=int, default=20, help="registrations per client")
    parser.add_argument("--hot", type=int, default=20, help="events registered for")
    parser.add_argument("--workers", type=int, default=4)
    add_database_option(parser)
    return parser.parse_args()


def world():
    from municipium.events.tests.registration_world import culture_unit, programme_pages
    from municipium.tenancy.tests.factories import MunicipalityFactory

    municipality = MunicipalityFactory(slug="bench", languages=["tr", "en"])
    programme_pages(municipality)
    return municipality, culture_unit(municipality)


def insert(municipality, unit, events: int, registrations: int) -> float:
    """Bulk-insert the events (a date and a Turkish text each) and the registrations."""
    from django.utils import timezone

    from municipium.culture.tests.factories import event_type
    from municipium.events.models import (
        Event,
        EventRegistration,
        EventText,
        Occurrence,
        registration_code,
    )

    started = time.perf_counter()
    workshop = event_type("workshop")
    now = timezone.now()
    rng = random.Random(11)
    made = 0
    while made < events:
        count = min(BATCH, events - made)
        batch = []
        for number in range(made, made + count):
            starts = now + datetime.timedelta(days=1 + number % 300, hours=number % 9)
            batch.append(
                Event(
                    municipality=municipality, unit=unit, event_type=workshop,
                    time_zone=municipality.time_zone, starts_at=starts,
                    ends_at=starts + datetime.timedelta(hours=2), is_published=True,
                    registration="occurrence", capacity=CAPACITY,
                )
            )  # fmt: skip
        created = Event.objects.bulk_create(batch)
        EventText.objects.bulk_create(
            EventText(event=e, language="tr", title=f"Atölye {e.pk}", slug=f"atolye-{e.pk}")
            for e in created
        )
        Occurrence.objects.bulk_create(
            Occurrence(event=e, municipality=municipality, starts_at=e.starts_at, ends_at=e.ends_at)
            for e in created
        )
        made += count
    occurrences = list(
        Occurrence.objects.filter(municipality=municipality).values_list("pk", "event_id")
    )
    per_slot: dict[int, int] = {}
    made = 0
    while made < registrations:
        count = min(BATCH, registrations - made)
        batch = []
        for number in range(made, made + count):
            occurrence_id, event_id = rng.choice(occurrences)
            position = per_slot.get(occurrence_id, 0) + 1
            per_slot[occurrence_id] = position
            batch.append(
                EventRegistration(
                    event_id=event_id, occurrence_id=occurrence_id, municipality=municipality,
                    status="confirmed" if position <= CAPACITY else "waiting",
                    position=position if position <= CAPACITY else position - CAPACITY,
                    name=f"Kişi {number}", email=f"kisi{number}@example.org",
                    code=registration_code(), token_hash=f"{number:064d}", language="tr",
                )
            )  # fmt: skip
        EventRegistration.objects.bulk_create(batch, ignore_conflicts=True)
        made += count
    return time.perf_counter() - started


def hot_events(count: int):
    """Events with no registration yet, to be fought over."""
    from municipium.events.models import Event

    return list(
        Event.objects.filter(registrations__isnull=True)
        .order_by("pk")
        .values_list("pk", "occurrences__pk")[:count]
    )


def client(port: int, events, each: int, number: int, timings: list, errors: list) -> None:
    rng = random.Random(number)
    for attempt in range(each):
        event_id, occurrence_id = rng.choice(events)
        path = f"/tr/etkinlikler/{event_id}/atolye-{event_id}/register/"
        try:
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
            connection.request("GET", path, headers={"Host": f"{HOST}:{port}"})
            form = connection.getresponse()
            body = form.read().decode()
            cookie = form.getheader("Set-Cookie", "").split(";")[0]
            token = CSRF.search(body).group(1)
            data = (
                f"csrfmiddlewaretoken={token}&occurrence={occurrence_id}"
                f"&name=K{number}-{attempt}&email=k{number}-{attempt}%40example.org&website="
            )
            headers = {
                "Host": f"{HOST}:{port}",
                "Cookie": cookie,
                "Content-Type": "application/x-www-form-urlencoded",
                "Origin": f"http://{HOST}:{port}",
                "Referer": f"http://{HOST}:{port}{path}",
            }
            started = time.perf_counter()
            connection.request("POST", path, body=data, headers=headers)
            response = connection.getresponse()
            response.read()
            timings.append((time.perf_counter() - started) * 1000)
            if response.status != 302:
                errors.append(f"status {response.status}")
            connection.close()
        except Exception as error:  # counted, not fatal: the report says how many
            errors.append(type(error).__name__)


def health(port: int, each: int, timings: list, errors: list) -> None:
    for _ in range(each):
        started = time.perf_counter()
        try:
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
            connection.request("GET", "/healthz", headers={"Host": f"{HOST}:{port}"})
            response = connection.getresponse()
            response.read()
            if response.status != 200:
                errors.append(f"status {response.status}")
        except Exception as error:
            errors.append(type(error).__name__)
        timings.append((time.perf_counter() - started) * 1000)


def together(workers) -> float:
    threads = [threading.Thread(target=work) for work in workers]
    started = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return time.perf_counter() - started


def over_capacity() -> int:
    """Dates that ended with more confirmed registrations than places: must be none."""
    from django.db.models import Count, F, Q

    from municipium.events.models import Occurrence

    return (
        Occurrence.objects.annotate(
            taken=Count(
                "registrations", filter=Q(registrations__status__in=["confirmed", "attended"])
            )
        )
        .filter(taken__gt=F("event__capacity"))
        .count()
    )


def run(options, var_dir: Path, database_url: str) -> str:
    # One address, the bench's, registers for everyone.
    setup_django(
        var_dir, database_url, collectstatic=True,
        MUNICIPIUM_REGISTRATION_RATE_LIMIT="100000000",
    )  # fmt: skip
    from django.db import connection

    municipality, unit = world()
    seconds = insert(municipality, unit, options.events, options.registrations)
    from municipium.events.models import EventRegistration

    stored = EventRegistration.objects.count()
    events = hot_events(options.hot)
    connection.close()
    port = free_port()
    server = start_server(port, options.workers, var_dir / "server.log")
    try:
        try:
            wait_healthy(port, server, timeout=180)
        except SystemExit:
            print((var_dir / "server.log").read_text()[-3000:])
            raise
        load_before = loadavg()
        ceiling, ceiling_errors = [], []
        together(
            [
                lambda: health(port, options.each, ceiling, ceiling_errors)
                for _ in range(options.clients)
            ]
        )
        timings, errors = [], []
        elapsed = together(
            [
                lambda n=n: client(port, events, options.each, n, timings, errors)
                for n in range(options.clients)
            ]
        )
    finally:
        stop_server(server)
    from municipium.events.models import Occurrence  # noqa: F401

    new = EventRegistration.objects.filter(occurrence__event_id__in=[e for e, _o in events])
    confirmed = new.filter(status="confirmed").count()
    waiting = new.filter(status="waiting").count()
    broken = over_capacity()
    p50, p95 = percentile(timings, 0.5), percentile(timings, 0.95)
    c50, c95 = percentile(ceiling, 0.5), percentile(ceiling, 0.95)
    vendor = connection.vendor
    load_after = loadavg()
    return "\n".join(
        [
            f"### {vendor}",
            "",
            f"{options.events:,} events and {stored:,} registrations inserted in {seconds:.0f} s; "
            f"{options.clients} clients × {options.each} registrations for {len(events)} events "
            f"of {CAPACITY} places, {options.workers} gunicorn workers.",
            "",
            f"`/proc/loadavg` before the clients: {load_before}; after: {load_after}.",
            "",
            "| what | requests | errors | p50 ms | p95 ms | per second | p50 / ceiling |",
            "|---|---:|---:|---:|---:|---:|---:|",
            f"| register (POST) | {len(timings)} | {len(errors)} | {p50:.1f} | {p95:.1f} | "
            f"{len(timings) / elapsed:.1f} | {p50 / c50:.1f}× |",
            f"| ceiling: /healthz | {len(ceiling)} | {len(ceiling_errors)} | {c50:.1f} | "
            f"{c95:.1f} | | 1× |",
            "",
            f"Confirmed {confirmed} (at most {len(events) * CAPACITY}), waiting {waiting}; "
            f"dates over capacity in the whole database: **{broken}**. "
            f"Errors: {sorted(set(errors))[:5] or 'none'}.",
            "",
        ]
    )


def main() -> int:
    options = parse_args()
    with scratch("registration", options.database_url) as (var_dir, database_url):
        print(run(options, var_dir, database_url))
    return 0


if __name__ == "__main__":
    sys.exit(main())
