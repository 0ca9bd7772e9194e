"""Builds the rollups (`dashboards.models`) from the facts, and says which units a period spans.

A build replaces every rollup row in one transaction, with a few INSERT ... SELECT statements
(GROUP BY in the database, no rows through Python): readers see the old rollups or the new,
never half of one. It holds every session that started before the build began, so it covers
any period ending before then; the dashboard builds it on request when the period asks for
more (the first visit after a week ends), and the hourly task keeps late corrections (attendance
marked after the fact) no more than an hour behind. Running it twice only rebuilds.
"""

from __future__ import annotations

import datetime as dt
import time
from dataclasses import dataclass

from django.db import connection, transaction
from django.utils import timezone

from accounts.models import User
from dashboards.models import (
    BLOCK_UNITS,
    ActivityMask,
    ActivityTally,
    CheckoutTally,
    Grain,
    RollupState,
)
from dashboards.periods import UTC, Period
from sessions.models import RSVP, Attendance, CheckoutAnswer, CheckoutReceipt, Session

# Week units count Mondays (00:00 UTC) from this one, the first Monday of 1970.
EPOCH_MONDAY = dt.datetime(1970, 1, 5, tzinfo=UTC)


def week_unit(moment: dt.datetime) -> int:
    return (moment - EPOCH_MONDAY).days // 7


def month_unit(moment: dt.datetime) -> int:
    moment = moment.astimezone(UTC)
    return moment.year * 12 + moment.month - 1


@dataclass(frozen=True)
class Units:
    """A period in rollup terms: its grain, and the unit of each of its buckets."""

    grain: str
    units: list[int]

    @classmethod
    def of(cls, period: Period) -> Units:
        if period.grain == "week":
            return cls(Grain.WEEK, [week_unit(start) for start, _end in period.buckets()])
        return cls(Grain.MONTH, [month_unit(start) for start, _end in period.buckets()])

    @staticmethod
    def bit(unit: int) -> tuple[int, int]:
        """(block, mask) of one unit."""
        return unit // BLOCK_UNITS, 1 << (unit % BLOCK_UNITS)

    def masks(self, units: list[int] | None = None) -> dict[int, int]:
        """Block -> the bits of `units` (default: the whole period) in that block."""
        masks: dict[int, int] = {}
        for unit in self.units if units is None else units:
            block, bit = self.bit(unit)
            masks[block] = masks.get(block, 0) | bit
        return masks


# --- Building -----------------------------------------------------------------------------

def _unit_sql(grain: str) -> str:
    """The unit of `s.starts_at` (an aware UTC timestamp) in SQL; `%%` is a literal percent."""
    if connection.vendor == "postgresql":
        if grain == Grain.WEEK:
            return ("CAST(FLOOR((EXTRACT(EPOCH FROM s.starts_at) - 345600) / 604800) "
                    "AS INTEGER)")
        return ("CAST(EXTRACT(YEAR FROM s.starts_at AT TIME ZONE 'UTC') * 12 "
                "+ EXTRACT(MONTH FROM s.starts_at AT TIME ZONE 'UTC') - 1 AS INTEGER)")
    # SQLite keeps UTC text; strftime reads it.
    if grain == Grain.WEEK:
        return "((CAST(strftime('%%s', s.starts_at) AS INTEGER) - 345600) / 604800)"
    return ("(CAST(strftime('%%Y', s.starts_at) AS INTEGER) * 12 "
            "+ CAST(strftime('%%m', s.starts_at) AS INTEGER) - 1)")


def _tables() -> dict[str, str]:
    quote = connection.ops.quote_name
    models = {"mask": ActivityMask, "tally": ActivityTally, "checkout_tally": CheckoutTally,
              "session": Session, "attendance": Attendance, "rsvp": RSVP, "user": User,
              "receipt": CheckoutReceipt, "answer": CheckoutAnswer}
    return {name: quote(model._meta.db_table) for name, model in models.items()}


FACTS = "dashboards_rollup_facts"  # a temporary table, dropped at the end of each build


def _sessions_sql() -> str:
    t = _tables()
    return f"""SELECT s.id AS session_id, s.group_id AS group_id,
                      {_unit_sql(Grain.WEEK)} AS w, {_unit_sql(Grain.MONTH)} AS m,
                      CASE WHEN s.status = %(held)s THEN 1 ELSE 0 END AS held
               FROM {t['session']} s WHERE s.starts_at < %(until)s"""  # noqa: S608


