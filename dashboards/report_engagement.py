"""Recognition and check-out panels (built like `report`, from `selectors.engagement`)."""

from __future__ import annotations

from django.utils.translation import gettext, gettext_lazy

from dashboards import panels as P
from dashboards.privacy import (
    Cell,
    Column,
    Figure,
    Row,
    Table,
    average,
    people,
    percent_text,
    protect_table,
    protect_tables,
    ratio,
)
from dashboards.report import NO_DEPARTMENT, PanelView, _categories, _columns, _summary
from dashboards.selectors import engagement
from dashboards.selectors.base import Scope

LOW_SHARE_FACTOR = 0.5  # "little recognition": under half the organisation-wide share
GIVEN_RECEIVED_NOTE = gettext_lazy(
    "Given and received count different things: a recognition is given once, but it can "
    "thank several people, and it counts once as received for each of them. So "
    "“Recognitions received” is usually higher than “Recognitions given”.")


def recognition_panel(scope: Scope, departments, headcount) -> PanelView:
    data = engagement.recognition_figures(scope=scope)
    total = data["total"]
    employees = (headcount.get(scope.department_id, 0) if scope.department_id
                 else sum(headcount.values()))
    gave = ratio(total["givers"], employees, people_num=total["givers"], people_den=employees)
    got = ratio(total["recipients"], employees, people_num=total["recipients"],
                people_den=employees)
    summary = _summary("recognition_summary", gettext("Recognition in the whole period"), [
        (P.GIVEN, Figure(total["given"], total["givers"], "count")),
        (P.GAVE_SHARE, gave), (P.GOT_SHARE, got),
        (P.RECOGNISED, people(total["recipients"])),
    ])
    # The default values are read in the reader's language (recognition.defaults).
    value_rows = [Row(gettext(row["values__name"]) if row["values__name"]
                      else gettext("No value chosen"),
                      [Figure(row["count"], row["givers"], "count")], part_of=None)
                  for row in sorted(data["by_value"], key=lambda r: r["values__name"] or "~")]
    by_value = protect_table(Table("recognition_values", gettext("Recognitions by value"),
                                   [Column("given", P.GIVEN.label, "count")], value_rows,
                                   note=gettext("A recognition can name several values.")))
    equity = _equity_table(scope, departments, headcount, data, got)
    # The organisation-wide share is in both tables: shown or hidden alike (rule 1d).
    protect_tables(summary, equity)
    _flag_low_recognition(equity, got)
    return PanelView(P.PANELS[3], [summary, by_value, equity], notes=[GIVEN_RECEIVED_NOTE])


def _equity_table(scope: Scope, departments, headcount, data, org_share: Figure) -> Table:
    rows = []
    listed = [(d.id, d.name) for d in departments] + [(None, NO_DEPARTMENT)]
    if scope.department_id:
        listed = [(i, n) for i, n in listed if i == scope.department_id]
    for dept_id, name in listed:
        got = data["receivers"].get(dept_id, {})
        staff = headcount.get(dept_id, 0)
        recipients = got.get("recipients", 0)
        rows.append(Row(name, [
            people(staff), people(recipients),
            Figure(got.get("received", 0), recipients, "count"),
            ratio(recipients, staff, people_num=recipients, people_den=staff)],
            part_of="dept"))
    if not scope.department_id:
        total = data["total"]
        employees = sum(headcount.values())
        rows.append(Row(gettext("All departments"), [
            people(employees), people(total["recipients"]),
            Figure(sum(r.get("received", 0) for r in data["receivers"].values()),
                   total["recipients"], "count"), org_share], part_of=None, total_of="dept"))
    specs = [P.EMPLOYEES, P.RECOGNISED, P.RECEIVED, P.GOT_SHARE]
    return Table(
        "recognition_equity", gettext("Recognition received by department"),
        _columns(specs, {"employees", "recognised", "received"}), rows,
        note=gettext("Flagged: a department whose share of people recognised is under "
                     "%(percent)s of the organisation-wide share, or too small to show.")
        % {"percent": percent_text(int(LOW_SHARE_FACTOR * 100))})


def _flag_low_recognition(table: Table, org_share: Figure) -> None:
    """Adds a signal column computed from shown cells only (it reveals nothing new)."""
    org_cell = table.rows[-1].cells[3] if table.rows and table.rows[-1].total_of else None
    org = org_cell.number if org_cell else (
        round(100 * org_share.value) if org_share.value is not None else None)
    table.columns.append(Column("signal", gettext("Signal"), "exact"))
    for row in table.rows:
        if row.total_of:
            row.cells.append(Cell(""))
            continue
        staff, recognised, share = row.cells[0], row.cells[1], row.cells[3]
        if staff.hidden:
            text = ""
        elif recognised.hidden == "small" or (
                share.number is not None and org and share.number < LOW_SHARE_FACTOR * org):
            text = gettext("receives little recognition")
        else:
            text = ""
        row.cells.append(Cell(text))


def checkout_panel(scope: Scope) -> PanelView:
    data = engagement.checkout_figures(scope=scope)
    rows = []
    for value, label in _categories(scope):
        row = data["by_category"].get(value, {})
        behind = row.get("people", 0)
        rows.append(Row(label, [Figure(row.get("answers", 0), behind, "count"),
                                average(row.get("score_total"), row.get("answers", 0),
                                        people_behind=behind)], part_of="all"))
    total = data["total"]
    rows.append(Row(gettext("All categories"), [
        Figure(total["answers"], total["people"], "count"),
        average(total["score_total"], total["answers"], people_behind=total["people"])],
        part_of=None, total_of="all"))
    table = protect_table(Table("checkouts", gettext("Check-out answers by group category"),
                                _columns([P.ANSWERS, P.SAFE], {"answers"}), rows))
    notes = ([gettext("Check-out answers are anonymous, so the department filter does not apply "
              "to them.")] if scope.department_id else [])
    return PanelView(P.PANELS[4], [table], notes=notes)


def moderation_panel(scope: Scope, departments) -> PanelView:
    from groups.rules import RULE_KEY_LABELS

    data = engagement.flag_figures(scope=scope)
    labels = {**RULE_KEY_LABELS, "other": gettext("Something else")}

    def figures(row: dict | None) -> list[Figure]:
        row = row or {}
        behind = min(row.get("authors", 0), row.get("reporters", 0))
        return [Figure(row.get("raised", 0), behind, "count"),
                Figure(row.get("resolved", 0), behind, "count")]

    columns = _columns([P.RAISED, P.RESOLVED], {"raised", "resolved"})
    total = Row(gettext("All flags"), figures(data["total"]), part_of=None, total_of="all")
    rule_rows = [Row(label, figures(data["by_rule"].get(key)), part_of="all")
                 for key, label in labels.items()]
    by_rule = protect_table(Table("flags_by_rule", gettext("Flags by ground rule"), columns,
                                  [*rule_rows, total]))
    listed = [(d.id, d.name) for d in departments] + [(None, NO_DEPARTMENT)]
    if scope.department_id:
        listed = [(i, n) for i, n in listed if i == scope.department_id]
    dept_rows = [Row(name, figures(data["by_department"].get(dept_id)), part_of="all")
                 for dept_id, name in listed]
    if not scope.department_id:
        dept_rows.append(Row(gettext("All flags"), figures(data["total"]), part_of=None,
                             total_of="all"))
    by_department = protect_table(Table(
        "flags_by_department", gettext("Flags by department of the person flagged"),
        _columns([P.RAISED, P.RESOLVED], {"raised", "resolved"}), dept_rows))
    return PanelView(P.PANELS[5], [by_rule, by_department])
