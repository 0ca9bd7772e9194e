"""Server-rendered SVG bar charts, drawn from protected cells only (no JavaScript needed).

A hidden bucket is drawn as an outlined placeholder labelled like its table cell, so the
chart never shows more than the table next to it.
"""

from __future__ import annotations

from dataclasses import dataclass

from dashboards.privacy import Table, number_text, percent_text

WIDTH, HEIGHT = 640, 240
LEFT, RIGHT, TOP, BOTTOM = 48, 12, 16, 56


@dataclass
class Bar:
    label: str
    text: str
    hidden: bool
    x: float
    y: float
    width: float
    height: float
    label_x: float


@dataclass
class Chart:
    key: str
    title: str
    bars: list[Bar]
    ticks: list[tuple[float, str]]  # (y, label) for the value axis
    width: int = WIDTH
    height: int = HEIGHT
    baseline: float = HEIGHT - BOTTOM
    left: int = LEFT
    right_edge: int = WIDTH - RIGHT

    @property
    def has_hidden(self) -> bool:
        """Some bar is a dashed placeholder (told in words under the chart, not by look only)."""
        return any(bar.hidden for bar in self.bars)


def value_ticks(top_value: float, *, most: int = 6) -> list[float]:
    """Evenly spaced tick values from 0 whose step is 1, 2 or 5 times a power of ten, the
    smallest such step that covers `top_value` in at most `most` steps: 0, 1, 2, 3, 4, 5 for
    a top of 5; 0, 20, 40, 60 for 57; never 0, 1, 2, 4, 5 (equal steps, whole numbers)."""
    if top_value <= 0:
        return [0, 1]
    step = 1
    while True:
        for factor in (1, 2, 5):
            if step * factor * most >= top_value:
                size = step * factor
                count = int(-(-top_value // size))  # ceil
                return [size * i for i in range(max(count, 1) + 1)]
        step *= 10


def bar_chart(table: Table, column_key: str, title: str,
              short_labels: list[str] | None = None) -> Chart:
    """One bar per part row of `table` (totals are left out), for column `column_key`;
    `short_labels` name the bars on the axis (the row labels by default)."""
    c = next(i for i, col in enumerate(table.columns) if col.key == column_key)
    percent = table.columns[c].kind == "rate"
    rows = [row for row in table.visible_rows if not row.total_of]
    shown = [row.cells[c].number for row in rows if row.cells[c].number is not None]
    values = [0, 20, 40, 60, 80, 100] if percent else value_ticks(max(shown, default=0))
    top = float(values[-1])
    plot_h = HEIGHT - TOP - BOTTOM
    slot = (WIDTH - LEFT - RIGHT) / max(len(rows), 1)
    bars = []
    for i, row in enumerate(rows):
        cell = row.cells[c]
        x = LEFT + i * slot + slot * 0.15
        width = slot * 0.7
        if cell.number is None:
            height = plot_h * 0.12  # a low outlined placeholder, not a value
        else:
            height = plot_h * min(float(cell.number) / top, 1.0)
        axis_label = short_labels[i] if short_labels else row.label
        bars.append(Bar(axis_label, cell.text, cell.number is None, round(x, 1),
                        round(TOP + plot_h - height, 1), round(width, 1), round(height, 1),
                        round(x + width / 2, 1)))
    ticks = []
    for value in values:
        label = percent_text(value) if percent else number_text(value)
        ticks.append((round(TOP + plot_h - plot_h * value / top, 1), label))
    return Chart(f"{table.key}-{column_key}", title, bars, ticks)
