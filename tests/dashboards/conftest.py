"""A small organisation whose dashboard figures are worked out by hand in the tests.

Last finished week (all inside the default "last 4 weeks" period):
- Engineering: e0..e7 (8 people); Finance: f0, f1 (2); HR persona has no department.
- "Open Circle" (peer circle, open): e0..e5, f0, members since 60 days.
  One held session: going e0..e5, f0 (7); attended e0..e4 (5).
- "Quiet Harbour" (peer circle, private, sensitive): e6, e7, f1, members since 60 days.
  One held session: going e6, e7, f1 (3); attended e6, e7 (2).
- "Skills Lab" (skills, open): e0..e4, joined last week. One cancelled session.
"""

import datetime as dt
from dataclasses import dataclass

import pytest
from django.utils import timezone

from accounts.models import Department
from groups.models import Group, Membership
from sessions.models import RSVP, Attendance, Session
from tests.factories import UserFactory


def last_week_start() -> dt.datetime:
    now = timezone.now().astimezone(dt.UTC)
    monday = (now - dt.timedelta(days=now.weekday())).replace(hour=0, minute=0, second=0,
                                                              microsecond=0)
    return monday - dt.timedelta(weeks=1)


def make_group(name: str, category: str, visibility: str = "open",
               sensitive: bool = False) -> Group:
    return Group.objects.create(name=name, slug=name.lower().replace(" ", "-"), purpose="p",
                                category=category, visibility=visibility,
                                is_sensitive=sensitive)


def join(group: Group, users, joined_at: dt.datetime) -> None:
    Membership.objects.bulk_create(Membership(group=group, user=u, joined_at=joined_at)
                                   for u in users)


def hold_session(group: Group, starts: dt.datetime, going, attended,
                 status: str = Session.Status.SCHEDULED) -> Session:
    session = Session.objects.create(group=group, title="Circle", starts_at=starts,
                                     ends_at=starts + dt.timedelta(hours=1), status=status)
    RSVP.objects.bulk_create(RSVP(session=session, user=u, status=RSVP.Status.GOING)
                             for u in going)
    Attendance.objects.bulk_create(Attendance(session=session, user=u, source="chat")
                                   for u in attended)
    return session


@dataclass
class Org:
    engineering: list
    finance: list
    open_circle: Group
    quiet_harbour: Group
    skills_lab: Group


@pytest.fixture
def org(db) -> Org:
    eng_dept = Department.objects.create(name="Engineering")
    fin_dept = Department.objects.create(name="Finance")
    eng = [UserFactory(department=eng_dept) for _ in range(8)]
    fin = [UserFactory(department=fin_dept) for _ in range(2)]
    week = last_week_start()
    long_ago = week - dt.timedelta(days=60)
    open_circle = make_group("Open Circle", Group.Category.PEER_CIRCLE)
    quiet = make_group("Quiet Harbour", Group.Category.PEER_CIRCLE, "private", sensitive=True)
    skills = make_group("Skills Lab", Group.Category.SKILLS)
    Group.objects.filter(pk__in=[open_circle.pk, quiet.pk, skills.pk]).update(
        created_at=long_ago)
    join(open_circle, eng[:6] + fin[:1], long_ago)
    join(quiet, eng[6:] + fin[1:], long_ago)
    join(skills, eng[:5], week + dt.timedelta(days=1))
    hold_session(open_circle, week + dt.timedelta(days=2, hours=10), eng[:6] + fin[:1], eng[:5])
    hold_session(quiet, week + dt.timedelta(days=3, hours=10), eng[6:] + fin[1:], eng[6:])
    hold_session(skills, week + dt.timedelta(days=4, hours=10), [], [],
                 status=Session.Status.CANCELLED)
    return Org(eng, fin, open_circle, quiet, skills)


@pytest.fixture
def hr_client(client, hr, mfa_exempt):
    mfa_exempt(hr)
    client.force_login(hr)
    return client
