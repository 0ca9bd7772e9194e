"""The listening and empathy learning path: modules as data, and each learner's own progress.

A learner's progress, practice replies and answers are theirs alone (like mood check-ins):
no page shows them to anyone else; HR sees only aggregate completion per module, through the
dashboard's privacy rules.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Module(models.Model):
    slug = models.SlugField(max_length=80, unique=True)
    title = models.CharField(_("title"), max_length=120)
    summary = models.CharField(_("summary"), max_length=300)
    body = models.TextField(_("body"), help_text=_("Markdown. Raw HTML is shown as text."))
    position = models.PositiveIntegerField(default=0)
    minutes = models.PositiveIntegerField(_("minutes"), default=10,
                                          help_text=_("About how long it takes."))
    # Part of the facilitator path (and of its yearly refresher).
    for_facilitators = models.BooleanField(_("in the facilitator path"), default=True)
    is_published = models.BooleanField(_("published"), default=True)

    class Meta:
        ordering = ["position", "id"]

    def __str__(self) -> str:
        return self.title


class WorkedExample(models.Model):
    """A colleague's message, a weak reply and a strong reply, each explained."""

    module = models.ForeignKey(Module, on_delete=models.CASCADE, related_name="examples")
    position = models.PositiveIntegerField(default=0)
    colleague_message = models.TextField(_("a colleague says"))
    weak_reply = models.TextField(_("a weak reply"))
    weak_why = models.TextField(_("why it falls short"))
    strong_reply = models.TextField(_("a stronger reply"))
    strong_why = models.TextField(_("why it helps"))

    class Meta:
        ordering = ["module", "position", "id"]


class PracticeItem(models.Model):
    """A realistic message to reply to. A reply passes with a listening move and no pitfall."""

    module = models.ForeignKey(Module, on_delete=models.CASCADE, related_name="practice_items")
    position = models.PositiveIntegerField(default=0)
    colleague_message = models.TextField(_("a colleague says"))
    hint = models.CharField(_("hint"), max_length=300, blank=True)

    class Meta:
        ordering = ["module", "position", "id"]

    def __str__(self) -> str:
        return self.colleague_message[:60]


class ChoiceQuestion(models.Model):
    """"Choose the better reply": two replies to one message, one of them the better listener."""

    class Better(models.TextChoices):
        A = "a", "A"
        B = "b", "B"

    module = models.ForeignKey(Module, on_delete=models.CASCADE, related_name="questions")
    position = models.PositiveIntegerField(default=0)
    colleague_message = models.TextField(_("a colleague says"))
    reply_a = models.TextField(_("reply A"))
    reply_b = models.TextField(_("reply B"))
    better = models.CharField(_("the better reply"), max_length=1, choices=Better.choices)
    explanation = models.TextField(_("explanation"))

    class Meta:
        ordering = ["module", "position", "id"]


class ModuleProgress(models.Model):
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE,
                             related_name="training_progress")
    module = models.ForeignKey(Module, on_delete=models.CASCADE, related_name="progress")
    started_at = models.DateTimeField()
    completed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["user", "module"],
                                               name="training_progress_unique")]
        indexes = [models.Index(fields=["module", "completed_at"])]


class PracticeReply(models.Model):
    """What a learner wrote and what the analyzer found. The learner may delete it."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE,
                             related_name="practice_replies")
    item = models.ForeignKey(PracticeItem, on_delete=models.CASCADE, related_name="replies")
    text = models.TextField()
    moves = models.JSONField(default=list)
    pitfalls = models.JSONField(default=list)
    passed = models.BooleanField(default=False)
    created_at = models.DateTimeField()

    class Meta:
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["user", "item"])]


class ItemPassed(models.Model):
    """That a learner once passed a practice item: kept when they delete the reply itself."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE,
                             related_name="+")
    item = models.ForeignKey(PracticeItem, on_delete=models.CASCADE, related_name="+")
    passed_at = models.DateTimeField()

    class Meta:
        constraints = [models.UniqueConstraint(fields=["user", "item"],
                                               name="training_item_passed_unique")]


class ChoiceAnswer(models.Model):
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE,
                             related_name="+")
    question = models.ForeignKey(ChoiceQuestion, on_delete=models.CASCADE,
                                 related_name="answers")
    chosen = models.CharField(max_length=1, choices=ChoiceQuestion.Better.choices)
    correct = models.BooleanField()
    answered_at = models.DateTimeField()

    class Meta:
        constraints = [models.UniqueConstraint(fields=["user", "question"],
                                               name="training_answer_unique")]


