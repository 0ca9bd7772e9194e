"""Builds the one structure the dashboard page and the CSV export are both rendered from.

`dashboard_build` calls the selectors (true aggregates), arranges them in tables and passes
every table through `privacy.protect_table`; charts are drawn from the protected cells only.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from django.utils import formats, translation
from django.utils.translation import gettext, gettext_lazy

from dashboards import charts, rollups
from dashboards import panels as P
from dashboards.models import RollupState
from dashboards.periods import Period
from dashboards.privacy import (
    Cell,
    Column,
    Figure,
    Row,
    Table,
    average,
    min_group_size,
    people,
    protect_tables,
    ratio,
)
from dashboards.selectors import engagement, participation
from dashboards.selectors.base import Scope
from groups.models import Group

NO_DEPARTMENT = gettext_lazy("No department")


@dataclass
class PanelView:
    spec: P.PanelSpec
    tables: list[Table]
    charts: list[charts.Chart] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


@dataclass
class Dashboard:
    period: Period
    filters: list[tuple[str, str]]
    panels: list[PanelView]
    k: int
    as_of: dt.datetime | None = None  # the facts the rollups were built from

    @property
    def as_of_note(self) -> str:
        if self.as_of is None:
            return ""
        when = formats.date_format(self.as_of.astimezone(dt.UTC), "DATETIME_FORMAT")
        return gettext("Figures as of %(when)s UTC: periods are the weeks and months finished "
                       "by then. They are brought up to date every hour, with attendance marked "
                       "late.") % {"when": when}


def _columns(specs: list[P.FigureSpec], additive: set[str]) -> list[Column]:
    return [Column(s.key, s.label, s.kind, s.key in additive) for s in specs]


def _summary(key: str, caption: str, figures: list[tuple[P.FigureSpec, Figure]]) -> Table:
    rows = [Row(spec.label, [figure], part_of=None) for spec, figure in figures]
    return Table(key, caption, [Column("value", gettext("Whole period"), "exact")], rows)


def _rate(row: dict | None, parts: tuple[Figure, ...] = ()) -> Figure:
    row = row or {}
    return ratio(row.get("attended", 0), row.get("going", 0),
                 people_num=row.get("attended_people", 0), people_den=row.get("going_people", 0),
                 parts=parts)


def _department_rows(scope: Scope, departments, line: str) -> list[tuple[int | None, str]]:
    if scope.department_id:
        return [(d.id, d.name) for d in departments if d.id == scope.department_id]
    return [(d.id, d.name) for d in departments] + [(None, NO_DEPARTMENT)]


def _categories(scope: Scope) -> list[tuple[str, str]]:
    return [(v, label) for v, label in Group.Category.choices
            if not scope.category or v == scope.category]


def participation_panels(scope: Scope, departments, headcount) -> list[PanelView]:
    m = participation.membership_figures(scope=scope)
    g = participation.group_counts(scope=scope)
    s = participation.session_figures(scope=scope)
    a, r = participation.activity_figures(scope=scope)
    employees = (headcount.get(scope.department_id, 0) if scope.department_id
                 else sum(headcount.values()))
    held = sum(row["held"] for row in s["trend"].values())
    cancelled = sum(row["cancelled"] for row in s["trend"].values())
    attendees_all = a["total"]["people_all"]
    attended = people(a["total"]["people"])
    held_figure = Figure(held, attendees_all, "exact")
    summary = _summary("summary", gettext("Participation in the whole period"), [
        (P.ACTIVE, people(m["total"]["active"])), (P.NEW, people(m["total"]["joined"])),
        (P.ATTENDED, attended), (P.RATE, _rate(r["total"], parts=(attended,))),
        (P.HELD, held_figure),
        (P.CANCELLED, Figure(cancelled, attendees_all, "exact")),
        # An average is no more shown than the attendance it divides (rule 1d): with a
        # department chosen, a size over every department would sit beside hidden counts.
        (P.SIZE, average(a["total"]["rows"], held, people_behind=attendees_all,
                         parts=(attended, held_figure))),
        (P.EMPLOYEES, people(employees)),
    ])
    dept_specs = [P.EMPLOYEES, P.ACTIVE, P.NEW, P.ATTENDED, P.RATE]
    dept_rows = []
    for dept_id, name in _department_rows(scope, departments, "dept"):
        mem = m["by_department"].get(dept_id, {})
        dept_rows.append(Row(name, [
            people(headcount.get(dept_id, 0)), people(mem.get("active", 0)),
            people(mem.get("joined", 0)), people(a["by_department"].get(dept_id, 0)),
            _rate(r["by_department"].get(dept_id))], part_of="dept"))
    if not scope.department_id:
        dept_rows.append(Row(gettext("All departments"), summary_figures(summary, [7, 0, 1, 2, 3]),
                             part_of=None, total_of="dept"))
    by_department = Table("departments", gettext("Participation by department"),
                          _columns(dept_specs, {"employees", "active", "joined", "attended"}),
                          dept_rows)
    notes = [gettext("Sessions held, cancelled and their average size count every department, "
             "also when a department is chosen.")] if scope.department_id else []
    trend = _trend_table(scope, m, s, a, r, summary)
    categories, named = _groups_tables(scope, m, g, s, a, summary)
    # One page: a figure hidden in one table is hidden in every other (rule 1d).
    protect_tables(summary, by_department, trend, categories, named)
    return [PanelView(P.PANELS[0], [summary, by_department], notes=notes),
            _trend_panel(scope, trend),
            PanelView(P.PANELS[2], [categories, named])]


def summary_figures(summary: Table, indexes: list[int]) -> list[Figure]:
    return [summary.rows[i].figures[0] for i in indexes]


def _trend_table(scope, m, s, a, r, summary: Table) -> Table:
    specs = [P.ACTIVE, P.NEW, P.ATTENDED, P.RATE, P.HELD, P.CANCELLED, P.SIZE]
    rows = []
    for i, (start, _end) in enumerate(scope.period.buckets()):
        sess = s["trend"].get(start, {})
        att = a["trend"].get(start, {})
        held = sess.get("held", 0)
        attended = people(att.get("people", 0))
        held_figure = Figure(held, att.get("people_all", 0), "exact")
        rows.append(Row(scope.period.bucket_label(start), [
            people(m["trend"][i]["active"]), people(m["trend"][i]["joined"]),
            attended, _rate(r["trend"].get(start), parts=(attended,)), held_figure,
            Figure(sess.get("cancelled", 0), att.get("people_all", 0), "exact"),
            average(att.get("rows", 0), held, people_behind=att.get("people_all", 0),
                    parts=(attended, held_figure)),
        ], part_of="time"))
    rows.append(Row(gettext("Whole period"), summary_figures(summary, [0, 1, 2, 3, 4, 5, 6]),
                    part_of=None, total_of="time"))
    caption = (gettext("Participation by week") if scope.period.grain == "week"
               else gettext("Participation by month"))
    return Table("trend", caption,
                 _columns(specs, {"joined", "held", "cancelled"}), rows)


def _trend_panel(scope, table: Table) -> PanelView:
    """The trend table (already protected) with its charts, drawn from its shown cells."""
    weekly = scope.period.grain == "week"
    short = [formats.date_format(start, "MONTH_DAY_FORMAT" if weekly else "YEAR_MONTH_FORMAT")
             for start, _end in scope.period.buckets()]
    return PanelView(P.PANELS[1], [table], charts=[
        charts.bar_chart(table, "attended",
                         gettext("People who attended at least one session, by week") if weekly
                         else gettext("People who attended at least one session, by month"),
                         short),
        charts.bar_chart(table, "rate",
                         gettext("Attendance rate, by week") if weekly
                         else gettext("Attendance rate, by month"), short),
    ])


def _groups_tables(scope, m, g, s, a, summary: Table) -> tuple[Table, Table]:
    category_rows = []
    totals = {"groups": 0, "new": 0}
    for value, label in _categories(scope):
        counts = g.get(value, {})
        mem = m["by_category"].get(value, {})
        behind = mem.get("active", 0)
        totals["groups"] += counts.get("groups", 0)
        totals["new"] += counts.get("new", 0)
        category_rows.append(Row(label, [
            Figure(counts.get("groups", 0), behind, "exact"),
            Figure(counts.get("new", 0), behind, "exact"),
            people(mem.get("at_start", 0)), people(mem.get("at_end", 0)),
            people(mem.get("left", 0))], part_of="all"))
    total = m["total"]
    category_rows.append(Row(gettext("All categories"), [
        Figure(totals["groups"], total["active"], "exact"),
        Figure(totals["new"], total["active"], "exact"),
        people(total["at_start"]), people(total["at_end"]), people(total["left"])],
        part_of=None, total_of="all"))
    specs = [P.GROUPS, P.NEW_GROUPS, P.AT_START, P.AT_END, P.LEFT]
    by_category = Table("categories", gettext("Groups by category"),
                        _columns(specs, {s.key for s in specs}), category_rows)
    return by_category, _named_groups_table(scope, m, g, s, a, summary)


def _named_groups_table(scope, m, g, s, a, summary: Table) -> Table:
    """Categories with their named groups; private and sensitive groups as an unnamed part."""
    keyed: dict[tuple[str, int | None], dict] = {}
    for source, fields in ((m["by_group"], ("active", "joined")), (s["by_group"], ("held",)),
                           (a["by_group"], ("people",))):
        for row in source:
            category = row.get("group__category") or row.get("session__group__category")
            entry = keyed.setdefault((category, row["named"]), {"name": row["name"]})
            for name in fields:
                entry[name] = entry.get(name, 0) + row[name]
    rows = []
    for value, label in _categories(scope):
        mem = m["by_category"].get(value, {})
        cat_held = sum(e.get("held", 0) for (c, _), e in keyed.items() if c == value)
        behind = a["by_category"].get(value, 0)
        rows.append(Row(gettext("%(category)s (all groups)") % {"category": label}, [
            people(mem.get("active", 0)), people(mem.get("joined", 0)), people(behind),
            Figure(cat_held, behind, "exact")], part_of="all", total_of=value))
        named = sorted(((k, e) for k, e in keyed.items() if k[0] == value and k[1]),
                       key=lambda item: item[1]["name"].lower())
        for _key, entry in named:
            rows.append(Row(entry["name"], _group_figures(entry), part_of=value))
        if g.get(value, {}).get("unnamed"):
            rows.append(Row(gettext("Private and sensitive groups"), _group_figures(
                keyed.get((value, None), {})), part_of=value, unnamed=True))
    # The grand total's people are the summary's own figures: shown or hidden alike.
    rows.append(Row(gettext("All groups"), [
        *summary_figures(summary, [0, 1, 2]),
        Figure(sum(e.get("held", 0) for e in keyed.values()), a["total"]["people"], "exact")],
        part_of=None, total_of="all"))
    specs = [P.ACTIVE, P.NEW, P.ATTENDED, P.HELD]
    return Table(
        "named_groups", gettext("Open and request-to-join groups by name, within their category"),
        _columns(specs, {s.key for s in specs}), rows,
        note=gettext("Private and sensitive groups are counted in their category's total and never "
             "named."))


def _group_figures(entry: dict) -> list[Figure]:
    attended = entry.get("people", 0)
    return [people(entry.get("active", 0)), people(entry.get("joined", 0)), people(attended),
            Figure(entry.get("held", 0), attended, "exact")]


def dashboard_build(*, scope: Scope, filters: list[tuple[str, str]],
                    state: RollupState | None = None) -> Dashboard:
    """Everything HR may see for `scope`, already protected. A fixed number of queries.

    Reads the rollups (`state`: as last built)."""
    from dashboards.report_engagement import checkout_panel, moderation_panel, recognition_panel

    state = state or rollups.current()

    departments = participation.departments()
    headcount = participation.headcount_by_department()
    panels = participation_panels(scope, departments, headcount)
    present = engagement.available_panels()
    if "recognition" in present:
        panels.append(recognition_panel(scope, departments, headcount))
    if "checkouts" in present:
        panels.append(checkout_panel(scope))
    if "moderation" in present:
        panels.append(moderation_panel(scope, departments))
    if "activities" in present:
        from dashboards.report_activities import activities_panel

        panels.append(activities_panel(scope))
    if "training" in present:
        from dashboards.report_training import training_panel

        panels.append(training_panel(scope))
    return Dashboard(scope.period, filters, panels, min_group_size(), as_of=state.built_at)


def cell_texts(row: Row) -> list[str]:
    return [cell.text for cell in row.cells]


__all__ = ["Cell", "Dashboard", "PanelView", "cell_texts", "dashboard_build"]


CACHE_SECONDS = 2 * 60 * 60  # the hourly task refreshes the common views well before this


def dashboard_cache_key(scope: Scope, state: RollupState) -> str:
    """A built dashboard is kept for as long as the rollups it was read from."""
    period = scope.period
    # Built in one language (labels, dates and numbers are text): one entry per language.
    return (f"dashboards:v2:{translation.get_language()}:k{min_group_size()}:{period.grain}:"
            f"{period.start:%Y%m%d}:"
            f"{period.end:%Y%m%d}:{scope.department_id}:{scope.category}:{scope.group_id}:"
            f"{state.built_at:%Y%m%d%H%M%S%f}")


def dashboard_for(*, scope: Scope, filters: list[tuple[str, str]],
                  state: RollupState) -> Dashboard:
    """The protected dashboard, from the cache when the hourly task (or an earlier request)
    already built it from the same rollups. Periods hold only finished weeks, so a built
    dashboard stays right except for late corrections (attendance marked afterwards), which
    the hourly rebuild of the rollups brings in."""
    from django.core.cache import cache

    key = dashboard_cache_key(scope, state)
    dashboard = cache.get(key)
    if dashboard is None:
        dashboard = dashboard_build(scope=scope, filters=filters, state=state)
        cache.set(key, dashboard, CACHE_SECONDS)
    return dashboard
