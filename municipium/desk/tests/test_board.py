"""The board's figures on a small set of requests whose figures are worked out by hand, who
sees which figures, the resident's silence and the retention of personal data."""

import datetime
import re

import pytest
from django.core.cache import cache
from django.core.files.base import ContentFile
from django.utils import translation
from wagtail.models import ModelLogEntry

from municipium.cases.models import Attachment, Case, Entry
from municipium.cases.services import case_extend, case_route, case_transition
from municipium.cases.statistics import percentile
from municipium.cases.tests.conftest import Now, Org, at
from municipium.desk.board import average_rating, board_figures, month_starts, public_figures
from municipium.desk.kind import CLOSE_UNANSWERED_AFTER_DAYS
from municipium.desk.models import CitizenRequest
from municipium.desk.services import (
    request_accept,
    request_submit,
    requests_anonymise_expired,
    requests_close_silent,
)
from municipium.organisation.models import Unit
from municipium.organisation.tests.factories import staff_user, unit
from municipium.tenancy.models import PublicHoliday

from .factories import category

pytestmark = pytest.mark.django_db
NOW = at(2026, 3, 11, 10, 0)  # a Wednesday
BOARD = "/admin/requests/board/"


@pytest.fixture
def bornova(municipality_factory):
    return municipality_factory(slug="bornova")


@pytest.fixture
def org(bornova):
    return Org(bornova)


@pytest.fixture
def time_machine(monkeypatch):
    return Now(monkeypatch)


def file(municipality, the_category, filed_at, time_machine, *, name="Ayşe Yılmaz"):
    time_machine.move_to(filed_at)
    return request_submit(
        municipality=municipality,
        category=the_category,
        description="The tree in front of number 12 is about to fall.",
        language="tr",
        name=name,
        email="ayse@example.org",
        phone="0555 555 55 55",
        filed_at=filed_at,
    ).case


def answer(case, moment, time_machine, by):
    time_machine.move_to(moment)
    return case_transition(case=case, transition="answer", by=by, note="Done.")


def rate(case, rating):
    CitizenRequest.objects.filter(case=case).update(rating=rating)


@pytest.fixture
def requests(org, time_machine):
    """Trees (3 working days): A answered after 1 working day and accepted (rated 5), B after
    2 and disputed then answered again (2), C after 5: late (4), D still in progress and
    overdue. Lights (5 working days): E answered after 4, F filed the day before NOW, due in
    the coming week."""
    trees = category(org.municipality, "tree", org.trees, target=3)
    lights = category(org.municipality, "light", org.lights, target=5)
    monday = at(2026, 3, 2, 10, 0)
    a, b, c, d, e = (
        file(org.municipality, the, monday, time_machine)
        for the in (trees, trees, trees, trees, lights)
    )
    answer(a, at(2026, 3, 3, 11, 0), time_machine, org.clerk)
    case_transition(case=a, transition="accept", by=None, by_resident=True)
    answer(b, at(2026, 3, 4, 11, 0), time_machine, org.clerk)
    case_transition(case=b, transition="dispute", by=None, by_resident=True, note="Not done.")
    answer(b, at(2026, 3, 6, 11, 0), time_machine, org.clerk)
    answer(c, at(2026, 3, 9, 11, 0), time_machine, org.clerk)
    time_machine.move_to(at(2026, 3, 3, 9, 0))
    case_transition(case=d, transition="start", by=org.clerk)
    answer(e, at(2026, 3, 6, 11, 0), time_machine, org.sibling)
    f = file(org.municipality, lights, at(2026, 3, 10, 9, 0), time_machine)
    for case, rating in ((a, 5), (b, 2), (c, 4)):
        rate(case, rating)
    time_machine.move_to(NOW)
    return {"a": a, "b": b, "c": c, "d": d, "e": e, "f": f}


def test_nearest_rank_percentiles():
    assert percentile({1: 1, 2: 1, 4: 1, 5: 1}, 0.5) == 2
    assert percentile({1: 1, 2: 1, 4: 1, 5: 1}, 0.9) == 5
    assert percentile({3: 10}, 0.9) == 3
    assert percentile({}, 0.5) is None


