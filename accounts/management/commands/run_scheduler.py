"""`python manage.py run_scheduler`: the periodic jobs on the embedded default (started by
`make run` beside the server; see peersupport.scheduler). With REDIS_URL set, Celery beat runs
them instead, and this command says so and stops."""

import logging
import os
import signal
import threading

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from peersupport import scheduler


class Command(BaseCommand):
    help = "Runs the periodic jobs (reminders, closing, purge, digests, rollups) in-process."

    def add_arguments(self, parser):
        parser.add_argument("--parent", type=int, default=None,
                            help="The id of the process that started this one (make run's "
                                 "server): stop when it has ended.")

    def handle(self, *args, parent=None, **options):
        if settings.REDIS_URL:
            self.stdout.write("REDIS_URL is set: Celery beat and a worker run the periodic "
                              "jobs (docker-compose.yml), not this command.")
            return
        lock = scheduler.acquire_lock()
        if lock is None:
            raise CommandError("Another scheduler already runs the periodic jobs for this "
                               "database.")
        # Celery logs every applied task at INFO ("Task ... succeeded"): each minute, noise in
        # the server's console. Failures are still logged (peersupport.scheduler).
        logging.getLogger("celery.app.trace").setLevel(logging.WARNING)
        stop = threading.Event()
        for sig in (signal.SIGINT, signal.SIGTERM):
            signal.signal(sig, lambda *_: stop.set())
        entries = scheduler.entries_from_settings()
        self.stdout.write("Scheduler: " + ", ".join(f"{e.name} ({e.schedule!r})"
                                                     for e in entries))
        self.stdout.flush()
        try:
            scheduler.run_forever(entries, stop=stop,
                                  keep_going=lambda: parent is None or os.getppid() == parent)
        finally:
            lock.close()
