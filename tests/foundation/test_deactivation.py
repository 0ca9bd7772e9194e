"""Logout and deactivation end the person's live connections (chat sockets) too."""

import pytest
from asgiref.sync import async_to_sync
from channels.layers import get_channel_layer
from django.contrib.auth import SESSION_KEY
from django.contrib.sessions.models import Session
from django.urls import reverse

from accounts import services
from peersupport.realtime import user_group_name
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


class Listener:
    """A channel in the person's `user_<id>` group, as a chat consumer would hold."""

    def __init__(self, user):
        self.layer = get_channel_layer()
        self.channel = async_to_sync(self.layer.new_channel)("test.")
        async_to_sync(self.layer.group_add)(user_group_name(user.pk), self.channel)

    def receive(self) -> dict:
        async def receive_with_timeout():
            import asyncio

            return await asyncio.wait_for(self.layer.receive(self.channel), timeout=2)

        return async_to_sync(receive_with_timeout)()


def test_logout_sends_a_disconnect_to_the_persons_sockets(client, employee,
                                                          django_capture_on_commit_callbacks):
    listener = Listener(employee)
    client.force_login(employee)

    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("account_logout"))

    assert listener.receive() == {"type": "user.disconnect", "reason": "logout"}


def test_a_logout_deletes_the_login_before_it_tells_the_sockets(client, employee, monkeypatch):
    """Otherwise a socket arriving between the two would keep its room after the logout."""
    client.force_login(employee)
    key = client.cookies["sessionid"].value
    login_left_when_told = []
    tell = services.user_sessions_end

    def spy(*, user):
        login_left_when_told.append(Session.objects.filter(session_key=key).exists())
        tell(user=user)

    monkeypatch.setattr(services, "user_sessions_end", spy)
    client.post(reverse("account_logout"))

    assert login_left_when_told == [False]


def test_deactivation_sends_a_disconnect_and_blocks_the_session(
        client, employee, django_capture_on_commit_callbacks):
    listener = Listener(employee)
    client.force_login(employee)

    with django_capture_on_commit_callbacks(execute=True):
        services.user_deactivate(user=employee)

    assert listener.receive()["type"] == "user.disconnect"
    response = client.get("/profile/")
    assert response.status_code == 302  # the old session no longer authenticates


def test_admin_unticking_active_calls_the_deactivation_service(
        client, employee, django_capture_on_commit_callbacks, login_with_two_factor):
    admin = UserFactory(is_staff=True, is_superuser=True)
    listener = Listener(employee)
    login_with_two_factor(client, admin)
    change_url = reverse("admin:accounts_user_change", args=[employee.pk])
    form = client.get(change_url).context["adminform"].form
    data = {name: value for name, value in form.initial.items()
            if value is not None and name not in {"password", "groups", "user_permissions",
                                                  "is_active", "last_login", "date_joined"}}
    data.update({"date_joined_0": "2024-01-01", "date_joined_1": "09:00:00"})

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(change_url, data)

    assert response.status_code == 302, response.context["adminform"].form.errors
    employee.refresh_from_db()
    assert not employee.is_active
    assert listener.receive()["type"] == "user.disconnect"


def test_admin_bulk_deactivation_ends_each_persons_sessions(
        client, employee, member, django_capture_on_commit_callbacks, login_with_two_factor):
    admin = UserFactory(is_staff=True, is_superuser=True)
    listeners = [Listener(employee), Listener(member)]
    login_with_two_factor(client, admin)

    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("admin:accounts_user_changelist"),
                    {"action": "deactivate_selected", "_selected_action": [employee.pk, member.pk]})

    assert [listener.receive()["type"] for listener in listeners] == ["user.disconnect"] * 2
    employee.refresh_from_db()
    member.refresh_from_db()
    assert not (employee.is_active or member.is_active)


def test_a_logout_elsewhere_leaves_other_people_logged_in(client, employee, member):
    client.force_login(member)
    other = client.__class__()
    other.force_login(employee)

    other.post(reverse("account_logout"))

    assert client.session[SESSION_KEY] == str(member.pk)
