"""Links in emails and .ics files point where the app is served; mails name PeerSupport.

On the embedded default (no SITE_URL) the origin is the request's (`make run PORT=8101`), or,
in the scheduler's process, the address `make run` serves at; SITE_URL wins in production.
"""

import datetime as dt
import email.utils

import pytest
from django.core import mail
from django.urls import reverse

from peersupport import site
from sessions import services
from sessions.models import RSVP
from tests.sessions.factories import GroupFactory, join, schedule

pytestmark = pytest.mark.django_db

SERVED = "127.0.0.1:8101"


@pytest.fixture
def embedded(settings, monkeypatch):
    settings.SITE_URL = ""
    monkeypatch.delenv("PEERSUPPORT_SERVED_AT", raising=False)
    return settings


@pytest.fixture
def going_session(facilitator, member):
    from groups.models import Membership

    group = GroupFactory()
    join(group, facilitator, role=Membership.Role.FACILITATOR)
    join(group, member)
    session = schedule(group, facilitator, title="Tuesday circle")
    services.rsvp_set(session=session, user=member, status=RSVP.Status.GOING)
    return session


@pytest.mark.django_db(transaction=True)  # the email goes on commit, inside the request
def test_a_cancellation_mail_links_to_the_port_the_app_is_served_on(
        client, embedded, mfa_exempt, facilitator, going_session):
    mfa_exempt(facilitator)
    client.force_login(facilitator)

    client.post(f"/sessions/{going_session.pk}/cancel/", {"scope": "this"}, HTTP_HOST=SERVED)

    [message] = mail.outbox
    assert f"http://{SERVED}/sessions/{going_session.pk}/" in message.body
    assert "127.0.0.1:8000" not in message.body


def test_an_ics_download_links_to_the_port_the_app_is_served_on(client, embedded, member,
                                                                going_session):
    client.force_login(member)

    response = client.get(f"/sessions/{going_session.pk}/calendar.ics", HTTP_HOST=SERVED)

    text = response.content.decode().replace("\r\n ", "")
    assert f"URL:http://{SERVED}/sessions/{going_session.pk}/" in text
    assert f"UID:session-{going_session.pk}@peersupport" in text  # stable, whatever the port


def test_the_scheduler_process_links_to_where_make_run_serves(embedded, monkeypatch):
    monkeypatch.setenv("PEERSUPPORT_SERVED_AT", "http://127.0.0.1:8101")

    assert site.absolute_url("/sessions/1/") == "http://127.0.0.1:8101/sessions/1/"


def test_site_url_wins_in_production(client, settings, member, going_session):
    settings.SITE_URL = "https://peersupport.example.com/"
    client.force_login(member)

    response = client.get(f"/sessions/{going_session.pk}/calendar.ics", HTTP_HOST=SERVED)

    assert (f"URL:https://peersupport.example.com/sessions/{going_session.pk}/"
            in response.content.decode().replace("\r\n ", ""))


def test_a_reminder_sent_by_the_scheduler_has_the_sites_message_id(
        settings, going_session, member):
    settings.SITE_URL = "https://peersupport.example.com"

    sent = services.notices_dispatch_due(
        now=going_session.starts_at - dt.timedelta(hours=1))

    assert sent == 2  # the day-before and the hour-before reminders
    for message in mail.outbox:
        assert message.message()["Message-ID"].endswith("@peersupport.example.com>")
        assert "https://peersupport.example.com/sessions/" in message.body


def test_allauth_mails_name_peersupport_in_the_products_subject_style(client, embedded,
                                                                      employee):
    client.post(reverse("account_reset_password"), {"email": employee.email},
                HTTP_HOST="127.0.0.1:8103")

    [message] = mail.outbox
    assert message.subject == "Reset your password"
    assert message.body.startswith("Hello from PeerSupport,")
    assert "Thank you for using PeerSupport." in message.body
    assert "Hello from 127.0.0.1" not in message.body
    assert "Thank you for using 127.0.0.1" not in message.body
    assert "http://127.0.0.1:8103/accounts/password/reset/key/" in message.body
    _, domain = email.utils.parseaddr(message.message()["Message-ID"])[1].split("@")
    assert domain == "127.0.0.1"


def test_allauth_mails_use_the_site_domain_for_message_ids_in_production(client, settings,
                                                                          employee):
    settings.SITE_URL = "https://peersupport.example.com"

    client.post(reverse("account_reset_password"), {"email": employee.email})

    [message] = mail.outbox
    assert message.message()["Message-ID"].endswith("@peersupport.example.com>")
