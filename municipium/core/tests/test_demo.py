"""The demo's registry: apps register steps, the command runs them without knowing the apps."""

import pytest

from municipium.core import demo

CALLS: list[str] = []


def step_by_path(site) -> None:
    CALLS.append(f"path:{site.key}")


@pytest.fixture
def registry(monkeypatch):
    monkeypatch.setattr(demo, "DEMO_STEPS", [])
    CALLS.clear()
    return demo


def test_steps_run_setup_then_each_site_in_order_then_finish(registry):
    def setup(run):
        CALLS.append("setup")
        run.sites += [
            demo.DemoSite(key="a", definition=None),
            demo.DemoSite(key="b", definition=None),
        ]

    def late(site):
        CALLS.append(f"late:{site.key}:{site.made['early']}")

    def early(site):
        site.made["early"] = site.key.upper()

    def finish(run):
        CALLS.append("finish")
        run.notes.append("done")

    registry.register(finish, phase=demo.Phase.FINISH, order=1)
    registry.register(late, order=20)
    registry.register(early, order=10)
    registry.register(setup, phase=demo.Phase.SETUP, order=1)
    run = registry.demo_load()
    assert CALLS == ["setup", "late:a:A", "late:b:B", "finish"]
    assert run.notes == ["done"]


def test_a_step_registered_by_its_dotted_path_is_imported_when_the_demo_runs(registry):
    registry.register(lambda run: run.sites.append(demo.DemoSite(key="x", definition=None)),
                      phase=demo.Phase.SETUP, order=1)  # fmt: skip
    registry.register(f"{__name__}.step_by_path", order=1)
    registry.register(f"{__name__}.step_by_path", order=1)  # an app made ready twice
    registry.demo_load()
    assert CALLS == ["path:x"]


def test_every_app_registers_its_part_of_the_demo_in_order():
    """The project's apps fill the registry themselves: tenancy sets up the sites first."""
    setup = [step.function for step in demo.demo_steps(demo.Phase.SETUP)]
    site = [step.function for step in demo.demo_steps(demo.Phase.SITE)]
    assert setup[0] == "municipium.tenancy.demo.demo_setup"
    assert (
        site.index("municipium.portal.demo.demo_home_pages")
        < site.index("municipium.tenancy.demo.demo_municipality")
        < site.index("municipium.directory.demo.demo_directory")
        < site.index("municipium.news.demo.demo_news")
    )
