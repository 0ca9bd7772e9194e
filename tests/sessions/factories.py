"""Groups and memberships for session tests (rows made directly: the groups app owns the
services; these tests are about sessions)."""

import datetime as dt

import factory
from django.utils import timezone

from groups.models import GroundRuleVersion, Group, Membership
from groups.rules import DEFAULT_RULES
from sessions import services
from sessions.models import Session

RULES_V1 = [dict(rule) for rule in DEFAULT_RULES[:3]]


class GroupFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Group
        skip_postgeneration_save = True

    name = factory.Sequence(lambda n: f"Circle {n}")
    slug = factory.Sequence(lambda n: f"circle-{n}")
    purpose = "Talking about work, under ground rules."
    category = Group.Category.PEER_CIRCLE
    visibility = Group.Visibility.OPEN
    time_zone = "Europe/Berlin"
    rules_version = 1

    @factory.post_generation
    def rules(obj, create, extracted, **kwargs):
        if create:
            GroundRuleVersion.objects.create(group=obj, number=1,
                                             rules=extracted or RULES_V1)


def join(group: Group, user, *, role: str = Membership.Role.MEMBER,
         pseudonym: str = "") -> Membership:
    return Membership.objects.create(group=group, user=user, role=role, pseudonym=pseudonym,
                                     accepted_rules_version=group.rules_version,
                                     joined_at=timezone.now())


def rules_version_add(group: Group, rules: list[dict]) -> None:
    number = group.rules_version + 1
    GroundRuleVersion.objects.create(group=group, number=number, rules=rules)
    group.rules_version = number
    group.save(update_fields=["rules_version"])


def schedule(group: Group, by, *, starts_in: dt.timedelta = dt.timedelta(days=3),
             minutes: int = 60, **fields) -> Session:
    """One session through the scheduling service (its facilitator: `by`)."""
    starts_at = timezone.now().replace(second=0, microsecond=0) + starts_in
    details = services.SessionDetails(
        title=fields.pop("title", "Peer circle"), kind=fields.pop("kind", Session.Kind.PEER_CIRCLE),
        starts_at=starts_at, ends_at=starts_at + dt.timedelta(minutes=minutes),
        facilitators=[by], **fields,
    )
    return services.session_schedule(group=group, by=by, details=details)[0]


def move_to_past(session: Session, *, started_ago: dt.timedelta = dt.timedelta(hours=2),
                 minutes: int = 60) -> Session:
    """Tests of what happens after a session: shift it back in time (services refuse that)."""
    starts_at = timezone.now() - started_ago
    Session.objects.filter(pk=session.pk).update(
        starts_at=starts_at, ends_at=starts_at + dt.timedelta(minutes=minutes))
    session.refresh_from_db()
    return session
