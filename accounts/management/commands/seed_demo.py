import importlib

from django.core.management.base import BaseCommand
from django.db import transaction
from django.test.utils import override_settings

from accounts import demo

# Each app that has demo data offers `<app>.demo.seed(people)`; order follows the dependencies.
APP_SEEDERS = ["groups.demo", "training.demo", "sessions.demo", "chat.demo", "recognition.demo",
               "support.demo", "activities.demo", "dashboards.demo"]


class Command(BaseCommand):
    help = "Create (or top up) the demo organisation. Safe to run again: nothing is duplicated."

    def handle(self, *args, **options):
        # Demo data is not news: the notices its services would send go nowhere.
        with override_settings(EMAIL_BACKEND="django.core.mail.backends.locmem.EmailBackend"), \
                transaction.atomic():
            people = demo.seed()
            for module_name in APP_SEEDERS:
                try:
                    module = importlib.import_module(module_name)
                except ModuleNotFoundError as exc:
                    if exc.name != module_name:
                        raise
                    continue
                module.seed(people)
        self.stdout.write(self.style.SUCCESS(
            "Demo data ready. Log in as facilitator@example.com, employee@example.com, "
            f"employee2@example.com or hr@example.com with password {demo.DEMO_PASSWORD!r}."
        ))
