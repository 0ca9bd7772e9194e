"""Rebuild the dashboard rollups and the preset views now (what the hourly beat task does)."""

from django.core.management.base import BaseCommand

from dashboards.models import RollupState
from dashboards.tasks import materialise_daily_aggregates


class Command(BaseCommand):
    help = "Rebuild the HR dashboard's rollups and preset views now (the hourly task's work)."

    def handle(self, *args, **options) -> None:
        built = materialise_daily_aggregates()
        state = RollupState.objects.get()
        as_of = f"{state.built_at:%Y-%m-%d %H:%M}"
        self.stdout.write(f"Rollups built in {state.seconds:.1f} s (as of {as_of} UTC); "
                          f"preset views: {', '.join(built)}.")
