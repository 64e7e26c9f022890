import re

import pytest

from municipium.core.pages import page_ensure
from municipium.portal.models import MissionPage, PlanActivity, PlanPage

pytestmark = pytest.mark.django_db


def plan_create(home, language, statuses, *, title="Faaliyet Planı", activity="Faaliyet"):
    """A published plan at ``/<language>/plan/`` with an activity in each of ``statuses``."""
    return page_ensure(
        parent=home, page_class=PlanPage, slug="plan", language=language,
        title=title, period="2026–2027",
        activities=[
            PlanActivity(text=f"{activity} {n}", status=status, target_year=2026, sort_order=n)
            for n, status in enumerate(statuses)
        ],
    )  # fmt: skip


@pytest.fixture
def plan(municipality_factory):
    kuzeykent = municipality_factory(slug="kuzeykent")
    return plan_create(
        kuzeykent.homes["tr"], "tr", ["done", "done", "in_progress", "planned", "cancelled"]
    )


def test_progress_counts_done_among_the_activities_still_pursued(plan):
    progress = plan.progress()
    assert progress["total"] == 5
    assert progress["done"] == 2
    assert progress["percent_done"] == 50  # 2 of the 4 not cancelled


def test_the_public_sees_numbered_activities_and_their_status(client, plan):
    html = client.get("/tr/plan/", HTTP_HOST="kuzeykent.localhost").content.decode()
    assert '<progress id="plan-progress-bar" class="plan__bar" max="100" value="50">' in html
    assert re.search(r"<td [^>]*>5</td>", html) and "Faaliyet 4" in html
    assert "status--in_progress" in html


def test_the_progress_sentence_counts_only_the_activities_still_pursued(client, plan):
    html = client.get("/tr/plan/", HTTP_HOST="kuzeykent.localhost").content.decode()
    # 5 activities, 1 cancelled: 2 of the 4 still pursued are done, as the bar shows.
    assert "4 faaliyetten 2 tanesi tamamlandı (%50)" in html
    assert "İptal edilen 1 faaliyet hesaba katılmadı." in html


def test_a_status_staff_publish_is_what_the_public_sees_next(client, plan):
    client.get("/tr/plan/", HTTP_HOST="kuzeykent.localhost")
    activity = plan.activities.get(text="Faaliyet 3")
    activity.status = PlanActivity.Status.DONE
    activity.save()
    plan.save_revision().publish()
    html = client.get("/tr/plan/", HTTP_HOST="kuzeykent.localhost").content.decode()
    assert 'value="75"' in html


def test_a_mission_page_lists_its_areas_and_goals(client, municipality_factory):
    gok = municipality_factory(slug="gok", country="PL", languages=["pl", "en"])
    page_ensure(
        parent=gok.homes["pl"], page_class=MissionPage, slug="misja", language="pl",
        title="Misja", statement="Każdy mieszkaniec jest ważny.",
        areas=[("area", {"title": "Obszar II: Społeczność lokalna", "description": "Razem.",
                         "goals": ["Współpraca ze szkołami", "Festyny"]})],
    )  # fmt: skip
    html = client.get("/pl/misja/", HTTP_HOST="gok.localhost").content.decode()
    assert "Obszar II: Społeczność lokalna" in html
    assert "<li>Współpraca ze szkołami</li>" in html


@pytest.mark.parametrize(
    ("total", "expected"),
    [(1, "Zrealizowano 1 z 1 działania"), (4, "Zrealizowano 1 z 4 działań")],
)
def test_the_progress_sentence_agrees_with_the_number_in_polish(
    client, municipality_factory, total, expected
):
    rudziniec = municipality_factory(slug="rudziniec", country="PL", languages=["pl"])
    statuses = ["done"] + ["planned"] * (total - 1)
    plan_create(rudziniec.homes["pl"], "pl", statuses, title="Plan", activity="Działanie")
    html = client.get("/pl/plan/", HTTP_HOST="rudziniec.localhost").content.decode()
    assert expected in html


def test_the_plan_page_reads_its_activities_once_whatever_their_number(
    client, municipality_factory
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    kuzeykent = municipality_factory(slug="kuzeykent")
    home = kuzeykent.homes["tr"]
    unit = page_ensure(parent=home, page_class=PlanPage, slug="birim", language="tr", title="Birim")

    def queries(count):
        plan = plan_create(home, "tr", ["planned"] * count)
        for activity in plan.activities.all():
            activity.responsible_unit = unit
            activity.save()
        client.get("/tr/plan/", HTTP_HOST="kuzeykent.localhost")
        with CaptureQueriesContext(connection) as captured:
            response = client.get(
                "/tr/plan/", HTTP_HOST="kuzeykent.localhost", HTTP_CACHE_CONTROL="no-cache"
            )
        assert response.status_code == 200 and "Birim</a>" in response.content.decode()
        return len(captured)

    assert queries(2) == queries(6)


def _table(html: str) -> str:
    return html[html.index('<table class="plan__table') : html.index("</table>")]


def test_a_target_year_shared_by_every_activity_is_said_once_above_the_table(client, plan):
    html = client.get("/tr/plan/", HTTP_HOST="kuzeykent.localhost").content.decode()
    table = _table(html)
    assert "Hedef yıl" not in table and "<td" in table
    shared = html[html.index('<dl class="plan__shared">') : html.index("</dl>")]
    assert "Hedef yıl" in shared and "2026" in shared


def test_a_unit_shared_by_every_activity_is_said_once_and_a_varying_one_per_row(
    client, municipality_factory
):
    kuzeykent = municipality_factory(slug="kuzeykent")
    home = kuzeykent.homes["tr"]
    press, parks = (
        page_ensure(parent=home, page_class=PlanPage, slug=slug, language="tr", title=title)
        for slug, title in (("basin", "Basın Dairesi"), ("park", "Park Dairesi"))
    )
    plan = plan_create(home, "tr", ["planned", "done", "planned"])
    activities = list(plan.activities.all())
    for activity in activities:
        activity.responsible_unit = press
        activity.target_year = 2026 + activity.sort_order
        activity.save()
    html = client.get("/tr/plan/", HTTP_HOST="kuzeykent.localhost").content.decode()
    assert _table(html).count("Basın Dairesi") == 0
    assert "Basın Dairesi</a>" in html[html.index('<dl class="plan__shared">') :]
    assert 'data-label="Hedef yıl">2028</td>' in _table(html)

    activities[0].responsible_unit = parks
    activities[0].save()
    html = client.get(
        "/tr/plan/", HTTP_HOST="kuzeykent.localhost", HTTP_CACHE_CONTROL="no-cache"
    ).content.decode()
    assert '<dl class="plan__shared">' not in html
    assert _table(html).count("Basın Dairesi</a>") == 2
    assert _table(html).count("Park Dairesi</a>") == 1


def test_each_cell_of_the_plan_is_labelled_for_the_phones_cards(client, plan):
    table = _table(client.get("/tr/plan/", HTTP_HOST="kuzeykent.localhost").content.decode())
    assert 'role="table"' in table
    assert table.count('data-label="Durum"') == 5
