"""Periodic work. django-tasks has no scheduler, so ``municipium worker`` enqueues the tasks
registered here every tick and runs the queue; ``municipium serve`` starts that worker.

An app registers a task (a django_tasks task that takes no arguments and is safe to run twice)
in its AppConfig.ready: ``periodic.register(my_task)``.
"""

PERIODIC_TASKS: list = []


def register(task):
    if task not in PERIODIC_TASKS:
        PERIODIC_TASKS.append(task)
    return task


def enqueue_all() -> int:
    for task in PERIODIC_TASKS:
        task.enqueue()
    return len(PERIODIC_TASKS)
