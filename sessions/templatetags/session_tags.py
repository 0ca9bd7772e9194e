"""Showing session times in the viewer's zone, with the zone named."""

from django import template
from django.utils import formats, timezone
from django.utils.html import format_html

from peersupport.bounds import clamped_localtime
from sessions.models import Session

register = template.Library()


def zone_label() -> str:
    return timezone.get_current_timezone_name().replace("_", " ")


@register.simple_tag
def session_when(session: Session) -> str:
    """`<time>` for start and end in the active zone and the active language's formats, e.g.
    "1 Dec 2026, 6 p.m.–7:30 p.m. (Europe/Berlin)" or "1 de diciembre de 2026 a las 18:00–19:30
    (Europe/Berlin)"; an end on another day shows its date too."""
    start = clamped_localtime(session.starts_at)
    end = clamped_localtime(session.ends_at)
    end_format = "TIME_FORMAT" if end.date() == start.date() else "DATETIME_FORMAT"
    return format_html(
        '<time datetime="{}">{}</time>–<time datetime="{}">{}</time> '
        '<span class="session-zone">({})</span>',
        # Whole seconds: HTML's datetime allows at most three digits of a fraction.
        session.starts_at.replace(microsecond=0).isoformat(),
        formats.date_format(start, "DATETIME_FORMAT"),
        session.ends_at.replace(microsecond=0).isoformat(), formats.date_format(end, end_format),
        zone_label(),
    )


@register.filter(expects_localtime=False)
def local_time(moment, format_string: str) -> str:
    """`{{ session.starts_at|local_time:"DATETIME_FORMAT" }}`: like `|date` in the viewer's zone
    (a named format follows the active language), but a moment at the edge of time (year 9999
    shifted east of UTC) shows in UTC instead of breaking the page."""
    if moment in (None, ""):
        return ""
    return formats.date_format(clamped_localtime(moment), format_string)


@register.simple_tag
def current_zone() -> str:
    return zone_label()


@register.filter
def seats_left(session: Session) -> int | None:
    """Free seats of a session annotated with `going_count` (None: no limit)."""
    if session.capacity is None:
        return None
    return max(session.capacity - getattr(session, "going_count", 0), 0)