def test_the_case_keeps_its_first_answer_and_the_disputes(requests):
    b = Case.objects.get(pk=requests["b"].pk)
    assert b.first_answered_at == at(2026, 3, 4, 11, 0)  # the first answer, not the second
    assert (b.answer_working_days, b.answered_in_time, b.disputes) == (2, True, 1)
    c = Case.objects.get(pk=requests["c"].pk)
    assert (c.answer_working_days, c.answered_in_time, c.disputes) == (5, False, 0)


def test_the_board_of_the_whole_municipality_computed_by_hand(org, requests):
    board = board_figures(municipality=org.municipality, user=org.manager, language="tr", now=NOW)
    total = board.total
    assert (total.received, total.open, total.overdue, total.due_soon) == (6, 5, 1, 1)
    assert (total.answered, total.answered_in_time, total.disputed) == (4, 3, 1)
    assert total.in_time_percent == 75
    assert total.reopen_percent == 25
    assert (total.median_days, total.p90_days) == (2, 5)  # of 1, 2, 4, 5 working days
    assert average_rating(total) == pytest.approx(11 / 3)
    by_unit = {found.code: figures for found, figures in board.units}
    assert set(by_unit) == {"trees", "lights"}
    assert by_unit["trees"].in_time_percent == pytest.approx(200 / 3)
    assert (by_unit["trees"].median_days, by_unit["trees"].p90_days) == (2, 5)
    assert (by_unit["lights"].answered, by_unit["lights"].median_days) == (1, 4)
    assert average_rating(by_unit["lights"]) is None


def test_the_board_by_month_in_the_sites_calendar(org, requests):
    board = board_figures(municipality=org.municipality, user=org.manager, language="tr", now=NOW)
    assert len(board.months) == 12
    assert board.months[-1].label == "Mart 2026"
    assert board.months[-1].figures.received == 6
    assert board.months[-1].figures.median_days == 2
    assert all(month.figures.received == 0 for month in board.months[:-1])
    assert board.months[0].start == at(2025, 4, 1, 0, 0)


def test_open_and_overdue_per_month_of_filing(org, requests):
    board = board_figures(municipality=org.municipality, user=org.manager, language="tr", now=NOW)
    march = board.months[-1].figures
    assert (march.open, march.overdue, march.due_soon) == (5, 1, 1)
    assert all(not month.figures.open for month in board.months[:-1])


def test_an_open_request_filed_before_the_twelve_months_counts_for_its_unit_in_no_month(
    org, requests, time_machine
):
    trees = CitizenRequest.objects.get(case=requests["a"]).category
    old = file(org.municipality, trees, at(2024, 11, 4, 10, 0), time_machine)
    time_machine.move_to(at(2024, 11, 5, 10, 0))
    case_transition(case=old, transition="start", by=org.clerk)
    time_machine.move_to(NOW)
    board = board_figures(municipality=org.municipality, user=org.manager, language="tr", now=NOW)
    by_unit = {found.code: figures for found, figures in board.units}
    assert (board.total.open, board.total.overdue, board.total.received) == (6, 2, 6)
    assert (by_unit["trees"].open, by_unit["trees"].overdue) == (4, 2)
    assert sum(month.figures.open for month in board.months) == 5
    assert sum(month.figures.overdue for month in board.months) == 1


def test_solar_hijri_months_start_on_the_first_of_the_persian_month(org):
    org.municipality.calendar = "solar_hijri"
    org.municipality.time_zone = "Asia/Tehran"
    starts = month_starts(org.municipality, now=at(2026, 3, 11, 10, 0))
    # 11 March 2026 is 20 Esfand 1404; Esfand began on 20 February 2026.
    assert starts[-2].date() == datetime.date(2026, 2, 20)
    assert starts[-1].date() == datetime.date(2026, 3, 21)  # 1 Farvardin 1405: Nowruz


