"""The time-zone picker: canonical zones grouped by region, today's offset, and a search box."""

import datetime as dt
import re

import pytest
from django.utils import timezone

from accounts import timezones
from accounts.forms import ProfileForm
from tests.conftest import log_in
from tests.factories import PASSWORD

URL = "/profile/"
JANUARY = dt.datetime(2026, 1, 15, 12, tzinfo=dt.UTC)


def flat(choices) -> dict[str, str]:
    return {value: label for _, options in choices for value, label in options}


def test_only_canonical_zones_are_offered_not_old_aliases():
    offered = flat(timezones.grouped_choices(now=JANUARY))

    for alias in ("US/Pacific", "GB", "Asia/Calcutta", "Europe/Kiev", "Etc/GMT+5", "Zulu"):
        assert alias not in offered
    assert {"Asia/Kolkata", "Europe/Kyiv", "America/Los_Angeles", "Europe/Oslo",
            "UTC"} <= set(offered)
    assert 300 < len(offered) < 450  # not ~600


def test_zones_are_grouped_by_region_with_todays_offset():
    choices = timezones.grouped_choices(now=JANUARY)
    groups = {str(label): dict(options) for label, options in choices}

    assert [str(label) for label, _ in choices][:3] == ["UTC", "Africa", "Americas"]
    assert groups["Asia"]["Asia/Kolkata"] == "Kolkata (UTC+05:30)"
    assert groups["Europe"]["Europe/Berlin"] == "Berlin (UTC+01:00)"
    assert (groups["Americas"]["America/Argentina/Buenos_Aires"]
            == "Argentina / Buenos Aires (UTC\u221203:00)")
    summer = {str(label): dict(options) for label, options in timezones.grouped_choices(
        now=JANUARY.replace(month=7))}
    july = summer["Europe"]
    assert july["Europe/Berlin"] == "Berlin (UTC+02:00)"  # summer time


@pytest.mark.django_db
def test_a_stored_alias_stays_selectable_as_the_current_zone(employee):
    employee.time_zone = "Asia/Calcutta"
    employee.save(update_fields=["time_zone"])

    form = ProfileForm(instance=employee)
    first_group, options = form.fields["time_zone"].choices[0]

    assert str(first_group) == "Your current zone"
    assert options[0][0] == "Asia/Calcutta"
    resubmitted = ProfileForm({"display_name": "Erin", "time_zone": "Asia/Calcutta"},
                              instance=employee)
    assert resubmitted.is_valid(), resubmitted.errors


@pytest.mark.django_db
def test_an_alias_cannot_be_newly_chosen(client, employee):
    client.force_login(employee)

    response = client.post(URL, {"display_name": "Erin", "time_zone": "US/Pacific"})

    assert "Select a valid choice." in response.content.decode()
    employee.refresh_from_db()
    assert employee.time_zone == "UTC"


@pytest.mark.django_db
def test_the_profile_page_shows_regions_offsets_and_the_search_script(client, employee):
    client.force_login(employee)

    html = client.get(URL).content.decode()

    assert '<optgroup label="Europe">' in html
    assert re.search(r'<option value="Europe/Berlin">Berlin \(UTC\+0[12]:00\)</option>', html)
    assert "data-zone-picker" in html and "accounts/profile.js" in html


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_a_person_finds_their_zone_by_typing(page, live_server, employee):
    log_in(page, live_server.url, employee.email, PASSWORD)
    page.goto(f"{live_server.url}{URL}")

    page.get_by_label("Find your time zone").fill("kolk")

    visible = page.eval_on_selector_all(
        "#id_time_zone option", "options => options.filter(o => !o.hidden).map(o => o.value)")
    assert visible == ["Asia/Kolkata"]
    assert page.locator("#id_time_zone").input_value() == "Asia/Kolkata"
    page.get_by_label("Find your time zone").fill("nowhere at all")
    assert page.locator(".zone-search-status").inner_text() == (
        "No zone matches; try a nearby city.")
    page.get_by_label("Find your time zone").fill("kolk")
    page.get_by_role("button", name="Save profile").click()
    page.wait_for_load_state()
    employee.refresh_from_db()
    assert employee.time_zone == "Asia/Kolkata"
    assert timezone.now()  # the page was saved through the real form


@pytest.mark.django_db
def test_the_group_form_offers_the_same_picker(client, facilitator, mfa_exempt):
    mfa_exempt(facilitator)
    client.force_login(facilitator)

    html = client.get("/groups/new/").content.decode()

    assert '<optgroup label="Asia">' in html
    assert "Asia/Calcutta" not in html and "US/Pacific" not in html
    assert "accounts/profile.js" in html
