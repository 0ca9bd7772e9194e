"""What every dashboard query shares: the scope (period + filters) and its Q objects.

Selectors return true aggregates (numbers and the distinct people behind them). They are
never shown as they are: `dashboards.report` passes every one through `dashboards.privacy`.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.db.models import Q
from django.db.models.functions import TruncMonth, TruncWeek

from dashboards.periods import UTC, Period
from groups.models import Group

PUBLIC_VISIBILITIES = (Group.Visibility.OPEN, Group.Visibility.REQUEST)


@dataclass(frozen=True)
class Scope:
    period: Period
    department_id: int | None = None
    category: str | None = None
    group_id: int | None = None  # only ever a public, non-sensitive group (see forms)

    def groups(self, prefix: str = "") -> Q:
        """Groups in scope; `prefix` is the path to a Group, e.g. "session__group__"."""
        q = Q()
        if self.category:
            q &= Q(**{f"{prefix}category": self.category})
        if self.group_id:
            q &= Q(**{f"{prefix}id" if prefix else "id": self.group_id})
        return q

    def people(self, prefix: str = "user__") -> Q:
        """People in scope (department filter); `prefix` is the path to a User."""
        if not self.department_id:
            return Q()
        return Q(**{f"{prefix}department_id": self.department_id})

    def bucket(self, field: str):
        trunc = TruncWeek if self.period.grain == "week" else TruncMonth
        return trunc(field, tzinfo=UTC)


def public_group(prefix: str = "") -> Q:
    """A group that may be named to HR: open or request-to-join, and not sensitive."""
    return Q(**{f"{prefix}visibility__in": PUBLIC_VISIBILITIES, f"{prefix}is_sensitive": False})


def as_utc(value: dt.datetime | dt.date) -> dt.datetime:
    """Bucket keys come back from Trunc as aware datetimes (or dates on some backends)."""
    if isinstance(value, dt.datetime):
        return value.astimezone(UTC) if value.tzinfo else value.replace(tzinfo=UTC)
    return dt.datetime(value.year, value.month, value.day, tzinfo=UTC)