def test_a_persian_boards_months_are_solar_hijri_months_the_live_edge_included(org, time_machine):
    org.municipality.calendar = "solar_hijri"
    org.municipality.time_zone = "Asia/Tehran"
    org.municipality.save()
    trees = category(org.municipality, "tree", org.trees, target=3)
    # 23:30 on 30 Bahman 1404 in Tehran (19 February 2026), and 00:30 on 1 Esfand: both open
    # and due in the coming week, so counted in the rollup and live.
    for moment in (at(2026, 2, 19, 23, 0), at(2026, 2, 20, 0, 0)):
        file(org.municipality, trees, moment, time_machine)
    now = at(2026, 2, 22, 10, 0)
    time_machine.move_to(now)
    board = board_figures(municipality=org.municipality, user=org.manager, language="fa", now=now)
    bahman, esfand = board.months[-2], board.months[-1]
    assert (bahman.label, esfand.label) == ("بهمن ۱۴۰۴", "اسفند ۱۴۰۴")
    for month in (bahman, esfand):
        figures = month.figures
        assert (figures.received, figures.open, figures.due_soon) == (1, 1, 1)
    assert sum(month.figures.received for month in board.months) == 2


def test_a_clerk_sees_the_figures_of_their_unit_not_their_siblings(org, requests):
    board = board_figures(municipality=org.municipality, user=org.clerk, language="tr", now=NOW)
    assert [found.code for found, _figures in board.units] == ["trees"]
    assert board.total.received == 4
    sibling = board_figures(municipality=org.municipality, user=org.sibling, language="tr", now=NOW)
    assert [found.code for found, _figures in sibling.units] == ["lights"]


def test_the_call_centre_and_mayors_office_see_every_unit(org, requests):
    for user in (org.operator, org.chief):
        board = board_figures(municipality=org.municipality, user=user, language="tr", now=NOW)
        assert board.total.received == 6


def test_nobody_sees_another_municipalitys_figures(org, requests, municipality_factory):
    sisli = municipality_factory(slug="sisli")
    stranger = staff_user(sisli, "stranger", unit=unit(sisli, "153", kind=Unit.Kind.CALL_CENTRE))
    board = board_figures(municipality=org.municipality, user=stranger, language="tr", now=NOW)
    assert (board.total.received, board.units) == (0, [])
    own = board_figures(municipality=sisli, user=stranger, language="tr", now=NOW)
    assert own.total.received == 0


def test_the_boards_queries_are_few_and_fixed(org, requests, django_assert_num_queries):
    board_figures(municipality=org.municipality, user=org.manager, language="tr", now=NOW)
    with django_assert_num_queries(10):
        board_figures(municipality=org.municipality, user=org.manager, language="tr", now=NOW)


def test_the_boards_queries_sort_nothing_into_months(org, requests, django_assert_num_queries):
    # A comparison per month per row, compiled per query, was half the board's fixed cost: the
    # rollup's rows carry their month, the live edge its day; Python names the months.
    board_figures(municipality=org.municipality, user=org.manager, language="tr", now=NOW)
    with django_assert_num_queries(10) as captured:
        board_figures(municipality=org.municipality, user=org.manager, language="tr", now=NOW)
    assert [query["sql"] for query in captured if "CASE" in query["sql"]] == []


def test_public_figures_per_category_and_unit(org, requests):
    figures = public_figures(municipality=org.municipality, language="tr", now=NOW)
    by_category = {row.name: row.figures for row in figures.categories}
    assert by_category["tree (tr)"].received == 4
    assert by_category["tree (tr)"].median_days == 2
    assert by_category["light (tr)"].received == 2
    assert figures.total.in_time_percent == 75


