import re

import pytest
from django.core import mail
from django.urls import reverse
from django.utils.html import escape

from groups import policies, services
from groups.models import GroundRuleVersion, Group, Membership, Removal
from groups.rules import DEFAULT_RULES
from tests.groups.conftest import join
from tests.groups.test_rules import formset_data

CREATE = reverse("groups:create")


def create_data(**fields) -> dict:
    return {"name": "Thursday Circle", "slug": "", "purpose": "A space to be heard.",
            "category": "peer_circle", "visibility": "open", "capacity": "",
            "time_zone": "Europe/Berlin"} | formset_data(DEFAULT_RULES) | fields


def test_create_form_offers_the_default_rules(facilitator_client):
    body = facilitator_client.get(CREATE).content.decode()
    for rule in DEFAULT_RULES:
        assert escape(rule["text"]) in body


def test_facilitator_creates_a_group_and_becomes_its_facilitator(facilitator_client,
                                                                 facilitator):
    response = facilitator_client.post(CREATE, create_data())
    group = Group.objects.get(slug="thursday-circle")
    assert response["Location"] == reverse("groups:detail", args=["thursday-circle"])
    assert group.rules_version == 1 and group.time_zone == "Europe/Berlin"
    assert GroundRuleVersion.objects.get(group=group).rules == [dict(r) for r in DEFAULT_RULES]
    assert policies.is_group_facilitator(facilitator, group)


def test_employees_cannot_create_groups(client, employee):
    client.force_login(employee)
    assert client.get(CREATE).status_code == 403
    assert client.post(CREATE, create_data()).status_code == 403
    assert not Group.objects.exists()


def test_facilitator_without_two_factor_is_sent_to_set_it_up(client, facilitator):
    client.force_login(facilitator)
    response = client.get(CREATE)
    assert response.status_code == 302
    assert response["Location"] == reverse("mfa_activate_totp")


def test_duplicate_web_address_is_refused_and_keeps_input(facilitator_client, open_group):
    response = facilitator_client.post(CREATE, create_data(slug="monday-circle",
                                                           purpose="Keep me"))
    assert response.status_code == 400
    assert "Another group already uses this web address." in response.content.decode()
    assert "Keep me" in response.content.decode()
    assert Group.objects.count() == 1


def test_same_name_gets_a_free_web_address(facilitator_client, open_group):
    facilitator_client.post(CREATE, create_data(name="Monday Circle"))
    assert Group.objects.filter(slug="monday-circle-2").exists()


def test_reserved_web_address_is_refused(facilitator_client):
    response = facilitator_client.post(CREATE, create_data(slug="new"))
    assert response.status_code == 400
    assert not Group.objects.exists()


@pytest.mark.parametrize("fields", [{"name": "   "}, {"name": "x" * 121},
                                    {"purpose": "x" * 4001}, {"capacity": "1"},
                                    {"category": "gossip"}])
def test_bad_details_are_refused_and_nothing_is_written(facilitator_client, fields):
    response = facilitator_client.post(CREATE, create_data(**fields))
    assert response.status_code == 400
    assert not Group.objects.exists()
    assert not GroundRuleVersion.objects.exists()


def test_facilitator_edits_details(facilitator_client, open_group):
    url = reverse("groups:edit", args=[open_group.slug])
    data = {"name": "Monday Circle (new)", "purpose": "Changed.", "category": "skills",
            "visibility": "request", "capacity": "20", "time_zone": "UTC"}
    assert facilitator_client.post(url, data).status_code == 302
    open_group.refresh_from_db()
    assert (open_group.name, open_group.visibility, open_group.capacity) == (
        "Monday Circle (new)", "request", 20)


def test_pseudonyms_cannot_be_turned_off_while_members_use_them(facilitator_client,
                                                                 private_group, member):
    join(private_group, member, pseudonym="Willow")
    url = reverse("groups:edit", args=[private_group.slug])
    data = {"name": private_group.name, "purpose": "x", "category": "peer_circle",
            "visibility": "private", "time_zone": "UTC", "allow_pseudonyms": ""}
    response = facilitator_client.post(url, data)
    assert response.status_code == 400
    assert "real names would show" in response.content.decode()
    private_group.refresh_from_db()
    assert private_group.allow_pseudonyms


