"""Team-building activities: a library facilitators trust, run live in a session.

An activity is data (admin-edited; the library is seeded by a data migration). Facilitators
may write their own: shared with groups they facilitate, and visible to everyone once an admin
publishes it. Who may see or do what is decided in `activities.policies`.
"""

import uuid

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

MAX_STEP_MINUTES = 120
MAX_PEOPLE = 500


class Activity(models.Model):
    class Purpose(models.TextChoices):
        ICEBREAKER = "icebreaker", _("Break the ice")
        APPRECIATION = "appreciation", _("Appreciate each other")
        PROBLEM_SOLVING = "problem_solving", _("Solve a problem together")
        STORIES = "stories", _("Share stories")
        VALUES = "values", _("Values and strengths")
        CLOSING = "closing", _("Reflect and close")
        IN_PERSON = "in_person", _("Time together in person")

    class Format(models.TextChoices):
        REMOTE = "remote", _("Remote")
        IN_PERSON = "in_person", _("In person")
        BOTH = "both", _("Remote or in person")

    slug = models.SlugField(max_length=80, unique=True)
    title = models.CharField(_("title"), max_length=100)
    category = models.CharField(_("purpose"), max_length=20, choices=Purpose.choices)
    purpose = models.TextField(_("why run it"), max_length=600)
    format = models.CharField(_("format"), max_length=10, choices=Format.choices)
    min_people = models.PositiveSmallIntegerField(
        _("fewest people"), validators=[MinValueValidator(2), MaxValueValidator(MAX_PEOPLE)])
    max_people = models.PositiveSmallIntegerField(
        _("most people"), validators=[MinValueValidator(2), MaxValueValidator(MAX_PEOPLE)])
    # The sum of the steps' minutes (kept by activities.services and the data migration).
    duration_minutes = models.PositiveSmallIntegerField(_("minutes"), default=0)
    materials = models.TextField(_("materials"), max_length=600, blank=True,
                                 help_text=_("Empty: nothing is needed."))
    facilitator_tips = models.TextField(_("facilitator tips"), max_length=1500)
    accessibility_notes = models.TextField(_("accessibility and inclusion"), max_length=1500)
    # Keys of groups.rules (the default ground rules this activity leans on).
    ground_rules = models.JSONField(_("ground rules it leans on"), default=list, blank=True)
    # Library activities have no author; a facilitator's own are shared with `groups`.
    author = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                               on_delete=models.SET_NULL, related_name="+")
    groups = models.ManyToManyField("groups.Group", blank=True, related_name="+",
                                    help_text=_("Groups that may use it before it is "
                                                "published."))
    is_published = models.BooleanField(
        pgettext_lazy("an activity", "published"), default=False,
        help_text=_("Published activities are in everyone's library."))
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["title"]
        verbose_name = _("activity")
        verbose_name_plural = _("activities")
        constraints = [
            models.CheckConstraint(condition=models.Q(max_people__gte=models.F("min_people")),
                                   name="activity_people_range"),
        ]
        indexes = [models.Index(fields=["is_published", "format", "duration_minutes"])]

    def __str__(self) -> str:
        return self.title


class ActivityStep(models.Model):
    activity = models.ForeignKey(Activity, on_delete=models.CASCADE, related_name="steps")
    position = models.PositiveSmallIntegerField(default=0)
    title = models.CharField(_("step"), max_length=100)
    minutes = models.PositiveSmallIntegerField(
        _("minutes"), validators=[MinValueValidator(1), MaxValueValidator(MAX_STEP_MINUTES)])
    instructions = models.TextField(_("instructions"), max_length=1500)
    # A question members answer in the chat, as ordinary messages.
    prompt = models.CharField(_("prompt"), max_length=300, blank=True)
    # Answers to an appreciation step can be turned into recognitions by their authors.
    appreciation = models.BooleanField(_("appreciation step"), default=False)

    class Meta:
        ordering = ["activity", "position", "id"]

    def __str__(self) -> str:
        return self.title


