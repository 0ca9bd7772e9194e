"""Hourly: build the unfiltered dashboard of every preset period ahead of HR's visit.

Periods hold only finished weeks or months, so their figures barely change; building them
once an hour turns a year-long view over millions of rows into a cache read. Filtered views
are built on request (and then cached the same way). Running twice only rebuilds.
"""

from celery import shared_task

from dashboards.forms import DashboardFilterForm
from dashboards.periods import PRESETS
from dashboards.report import CACHE_SECONDS, dashboard_build, dashboard_cache_key


@shared_task
def materialise_daily_aggregates() -> list[str]:
    from django.core.cache import cache

    built = []
    for preset in PRESETS:
        if preset == "custom":
            continue
        form = DashboardFilterForm({"period": preset})
        if not form.is_valid():
            continue
        scope = form.scope()
        cache.set(dashboard_cache_key(scope),
                  dashboard_build(scope=scope, filters=form.filter_labels()), CACHE_SECONDS)
        built.append(preset)
    return built
