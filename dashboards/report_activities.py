"""The team-building activities panel (built like `report`, from `selectors.engagement`).

HR sees how many activities were run, by purpose, under the same privacy rules as every
figure (dashboards.privacy): each count stands for the people who attended the sessions it was
run in, and is hidden ("fewer than K", with complementary suppression) below K of them."""

from __future__ import annotations

from django.utils.translation import gettext

from dashboards import panels as P
from dashboards.privacy import Figure, Row, Table, protect_table
from dashboards.report import PanelView, _columns
from dashboards.selectors import engagement
from dashboards.selectors.base import Scope


def activities_panel(scope: Scope) -> PanelView:
    from activities.models import Activity

    data = engagement.activity_run_figures(scope=scope)
    rows = []
    for value, label in Activity.Purpose.choices:
        row = data["by_category"].get(value, {})
        rows.append(Row(str(label), [Figure(row.get("runs", 0), row.get("people", 0), "exact")],
                        part_of="all"))
    total = data["total"]
    rows.append(Row(gettext("All activities"), [Figure(total["runs"], total["people"], "exact")],
                    part_of=None, total_of="all"))
    table = protect_table(Table("activity_runs",
                                gettext("Team-building activities run, by purpose"),
                                _columns([P.RUNS], {"runs"}), rows))
    notes = ([gettext("Activities are run in sessions, not by people, so the department filter "
                      "does not apply to them.")] if scope.department_id else [])
    return PanelView(next(p for p in P.PANELS if p.key == "activities"), [table], notes=notes)
