import pytest

from groups.models import Membership
from tests.factories import UserFactory
from tests.recognition.factories import GroupFactory, MembershipFactory


@pytest.fixture
def colleague(db):
    return UserFactory(display_name="Casey Colleague", email="casey@example.org")


@pytest.fixture
def circle(db, member, facilitator):
    """An open group: `member` is a member, `facilitator` facilitates it."""
    group = GroupFactory(name="Tuesday Circle", slug="tuesday-circle")
    MembershipFactory(group=group, user=member)
    MembershipFactory(group=group, user=facilitator, role=Membership.Role.FACILITATOR)
    return group


@pytest.fixture
def join(db):
    def join(group, user, **kwargs):
        return MembershipFactory(group=group, user=user, **kwargs)

    return join
