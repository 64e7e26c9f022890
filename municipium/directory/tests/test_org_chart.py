"""The organisation chart's tree, built from plain rows."""

from types import SimpleNamespace

from municipium.directory.org_chart import org_chart_build


def unit(pk, name, parent_id=None):
    return SimpleNamespace(pk=pk, name=name, parent_id=parent_id)


def role(name, unit_id=None, is_head=False):
    return SimpleNamespace(name=name, unit_id=unit_id, is_head=is_head)


def names(node):
    return [(child.name, [r.name for r in child.people], names(child)) for child in node.children]


def test_units_nest_under_their_parents_with_heads_first():
    chart = org_chart_build(
        title="Özel Kalem",
        units=[unit(1, "Protokol"), unit(2, "Sekreterya"), unit(3, "Arşiv", parent_id=2)],
        roles=[
            role("Memur", 1), role("Şef", 1, is_head=True), role("Müdür", is_head=True),
            role("Evrak", 3),
        ],
    )  # fmt: skip
    assert chart.name == "Özel Kalem" and [r.name for r in chart.people] == ["Müdür"]
    assert names(chart) == [
        ("Protokol", ["Şef", "Memur"], []),
        ("Sekreterya", [], [("Arşiv", ["Evrak"], [])]),
    ]
    assert [node.heading_level for node in chart.walk()] == [3, 4, 4, 5]


def test_units_in_a_loop_or_under_a_missing_parent_hang_from_the_root():
    chart = org_chart_build(
        title="Müdürlük",
        units=[unit(1, "A", parent_id=2), unit(2, "B", parent_id=1), unit(3, "C", parent_id=99)],
        roles=[role("Kişi", 99)],  # a unit that is gone: the person stays, at the top
    )
    assert sorted(node.name for node in chart.walk()) == ["A", "B", "C", "Müdürlük"]
    assert [r.name for r in chart.people] == ["Kişi"]


def test_headings_stop_at_level_six():
    units = [unit(n, f"U{n}", parent_id=n - 1 if n > 1 else None) for n in range(1, 7)]
    chart = org_chart_build(title="Root", units=units, roles=[])
    assert max(node.heading_level for node in chart.walk()) == 6


def test_a_unit_not_saved_yet_has_no_people_of_its_own():
    chart = org_chart_build(
        title="Root", units=[unit(None, "New"), unit(None, "Newer")], roles=[role("Director")]
    )
    assert [(child.name, child.people) for child in chart.children] == [
        ("New", []),
        ("Newer", []),
    ]
