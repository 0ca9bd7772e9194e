"""Fixtures of the activity tests: a team-building group (facilitator, two members), an upcoming
session, and the starter library (transactional tests empty the tables the migration filled)."""

import pytest

from activities.library import load_library
from activities.models import Activity, ActivityStep
from groups.models import Group, Membership
from tests.chat.conftest import (  # noqa: F401 (the chat tests' room, for live activities)
    _fresh_channel_layer,
    _fresh_word_lists,
    chat_group,
    room,
)
from tests.chat.test_browser_chat import server  # noqa: F401 (a real ASGI server)
from tests.dashboards.conftest import hr_client, org  # noqa: F401 (HR's view of activities)
from tests.factories import UserFactory
from tests.sessions.factories import GroupFactory, join, schedule


@pytest.fixture
def library(db) -> None:
    load_library(Activity, ActivityStep)


@pytest.fixture
def team(db, facilitator, member, employee) -> Group:
    group = GroupFactory(name="Team Café", category=Group.Category.TEAM_BUILDING)
    join(group, facilitator, role=Membership.Role.FACILITATOR)
    join(group, member)
    join(group, employee)
    return group


@pytest.fixture
def upcoming(team, facilitator):
    return schedule(team, facilitator, title="Friday café", minutes=30)


@pytest.fixture
def logged_in(client, mfa_exempt, facilitator):
    mfa_exempt(facilitator)

    def log_in(person):
        client.force_login(person)
        return client

    return log_in


@pytest.fixture
def other_team(db):
    """Another group, with its own facilitator (who writes activities for it)."""
    group = GroupFactory(name="Other team", category=Group.Category.TEAM_BUILDING)
    author = UserFactory(display_name="Ola Other", is_facilitator=True)
    join(group, author, role=Membership.Role.FACILITATOR)
    return group, author
