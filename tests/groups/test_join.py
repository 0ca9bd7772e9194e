from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from groups import policies, services
from groups.models import Membership, Removal, RuleAcceptance
from tests.factories import UserFactory
from tests.groups.conftest import join, make_group


def post_join(client, group, **data):
    payload = {"rules_version": group.rules_version, "accept": "on"} | data
    return client.post(reverse("groups:join", args=[group.slug]), payload)


def test_employee_joins_an_open_group_after_accepting_the_rules(client, employee, open_group):
    client.force_login(employee)
    response = post_join(client, open_group)
    assert response.status_code == 302
    membership = Membership.objects.get(group=open_group, user=employee)
    assert membership.is_active and membership.accepted_rules_version == 1
    assert RuleAcceptance.objects.filter(group=open_group, user=employee, version=1).exists()


def test_joining_without_accepting_the_rules_is_refused_and_keeps_input(
        client, employee, private_group, facilitator):
    open_pseudo = make_group(facilitator, name="Open with names", allow_pseudonyms=True)
    client.force_login(employee)
    response = post_join(client, open_pseudo, accept="", pseudonym="Sparrow")
    assert response.status_code == 400
    assert "Please accept the ground rules." in response.content.decode()
    assert 'value="Sparrow"' in response.content.decode()
    assert not Membership.objects.filter(user=employee).exists()


def test_rules_changed_while_reading_is_refused(client, employee, facilitator, open_group):
    services.group_rules_update(group=open_group, by=facilitator,
                                rules=[{"key": "respect", "text": "Be kind."}])
    client.force_login(employee)
    response = post_join(client, open_group, rules_version=1)
    assert response.status_code == 400
    assert "The ground rules changed while you were reading them" in response.content.decode()
    assert not Membership.objects.filter(user=employee).exists()


def test_joining_a_request_group_directly_is_refused(client, employee, request_group):
    client.force_login(employee)
    response = post_join(client, request_group)
    assert response.status_code == 400
    assert "A facilitator approves each request" in response.content.decode()
    assert not Membership.objects.filter(user=employee, group=request_group).exists()


def test_joining_a_private_group_without_invitation_is_404(client, employee, private_group):
    client.force_login(employee)
    assert post_join(client, private_group).status_code == 404
    with pytest.raises(ValidationError, match="invitation only"):
        services.membership_join(group=private_group, user=employee, accepted_version=1)


def test_joining_a_full_group_is_refused(client, employee, facilitator):
    group = make_group(facilitator, name="Small", capacity=2)
    join(group, UserFactory())
    client.force_login(employee)
    response = post_join(client, group)
    assert response.status_code == 400
    assert "This group is full" in response.content.decode()
    assert group.memberships.filter(status="active").count() == 2


def test_join_is_a_post_only_action(client, employee, open_group):
    client.force_login(employee)
    assert client.get(reverse("groups:join", args=[open_group.slug])).status_code == 405


def test_joining_twice_says_already_a_member(client, employee, open_group):
    join(open_group, employee)
    client.force_login(employee)
    response = post_join(client, open_group)
    assert response.status_code == 302
    assert Membership.objects.filter(group=open_group, user=employee).count() == 1


def test_leaving_is_one_post_and_takes_effect_at_once(client, employee, open_group):
    join(open_group, employee)
    client.force_login(employee)
    response = client.post(reverse("groups:leave", args=[open_group.slug]))
    assert response.status_code == 302
    membership = Membership.objects.get(group=open_group, user=employee)
    assert membership.status == Membership.Status.LEFT and membership.left_at is not None
    assert not policies.is_member(employee, open_group)


def test_leaving_a_private_group_goes_back_to_the_directory(client, member, private_group):
    join(private_group, member)
    client.force_login(member)
    response = client.post(reverse("groups:leave", args=[private_group.slug]))
    assert response["Location"] == reverse("groups:directory")
    assert client.get(reverse("groups:detail", args=[private_group.slug])).status_code == 404


def test_leaving_by_get_is_not_allowed(client, employee, open_group):
    join(open_group, employee)
    client.force_login(employee)
    assert client.get(reverse("groups:leave", args=[open_group.slug])).status_code == 405
    assert policies.is_member(employee, open_group)


def test_the_only_facilitator_is_asked_to_hand_over_before_leaving(client, facilitator,
                                                                      member, open_group):
    join(open_group, member)
    client.force_login(facilitator)
    response = client.post(reverse("groups:leave", args=[open_group.slug]), follow=True)
    assert "only facilitator" in response.content.decode()
    assert policies.is_group_facilitator(facilitator, open_group)
    services.membership_promote(group=open_group, by=facilitator,
                                membership=open_group.memberships.get(user=member))
    client.post(reverse("groups:leave", args=[open_group.slug]))
    assert not policies.is_member(facilitator, open_group)


def test_people_can_rejoin_after_leaving(employee, open_group):
    join(open_group, employee)
    services.membership_leave(group=open_group, user=employee)
    join(open_group, employee)
    assert Membership.objects.get(group=open_group, user=employee).is_active


def test_removed_member_cannot_rejoin_before_the_block_ends(employee, facilitator, open_group):
    membership = join(open_group, employee)
    services.membership_remove(group=open_group, by=facilitator, membership=membership,
                               reason="Repeated interruptions.", block_days=14)
    with pytest.raises(ValidationError, match="can rejoin after"):
        join(open_group, employee)
    Removal.objects.update(blocked_until=timezone.now() - timedelta(minutes=1))
    join(open_group, employee)
    assert policies.is_member(employee, open_group)


def test_banned_member_can_never_rejoin(client, employee, facilitator, open_group):
    membership = join(open_group, employee)
    services.membership_remove(group=open_group, by=facilitator, membership=membership,
                               reason="Harassed a member.", ban=True)
    client.force_login(employee)
    response = post_join(client, open_group)
    assert response.status_code == 400
    assert "removed you from this group for good" in response.content.decode()
    body = client.get(reverse("groups:detail", args=[open_group.slug])).content.decode()
    assert "you can't rejoin it" in body


def test_pseudonym_must_be_unique_in_the_group(client, member, employee, facilitator):
    group = make_group(facilitator, name="Named", allow_pseudonyms=True)
    join(group, member, pseudonym="Willow")
    client.force_login(employee)
    response = post_join(client, group, pseudonym="willow")
    assert response.status_code == 400
    assert "already uses that name" in response.content.decode()


def test_member_sets_a_pseudonym_later(client, member, facilitator):
    group = make_group(facilitator, name="Named", allow_pseudonyms=True)
    join(group, member)
    client.force_login(member)
    client.post(reverse("groups:pseudonym", args=[group.slug]), {"pseudonym": "Heron"})
    assert Membership.objects.get(group=group, user=member).pseudonym == "Heron"


def test_pseudonym_page_is_404_where_pseudonyms_are_not_allowed(client, member, open_group):
    join(open_group, member)
    client.force_login(member)
    response = client.post(reverse("groups:pseudonym", args=[open_group.slug]),
                           {"pseudonym": "Heron"})
    assert response.status_code == 404


def test_two_people_cannot_take_the_last_seat(employee, member, facilitator):
    group = make_group(facilitator, name="Pair", capacity=2)
    join(group, employee)
    with pytest.raises(ValidationError, match="full"):
        join(group, member)
