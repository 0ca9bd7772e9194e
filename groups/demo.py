"""Demo groups, one per joining policy, made through the services. Safe to run again."""

import datetime as dt

from django.utils import timezone

from accounts.models import User
from groups import services
from groups.models import Group, GroupResource, Invitation, JoinRequest, Membership
from groups.rules import DEFAULT_RULES, custom_rule

HISTORY = dt.timedelta(weeks=8)

GROUPS = [
    {"slug": "monday-peer-circle", "name": "Monday Peer Circle",
     "category": Group.Category.PEER_CIRCLE, "visibility": Group.Visibility.OPEN,
     "purpose": "A weekly circle to talk about what happened at work, good and hard, and to be "
                "heard. Everyone is welcome; no experience needed.",
     "members": ["employee@example.com", "employee2@example.com", "colleague1@example.com",
                 "colleague2@example.com", "colleague3@example.com", "colleague4@example.com",
                 "colleague5@example.com"]},
    {"slug": "women-in-engineering", "name": "Women in Engineering",
     "category": Group.Category.AFFINITY, "visibility": Group.Visibility.REQUEST,
     "purpose": "An employee resource group for women and non-binary colleagues in engineering: "
                "mentoring, shared experience and a place to raise what needs changing.",
     "members": ["colleague6@example.com", "colleague7@example.com", "colleague8@example.com"],
     "requests": ["employee2@example.com"]},
    {"slug": "after-a-difficult-experience", "name": "After a Difficult Experience",
     "category": Group.Category.PEER_CIRCLE, "visibility": Group.Visibility.PRIVATE,
     "is_sensitive": True, "allow_pseudonyms": True, "capacity": 10,
     "purpose": "A small, confidential circle for colleagues who have lived through bullying or "
                "harassment at work. Take part under a pseudonym if you prefer.",
     "members": ["colleague9@example.com", "colleague10@example.com"],
     "pseudonyms": {"colleague9@example.com": "Willow", "colleague10@example.com": "River"},
     "extra_rule": "Nothing said here is ever used in a formal process without your consent."},
    {"slug": "active-listening-practice", "name": "Active Listening Practice",
     "category": Group.Category.SKILLS, "visibility": Group.Visibility.OPEN, "capacity": 12,
     "purpose": "Practise listening with empathy: short exercises in pairs, then reflection "
                "together. Useful for anyone who supports colleagues.",
     "members": ["employee@example.com", "colleague11@example.com", "colleague12@example.com"],
     "resource": ("Active-listening guide",
                  "1. **Listen** to understand, not to reply.\n2. Reflect back what you heard.\n"
                  "3. Ask open questions: *How was that for you?*")},
]


def _ensure_member(group: Group, user: User, pseudonym: str = "") -> None:
    if Membership.objects.filter(group=group, user=user,
                                 status=Membership.Status.ACTIVE).exists():
        return
    if group.visibility == Group.Visibility.OPEN:
        services.membership_join(group=group, user=user, accepted_version=group.rules_version,
                                 pseudonym=pseudonym)
    elif group.visibility == Group.Visibility.PRIVATE:
        invitation = Invitation.objects.filter(group=group, revoked_at__isnull=True).first()
        services.membership_join(group=group, user=user, accepted_version=group.rules_version,
                                 pseudonym=pseudonym, invitation=invitation)
    else:
        join_request = services.join_request_create(
            group=group, user=user, accepted_version=group.rules_version, pseudonym=pseudonym)
        services.join_request_approve(join_request=join_request, by=group.created_by)


def seed(people: dict[str, User]) -> None:
    facilitator = people["facilitator@example.com"]
    for spec in GROUPS:
        group = Group.objects.filter(slug=spec["slug"]).first()
        if group is None:
            rules = [dict(r) for r in DEFAULT_RULES]
            if spec.get("extra_rule"):
                rules.append(custom_rule(spec["extra_rule"]))
            group = services.group_create(
                creator=facilitator, slug=spec["slug"], name=spec["name"],
                purpose=spec["purpose"], category=spec["category"],
                visibility=spec["visibility"], rules=rules, capacity=spec.get("capacity"),
                is_sensitive=spec.get("is_sensitive", False),
                allow_pseudonyms=spec.get("allow_pseudonyms", False),
                time_zone=facilitator.time_zone)
        if group.visibility == Group.Visibility.PRIVATE and not Invitation.objects.filter(
                group=group).exists():
            services.invitation_create(group=group, by=facilitator, days_valid=30,
                                       note="Demo link")
        for email in spec["members"]:
            _ensure_member(group, people[email], spec.get("pseudonyms", {}).get(email, ""))
        for email in spec.get("requests", []):
            user = people[email]
            if not JoinRequest.objects.filter(group=group, user=user).exists() and not \
                    Membership.objects.filter(group=group, user=user).exists():
                services.join_request_create(group=group, user=user,
                                             accepted_version=group.rules_version,
                                             message="I'd like to join the mentoring circle.")
        if spec.get("resource") and not GroupResource.objects.filter(group=group).exists():
            title, body = spec["resource"]
            services.resource_add(group=group, by=facilitator, title=title, body=body)
    _give_a_history(people)


def _give_a_history(people: dict[str, User]) -> None:
    """The demo groups and their demo members go back HISTORY, before the past sessions that
    sessions.demo adds (up to two weeks back): otherwise people would have attended sessions
    of groups they joined only today, and the HR dashboard's figures would not hang together."""
    since = timezone.now() - HISTORY
    groups = Group.objects.filter(slug__in=[spec["slug"] for spec in GROUPS])
    groups.filter(created_at__gt=since).update(created_at=since)
    Membership.objects.filter(group__in=groups, user__in=list(people.values()),
                              joined_at__gt=since).update(joined_at=since)
