"""Demo sessions in the demo groups (groups/demo.py): upcoming ones to RSVP to, and a few past
ones with attendance and anonymous check-out answers so the dashboards have figures.

Safe to run again: each session is looked up by group and title before anything is created.
"""

import datetime as dt
import zoneinfo

from django.utils import timezone

from accounts.models import User
from groups.models import Group
from groups.rules import custom_rule
from sessions import recurrence as rec
from sessions import services
from sessions.models import RSVP, Attendance, MoodEntry, Session


def _next_weekday_at(weekday: int, hour: int, zone_name: str, *, weeks_ahead: int = 0
                     ) -> dt.datetime:
    """The next such weekday (0 = Monday) at `hour` wall-clock time in the zone, as UTC."""
    zone = zoneinfo.ZoneInfo(zone_name)
    today = timezone.now().astimezone(zone).date()
    days = (weekday - today.weekday()) % 7 or 7
    day = today + dt.timedelta(days=days + 7 * weeks_ahead)
    return rec.local_to_utc(dt.datetime.combine(day, dt.time(hour, 0)), zone)


def _upcoming(group: Group, facilitator: User, *, title: str, kind: str, starts_at: dt.datetime,
              minutes: int, fmt: str, location: str = "", capacity: int | None = None,
              description: str = "", extra_rules: list[str] | None = None,
              recurrence: rec.Recurrence | None = None) -> list[Session]:
    existing = list(Session.objects.filter(group=group, title=title).order_by("starts_at"))
    if existing:
        return existing
    details = services.SessionDetails(
        title=title, kind=kind, description=description, starts_at=starts_at,
        ends_at=starts_at + dt.timedelta(minutes=minutes), format=fmt, location=location,
        capacity=capacity, extra_rules=[custom_rule(text) for text in extra_rules or []],
        facilitators=[facilitator],
    )
    return services.session_schedule(group=group, by=facilitator, details=details,
                                     recurrence=recurrence)


def _past(group: Group, facilitator: User, *, title: str, days_ago: int,
          attendees: list[User], no_shows: list[User], scores: list[tuple[int, str]]) -> None:
    """A session that already took place. Built row by row (services refuse past times)."""
    if Session.objects.filter(group=group, title=title).exists():
        return
    zone = zoneinfo.ZoneInfo(group.time_zone)
    day = timezone.now().astimezone(zone).date() - dt.timedelta(days=days_ago)
    starts_at = rec.local_to_utc(dt.datetime.combine(day, dt.time(17, 0)), zone)
    session = Session.objects.create(
        group=group, title=title, kind=Session.Kind.PEER_CIRCLE, starts_at=starts_at,
        ends_at=starts_at + dt.timedelta(minutes=60), time_zone=group.time_zone,
        format=Session.Format.ONLINE, facilitator_joined_at=starts_at - dt.timedelta(minutes=5),
        created_by=facilitator, description="Our weekly circle.",
    )
    session.facilitators.add(facilitator)
    for person in attendees + no_shows:
        RSVP.objects.get_or_create(session=session, user=person,
                                   defaults={"status": RSVP.Status.GOING})
    for person in attendees:
        services.attendance_record(session=session, user=person, source=Attendance.Source.CHAT)
    for person, (score, comment) in zip(attendees, scores, strict=False):
        services.checkout_answer(session=session, user=person, score=score, comment=comment)
    for person in attendees[:2]:
        MoodEntry.objects.get_or_create(user=person, session=session,
                                        moment=MoodEntry.Moment.BEFORE, defaults={"score": 2})
        MoodEntry.objects.get_or_create(user=person, session=session,
                                        moment=MoodEntry.Moment.AFTER, defaults={"score": 4})


def _going(session: Session, people: list[User]) -> None:
    for person in people:
        if not RSVP.objects.filter(session=session, user=person).exists():
            services.rsvp_set(session=session, user=person, status=RSVP.Status.GOING)


DROP_IN_TITLE = "Open dialogue: drop-in"


