import re

from recognition.models import RecognitionPreference
from recognition.services import recognition_hide
from tests.recognition.factories import give


def test_my_page_shows_what_i_received_and_my_most_recognised_values(client, employee,
                                                                      colleague, member):
    give(colleague, employee, values=["active-listening", "empathy"], message="Thanks A")
    give(member, employee, values=["active-listening"], message="Thanks B",
         visibility="private")
    give(employee, colleague, values=["courage"], message="Given, not received")
    client.force_login(employee)

    response = client.get("/recognition/me/")

    summary = response.context["summary"]
    assert summary.total == 2
    assert [(v.slug, n) for v, n in summary.top_values] == [("active-listening", 2),
                                                            ("empathy", 1)]
    page = response.content.decode()
    assert "Thanks A" in page and "Thanks B" in page and "Given, not received" not in page


def test_my_page_is_about_me_only(client, employee, colleague):
    give(employee, colleague, message="For Casey")
    client.force_login(employee)

    page = client.get("/recognition/me/").content.decode()

    assert "For Casey" not in page
    assert client.get("/recognition/me/", {"user": colleague.pk}).context["summary"].total == 0


def test_hidden_ones_do_not_count(client, employee, colleague, hr):
    recognition = give(colleague, employee)
    recognition_hide(recognition=recognition, moderator=hr)
    client.force_login(employee)

    assert client.get("/recognition/me/").context["summary"].total == 0


def test_my_page_needs_a_login(client):
    assert client.get("/recognition/me/").status_code == 302


def test_settings_save_the_opt_out_and_the_digest_choice(client, employee):
    client.force_login(employee)

    response = client.post("/recognition/settings/", {"never_public": "on", "emails": "weekly"})

    assert response.status_code == 302
    preference = RecognitionPreference.objects.get(user=employee)
    assert preference.never_public and preference.emails == "weekly"
    assert preference.last_digest_at is not None


def test_settings_refuse_an_unknown_email_choice(client, employee):
    client.force_login(employee)

    response = client.post("/recognition/settings/", {"emails": "hourly"})

    assert response.status_code == 200
    assert "Select a valid choice" in response.content.decode()
    assert not RecognitionPreference.objects.exists()


def test_settings_page_shows_the_defaults(client, employee):
    client.force_login(employee)

    page = client.get("/recognition/settings/").content.decode()

    assert "Never show recognitions of me publicly" in page
    assert re.search(r'<input[^>]*value="each"[^>]*checked', page)
    assert not re.search(r'<input[^>]*value="weekly"[^>]*checked', page)
