from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from groups import policies, selectors, services
from groups.models import Invitation


def link(invitation) -> str:
    return reverse("groups:invitation", args=[services.invitation_token(invitation)])


def accept(client, url, group, **data):
    return client.post(url, {"rules_version": group.rules_version, "accept": "on"} | data)


@pytest.fixture
def invitation(private_group, facilitator) -> Invitation:
    return services.invitation_create(group=private_group, by=facilitator, days_valid=7)


def test_valid_invitation_shows_the_group_and_its_rules_then_joins(
        client, employee, private_group, invitation):
    client.force_login(employee)
    page = client.get(link(invitation))
    assert page.status_code == 200
    assert "After a Difficult Experience" in page.content.decode()
    assert "What is shared here stays here." in page.content.decode()
    response = accept(client, link(invitation), private_group, pseudonym="Wren")
    assert response.status_code == 302
    membership = policies.membership_of(employee, private_group)
    assert membership.pseudonym == "Wren"
    assert Invitation.objects.get(pk=invitation.pk).uses == 1


def test_invitation_without_accepting_rules_keeps_input(client, employee, private_group,
                                                        invitation):
    client.force_login(employee)
    response = accept(client, link(invitation), private_group, accept="", pseudonym="Wren")
    assert response.status_code == 400
    assert 'value="Wren"' in response.content.decode()
    assert not policies.is_member(employee, private_group)


def test_expired_invitation_is_refused_without_naming_the_group(client, employee,
                                                                 private_group, invitation):
    Invitation.objects.filter(pk=invitation.pk).update(
        expires_at=timezone.now() - timedelta(seconds=1))
    client.force_login(employee)
    response = client.get(link(invitation))
    assert response.status_code == 410
    assert "expired" in response.content.decode()
    assert "Difficult" not in response.content.decode()
    assert accept(client, link(invitation), private_group).status_code == 410
    assert not policies.is_member(employee, private_group)


def test_revoked_invitation_is_refused(client, employee, facilitator, private_group,
                                       invitation):
    assert services.invitation_revoke(invitation=invitation, by=facilitator) is True
    assert services.invitation_revoke(invitation=invitation, by=facilitator) is False
    client.force_login(employee)
    response = accept(client, link(invitation), private_group)
    assert response.status_code == 410
    assert "withdrawn" in response.content.decode()
    assert not policies.is_member(employee, private_group)


@pytest.mark.parametrize("tamper", [
    lambda token: token[:-1] + ("A" if token[-1] != "A" else "B"),
    lambda token: token.replace(token.split(":")[0], "WzEsIm5vbmNlIl0"),
    lambda token: "not-a-token",
])
def test_tampered_invitation_is_404(client, employee, private_group, invitation, tamper):
    client.force_login(employee)
    token = tamper(services.invitation_token(invitation))
    response = client.post(reverse("groups:invitation", args=[token]),
                           {"rules_version": 1, "accept": "on"})
    assert response.status_code == 404
    assert not policies.is_member(employee, private_group)


def test_a_forged_token_for_another_invitation_id_is_refused(invitation, private_group,
                                                             facilitator):
    other = services.invitation_create(group=private_group, by=facilitator)
    from django.core import signing

    forged = signing.Signer(salt="groups.invitation").sign_object([other.pk, invitation.nonce])
    with pytest.raises(ValidationError) as info:
        selectors.invitation_from_token(token=forged)
    assert info.value.code == "tampered"


def test_revoked_invitation_is_refused_by_the_service_even_when_resolved_earlier(
        employee, facilitator, private_group, invitation):
    resolved = selectors.invitation_from_token(token=services.invitation_token(invitation))
    services.invitation_revoke(invitation=invitation, by=facilitator)
    with pytest.raises(ValidationError, match="withdrawn"):
        services.membership_join(group=private_group, user=employee, accepted_version=1,
                                 invitation=resolved)


def test_facilitator_creates_and_revokes_links(facilitator_client, private_group):
    url = reverse("groups:invitations", args=[private_group.slug])
    response = facilitator_client.post(url, {"days_valid": 3, "note": "For Sam"})
    assert response.status_code == 302
    invitation = Invitation.objects.get(group=private_group)
    page = facilitator_client.get(url).content.decode()
    assert services.invitation_token(invitation) in page
    facilitator_client.post(reverse("groups:revoke_invitation",
                                    args=[private_group.slug, invitation.pk]))
    invitation.refresh_from_db()
    assert invitation.revoked_at is not None


def test_bad_validity_is_refused_with_a_form_error(facilitator_client, private_group):
    url = reverse("groups:invitations", args=[private_group.slug])
    response = facilitator_client.post(url, {"days_valid": 365})
    assert response.status_code == 400
    assert not Invitation.objects.exists()


def test_members_cannot_make_or_revoke_links(client, member, private_group, invitation):
    services.membership_join(group=private_group, user=member, accepted_version=1,
                             invitation=invitation)
    client.force_login(member)
    assert client.post(reverse("groups:invitations", args=[private_group.slug]),
                       {"days_valid": 3}).status_code == 403
    assert client.post(reverse("groups:revoke_invitation",
                               args=[private_group.slug, invitation.pk])).status_code == 403
    assert Invitation.objects.get(pk=invitation.pk).revoked_at is None


def test_outsiders_get_404_on_a_private_groups_invitation_page(client, outsider, private_group):
    client.force_login(outsider)
    assert client.get(reverse("groups:invitations",
                              args=[private_group.slug])).status_code == 404


def test_links_are_only_for_private_groups(open_group, facilitator):
    with pytest.raises(ValidationError, match="private groups"):
        services.invitation_create(group=open_group, by=facilitator)
