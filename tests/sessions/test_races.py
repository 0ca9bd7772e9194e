"""Seats under contention: two people take the last seat at the same moment (PostgreSQL)."""

import threading

import pytest
from django.core.exceptions import ValidationError
from django.db import connection

from groups.models import Membership
from sessions import services
from sessions.models import RSVP
from tests.factories import UserFactory
from tests.sessions.factories import GroupFactory, join, schedule


@pytest.mark.django_db(transaction=True)
def test_two_people_racing_for_the_last_seat_get_one_seat_and_one_clear_error():
    if connection.vendor != "postgresql":
        pytest.skip("row locks need PostgreSQL (SQLite serialises writers anyway)")
    facilitator = UserFactory()
    group = GroupFactory()
    join(group, facilitator, role=Membership.Role.FACILITATOR)
    people = [UserFactory() for _ in range(2)]
    for person in people:
        join(group, person)
    session = schedule(group, facilitator, capacity=1)
    barrier = threading.Barrier(len(people))
    outcomes: list[str] = []

    def take_seat(person):
        try:
            barrier.wait()
            services.rsvp_set(session=session, user=person, status=RSVP.Status.GOING)
            outcomes.append("going")
        except ValidationError as exc:
            outcomes.append(exc.messages[0])
        finally:
            connection.close()

    threads = [threading.Thread(target=take_seat, args=(p,)) for p in people]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert sorted(outcomes) == sorted(["going", services.FULL_MESSAGE])
    assert RSVP.objects.filter(session=session, status=RSVP.Status.GOING).count() == 1
