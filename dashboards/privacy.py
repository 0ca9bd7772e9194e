"""The privacy rule for every figure HR sees. This module is the ONE place it is enforced.

Selectors compute true aggregates, each with the number of distinct people behind it
(a `Figure`). Nothing reaches a page or an export without passing through `protect_table`,
which turns figures into display `Cell`s. The method, in the order it is applied:

1. Minimum group size. K = settings.DASHBOARD_MIN_GROUP_SIZE, never below 3 (default 5).
   A figure computed over fewer than K distinct people, zero included, is shown as
   "fewer than K". A rate needs K people in its denominator *and* K in its numerator;
   an average needs K people behind it.
   d. A ratio or an average is hidden whenever a figure it is made of is hidden (average
      session size with the attendance it divides), and a figure shown in two tables (the
      summary's totals and a breakdown's total row) is shown or hidden alike in both.
2. Complementary suppression. In every breakdown whose parts add up to a shown total (a column
   of departments over its total row, a category's named groups plus its unnamed private and
   sensitive groups, trend buckets over the whole period), once one part is hidden, more parts
   are hidden (smallest first) until at least two are hidden *and* the hidden parts together
   cover at least K people. So no total can be used to subtract one's way to a small group.
   A total that must be hidden always gets a hidden part beside it (else it is their sum).
   A part that is never shown at all (private and sensitive groups in a category) counts as a
   hidden part: the named groups of its category are suppressed around it.
3. Guard across time.
   a. Periods and trend buckets lie on a fixed calendar grid of whole, finished UTC weeks or
      months (see `dashboards.periods`): figures do not change day to day, and two periods
      always differ by whole weeks.
   b. Every trend bucket is a figure of its own under rule 1, and the buckets of an additive
      figure (e.g. new members) take part in rule 2 against the whole-period total.
   c. Counts of people and of events are rounded to the nearest multiple of K (rates to whole
      percent, averages to one decimal). A single person joining or leaving therefore moves a
      shown count by K or not at all: a shown change of K is consistent with a true change of
      anything from 1 to 2K-1 people, a shown change of 0 with up to K-1, so comparing two
      adjacent periods (or two filters) never pins a change down to one person.
4. Private and sensitive groups are never named: they appear only inside category totals and
   cannot be chosen as a filter.
5. No drill-down: HR sees the tables built here and nothing else; no page or export lists a
   person, a message, a mood or a check-out answer.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Literal

from django.conf import settings
from django.utils import formats
from django.utils.translation import gettext, pgettext
from django.utils.translation import gettext_lazy as _

Kind = Literal["people", "count", "exact", "rate", "average"]


def min_group_size() -> int:
    """K: the minimum number of distinct people behind any figure (never below 3)."""
    return max(3, int(getattr(settings, "DASHBOARD_MIN_GROUP_SIZE", 5)))


@dataclass(frozen=True, eq=False)
class Figure:
    """A true aggregate. `people`: distinct people it was computed over (rule 1).

    `parts`: the figures a ratio or an average is made of; it is hidden whenever one of them
    is (rule 1d), since a shown ratio next to its shown other part would give the hidden one
    away. One Figure object shown in several tables (a total in the summary and in a
    breakdown) is shown alike in all of them (`protect_tables`). Figures compare by identity."""

    value: float | int | None
    people: int
    kind: Kind = "people"
    parts: tuple[Figure, ...] = ()


def people(n: int) -> Figure:
    """A count of distinct people: the people behind it are the count itself."""
    return Figure(n, n, "people")


def ratio(numerator: int, denominator: int, *, people_num: int, people_den: int,
          parts: tuple[Figure, ...] = ()) -> Figure:
    value = (numerator / denominator) if denominator else None
    return Figure(value, min(people_num, people_den), "rate", parts)


def average(total: float | int | None, count: int, *, people_behind: int,
            parts: tuple[Figure, ...] = ()) -> Figure:
    value = (total / count) if count and total is not None else None
    return Figure(value, people_behind, "average", parts)


@dataclass
class Cell:
    """What HR sees in one place of a table: `text`, the same in the page and the CSV."""

    text: str
    number: float | int | None = None  # the shown (rounded) number, None when hidden
    hidden: Literal["", "small", "complementary"] = ""


@dataclass
class Column:
    key: str
    label: str
    kind: Kind = "people"
    additive: bool = False  # parts add up to the total row: complementary suppression applies


@dataclass
class Row:
    """One row. `part_of`: the line whose total this row adds up to (None: to no total);
    `total_of`: the line this row is the total of. A row can be both (a category is a part
    of the grand total and the total of its groups). `unnamed` rows are never shown."""

    label: str
    figures: list[Figure]
    part_of: str | None = ""
    total_of: str | None = None
    unnamed: bool = False
    cells: list[Cell] = field(default_factory=list)


@dataclass
class Table:
    key: str
    caption: str
    columns: list[Column]
    rows: list[Row]
    note: str = ""

    @property
    def visible_rows(self) -> list[Row]:
        return [row for row in self.rows if not row.unnamed]


def rounding_note() -> str:
    k = min_group_size()
    return gettext(
        "Counts are rounded to the nearest %(k)s; rates to whole percent. “%(fewer)s” marks a "
        "figure about fewer than %(k)s people; “%(hidden)s” marks a figure withheld so that a "
        "small one cannot be worked out from a total."
    ) % {"k": k, "fewer": fewer_than(k), "hidden": hidden_text()}


def fewer_than(k: int) -> str:
    """What a cell about fewer than K people shows."""
    return gettext("fewer than %(k)s") % {"k": k}


def hidden_text() -> str:
    """What a cell withheld so that a small one cannot be worked out shows."""
    return pgettext("a withheld dashboard figure", "hidden")


def number_text(value: int | float, decimals: int | None = None) -> str:
    """A figure in the reader's language: "1,234" / "1.234" / "1 234"; "2.5" / "2,5"."""
    return formats.number_format(value, decimals, force_grouping=True)


