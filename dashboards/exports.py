"""CSV export: exactly the cells of the dashboard page, from the same built structure."""

from __future__ import annotations

from collections.abc import Iterator

from django.utils.translation import gettext, pgettext

from dashboards.privacy import rounding_note
from dashboards.report import Dashboard

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def _safe(text: str) -> str:
    """Group names are user input: never let a spreadsheet read one as a formula."""
    return f"'{text}" if text.startswith(FORMULA_STARTS) else text


def dashboard_csv_rows(*, dashboard: Dashboard) -> Iterator[list[str]]:
    """Made in the language of whoever downloads it (the request's)."""
    yield [gettext("PeerSupport participation dashboard")]
    for label, value in dashboard.filters:
        yield [label, _safe(value)]
    yield [gettext("Privacy"), rounding_note()]
    if dashboard.as_of_note:
        yield [gettext("Freshness"), dashboard.as_of_note]
    for panel in dashboard.panels:
        for table in panel.tables:
            yield []
            yield [pgettext("a panel's table", "%(panel)s: %(table)s") % {
                "panel": panel.spec.title, "table": table.caption}]
            yield ["", *[str(column.label) for column in table.columns]]
            for row in table.visible_rows:
                yield [_safe(row.label), *[_safe(cell.text) for cell in row.cells]]
            if table.note:
                yield [gettext("Note"), table.note]
        for note in panel.notes:
            yield [gettext("Note"), note]
