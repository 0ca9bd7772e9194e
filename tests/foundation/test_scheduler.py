"""The periodic jobs run on the embedded default (`make run`: no Redis, no Celery beat).

Real processes: a fresh SQLite database, `manage.py run_scheduler` as `make run` starts it, and
emails written to files. A reminder due shortly is sent within a minute of its due time, once;
after a restart nothing already sent goes out again.
"""

import email
import json
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.foundation.subprocess_settings import ROOT, clean_env, run_manage

SETUP = """
import datetime as dt, json, django
django.setup()
from django.utils import timezone
from groups.models import Membership
from sessions import services
from sessions.models import RSVP, Notice, Session
from tests.factories import UserFactory
from tests.sessions.factories import GroupFactory, join, schedule

facilitator = UserFactory(email="facilitator@example.org")
member = UserFactory(email="first@example.org")
group = GroupFactory()
join(group, facilitator, role=Membership.Role.FACILITATOR)
join(group, member)
session = schedule(group, facilitator, title="Tuesday circle")
# Starts in an hour and 20 seconds: its 1-hour reminder is due in 20 seconds.
Session.objects.filter(pk=session.pk).update(
    starts_at=timezone.now() + dt.timedelta(hours=1, seconds=20),
    ends_at=timezone.now() + dt.timedelta(hours=2))
session.refresh_from_db()
services.rsvp_set(session=session, user=member, status=RSVP.Status.GOING)
notice = Notice.objects.get(user=member, kind=Notice.Kind.REMINDER_1H)
print(json.dumps({"session": session.pk, "due": notice.due_at.timestamp()}))
"""

SECOND_PERSON = """
import json, sys, django
django.setup()
from groups.models import Group
from sessions import services
from sessions.models import RSVP, Notice, Session
from tests.factories import UserFactory
from tests.sessions.factories import join

session = Session.objects.get(pk=int(sys.argv[1]))
second = UserFactory(email="second@example.org")
join(session.group, second)
services.rsvp_set(session=session, user=second, status=RSVP.Status.GOING)
# A notice due now (a seat came free): the restarted scheduler must send it, and only it.
services.notices_announce(session=session, user_ids=[second.pk], kind=Notice.Kind.PROMOTED)
print(json.dumps(Notice.objects.filter(sent_at__isnull=False).count()))
"""


def sent_mail(outbox: Path) -> list[tuple[str, str, float]]:
    """(recipient, subject, file time) of every email the processes wrote."""
    found = []
    for path in sorted(outbox.glob("*.log")):
        for chunk in path.read_text().split("-" * 79):
            if not chunk.strip():
                continue
            message = email.message_from_string(chunk.strip())
            found.append((message["To"], message["Subject"], path.stat().st_mtime))
    return found


def start_scheduler(env: dict[str, str], log: Path) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "manage.py", "run_scheduler"], cwd=ROOT, env=env,
                            stdout=log.open("a"), stderr=subprocess.STDOUT)


def stop(process: subprocess.Popen) -> int:
    process.send_signal(signal.SIGTERM)
    return process.wait(timeout=30)


def wait_for(condition, seconds: float) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.5)
    return condition()


@pytest.fixture(scope="module")
def migrated_database(tmp_path_factory) -> Path:
    """A migrated SQLite file, made once for the module (migrating takes ~20 s)."""
    path = tmp_path_factory.mktemp("scheduler") / "migrated.sqlite3"
    migrated = run_manage(["migrate", "--noinput", "-v0"],
                          clean_env({"DATABASE_URL": f"sqlite:///{path}"}))
    assert migrated.returncode == 0, migrated.stderr
    return path


@pytest.fixture
def embedded(tmp_path, migrated_database) -> dict[str, str]:
    """The embedded default's environment on a fresh, migrated SQLite file of its own."""
    outbox = tmp_path / "outbox"
    outbox.mkdir()
    database = tmp_path / "db.sqlite3"
    shutil.copyfile(migrated_database, database)
    return clean_env({"DATABASE_URL": f"sqlite:///{database}",
                      "EMAIL_URL": f"filemail:///{outbox}"})


def test_a_due_reminder_is_sent_on_time_once_and_never_again_after_a_restart(embedded,
                                                                             tmp_path):
    outbox = tmp_path / "outbox"
    log = tmp_path / "scheduler.log"
    setup = subprocess.run([sys.executable, "-c", SETUP], cwd=ROOT, env=embedded,
                           capture_output=True, text=True, timeout=120)
    assert setup.returncode == 0, setup.stderr
    planned = json.loads(setup.stdout.strip().splitlines()[-1])

    scheduler = start_scheduler(embedded, log)
    try:
        reminded = wait_for(lambda: any(s.startswith("In an hour") for _, s, _ in
                                        sent_mail(outbox)), planned["due"] + 75 - time.time())
    finally:
        code = stop(scheduler)
    output = log.read_text()
    assert reminded, output
    assert code == 0, output
    [(to, subject, at)] = sent_mail(outbox)
    assert (to, subject) == ("first@example.org", "In an hour: Tuesday circle")
    # On time: not before it was due, and within the minute of the beat schedule.
    assert planned["due"] - 1 <= at <= planned["due"] + 62

    second = subprocess.run([sys.executable, "-c", SECOND_PERSON, str(planned["session"])],
                            cwd=ROOT, env=embedded, capture_output=True, text=True, timeout=120)
    assert second.returncode == 0, second.stderr
    restarted = start_scheduler(embedded, log)
    try:
        promoted = wait_for(lambda: len(sent_mail(outbox)) >= 2, 30)
        time.sleep(2)  # anything it would send twice would go out in the same first run
    finally:
        stop(restarted)
    assert promoted, log.read_text()
    assert sorted((to, subject) for to, subject, _ in sent_mail(outbox)) == [
        ("first@example.org", "In an hour: Tuesday circle"),
        ("second@example.org", "A seat for you: Tuesday circle"),
    ]


def test_a_second_scheduler_on_the_same_database_refuses_to_start(embedded, tmp_path):
    first = start_scheduler(embedded, tmp_path / "first.log")
    try:
        assert wait_for(lambda: "Scheduler:" in (tmp_path / "first.log").read_text(), 30)
        second = run_manage(["run_scheduler"], embedded)
    finally:
        stop(first)
    assert second.returncode != 0
    assert "Another scheduler already runs" in second.stderr


def test_the_scheduler_stops_when_the_server_it_was_started_beside_ends(embedded, tmp_path):
    """The shape of `make run`: the shell starts the scheduler with its own pid, then becomes
    the server (exec); here the "server" is a sleep that ends after a few seconds."""
    log = tmp_path / "beside.log"
    shell = subprocess.Popen(
        ["sh", "-c", f'"{sys.executable}" manage.py run_scheduler --parent $$ >"{log}" 2>&1 & '
                     "exec sleep 6"], cwd=ROOT, env=embedded)
    shell.wait(timeout=30)
    # No scheduler left: a new one gets the lock.
    assert wait_for(lambda: subprocess.run(
        [sys.executable, "-c", "import django, sys; django.setup(); "
         "from peersupport import scheduler; sys.exit(0 if scheduler.acquire_lock() else 1)"],
        cwd=ROOT, env=embedded).returncode == 0, 10), log.read_text()
    assert "Scheduler:" in log.read_text()


def test_with_redis_the_command_leaves_the_jobs_to_celery_beat(tmp_path):
    env = clean_env({"DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}",
                     "REDIS_URL": "redis://127.0.0.1:6379/15"})
    result = run_manage(["run_scheduler"], env)
    assert result.returncode == 0
    assert "Celery beat" in result.stdout
