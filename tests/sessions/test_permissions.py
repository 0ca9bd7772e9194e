"""Who may open the facilitator pages: the permission matrix."""

import pytest

from groups.models import Membership
from tests.factories import UserFactory
from tests.sessions.factories import GroupFactory, join, move_to_past, schedule

pytestmark = pytest.mark.django_db

PAGES = ["edit", "cancel", "attendance", "feedback"]


def url(session, page: str) -> str:
    return f"/sessions/{session.pk}/{page}/"


@pytest.mark.parametrize("page", PAGES)
def test_the_groups_facilitator_may_open_the_page(client, mfa_exempt, session, facilitator, page):
    mfa_exempt(facilitator)
    client.force_login(facilitator)

    assert client.get(url(session, page)).status_code == 200


@pytest.mark.parametrize("page", PAGES)
def test_a_member_gets_403(client, session, member, page):
    client.force_login(member)

    assert client.get(url(session, page)).status_code == 403


@pytest.mark.parametrize("page", PAGES)
def test_a_site_facilitator_of_another_group_gets_403(client, mfa_exempt, session, page):
    other = UserFactory(is_facilitator=True)
    join(GroupFactory(), other, role=Membership.Role.FACILITATOR)
    mfa_exempt(other)
    client.force_login(other)

    assert client.get(url(session, page)).status_code == 403


@pytest.mark.parametrize("page", PAGES)
def test_an_outsider_of_a_private_group_gets_404(client, private_group, facilitator, outsider,
                                                 page):
    session = schedule(private_group, facilitator)
    client.force_login(outsider)

    assert client.get(url(session, page)).status_code == 404


@pytest.mark.parametrize("page", PAGES)
def test_hr_gets_403(client, mfa_exempt, session, hr, page):
    mfa_exempt(hr)
    client.force_login(hr)

    assert client.get(url(session, page)).status_code == 403


@pytest.mark.parametrize("page", PAGES)
def test_an_anonymous_visitor_is_sent_to_log_in(client, session, page):
    response = client.get(url(session, page))

    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]


@pytest.mark.parametrize("page", PAGES)
def test_a_facilitator_without_two_factor_is_sent_to_set_it_up(client, session, facilitator,
                                                               page):
    client.force_login(facilitator)

    response = client.get(url(session, page))

    assert response.status_code == 302
    assert "/accounts/2fa/" in response["Location"]


def test_a_former_facilitator_who_left_the_group_gets_403(client, mfa_exempt, session,
                                                          facilitator):
    Membership.objects.filter(user=facilitator).update(status=Membership.Status.LEFT)
    mfa_exempt(facilitator)
    client.force_login(facilitator)

    assert client.get(url(session, "edit")).status_code == 403


def test_only_the_groups_facilitators_may_open_the_create_page(client, mfa_exempt, group,
                                                               facilitator, member, outsider):
    mfa_exempt(facilitator)
    client.force_login(facilitator)
    assert client.get(f"/sessions/new/{group.slug}/").status_code == 200
    client.force_login(member)
    assert client.get(f"/sessions/new/{group.slug}/").status_code == 403
    client.force_login(outsider)
    assert client.get(f"/sessions/new/{group.slug}/").status_code == 403
    assert client.get("/sessions/new/no-such-group/").status_code == 404


def test_the_create_page_of_a_private_group_is_404_for_outsiders(client, private_group,
                                                                 outsider):
    client.force_login(outsider)

    assert client.get(f"/sessions/new/{private_group.slug}/").status_code == 404


def test_the_group_picker_sends_a_one_group_facilitator_straight_to_the_form(
        client, mfa_exempt, group, facilitator, member):
    mfa_exempt(facilitator)
    client.force_login(facilitator)
    response = client.get("/sessions/new/")
    assert response["Location"] == f"/sessions/new/{group.slug}/"
    client.force_login(member)
    assert client.get("/sessions/new/").status_code == 403


def test_a_member_cannot_post_an_edit(client, session, member):
    client.force_login(member)

    response = client.post(url(session, "edit"), {"title": "Hijacked"})

    session.refresh_from_db()
    assert response.status_code == 403
    assert session.title == "Tuesday circle"


def test_a_member_cannot_read_the_anonymous_answers_even_after_the_session(client, session,
                                                                           member):
    move_to_past(session)
    client.force_login(member)

    assert client.get(url(session, "feedback")).status_code == 403
