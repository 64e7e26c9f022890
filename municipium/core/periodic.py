"""Periodic work. django-tasks has no scheduler, so ``municipium worker`` enqueues the tasks
registered here every tick and runs the queue; ``municipium serve`` starts that worker.

An app registers a task (a django_tasks task that takes no arguments and is safe to run twice)
in its AppConfig.ready: ``periodic.register(my_task)``.

Several workers (one beside each app server, or a worker restarted mid-tick) share one queue in
the database. A worker enqueues a periodic task only when no worker enqueued it in the last
``every`` seconds (less a tenth, for clocks and sleeps that drift), under a lock in the
database (an advisory lock on PostgreSQL; SQLite's write transactions are serialised already):
so each task runs once per tick for the whole installation, however many workers there are.
django-tasks-db's workers take each queued task with ``SELECT … FOR UPDATE SKIP LOCKED``: a
task is run by one worker only.
"""

import datetime
import zlib

from django.db import connection, transaction
from django.utils import timezone

PERIODIC_TASKS: list = []
# Share of the tick below which a task enqueued by another worker counts as this tick's.
TICK_SLACK = 0.9


def register(task):
    if task not in PERIODIC_TASKS:
        PERIODIC_TASKS.append(task)
    return task


def enqueue_all(*, every: float | None = None) -> int:
    """Enqueue every periodic task; with ``every`` (seconds, the worker's tick), only those
    that no worker enqueued within the tick. Returns how many were enqueued."""
    return sum(_enqueue_once(task, every=every) for task in PERIODIC_TASKS)


def _in_database(task) -> bool:
    from django_tasks_db import DatabaseBackend

    return isinstance(task.get_backend(), DatabaseBackend)


def _enqueue_once(task, *, every: float | None) -> bool:
    if every is None or not _in_database(task):
        task.enqueue()
        return True
    from django_tasks_db.models import DBTaskResult

    since = timezone.now() - datetime.timedelta(seconds=every * TICK_SLACK)
    with transaction.atomic():
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                key = zlib.crc32(f"municipium-periodic:{task.module_path}".encode())
                cursor.execute("SELECT pg_advisory_xact_lock(%s)", [key])
        recent = DBTaskResult.objects.filter(task_path=task.module_path, enqueued_at__gte=since)
        if recent.exists():
            return False
        task.enqueue()
        return True
