"""HR dashboard benchmark: one command, prints server time and query counts.

    .venv/bin/python bench/dashboard.py [--employees 10000 --groups 300 --attendance 1000000
                                         --recognitions 200000 --requests 7 --url postgres://...]

Creates (drops and re-creates) its own PostgreSQL database, migrates it, bulk-loads a synthetic
organisation with COPY, then times the dashboard view through the Django test client (median of
several requests per period) at a small and at the full attendance size, with the query count.
"""

from __future__ import annotations

import argparse
import datetime as dt
import io
import json
import os
import random
import statistics
import sys
import time
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
DEFAULT_URL = "postgres://postgres@127.0.0.1:5432/peersupport_bench_dash"
SMALL_ATTENDANCE = 10_000
WEEKS_BACK = 104


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--url", default=DEFAULT_URL)
    parser.add_argument("--employees", type=int, default=10_000)
    parser.add_argument("--groups", type=int, default=300)
    parser.add_argument("--attendance", type=int, default=1_000_000)
    parser.add_argument("--recognitions", type=int, default=200_000)
    parser.add_argument("--requests", type=int, default=7)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--jit", action="store_true",
                        help="keep PostgreSQL's JIT on (default: off for the bench database)")
    parser.add_argument("--keep", action="store_true",
                        help="only load (no timing); leave the database for manual use")
    parser.add_argument("--reuse", action="store_true",
                        help="no loading: time the database as it is (e.g. after --keep), at the "
                             "attendance size it holds")
    return parser.parse_args()


def recreate_database(url: str, *, jit: bool) -> None:
    import psycopg2
    from psycopg2 import sql

    base, name = url.rsplit("/", 1)
    conn = psycopg2.connect(f"{base}/postgres")
    conn.autocommit = True
    with conn.cursor() as cur:
        cur.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name)))
        cur.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
        if not jit:
            # JIT compilation costs 30-100 ms per large aggregate; off is the usual choice for
            # a web database (see the report). --jit keeps the server default.
            cur.execute(sql.SQL("ALTER DATABASE {} SET jit = off").format(sql.Identifier(name)))
    conn.close()


def setup_django(url: str) -> None:
    """Production settings (DEBUG off: cached templates, no query log), on `url`."""
    os.environ["DATABASE_URL"] = url
    os.environ["DEBUG"] = "0"
    os.environ.setdefault("SECRET_KEY", "bench-" + "k" * 60)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "peersupport.settings")
    os.environ.pop("REDIS_URL", None)
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    call_command("collectstatic", interactive=False, verbosity=0)  # as production serves them


# --- COPY loading ---------------------------------------------------------------------------

NOW = None  # set in main (aware UTC datetime)


def _encode(value) -> str:
    if value is None:
        return r"\N"
    if isinstance(value, bool):
        return "t" if value else "f"
    if isinstance(value, dt.datetime | dt.date):
        return value.isoformat()
    if isinstance(value, dict | list):
        value = json.dumps(value)
    text = str(value)
    return text.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n")


def copy_rows(model, rows, *, extra_defaults: dict | None = None) -> int:
    """COPY `rows` (dicts by attname) into `model`'s table; other fields get their defaults."""
    from django.db import connection, models

    fields = [f for f in model._meta.concrete_fields
              if not (f.primary_key and isinstance(f, models.AutoField | models.BigAutoField))]
    defaults = {}
    for f in fields:
        if f.has_default():
            defaults[f.attname] = f.get_default
        elif getattr(f, "auto_now", False) or getattr(f, "auto_now_add", False):
            defaults[f.attname] = lambda: NOW
        elif f.null:
            defaults[f.attname] = lambda: None
        elif f.blank and f.empty_strings_allowed:
            defaults[f.attname] = lambda: ""
    defaults.update(extra_defaults or {})
    columns = ", ".join(connection.ops.quote_name(f.column) for f in fields)
    table = connection.ops.quote_name(model._meta.db_table)
    count = 0
    buffer = io.StringIO()
    with connection.cursor() as cursor:
        raw = cursor.cursor
        for row in rows:
            values = []
            for f in fields:
                if f.attname in row:
                    values.append(row[f.attname])
                elif f.attname in defaults:
                    values.append(defaults[f.attname]())
                else:
                    raise KeyError(f"{model.__name__}.{f.attname} needs a value")
            buffer.write("\t".join(_encode(v) for v in values) + "\n")
            count += 1
            if count % 200_000 == 0:
                buffer.seek(0)
                raw.copy_expert(f"COPY {table} ({columns}) FROM STDIN", buffer)
                buffer = io.StringIO()
        buffer.seek(0)
        raw.copy_expert(f"COPY {table} ({columns}) FROM STDIN", buffer)
    return count


def ids(model) -> list[int]:
    return list(model.objects.order_by("pk").values_list("pk", flat=True))


