"""The last seat, taken by two people at the same moment (needs real row locks: PostgreSQL)."""

import threading
import time
from unittest import mock

import pytest
from django.core.exceptions import ValidationError
from django.db import connection, connections

from groups import services
from groups.models import Membership
from groups.services import membership as membership_services
from tests.factories import UserFactory
from tests.groups.conftest import make_group


@pytest.mark.django_db(transaction=True)
@pytest.mark.skipif(connection.vendor != "postgresql", reason="row locks need PostgreSQL")
def test_only_one_of_two_simultaneous_joins_gets_the_last_seat():
    facilitator = UserFactory(is_facilitator=True)
    group = make_group(facilitator, name="Pair", capacity=2)
    people = [UserFactory(), UserFactory()]
    barrier = threading.Barrier(2)
    outcomes: list[str] = []

    def attempt(person):
        barrier.wait()
        try:
            services.membership_join(group=group, user=person, accepted_version=1)
            outcomes.append("joined")
        except ValidationError as exc:
            outcomes.append(exc.code)
        finally:
            connections.close_all()

    check_capacity = membership_services._check_capacity

    def slow_check(group):
        # Widen the gap between counting seats and taking one, as a busy server would.
        check_capacity(group)
        time.sleep(0.3)

    threads = [threading.Thread(target=attempt, args=(p,)) for p in people]
    with mock.patch.object(membership_services, "_check_capacity", slow_check):
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
    assert sorted(outcomes) == ["full", "joined"]
    assert Membership.objects.filter(group=group, status="active").count() == 2
