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
    assert summary["Sessions held"] == ["2"]
    assert summary["Sessions cancelled"] == ["1"]
    assert summary["Average session size"] == ["3.5"]  # 7 attendances / 2 sessions


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
