"""HR sees only how many people completed each module, under the dashboard's privacy rules."""

import datetime as dt

import pytest
from django.test import Client
from django.utils import timezone

from dashboards.periods import UTC
from tests.factories import UserFactory
from tests.training.conftest import complete_module
from training.models import Module, ModuleProgress

INDEX = "/dashboard/"


@pytest.fixture
def hr_client(hr, mfa_exempt) -> Client:
    mfa_exempt(hr)
    client = Client()
    client.force_login(hr)
    return client


def _last_week() -> dt.datetime:
    today = timezone.now().astimezone(UTC).date()
    monday = today - dt.timedelta(days=today.weekday() + 7)
    return dt.datetime(monday.year, monday.month, monday.day, 10, tzinfo=UTC)


def _complete(people, module, when) -> None:
    for person in people:
        complete_module(person, module)
    ModuleProgress.objects.filter(user__in=people, module=module).update(completed_at=when)


def test_hr_sees_counts_per_module_rounded_and_small_ones_hidden(hr_client, settings):
    settings.DASHBOARD_MIN_GROUP_SIZE = 5
    first, second = Module.objects.order_by("position")[:2]
    many = [UserFactory() for _ in range(6)]
    few = [UserFactory() for _ in range(2)]
    _complete(many, first, _last_week())
    _complete(few, second, _last_week())
    html = hr_client.get(INDEX).content.decode()
    assert ">Listening training</h2>" in html
    start = html.index('id="table-training"')
    table = html[start:html.index("</table>", start)]
    row = table[table.index(first.title):]
    assert ">5<" in row[:row.index("</tr>")]  # 6 people, rounded to the nearest 5
    row = table[table.index(second.title):]
    assert "fewer than 5" in row[:row.index("</tr>")]


def test_no_name_reaches_hr(hr_client):
    person = UserFactory(display_name="Quentin Unique")
    complete_module(person, Module.objects.order_by("position").first())
    html = hr_client.get(INDEX).content.decode()
    csv = hr_client.get("/dashboard/export.csv").content.decode()
    assert "Quentin" not in html and "Quentin" not in csv


def test_what_hr_can_see_lists_the_training_panel(employee):
    client = Client()
    client.force_login(employee)
    html = client.get("/dashboard/what-hr-can-see/").content.decode()
    assert "Listening training" in html
    assert "whether you took the listening training" in html
