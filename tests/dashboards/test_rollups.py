"""The rollups' arithmetic: units, blocks and shifts, membership ranges, bit ranges."""

import datetime as dt

from dashboards.models import BLOCK_UNITS, SHIFTS
from dashboards.periods import Period, period_for
from dashboards.rollups import (
    EPOCH_MONDAY,
    Units,
    _range_bits,
    membership_units,
    month_unit,
    week_unit,
)

UTC = dt.UTC


def weeks(first_unit: int, count: int) -> Period:
    start = EPOCH_MONDAY + dt.timedelta(weeks=first_unit)
    return Period(start, start + dt.timedelta(weeks=count), "week", "test")


def test_units_count_mondays_and_months_in_utc():
    assert week_unit(EPOCH_MONDAY) == 0
    assert week_unit(EPOCH_MONDAY + dt.timedelta(days=6, hours=23)) == 0
    assert week_unit(EPOCH_MONDAY + dt.timedelta(days=7)) == 1
    assert month_unit(dt.datetime(2026, 1, 1, tzinfo=UTC)) == 2026 * 12
    # 23:30 on 31 March in New York is already April in UTC.
    new_york = dt.timezone(dt.timedelta(hours=-4))
    assert month_unit(dt.datetime(2026, 3, 31, 23, 30, tzinfo=new_york)) == 2026 * 12 + 3


def test_every_period_fits_one_block_of_one_shift():
    for first in range(BLOCK_UNITS * 2):  # wherever it starts
        for length in (1, 4, 13, 26, 29):
            units = Units.of(weeks(first, length))
            assert units.shift in SHIFTS
            blocks = {(unit + units.shift) // BLOCK_UNITS
                      for unit in [*units.units, units.units[-1] + 1]}
            assert blocks == {units.block}, (first, length)
            assert bin(units.mask).count("1") == length


def test_a_period_crossing_a_block_edge_uses_the_shifted_blocks():
    assert Units.of(weeks(BLOCK_UNITS - 2, 4)).shift == SHIFTS[1]
    assert Units.of(weeks(0, 4)).shift == SHIFTS[0]


def test_the_longest_custom_period_fits():
    start = dt.date(2024, 11, 20)
    period = period_for(preset="custom", start=start, end=start + dt.timedelta(days=731),
                        now=dt.datetime(2026, 12, 1, tzinfo=UTC))
    assert period.grain == "month" and len(Units.of(period).units) == 25  # snapped out


def test_bit_ranges_span_blocks():
    assert _range_bits(3, 5, 0) == {0: 0b111000}
    assert _range_bits(58, 61, 0) == {0: 0b11 << 58, 1: 0b11}
    assert _range_bits(58, 61, 30) == {1: 0b1111 << 28}
    assert _range_bits(5, 4, 0) == {}


def test_membership_ranges():
    now = EPOCH_MONDAY + dt.timedelta(weeks=100)
    joined = EPOCH_MONDAY + dt.timedelta(weeks=10, days=2)
    still = membership_units(joined_at=joined, left_at=None, still=True, grain="w", now=now)
    assert still == {"active": (10, 101), "present": (11, 101), "joined": (10, 10),
                     "left": (1, 0)}
    left = membership_units(joined_at=joined, left_at=EPOCH_MONDAY + dt.timedelta(weeks=20),
                            still=False, grain="w", now=now)
    assert left["active"] == (10, 20) and left["present"] == (11, 20) and left["left"] == (20, 20)
    assert membership_units(joined_at=joined, left_at=None, still=False, grain="w",
                            now=now) is None  # removed without a date: never active
    assert membership_units(joined_at=joined, left_at=joined - dt.timedelta(days=1), still=False,
                            grain="w", now=now) is None
