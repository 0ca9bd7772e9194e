"""Demo: a team-building group whose weekly online café carries an appreciation round, and the
board-game lunch with its activity. Made through the services where they allow it (planning
needs a facilitator with two-factor, so the demo links are rows). Safe to run again."""

from django.utils import timezone

from accounts.models import User
from activities.models import Activity, SessionActivity
from groups import services as group_services
from groups.demo import HISTORY, _ensure_member
from groups.models import Group, Membership
from groups.rules import DEFAULT_RULES
from sessions import recurrence as rec
from sessions.demo import _going, _next_weekday_at, _upcoming
from sessions.models import Session

SLUG = "team-cafe"
MEMBERS = ["employee@example.com", "employee2@example.com", *(
    f"colleague{n}@example.com" for n in range(1, 7))]


def _plan(session: Session, slug: str, by: User) -> None:
    activity = Activity.objects.filter(slug=slug).first()
    if activity is not None:
        SessionActivity.objects.get_or_create(session=session, activity=activity,
                                              defaults={"added_by": by})


def seed(people: dict[str, User]) -> None:
    facilitator = people["facilitator@example.com"]
    group = Group.objects.filter(slug=SLUG).first()
    if group is None:
        group = group_services.group_create(
            creator=facilitator, slug=SLUG, name="Team Café",
            purpose="Half an hour a week to get to know the people behind the tickets: a short "
                    "activity, a cup of something warm, and a thank-you or two.",
            category=Group.Category.TEAM_BUILDING, visibility=Group.Visibility.OPEN,
            rules=[dict(r) for r in DEFAULT_RULES], time_zone=facilitator.time_zone)
    for email in MEMBERS:
        _ensure_member(group, people[email])
    since = timezone.now() - HISTORY
    Group.objects.filter(pk=group.pk, created_at__gt=since).update(created_at=since)
    Membership.objects.filter(group=group, joined_at__gt=since).update(joined_at=since)
    cafe = _upcoming(
        group, facilitator, title="Friday Team Café", kind=Session.Kind.TEAM_BUILDING,
        starts_at=_next_weekday_at(4, 15, group.time_zone), minutes=30,
        fmt=Session.Format.ONLINE, capacity=10,
        description="We start with an appreciation round, then just talk. Cameras optional: "
                    "it all happens in the live chat.",
        recurrence=rec.Recurrence(frequency=rec.Frequency.WEEKLY, count=4))
    for session in cafe:
        _plan(session, "appreciation-round", facilitator)
        _plan(session, "one-word-check-out", facilitator)
    if cafe and cafe[0].starts_at > timezone.now():
        _going(cafe[0], [people[email] for email in MEMBERS[:5]])
    for lunch in Session.objects.filter(title="Board-game lunch",
                                        kind=Session.Kind.TEAM_BUILDING):
        _plan(lunch, "cooperative-games", facilitator)