class Favourite(models.Model):
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    activity = models.ForeignKey(Activity, on_delete=models.CASCADE, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["user", "activity"],
                                               name="activity_favourite_once")]


class SessionActivity(models.Model):
    """An activity a facilitator planned for a session (the session page, its calendar entry
    and its reminders show it; the live chat can run it)."""

    session = models.ForeignKey("peer_sessions.Session", on_delete=models.CASCADE,
                                related_name="planned_activities")
    activity = models.ForeignKey(Activity, on_delete=models.CASCADE, related_name="+")
    position = models.PositiveSmallIntegerField(default=0)
    added_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL,
                                 related_name="+")
    added_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["session", "position", "id"]
        constraints = [models.UniqueConstraint(fields=["session", "activity"],
                                               name="session_activity_once")]


class ActivityRun(models.Model):
    """An activity being run (or run) in a session. The room's record of it: a client that
    reconnects reads the current step and its countdown from here.

    `steps` is the activity's steps as they were when it started (an edit meanwhile never
    changes a run under people's eyes). `windows`: when each appreciation step was current.
    """

    class Status(models.TextChoices):
        RUNNING = "running", _("Running")
        PAUSED = "paused", _("Paused")
        ENDED = "ended", _("Ended")

    session = models.ForeignKey("peer_sessions.Session", on_delete=models.CASCADE,
                                related_name="+")
    activity = models.ForeignKey(Activity, on_delete=models.CASCADE, related_name="+")
    category = models.CharField(max_length=20, choices=Activity.Purpose.choices)
    title = models.CharField(max_length=100)
    steps = models.JSONField(default=list)
    windows = models.JSONField(default=list)
    status = models.CharField(max_length=8, choices=Status.choices, default=Status.RUNNING)
    step_index = models.PositiveSmallIntegerField(default=0)
    # Running: when the current step's time is up. Paused: the seconds that were left.
    step_ends_at = models.DateTimeField(null=True, blank=True)
    paused_remaining = models.PositiveIntegerField(null=True, blank=True)
    started_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True,
                                   on_delete=models.SET_NULL, related_name="+")
    started_at = models.DateTimeField()
    ended_at = models.DateTimeField(null=True, blank=True)
    # Bumped on every change: clients ignore a frame older than the one they show.
    version = models.PositiveIntegerField(default=1)

    class Meta:
        ordering = ["-started_at", "-id"]
        constraints = [
            models.UniqueConstraint(fields=["session"], condition=models.Q(ended_at=None),
                                    name="activity_run_one_at_a_time"),
        ]
        indexes = [models.Index(fields=["session", "ended_at"]),
                   models.Index(fields=["started_at"])]


class RatingReceipt(models.Model):
    """That a person rated a run (so they rate once); says nothing about what they said."""

    run = models.ForeignKey(ActivityRun, on_delete=models.CASCADE, related_name="+")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")

    class Meta:
        constraints = [models.UniqueConstraint(fields=["run", "user"],
                                               name="activity_rating_once")]


class Rating(models.Model):
    """A private rating: no person, a random key (no insertion order) and the day only."""

    class Answer(models.TextChoices):
        HELPFUL = "helpful", _("Helpful")
        NOT_FOR_ME = "not_for_me", _("Not for me")

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    run = models.ForeignKey(ActivityRun, on_delete=models.CASCADE, related_name="+")
    activity = models.ForeignKey(Activity, on_delete=models.CASCADE, related_name="+")
    answer = models.CharField(max_length=10, choices=Answer.choices)
    created_on = models.DateField()


class AnswerRecognition(models.Model):
    """A chat answer its author turned into a recognition (once per message)."""

    message = models.OneToOneField("chat.Message", on_delete=models.CASCADE, related_name="+")
    recognition = models.ForeignKey("recognition.Recognition", on_delete=models.CASCADE,
                                    related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
