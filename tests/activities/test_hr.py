"""HR sees how many activities were run per purpose, under the dashboard's privacy rules, and
the employees' "What HR can see" page says so."""

import datetime as dt

import pytest

from activities.library import load_library
from activities.models import Activity, ActivityRun, ActivityStep
from dashboards import rollups
from dashboards.forms import DashboardFilterForm
from dashboards.report_activities import activities_panel
from sessions.models import Session
from tests.dashboards.conftest import hold_session, last_week_start

pytestmark = pytest.mark.django_db


def _run(session: Session, slug: str) -> None:
    activity = Activity.objects.get(slug=slug)
    ActivityRun.objects.create(session=session, activity=activity, title=activity.title,
                               category=activity.category, steps=[], status="ended",
                               started_at=session.starts_at, ended_at=session.ends_at)


def _cells(org_scope) -> dict[str, str]:
    table = activities_panel(org_scope).tables[0]
    return {row.label: row.cells[0].text for row in table.rows}


def _scope():
    form = DashboardFilterForm({}, now=None)
    assert form.is_valid()
    return form.scope()


def test_a_small_groups_activity_is_never_shown_nor_worked_out(org):
    load_library(Activity, ActivityStep)
    open_session = Session.objects.get(group=org.open_circle)  # 5 attended
    quiet_session = Session.objects.get(group=org.quiet_harbour)  # 2 attended
    _run(open_session, "appreciation-round")
    _run(quiet_session, "rose-bud-thorn")

    cells = _cells(_scope())

    assert cells["Reflect and close"] == "fewer than 5"
    # Shown appreciation + shown total would give the closing count away: one of them hides.
    assert "hidden" in (cells["Appreciate each other"], cells["All activities"]) or (
        cells["Appreciate each other"] == "fewer than 5")


def test_enough_people_behind_a_purpose_show_its_count(org):
    load_library(Activity, ActivityStep)
    week = last_week_start()
    people = org.engineering + org.finance
    for hour in range(12):
        session = hold_session(org.open_circle, week + dt.timedelta(days=1, hours=hour),
                               people, people)
        _run(session, "one-word-check-out")
        if hour < 5:
            _run(session, "appreciation-round")

    cells = _cells(_scope())

    assert cells["Reflect and close"] == "12"
    assert cells["All activities"] == "17"
    # The purposes with no run are hidden ("fewer than 5" people behind a zero), so the
    # smallest shown one is hidden beside them: the total minus the shown parts is no secret.
    assert cells["Appreciate each other"] == "hidden"


def test_the_dashboard_and_what_hr_can_see_name_the_panel(client, org, hr_client):
    rollups.build()
    dashboard = hr_client.get("/dashboard/").content.decode()
    page = hr_client.get("/dashboard/what-hr-can-see/").content.decode()

    assert "Team-building activities run, by purpose" in dashboard
    assert "Team-building activities" in page
    assert "who took part in a team-building activity" in page
