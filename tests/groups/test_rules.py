import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.urls import reverse

from groups import policies, services
from groups.models import GroundRuleVersion, RuleAcceptance
from groups.rules import DEFAULT_RULES, rules_validate
from tests.groups.conftest import join

NEW_RULES = [dict(r) for r in DEFAULT_RULES[:5]] + [
    {"key": "custom", "text": "Cameras are optional in online sessions."}]


def formset_data(rules: list[dict], extra_blank: int = 1) -> dict:
    data = {"rules-TOTAL_FORMS": len(rules) + extra_blank, "rules-INITIAL_FORMS": len(rules),
            "rules-MIN_NUM_FORMS": 0, "rules-MAX_NUM_FORMS": 20}
    for i, rule in enumerate(rules):
        data |= {f"rules-{i}-key": rule["key"], f"rules-{i}-text": rule["text"],
                 f"rules-{i}-ORDER": i + 1}
    for i in range(len(rules), len(rules) + extra_blank):
        data |= {f"rules-{i}-key": "custom", f"rules-{i}-text": "", f"rules-{i}-ORDER": ""}
    return data


def test_changing_rules_posts_a_new_version_and_members_must_accept_again(
        facilitator_client, facilitator, member, open_group, django_capture_on_commit_callbacks):
    join(open_group, member)
    with django_capture_on_commit_callbacks(execute=True):
        response = facilitator_client.post(
            reverse("groups:edit_rules", args=[open_group.slug]), formset_data(NEW_RULES))
    assert response.status_code == 302
    open_group.refresh_from_db()
    assert open_group.rules_version == 2
    assert GroundRuleVersion.objects.get(group=open_group, number=2).rules == NEW_RULES
    membership = policies.membership_of(member, open_group)
    assert not policies.can_take_part(membership)
    assert policies.can_take_part(policies.membership_of(facilitator, open_group))
    assert [m.to for m in mail.outbox] == [[member.email]]
    assert "/groups/monday-circle/rules/accept/" in mail.outbox[0].body


def test_member_sees_what_changed_and_accepts_the_new_version(
        client, facilitator, member, open_group):
    join(open_group, member)
    services.group_rules_update(group=open_group, by=facilitator, rules=NEW_RULES)
    client.force_login(member)
    body = client.get(reverse("groups:detail", args=[open_group.slug])).content.decode()
    assert "The ground rules changed" in body
    assert "Cameras are optional in online sessions." in body
    assert body.count("New or changed") == 1
    assert "<del>Everyone has the right to pass: nobody has to share.</del>" in body
    response = client.post(reverse("groups:accept_rules", args=[open_group.slug]),
                           {"rules_version": 2, "accept": "on"})
    assert response.status_code == 302
    assert policies.can_take_part(policies.membership_of(member, open_group))
    assert RuleAcceptance.objects.filter(group=open_group, user=member, version=2).exists()
    assert RuleAcceptance.objects.filter(group=open_group, user=member, version=1).exists()


def test_accepting_an_outdated_version_is_refused(client, facilitator, member, open_group):
    join(open_group, member)
    services.group_rules_update(group=open_group, by=facilitator, rules=NEW_RULES)
    client.force_login(member)
    response = client.post(reverse("groups:accept_rules", args=[open_group.slug]),
                           {"rules_version": 1, "accept": "on"})
    assert response.status_code == 400
    assert not policies.can_take_part(policies.membership_of(member, open_group))


def test_accept_page_honours_a_safe_next_only(client, facilitator, member, open_group):
    join(open_group, member)
    services.group_rules_update(group=open_group, by=facilitator, rules=NEW_RULES)
    client.force_login(member)
    url = reverse("groups:accept_rules", args=[open_group.slug])
    response = client.post(url, {"rules_version": 2, "accept": "on",
                                 "next": "https://evil.example.com/"})
    assert response["Location"] == reverse("groups:detail", args=[open_group.slug])


def test_unchanged_rules_post_no_new_version(facilitator, open_group):
    assert services.group_rules_update(group=open_group, by=facilitator,
                                       rules=[dict(r) for r in DEFAULT_RULES]) is None
    open_group.refresh_from_db()
    assert open_group.rules_version == 1


def test_reordering_follows_the_position_numbers(facilitator_client, open_group):
    data = formset_data(NEW_RULES)
    data["rules-0-ORDER"], data["rules-5-ORDER"] = 6, 1
    facilitator_client.post(reverse("groups:edit_rules", args=[open_group.slug]), data)
    rules = GroundRuleVersion.objects.get(group=open_group, number=2).rules
    assert rules[0]["text"] == "Cameras are optional in online sessions."
    assert rules[-1]["key"] == "confidentiality"


def test_removing_every_rule_is_refused_and_keeps_input(facilitator_client, open_group):
    data = formset_data(NEW_RULES)
    for i in range(len(NEW_RULES)):
        data[f"rules-{i}-DELETE"] = "on"
    response = facilitator_client.post(reverse("groups:edit_rules", args=[open_group.slug]),
                                       data)
    assert response.status_code == 400
    assert "at least one ground rule" in response.content.decode()
    assert "Cameras are optional" in response.content.decode()
    assert GroundRuleVersion.objects.filter(group=open_group).count() == 1


def test_oversized_rule_is_refused(facilitator_client, open_group):
    data = formset_data([{"key": "custom", "text": "x" * 301}])
    response = facilitator_client.post(reverse("groups:edit_rules", args=[open_group.slug]),
                                       data)
    assert response.status_code == 400
    assert GroundRuleVersion.objects.filter(group=open_group).count() == 1


def test_members_cannot_change_rules(client, member, open_group):
    join(open_group, member)
    client.force_login(member)
    response = client.post(reverse("groups:edit_rules", args=[open_group.slug]),
                           formset_data(NEW_RULES))
    assert response.status_code == 403
    assert GroundRuleVersion.objects.filter(group=open_group).count() == 1


@pytest.mark.parametrize("rules, message", [
    ([], "at least one"),
    ([{"key": "respect", "text": "A"}, {"key": "respect", "text": "B"}], "appears twice"),
    ([{"key": "shouting", "text": "A"}], "unknown kind"),
])
def test_rules_validate_explains_what_is_wrong(rules, message):
    with pytest.raises(ValidationError, match=message):
        rules_validate(rules)


def test_rules_validate_keeps_order_and_tidies_space():
    assert rules_validate([{"key": "custom", "text": "  Be   kind. "},
                           {"key": "respect", "text": "Respect."}]) == [
        {"key": "custom", "text": "Be kind."}, {"key": "respect", "text": "Respect."}]
