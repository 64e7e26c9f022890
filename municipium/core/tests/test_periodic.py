"""Periodic tasks run once per tick for the whole installation, however many workers tick."""

import datetime

import pytest
from django.test import override_settings
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from municipium.core import periodic

pytestmark = pytest.mark.django_db
IN_THE_DATABASE = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


@override_settings(TASKS=IN_THE_DATABASE)
def test_a_second_worker_in_the_same_tick_enqueues_nothing():
    assert periodic.PERIODIC_TASKS  # scheduled publishing, escalations, view counts
    assert periodic.enqueue_all(every=60) == len(periodic.PERIODIC_TASKS)
    assert periodic.enqueue_all(every=60) == 0  # another worker, the same minute
    for task in periodic.PERIODIC_TASKS:
        assert DBTaskResult.objects.filter(task_path=task.module_path).count() == 1


@override_settings(TASKS=IN_THE_DATABASE)
def test_the_next_tick_enqueues_again():
    periodic.enqueue_all(every=60)
    DBTaskResult.objects.update(enqueued_at=timezone.now() - datetime.timedelta(seconds=55))
    assert periodic.enqueue_all(every=60) == len(periodic.PERIODIC_TASKS)


@override_settings(TASKS=IN_THE_DATABASE)
def test_without_a_tick_every_call_enqueues():
    periodic.enqueue_all()
    periodic.enqueue_all()
    for task in periodic.PERIODIC_TASKS:
        assert DBTaskResult.objects.filter(task_path=task.module_path).count() == 2
