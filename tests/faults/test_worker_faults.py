"""A Celery worker SIGKILLed in the middle of sending reminders (issue 22 §3): every due reminder
reaches its person exactly once, and the backlog drains without waiting a beat interval per
batch.

Real processes throughout: the suite's own PostgreSQL (a clone of its migrated template) and
Redis, `celery beat` (dispatching at start, then every 2 s) and `celery worker` processes with
the suite's recording mail backend (tests/faults/mail_backend.py, counting by recipient). The
first worker hangs mid-send on one person's reminder, as on a mail server that stopped answering,
and is SIGKILLed there; a second worker starts and must send that reminder (once its 3 s claim
lease expired) and everything after it, nothing twice.
"""

from __future__ import annotations

import json
import signal
import subprocess
import sys
import time
import uuid
from collections import Counter
from pathlib import Path

import pytest

from tests.chat.live_servers import ROOT
from tests.faults.conftest import _clean_env
from tests.faults.services import RedisServer

PEOPLE = 60
VICTIM = 25  # the reminder the first worker dies on (the 26th in due order)


def _wait_for(predicate, timeout: float, what: str, processes=()) -> float:
    started = time.monotonic()
    while time.monotonic() - started < timeout:
        if predicate():
            return time.monotonic() - started
        for process, log in processes:
            if process.poll() is not None:
                raise AssertionError(f"{log.name} exited with {process.returncode}: "
                                     f"{log.read_text(errors='replace')[-3000:]}")
        time.sleep(0.05)
    raise AssertionError(f"not within {timeout} s: {what}")


def _delivered(mail_log: Path) -> list[dict]:
    if not mail_log.exists():
        return []
    return [json.loads(line) for line in mail_log.read_text().splitlines() if line]


@pytest.fixture
def reminder_stack(postgres, tmp_path):
    redis = RedisServer().start()
    database = f"faults_{uuid.uuid4().hex[:10]}"
    postgres.execute(f'CREATE DATABASE "{database}" TEMPLATE faults_template')
    database_url = postgres.url(database)
    seeded = subprocess.run(
        [sys.executable, "-m", "tests.faults.seed_reminders", str(PEOPLE)], cwd=ROOT,
        check=True, timeout=120, capture_output=True, text=True,
        env=_clean_env(DATABASE_URL=database_url,
                       DJANGO_SETTINGS_MODULE="peersupport.test_settings"))
    env = _clean_env(DATABASE_URL=database_url, REDIS_URL=redis.url,
                     DJANGO_SETTINGS_MODULE="tests.faults.worker_settings",
                     FAULT_MAIL_LOG=str(tmp_path / "mail.jsonl"),
                     FAULT_MAIL_HANG=str(tmp_path / "hang"))
    processes: list[tuple[subprocess.Popen, Path]] = []

    def start(name: str, *args: str) -> subprocess.Popen:
        log = tmp_path / f"{name}.log"
        process = subprocess.Popen(
            [sys.executable, "-m", "celery", "-A", "peersupport", *args], cwd=ROOT, env=env,
            stdout=log.open("w"), stderr=subprocess.STDOUT)
        processes.append((process, log))
        return process

    stack = {"recipients": json.loads(seeded.stdout)["recipients"], "start": start,
             "processes": processes, "tmp_path": tmp_path, "postgres": postgres,
             "database": database, "figures": {}}
    try:
        yield stack
    finally:
        for process, _ in processes:
            if process.poll() is None:
                process.kill()
                process.wait(timeout=10)
        redis.stop()
        if stack["figures"]:
            print(f"\nFAULT FIGURES {json.dumps(stack['figures'])}")


def test_a_worker_killed_mid_send_leaves_every_reminder_delivered_exactly_once(reminder_stack):
    recipients = reminder_stack["recipients"]
    tmp_path: Path = reminder_stack["tmp_path"]
    start, processes = reminder_stack["start"], reminder_stack["processes"]
    mail_log, hang = tmp_path / "mail.jsonl", tmp_path / "hang"
    victim = recipients[VICTIM]
    hang.write_text(victim)
    worker_args = ("worker", "--pool=solo", "--without-gossip", "--without-mingle",
                   "--without-heartbeat", "--loglevel=INFO")

    first = start("first-worker", *worker_args, "--hostname=first@%h")
    beat_started, beat_started_wall = time.monotonic(), time.time()
    start("beat", "beat", "--loglevel=INFO", f"--schedule={tmp_path / 'beat-schedule'}")
    _wait_for(Path(f"{hang}.reached").exists, 45, "the first worker reaching the victim",
              processes)
    reached_after = time.monotonic() - beat_started

    # Everyone before the victim has their reminder, once; the victim's is claimed, unsent.
    before = _delivered(mail_log)
    assert [line["to"] for line in before] == recipients[:VICTIM]
    first.send_signal(signal.SIGKILL)
    first.wait(timeout=10)
    first_log = next(log for process, log in processes if process is first)
    processes[:] = [(p, log) for p, log in processes if p is not first]  # dead on purpose
    killed_at, killed_wall = time.monotonic(), time.time()
    hang.unlink()  # the mail server answers again (for the next worker)
    rows = reminder_stack["postgres"].execute(
        "SELECT n.claimed_at IS NOT NULL, n.sent_at IS NULL FROM peer_sessions_notice n "
        "JOIN accounts_user u ON u.id = n.user_id WHERE u.email = %s", (victim,),
        database=reminder_stack["database"])
    assert rows == [(True, True)]

    start("second-worker", *worker_args, "--hostname=second@%h")
    everyone = set(recipients)
    _wait_for(lambda: {line["to"] for line in _delivered(mail_log)} >= everyone, 45,
              "every reminder delivered after the kill", processes)
    drained_after_kill = time.monotonic() - killed_at
    time.sleep(2.5)  # another beat tick or more: nothing is sent again

    delivered = _delivered(mail_log)
    counts = Counter(line["to"] for line in delivered)
    assert counts == Counter(dict.fromkeys(recipients, 1)), (
        f"not exactly once: {[a for a, n in counts.items() if n != 1]}")
    by_victim = next(line for line in delivered if line["to"] == victim)
    assert by_victim["pid"] != first.pid
    message_ids = [line["message_id"] for line in delivered]
    assert len(set(message_ids)) == PEOPLE and all(message_ids)
    unsent = reminder_stack["postgres"].execute(
        "SELECT count(*) FROM peer_sessions_notice WHERE sent_at IS NULL OR skipped_reason <> ''",
        database=reminder_stack["database"])
    assert unsent == [(0,)]
    second_log = next(log for process, log in processes if log.name == "second-worker.log")
    assert "lease expired unsent" in second_log.read_text()
    assert "Traceback" not in first_log.read_text() + second_log.read_text()

    after_kill = [line for line in delivered if line["pid"] != first.pid]
    span = max(line["at"] for line in after_kill) - min(line["at"] for line in after_kill)
    reminder_stack["figures"].update({
        "worker killed: first reminder after beat start (s)": round(
            min(line["at"] for line in before) - beat_started_wall, 2),
        "worker killed: victim reached after beat start (s)": round(reached_after, 2),
        "worker killed: victim redelivered after the kill (s)": round(
            by_victim["at"] - killed_wall, 2),
        "worker killed: all delivered after the kill (s)": round(drained_after_kill, 2),
        "worker killed: sent by the second worker": len(after_kill),
        "worker killed: second worker first to last email (s)": round(span, 3),
    })
