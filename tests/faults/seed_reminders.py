"""Run by the fault suite in a subprocess against its own PostgreSQL: a session starting in 50
minutes, N people going, and each person's hour-before reminder due (as after an outage of the
worker). Prints JSON: the recipients, in the order the dispatcher takes them.

    DATABASE_URL=postgres://... python -m tests.faults.seed_reminders 60
"""

import datetime as dt
import json
import sys

import django


def main() -> None:
    django.setup()
    from django.utils import timezone

    from groups.models import Membership
    from sessions import services
    from sessions.models import RSVP, Notice
    from tests.factories import UserFactory
    from tests.sessions.factories import GroupFactory, join, schedule

    group = GroupFactory()
    facilitator = UserFactory()
    join(group, facilitator, role=Membership.Role.FACILITATOR)
    session = schedule(group, facilitator, starts_in=dt.timedelta(minutes=50), capacity=None)
    people = [UserFactory() for _ in range(int(sys.argv[1]))]
    for person in people:
        join(group, person)
        services.rsvp_set(session=session, user=person, status=RSVP.Status.GOING)
    due = timezone.now() - dt.timedelta(minutes=10)
    Notice.objects.bulk_create([
        Notice(session=session, user=person, kind=Notice.Kind.REMINDER_1H,
               revision=session.schedule_version, due_at=due + dt.timedelta(milliseconds=i))
        for i, person in enumerate(people)])
    json.dump({"recipients": [person.email for person in people]}, sys.stdout)


if __name__ == "__main__":
    main()
