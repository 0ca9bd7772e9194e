"""Groups built through the services, one per joining policy, all facilitated by `facilitator`."""

import pytest

from groups import services
from groups.models import Group
from groups.rules import DEFAULT_RULES


def make_group(creator, **fields) -> Group:
    defaults = {"name": "Monday Circle", "purpose": "A weekly circle to be heard.",
                "category": Group.Category.PEER_CIRCLE, "visibility": Group.Visibility.OPEN,
                "rules": [dict(r) for r in DEFAULT_RULES]}
    return services.group_create(creator=creator, **(defaults | fields))


def join(group: Group, user, pseudonym: str = ""):
    """Makes `user` an active member whatever the group's policy (as the real flows would)."""
    group.refresh_from_db()
    if group.visibility == Group.Visibility.OPEN:
        return services.membership_join(group=group, user=user,
                                         accepted_version=group.rules_version,
                                         pseudonym=pseudonym)
    if group.visibility == Group.Visibility.PRIVATE:
        invitation = services.invitation_create(group=group, by=group.created_by)
        return services.membership_join(group=group, user=user, invitation=invitation,
                                         accepted_version=group.rules_version,
                                         pseudonym=pseudonym)
    join_request = services.join_request_create(group=group, user=user, pseudonym=pseudonym,
                                                accepted_version=group.rules_version)
    membership, _ = services.join_request_approve(join_request=join_request, by=group.created_by)
    return membership


@pytest.fixture
def open_group(facilitator) -> Group:
    return make_group(facilitator, name="Monday Circle", slug="monday-circle")


@pytest.fixture
def request_group(facilitator) -> Group:
    return make_group(facilitator, name="Women in Engineering", slug="women-in-engineering",
                      category=Group.Category.AFFINITY, visibility=Group.Visibility.REQUEST,
                      purpose="An employee resource group.")


@pytest.fixture
def private_group(facilitator) -> Group:
    return make_group(facilitator, name="After a Difficult Experience", slug="after",
                      visibility=Group.Visibility.PRIVATE, allow_pseudonyms=True,
                      is_sensitive=True, purpose="A confidential circle.")


@pytest.fixture
def facilitator_client(client, facilitator, mfa_exempt):
    mfa_exempt(facilitator)
    client.force_login(facilitator)
    return client
