"""The demo's steps. ``municipium demo`` knows no app: each app registers the steps that build
its part of the demo in its AppConfig.ready, as periodic tasks are registered
(``core.periodic``), and the command runs them in order (``demo_load``).

A run has three phases:

- ``SETUP`` steps run once, first, and take the run (``DemoRun``). One of them adds the sites
  to build to ``run.sites`` (tenancy does, from its municipality definitions).
- ``SITE`` steps run for each site and take it (``DemoSite``). A step leaves what later steps
  need in ``site.made`` under a key it documents (``homes``, ``municipality``, ...), the user
  names of the staff it made in ``site.staff``.
- ``FINISH`` steps run once, last, and take the run; they may add lines to ``run.notes``.

Within a phase, steps run by ``order`` (then by registration). The orders the apps use are
listed in docs/architecture.md. Every step is safe to run twice: a second run changes nothing.

An app registers a step by its dotted path, so that its demo content (thousands of lines of
prose) is imported when the demo runs, not by every process that starts:
``demo.register("municipium.news.demo.demo_news", order=50)``.
"""

import enum
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from django.utils.module_loading import import_string


class Phase(enum.IntEnum):
    SETUP = 1
    SITE = 2
    FINISH = 3


@dataclass
class DemoSite:
    """One site of the demo, as the steps build it."""

    key: str
    definition: Any  # the registering app's own description of the site
    name: str = ""
    url: str = ""
    made: dict[str, Any] = field(default_factory=dict)
    staff: list[str] = field(default_factory=list)


@dataclass
class DemoRun:
    sites: list[DemoSite] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class DemoStep:
    phase: Phase
    order: int
    function: Callable[[Any], None] | str  # or its dotted path

    def __call__(self, argument) -> None:
        function = self.function
        if isinstance(function, str):
            function = import_string(function)
        function(argument)


DEMO_STEPS: list[DemoStep] = []


def register(function: Callable | str, *, phase: Phase = Phase.SITE, order: int):
    """Add ``function`` (or its dotted path) to the demo, once however often an app is made
    ready."""
    step = DemoStep(phase=phase, order=order, function=function)
    if step not in DEMO_STEPS:
        DEMO_STEPS.append(step)
    return function


def demo_steps(phase: Phase) -> list[DemoStep]:
    return sorted((step for step in DEMO_STEPS if step.phase == phase), key=lambda s: s.order)


def demo_load() -> DemoRun:
    """Run every registered step: the setup, each site's steps, then the finish. The caller
    holds the transaction (the command runs it in one)."""
    run = DemoRun()
    for step in demo_steps(Phase.SETUP):
        step(run)
    for site in run.sites:
        for step in demo_steps(Phase.SITE):
            step(site)
    for step in demo_steps(Phase.FINISH):
        step(run)
    return run
