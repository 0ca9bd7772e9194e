"""Reminders after an outage: the backlog drains in one run (bounded), a claim is a lease, and two
dispatchers racing (real threads on PostgreSQL) never send one notice twice."""

import datetime as dt
import threading
from collections import Counter

import pytest
from django.core import mail
from django.db import connection
from django.utils import timezone

from groups.models import Membership
from peersupport.celery import dispatch_at_beat_start
from sessions import services
from sessions.models import Notice
from tests.factories import UserFactory
from tests.sessions.factories import GroupFactory, join, schedule


def backlog(session, count: int, *, claimed_at=None) -> list:
    """`count` people each owed one notice that has been due for ten minutes."""
    people = [UserFactory() for _ in range(count)]
    due = timezone.now() - dt.timedelta(minutes=10)
    Notice.objects.bulk_create([
        Notice(session=session, user=person, kind=Notice.Kind.PROMOTED, revision=1, due_at=due,
               claimed_at=claimed_at)
        for person in people])
    return people


def received() -> Counter:
    return Counter(address for message in mail.outbox for address in message.to)


@pytest.mark.django_db
def test_a_backlog_larger_than_a_batch_drains_in_one_run(session):
    people = backlog(session, 25)

    assert services.notices_dispatch_due(limit=10) == 25
    assert received() == Counter({person.email: 1 for person in people})
    assert not Notice.objects.filter(sent_at__isnull=True).exists()


@pytest.mark.django_db
def test_one_run_is_bounded_and_the_next_carries_on(session):
    people = backlog(session, 25)

    assert services.notices_dispatch_due(limit=10, max_batches=2) == 20
    assert services.notices_dispatch_due(limit=10, budget_seconds=0) == 1  # out of time at once
    assert services.notices_dispatch_due(limit=10) == 4
    assert received() == Counter({person.email: 1 for person in people})


@pytest.mark.django_db
def test_a_refusing_mail_server_pauses_the_run_without_using_up_everyones_attempts(
        session, monkeypatch):
    from sessions.services import notices

    backlog(session, 12)

    def refuse(*args, **kwargs):
        raise ConnectionRefusedError("smtp down")

    monkeypatch.setattr(notices, "send_mail", refuse)
    assert services.notices_dispatch_due(limit=5) == 0

    tried = Notice.objects.filter(attempts=1)
    assert tried.count() == notices.FAILURES_BEFORE_PAUSE
    assert not tried.filter(claimed_at__isnull=False).exists()  # released for the next run
    assert Notice.objects.filter(attempts=0).count() == 12 - notices.FAILURES_BEFORE_PAUSE

    monkeypatch.undo()
    assert services.notices_dispatch_due(limit=5) == 12
    assert len(mail.outbox) == 12


@pytest.mark.django_db
def test_beat_starting_dispatches_at_once_instead_of_a_minute_later(session):
    people = backlog(session, 3)

    dispatch_at_beat_start(sender=None)  # the test settings run tasks eagerly

    assert received() == Counter({person.email: 1 for person in people})


def _session():
    """A session outside the `db` fixture's transaction (the racing threads must see it)."""
    facilitator = UserFactory()
    group = GroupFactory()
    join(group, facilitator, role=Membership.Role.FACILITATOR)
    return schedule(group, facilitator)


def _race(dispatchers: int, work) -> list:
    barrier = threading.Barrier(dispatchers)
    results, errors = [], []

    def run():
        try:
            barrier.wait()
            results.append(work())
        except Exception as exc:  # noqa: BLE001 (reported by the assertion below)
            errors.append(exc)
        finally:
            connection.close()

    threads = [threading.Thread(target=run) for _ in range(dispatchers)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    return results


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("claim", ["unclaimed", "lease expired"])
def test_dispatchers_racing_over_a_backlog_send_each_notice_once(claim, settings):
    if connection.vendor != "postgresql":
        pytest.skip("concurrent writers need PostgreSQL (SQLite serialises them)")
    session = _session()
    dead_workers_claim = (timezone.now()
                          - dt.timedelta(seconds=settings.NOTICE_CLAIM_LEASE + 60))
    people = backlog(session, 40,
                     claimed_at=dead_workers_claim if claim == "lease expired" else None)

    sent = _race(3, lambda: services.notices_dispatch_due(limit=7))

    assert sum(sent) == 40
    assert received() == Counter({person.email: 1 for person in people})
    assert not Notice.objects.filter(sent_at__isnull=True).exists()
    assert set(Notice.objects.values_list("attempts", flat=True)) == {1}


@pytest.mark.django_db(transaction=True)
def test_dispatchers_racing_leave_a_live_workers_claim_alone(settings):
    if connection.vendor != "postgresql":
        pytest.skip("concurrent writers need PostgreSQL (SQLite serialises them)")
    session = _session()
    live_claim = timezone.now() - dt.timedelta(seconds=settings.NOTICE_CLAIM_LEASE // 2)
    held = backlog(session, 5, claimed_at=live_claim)
    free = backlog(session, 5)

    _race(3, lambda: services.notices_dispatch_due(limit=2))

    assert received() == Counter({person.email: 1 for person in free})
    assert Notice.objects.filter(user__in=held, sent_at__isnull=True,
                                 claimed_at=live_claim).count() == 5
