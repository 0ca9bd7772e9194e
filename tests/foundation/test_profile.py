"""The profile page: display name, pronouns, department, time zone and a private manager."""

import pytest
from django.urls import reverse

from accounts.models import User
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

URL = "/profile/"


def test_profile_url_is_the_contract():
    assert reverse("accounts:profile") == URL


def test_person_updates_their_own_profile(client, employee, department):
    manager = UserFactory(display_name="Mo Manager")
    client.force_login(employee)

    response = client.post(URL, {"display_name": "Erin E.", "pronouns": "she/her",
                                 "department": department.pk, "time_zone": "Asia/Tokyo",
                                 "manager": manager.email})

    assert response.status_code == 302
    assert response.url == URL
    employee.refresh_from_db()
    assert (employee.display_name, employee.pronouns, employee.department, employee.time_zone,
            employee.manager) == ("Erin E.", "she/her", department, "Asia/Tokyo", manager)
    assert "Your profile was saved." in client.get(URL).content.decode()


def test_profile_page_shows_labelled_fields_with_help(client, employee):
    client.force_login(employee)

    html = client.get(URL).content.decode()

    for field in ["display_name", "pronouns", "department", "time_zone", "manager"]:
        assert f'<label for="id_{field}">' in html
    assert 'aria-describedby="id_manager_helptext"' in html
    assert "never shown to anyone, HR included" in html
    assert "Account settings" in html


def test_time_zone_change_shows_times_in_the_new_zone(client, employee):
    from django.utils import timezone

    client.force_login(employee)
    client.post(URL, {"display_name": "Erin", "time_zone": "Asia/Tokyo"})

    response = client.get(URL)

    assert response.status_code == 200
    assert str(timezone.get_current_timezone()) == "Asia/Tokyo"


@pytest.mark.parametrize("data, error", [
    ({"time_zone": "Mars/Olympus_Mons"}, "Select a valid choice."),
    ({"time_zone": "UTC", "display_name": "x" * 81}, "Ensure this value has at most 80"),
    ({"time_zone": "UTC", "department": "999999"}, "Select a valid choice."),
])
def test_bad_input_shows_the_error_and_changes_nothing(client, employee, data, error):
    client.force_login(employee)

    response = client.post(URL, data)

    assert response.status_code == 200
    assert error in response.content.decode()
    employee.refresh_from_db()
    assert (employee.display_name, employee.time_zone) == ("Erin Employee", "UTC")


def test_nobody_can_name_themself_or_a_deactivated_person_as_manager(client, employee):
    gone = UserFactory(is_active=False)
    client.force_login(employee)

    for candidate in (employee, gone):
        response = client.post(URL, {"time_zone": "UTC", "manager": candidate.email})

        assert response.status_code == 200
        assert "Select a valid choice." in response.content.decode()
    employee.refresh_from_db()
    assert employee.manager is None


def test_profile_edits_only_the_viewer_and_never_roles(client, employee, outsider):
    client.force_login(employee)

    client.post(URL, {"time_zone": "UTC", "display_name": "Changed", "is_hr": "on",
                      "is_facilitator": "on", "email": outsider.email})

    employee.refresh_from_db()
    outsider.refresh_from_db()
    assert employee.display_name == "Changed"
    assert not (employee.is_hr or employee.is_facilitator)
    assert employee.email != outsider.email
    assert outsider.display_name == "Oli Outsider"


def test_anonymous_visitor_is_sent_to_log_in(client):
    response = client.get(URL)

    assert response.status_code == 302
    assert response.url == f"/accounts/login/?next={URL}"


def test_the_saved_manager_shows_as_chosen_by_email_and_survives_saving_again(client, employee):
    manager = UserFactory(display_name="Mo Manager")
    User.objects.filter(pk=employee.pk).update(manager=manager)
    client.force_login(employee)

    html = client.get(URL).content.decode()

    assert f'<option value="{manager.email}" selected>' in html
    assert f'value="{manager.pk}"' not in html
    client.post(URL, {"time_zone": "UTC", "manager": manager.email})
    employee.refresh_from_db()
    assert employee.manager == manager


def test_pronouns_are_shown_only_when_the_person_opts_in(client, employee):
    client.force_login(employee)

    client.post(URL, {"display_name": "Erin E.", "pronouns": "she/her", "time_zone": "UTC"})
    html = client.get(URL).content.decode()
    employee.refresh_from_db()
    assert (employee.pronouns, employee.show_pronouns) == ("she/her", False)
    assert "(your pronouns are not shown)" in html
    assert '<label for="id_show_pronouns">' in html

    client.post(URL, {"display_name": "Erin E.", "pronouns": "she/her", "show_pronouns": "on",
                      "time_zone": "UTC"})
    html = client.get(URL).content.decode()
    employee.refresh_from_db()
    assert employee.show_pronouns is True
    assert "Colleagues see you as" in html and "(<span dir=\"auto\">she/her</span>)" in html
