"""The time zones a person picks from: canonical ones, grouped by region, with today's offset.

zoneinfo knows ~600 names, many of them old aliases ("US/Pacific", "GB", "Asia/Calcutta") that
nobody should have to scroll past. The IANA database's zone.tab lists the zones in use, one or
more per country (Oslo and Stockholm each, although their clocks agree); those are offered,
grouped by their region, each with its offset now ("Berlin (UTC+01:00)"). A person whose stored
zone is an alias keeps it: it is offered first, as their current zone.
"""

import datetime as dt
import functools
import importlib.resources
import zoneinfo
from pathlib import Path

from django import forms
from django.utils.translation import gettext_lazy as _

# zone.tab names the regions by their first path component; these read better.
REGION_LABELS = {
    "Africa": _("Africa"), "America": _("Americas"), "Antarctica": _("Antarctica"),
    "Arctic": _("Arctic"), "Asia": _("Asia"), "Atlantic": _("Atlantic Ocean"),
    "Australia": _("Australia"), "Europe": _("Europe"), "Indian": _("Indian Ocean"),
    "Pacific": _("Pacific Ocean"),
}


def _zone_tab() -> str:
    """zone.tab from the tzdata package (what zoneinfo itself falls back to), else the system's."""
    try:
        return (importlib.resources.files("tzdata") / "zoneinfo" / "zone.tab").read_text()
    except (ModuleNotFoundError, FileNotFoundError):
        return Path("/usr/share/zoneinfo/zone.tab").read_text()


@functools.cache
def canonical_zones() -> tuple[str, ...]:
    """Every zone of zone.tab that this Python can load, plus UTC; sorted."""
    available = zoneinfo.available_timezones()
    names = {"UTC"}
    for line in _zone_tab().splitlines():
        if line.startswith("#") or not line.strip():
            continue
        columns = line.split("\t")
        if len(columns) >= 3 and columns[2] in available:
            names.add(columns[2])
    return tuple(sorted(names))


def offset_label(name: str, now: dt.datetime) -> str:
    """"UTC+05:30" for the zone's offset at `now` (a minus sign, not a hyphen, west of UTC)."""
    offset = now.astimezone(zoneinfo.ZoneInfo(name)).utcoffset() or dt.timedelta(0)
    minutes = int(offset.total_seconds() // 60)
    sign = "+" if minutes >= 0 else "\u2212"
    hours, minutes = divmod(abs(minutes), 60)
    return f"UTC{sign}{hours:02d}:{minutes:02d}"


def place_label(name: str) -> str:
    """"Argentina / Buenos Aires" for America/Argentina/Buenos_Aires."""
    parts = name.split("/")[1:] or [name]
    return " / ".join(part.replace("_", " ") for part in parts)


def grouped_choices(*, now: dt.datetime, current: str | None = None) -> list:
    """Choices for a <select> with <optgroup>s: UTC, then each region's places by name."""
    groups: dict[str, list[tuple[str, str]]] = {}
    for name in canonical_zones():
        if name == "UTC":
            continue
        region = name.split("/", 1)[0]
        groups.setdefault(region, []).append(
            (name, f"{place_label(name)} ({offset_label(name, now)})"))
    choices: list = []
    if current and current not in canonical_zones() and current in zoneinfo.available_timezones():
        choices.append((_("Your current zone"), [
            (current, f"{current.replace('_', ' ')} ({offset_label(current, now)})")]))
    choices.append(("UTC", [("UTC", _("UTC (Coordinated Universal Time)"))]))
    for region in sorted(groups, key=lambda r: str(REGION_LABELS.get(r, r))):
        places = sorted(groups[region], key=lambda choice: choice[1])
        choices.append((REGION_LABELS.get(region, region), places))
    return choices


def picker_widget(search_label: str) -> forms.Select:
    """The <select> the search box of static/accounts/profile.js attaches to."""
    return forms.Select(attrs={"data-zone-picker": "",
                               "data-search-label": search_label,
                               "data-no-match": _("No zone matches; try a nearby city.")})