class SignOff(models.Model):
    """A trained facilitator observed this person listen in a live practice round."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE,
                             related_name="training_signoffs")
    signed_off_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True,
                                      on_delete=models.SET_NULL, related_name="+")
    session = models.ForeignKey("peer_sessions.Session", null=True, blank=True,
                                on_delete=models.SET_NULL, related_name="+")
    note = models.CharField(max_length=300, blank=True)
    created_at = models.DateTimeField()

    class Meta:
        constraints = [models.UniqueConstraint(fields=["user", "session"],
                                               name="training_signoff_once_per_session")]


class Certification(models.Model):
    """"Trained facilitator" from `granted_at` until `expires_at` (12 months)."""

    class Kind(models.TextChoices):
        PATH = "path", _("Facilitator path")
        REFRESHER = "refresher", _("Refresher")
        ADMIN = "admin", _("Granted by an admin")

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE,
                             related_name="certifications")
    kind = models.CharField(max_length=10, choices=Kind.choices)
    granted_at = models.DateTimeField()
    expires_at = models.DateTimeField()
    # Set when the refresher reminder was sent (once per certification).
    reminded_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-expires_at"]
        indexes = [models.Index(fields=["user", "expires_at"]),
                   models.Index(fields=["expires_at", "reminded_at"])]

    def __str__(self) -> str:
        return f"{self.user_id} trained until {self.expires_at:%Y-%m-%d}"


# --- Live practice in triads (training/realtime.py) --------------------------------------------


class PracticeRound(models.Model):
    """One round of a "Listening practice" session: breakouts with a shared timer."""

    session = models.ForeignKey("peer_sessions.Session", on_delete=models.CASCADE,
                                related_name="practice_rounds")
    number = models.PositiveIntegerField()
    started_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True,
                                   on_delete=models.SET_NULL, related_name="+")
    started_at = models.DateTimeField()
    ends_at = models.DateTimeField()
    ended_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["session", "number"],
                                               name="practice_round_number_unique")]


class Breakout(models.Model):
    round = models.ForeignKey(PracticeRound, on_delete=models.CASCADE, related_name="breakouts")
    index = models.PositiveIntegerField()

    class Meta:
        ordering = ["round", "index"]


class BreakoutSeat(models.Model):
    class Role(models.TextChoices):
        SPEAKER = "speaker", _("Speaker")
        LISTENER = "listener", _("Listener")
        OBSERVER = "observer", _("Observer")

    breakout = models.ForeignKey(Breakout, on_delete=models.CASCADE, related_name="seats")
    membership = models.ForeignKey("groups.Membership", on_delete=models.CASCADE,
                                   related_name="+")
    role = models.CharField(max_length=8, choices=Role.choices)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["breakout", "membership"],
                                               name="breakout_seat_unique")]


class BreakoutMessage(models.Model):
    """What is said in a breakout: seen only by its people and the session's facilitators."""

    breakout = models.ForeignKey(Breakout, on_delete=models.CASCADE, related_name="messages")
    author = models.ForeignKey("groups.Membership", null=True, on_delete=models.SET_NULL,
                               related_name="+")
    body = models.TextField()
    client_id = models.CharField(max_length=64)
    created_at = models.DateTimeField()

    class Meta:
        ordering = ["created_at", "id"]
        constraints = [models.UniqueConstraint(fields=["breakout", "author", "client_id"],
                                               name="breakout_message_once")]


class ObserverChecklist(models.Model):
    """The observer's short checklist after a round: it reaches only the listener."""

    breakout = models.ForeignKey(Breakout, on_delete=models.CASCADE, related_name="checklists")
    observer = models.ForeignKey("groups.Membership", on_delete=models.CASCADE,
                                 related_name="+")
    listener = models.ForeignKey("groups.Membership", on_delete=models.CASCADE,
                                 related_name="+")
    did_well = models.JSONField(default=list)  # listening move codes
    try_next = models.CharField(max_length=300, blank=True)
    created_at = models.DateTimeField()

    class Meta:
        constraints = [models.UniqueConstraint(fields=["breakout", "observer"],
                                               name="observer_checklist_once")]
