"""Peers thank each other, tied to the values of a respectful community.

Who may see a recognition is decided in `recognition.policies` / `recognition.selectors`;
no points, no totals per person except the person's own page.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext, pgettext_lazy
from django.utils.translation import gettext_lazy as _

MESSAGE_MAX_LENGTH = 500
REPLY_MAX_LENGTH = 280


class Value(models.Model):
    """One of the community values a recognition is tied to (edited by admins)."""

    name = models.CharField(max_length=60, unique=True)
    slug = models.SlugField(max_length=60, unique=True)
    description = models.CharField(max_length=200, blank=True)
    is_active = models.BooleanField(default=True, help_text=_("Inactive values stay on old "
                                                "recognitions but can no longer be chosen."))
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["position", "name"]

    def __str__(self) -> str:
        return self.label  # wherever a value is shown as text, in the reader's language

    @property
    def label(self) -> str:
        """The name as people read it: a default value's name in their language (see
        recognition.defaults), an admin's own name as typed."""
        return gettext(self.name) if self.name else ""


class Recognition(models.Model):
    class Visibility(models.TextChoices):
        PUBLIC = "public", _("Everyone in the organisation")
        GROUP = "group", _("Members of the group")
        PRIVATE = "private", _("Only the people recognised (and you)")

    giver = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE,
                              related_name="recognitions_given")
    recipients = models.ManyToManyField(settings.AUTH_USER_MODEL, through="RecognitionRecipient",
                                        related_name="recognitions_received")
    values = models.ManyToManyField(Value, related_name="recognitions")
    message = models.TextField(max_length=MESSAGE_MAX_LENGTH)
    # A group-context recognition is visible within that group only (or privately).
    group = models.ForeignKey("groups.Group", null=True, blank=True, on_delete=models.CASCADE,
                              related_name="recognitions")
    # What the giver chose. Recipients who opted out of public display make it private
    # when it is read (see selectors.recognitions_visible_to).
    visibility = models.CharField(max_length=8, choices=Visibility.choices,
                                  default=Visibility.PUBLIC)
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)
    is_hidden = models.BooleanField(default=False)
    hidden_at = models.DateTimeField(null=True, blank=True)
    hidden_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                                  on_delete=models.SET_NULL, related_name="+")

    class Meta:
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["giver", "created_at"])]
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(visibility="group") | models.Q(group__isnull=False),
                name="recognition_group_visibility_needs_group",
            ),
            models.CheckConstraint(
                condition=models.Q(group__isnull=True) | ~models.Q(visibility="public"),
                name="recognition_group_context_never_public",
            ),
        ]

    def __str__(self) -> str:
        return f"Recognition {self.pk} by {self.giver_id}"


class RecognitionRecipient(models.Model):
    """A person recognised, and whether they have been told (so a task never emails twice)."""

    class Notification(models.TextChoices):
        PENDING = "pending", _("Pending")
        EMAILED = "emailed", _("Emailed")
        DIGESTED = "digested", _("Sent in a weekly digest")
        SKIPPED = "skipped", _("Not sent (emails off or hidden)")

    recognition = models.ForeignKey(Recognition, on_delete=models.CASCADE,
                                    related_name="recipient_links")
    recipient = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE,
                                  related_name="recognition_links")
    notification = models.CharField(max_length=8, choices=Notification.choices,
                                    default=Notification.PENDING)
    notified_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["recognition", "recipient"],
                                               name="recognition_recipient_once")]
        indexes = [models.Index(fields=["recipient", "notification"])]


class Reaction(models.Model):
    class Kind(models.TextChoices):
        THANKS = "thanks", _("Thank you")
        CELEBRATE = "celebrate", _("Celebrate")
        DESERVED = "deserved", _("Well deserved")

    recognition = models.ForeignKey(Recognition, on_delete=models.CASCADE,
                                    related_name="reactions")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE,
                             related_name="+")
    kind = models.CharField(max_length=10, choices=Kind.choices)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["recognition", "user", "kind"],
                                               name="reaction_once_per_kind")]


class Reply(models.Model):
    recognition = models.ForeignKey(Recognition, on_delete=models.CASCADE,
                                    related_name="replies")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE,
                               related_name="+")
    body = models.TextField(max_length=REPLY_MAX_LENGTH)
    created_at = models.DateTimeField(auto_now_add=True)
    is_hidden = models.BooleanField(default=False)

    class Meta:
        ordering = ["created_at", "id"]


class Report(models.Model):
    """Someone asks a moderator to look at a recognition."""

    class Reason(models.TextChoices):
        DISRESPECTFUL = "disrespectful", _("Disrespectful, mocking or hurtful")
        PRIVATE = "private", _("Shares something personal that should stay private")
        PRESSURE = "pressure", _("Unwanted attention or pressure")
        OTHER = "other", _("Something else")

    class Status(models.TextChoices):
        OPEN = "open", pgettext_lazy("recognition report status", "Open")
        ACTIONED = "actioned", pgettext_lazy("recognition report status", "Hidden by a moderator")
        DISMISSED = "dismissed", pgettext_lazy("recognition report status", "Dismissed")

    recognition = models.ForeignKey(Recognition, on_delete=models.CASCADE,
                                    related_name="reports")
    reporter = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE,
                                 related_name="+")
    reason = models.CharField(max_length=16, choices=Reason.choices)
    details = models.TextField(max_length=1000, blank=True)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.OPEN)
    created_at = models.DateTimeField(auto_now_add=True)
    resolved_at = models.DateTimeField(null=True, blank=True)
    resolved_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                                    on_delete=models.SET_NULL, related_name="+")

    class Meta:
        ordering = ["-created_at"]
        constraints = [models.UniqueConstraint(fields=["recognition", "reporter"],
                                               name="report_once_per_person")]
        indexes = [models.Index(fields=["status", "created_at"])]


class RecognitionPreference(models.Model):
    """A person's own choices about recognition; no row means the defaults."""

    class Emails(models.TextChoices):
        EACH = "each", _("An email for each recognition")
        WEEKLY = "weekly", _("One weekly digest")
        OFF = "off", _("No emails (I'll look in the feed)")

    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE,
                                related_name="recognition_preference")
    never_public = models.BooleanField(
        _("Never show recognitions of me publicly"), default=False,
        help_text=_("Recognitions of you are then visible only to you and whoever gave them, "
                    "whatever visibility they chose."),
    )
    emails = models.CharField(_("Email me"), max_length=6, choices=Emails.choices,
                              default=Emails.EACH)
    last_digest_at = models.DateTimeField(null=True, blank=True)

    def __str__(self) -> str:
        return f"Recognition preferences of {self.user_id}"