def _drop_in(group: Group, facilitator: User, members: list[User]) -> None:
    """An online session whose chat is open now, so a newcomer can try the live chat at once.

    Running the seed again after it ended moves it to now again (still one session).
    """
    starts_at = timezone.now() + dt.timedelta(minutes=5)
    existing = Session.objects.filter(group=group, title=DROP_IN_TITLE).first()
    if existing is None:
        (existing,) = _upcoming(
            group, facilitator, title=DROP_IN_TITLE, kind=Session.Kind.OPEN_DIALOGUE,
            starts_at=starts_at, minutes=180, fmt=Session.Format.ONLINE,
            description="An open room for the demo: log in as the facilitator and a member in "
                        "two browsers and talk.")
    elif existing.ends_at < timezone.now():
        Session.objects.filter(pk=existing.pk).update(
            starts_at=starts_at, ends_at=starts_at + dt.timedelta(minutes=180),
            status=Session.Status.SCHEDULED, facilitator_joined_at=None)
    _going(existing, members)


def seed(people: dict[str, User]) -> None:
    facilitator = people["facilitator@example.com"]
    groups = {group.slug: group for group in Group.objects.filter(slug__in=[
        "monday-peer-circle", "active-listening-practice", "women-in-engineering",
        "after-a-difficult-experience"])}
    circle = groups.get("monday-peer-circle")
    if circle is not None:
        weekly = _upcoming(
            circle, facilitator, title="Monday Peer Circle", kind=Session.Kind.PEER_CIRCLE,
            starts_at=_next_weekday_at(0, 17, circle.time_zone), minutes=60,
            fmt=Session.Format.ONLINE, capacity=10,
            description="Check-in round, then an open conversation about the week. "
                        "Come as you are; you can always pass.",
            extra_rules=["Please don't screenshot or copy the chat."],
            recurrence=rec.Recurrence(frequency=rec.Frequency.WEEKLY, count=8),
        )
        _drop_in(circle, facilitator, [people["employee@example.com"],
                                       people["employee2@example.com"]])
        colleagues = [people[f"colleague{n}@example.com"] for n in range(1, 6)]
        if weekly and weekly[0].starts_at > timezone.now():
            _going(weekly[0], [people["employee@example.com"], people["employee2@example.com"],
                               *colleagues[:3]])
        _past(circle, facilitator, title="Monday Peer Circle: saying no kindly", days_ago=7,
              attendees=[people["employee@example.com"], *colleagues],
              no_shows=[people["employee2@example.com"]],
              scores=[(5, "I felt heard. Thank you."), (4, ""), (5, ""), (4, "Good pace."),
                      (3, "A bit rushed at the end."), (5, "")])
        _past(circle, facilitator, title="Monday Peer Circle: a hard week", days_ago=14,
              attendees=[people["employee2@example.com"], *colleagues],
              no_shows=[people["employee@example.com"]],
              scores=[(5, ""), (4, "Kind and calm."), (4, ""), (5, ""), (4, "")])
    listening = groups.get("active-listening-practice")
    if listening is not None:
        training = _upcoming(
            listening, facilitator, title="Active listening: reflecting back",
            kind=Session.Kind.LISTENING_TRAINING,
            starts_at=_next_weekday_at(2, 10, listening.time_zone), minutes=90,
            fmt=Session.Format.IN_PERSON, location="Berlin office, room 3.14 (Lindenhof)",
            capacity=4,
            description="Short exercises in pairs: listen, reflect back, ask an open question. "
                        "Then we talk about what was hard.",
        )
        if training and training[0].starts_at > timezone.now():
            _going(training[0], [people["employee@example.com"],
                                 people["colleague11@example.com"],
                                 people["colleague12@example.com"]])
    women = groups.get("women-in-engineering")
    if women is not None:
        _upcoming(
            women, facilitator, title="Board-game lunch", kind=Session.Kind.TEAM_BUILDING,
            starts_at=_next_weekday_at(4, 12, women.time_zone), minutes=75,
            fmt=Session.Format.IN_PERSON, location="Kitchen, 2nd floor", capacity=12,
            description="Lunch is on us. Cooperative games only: nobody loses.",
        )
    sensitive = groups.get("after-a-difficult-experience")
    if sensitive is not None:
        _upcoming(
            sensitive, facilitator, title="Circle: after a difficult experience",
            kind=Session.Kind.PEER_CIRCLE,
            starts_at=_next_weekday_at(3, 18, sensitive.time_zone, weeks_ahead=1), minutes=75,
            fmt=Session.Format.ONLINE, capacity=8,
            description="A confidential circle. Pseudonyms welcome.",
        )