def _collect_facts(cursor, params: dict) -> None:
    """One pass over the fact tables into a temporary table: per session and person, whether
    they attended, had a going RSVP, checked out; with the session's units and the person's
    department now."""
    t = _tables()
    cursor.execute(f"DROP TABLE IF EXISTS {FACTS}")
    cursor.execute(f"""
        CREATE TEMPORARY TABLE {FACTS} AS
        WITH su AS ({_sessions_sql()}),
        facts AS (
            SELECT a.session_id, a.user_id, 1 AS attended,
                   CASE WHEN r.id IS NULL THEN 0 ELSE 1 END AS going, 0 AS checked
            FROM {t['attendance']} a
            LEFT JOIN {t['rsvp']} r ON r.session_id = a.session_id AND r.user_id = a.user_id
                                   AND r.status = %(going)s
            UNION ALL
            SELECT r.session_id, r.user_id, 0, 1, 0 FROM {t['rsvp']} r
            WHERE r.status = %(going)s AND NOT EXISTS (
                SELECT 1 FROM {t['attendance']} a
                WHERE a.session_id = r.session_id AND a.user_id = r.user_id)
            UNION ALL
            SELECT c.session_id, c.user_id, 0, 0, 1 FROM {t['receipt']} c
        )
        SELECT su.group_id, su.w, su.m, su.held, f.user_id, u.department_id, f.attended,
               f.going, f.checked
        FROM facts f JOIN su ON su.session_id = f.session_id
        JOIN {t['user']} u ON u.id = f.user_id""", params)  # noqa: S608 - quoted tables


def _bits(unit: str, condition: str) -> str:
    """The OR of the unit bits of the rows meeting `condition` (SUM of distinct powers of two)."""
    return (f"CAST(COALESCE(SUM(DISTINCT CASE WHEN {condition} "
            f"THEN CAST(1 AS BIGINT) << ({unit} %% {BLOCK_UNITS}) END), 0) AS BIGINT)")


def _fold(cursor, grain: str, params: dict) -> None:
    """Masks and tallies of one grain from the collected facts; check-out answers too."""
    t = _tables()
    unit = "w" if grain == Grain.WEEK else "m"
    held = "f.held = 1"
    cursor.execute(f"""
        INSERT INTO {t['mask']} (grain, block, user_id, group_id, department_id, attended, going,
                                 going_attended, checked_out)
        SELECT %(grain)s, f.{unit} / {BLOCK_UNITS}, f.user_id, f.group_id, MIN(f.department_id),
               {_bits(f"f.{unit}", f"{held} AND f.attended = 1")},
               {_bits(f"f.{unit}", f"{held} AND f.going = 1")},
               {_bits(f"f.{unit}", f"{held} AND f.attended = 1 AND f.going = 1")},
               {_bits(f"f.{unit}", "f.checked = 1")}
        FROM {FACTS} f
        GROUP BY f.{unit} / {BLOCK_UNITS}, f.user_id, f.group_id""",  # noqa: S608
                   {"grain": grain})
    cursor.execute(f"""
        INSERT INTO {t['tally']} (grain, unit, group_id, department_id, attendance, going,
                                  going_attended)
        SELECT %(grain)s, f.{unit}, f.group_id, f.department_id, SUM(f.attended), SUM(f.going),
               SUM(f.attended * f.going)
        FROM {FACTS} f WHERE {held} AND f.checked = 0
        GROUP BY f.{unit}, f.group_id, f.department_id""",  # noqa: S608
                   {"grain": grain})
    cursor.execute(f"""
        WITH su AS ({_sessions_sql()})
        INSERT INTO {t['checkout_tally']} (grain, unit, group_id, answers, score_total)
        SELECT %(grain)s, su.{unit}, su.group_id, COUNT(*), SUM(c.score)
        FROM {t['answer']} c JOIN su ON su.session_id = c.session_id
        GROUP BY su.{unit}, su.group_id""",  # noqa: S608
                   {**params, "grain": grain})


def build(*, now: dt.datetime | None = None) -> RollupState:
    """Rebuild every rollup from the facts, in one transaction. Returns the new state."""
    now = now or timezone.now()
    started = time.perf_counter()
    params = {"held": Session.Status.SCHEDULED, "going": RSVP.Status.GOING, "until": now}
    with transaction.atomic():
        state = _locked_state()
        for model in (ActivityMask, ActivityTally, CheckoutTally):
            model.objects.all().delete()
        with connection.cursor() as cursor:
            _collect_facts(cursor, params)
            for grain in (Grain.WEEK, Grain.MONTH):
                _fold(cursor, grain, params)
            cursor.execute(f"DROP TABLE {FACTS}")
            if connection.vendor == "postgresql":
                # Fresh statistics, so the planner knows how many rows a block holds.
                tables = ", ".join(_tables()[name] for name in ("mask", "tally",
                                                               "checkout_tally"))
                cursor.execute(f"ANALYZE {tables}")
        state.built_at = now
        state.seconds = time.perf_counter() - started
        state.save(update_fields=["built_at", "seconds"])
    return state


def _locked_state() -> RollupState:
    RollupState.objects.get_or_create(pk=1)
    return RollupState.objects.select_for_update().get(pk=1)


def current() -> RollupState | None:
    return RollupState.objects.filter(pk=1).first()


def covering(period_end: dt.datetime) -> RollupState:
    """The rollups, built now if they do not yet hold every session before `period_end`.

    One query when they do. Two requests that both find them behind build them once: the
    second waits on the first's row lock, then finds them fresh."""
    state = current()
    if state is not None and state.built_at is not None and state.built_at >= period_end:
        return state
    with transaction.atomic():
        state = _locked_state()
        if state.built_at is not None and state.built_at >= period_end:
            return state
        return build()
