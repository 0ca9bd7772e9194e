import importlib
import os

from celery import Celery
from celery.signals import beat_init

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "peersupport.settings")

app = Celery("peersupport")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()

# Beat runs an entry first one interval after it starts; reminders held up by an outage (or a
# deploy) should not wait that minute. The embedded scheduler (peersupport/scheduler.py) runs
# every entry at start already.
DISPATCH_AT_START = ("sessions.tasks.dispatch_due_notices",)


@beat_init.connect
def dispatch_at_beat_start(sender=None, **kwargs) -> None:
    for task in DISPATCH_AT_START:
        importlib.import_module(task.rpartition(".")[0])
        app.tasks[task].delay()
