"""The listening-training panel: how many people completed each module, never who.

Read from the training app's progress rows (a fixed number of queries), then protected like
every other table: each figure covers at least K people and is rounded to a multiple of K.
Modules are not parts of a total (one person completes several), so no complementary
suppression is needed between them.
"""

from __future__ import annotations

from django.utils.translation import gettext

from dashboards import panels as P
from dashboards.privacy import Column, Row, Table, people, protect_table
from dashboards.report import PanelView
from dashboards.selectors.base import Scope


def training_panel(scope: Scope) -> PanelView:
    from training.selectors import completions_by_module, people_completing_any

    period = scope.period
    by_module = completions_by_module(start=period.start, end=period.end,
                                      department_id=scope.department_id)
    anyone = people_completing_any(start=period.start, end=period.end,
                                   department_id=scope.department_id)
    rows = [Row(module.title, [people(n)], part_of=None) for module, n in by_module]
    rows.append(Row(gettext("At least one module"), [people(anyone)], part_of=None))
    table = protect_table(Table("training",
                                gettext("People who completed each module in the period"),
                                [Column("completed", P.COMPLETED.label, "people")], rows))
    notes = []
    if scope.category or scope.group_id:
        notes.append(gettext("Training is not part of any group: the group and category filters do "
                     "not apply to it."))
    return PanelView(P.TRAINING_PANEL, [table], notes=notes)
