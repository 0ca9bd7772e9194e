"""Builds the rollups (`dashboards.models`) from the facts, and places a period in them.

A build replaces every rollup row in one transaction, with INSERT ... SELECT statements
(GROUP BY in the database; only memberships, a few per person, pass through Python): readers
see the old rollups or the new, never half of one. Mask rows are first made per person and
group, then OR-ed (BIT_OR) into per person and category, and per person. A build holds every
fact from before it began; dashboard periods are the finished weeks or months as of the last
build (`current`), and the hourly task moves that forward and brings in late corrections
(attendance marked after the fact). Running it twice only rebuilds.
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
    SHIFTS,
    ActivityMask,
    ActivityTally,
    CheckoutTally,
    Grain,
    Level,
    MembershipMask,
    RecognitionMask,
    RecognitionTally,
    RollupState,
)
from dashboards.periods import UTC, Period
from groups.models import Group, Membership
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
    """A period in rollup terms: its grain, its buckets' units, and the one block (of one of
    the two shifts) that holds them all and the unit after them."""

    grain: str
    units: list[int]
    shift: int
    block: int

    @classmethod
    def of(cls, period: Period) -> Units:
        if period.grain == "week":
            grain, unit_of = Grain.WEEK, week_unit
        else:
            grain, unit_of = Grain.MONTH, month_unit
        units = [unit_of(start) for start, _end in period.buckets()]
        for shift in SHIFTS:
            first, after = units[0] + shift, units[-1] + 1 + shift
            if first // BLOCK_UNITS == after // BLOCK_UNITS:
                return cls(grain, units, shift, first // BLOCK_UNITS)
        raise ValueError(f"A period of {len(units)} units is longer than the rollups hold.")

    def bit(self, unit: int) -> int:
        return 1 << ((unit + self.shift) % BLOCK_UNITS)

    @property
    def mask(self) -> int:
        """The bits of the whole period."""
        bits = 0
        for unit in self.units:
            bits |= self.bit(unit)
        return bits

    def place(self) -> dict:
        """Filter arguments for the mask rows of this period."""
        return {"grain": self.grain, "shift": self.shift, "block": self.block}


# --- Building -----------------------------------------------------------------------------

def _unit_sql(grain: str, column: str) -> str:
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


def _table(model) -> str:
    return connection.ops.quote_name(model._meta.db_table)


ACTIVITY_FACTS = "dashboards_rollup_activity"  # temporary tables, dropped after each build
RECOGNITION_FACTS = "dashboards_rollup_recognitions"


def _bits(unit: str, shift: int, condition: str) -> str:
    """The OR of the unit bits of the rows meeting `condition` (BIT_OR: PostgreSQL's, and
    dashboards.apps adds it to SQLite)."""
    return (f"COALESCE(BIT_OR(CASE WHEN {condition} THEN CAST(1 AS BIGINT) "
            f"<< (({unit} + {shift}) %% {BLOCK_UNITS}) ELSE 0 END), 0)")


def _insert_group_level(cursor, *, model, source: str, masks: dict[str, str],
                        keys: dict[str, str], level: str = Level.GROUP) -> None:
    """Person-and-group mask rows of `model` from the temporary table `source` (columns
    w, m, user_id, group_id, category, department_id, ...), both grains and shifts. A
    person's department is one per person, except where a role says otherwise.
    `masks`: column -> condition for a bit; `keys`: extra column -> expression, grouped by."""
    key_columns = "".join(f", {column}" for column in keys)
    key_values = "".join(f", {expression}" for expression in keys.values())
    group_by = "".join(f", {expression}" for expression in keys.values()
                       if expression.startswith("f."))  # constants are not grouped by
    for grain, unit in ((Grain.WEEK, "f.w"), (Grain.MONTH, "f.m")):
        for shift in SHIFTS:
            block = f"({unit} + {shift}) / {BLOCK_UNITS}"
            bits = ", ".join(_bits(unit, shift, condition) for condition in masks.values())
            cursor.execute(f"""
                INSERT INTO {_table(model)} (grain, shift, block, level, user_id, group_id,
                    category, department_id{key_columns},
                    {", ".join(map(connection.ops.quote_name, masks))})
                SELECT %(grain)s, {shift}, {block}, %(level)s, f.user_id, f.group_id,
                       f.category, f.department_id{key_values}, {bits}
                FROM {source} f
                GROUP BY {block}, f.user_id, f.group_id, f.category, f.department_id{group_by}
                """,  # noqa: S608
                           {"grain": grain, "level": level})


def _insert_folded_levels(cursor, *, model, masks: list[str], keys: list[str],
                          levels=(Level.CATEGORY, Level.PERSON, Level.UNNAMED)) -> None:
    """Per person and category, per person, and per person and category over the groups that
    are never named (private or sensitive): the OR of the person-and-group rows."""
    table = _table(model)
    key_list = "".join(f", {key}" for key in keys)
    quote = connection.ops.quote_name  # "left" is a keyword
    ors = ", ".join(f"BIT_OR(x.{quote(mask)})" for mask in masks)
    groups = _table(Group)
    never_named = (f"x.group_id IN (SELECT id FROM {groups} WHERE is_sensitive "  # noqa: S608
                   f"OR visibility NOT IN ('{Group.Visibility.OPEN}', "
                   f"'{Group.Visibility.REQUEST}'))")
    for level, category, where in (
            (Level.CATEGORY, "x.category", "x.group_id IS NOT NULL"),
            (Level.PERSON, "''", "1 = 1"),
            (Level.UNNAMED, "x.category", never_named)):
        if level not in levels:
            continue
        group_by = "" if level == Level.PERSON else ", x.category"
        cursor.execute(f"""
            INSERT INTO {table} (grain, shift, block, level, user_id, group_id, category,
                                 department_id{key_list}, {", ".join(map(quote, masks))})
            SELECT x.grain, x.shift, x.block, %(level)s, x.user_id, NULL, {category},
                   x.department_id{"".join(f", x.{key}" for key in keys)}, {ors}
            FROM {table} x WHERE x.level = %(group)s AND {where}
            GROUP BY x.grain, x.shift, x.block, x.user_id, x.department_id{group_by}
                     {"".join(f", x.{key}" for key in keys)}""",  # noqa: S608
                       {"level": level, "group": Level.GROUP})


def _facts(cursor, name: str, select: str, params: dict) -> None:
    cursor.execute(f"DROP TABLE IF EXISTS {name}")
    cursor.execute(f"CREATE TEMPORARY TABLE {name} AS {select}", params)


def _fold_activity(cursor, params: dict) -> None:
    """Attendance, going RSVPs and check-out receipts: one pass over them into a temporary
    table (per session and person), then masks and tallies from it."""
    sessions = f"""
        SELECT s.id AS session_id, s.group_id, g.category,
               {_unit_sql(Grain.WEEK, "s.starts_at")} AS w,
               {_unit_sql(Grain.MONTH, "s.starts_at")} AS m,
               CASE WHEN s.status = %(held)s THEN 1 ELSE 0 END AS held
        FROM {_table(Session)} s JOIN {_table(Group)} g ON g.id = s.group_id
        WHERE s.starts_at < %(until)s"""  # noqa: S608
    attendance, rsvp = _table(Attendance), _table(RSVP)
    _facts(cursor, ACTIVITY_FACTS, f"""
        WITH su AS ({sessions}),
        facts AS (
            SELECT a.session_id, a.user_id, 1 AS attended,
                   CASE WHEN r.id IS NULL THEN 0 ELSE 1 END AS going, 0 AS checked
            FROM {attendance} a
            LEFT JOIN {rsvp} r ON r.session_id = a.session_id AND r.user_id = a.user_id
                               AND r.status = %(going)s
            UNION ALL
            SELECT r.session_id, r.user_id, 0, 1, 0 FROM {rsvp} r
            WHERE r.status = %(going)s AND NOT EXISTS (
                SELECT 1 FROM {attendance} a
                WHERE a.session_id = r.session_id AND a.user_id = r.user_id)
            UNION ALL
            SELECT c.session_id, c.user_id, 0, 0, 1 FROM {_table(CheckoutReceipt)} c
        )
        SELECT su.group_id, su.category, su.w, su.m, su.held, f.user_id, u.department_id,
               f.attended, f.going, f.checked
        FROM facts f JOIN su ON su.session_id = f.session_id
        JOIN {_table(User)} u ON u.id = f.user_id""", params)  # noqa: S608
    masks = {"attended": "f.held = 1 AND f.attended = 1", "going": "f.held = 1 AND f.going = 1",
             "going_attended": "f.held = 1 AND f.attended = 1 AND f.going = 1",
             "checked_out": "f.checked = 1"}
    _insert_group_level(cursor, model=ActivityMask, source=ACTIVITY_FACTS, masks=masks, keys={})
    _insert_folded_levels(cursor, model=ActivityMask, masks=list(masks), keys=[])
    for grain, unit in ((Grain.WEEK, "f.w"), (Grain.MONTH, "f.m")):
        cursor.execute(f"""
            INSERT INTO {_table(ActivityTally)} (grain, unit, group_id, department_id,
                                                 attendance, going, going_attended)
            SELECT %(grain)s, {unit}, f.group_id, f.department_id, SUM(f.attended),
                   SUM(f.going), SUM(f.attended * f.going)
            FROM {ACTIVITY_FACTS} f WHERE f.held = 1 AND f.checked = 0
            GROUP BY {unit}, f.group_id, f.department_id""",  # noqa: S608
                       {"grain": grain})
        cursor.execute(f"""
            WITH su AS ({sessions})
            INSERT INTO {_table(CheckoutTally)} (grain, unit, group_id, answers, score_total)
            SELECT %(grain)s, su.{unit[2:]}, su.group_id, COUNT(*), SUM(c.score)
            FROM {_table(CheckoutAnswer)} c JOIN su ON su.session_id = c.session_id
            GROUP BY su.{unit[2:]}, su.group_id""",  # noqa: S608
                       {**params, "grain": grain})
    cursor.execute(f"DROP TABLE {ACTIVITY_FACTS}")


def _fold_recognitions(cursor, params: dict) -> None:
    """Recognitions (not hidden): per recognition, recipient and value (null when none)."""
    _facts(cursor, RECOGNITION_FACTS, f"""
        SELECT r.id AS recognition_id, r.group_id, g.category, r.giver_id,
               giver.department_id AS giver_dept, rr.recipient_id,
               recipient.department_id AS recipient_dept, v.value_id,
               {_unit_sql(Grain.WEEK, "r.created_at")} AS w,
               {_unit_sql(Grain.MONTH, "r.created_at")} AS m
        FROM {_table(Recognition)} r
        LEFT JOIN {_table(Group)} g ON g.id = r.group_id
        JOIN {_table(User)} giver ON giver.id = r.giver_id
        JOIN {_table(RecognitionRecipient)} rr ON rr.recognition_id = r.id
        JOIN {_table(User)} recipient ON recipient.id = rr.recipient_id
        LEFT JOIN {_table(Recognition.values.through)} v ON v.recognition_id = r.id
        WHERE NOT r.is_hidden AND r.created_at < %(until)s""", params)  # noqa: S608
    Role = RecognitionMask.Role
    for role, person, department, value in (
            (Role.GAVE, "giver_id", "giver_dept", "NULL"),
            (Role.GAVE_VALUE, "giver_id", "giver_dept", "f.value_id"),
            (Role.RECEIVED, "recipient_id", "recipient_dept", "NULL")):
        keys = {"role": f"'{role}'", "value_id": value}
        columns = f"w, m, {person} AS user_id, {department} AS department_id, value_id"
        # Per person: every recognition. Per person and group: those given in a group.
        for level, source in (
                (Level.PERSON, f"(SELECT {columns}, CAST(NULL AS BIGINT) AS group_id, "  # noqa: S608
                               f"'' AS category FROM {RECOGNITION_FACTS})"),
                (Level.GROUP, f"(SELECT {columns}, group_id, category "  # noqa: S608
                              f"FROM {RECOGNITION_FACTS} WHERE group_id IS NOT NULL)")):
            _insert_group_level(cursor, model=RecognitionMask, source=source,
                                masks={"mask": "1 = 1"}, keys=keys, level=level)
    _insert_folded_levels(cursor, model=RecognitionMask, masks=["mask"],
                          keys=["role", "value_id"], levels=(Level.CATEGORY,))
    Kind = RecognitionTally.Kind
    for grain, unit in ((Grain.WEEK, "f.w"), (Grain.MONTH, "f.m")):
        for kind, department, value in ((Kind.GIVEN, "f.giver_dept", "NULL"),
                                        (Kind.VALUE, "f.giver_dept", "f.value_id"),
                                        (Kind.RECEIVED, "f.recipient_dept", "NULL")):
            group_by = ", ".join(e for e in (unit, "f.group_id", department, value)
                                 if e != "NULL")
            cursor.execute(f"""
                INSERT INTO {_table(RecognitionTally)} (grain, unit, kind, group_id,
                                                         department_id, value_id, count)
                SELECT %(grain)s, {unit}, %(kind)s, f.group_id, {department}, {value},
                       COUNT(DISTINCT f.recognition_id)
                FROM {RECOGNITION_FACTS} f GROUP BY {group_by}""",  # noqa: S608
                           {"grain": grain, "kind": kind})
    cursor.execute(f"DROP TABLE {RECOGNITION_FACTS}")


def membership_units(*, joined_at: dt.datetime, left_at: dt.datetime | None, still: bool,
                     grain: str, now: dt.datetime) -> dict[str, tuple[int, int]] | None:
    """The unit ranges (first, last; inclusive) of one membership: active, present, joined,
    left. None for a membership that never was active (removed with no date, or dates the
    wrong way round).

    Active in unit u: joined before u ended and (still a member, or left after u began).
    Present at u's start: joined before it, and still a member or left at or after it."""
    if (left_at is None and not still) or (left_at is not None and left_at < joined_at):
        return None
    unit_of = week_unit if grain == Grain.WEEK else month_unit
    first = unit_of(joined_at)
    last = unit_of(left_at) if left_at is not None else unit_of(now) + 1
    ranges = {"active": (first, last), "present": (first + 1, last), "joined": (first, first)}
    ranges["left"] = (last, last) if left_at is not None else (1, 0)
    return ranges