def percent_text(value: int | float) -> str:
    """A whole percentage in the reader's language: "42%" / "42 %"."""
    return pgettext("a percentage", "%(percent)s%%") % {"percent": number_text(value)}


def _shown_text(figure: Figure, k: int) -> tuple[str, float | int | None]:
    if figure.value is None:
        return pgettext("no figure", "none"), None
    if figure.kind in ("people", "count"):
        shown = k * int(figure.value / k + 0.5)
        return number_text(shown), shown
    if figure.kind == "exact":
        return number_text(int(figure.value)), int(figure.value)
    if figure.kind == "rate":
        shown = round(100 * float(figure.value))
        return percent_text(shown), shown
    shown = round(float(figure.value), 1)
    return number_text(shown, 1), shown


def _is_small(figure: Figure, k: int) -> bool:
    return figure.people < k


def _lines(table: Table) -> Iterable[tuple[list[tuple[int, int]], tuple[int, int]]]:
    """(parts, total) coordinates of every additive column of every line with a total row."""
    for r_total, total_row in enumerate(table.rows):
        if total_row.total_of is None:
            continue
        parts = [r for r, row in enumerate(table.rows) if row.part_of == total_row.total_of]
        for c, column in enumerate(table.columns):
            if column.additive and parts:
                yield [(r, c) for r in parts], (r_total, c)


def _true(table: Table, coord: tuple[int, int]) -> float:
    value = table.rows[coord[0]].figures[coord[1]].value
    return float(value or 0)


def protect_tables(*tables: Table) -> list[Table]:
    """Protects tables shown on one page together: a Figure that appears in several of them,
    or that a ratio in one of them is made of, is hidden in all of them once it is hidden in
    one (rule 1d), so the page never shows in one place what it hides in another."""
    forced: dict[int, str] = {}
    while True:
        for table in tables:
            protect_table(table, forced=forced)
        hidden = dict(forced)
        for table in tables:
            for row in table.rows:
                for figure, cell in zip(row.figures, row.cells, strict=True):
                    if cell.hidden and id(figure) not in hidden:
                        hidden[id(figure)] = cell.hidden
        if hidden == forced:
            return list(tables)
        forced = hidden


