import uuid

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from groups.models import Group


class SessionSeries(models.Model):
    """A recurrence (dateutil rrule) that generated a run of sessions."""

    group = models.ForeignKey(Group, on_delete=models.CASCADE, related_name="session_series")
    rrule = models.TextField(help_text=_("RFC 5545 RRULE, e.g. FREQ=WEEKLY;COUNT=6"))
    time_zone = models.CharField(max_length=64)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True,
                                   on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)


class Session(models.Model):
    class Kind(models.TextChoices):
        PEER_CIRCLE = "peer_circle", _("Peer support circle")
        LISTENING_TRAINING = "listening_training", _("Active-listening & empathy training")
        TEAM_BUILDING = "team_building", _("Team-building activity")
        OPEN_DIALOGUE = "open_dialogue", _("Open dialogue")
        # Live practice in triads in the chat (training.realtime).
        LISTENING_PRACTICE = "listening_practice", _("Listening practice")

    class Format(models.TextChoices):
        ONLINE = "online", _("Online (live chat)")
        IN_PERSON = "in_person", _("In person")

    class Status(models.TextChoices):
        SCHEDULED = "scheduled", _("Scheduled")
        CANCELLED = "cancelled", _("Cancelled")
        CLOSED = "closed", _("Closed (no facilitator came)")

    group = models.ForeignKey(Group, on_delete=models.CASCADE, related_name="sessions")
    series = models.ForeignKey(SessionSeries, null=True, blank=True, on_delete=models.SET_NULL,
                               related_name="sessions")
    title = models.CharField(max_length=140)
    kind = models.CharField(max_length=24, choices=Kind.choices, default=Kind.PEER_CIRCLE)
    description = models.TextField(max_length=4000, blank=True)
    starts_at = models.DateTimeField()
    ends_at = models.DateTimeField()
    time_zone = models.CharField(max_length=64, default="UTC",
                                 help_text=_("The zone the session was planned in."))
    format = models.CharField(max_length=10, choices=Format.choices, default=Format.ONLINE)
    location = models.CharField(max_length=200, blank=True)
    capacity = models.PositiveIntegerField(null=True, blank=True)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.SCHEDULED)
    # Session-specific additions to the group's ground rules, posted by the facilitator.
    extra_rules = models.JSONField(default=list, blank=True)
    facilitators = models.ManyToManyField(settings.AUTH_USER_MODEL, blank=True,
                                          related_name="facilitated_sessions")
    # Live chat room state (moderated by the group's facilitators).
    facilitator_joined_at = models.DateTimeField(null=True, blank=True)
    chat_locked = models.BooleanField(default=False)
    slow_mode_seconds = models.PositiveIntegerField(default=0)
    talking_piece = models.BooleanField(default=False,
                                        help_text=_("Circle mode: one voice at a time."))
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True,
                                   on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    # Bumped on every time change or cancellation: reminders and calendar SEQUENCE follow it.
    schedule_version = models.PositiveIntegerField(default=1)
    cancel_note = models.CharField(max_length=500, blank=True)

    class Meta:
        ordering = ["starts_at"]
        indexes = [models.Index(fields=["group", "starts_at"]),
                   models.Index(fields=["status", "starts_at"])]
        constraints = [models.CheckConstraint(condition=models.Q(ends_at__gt=models.F("starts_at")),
                                              name="session_ends_after_start")]

    def __str__(self) -> str:
        return self.title

    @property
    def is_online(self) -> bool:
        return self.format == self.Format.ONLINE

    @property
    def is_cancelled(self) -> bool:
        return self.status == self.Status.CANCELLED


class RSVP(models.Model):
    class Status(models.TextChoices):
        GOING = "going", _("Going")
        WAITLISTED = "waitlisted", _("On the waitlist")
        NOT_GOING = "not_going", _("Not going")

    session = models.ForeignKey(Session, on_delete=models.CASCADE, related_name="rsvps")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE,
                             related_name="rsvps")
    status = models.CharField(max_length=12, choices=Status.choices)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["session", "user"], name="rsvp_once")]
        indexes = [models.Index(fields=["session", "status", "updated_at"])]


class Attendance(models.Model):
    class Source(models.TextChoices):
        CHAT = "chat", _("Joined the live chat")
        FACILITATOR = "facilitator", _("Marked by a facilitator")

    session = models.ForeignKey(Session, on_delete=models.CASCADE, related_name="attendance")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE,
                             related_name="attendance")
    source = models.CharField(max_length=12, choices=Source.choices)
    recorded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["session", "user"],
                                               name="attendance_once")]