def load_organisation(args, rng: random.Random) -> dict:
    from django.contrib.auth.hashers import make_password

    from accounts.models import Department, User
    from groups.models import Group, Membership
    from sessions.models import Session

    departments = [Department.objects.create(name=f"Department {i:02d}") for i in range(20)]
    password = make_password("bench-password")
    start = NOW - dt.timedelta(weeks=WEEKS_BACK + 26)
    copy_rows(User, ({
        "email": f"person{i}@bench.example", "password": password, "is_superuser": False,
        "is_staff": False, "is_active": True, "date_joined": start,
        "display_name": f"Person {i}", "department_id": rng.choice(departments).id
        if rng.random() > 0.01 else None, "is_facilitator": i % 50 == 0, "is_hr": False,
    } for i in range(args.employees)))
    User.objects.create_user("hr@bench.example", "bench-password", is_hr=True)
    users = ids(User)
    categories = [c for c, _ in Group.Category.choices]
    copy_rows(Group, ({
        "name": f"Group {i:03d}", "slug": f"group-{i:03d}", "purpose": "Bench group.",
        "category": categories[i % len(categories)],
        "visibility": rng.choices(["open", "request", "private"], [70, 15, 15])[0],
        "is_sensitive": rng.random() < 0.1,
        "created_at": start + dt.timedelta(days=rng.randrange(180)),
    } for i in range(args.groups)))
    groups = ids(Group)
    members: dict[int, list[int]] = {g: [] for g in groups}
    seen = set()
    rows = []
    for user in users:
        for group in rng.sample(groups, 3):
            if (group, user) in seen:
                continue
            seen.add((group, user))
            members[group].append(user)
            joined = start + dt.timedelta(days=rng.randrange(WEEKS_BACK * 7 + 150))
            left = rng.random() < 0.1
            rows.append({"group_id": group, "user_id": user, "joined_at": joined,
                         "status": "left" if left else "active",
                         "left_at": joined + dt.timedelta(days=rng.randrange(1, 120))
                         if left else None})
    copy_rows(Membership, rows)
    this_week = (NOW - dt.timedelta(days=NOW.weekday())).replace(hour=0, minute=0, second=0,
                                                                 microsecond=0)
    session_rows = []
    for group in groups:
        for week in range(-WEEKS_BACK, 4):
            starts = this_week + dt.timedelta(weeks=week, days=group % 5, hours=9 + group % 8)
            status = rng.choices(["scheduled", "cancelled", "closed"], [93, 5, 2])[0]
            session_rows.append({"group_id": group, "title": f"Circle {week}",
                                 "starts_at": starts, "ends_at": starts + dt.timedelta(hours=1),
                                 "status": status if starts < NOW else "scheduled"})
    copy_rows(Session, session_rows)
    sessions = list(Session.objects.filter(status="scheduled", starts_at__lt=NOW)
                    .values_list("pk", "group_id", "starts_at"))
    return {"users": users, "groups": groups, "members": members, "sessions": sessions}