def protect_table(table: Table, *, forced: dict[int, str] | None = None) -> Table:
    """Applies rules 1-3 to `table` and fills each row's `cells`. Returns the same table.

    `forced`: figures (by id) hidden elsewhere on the page, with the reason shown there."""
    k = min_group_size()
    forced = forced or {}
    hidden: dict[tuple[int, int], str] = {}
    for r, row in enumerate(table.rows):
        for c, figure in enumerate(row.figures):
            if row.unnamed:
                hidden[(r, c)] = "unnamed"
            elif _is_small(figure, k):
                hidden[(r, c)] = "small"
            elif id(figure) in forced:
                hidden[(r, c)] = forced[id(figure)]
    changed = True
    while changed:
        changed = _hide_dependent_ratios(table, hidden, forced)
        for parts, total in _lines(table):
            parts_hidden = [p for p in parts if p in hidden]
            if total in hidden:
                # A hidden total with every part shown is just their sum: hide a part too.
                shown = sorted((p for p in parts if p not in hidden),
                               key=lambda p: (_true(table, p), p))
                if not parts_hidden and shown:
                    hidden[shown[0]] = "complementary"
                    changed = True
                continue
            if not parts_hidden:
                continue
            # Unnamed parts holding nobody are not a secret worth protecting around.
            if all(hidden[p] == "unnamed" and _true(table, p) == 0 for p in parts_hidden):
                continue
            residual = sum(_true(table, p) for p in parts_hidden)
            candidates = sorted((p for p in parts if p not in hidden),
                                key=lambda p: (_true(table, p), p))
            while (len(parts_hidden) < 2 or residual < k) and candidates:
                extra = candidates.pop(0)
                hidden[extra] = "complementary"
                parts_hidden.append(extra)
                residual += _true(table, extra)
                changed = True
            if len(parts_hidden) < 2 or residual < k:
                hidden[total] = "complementary"
                changed = True
        changed = _hide_dependent_ratios(table, hidden, forced) or changed
    for r, row in enumerate(table.rows):
        row.cells = []
        for c, figure in enumerate(row.figures):
            reason = hidden.get((r, c))
            if reason == "complementary":
                row.cells.append(Cell(hidden_text(), None, "complementary"))
            elif reason:
                row.cells.append(Cell(fewer_than(k), None, "small"))
            else:
                text, number = _shown_text(figure, k)
                row.cells.append(Cell(text, number))
    return table


def _hide_dependent_ratios(table: Table, hidden: dict[tuple[int, int], str],
                           forced: dict[int, str]) -> bool:
    """Rule 1d within a table: hides a ratio whose part is hidden here or elsewhere."""
    reasons = dict(forced)
    for (r, c), reason in hidden.items():
        reasons.setdefault(id(table.rows[r].figures[c]), reason)
    changed = False
    for r, row in enumerate(table.rows):
        for c, figure in enumerate(row.figures):
            if (r, c) in hidden:
                continue
            for part in figure.parts:
                if id(part) in reasons:
                    hidden[(r, c)] = "small" if reasons[id(part)] == "small" else "complementary"
                    changed = True
                    break
    return changed


def rules_for_employees() -> list[str]:
    """The rules above in plain words, for the "What HR can see" page (same K, same code)."""
    k = min_group_size()
    return [
        gettext("Every figure HR sees is about at least %(k)s different people. A figure about "
                "fewer people, including zero, is shown only as “%(fewer)s”.")
        % {"k": k, "fewer": fewer_than(k)},
        gettext("When a small figure is hidden inside a table with a total, at least one more "
                "figure is hidden too, so that together the hidden figures cover at least "
                "%(k)s people and nobody can work the small one out by subtracting.") % {"k": k},
        gettext("Dashboards only show whole weeks or months that have already finished, so the "
                "figures do not change from day to day and one person's change cannot be "
                "timed."),
        gettext("An average or a rate (such as the average session size) is hidden whenever "
                "a figure it is made of is hidden, and a figure shown in two places on the "
                "dashboard is shown or hidden alike in both, so one place never gives away "
                "what another hides."),
        gettext("Counts are rounded to the nearest %(k)s: one person joining or leaving changes "
                "a figure by %(k)s or not at all, so comparing two periods never reveals one "
                "person.") % {"k": k},
        gettext("Private groups and sensitive groups are never named: their members are "
                "counted only inside the totals of their category, and HR cannot pick them as "
                "a filter."),
        gettext("There is no drill-down: HR cannot open a list of the people behind any "
                "figure."),
    ]


NEVER_SHOWN: list[str] = [
    _("who is a member of any group, or who joined or left one"),
    _("who went to a session, RSVPed, or checked out"),
    _("any chat message, and who wrote or flagged it"),
    _("your mood notes and your check-out answers (they are anonymous even to facilitators)"),
    _("who recognised whom, and what the message said"),
    _("who took part in a team-building activity, what they wrote in it, or how they rated it"),
    _("your pseudonym, your “rather not share a room with” list, or your manager"),
    _("whether you took the listening training, your answers and your practice replies (HR "
      "sees only how many people completed each module)"),
]
