"""The migration that gives the rollup's rows their months (cases 0007) fills them on the rows
already built: the database is taken back to 0005, rows are written with the historical
models, and taken forward again. Schema changes cannot run inside the test's transaction on
SQLite, hence a transactional test that brings the latest schema back afterwards."""

import datetime

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from municipium.cases.models import DailyFigures, DailyOpen

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

BEFORE = [("cases", "0006_case_list_filtered_index")]
# 20 and 21 March 2026: 29 Esfand 1404 and 1 Farvardin 1405; 31 January: 11 Bahman 1404.
DAYS = {
    datetime.date(2026, 1, 31): (202601, 140411),
    datetime.date(2026, 3, 20): (202603, 140412),
    datetime.date(2026, 3, 21): (202603, 140501),
}


@pytest.fixture
def old_apps():
    executor = MigrationExecutor(connection)
    executor.migrate(BEFORE)
    yield executor.loader.project_state(BEFORE).apps
    executor = MigrationExecutor(connection)
    executor.migrate(executor.loader.graph.leaf_nodes())


def test_the_rows_already_built_get_their_days_months(old_apps, org):
    OldFigures = old_apps.get_model("cases", "DailyFigures")
    OldOpen = old_apps.get_model("cases", "DailyOpen")
    owner = {"municipality_id": org.municipality.pk, "kind": "test_request"}
    for day in DAYS:
        OldFigures.objects.create(**owner, unit_id=org.trees.pk, day=day, days_over={})
        OldOpen.objects.create(**owner, unit_id=org.trees.pk, day=day, running=True, cases=1)
    executor = MigrationExecutor(connection)
    executor.migrate(executor.loader.graph.leaf_nodes())
    for model in (DailyFigures, DailyOpen):
        rows = model.objects.values_list("day", "month", "solar_month")
        assert {day: (month, solar) for day, month, solar in rows} == DAYS
