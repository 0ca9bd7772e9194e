"""Management commands: grant_role and seed_demo."""

import pytest
from allauth.account.models import EmailAddress
from django.core.management import CommandError, call_command
from django.urls import reverse

from accounts.demo import DEMO_PASSWORD
from accounts.models import Department, User

pytestmark = pytest.mark.django_db


def test_grant_role_makes_a_facilitator(employee, capsys):
    call_command("grant_role", employee.email.upper(), "facilitator")

    employee.refresh_from_db()
    assert employee.is_facilitator
    assert not employee.is_hr
    assert f"{employee.email} is now facilitator." in capsys.readouterr().out


def test_grant_role_makes_an_hr_admin_and_revoke_takes_it_back(employee):
    call_command("grant_role", employee.email, "hr")
    employee.refresh_from_db()
    assert employee.is_hr

    call_command("grant_role", employee.email, "hr", "--revoke")
    employee.refresh_from_db()
    assert not employee.is_hr


def test_grant_role_refuses_an_unknown_person():
    with pytest.raises(CommandError, match="No user with email nobody@example.org."):
        call_command("grant_role", "nobody@example.org", "facilitator")


def test_grant_role_refuses_an_unknown_role(employee):
    with pytest.raises(CommandError, match="invalid choice: 'admin'"):
        call_command("grant_role", employee.email, "admin")
    employee.refresh_from_db()
    assert not (employee.is_facilitator or employee.is_hr or employee.is_staff)


def _counts() -> dict[str, int]:
    """Row counts of every model, so a second seed that duplicates anything shows up."""
    from django.apps import apps
    from django.db import connection

    tables = set(connection.introspection.table_names())  # apps mid-development may lack some
    return {model._meta.label: model.objects.count() for model in apps.get_models()
            if model._meta.db_table in tables
            and model._meta.label not in {"sessions.Session", "admin.LogEntry"}}


def test_seed_demo_is_idempotent_and_the_demo_logins_work(client):
    call_command("seed_demo")
    first = _counts()
    call_command("seed_demo")

    assert _counts() == first
    assert User.objects.count() == 16 + 300  # the named accounts and the demo organisation
    assert Department.objects.count() == 6
    roles = {u.email: (u.is_facilitator, u.is_hr) for u in User.objects.filter(
        email__in=["facilitator@example.com", "employee@example.com", "employee2@example.com",
                   "hr@example.com"])}
    assert roles == {"facilitator@example.com": (True, False),
                     "employee@example.com": (False, False),
                     "employee2@example.com": (False, False),
                     "hr@example.com": (False, True)}
    assert EmailAddress.objects.filter(verified=True, primary=True).count() == 16 + 300

    for email in ["employee@example.com", "employee2@example.com"]:
        response = client.post(reverse("account_login"),
                               {"login": email, "password": DEMO_PASSWORD})
        assert response.url == reverse("home")
        assert client.get("/").status_code == 200
        client.post(reverse("account_logout"))


def test_seed_demo_keeps_a_changed_demo_password(client):
    """Re-running the seed tops up; it never resets what a person changed."""
    call_command("seed_demo")
    user = User.objects.get(email="employee@example.com")
    user.set_password("my-own-new-password-9")
    user.save()

    call_command("seed_demo")

    user.refresh_from_db()
    assert user.check_password("my-own-new-password-9")


def test_seed_demo_gives_hr_real_figures_under_the_minimum_group_size(client, settings):
    """A few hundred people, ten weeks of history: the default dashboard shows figures, not
    'fewer than 5' everywhere; and the demo's facilitator accounts of the organisation keep
    their documented roles."""
    from dashboards import rollups
    from dashboards.forms import DashboardFilterForm
    from dashboards.report import dashboard_build

    call_command("seed_demo")
    assert User.objects.filter(email__startswith="staff").count() == 300
    assert Department.objects.filter(members__email__startswith="staff").distinct().count() >= 5
    state = rollups.current()
    form = DashboardFilterForm({"period": "quarter"}, now=state.built_at)
    assert form.is_valid()
    dashboard = dashboard_build(scope=form.scope(), filters=[], state=state)
    cells = [cell for panel in dashboard.panels for t in panel.tables for row in t.visible_rows
             for cell in row.cells if cell.text]
    shown = [cell for cell in cells if not cell.hidden]
    assert len(shown) > 0.6 * len(cells), (len(shown), len(cells))
    trend = next(t for p in dashboard.panels for t in p.tables if t.key == "trend")
    assert len(trend.visible_rows) >= 11  # 10+ finished weeks, then the whole period
    weeks_shown = [row for row in trend.visible_rows[:-1] if not row.cells[2].hidden]
    assert len(weeks_shown) >= 9  # people who attended, week by week
