"""Reporting periods, always on a fixed calendar grid (part of the guard across time).

Every period HR can choose is a run of whole, *finished* UTC weeks (Monday 00:00) or whole,
finished calendar months. The unfinished current week or month is never shown, so a figure
does not change from one day to the next, and two periods always differ by whole buckets:
nobody can slice a window down to the day one person joined.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Literal

from django.utils import formats, timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

UTC = dt.UTC
Grain = Literal["week", "month"]

PRESETS: dict[str, str] = {
    "4w": _("Last 4 weeks"),
    "quarter": _("Last quarter (13 weeks)"),
    "year": _("Last 12 months"),
    "custom": _("Custom dates"),
}
MAX_CUSTOM_DAYS = 2 * 366
# Up to this many weeks a period is shown week by week, beyond it month by month.
MAX_WEEKLY_BUCKETS = 26


@dataclass(frozen=True)
class Period:
    start: dt.datetime
    end: dt.datetime  # exclusive
    grain: Grain
    label: str

    def buckets(self) -> list[tuple[dt.datetime, dt.datetime]]:
        """The trend buckets, oldest first, exactly tiling [start, end)."""
        edges = []
        cursor = self.start
        while cursor < self.end:
            nxt = cursor + dt.timedelta(days=7) if self.grain == "week" else _next_month(cursor)
            edges.append((cursor, nxt))
            cursor = nxt
        return edges

    def bucket_label(self, start: dt.datetime) -> str:
        if self.grain == "month":
            return formats.date_format(start, "YEAR_MONTH_FORMAT")
        return gettext("week of %(date)s") % {"date": formats.date_format(start, "DATE_FORMAT")}

    @property
    def description(self) -> str:
        last = self.end - dt.timedelta(days=1)
        return gettext("%(period)s: %(start)s to %(end)s (UTC)") % {
            "period": self.label, "start": formats.date_format(self.start, "DATE_FORMAT"),
            "end": formats.date_format(last, "DATE_FORMAT")}


def _midnight(day: dt.date) -> dt.datetime:
    return dt.datetime(day.year, day.month, day.day, tzinfo=UTC)


def _week_start(day: dt.date) -> dt.datetime:
    return _midnight(day - dt.timedelta(days=day.weekday()))


def _month_start(day: dt.date) -> dt.datetime:
    return dt.datetime(day.year, day.month, 1, tzinfo=UTC)


def _next_month(moment: dt.datetime) -> dt.datetime:
    year, month = (moment.year + 1, 1) if moment.month == 12 else (moment.year, moment.month + 1)
    return dt.datetime(year, month, 1, tzinfo=UTC)


def _months_back(moment: dt.datetime, months: int) -> dt.datetime:
    index = moment.year * 12 + moment.month - 1 - months
    return dt.datetime(index // 12, index % 12 + 1, 1, tzinfo=UTC)


def period_for(
    *, preset: str, start: dt.date | None = None, end: dt.date | None = None,
    now: dt.datetime | None = None,
) -> Period:
    """The snapped period for a preset; `custom` needs `start` and `end` (inclusive dates).

    Raises ValueError with a readable message for a custom range that is empty or too long.
    """
    today = (now or timezone.now()).astimezone(UTC).date()
    this_week = _week_start(today)
    if preset == "4w":
        return Period(this_week - dt.timedelta(weeks=4), this_week, "week", PRESETS[preset])
    if preset == "quarter":
        return Period(this_week - dt.timedelta(weeks=13), this_week, "week", PRESETS[preset])
    if preset == "year":
        this_month = _month_start(today)
        return Period(_months_back(this_month, 12), this_month, "month", PRESETS[preset])
    if preset != "custom":
        raise ValueError(gettext("Choose one of the listed periods."))
    if start is None or end is None:
        raise ValueError(gettext("Give both a start and an end date for a custom period."))
    if end < start:
        raise ValueError(gettext("The end date must not be before the start date."))
    if (end - start).days > MAX_CUSTOM_DAYS:
        raise ValueError(gettext("A custom period can be at most two years long."))
    snapped_start = _week_start(start)
    snapped_end = min(_week_start(end) + dt.timedelta(weeks=1), this_week)
    grain: Grain = "week"
    if (snapped_end - snapped_start).days > MAX_WEEKLY_BUCKETS * 7:
        grain = "month"
        snapped_start = _month_start(start)
        snapped_end = min(_next_month(_month_start(end)), _month_start(today))
    if snapped_end <= snapped_start:
        raise ValueError(gettext(
            "Only finished weeks are shown: choose a period that ends before this week."
        ))
    return Period(snapped_start, snapped_end, grain, PRESETS["custom"])
