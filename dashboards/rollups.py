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
    MembershipMask,
    RecognitionMask,
    RecognitionTally,
    RollupState,
)
from dashboards.periods import UTC, Period
from recognition.models import Recognition, RecognitionRecipient
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

def _unit_sql(grain: str, column: str = "s.starts_at") -> str:
    """The unit of `column` (an aware UTC timestamp) in SQL; `%%` is a literal percent."""
    if connection.vendor == "postgresql":
        if grain == Grain.WEEK:
            return (f"CAST(FLOOR((EXTRACT(EPOCH FROM {column}) - 345600) / 604800) "
                    "AS INTEGER)")
        return (f"CAST(EXTRACT(YEAR FROM {column} AT TIME ZONE 'UTC') * 12 "
                f"+ EXTRACT(MONTH FROM {column} AT TIME ZONE 'UTC') - 1 AS INTEGER)")
    # SQLite keeps UTC text; strftime reads it.
    if grain == Grain.WEEK:
        return f"((CAST(strftime('%%s', {column}) AS INTEGER) - 345600) / 604800)"
    return (f"(CAST(strftime('%%Y', {column}) AS INTEGER) * 12 "
            f"+ CAST(strftime('%%m', {column}) AS INTEGER) - 1)")


def _tables() -> dict[str, str]:
    quote = connection.ops.quote_name
    models = {"mask": ActivityMask, "tally": ActivityTally, "checkout_tally": CheckoutTally,
              "session": Session, "attendance": Attendance, "rsvp": RSVP, "user": User,
              "receipt": CheckoutReceipt, "answer": CheckoutAnswer,
              "members": MembershipMask, "recognition_mask": RecognitionMask,
              "recognition_tally": RecognitionTally, "recognition": Recognition,
              "recipient": RecognitionRecipient, "value_link": Recognition.values.through}
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


RECOGNITION_FACTS = "dashboards_rollup_recognitions"


def _columns(*expressions: str) -> str:
    """A GROUP BY list without the NULL constants (PostgreSQL refuses them there)."""
    return ", ".join(e for e in expressions if e != "NULL")


def _fold_recognitions(cursor, params: dict) -> None:
    """Recognitions (not hidden) into masks and tallies, both grains, from one temporary table:
    per recognition, recipient and value (null when none)."""
    t = _tables()
    cursor.execute(f"DROP TABLE IF EXISTS {RECOGNITION_FACTS}")
    cursor.execute(f"""
        CREATE TEMPORARY TABLE {RECOGNITION_FACTS} AS
        SELECT r.id AS recognition_id, r.group_id, r.giver_id, g.department_id AS giver_dept,
               rr.recipient_id, u.department_id AS recipient_dept, v.value_id,
               {_unit_sql(Grain.WEEK, "r.created_at")} AS w,
               {_unit_sql(Grain.MONTH, "r.created_at")} AS m
        FROM {t['recognition']} r
        JOIN {t['user']} g ON g.id = r.giver_id
        JOIN {t['recipient']} rr ON rr.recognition_id = r.id
        JOIN {t['user']} u ON u.id = rr.recipient_id
        LEFT JOIN {t['value_link']} v ON v.recognition_id = r.id
        WHERE NOT r.is_hidden AND r.created_at < %(until)s""", params)  # noqa: S608
    for grain, unit in ((Grain.WEEK, "f.w"), (Grain.MONTH, "f.m")):
        block = f"{unit} / {BLOCK_UNITS}"
        bits = _bits(unit, "1 = 1")
        for role, person, department, value in (
                (RecognitionMask.Role.GAVE, "f.giver_id", "f.giver_dept", "f.value_id"),
                (RecognitionMask.Role.RECEIVED, "f.recipient_id", "f.recipient_dept", "NULL"),
                (RecognitionMask.Role.GAVE_TO, "f.giver_id", "f.recipient_dept", "NULL")):
            cursor.execute(f"""
                INSERT INTO {t['recognition_mask']} (grain, block, role, user_id, group_id,
                                                     value_id, department_id, mask)
                SELECT %(grain)s, {block}, %(role)s, {person}, f.group_id, {value},
                       {department}, {bits}
                FROM {RECOGNITION_FACTS} f
                GROUP BY {_columns(block, person, "f.group_id", value, department)}""",  # noqa: S608
                           {"grain": grain, "role": role})
        for kind, department, value in (
                (RecognitionTally.Kind.GIVEN, "f.giver_dept", "NULL"),
                (RecognitionTally.Kind.VALUE, "f.giver_dept", "f.value_id"),
                (RecognitionTally.Kind.RECEIVED, "f.recipient_dept", "NULL")):
            cursor.execute(f"""
                INSERT INTO {t['recognition_tally']} (grain, unit, kind, group_id, department_id,
                                                      value_id, count)
                SELECT %(grain)s, {unit}, %(kind)s, f.group_id, {department}, {value},
                       COUNT(DISTINCT f.recognition_id)
                FROM {RECOGNITION_FACTS} f
                GROUP BY {_columns(unit, "f.group_id", department, value)}""",  # noqa: S608
                           {"grain": grain, "kind": kind})
    cursor.execute(f"DROP TABLE {RECOGNITION_FACTS}")


