from django.urls import reverse

from accounts import demo as accounts_demo
from groups import demo, policies
from groups.models import Group, Invitation, JoinRequest, Membership


def test_staff_see_groups_memberships_and_rule_versions_in_admin(admin_client, open_group):
    for name in ("groups_group", "groups_membership", "groups_groundruleversion"):
        assert admin_client.get(reverse(f"admin:{name}_changelist")).status_code == 200
    assert admin_client.get(reverse("admin:groups_group_change",
                                    args=[open_group.pk])).status_code == 200


def test_non_staff_cannot_open_the_admin(client, employee):
    client.force_login(employee)
    response = client.get(reverse("admin:groups_group_changelist"))
    assert response.status_code == 302


def test_demo_seed_shows_each_policy_and_is_idempotent(db, django_capture_on_commit_callbacks):
    people = accounts_demo.seed()
    with django_capture_on_commit_callbacks(execute=True):
        demo.seed(people)
        demo.seed(people)
    groups = {g.slug: g for g in Group.objects.all()}
    assert {g.visibility for g in groups.values()} == {"open", "request", "private"}
    circle = groups["monday-peer-circle"]
    assert policies.is_group_facilitator(people["facilitator@example.com"], circle)
    for email in ("employee@example.com", "employee2@example.com", "colleague1@example.com"):
        assert policies.is_member(people[email], circle)
    private = groups["after-a-difficult-experience"]
    assert private.allow_pseudonyms and private.is_sensitive
    assert Membership.objects.get(group=private,
                                  user=people["colleague9@example.com"]).pseudonym == "Willow"
    assert Invitation.objects.filter(group=private).count() == 1
    assert JoinRequest.objects.filter(status="pending").count() == 1
    assert Membership.objects.count() == 19
    assert groups["active-listening-practice"].category == "skills"