def _range_bits(first: int, last: int, shift: int) -> dict[int, int]:
    """Block -> mask of the units first..last (inclusive) at `shift`; {} when last < first."""
    masks: dict[int, int] = {}
    unit, last = first + shift, last + shift
    while unit <= last:
        block = unit // BLOCK_UNITS
        end = min(last, (block + 1) * BLOCK_UNITS - 1)
        low, high = unit % BLOCK_UNITS, end % BLOCK_UNITS
        masks[block] = masks.get(block, 0) | (((1 << (high + 1)) - 1) ^ ((1 << low) - 1))
        unit = end + 1
    return masks


def _fold_memberships(cursor, now: dt.datetime) -> None:
    """Membership intervals into person-and-group masks, in Python (memberships are few: a
    handful a person), then the folded levels in SQL."""
    rows = []
    memberships = (Membership.objects.filter(joined_at__lt=now)
                   .values_list("user_id", "group_id", "group__category", "user__department_id",
                                "joined_at", "left_at", "status").iterator(chunk_size=5000))
    kinds = ("active", "present", "joined", "left")
    for user_id, group_id, category, department_id, joined_at, left_at, status in memberships:
        still = left_at is None and status == Membership.Status.ACTIVE
        for grain in (Grain.WEEK, Grain.MONTH):
            ranges = membership_units(joined_at=joined_at, left_at=left_at, still=still,
                                      grain=grain, now=now)
            if ranges is None:
                continue
            for shift in SHIFTS:
                blocks: dict[int, dict[str, int]] = {}
                for kind in kinds:
                    for block, bits in _range_bits(*ranges[kind], shift).items():
                        blocks.setdefault(block, dict.fromkeys(kinds, 0))[kind] |= bits
                rows.extend(MembershipMask(
                    grain=grain, shift=shift, block=block, level=Level.GROUP, user_id=user_id,
                    group_id=group_id, category=category, department_id=department_id, **bits)
                    for block, bits in blocks.items())
    MembershipMask.objects.bulk_create(rows, batch_size=5000)
    _insert_folded_levels(cursor, model=MembershipMask, masks=list(kinds), keys=[])


