import threading

from municipium.core.testing import run_together


def test_run_together_starts_every_worker_before_any_of_them_ends():
    # Run one after another, the first would wait alone at the barrier and break it.
    meet = threading.Barrier(3, timeout=5)
    assert run_together([meet.wait] * 3) == []


def test_run_together_returns_what_the_workers_raised():
    def refuse():
        raise ValueError("refused")

    errors = run_together([refuse, lambda: None, refuse])
    assert [type(error) for error in errors] == [ValueError, ValueError]


def test_run_together_reports_a_worker_still_running_after_the_timeout():
    release = threading.Event()
    errors = run_together([lambda: release.wait(5), lambda: None], timeout=0.2)
    release.set()
    assert [type(error) for error in errors] == [TimeoutError]
