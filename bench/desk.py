"""The requests desk at a million cases: the board's figures and a filtered list's first page.

Makes one municipality (a tree of units, categories, a director who sees every unit) in a
temporary SQLite database or a new database on a PostgreSQL server, bulk-inserts ``--cases``
citizen requests spread over the last ``--months`` months with plausible statuses and times,
then times in-process, ``--runs`` times each: ``board_figures`` (what the board view computes)
and the first page of 50 of a list filtered by status, unit and category, with its count (what
a paginated admin list asks). The ceiling is the same machine's time, in the same run, for a
trivial query (one case by primary key): each p50 is also given as a multiple of it. Prints
the EXPLAIN of the list's query and a Markdown table.

    .venv/bin/python bench/desk.py [--cases 1000000] [--runs 30] [--database-url postgres://...]
"""

import argparse
import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from harness import add_database_option, loadavg, p50_p95, scratch, setup_django, timings

BATCH = 20_000
DIRECTORATES = 5
SECTIONS = 3
CATEGORIES = 20
# status, share: most requests are over, a few are with the units.
STATUSES = [
    ("closed", 0.86),
    ("rejected", 0.03),
    ("duplicate", 0.02),
    ("answered", 0.03),
    ("in_progress", 0.035),
    ("routed", 0.02),
    ("waiting", 0.005),
]


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", type=int, default=1_000_000)
    parser.add_argument("--months", type=int, default=12, help="the cases' spread (default 12)")
    parser.add_argument("--runs", type=int, default=30)
    add_database_option(parser)
    return parser.parse_args()


def world():
    """One municipality with its units, categories and a director over them all."""
    from municipium.desk.tests.factories import category
    from municipium.organisation.models import Unit
    from municipium.organisation.tests.factories import staff_user, unit
    from municipium.tenancy.tests.factories import MunicipalityFactory

    municipality = MunicipalityFactory(slug="metropol")
    top = unit(municipality, "top", kind=Unit.Kind.DIRECTORATE)
    units = []
    for d in range(DIRECTORATES):
        directorate = unit(municipality, f"d{d}", kind=Unit.Kind.DIRECTORATE, parent=top)
        units.append(directorate)
        units += [unit(municipality, f"d{d}s{s}", parent=directorate) for s in range(SECTIONS)]
    categories = [
        category(municipality, f"c{n}", units[n % len(units)], target=random.choice([3, 5, 10]))
        for n in range(CATEGORIES)
    ]
    director = staff_user(municipality, "director", unit=top, role="director")
    return municipality, units, categories, director


def _case_sql(name: str, values: list, fallback: str) -> str:
    branches = " ".join(f"WHEN {index} THEN {value}" for index, value in enumerate(values))
    return f"(CASE {name} {branches} ELSE {fallback} END)"


