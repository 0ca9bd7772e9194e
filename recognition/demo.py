"""Demo recognition between the demo people and colleagues. Safe to run again."""

from datetime import timedelta

from django.utils import timezone

from accounts.models import User
from groups.models import Group, Membership
from recognition import services
from recognition.defaults import DEFAULT_VALUES
from recognition.models import Reaction, Recognition, Reply, Value

# (giver, recipients, value slugs, message, visibility, days ago)
DEMO = [
    ("employee2@example.com", ["employee@example.com"], ["active-listening"],
     "Thank you for really listening in Tuesday's retro. You let everyone finish, asked what "
     "we needed, and the hard conversation went much better because of it.", "public", 1),
    ("facilitator@example.com", ["employee2@example.com", "colleague3@example.com"],
     ["support", "teamwork"],
     "You two covered the support queue together while half the team was out, and still "
     "checked in on the new starters. That is what looking after each other looks like.",
     "public", 2),
    ("employee@example.com", ["colleague1@example.com"], ["courage"],
     "You spoke up in the planning meeting when a joke went too far, calmly and kindly. "
     "It made it easier for the rest of us to do the same.", "public", 3),
    ("colleague2@example.com", ["employee@example.com"], ["empathy"],
     "Thanks for noticing I was struggling last week and just asking how I was. It meant a lot.",
     "private", 4),
    ("colleague4@example.com", ["colleague5@example.com"], ["inclusion"],
     "You made sure the remote folks had a real say in the workshop, not just the people in "
     "the room.", "public", 5),
    ("colleague6@example.com", ["facilitator@example.com"], ["support", "active-listening"],
     "The peer circle you run has become the calmest hour of my week. Thank you.", "public", 6),
    ("colleague1@example.com", ["employee2@example.com"], ["teamwork"],
     "Pairing with you on the migration was a pleasure: patient, clear, and generous with "
     "credit.", "public", 8),
    ("hr@example.com", ["colleague7@example.com"], ["inclusion", "empathy"],
     "Thank you for rewriting the onboarding guide in plain language; new colleagues "
     "tell us it made them feel welcome.", "public", 10),
]

REACTIONS = [  # (message index, reactor, kind)
    (0, "facilitator@example.com", Reaction.Kind.DESERVED),
    (0, "colleague1@example.com", Reaction.Kind.CELEBRATE),
    (1, "employee@example.com", Reaction.Kind.THANKS),
    (2, "employee2@example.com", Reaction.Kind.DESERVED),
    (5, "employee@example.com", Reaction.Kind.THANKS),
]
REPLIES = [(0, "employee@example.com", "Thank you, Alex. That made my day."),
           (2, "colleague1@example.com", "Thanks, Sam. We all should be able to.")]


def _give(people: dict[str, User], giver: str, recipients: list[str], slugs: list[str],
          message: str, visibility: str, days_ago: int, group: Group | None = None):
    existing = Recognition.objects.filter(giver=people[giver], message=message).first()
    if existing is not None:
        return existing
    recognition = services.recognition_give(
        giver=people[giver], recipients=[people[email] for email in recipients],
        values=list(Value.objects.filter(slug__in=slugs)), message=message,
        visibility=visibility, group=group, notify=False)
    # Spread over the last weeks so the feed reads like a real one.
    Recognition.objects.filter(pk=recognition.pk).update(
        created_at=timezone.now() - timedelta(days=days_ago, hours=3 * len(recipients)))
    return recognition


def _ensure_default_values() -> None:
    """The data migration seeds these; demo data must not depend on nobody having removed them."""
    for position, (name, slug, description) in enumerate(DEFAULT_VALUES):
        Value.objects.get_or_create(slug=slug, defaults={
            "name": name, "description": description, "position": position})


def seed(people: dict[str, User]) -> None:
    _ensure_default_values()
    recognitions = [_give(people, *row) for row in DEMO]
    for index, email, kind in REACTIONS:
        Reaction.objects.get_or_create(recognition=recognitions[index], user=people[email],
                                       kind=kind)
    for index, email, body in REPLIES:
        if not Reply.objects.filter(recognition=recognitions[index], author=people[email],
                                    body=body).exists():
            services.reply_post(recognition=recognitions[index], author=people[email], body=body)
    _seed_in_group(people)


def _seed_in_group(people: dict[str, User]) -> None:
    """One recognition within a demo group both demo employees are in (if groups made one)."""
    givers = [people["employee@example.com"], people["employee2@example.com"]]
    group = (Group.objects.filter(memberships__user=givers[0],
                                  memberships__status=Membership.Status.ACTIVE)
             .filter(memberships__user=givers[1], memberships__status=Membership.Status.ACTIVE)
             .order_by("pk").first())
    if group is None:
        return
    _give(people, "employee@example.com", ["employee2@example.com"], ["support"],
          "Thank you for sharing your story in our last session. It helped me say mine.",
          "group", 2, group=group)
