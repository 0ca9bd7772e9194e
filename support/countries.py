"""A viewer's likely country, guessed from their time zone (the IANA zone.tab), and names."""

from functools import lru_cache
from importlib import resources
from pathlib import Path

from django.utils.translation import gettext

from support.country_names import COUNTRY_NAMES

SYSTEM_ZONEINFO = Path("/usr/share/zoneinfo")


def _read_tab(name: str) -> list[list[str]]:
    try:
        text = resources.files("tzdata").joinpath(f"zoneinfo/{name}").read_text("utf-8")
    except (ModuleNotFoundError, FileNotFoundError):
        path = SYSTEM_ZONEINFO / name
        if not path.exists():
            return []
        text = path.read_text("utf-8")
    return [line.split("\t") for line in text.splitlines() if line and not line.startswith("#")]


@lru_cache(maxsize=1)
def _zone_countries() -> dict[str, str]:
    return {row[2]: row[0] for row in _read_tab("zone.tab") if len(row) >= 3}


# iso3166.tab abbreviates a few names; these read better on the page.
NAME_OVERRIDES = {"GB": "United Kingdom"}


@lru_cache(maxsize=1)
def _country_names() -> dict[str, str]:
    names = {row[0]: row[1] for row in _read_tab("iso3166.tab") if len(row) >= 2}
    return {**names, **NAME_OVERRIDES}


def country_for_time_zone(time_zone: str) -> str:
    """The ISO code of the country a time zone belongs to, or "" when it is not one country."""
    return _zone_countries().get(time_zone or "", "")


def country_name(code: str) -> str:
    """The country's name in the reader's language (support/country_names.py holds them)."""
    name = COUNTRY_NAMES.get(code) or _country_names().get(code, "")
    return gettext(name) if name else code
