import pytest

from accounts import demo as accounts_demo
from groups import demo as groups_demo
from sessions import demo
from sessions.models import RSVP, Attendance, CheckoutAnswer, Session
from training import demo as training_demo

pytestmark = pytest.mark.django_db


def counts() -> tuple[int, ...]:
    return (Session.objects.count(), RSVP.objects.count(), Attendance.objects.count(),
            CheckoutAnswer.objects.count())


def test_the_demo_seed_makes_sessions_and_is_idempotent():
    people = accounts_demo.seed()
    groups_demo.seed(people)
    training_demo.seed(people)  # the demo facilitator is trained (sensitive groups need it)

    demo.seed(people)
    first = counts()
    demo.seed(people)

    assert counts() == first
    assert Session.objects.filter(series__isnull=False).count() == 8
    assert set(Session.objects.values_list("kind", flat=True)) >= {
        "peer_circle", "listening_training", "team_building"}
    assert Session.objects.filter(format="in_person").exists()
    assert CheckoutAnswer.objects.count() >= 3
