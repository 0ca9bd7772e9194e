"""A realistic demo organisation for the HR dashboard: a few hundred people across departments
with ten weeks of groups, sessions, attendance, check-outs, recognition and chat flags.

With only the sixteen named demo accounts nearly every figure would be "fewer than 5"; with
this history the dashboard shows real figures under the default minimum group size of 5.

Fast: rows are written with `bulk_create` (a few thousand rows in a handful of statements), the
password is hashed once for everybody, and the random choices come from a fixed seed so two
runs make the same organisation. Idempotent: people are looked up by email and a history group
by its slug; a group that already exists keeps its history untouched.

The named demo accounts (employee@, facilitator@, hr@, ...) are left as accounts/demo.py and
the other apps' demo modules make them; this module only adds people around them.
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass

from allauth.account.models import EmailAddress
from django.contrib.auth.hashers import make_password
from django.utils import timezone

from accounts.demo import DEMO_PASSWORD
from accounts.models import Department, User
from groups.models import Group, Membership, RuleAcceptance
from groups.rules import DEFAULT_RULES
from groups.services import group_create

CROWD_SIZE = 300
WEEKS = 10
SEED = 17  # the same organisation on every run

# Departments and their relative sizes. The first five are the named demo accounts' own.
DEPARTMENT_WEIGHTS = {"Engineering": 7, "Customer Care": 6, "Sales": 5, "Finance": 3,
                      "People & Culture": 2, "Operations": 4}

FIRST_NAMES = ["Aisha", "Ben", "Carmen", "Dev", "Elif", "Femi", "Grace", "Hiro", "Ines",
               "Jonas", "Kemi", "Liam", "Maya", "Nikos", "Olga", "Pavel", "Quinn", "Rosa",
               "Sanjay", "Tess", "Umar", "Vera", "Wen", "Ximena", "Yusuf", "Zoe"]
LAST_NAMES = ["Adeyemi", "Berg", "Costa", "Dubois", "Evans", "Fischer", "Garcia", "Haddad",
              "Ito", "Jensen", "Kowalski", "Lopez", "Murphy", "Nakamura", "Okafor", "Petrov"]
TIME_ZONES = ["Europe/London", "Europe/Berlin", "America/New_York", "Europe/Madrid",
              "Asia/Kolkata", "America/Chicago"]

# (slug, name, category, visibility, sensitive, weekday, hour, purpose)
HISTORY_GROUPS = [
    ("engineering-peer-circle", "Engineering Peer Circle", "peer_circle", "open", False, 1, 16,
     "A weekly half hour for engineers to talk about deadlines, on-call nights and the "
     "meetings that went sideways, with people who get it."),
    ("customer-care-decompress", "Customer Care Decompress", "peer_circle", "open", False, 4,
     15, "After a week of hard calls: a calm room to put them down together before the "
         "weekend."),
    ("new-starters-circle", "New Starters Circle", "peer_circle", "open", False, 2, 12,
     "Your first months here: questions you feel you should not ask, and colleagues who "
     "asked them last year."),
    ("parents-at-work", "Parents at Work", "affinity", "request", False, 3, 12,
     "Parents and carers sharing what helps with school runs, sick days and guilt."),
    ("pride-network", "Pride Network", "affinity", "request", False, 2, 17,
     "LGBTQ+ colleagues and allies: support, visibility and a say in what changes."),
    ("neurodiversity-at-work", "Neurodiversity at Work", "affinity", "open", False, 0, 13,
     "For neurodivergent colleagues and anyone curious: what works, what does not, and "
     "adjustments worth asking for."),
    ("difficult-conversations", "Difficult Conversations Practice", "skills", "open", False, 3,
     10, "Practise saying the hard thing kindly, in pairs and small rounds, with a facilitator."),
    ("upstander-training", "From Bystander to Upstander", "skills", "open", False, 1, 11,
     "What to do when you see someone treated badly: short, practical exercises."),
    ("friday-team-games", "Friday Team Games", "team_building", "open", False, 4, 16,
     "Cooperative games at the end of the week. Nobody loses; everybody laughs."),
    ("returning-after-leave", "Returning After Leave", "peer_circle", "private", True, 2, 18,
     "A confidential circle for colleagues coming back after sickness, bereavement or "
     "parental leave. Pseudonyms welcome."),
]

RECOGNITION_MESSAGES = [
    "Thank you for staying on after the call to check I was alright. It made a hard day "
    "lighter.",
    "You explained the new process so patiently, twice, without making anyone feel slow.",
    "You noticed the quiet people in the meeting and asked what they thought. That matters.",
    "Thanks for covering my shift at short notice so I could be with my family.",
    "You gave honest feedback kindly, and the project is better for it.",
    "You made our new colleague feel part of the team from the first morning.",
    "Thank you for speaking up when the joke went too far. It was brave and calm.",
    "You listened to the whole story before suggesting anything. I felt heard.",
]
CHAT_LINES = ["Honestly, whoever set that deadline doesn't care about any of us.",
              "You should just tell your manager to back off.",
              "That's not what happened and you know it.",
              "Everyone in that team is useless, frankly."]


@dataclass
class Crowd:
    people: list[User]
    facilitators: list[User]


def seed(people: dict[str, User]) -> None:
    rng = random.Random(SEED)
    crowd = _crowd()
    now = timezone.now()
    for spec in HISTORY_GROUPS:
        if Group.objects.filter(slug=spec[0]).exists():
            continue
        _history(spec, crowd, rng, now)
    # The dashboard reads rollups: build them now, so HR sees the history at once.
    from dashboards.tasks import materialise_daily_aggregates

    materialise_daily_aggregates()


def _crowd() -> Crowd:
    """The CROWD_SIZE people (and the four of them who facilitate), created once."""
    departments = {name: Department.objects.get_or_create(name=name)[0]
                   for name in DEPARTMENT_WEIGHTS}
    spread = [name for name, weight in DEPARTMENT_WEIGHTS.items() for _ in range(weight)]
    emails = [f"staff{n:03d}@example.com" for n in range(1, CROWD_SIZE + 1)]
    existing = set(User.objects.filter(email__in=emails).values_list("email", flat=True))
    if len(existing) < len(emails):
        password = make_password(DEMO_PASSWORD)  # hashed once: hundreds of hashes take minutes
        new = []
        for n, email in enumerate(emails, start=1):
            if email in existing:
                continue
            first = FIRST_NAMES[n % len(FIRST_NAMES)]
            last = LAST_NAMES[(n * 7) % len(LAST_NAMES)]
            new.append(User(email=email, display_name=f"{first} {last}", password=password,
                            department=departments[spread[n % len(spread)]],
                            time_zone=TIME_ZONES[n % len(TIME_ZONES)],
                            is_facilitator=n <= 4))
        User.objects.bulk_create(new, batch_size=500)
        created = User.objects.filter(email__in=[u.email for u in new])
        EmailAddress.objects.bulk_create(
            [EmailAddress(user=u, email=u.email, verified=True, primary=True) for u in created],
            batch_size=500, ignore_conflicts=True)
    everyone = list(User.objects.filter(email__in=emails).order_by("email"))
    return Crowd(people=everyone, facilitators=[u for u in everyone if u.is_facilitator])


def _history(spec, crowd: Crowd, rng: random.Random, now: dt.datetime) -> None:
    from chat.models import Flag, Message
    from sessions.models import RSVP, Attendance, CheckoutAnswer, CheckoutReceipt, Session

    slug, name, category, visibility, sensitive, weekday, hour, purpose = spec
    facilitator = crowd.facilitators[HISTORY_GROUPS.index(spec) % len(crowd.facilitators)]
    start = now - dt.timedelta(weeks=WEEKS + 2)
    group = group_create(creator=facilitator, slug=slug, name=name, purpose=purpose,
                         category=category, visibility=visibility,
                         rules=[dict(rule) for rule in DEFAULT_RULES], is_sensitive=sensitive,
                         allow_pseudonyms=sensitive, time_zone=facilitator.time_zone)
    Group.objects.filter(pk=group.pk).update(created_at=start)
    Membership.objects.filter(group=group).update(joined_at=start)

    # Members: a share of the organisation, joining over the weeks; a few leave again.
    others = [p for p in crowd.people if p.pk != facilitator.pk]
    size = rng.randint(24, 60) if not sensitive else 14
    chosen = rng.sample(others, size)
    memberships = []
    for i, person in enumerate(chosen):
        joined = start + dt.timedelta(days=rng.randint(0, 7 * WEEKS - 7), hours=rng.randint(8, 18))
        left = None
        if rng.random() < 0.08:
            left = joined + dt.timedelta(days=rng.randint(7, 35))
            left = left if left < now else None
        memberships.append(Membership(
            group=group, user=person, role=Membership.Role.MEMBER,
            status=Membership.Status.LEFT if left else Membership.Status.ACTIVE,
            pseudonym=f"{rng.choice(['Willow', 'Cedar', 'Harbour', 'Meadow', 'Lark'])} {i + 1}"
            if sensitive else "",
            accepted_rules_version=group.rules_version, joined_at=joined, left_at=left))
    Membership.objects.bulk_create(memberships)
    RuleAcceptance.objects.bulk_create([RuleAcceptance(group=group, user=m.user, version=1)
                                        for m in memberships])

    # A session every week of the history, at the group's usual time; one in ten cancelled.
    sessions = []
    for week in range(WEEKS, 0, -1):
        day = (now - dt.timedelta(weeks=week)).date()
        day += dt.timedelta(days=(weekday - day.weekday()) % 7)
        starts = dt.datetime.combine(day, dt.time(hour, 0), tzinfo=dt.UTC)
        if starts >= now - dt.timedelta(hours=2):
            continue
        cancelled = rng.random() < 0.1
        sessions.append(Session(
            group=group, title=f"{name}: {starts:%d %B}", kind=_kind(category),
            description=purpose, starts_at=starts, ends_at=starts + dt.timedelta(minutes=60),
            time_zone=group.time_zone, format=Session.Format.ONLINE, capacity=None,
            status=Session.Status.CANCELLED if cancelled else Session.Status.SCHEDULED,
            facilitator_joined_at=None if cancelled else starts - dt.timedelta(minutes=5),
            created_by=facilitator, cancel_note="The facilitator is unwell; see you next week."
            if cancelled else ""))
    Session.objects.bulk_create(sessions)
    Session.facilitators.through.objects.bulk_create(
        [Session.facilitators.through(session=s, user=facilitator) for s in sessions])

    rsvps, attendance, answers, receipts, messages = [], [], [], [], []
    for session in sessions:
        present = [m.user for m in memberships if m.joined_at < session.starts_at
                   and (m.left_at is None or m.left_at > session.starts_at)]
        going = [p for p in present if rng.random() < 0.55]
        rsvps += [RSVP(session=session, user=p, status=RSVP.Status.GOING) for p in going]
        if session.status == Session.Status.CANCELLED:
            continue
        came = [p for p in going if rng.random() < 0.8]
        came += [p for p in present if p not in going and rng.random() < 0.05]
        attendance += [Attendance(session=session, user=p, source=Attendance.Source.CHAT)
                       for p in came]
        day = dt.datetime.combine(session.starts_at.date(), dt.time(0), tzinfo=dt.UTC)
        for person in came:
            if rng.random() < 0.6:
                receipts.append(CheckoutReceipt(session=session, user=person))
                answers.append(CheckoutAnswer(session=session, created_at=day,
                                              score=rng.choice([3, 4, 4, 5, 5, 5])))
        if len(came) >= 2 and rng.random() < 0.35:
            author = rng.choice(came)
            messages.append(Message(session=session, author=author,
                                    body=rng.choice(CHAT_LINES),
                                    client_id=f"history-{session.starts_at:%Y%m%d}",
                                    created_at=session.starts_at + dt.timedelta(minutes=20)))
    RSVP.objects.bulk_create(rsvps, batch_size=1000)
    Attendance.objects.bulk_create(attendance, batch_size=1000)
    CheckoutAnswer.objects.bulk_create(answers, batch_size=1000)
    CheckoutReceipt.objects.bulk_create(receipts, batch_size=1000)
    Message.objects.bulk_create(messages)
    flags = []
    attended = {}
    for row in attendance:
        attended.setdefault(row.session_id, []).append(row.user)
    rule_keys = [rule["key"] for rule in DEFAULT_RULES]
    for message in messages:
        reporters = [p for p in attended.get(message.session_id, []) if p.pk != message.author_id]
        for reporter in rng.sample(reporters, min(len(reporters), rng.randint(1, 2))):
            resolved = rng.random() < 0.7
            flags.append(Flag(message=message, reporter=reporter, rule_key=rng.choice(rule_keys),
                              status=rng.choice([Flag.Status.ACTIONED, Flag.Status.DISMISSED])
                              if resolved else Flag.Status.OPEN,
                              resolved_at=message.created_at + dt.timedelta(hours=2)
                              if resolved else None,
                              resolved_by=facilitator if resolved else None))
    Flag.objects.bulk_create(flags)
    for flag in flags:
        flag.created_at = flag.message.created_at + dt.timedelta(minutes=1)
    Flag.objects.bulk_update(flags, ["created_at"])
    _recognitions(group, chosen, rng, start, now)


def _kind(category: str) -> str:
    from sessions.models import Session

    return {"skills": Session.Kind.LISTENING_TRAINING,
            "team_building": Session.Kind.TEAM_BUILDING}.get(category, Session.Kind.PEER_CIRCLE)


def _recognitions(group: Group, members: list[User], rng: random.Random, start: dt.datetime,
                  now: dt.datetime) -> None:
    """Recognitions between the group's members, spread over the weeks (public, private and
    in the group), with the values they name."""
    from recognition.models import Recognition, RecognitionRecipient, Value

    values = list(Value.objects.filter(is_active=True))
    if not values or len(members) < 3:
        return
    made = []
    for _ in range(len(members) // 2):
        giver = rng.choice(members)
        recipients = rng.sample([m for m in members if m.pk != giver.pk], rng.choice([1, 1, 1, 2]))
        visibility = rng.choice(["public", "public", "private", "group"])
        recognition = Recognition(giver=giver, message=rng.choice(RECOGNITION_MESSAGES),
                                  visibility=visibility,
                                  group=group if visibility == "group" else None)
        recognition.created_at = start + dt.timedelta(
            seconds=rng.randint(7 * 86400, int((now - start).total_seconds()) - 3600))
        made.append((recognition, recipients, rng.sample(values, rng.choice([1, 1, 2]))))
    wanted = [r.created_at for r, _, _ in made]
    Recognition.objects.bulk_create([r for r, _, _ in made])
    # bulk_create stamps auto_now_add fields with now: put each back on its own day.
    for (recognition, _, _), moment in zip(made, wanted, strict=True):
        recognition.created_at = moment
    Recognition.objects.bulk_update([r for r, _, _ in made], ["created_at"])
    RecognitionRecipient.objects.bulk_create([
        RecognitionRecipient(recognition=r, recipient=p,
                             notification=RecognitionRecipient.Notification.SKIPPED)
        for r, recipients, _ in made for p in recipients])
    Recognition.values.through.objects.bulk_create([
        Recognition.values.through(recognition=r, value=v)
        for r, _, chosen in made for v in chosen])