def _range_bits(first: int, last: int) -> dict[int, int]:
    """Block -> mask of the units first..last (inclusive); empty when last < first."""
    masks: dict[int, int] = {}
    unit = first
    while unit <= last:
        block = unit // BLOCK_UNITS
        end = min(last, (block + 1) * BLOCK_UNITS - 1)
        low, high = unit % BLOCK_UNITS, end % BLOCK_UNITS
        masks[block] = masks.get(block, 0) | (((1 << (high + 1)) - 1) ^ ((1 << low) - 1))
        unit = end + 1
    return masks


def membership_masks(*, joined_at: dt.datetime, left_at: dt.datetime | None, still: bool,
                     grain: str, now: dt.datetime) -> dict[int, dict[str, int]]:
    """Block -> {active, present, joined, left} masks of one membership (see MembershipMask).

    Active in unit u: joined before u ended and (still a member, or left after u began).
    Present at u's start: joined before it, and still a member or left at or after it.
    A membership that never was active (e.g. removed with no date) has no masks."""
    unit_of = week_unit if grain == Grain.WEEK else month_unit
    if left_at is None and not still:
        return {}
    first = unit_of(joined_at)
    last = unit_of(left_at) if left_at is not None else unit_of(now) + 1
    masks: dict[int, dict[str, int]] = {}

    def add(kind: str, bits: dict[int, int]) -> None:
        for block, mask in bits.items():
            entry = masks.setdefault(block, {"active": 0, "present": 0, "joined": 0, "left": 0})
            entry[kind] |= mask

    add("active", _range_bits(first, last))
    add("present", _range_bits(first + 1, last))
    add("joined", _range_bits(first, first))
    if left_at is not None:
        add("left", _range_bits(last, last))
    return masks


def _fold_memberships(now: dt.datetime) -> None:
    """Membership intervals into masks, in Python (memberships are few: a handful a person)."""
    from groups.models import Membership

    rows = []
    memberships = (Membership.objects.filter(joined_at__lt=now)
                   .values_list("user_id", "group_id", "user__department_id", "joined_at",
                                "left_at", "status").iterator(chunk_size=5000))
    for user_id, group_id, department_id, joined_at, left_at, status in memberships:
        still = left_at is None and status == Membership.Status.ACTIVE
        for grain in (Grain.WEEK, Grain.MONTH):
            masks = membership_masks(joined_at=joined_at, left_at=left_at, still=still,
                                     grain=grain, now=now)
            rows.extend(MembershipMask(grain=grain, block=block, user_id=user_id,
                                       group_id=group_id, department_id=department_id, **bits)
                        for block, bits in masks.items())
    MembershipMask.objects.bulk_create(rows, batch_size=5000)


def build(*, now: dt.datetime | None = None) -> RollupState:
    """Rebuild every rollup from the facts, in one transaction. Returns the new state."""
    now = now or timezone.now()
    started = time.perf_counter()
    params = {"held": Session.Status.SCHEDULED, "going": RSVP.Status.GOING, "until": now}
    with transaction.atomic():
        state = _locked_state()
        for model in (ActivityMask, ActivityTally, CheckoutTally, MembershipMask,
                      RecognitionMask, RecognitionTally):
            model.objects.all().delete()
        _fold_memberships(now)
        with connection.cursor() as cursor:
            _collect_facts(cursor, params)
            for grain in (Grain.WEEK, Grain.MONTH):
                _fold(cursor, grain, params)
            cursor.execute(f"DROP TABLE {FACTS}")
            _fold_recognitions(cursor, params)
            if connection.vendor == "postgresql":
                # Fresh statistics, so the planner knows how many rows a block holds.
                tables = ", ".join(_tables()[name] for name in (
                    "mask", "tally", "checkout_tally", "members", "recognition_mask",
                    "recognition_tally"))
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