def test_an_answer_without_a_verdict_closes_after_n_working_days_across_a_holiday(
    org, time_machine
):
    assert CLOSE_UNANSWERED_AFTER_DAYS == 10
    PublicHoliday.objects.create(
        municipality=org.municipality, date=datetime.date(2026, 3, 4), name="A holiday"
    )
    trees = category(org.municipality, "tree", org.trees, target=3)
    case = file(org.municipality, trees, at(2026, 3, 2, 9, 0), time_machine)
    answer(case, at(2026, 3, 2, 12, 0), time_machine, org.clerk)
    # Ten working days after Monday 2 March would be Monday 16th; the holiday on the 4th
    # moves it to Tuesday 17th.
    assert requests_close_silent(now=at(2026, 3, 16, 18, 0)) == 0
    time_machine.move_to(at(2026, 3, 17, 9, 0))
    assert requests_close_silent() == 1
    case.refresh_from_db()
    assert case.status == "closed"
    entry = case.entries.filter(kind=Entry.Kind.TRANSITION).last()
    assert (entry.by, entry.is_public, entry.data["transition"]) == (None, True, "close")
    assert "10" in entry.body
    logged = ModelLogEntry.objects.filter(action="cases.case.transition", object_id=str(case.pk))
    assert logged.order_by("pk").last().user is None
    assert requests_close_silent() == 0  # safe to run twice


def test_retention_anonymises_only_requests_closed_long_enough_ago(
    org, time_machine, django_capture_on_commit_callbacks
):
    trees = category(org.municipality, "tree", org.trees, target=3)

    def closed_on(day):
        case = file(org.municipality, trees, day, time_machine)
        answer(case, day + datetime.timedelta(hours=1), time_machine, org.clerk)
        case_transition(case=case, transition="accept", by=None, by_resident=True)
        return case

    old = closed_on(at(2024, 1, 8, 10, 0))
    recent = closed_on(at(2024, 6, 3, 10, 0))
    still_open = file(org.municipality, trees, at(2023, 1, 9, 10, 0), time_machine)
    photo = Attachment.objects.create(
        case=old, file=ContentFile(b"jpeg", name="photo.jpg"), name="photo.jpg",
        content_type="image/jpeg", size=4,
    )  # fmt: skip
    storage, name = photo.file.storage, photo.file.name
    now = at(2026, 2, 1, 3, 0)  # 24 months after January 2024, not after June 2024
    with django_capture_on_commit_callbacks(execute=True):
        assert requests_anonymise_expired(now=now) == 1
    anonymised = CitizenRequest.objects.get(case=old)
    assert (anonymised.name, anonymised.email, anonymised.phone) == ("", "", "")
    assert anonymised.anonymised_at == now
    assert not Attachment.objects.filter(case=old).exists() and not storage.exists(name)
    for kept in (recent, still_open):
        assert CitizenRequest.objects.get(case=kept).name == "Ayşe Yılmaz"
    logged = ModelLogEntry.objects.filter(action="desk.request.anonymise")
    assert logged.count() == 1
    assert logged.get().data["cleared"] == ["name", "email", "phone"]
    assert "Ayşe" not in str(logged.get().data) and "ayse@" not in str(logged.get().data)
    assert requests_anonymise_expired(now=now) == 0  # idempotent
    assert logged.count() == 1


# The admin's board and the public page, through Django's client.


def test_the_board_shows_the_managers_units_figures(client, org, requests):
    client.force_login(org.manager)
    response = client.get(BOARD, HTTP_HOST="bornova.localhost")
    assert response.status_code == 200
    page = response.content.decode()
    assert "trees" in page and "lights" in page
    assert "<svg" in page and "Mart 2026" in page  # the chart and its table
    assert "75%" in page  # answered in time, over the whole municipality


def test_a_clerk_does_not_see_a_sibling_units_row(client, org, requests):
    client.force_login(org.clerk)
    page = client.get(BOARD, HTTP_HOST="bornova.localhost").content.decode()
    assert ">trees (tr)<" in page and "lights (tr)" not in page


def test_staff_of_another_municipality_see_nothing_of_it(
    client, org, requests, municipality_factory
):
    sisli = municipality_factory(slug="sisli")
    stranger = staff_user(sisli, "stranger", unit=unit(sisli, "153", kind=Unit.Kind.CALL_CENTRE))
    client.force_login(stranger)
    page = client.get(
        f"{BOARD}?municipality={org.municipality.pk}", HTTP_HOST="bornova.localhost"
    ).content.decode()
    with translation.override("tr"):  # the admin speaks Bornova's language
        nothing = translation.gettext("No requests yet.")
    assert "trees (tr)" not in page and nothing in page