def load_attendance(org: dict, total: int, rng: random.Random) -> None:
    """`total` attendance rows spread over past held sessions, with going RSVPs (+20% no-shows)
    and anonymous check-outs from a quarter of the attendees."""
    from django.db import connection

    from sessions.models import RSVP, Attendance, CheckoutAnswer, CheckoutReceipt

    with connection.cursor() as cursor:
        for model in (Attendance, RSVP, CheckoutAnswer, CheckoutReceipt):
            cursor.execute(f"TRUNCATE {model._meta.db_table}")
    sessions = org["sessions"]
    per_session = max(1, total // len(sessions))
    remainder = total - per_session * len(sessions)
    attendance, rsvps, answers, receipts = [], [], [], []
    for index, (session, group, starts) in enumerate(sessions):
        pool = org["members"][group]
        want = per_session + (1 if index < remainder else 0)
        if not pool or want <= 0:
            continue
        came = rng.sample(pool, min(want, len(pool)))
        no_show = rng.sample(pool, min(len(pool), len(came) // 5))
        for user in came:
            attendance.append({"session_id": session, "user_id": user, "source": "chat",
                               "recorded_at": starts})
            if rng.random() < 0.25:
                receipts.append({"session_id": session, "user_id": user})
                answers.append({"id": uuid.uuid4(), "session_id": session,
                                "score": rng.choice([3, 4, 4, 5, 5]), "comment": "",
                                "created_at": starts.replace(hour=0, minute=0)})
        going = set(came) | set(no_show)
        rsvps.extend({"session_id": session, "user_id": user, "status": "going",
                      "created_at": starts, "updated_at": starts} for user in going)
    copy_rows(Attendance, attendance)
    copy_rows(RSVP, rsvps)
    copy_rows(CheckoutAnswer, answers)
    copy_rows(CheckoutReceipt, receipts)
    vacuum_analyze()


def vacuum_analyze() -> None:
    """What autovacuum would have done after such a load (visibility map for index-only
    scans, statistics for the planner)."""
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE")


def load_recognitions(org: dict, total: int, rng: random.Random) -> None:
    from recognition.models import Recognition, RecognitionRecipient, Value

    values = [Value.objects.get_or_create(slug=s, defaults={"name": s.title()})[0].id
              for s in ("empathy", "listening", "courage", "support", "respect")]
    users = org["users"]
    copy_rows(Recognition, ({
        "giver_id": rng.choice(users), "message": "Thank you!", "visibility": "public",
        "created_at": NOW - dt.timedelta(minutes=rng.randrange(WEEKS_BACK * 7 * 24 * 60)),
        "is_hidden": rng.random() < 0.01,
    } for _ in range(total)))
    recognitions = ids(Recognition)
    links, value_links = [], []
    for rec in recognitions:
        for user in rng.sample(users, rng.choice([1, 1, 1, 2])):
            links.append({"recognition_id": rec, "recipient_id": user,
                          "notification": "emailed"})
        for value in rng.sample(values, rng.choice([1, 1, 2])):
            value_links.append({"recognition_id": rec, "value_id": value})
    copy_rows(RecognitionRecipient, links)
    copy_rows(Recognition.values.through, value_links)
    vacuum_analyze()


# --- Timing ---------------------------------------------------------------------------------

PERIODS = {"last 4 weeks": "", "quarter": "?period=quarter", "year": "?period=year"}


def build_rollups() -> float:
    """The hourly rebuild of the rollups (dashboards.rollups), as the task runs it: seconds."""
    from dashboards import rollups

    started = time.perf_counter()
    rollups.build()
    return time.perf_counter() - started


def measure(requests: int) -> dict[str, tuple[float, int, float, int]]:
    """Per period: (median ms, queries) computed on request from the rollups (view cache
    empty), and the same once the hourly task `materialise_daily_aggregates` has also built
    the preset views."""
    from django.conf import settings
    from django.core.cache import cache
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from accounts.models import User
    from dashboards.tasks import materialise_daily_aggregates

    settings.MFA_EXEMPT_EMAILS = ["hr@bench.example"]
    client = Client()
    client.force_login(User.objects.get(email="hr@bench.example"))

    def timed(url: str, *, clear: bool) -> tuple[float, int]:
        timings = []
        for _ in range(requests):
            if clear:
                cache.clear()
            started = time.perf_counter()
            response = client.get(url, secure=True)
            timings.append((time.perf_counter() - started) * 1000)
            assert response.status_code == 200, response.status_code
        if clear:
            cache.clear()
        with CaptureQueriesContext(connection) as queries:
            client.get(url, secure=True)
        return statistics.median(timings), len(queries.captured_queries)

    results = {}
    for label, query in PERIODS.items():
        cache.clear()
        # Warm the connection and PostgreSQL's buffers.
        client.get(f"/dashboard/{query}", secure=True)
        results[label] = timed(f"/dashboard/{query}", clear=True)
    cache.clear()
    materialise_daily_aggregates()
    for label, query in PERIODS.items():
        results[label] += timed(f"/dashboard/{query}", clear=False)
    return results


def main() -> None:
    global NOW
    args = parse_args()
    rng = random.Random(args.seed)
    if not args.reuse:
        print(f"Creating {args.url} ...", flush=True)
        recreate_database(args.url, jit=args.jit)
    setup_django(args.url)
    from django.utils import timezone

    NOW = timezone.now()
    if args.reuse:
        from sessions.models import Attendance

        size = Attendance.objects.count()
        print(f"Rollups rebuilt from {size:,} attendance rows in {build_rollups():.1f} s",
              flush=True)
        report = {size: measure(args.requests)}
        print_report(args, report)
        return
    started = time.perf_counter()
    org = load_organisation(args, rng)
    load_recognitions(org, args.recognitions, rng)
    print(f"Loaded {args.employees:,} employees, {args.groups} groups, "
          f"{len(org['sessions']):,} past held sessions, {args.recognitions:,} recognitions "
          f"in {time.perf_counter() - started:.0f} s", flush=True)
    report = {}
    for size in (min(SMALL_ATTENDANCE, args.attendance), args.attendance):
        started = time.perf_counter()
        load_attendance(org, size, rng)
        print(f"Loaded {size:,} attendance rows (+ RSVPs, check-outs) in "
              f"{time.perf_counter() - started:.0f} s", flush=True)
        print(f"Rollups rebuilt from {size:,} attendance rows in {build_rollups():.1f} s",
              flush=True)
        if args.keep:
            continue
        report[size] = measure(args.requests)
    if args.keep:
        return
    print_report(args, report)


def print_report(args: argparse.Namespace, report: dict) -> None:
    print(f"\nPostgreSQL jit: {'server default' if args.jit else 'off'}")
    print(f"Dashboard server time, median of {args.requests} requests (Django test client).")
    print("computed: aggregate queries over the rollups on request (view cache empty); "
          "warmed: after the hourly task also built the preset views")
    print(f"{'attendance rows':>16} | {'period':<13} | {'computed ms':>11} | queries | "
          f"{'warmed ms':>9} | queries")
    for size, results in report.items():
        for label, (median, count, warm, warm_count) in results.items():
            print(f"{size:>16,} | {label:<13} | {median:>11.1f} | {count:>7} | {warm:>9.1f} | "
                  f"{warm_count}")
    computed = {r[1] for results in report.values() for r in results.values()}
    print("Query count (computed) the same at every size and period:",
          "yes" if len(computed) == 1 else "NO")


if __name__ == "__main__":
    main()
