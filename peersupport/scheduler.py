"""The periodic jobs on the embedded default: Celery beat's schedule, run in-process.

With REDIS_URL, Celery beat and a worker run CELERY_BEAT_SCHEDULE (docker-compose.yml). Without
it (`make run`) there is no broker, so `manage.py run_scheduler`, started by `make run` beside
the server, runs the same schedule itself: each entry's task is applied in this process at the
schedule's interval, and at start (as beat does for entries it has never run). Every task is
safe to run twice (each records what it sent), so a restart never sends anything again; a lock
keeps a second scheduler on the same database from starting at all.
"""

import fcntl
import hashlib
import importlib
import logging
import os
import tempfile
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import IO, Any

from celery.schedules import maybe_schedule
from django.conf import settings
from django.db import close_old_connections

from peersupport.celery import app

logger = logging.getLogger("peersupport.scheduler")

# The longest the loop sleeps: how quickly it notices a stop request or a parent gone.
TICK_SECONDS = 1.0


@dataclass
class Entry:
    name: str
    task: str
    schedule: Any
    last_run_at: datetime | None = None
    runs: int = 0
    failures: int = 0
    results: list[Any] = field(default_factory=list)

    def due(self, now: datetime) -> tuple[bool, float]:
        """(is it due, seconds until it should be checked again): Celery's own schedule rule."""
        if self.last_run_at is None:
            return True, 0.0
        is_due, next_in = self.schedule.is_due(self.last_run_at)
        return bool(is_due), float(next_in)


def entries_from_settings() -> list[Entry]:
    """The beat schedule's entries, each task imported now (a misnamed task fails at start,
    not an hour later)."""
    entries = []
    for name, spec in settings.CELERY_BEAT_SCHEDULE.items():
        importlib.import_module(spec["task"].rpartition(".")[0])
        app.tasks[spec["task"]]  # noqa: B018 (raises NotRegistered for a wrong name)
        entries.append(Entry(name=name, task=spec["task"],
                             schedule=maybe_schedule(spec["schedule"], app=app)))
    return entries


def lock_path() -> Path:
    """One lock per database: two schedulers on one database would only do the work twice."""
    db = settings.DATABASES["default"]
    key = hashlib.sha256(f"{db['ENGINE']}|{db.get('HOST', '')}|{db['NAME']}".encode()).hexdigest()
    return Path(tempfile.gettempdir()) / f"peersupport-scheduler-{key[:16]}.lock"


def acquire_lock() -> IO[str] | None:
    """The open lock file (keep it open while running), or None when another scheduler holds it.
    The operating system releases it when the process ends, however it ends."""
    handle = open(lock_path(), "a+")  # noqa: SIM115 (held for the process's life)
    try:
        fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        handle.close()
        return None
    handle.seek(0)
    handle.truncate()
    handle.write(str(os.getpid()))
    handle.flush()
    return handle


def run_entry(entry: Entry) -> None:
    close_old_connections()
    try:
        result = app.tasks[entry.task].apply()
        if result.failed():
            raise result.result
    except Exception:  # one failing job must not stop the others (beat carries on too)
        entry.failures += 1
        logger.exception("scheduled job %s failed", entry.name)
    else:
        if result.result:
            logger.info("scheduled job %s: %s", entry.name, result.result)
    finally:
        entry.last_run_at = app.now()
        entry.runs += 1
        close_old_connections()


def run_forever(entries: list[Entry], *, stop: threading.Event,
                keep_going: Callable[[], bool] = lambda: True) -> None:
    """Runs every entry on its own schedule until `stop` is set or `keep_going()` turns false.

    Each entry has its own thread, so a long job (the hourly rollups) never holds back a due
    reminder; each thread sleeps until its entry is due, at most TICK_SECONDS at a time, so a
    stop request or a vanished parent is noticed within a second."""
    threads = [threading.Thread(target=_run_entry_forever, args=(entry, stop),
                                name=f"scheduler-{entry.name}", daemon=True)
               for entry in entries]
    for thread in threads:
        thread.start()
    try:
        while not stop.is_set():
            if not keep_going():
                stop.set()
                break
            stop.wait(TICK_SECONDS)
    finally:
        for thread in threads:
            thread.join()


def _run_entry_forever(entry: Entry, stop: threading.Event) -> None:
    while not stop.is_set():
        is_due, next_in = entry.due(app.now())
        if is_due:
            run_entry(entry)
            continue
        stop.wait(min(TICK_SECONDS, max(0.05, next_in)))