def test_someone_signed_out_is_sent_to_sign_in(client, org):
    response = client.get(BOARD, HTTP_HOST="bornova.localhost")
    assert response.status_code == 302 and "login" in response["Location"]


def test_the_boards_queries_are_pinned(client, org, requests, django_assert_max_num_queries):
    client.force_login(org.manager)
    client.get(BOARD, HTTP_HOST="bornova.localhost")
    cache.clear()  # counted afresh, not read from the cache
    # 38 on the branch's base (the pin said 34, already exceeded); open from the rollup and
    # overdue live: one more.
    with django_assert_max_num_queries(39):
        client.get(BOARD, HTTP_HOST="bornova.localhost")


def test_the_board_is_read_from_the_cache_within_five_minutes(client, org, requests, time_machine):
    client.force_login(org.manager)
    assert "75%" in client.get(BOARD, HTTP_HOST="bornova.localhost").content.decode()
    time_machine.move_to(at(2026, 3, 11, 10, 30))
    case_transition(case=requests["d"], transition="answer", by=org.clerk, note="Done.")
    assert "75%" in client.get(BOARD, HTTP_HOST="bornova.localhost").content.decode()
    cache.clear()
    assert "60%" in client.get(BOARD, HTTP_HOST="bornova.localhost").content.decode()


def test_the_public_figures_have_no_personal_data_and_are_cached(client, org, requests):
    url = "/tr/requests/figures/"
    response = client.get(url, HTTP_HOST="bornova.localhost")
    assert response.status_code == 200
    page = response.content.decode()
    assert "tree (tr)" in page and "light (tr)" in page
    for personal in ("Ayşe", "ayse@example.org", "0555", "about to fall", requests["a"].reference):
        assert personal not in page
    assert "public" in response["Cache-Control"] and not response.cookies
    again = client.get(url, HTTP_HOST="bornova.localhost")
    assert again["X-Page-Cache"] == "hit"


def test_the_public_figures_say_since_when_in_one_sentence(client, org, requests):
    with translation.override("en"):
        page = client.get("/en/requests/figures/", HTTP_HOST="bornova.localhost")
    text = page.content.decode()
    assert page.status_code == 200, text[:500]
    assert re.search(r"Requests received since <time datetime=\"[^\"]+\">[^<]+</time>\.", text)


def test_the_boards_queries_do_not_grow_with_the_requests_or_the_months(
    org, requests, time_machine, django_assert_num_queries
):
    """Ten queries at six requests in one month, and again at twenty-six in five months:
    the twelve months' rates come from the rollup in one query, open now and overdue before
    today from the rollup of open cases in one more, overdue today and due soon in one over
    the cases due from the start of today to next week."""
    board_figures(municipality=org.municipality, user=org.manager, language="tr", now=NOW)
    with django_assert_num_queries(10):
        board_figures(municipality=org.municipality, user=org.manager, language="tr", now=NOW)
    trees = CitizenRequest.objects.filter(case=requests["a"]).get().category
    for year, month in ((2025, 10), (2025, 11), (2025, 12), (2026, 1), (2026, 2)):
        for day in (3, 4, 5, 6):
            case = file(org.municipality, trees, at(year, month, day, 10, 0), time_machine)
            answer(case, at(year, month, day + 7, 11, 0), time_machine, org.clerk)
    time_machine.move_to(NOW)
    board_figures(municipality=org.municipality, user=org.manager, language="tr", now=NOW)
    with django_assert_num_queries(10):
        board = board_figures(
            municipality=org.municipality, user=org.manager, language="tr", now=NOW
        )
    assert board.total.received == 26
    assert sum(1 for month in board.months if month.figures.received) == 6


