"""Reading the rollups' mask rows: which rows answer a breakdown, and how people are counted.

A period lies in one block (dashboards.rollups.Units), and each row is one person at one
level (in a group, a category, or overall), so "how many people did X in the period" is a
plain COUNT of the rows whose mask has one of the period's bits: no DISTINCT, no sort.
"""

from __future__ import annotations

from django.db.models import Aggregate, F, IntegerField, Q

from dashboards.models import Level
from dashboards.selectors.base import Scope, public_group


class PeopleCount(Aggregate):
    """COUNT of the rows (people) whose mask column has any of `bits`.

    Written as SQL directly: a trend asks for a hundred of these, and composing each from
    Case/When/lookups costs more Python time than the database spends on the query. `bits`
    is our own integer, never input, so it is written into the SQL as a number."""

    output_field = IntegerField()

    def __init__(self, field: str, bits: int) -> None:
        super().__init__(F(field))
        self.bits = int(bits)

    def as_sql(self, compiler, connection, **extra_context):
        column, params = compiler.compile(self.get_source_expressions()[0])
        return f"COUNT(CASE WHEN ({column} & {self.bits}) <> 0 THEN 1 END)", params


def people_count(field: str, bits: int) -> PeopleCount:
    """Rows (people) whose mask `field` has any of `bits`."""
    return PeopleCount(field, bits)


def _filtered_rows(scope: Scope) -> Q | None:
    """The rows of the chosen group or category, None without such a filter."""
    if scope.group_id:
        return Q(level=Level.GROUP, group_id=scope.group_id)
    if scope.category:
        return Q(level=Level.CATEGORY, category=scope.category)
    return None


def people_rows(scope: Scope) -> Q:
    """One row per person for the whole scope: overall, in the chosen category or group."""
    return _filtered_rows(scope) or Q(level=Level.PERSON)


def category_rows(scope: Scope) -> Q:
    """One row per person and category in scope."""
    return _filtered_rows(scope) or Q(level=Level.CATEGORY)


def group_rows(scope: Scope) -> Q:
    """One row per person and group in scope, in groups that may be named to HR."""
    q = Q(level=Level.GROUP, group__isnull=False) & public_group("group__")
    if scope.group_id:
        q &= Q(group_id=scope.group_id)
    if scope.category:
        q &= Q(category=scope.category)
    return q


def unnamed_rows(scope: Scope) -> Q:
    """One row per person and category, over the private and sensitive groups together."""
    if scope.group_id:  # a chosen group is always one that may be named
        return Q(pk__in=[])
    q = Q(level=Level.UNNAMED)
    if scope.category:
        q &= Q(category=scope.category)
    return q


def in_scope(scope: Scope, department_id: int | None) -> bool:
    return not scope.department_id or department_id == scope.department_id
