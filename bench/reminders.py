"""Reminder backlog benchmark: how fast a backlog of due notices drains after an outage.

    .venv/bin/python bench/reminders.py [--notices 3000 --url postgres://...]

Creates (drops and re-creates) its own PostgreSQL database, migrates it, creates `--notices`
due notices (one session, 200 people), starts a loopback SMTP sink (a minimal SMTP server in a
thread: every message accepted) and times one `notices_dispatch_due()` run, as beat's start
dispatch does, with the production settings (batches of 500, 50 s budget). Prints JSON: emails
per second, and the time a backlog of that size takes to drain now versus before (a batch of
500 per 60 s tick, the first tick 60 s after beat starts).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import math
import os
import socketserver
import sys
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
DEFAULT_URL = "postgres://postgres@127.0.0.1:5432/ps_reminders_bench"


class SmtpSink(socketserver.StreamRequestHandler):
    """Just enough SMTP for Django's backend: greet, accept every command and every message."""

    received = 0
    lock = threading.Lock()

    def handle(self) -> None:
        self.wfile.write(b"220 sink ESMTP\r\n")
        while line := self.rfile.readline():
            command = line.strip().upper()
            if command.startswith((b"EHLO", b"HELO")):
                self.wfile.write(b"250 sink\r\n")
            elif command == b"DATA":
                self.wfile.write(b"354 go ahead\r\n")
                while (body := self.rfile.readline()) and body.rstrip(b"\r\n") != b".":
                    pass
                with SmtpSink.lock:
                    SmtpSink.received += 1
                self.wfile.write(b"250 queued\r\n")
            elif command == b"QUIT":
                self.wfile.write(b"221 bye\r\n")
                return
            else:
                self.wfile.write(b"250 ok\r\n")


def recreate_database(url: str) -> None:
    import psycopg2
    from psycopg2 import sql

    name = url.rsplit("/", 1)[1]
    admin = psycopg2.connect(url.rsplit("/", 1)[0] + "/postgres")
    admin.autocommit = True
    with admin.cursor() as cur:
        cur.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name)))
        cur.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
    admin.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--url", default=DEFAULT_URL)
    parser.add_argument("--notices", type=int, default=3000)
    args = parser.parse_args()

    server = socketserver.ThreadingTCPServer(("127.0.0.1", 0), SmtpSink)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    recreate_database(args.url)
    os.environ.update(DATABASE_URL=args.url, DEBUG="0", SITE_URL="https://bench.example.com",
                      EMAIL_URL=f"smtp://127.0.0.1:{server.server_address[1]}",
                      DJANGO_SETTINGS_MODULE="peersupport.settings")
    os.environ.setdefault("SECRET_KEY", "bench-" + "k" * 60)
    os.environ.pop("REDIS_URL", None)
    import django

    django.setup()
    from django.conf import settings
    from django.core.management import call_command
    from django.utils import timezone

    call_command("migrate", verbosity=0)
    from accounts.models import User
    from groups.models import Group, Membership
    from sessions.models import Notice, Session
    from sessions.services import notices_dispatch_due

    people = User.objects.bulk_create([
        User(email=f"person{i}@bench.example.com", display_name=f"Person {i}") for i in range(200)])
    owner = people[0]
    group = Group.objects.create(name="Bench circle", created_by=owner)
    Membership.objects.create(group=group, user=owner, role=Membership.Role.FACILITATOR,
                              joined_at=timezone.now())
    starts = timezone.now() + dt.timedelta(days=2)
    session = Session.objects.create(group=group, title="Bench session", starts_at=starts,
                                     ends_at=starts + dt.timedelta(hours=1), created_by=owner)
    due = timezone.now() - dt.timedelta(minutes=5)
    Notice.objects.bulk_create([
        Notice(session=session, user=people[i % 200], kind=Notice.Kind.PROMOTED,
               revision=i // 200 + 1, due_at=due) for i in range(args.notices)])

    started = time.perf_counter()
    sent = notices_dispatch_due()
    seconds = time.perf_counter() - started
    rate = sent / seconds
    batch = settings.NOTICE_DISPATCH_BATCH
    budget = settings.NOTICE_DISPATCH_BUDGET
    per_run = min(rate * budget, batch * settings.NOTICE_DISPATCH_MAX_BATCHES)
    print(json.dumps({
        "notices": args.notices, "sent_in_one_run": sent, "smtp_received": SmtpSink.received,
        "run_seconds": round(seconds, 2), "emails_per_second": round(rate, 1),
        "drain_seconds_before": 60 * math.ceil(args.notices / 500) + round(
            (args.notices % 500 or 500) / rate, 1),
        "drain_seconds_now": round(seconds if sent == args.notices
                                   else 60 * math.ceil(args.notices / per_run), 1),
        "per_minute_now": round(min(rate * 60, per_run), 0), "per_minute_before": 500,
    }))
    server.shutdown()


if __name__ == "__main__":
    main()