def test_a_rating_given_after_the_board_was_read_is_counted(org, requests):
    board_figures(municipality=org.municipality, user=org.manager, language="tr", now=NOW)
    request_accept(case=Case.objects.get(pk=requests["e"].pk), rating=1)
    board = board_figures(municipality=org.municipality, user=org.manager, language="tr", now=NOW)
    assert average_rating(board.total) == pytest.approx((5 + 2 + 4 + 1) / 4)


def test_a_service_standard_shows_its_categorys_measured_median(org, requests):
    from municipium.directory import measurements
    from municipium.directory.services import directorate_service_standards_set
    from municipium.directory.tests.factories import directorate, directory_index, standard

    page = directorate(directory_index(org.municipality), slug="parklar", title="Parklar")
    directorate_service_standards_set(
        page=page,
        rows=[standard("Ağaç budama", value=3, unit="working_days"), standard("Başka", text="1")],
    )
    pruning, other = page.service_standards.order_by("sort_order")
    trees = CitizenRequest.objects.get(case=requests["a"]).category
    trees.service_standard = pruning
    trees.save()
    medians = measurements.measured_median_days(
        municipality=org.municipality, standard_ids=[pruning.pk, other.pk]
    )
    assert medians == {pruning.pk: 2}  # of 1, 2, 5 working days: the trees' answers


def deadlines(board):
    return (board.total.overdue, board.total.due_soon)


def test_an_extension_moves_an_overdue_request_to_due_soon(org, requests):
    """D (trees, due 5 March) is overdue; extended by five working days it is due on the
    12th: the rollup's day of filing is rebuilt, the board counts it due soon."""
    board = board_figures(municipality=org.municipality, user=org.manager, language="tr", now=NOW)
    assert deadlines(board) == (1, 1)
    case_extend(case=requests["d"], days=5, by=org.clerk, reason="A survey is needed.")
    board = board_figures(municipality=org.municipality, user=org.manager, language="tr", now=NOW)
    assert deadlines(board) == (0, 2)


def test_a_rerouted_overdue_request_is_overdue_in_its_new_unit(org, requests):
    board_figures(municipality=org.municipality, user=org.manager, language="tr", now=NOW)
    case_route(case=requests["d"], unit=org.lights, by=org.manager, reason="Lights.")
    board = board_figures(municipality=org.municipality, user=org.manager, language="tr", now=NOW)
    by_unit = {found.code: figures for found, figures in board.units}
    assert (by_unit["trees"].overdue, by_unit["lights"].overdue) == (0, 1)


def test_overdue_moves_with_the_clock_without_a_rebuild(org, requests):
    """F (lights, filed on the 10th, five working days) is due on the 17th: due soon on the
    11th, overdue from the 18th, and on the 17th itself overdue only after the offices close."""
    due = Case.objects.get(pk=requests["f"].pk).due_at
    board_figures(municipality=org.municipality, user=org.manager, language="tr", now=NOW)
    seen = []
    for now in (
        NOW,
        due - datetime.timedelta(hours=1),
        due + datetime.timedelta(minutes=1),
        due + datetime.timedelta(days=1),
    ):
        board = board_figures(
            municipality=org.municipality, user=org.manager, language="tr", now=now
        )
        seen.append(deadlines(board))
    # D stays overdue throughout; E is answered.
    assert seen == [(1, 1), (1, 1), (2, 0), (2, 0)]


def test_another_municipalitys_overdue_requests_are_never_counted(
    org, requests, municipality_factory, time_machine
):
    sisli = municipality_factory(slug="sisli")
    roads = category(sisli, "road", unit(sisli, "roads"), target=1)
    file(sisli, roads, at(2026, 3, 2, 10, 0), time_machine)  # overdue since the 3rd
    file(sisli, roads, at(2026, 3, 11, 8, 0), time_machine)  # due tomorrow
    time_machine.move_to(NOW)
    for user in (org.manager, org.chief):
        board = board_figures(municipality=org.municipality, user=user, language="tr", now=NOW)
        assert deadlines(board) == (1, 1)
    assert deadlines(public_figures(municipality=org.municipality, language="tr", now=NOW)) == (
        1,
        1,
    )