def insert(municipality, categories, count: int, months: int) -> float:
    """Insert ``count`` cases and their request parts in the database itself (a recursive
    series, the same SQL on SQLite and PostgreSQL but for date arithmetic): statuses, units,
    categories, times and ratings spread by arithmetic on the row number. The seconds taken."""
    from django.db import connection, transaction
    from django.utils import timezone

    started = time.perf_counter()
    postgres = connection.vendor == "postgresql"
    now = timezone.now().strftime("%Y-%m-%d %H:%M:%S")

    def plus(base: str, seconds: str) -> str:
        if postgres:
            return f"({base} + ({seconds}) * interval '1 second')"
        return f"datetime({base}, '+' || ({seconds}) || ' seconds')"

    def start() -> str:
        if postgres:
            back = f"(n.i * 7919 % {months * 2628000})"
            return f"(timestamptz '{now}+00' - {back} * interval '1 second')"
        return f"datetime('{now}', '-' || (n.i * 7919 % {months * 2628000}) || ' seconds')"

    thresholds = [(860, "closed"), (890, "rejected"), (910, "duplicate"), (940, "answered"),
                  (975, "in_progress"), (995, "routed"), (1000, "waiting")]  # fmt: skip
    status = (
        "(CASE "
        + " ".join(
            f"WHEN n.i * 2654435761 % 1000 < {limit} THEN '{code}'" for limit, code in thresholds
        )
        + " END)"
    )
    c = f"(n.i * 31 % {len(categories)})"
    unit = _case_sql(c, [category.unit_id for category in categories], "0")
    target = _case_sql(c, [category.target_working_days for category in categories], "5")
    days = _case_sql("(n.i * 131 % 13)", [0, 1, 1, 2, 2, 3, 3, 4, 5, 6, 8, 12, 20], "0")
    answered = f"({status} IN ('closed', 'answered') OR ({status} = 'in_progress' AND n.i % 7 = 0))"
    true, false = ("true", "false") if postgres else ("1", "0")
    series = (
        "WITH RECURSIVE n(i) AS (SELECT CAST(1 AS BIGINT) "
        f"UNION ALL SELECT i + 1 FROM n WHERE i < {count})"
    )
    sql = f"""
        {series}
        INSERT INTO cases_case (id, municipality_id, unit_id, kind, reference, tracking_token,
            status, channel, title, description, language, filed_at, received_at, working_days,
            extension_days, due_at, stopped_at, closed_at, escalation_level, first_answered_at,
            answer_working_days, answered_in_time, disputes, created_at, updated_at)
        SELECT s.i, {municipality.pk}, s.unit, 'citizen_request', 'B-' || s.i, 't' || s.i,
            s.status, 'web', 'A request', '', 'tr', s.filed, s.filed, s.target, 0, s.due,
            CASE WHEN s.status <> 'in_progress' THEN s.first END,
            CASE WHEN s.status = 'closed' THEN s.first END, 0, s.first,
            CASE WHEN s.first IS NOT NULL THEN s.days END,
            CASE WHEN s.first IS NULL THEN NULL WHEN s.first <= s.due THEN {true} ELSE {false} END,
            CASE WHEN s.first IS NOT NULL AND s.i % 12 = 0 THEN 1 ELSE 0 END, s.filed, s.filed
        FROM (
            SELECT q.*, {plus("q.filed", "q.target * 120960")} AS due,
                CASE WHEN q.answered THEN {plus("q.filed", "q.days * 120960")} END AS first
            FROM (
                SELECT n.i, {unit} AS unit, {status} AS status, {target} AS target,
                    {days} AS days, {start()} AS filed, {c} AS c, {answered} AS answered
                FROM n
            ) q
        ) s
    """
    ratings = _case_sql("(c.id % 10)", ["NULL", "NULL", 1, 2, 3, 4, 4, 5, 5, 5], "NULL")
    category = _case_sql(f"(c.id * 31 % {len(categories)})", [x.pk for x in categories], "0")
    parts = f"""
        INSERT INTO desk_citizenrequest (case_id, category_id, name, email, phone, is_anonymous,
            address, answers, press_outlet, press_url, rating, rating_comment, api_client)
        SELECT c.id, {category}, 'Resident', '', '', {false}, '', '{{}}', '', '',
            CASE WHEN c.status = 'closed' THEN {ratings} END, '', ''
        FROM cases_case c WHERE c.municipality_id = {municipality.pk}
    """
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(sql)
        cursor.execute(parts)
    return time.perf_counter() - started


def analyse() -> None:
    from django.db import connection

    # On PostgreSQL also what autovacuum does after a bulk insert: the visibility map, without
    # which an index-only scan reads the table anyway.
    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE" if connection.vendor == "postgresql" else "ANALYZE")


def timed(function, runs: int) -> tuple[float, float]:
    return p50_p95(timings(function, runs))


def filtered_list(municipality, user, unit, the_category):
    """What a case list asks for its first page: the page of 50 and the count, stopped one
    past the cap as the admin's list does (desk.admin.paging)."""
    from municipium.cases.selectors import case_list_for_user
    from municipium.desk.admin.paging import COUNT_CAP

    cases = case_list_for_user(municipality=municipality, user=user).filter(
        kind="citizen_request",
        status="in_progress",
        unit_id=unit.pk,
        citizen_request__category_id=the_category.pk,
    )
    page = list(cases.select_related("citizen_request").order_by("-filed_at", "-pk")[:50])
    return page, cases.order_by()[: COUNT_CAP + 1].count()


def explained(sql: str) -> list[str]:
    """The plan of ``sql`` as Markdown: as executed, with buffers, on PostgreSQL."""
    from django.db import connection

    postgres = connection.vendor == "postgresql"
    prefix = "EXPLAIN (ANALYZE, BUFFERS) " if postgres else "EXPLAIN QUERY PLAN "
    with connection.cursor() as cursor:
        cursor.execute(prefix + sql)
        found = cursor.fetchall()
    plan = [" | ".join(str(part) for part in row) for row in found]
    return ["", f"Plan of `{sql[:120]}…`:", "", "```", *plan, "```"]


