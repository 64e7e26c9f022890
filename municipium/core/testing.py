"""Helpers for the apps' tests (imported by tests only, never by the application)."""

import threading

from django.db import connections


def run_together(workers, *, timeout: float = 120) -> list[BaseException]:
    """Start every worker (a callable taking nothing) in its own thread at the same moment,
    wait for them all and return what they raised, in the order they raised it.

    Each thread closes its database connections when it ends: a thread opens its own
    connection, and one left open keeps the test database from being dropped. A worker still
    running after ``timeout`` seconds is reported as a ``TimeoutError``."""
    start, errors = threading.Barrier(len(workers)), []

    def wrap(work):
        try:
            start.wait()
            work()
        except BaseException as error:  # the caller decides which errors are expected
            errors.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=wrap, args=(work,)) for work in workers]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=timeout)
    stuck = sum(thread.is_alive() for thread in threads)
    errors.extend(TimeoutError(f"a worker ran over {timeout} s") for _ in range(stuck))
    return errors