MODELS = (ActivityMask, ActivityTally, CheckoutTally, MembershipMask, RecognitionMask,
          RecognitionTally)


def build(*, now: dt.datetime | None = None) -> RollupState:
    """Rebuild every rollup from the facts before `now`, in one transaction."""
    now = now or timezone.now()
    started = time.perf_counter()
    params = {"held": Session.Status.SCHEDULED, "going": RSVP.Status.GOING, "until": now}
    with transaction.atomic():
        state = _locked_state()
        for model in MODELS:
            model.objects.all().delete()
        with connection.cursor() as cursor:
            _fold_activity(cursor, params)
            _fold_recognitions(cursor, params)
            _fold_memberships(cursor, now)
        state.built_at = now
        state.seconds = time.perf_counter() - started
        state.save(update_fields=["built_at", "seconds"])
    _tidy()
    return state


def _tidy() -> None:
    """PostgreSQL: the rows a build replaced are dead until vacuumed, and every read would step
    over them (the rollups' reads were 2-3x slower with a few builds' worth). VACUUM frees them
    for the next build, ANALYZE refreshes the planner's counts. VACUUM cannot run inside a
    transaction: a build inside one (the first-ever build, tests) only analyzes."""
    if connection.vendor != "postgresql":
        return
    tables = ", ".join(_table(model) for model in MODELS)
    with connection.cursor() as cursor:
        if connection.in_atomic_block:
            cursor.execute(f"ANALYZE {tables}")
        else:
            cursor.execute(f"VACUUM (ANALYZE) {tables}")


def _locked_state() -> RollupState:
    RollupState.objects.get_or_create(pk=1)
    return RollupState.objects.select_for_update().get(pk=1)


def current() -> RollupState:
    """The rollups as last built; built now if they never were (a new installation). One
    query otherwise. Two first requests build once: the second waits on the first's lock."""
    state = RollupState.objects.filter(pk=1).first()
    if state is not None and state.built_at is not None:
        return state
    with transaction.atomic():
        state = _locked_state()
        if state.built_at is not None:
            return state
        return build()
