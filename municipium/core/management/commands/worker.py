"""``municipium worker``: runs background tasks and, every tick, enqueues the periodic ones
(scheduled publishing and the like). ``municipium serve`` starts one beside gunicorn; with
several app servers, ``serve --no-worker`` and one ``municipium worker`` of its own (deploy/),
though several workers still run each periodic task once per tick (``core.periodic``)."""

import signal
import time

from django.core.management.base import BaseCommand
from django_tasks_db.management.commands.db_worker import Worker

from municipium.core import periodic

QUEUE_POLL_SECONDS = 5.0


class Command(BaseCommand):
    help = "Run background tasks and enqueue periodic ones every tick."

    def add_arguments(self, parser):
        parser.add_argument("--tick", type=float, default=60.0, help="Seconds between ticks.")
        parser.add_argument("--once", action="store_true", help="One tick, then exit.")

    def handle(self, *args, tick, once, **options):
        self.running = True
        signal.signal(signal.SIGTERM, self._stop)
        signal.signal(signal.SIGINT, self._stop)
        while self.running:
            periodic.enqueue_all(every=tick)
            self._drain_queue()
            if once:
                return
            self._sleep(tick)

    def _stop(self, *args):
        self.running = False

    def _sleep(self, seconds):
        """Wait for the next tick, running tasks enqueued meanwhile every few seconds."""
        deadline = time.monotonic() + seconds
        while self.running and time.monotonic() < deadline:
            time.sleep(max(0.0, min(QUEUE_POLL_SECONDS, deadline - time.monotonic())))
            self._drain_queue()

    def _drain_queue(self):
        Worker(
            queue_names=["*"], interval=0, batch=True, backend_name="default",
            startup_delay=False, max_tasks=None, worker_id="municipium-worker",
            excluded_queue_names=[],
        ).run()  # fmt: skip
