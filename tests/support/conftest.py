"""Support fixtures: a group with a facilitator, and reports set up through the services."""

import pytest
from django.utils import timezone

from accounts.models import User
from groups.models import Group, Membership
from support import services
from support.models import Report
from tests.factories import UserFactory


def make_group(*, name: str, facilitator: User, members: list[User]) -> Group:
    """Groups belong to another app; its skeleton models are the stable part to build on."""
    group = Group.objects.create(
        name=name,
        slug=name.lower().replace(" ", "-"),
        purpose="Peer support.",
        category=Group.Category.PEER_CIRCLE,
    )
    now = timezone.now()
    Membership.objects.create(
        group=group, user=facilitator, role=Membership.Role.FACILITATOR, joined_at=now
    )
    for person in members:
        Membership.objects.create(group=group, user=person, joined_at=now)
    return group


@pytest.fixture
def circle(employee, facilitator) -> Group:
    """A group where `facilitator` facilitates and `employee` is a member."""
    return make_group(name="Tuesday circle", facilitator=facilitator, members=[employee])


@pytest.fixture
def named_person(db) -> User:
    return UserFactory(display_name="Nico Named")


def draft_for(reporter: User, *, named: list[User] = (), **texts) -> Report:
    fields = {
        "what_happened": "He mocked my accent in every stand-up.",
        "happened_when": "Every stand-up since March.",
        "people_described": "",
        "witnesses": "Two people from the platform team.",
        **texts,
    }
    return services.report_draft_save(reporter=reporter, people_named=list(named), **fields)


@pytest.fixture
def draft(employee, named_person) -> Report:
    return draft_for(employee, named=[named_person])


@pytest.fixture
def submitted(employee, named_person, django_capture_on_commit_callbacks) -> Report:
    report = draft_for(employee, named=[named_person])
    with django_capture_on_commit_callbacks(execute=True):
        return services.report_submit(report=report, reporter=employee)