class SessionRulesAcceptance(models.Model):
    """A member accepted the rules posted for this session (once per session)."""

    session = models.ForeignKey(Session, on_delete=models.CASCADE, related_name="acceptances")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    rules = models.JSONField(help_text=_("The exact rules shown when they accepted."))
    accepted_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["session", "user"],
                                               name="session_rules_accepted_once")]


class Notice(models.Model):
    """An email owed to one person about one session, due at `due_at`.

    Due-times live here and a periodic task sends them (no far-future ETA tasks). A row is claimed
    with a conditional update before sending, so a task run twice sends nothing twice; the claim
    is a lease (`claimed_at` + NOTICE_CLAIM_LEASE), after which a dead worker's row is sent by the
    next dispatch (sessions/services/notices.py).
    """

    class Kind(models.TextChoices):
        REMINDER_24H = "reminder_24h", _("Reminder a day before")
        REMINDER_1H = "reminder_1h", _("Reminder an hour before")
        CANCELLED = "cancelled", _("Session cancelled")
        RESCHEDULED = "rescheduled", _("Session time changed")
        PROMOTED = "promoted", _("A seat came free")
        CLOSED = "closed", _("Closed: no facilitator came")

    session = models.ForeignKey(Session, on_delete=models.CASCADE, related_name="notices")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE,
                             related_name="+")
    kind = models.CharField(max_length=16, choices=Kind.choices)
    # Reminders: the session's schedule_version; promotions: a running number per person.
    revision = models.PositiveIntegerField(default=1)
    due_at = models.DateTimeField()
    claimed_at = models.DateTimeField(null=True, blank=True)
    sent_at = models.DateTimeField(null=True, blank=True)
    skipped_reason = models.CharField(max_length=60, blank=True)
    attempts = models.PositiveSmallIntegerField(default=0)
    created_at = models.DateTimeField(auto_now_add=True)
    # Cancellations and new times: how many dates of the series the change covers (1: only this
    # date; more: this date and the later ones), and the time it had before a move, so the email
    # says exactly what changed.
    covers_dates = models.PositiveSmallIntegerField(default=1)
    previous_starts_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["session", "user", "kind", "revision"],
                                               name="session_notice_once")]
        indexes = [models.Index(fields=["sent_at", "due_at"])]

    def __str__(self) -> str:
        return f"{self.kind} for {self.user_id} about session {self.session_id}"


class CalendarFeed(models.Model):
    """A person's private calendar feed: a secret token in the URL, and their discreet choice."""

    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE,
                                related_name="calendar_feed")
    # None once revoked; a reset replaces it, so old URLs stop working at once.
    token = models.CharField(max_length=64, unique=True, null=True, blank=True)
    discreet = models.BooleanField(
        default=False,
        help_text=_("Neutral titles for every session in my calendar and reminder emails."),
    )
    updated_at = models.DateTimeField(auto_now=True)


class CheckoutAnswer(models.Model):
    """An anonymous answer to "did this session feel safe and respectful?".

    Never linked to a person: no user field, a random primary key (no insertion order to match
    against receipts) and `created_at` kept to the day only.
    """

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    session = models.ForeignKey(Session, on_delete=models.CASCADE, related_name="checkout_answers")
    score = models.PositiveSmallIntegerField(validators=[MinValueValidator(1),
                                                         MaxValueValidator(5)])
    comment = models.TextField(max_length=1000, blank=True)
    created_at = models.DateTimeField(help_text=_("Midnight UTC of the day it was given."))

    class Meta:
        constraints = [models.CheckConstraint(condition=models.Q(score__gte=1, score__lte=5),
                                              name="session_checkout_score_1_to_5")]


class CheckoutReceipt(models.Model):
    """That a person has answered (so they answer once); says nothing about what they answered."""

    session = models.ForeignKey(Session, on_delete=models.CASCADE, related_name="+")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")

    class Meta:
        constraints = [models.UniqueConstraint(fields=["session", "user"],
                                               name="session_checkout_once")]


class MoodEntry(models.Model):
    """A private mood note (1-5). Only its owner ever sees it."""

    class Moment(models.TextChoices):
        BEFORE = "before", _("Before the session")
        AFTER = "after", _("After the session")

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE,
                             related_name="mood_entries")
    session = models.ForeignKey(Session, null=True, blank=True, on_delete=models.SET_NULL,
                                related_name="+")
    moment = models.CharField(max_length=6, choices=Moment.choices)
    score = models.PositiveSmallIntegerField(validators=[MinValueValidator(1),
                                                         MaxValueValidator(5)])
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["created_at"]
        constraints = [
            models.UniqueConstraint(fields=["user", "session", "moment"], name="session_mood_once",
                                    condition=models.Q(session__isnull=False)),
            models.CheckConstraint(condition=models.Q(score__gte=1, score__lte=5),
                                   name="session_mood_score_1_to_5"),
        ]
