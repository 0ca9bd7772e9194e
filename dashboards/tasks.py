"""Hourly: rebuild the rollups, then the unfiltered dashboard of every preset period.

The rollups (dashboards.rollups) fold millions of attendance rows into per-person bitmasks
and per-week counts, so any view reads little; rebuilding them hourly brings in late
corrections (attendance marked after the session). The preset views are then built once and
cached against those rollups, so HR's first visit reads them. Running twice only rebuilds.
"""

from celery import shared_task
from django.conf import settings
from django.utils import translation

from dashboards import rollups
from dashboards.forms import DashboardFilterForm
from dashboards.periods import PRESETS
from dashboards.report import CACHE_SECONDS, dashboard_build, dashboard_cache_key
from peersupport.i18n import language_of


@shared_task
def materialise_daily_aggregates() -> list[str]:
    from django.core.cache import cache

    state = rollups.build()
    built = []
    for language in _hr_languages():
        with translation.override(language):  # a built dashboard holds text: one per language
            for preset in PRESETS:
                if preset == "custom":
                    continue
                form = DashboardFilterForm({"period": preset}, now=state.built_at)
                if not form.is_valid():
                    continue
                scope = form.scope()
                cache.set(dashboard_cache_key(scope, state),
                          dashboard_build(scope=scope, filters=form.filter_labels(), state=state),
                          CACHE_SECONDS)
                if preset not in built:
                    built.append(preset)
    return built


def _hr_languages() -> list[str]:
    """The site's language and those HR admins chose: the ones their first visit reads."""
    from accounts.models import User

    chosen = {language_of(person) for person in
              User.objects.filter(is_hr=True, is_active=True).only("language")}
    return [settings.LANGUAGE_CODE, *sorted(chosen - {settings.LANGUAGE_CODE})]
