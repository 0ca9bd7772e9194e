"""Recurring sessions, built on dateutil.rrule in the zone the series is planned in.

Occurrences keep their wall-clock time in that zone: a 18:00 Berlin circle stays at 18:00 Berlin
after the clocks change (so its UTC instant moves by an hour).
"""

import datetime as dt
import zoneinfo
from dataclasses import dataclass

from dateutil import rrule
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

MAX_OCCURRENCES = 52
MAX_SPAN = dt.timedelta(days=400)


class Frequency:
    NONE = ""
    WEEKLY = "weekly"
    FORTNIGHTLY = "fortnightly"
    MONTHLY = "monthly"

    CHOICES = [
        (NONE, gettext_lazy("Does not repeat")),
        (WEEKLY, gettext_lazy("Every week")),
        (FORTNIGHTLY, gettext_lazy("Every two weeks")),
        (MONTHLY, gettext_lazy("Every month (same day of the month)")),
    ]


_RRULE_PARTS = {
    Frequency.WEEKLY: (rrule.WEEKLY, 1),
    Frequency.FORTNIGHTLY: (rrule.WEEKLY, 2),
    Frequency.MONTHLY: (rrule.MONTHLY, 1),
}


@dataclass(frozen=True)
class Recurrence:
    frequency: str
    until: dt.date | None = None
    count: int | None = None

    def rule_text(self) -> str:
        """RFC 5545 RRULE text (stored on SessionSeries for the record)."""
        freq, interval = _RRULE_PARTS[self.frequency]
        parts = [f"FREQ={'WEEKLY' if freq == rrule.WEEKLY else 'MONTHLY'}"]
        if interval != 1:
            parts.append(f"INTERVAL={interval}")
        if self.count is not None:
            parts.append(f"COUNT={self.count}")
        if self.until is not None:
            parts.append(f"UNTIL={self.until:%Y%m%d}T235959")
        return ";".join(parts)


def validate_recurrence(recurrence: Recurrence, *, first_start: dt.datetime) -> None:
    """Raises ValidationError (by form field) for a recurrence that cannot be built.

    `first_start` is the first occurrence as wall-clock time in the series' zone.
    """
    if recurrence.frequency not in _RRULE_PARTS:
        raise ValidationError({"repeat": _("Choose how often the session repeats.")})
    if recurrence.until is None and recurrence.count is None:
        raise ValidationError({"repeat_until": _("Give an end date or a number of sessions.")})
    if recurrence.until is not None and recurrence.count is not None:
        raise ValidationError({"repeat_count": _("Give an end date or a number of sessions, "
                                               "not both.")})
    if recurrence.count is not None and not 2 <= recurrence.count <= MAX_OCCURRENCES:
        raise ValidationError({"repeat_count": _("A series has 2 to %(max)d sessions.")
                               % {"max": MAX_OCCURRENCES}})
    if recurrence.until is not None:
        if recurrence.until <= first_start.date():
            raise ValidationError({"repeat_until": _("The end date must be after the first "
                                                   "session.")})
        if recurrence.until - first_start.date() > MAX_SPAN:
            raise ValidationError({"repeat_until": _("A series can run for about a year at most; "
                                                   "start a new one after that.")})
    if recurrence.frequency == Frequency.MONTHLY and first_start.day > 28:
        raise ValidationError({"repeat": _("A monthly series must start on day 1 to 28, so it "
                                         "happens every month.")})


def occurrences(recurrence: Recurrence, *, first_start: dt.datetime,
                time_zone: str) -> list[dt.datetime]:
    """Aware UTC start times of every occurrence, the first one included.

    `first_start` is aware; the rule runs on its naive wall-clock time in `time_zone`.
    """
    zone = zoneinfo.ZoneInfo(time_zone)
    local_start = first_start.astimezone(zone).replace(tzinfo=None)
    validate_recurrence(recurrence, first_start=local_start)
    freq, interval = _RRULE_PARTS[recurrence.frequency]
    until = (dt.datetime.combine(recurrence.until, dt.time(23, 59, 59))
             if recurrence.until is not None else None)
    rule = rrule.rrule(freq, dtstart=local_start, interval=interval, count=recurrence.count,
                       until=until)
    starts = [local_to_utc(local, zone) for local in rule[:MAX_OCCURRENCES + 1]]
    if len(starts) > MAX_OCCURRENCES:
        raise ValidationError({"repeat_until": _("That makes more than %(max)d sessions; "
                                                 "choose an earlier end date.")
                               % {"max": MAX_OCCURRENCES}})
    if len(starts) < 2:
        raise ValidationError({"repeat_until": _("That end date leaves only one session; "
                                               "choose a later date or no repeat.")})
    return starts


def local_to_utc(local: dt.datetime, zone: zoneinfo.ZoneInfo) -> dt.datetime:
    """A naive wall-clock time in `zone` as an aware UTC datetime.

    A wall time that falls in a spring-forward gap moves forward by the gap (fold=0 rule),
    the way a person would keep a meeting "at 02:30" on that one day.
    """
    aware = local.replace(tzinfo=zone)
    return aware.astimezone(dt.UTC)


def shift_keeping_wall_clock(start: dt.datetime, *, old_anchor: dt.datetime,
                             new_anchor: dt.datetime, time_zone: str) -> dt.datetime:
    """Moves `start` the way the anchor occurrence moved, in wall-clock terms in `time_zone`.

    Used by "this and following": later occurrences take the same change of day and the new
    clock time, so a move from Tuesday 18:00 to Wednesday 17:30 applies to each of them.
    """
    zone = zoneinfo.ZoneInfo(time_zone)
    old_local = old_anchor.astimezone(zone)
    new_local = new_anchor.astimezone(zone)
    day_shift = new_local.date() - old_local.date()
    local = start.astimezone(zone)
    moved = dt.datetime.combine(local.date() + day_shift, new_local.time().replace(tzinfo=None))
    return local_to_utc(moved, zone)
