"""Figures against the hand-computed organisation in conftest.py (K = 5)."""

from dashboards import rollups
from dashboards.periods import period_for
from dashboards.report import dashboard_build
from dashboards.selectors import participation
from dashboards.selectors.base import Scope


def scope(**filters) -> Scope:
    return Scope(period=period_for(preset="4w"), **filters)


def table(dashboard, key):
    return next(t for p in dashboard.panels for t in p.tables if t.key == key)


def shown(t) -> dict[str, list[str]]:
    return {row.label: [c.text for c in row.cells] for row in t.visible_rows}


def test_true_participation_figures_match_the_hand_count(org):
    rollups.build()
    m = participation.membership_figures(scope=scope())
    assert m["total"]["active"] == 10  # e0..e7, f0, f1
    assert m["total"]["joined"] == 5  # e0..e4 joined Skills Lab
    a, r = participation.activity_figures(scope=scope())
    assert a["total"] == {"rows": 7, "people_all": 7, "people": 7}
    assert r["total"] == {"going": 10, "attended": 7, "going_people": 10, "attended_people": 7}
    s = participation.session_figures(scope=scope())
    assert sum(v["held"] for v in s["trend"].values()) == 2
    assert sum(v["cancelled"] for v in s["trend"].values()) == 1


def test_department_filter_counts_only_that_departments_people(org):
    finance = org.finance[0].department_id
    rollups.build()
    m = participation.membership_figures(scope=scope(department_id=finance))
    assert m["total"]["active"] == 2
    a, _r = participation.activity_figures(scope=scope(department_id=finance))
    assert a["total"]["people"] == 0 and a["total"]["people_all"] == 7


def test_the_summary_shows_rounded_figures_and_hides_nothing_big_enough(org):
    dashboard = dashboard_build(scope=scope(), filters=[])
    summary = shown(table(dashboard, "summary"))
    assert summary["Active members"] == ["10"]
    assert summary["New members"] == ["5"]
    assert summary["Attended at least one session"] == ["5"]  # 7 rounds to 5
    assert summary["Attendance rate"] == ["70%"]  # 7 of 10 going
    # 2 held and 1 cancelled, but all in one week beside three empty ones: the trend table
    # must hide them (the empty weeks would give them away), so the summary hides them too,
    # and the average session size with them (it is made of the held count).
    assert summary["Sessions held"] == ["hidden"]
    assert summary["Sessions cancelled"] == ["hidden"]
    assert summary["Average session size"] == ["hidden"]


def test_the_summary_and_every_total_row_agree_cell_for_cell(org):
    dashboard = dashboard_build(scope=scope(), filters=[])
    summary = shown(table(dashboard, "summary"))
    trend = shown(table(dashboard, "trend"))["Whole period"]
    labels = ["Active members", "New members", "Attended at least one session",
              "Attendance rate", "Sessions held", "Sessions cancelled", "Average session size"]
    assert [summary[label][0] for label in labels] == trend
    departments = shown(table(dashboard, "departments"))["All departments"]
    assert departments == [summary[label][0] for label in [
        "Employees", "Active members", "New members", "Attended at least one session",
        "Attendance rate"]]
    groups = shown(table(dashboard, "named_groups"))["All groups"]
    assert groups[:3] == [summary[label][0] for label in labels[:3]]


def test_an_average_is_hidden_when_the_counts_it_divides_are(org):
    """With Finance chosen, every count of Finance's people is 'fewer than 5'; the average
    session size (computed over every department's attendance) must not be shown beside
    them: a ratio is hidden when a figure it is made of is."""
    finance = org.finance[0].department_id
    dashboard = dashboard_build(scope=scope(department_id=finance), filters=[])
    summary = shown(table(dashboard, "summary"))
    assert summary["Attended at least one session"] == ["fewer than 5"]
    assert summary["Average session size"] != ["3.5"]
    assert summary["Average session size"][0] in ("fewer than 5", "hidden")


def test_small_departments_are_hidden_and_so_is_the_cell_that_would_reveal_them(org):
    departments = shown(table(dashboard_build(scope=scope(), filters=[]), "departments"))
    assert departments["Finance"][:4] == ["fewer than 5"] * 4
    # Engineering alone would give Finance away by subtraction from the total.
    assert departments["Engineering"][:4] == ["hidden"] * 4
    assert departments["Engineering"][4] == "88%"  # 7 of 8 going; rates are not subtracted
    assert departments["All departments"][:4] == ["10", "10", "5", "5"]


def test_private_groups_count_in_their_category_and_shield_the_named_ones(org):
    groups = shown(table(dashboard_build(scope=scope(), filters=[]), "named_groups"))
    assert "Quiet Harbour" not in groups
    assert groups["Peer circle (all groups)"][0] == "10"
    # Open Circle would give away the 3 people of the sensitive group by subtraction.
    assert groups["Open Circle"][0] == "hidden"
    assert groups["Skills Lab"][0] == "hidden"  # its category total is hidden beside it


def test_trend_buckets_are_whole_weeks_each_under_the_rule(org):
    trend = table(dashboard_build(scope=scope(), filters=[]), "trend")
    labels = [row.label for row in trend.visible_rows]
    assert len(labels) == 5 and labels[-1] == "Whole period"
    last_week = trend.visible_rows[3]
    # New members: the other weeks are 0, so last week's 5 would be the period total minus
    # nothing; it is hidden beside them (complementary suppression across time).
    assert [c.text for c in last_week.cells][:3] == ["10", "hidden", "5"]
    assert all(c.text == "fewer than 5" for c in trend.visible_rows[0].cells[1:4])


def test_chart_ticks_are_equal_whole_steps():
    from dashboards.charts import value_ticks

    assert value_ticks(5) == [0, 1, 2, 3, 4, 5]  # not 0, 1, 2, 4, 5
    assert value_ticks(57) == [0, 10, 20, 30, 40, 50, 60]
    assert value_ticks(235) == [0, 50, 100, 150, 200, 250]
    for top in (1, 3, 7, 12, 99, 101, 1234):
        ticks = value_ticks(top)
        steps = {b - a for a, b in zip(ticks, ticks[1:], strict=False)}
        assert len(steps) == 1 and ticks[0] == 0 and ticks[-1] >= top
        assert all(float(t).is_integer() for t in ticks) and len(ticks) <= 7


def test_the_trend_chart_labels_its_axis_in_equal_steps(org):
    dashboard = dashboard_build(scope=scope(), filters=[])
    trend_panel = next(p for p in dashboard.panels if p.spec.key == "trends")
    people_chart = trend_panel.charts[0]
    labels = [label for _y, label in people_chart.ticks]
    assert labels == ["0", "1", "2", "3", "4", "5"]  # the one shown bucket is 5
    ys = [y for y, _label in people_chart.ticks]
    assert len({round(a - b, 1) for a, b in zip(ys, ys[1:], strict=False)}) == 1
