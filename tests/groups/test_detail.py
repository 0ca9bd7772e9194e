from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from groups import services
from sessions.models import Session
from tests.factories import UserFactory
from tests.groups.conftest import join


def url(group) -> str:
    return reverse("groups:detail", args=[group.slug])


def test_anyone_signed_in_sees_an_open_group_with_numbered_rules_and_facilitator(
        client, employee, open_group):
    client.force_login(employee)
    response = client.get(url(open_group))
    body = response.content.decode()
    assert response.status_code == 200
    assert "A weekly circle to be heard." in body
    assert '<ol class="rules">' in body
    assert "What is shared here stays here." in body
    assert "Fran Facilitator" in body
    assert "Join group" in body


def test_anonymous_visitor_is_sent_to_log_in(client, open_group):
    assert client.get(url(open_group)).status_code == 302


def test_private_group_is_404_for_non_members_and_shown_to_members(
        client, outsider, member, private_group):
    client.force_login(outsider)
    assert client.get(url(private_group)).status_code == 404
    join(private_group, member)
    client.force_login(member)
    assert client.get(url(private_group)).status_code == 200


def test_unknown_group_is_404(client, employee):
    client.force_login(employee)
    assert client.get(reverse("groups:detail", args=["no-such-group"])).status_code == 404


def test_member_list_is_hidden_from_non_members_but_count_is_shown(
        client, employee, member, open_group):
    join(open_group, member)
    client.force_login(employee)
    response = client.get(url(open_group))
    body = response.content.decode()
    assert "Morgan Member" not in body
    assert response.context["page"].members == []
    assert "2 members" in body
    assert "Only members see who the members are." in body


def test_members_see_the_member_list(client, employee, member, open_group):
    join(open_group, member)
    join(open_group, employee)
    client.force_login(employee)
    body = client.get(url(open_group)).content.decode()
    assert "Morgan Member" in body
    assert "Leave group" in body


def test_pseudonym_is_shown_instead_of_the_real_name_to_members_and_facilitators(
        client, member, employee, facilitator, mfa_exempt, private_group):
    join(private_group, member, pseudonym="Willow")
    join(private_group, employee)
    for viewer in (employee, facilitator):
        mfa_exempt(viewer)
        client.force_login(viewer)
        for page in ("groups:detail", "groups:members"):
            if page == "groups:members" and viewer is employee:
                continue
            body = client.get(reverse(page, args=[private_group.slug])).content.decode()
            assert "Willow" in body
            assert "Morgan Member" not in body
            assert member.email not in body


def test_pseudonym_holds_for_facilitators_too(client, member, facilitator, private_group):
    services.membership_pseudonym_set(
        membership=private_group.memberships.get(user=facilitator), pseudonym="Guide")
    join(private_group, member)
    client.force_login(member)
    body = client.get(url(private_group)).content.decode()
    assert "Guide" in body
    assert "Fran Facilitator" not in body


def test_upcoming_sessions_are_listed(client, member, open_group, facilitator):
    join(open_group, member)
    start = timezone.now() + timedelta(days=2)
    Session.objects.create(group=open_group, title="Tuesday check-in", starts_at=start,
                           ends_at=start + timedelta(hours=1), created_by=facilitator)
    client.force_login(member)
    assert "Tuesday check-in" in client.get(url(open_group)).content.decode()


def test_full_group_says_so_and_offers_nothing_to_join(client, employee, facilitator):
    from tests.groups.conftest import make_group

    group = make_group(facilitator, name="Small", capacity=2)
    join(group, UserFactory())
    client.force_login(employee)
    body = client.get(url(group)).content.decode()
    assert "This group is full" in body
    assert "Join group" not in body


@pytest.mark.parametrize("extra_members", [2, 40])
def test_detail_query_count_does_not_grow_with_members(
        client, django_assert_num_queries, employee, open_group, extra_members):
    for _ in range(extra_members):
        join(open_group, UserFactory())
    join(open_group, employee)
    client.force_login(employee)
    # 1 session, 2 user, 3 group, 4 viewer's membership, 5 current rules,
    # 6 active memberships with users (facilitators, count and list), 7 which facilitators are
    # trained (the badge), 8 resources, 9 my private list against the members shown by their
    # own name, 10 upcoming sessions.
    with django_assert_num_queries(10):
        response = client.get(url(open_group))
    assert response.context["page"].member_count == extra_members + 2


@pytest.mark.parametrize("extra_members", [2, 40])
def test_detail_query_count_for_a_non_member_does_not_grow(
        client, django_assert_num_queries, employee, request_group, extra_members):
    for _ in range(extra_members):
        join(request_group, UserFactory())
    client.force_login(employee)
    # 1 session, 2 user, 3 group, 4 viewer's membership, 5 current rules, 6 facilitators,
    # 7 which of them are trained (the badge), 8 member count, 9 viewer's pending request,
    # 10 latest removal, 11 upcoming sessions (no private-list check before joining: it would
    # tell a non-member who is a member).
    with django_assert_num_queries(11):
        client.get(url(request_group))