def run(options, var_dir: Path, database_url: str) -> str:
    setup_django(var_dir, database_url)
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from municipium.cases.models import Case, DirtyDay
    from municipium.cases.rollup import figures_rebuild, filing_day
    from municipium.desk.board import board_figures, public_figures

    municipality, units, categories, director = world()
    seconds = insert(municipality, categories, options.cases, options.months)
    print(f"inserted {options.cases:,} cases in {seconds:.0f} s; load {loadavg()}", flush=True)
    analyse()
    started = time.perf_counter()
    rollup_rows = figures_rebuild(municipality=municipality)
    rebuild_seconds = time.perf_counter() - started
    print(f"rollup rebuilt in {rebuild_seconds:.0f} s; load {loadavg()}", flush=True)
    analyse()
    the_category = categories[1]
    unit = next(u for u in units if u.pk == the_category.unit_id)
    some = Case.objects.order_by("pk").values_list("pk", flat=True)[options.cases // 2]

    def ceiling():
        return Case.objects.filter(pk=some).values_list("pk", flat=True).first()

    def board():
        return board_figures(municipality=municipality, user=director, language="tr")

    def board_unit():
        return board_figures(
            municipality=municipality, user=director, language="tr", unit_id=unit.pk
        )

    def page():
        return filtered_list(municipality, director, unit, the_category)

    latest = Case.objects.filter(municipality=municipality).order_by("-filed_at").first()

    def board_dirty():
        # A request answered since the last refresh: its day of filing is rebuilt first.
        DirtyDay.objects.get_or_create(
            municipality=municipality, kind="citizen_request", day=filing_day(latest)
        )
        return board()

    def public():
        return public_figures(municipality=municipality, language="tr")

    print(f"timing; load {loadavg()}", flush=True)
    base = timed(ceiling, options.runs * 3)
    rows = [
        ("trivial query (ceiling)", base),
        ("board, whole municipality", timed(board, options.runs)),
        ("board, one unit", timed(board_unit, options.runs)),
        ("board, whole municipality, one day marked dirty", timed(board_dirty, options.runs)),
        ("public figures (per category and unit)", timed(public, options.runs)),
        ("filtered list, first page of 50 and count", timed(page, options.runs)),
    ]
    with CaptureQueriesContext(connection) as listed:
        page()
    vendor = connection.vendor
    lines = [
        f"### {vendor}: {options.cases:,} cases over {options.months} months",
        "",
        f"Bulk insert: {seconds:.0f} s. Rollup rebuilt from the cases: {rebuild_seconds:.1f} s "
        f"({rollup_rows:,} rows). Runs: {options.runs} each (the ceiling 3×), warm.",
        "",
        "| what | p50 ms | p95 ms | p50 ÷ ceiling |",
        "| --- | ---: | ---: | ---: |",
    ]
    for label, (p50, p95) in rows:
        lines.append(f"| {label} | {p50:.1f} | {p95:.1f} | {p50 / base[0]:.0f} |")

    with CaptureQueriesContext(connection) as captured:
        board()
    lines += ["", "The board's queries (seconds each, one run):", ""]
    lines += [f"- {query['time']} s: `{query['sql'][:160]}…`" for query in captured]
    # The plans of the two queries of the state now: open and overdue before today from the
    # rollup of open cases, overdue today and due soon over the cases due from today's start.
    prefix = "EXPLAIN QUERY PLAN " if vendor == "sqlite" else "EXPLAIN (ANALYZE, BUFFERS) "
    for query in captured:
        sql = query["sql"]
        if '"cases_dailyopen"' in sql or ("due_at" in sql and "COUNT" in sql):
            with connection.cursor() as cursor:
                cursor.execute(prefix + sql)
                found = cursor.fetchall()
            lines += ["", f"Plan of `{sql[:120]}…`:", "", "```"]
            lines += [" | ".join(str(part) for part in row) for row in found]
            lines += ["```"]
    lines += ["", "The filtered list's page and count:"]
    for query in listed:
        lines += explained(query["sql"])
    lines.append("")
    return "\n".join(lines)


def main() -> int:
    options = parse_args()
    print(f"load average at the start: {loadavg()}", flush=True)
    with scratch("desk", options.database_url) as (var_dir, database_url):
        print(run(options, var_dir, database_url))
    print(f"load average at the end: {loadavg()}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
