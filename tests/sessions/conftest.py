import pytest

from groups.models import Group, Membership
from tests.factories import UserFactory
from tests.sessions.factories import GroupFactory, join, schedule


@pytest.fixture
def group(db, facilitator, member):
    """An open group: `facilitator` facilitates it, `member` belongs to it."""
    group = GroupFactory()
    join(group, facilitator, role=Membership.Role.FACILITATOR)
    join(group, member)
    return group


@pytest.fixture
def private_group(db, facilitator, member):
    group = GroupFactory(visibility=Group.Visibility.PRIVATE, name="Private circle")
    join(group, facilitator, role=Membership.Role.FACILITATOR)
    join(group, member)
    return group


@pytest.fixture
def session(group, facilitator):
    return schedule(group, facilitator, title="Tuesday circle")


@pytest.fixture
def make_member(group):
    def make(**kwargs):
        person = UserFactory(**kwargs)
        join(group, person)
        return person

    return make


@pytest.fixture
def logged_in(client, mfa_exempt, facilitator):
    """Logs a person in (facilitators past the two-factor requirement)."""
    mfa_exempt(facilitator)

    def log_in(person):
        client.force_login(person)
        return client

    return log_in