def test_members_cannot_edit_and_outsiders_get_404_on_private_groups(
        client, member, outsider, open_group, private_group):
    join(open_group, member)
    client.force_login(member)
    assert client.post(reverse("groups:edit", args=[open_group.slug]),
                       {"name": "Hijacked"}).status_code == 403
    client.force_login(outsider)
    assert client.get(reverse("groups:edit", args=[private_group.slug])).status_code == 404
    open_group.refresh_from_db()
    assert open_group.name == "Monday Circle"


def test_facilitator_removes_a_member_who_is_told_the_reason(
        facilitator_client, member, open_group, django_capture_on_commit_callbacks):
    membership = join(open_group, member)
    url = reverse("groups:remove_member", args=[open_group.slug, membership.pk])
    with django_capture_on_commit_callbacks(execute=True):
        response = facilitator_client.post(url, {"reason": "Repeated put-downs.",
                                                 "consequence": "block", "block_days": 30})
    assert response.status_code == 302
    assert not policies.is_member(member, open_group)
    removal = Removal.objects.get(user=member)
    assert removal.blocked_until is not None and not removal.banned
    assert mail.outbox[0].to == [member.email]
    assert "Repeated put-downs." in mail.outbox[0].body
    assert "You can rejoin after" in mail.outbox[0].body


def test_remove_needs_a_reason_and_keeps_the_choice(facilitator_client, member, open_group):
    membership = join(open_group, member)
    url = reverse("groups:remove_member", args=[open_group.slug, membership.pk])
    response = facilitator_client.post(url, {"reason": "", "consequence": "ban"})
    assert response.status_code == 400
    checked = re.findall(r'<input type="radio"[^>]*value="(\w+)"[^>]*checked',
                         response.content.decode())
    assert checked == ["ban"]
    assert policies.is_member(member, open_group)


def test_ban_says_so_in_the_email(member, facilitator, open_group,
                                  django_capture_on_commit_callbacks):
    membership = join(open_group, member)
    with django_capture_on_commit_callbacks(execute=True):
        services.membership_remove(group=open_group, by=facilitator, membership=membership,
                                   reason="Harassment.", ban=True)
    assert "You can't rejoin this group." in mail.outbox[0].body


def test_members_cannot_remove_others(client, member, employee, open_group):
    join(open_group, member)
    target = join(open_group, employee)
    client.force_login(member)
    url = reverse("groups:remove_member", args=[open_group.slug, target.pk])
    assert client.post(url, {"reason": "x", "consequence": "ban"}).status_code == 403
    assert policies.is_member(employee, open_group)


def test_facilitators_cannot_be_removed(facilitator_client, facilitator, open_group):
    own = Membership.objects.get(group=open_group, user=facilitator)
    url = reverse("groups:remove_member", args=[open_group.slug, own.pk])
    response = facilitator_client.post(url, {"reason": "x", "consequence": "none"})
    assert response.status_code == 400
    assert policies.is_group_facilitator(facilitator, open_group)


def test_facilitator_promotes_a_member_to_co_facilitator(facilitator_client, member,
                                                         open_group):
    membership = join(open_group, member)
    url = reverse("groups:promote_member", args=[open_group.slug, membership.pk])
    assert facilitator_client.post(url).status_code == 302
    assert policies.is_group_facilitator(member, open_group)
    response = facilitator_client.post(url, follow=True)
    assert "was a facilitator already" in response.content.decode()


def test_members_page_is_for_facilitators_only(client, member, facilitator_client, open_group):
    join(open_group, member)
    assert facilitator_client.get(reverse("groups:members",
                                          args=[open_group.slug])).status_code == 200
    client.force_login(member)
    assert client.get(reverse("groups:members", args=[open_group.slug])).status_code == 403
