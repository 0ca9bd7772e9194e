"""Support: resources, private conversations with a facilitator, formal reports to HR.

Privacy is the design constraint here: a conversation is seen by its two people only; a
report by its reporter and, once submitted, by HR admins who are not named in it.
"""

from django.conf import settings
from django.core.validators import RegexValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class Resource(models.Model):
    """An organisation-wide support resource, edited by an admin."""

    class Kind(models.TextChoices):
        CRISIS_LINE = "crisis_line", _("Crisis line")
        EAP = "eap", _("Employee assistance programme")
        HR_CONTACT = "hr_contact", _("HR contact")
        POLICY = "policy", _("Policy")
        OTHER = "other", _("Other")

    title = models.CharField(max_length=120)
    kind = models.CharField(max_length=20, choices=Kind.choices)
    country = models.CharField(
        max_length=2,
        blank=True,
        validators=[
            RegexValidator(r"^[A-Z]{2}$", _("Use a two-letter code in capitals, e.g. GB."))
        ],
        help_text=_("Two-letter ISO country code (GB, US, DE...). Empty if it applies anywhere."),
    )
    body = models.TextField(
        blank=True, max_length=10_000, help_text=_("Markdown: paragraphs, lists, **bold**, links.")
    )
    url = models.URLField(blank=True)
    phone = models.CharField(max_length=40, blank=True)
    order = models.PositiveIntegerField(default=0, help_text=_("Lower numbers are shown first."))
    is_active = models.BooleanField(default=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["kind", "order", "title"]

    def __str__(self) -> str:
        return self.title

    @property
    def phone_href(self) -> str:
        """A tel: link target: digits and a leading plus only."""
        digits = "".join(ch for ch in self.phone if ch.isdigit())
        return f"tel:{'+' if self.phone.strip().startswith('+') else ''}{digits}" if digits else ""


class FacilitatorRequest(models.Model):
    """A private conversation a person opened with one facilitator of one of their groups."""

    class Status(models.TextChoices):
        OPEN = "open", pgettext_lazy("conversation status", "Open")
        CLOSED = "closed", pgettext_lazy("conversation status", "Closed")

    requester = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )
    facilitator = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )
    status = models.CharField(max_length=8, choices=Status.choices, default=Status.OPEN)
    created_at = models.DateTimeField(auto_now_add=True)
    # Single-row derived state kept by the services: the queue's order and "new" markers.
    last_message_at = models.DateTimeField()
    requester_seen_at = models.DateTimeField(null=True, blank=True)
    facilitator_seen_at = models.DateTimeField(null=True, blank=True)
    closed_at = models.DateTimeField(null=True, blank=True)
    closed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["-last_message_at"]
        indexes = [
            models.Index(fields=["facilitator", "status"]),
            models.Index(fields=["requester", "status"]),
        ]

    def __str__(self) -> str:
        return f"Conversation {self.pk}"

    @property
    def is_open(self) -> bool:
        return self.status == self.Status.OPEN

    def other_party(self, user):
        return self.facilitator if user.pk == self.requester_id else self.requester

    def is_unread_for(self, user) -> bool:
        seen = self.requester_seen_at if user.pk == self.requester_id else self.facilitator_seen_at
        return seen is None or seen < self.last_message_at


class FacilitatorMessage(models.Model):
    request = models.ForeignKey(
        FacilitatorRequest, on_delete=models.CASCADE, related_name="messages"
    )
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    body = models.TextField(max_length=4000)
    created_at = models.DateTimeField(auto_now_add=True)
    # The email notice to the other person went out (so a retried task sends it once).
    notified_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["created_at", "pk"]

    def __str__(self) -> str:
        return f"Message {self.pk} in conversation {self.request_id}"


class Report(models.Model):
    """A formal report to HR. Private to its reporter until submitted; frozen after."""

    class Status(models.TextChoices):
        DRAFT = "draft", pgettext_lazy("formal report status", "Draft (only you can see it)")
        RECEIVED = "received", pgettext_lazy("formal report status", "Received")
        IN_REVIEW = "in_review", pgettext_lazy("formal report status", "In review")
        RESOLVED = "resolved", pgettext_lazy("formal report status", "Resolved")
        CLOSED = "closed", pgettext_lazy("formal report status", "Closed")

    reporter = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.DRAFT)
    what_happened = models.TextField(blank=True)
    happened_when = models.TextField(blank=True)
    # Colleagues picked from the organisation, and anyone described in words.
    people_named = models.ManyToManyField(settings.AUTH_USER_MODEL, blank=True, related_name="+")
    people_described = models.TextField(blank=True)
    witnesses = models.TextField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    submitted_at = models.DateTimeField(null=True, blank=True)
    hr_notified_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-submitted_at", "-updated_at"]
        indexes = [
            models.Index(fields=["reporter", "status"]),
            models.Index(fields=["status", "submitted_at"]),
        ]

    def __str__(self) -> str:
        return f"Report {self.pk}"

    @property
    def is_draft(self) -> bool:
        return self.status == self.Status.DRAFT


class ReportAttachment(models.Model):
    """A file the reporter attached. Text files are stored as text and shown inline (escaped);
    PNG, JPEG and PDF files (type read from the content, images re-encoded without metadata:
    support.attachments) are stored as bytes and served only as downloads."""

    class Kind(models.TextChoices):
        TEXT = "text", _("Text")
        PNG = "png", _("PNG image")
        JPEG = "jpeg", _("JPEG image")
        PDF = "pdf", _("PDF document")

    report = models.ForeignKey(Report, on_delete=models.CASCADE, related_name="attachments")
    filename = models.CharField(max_length=200)
    kind = models.CharField(max_length=8, choices=Kind.choices, default=Kind.TEXT)
    content = models.TextField(blank=True)
    data = models.BinaryField(blank=True, default=b"", editable=False)
    size = models.PositiveIntegerField(help_text=_("Bytes as stored."))
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at", "pk"]

    def __str__(self) -> str:
        return self.filename

    @property
    def is_file(self) -> bool:
        return self.kind != self.Kind.TEXT


class ReportUpdate(models.Model):
    """One entry of a submitted report's timeline: a status change and/or a message.

    HR changes the status and replies; the reporter may add information.
    """

    report = models.ForeignKey(Report, on_delete=models.CASCADE, related_name="updates")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    from_hr = models.BooleanField()
    old_status = models.CharField(max_length=10, choices=Report.Status.choices, blank=True)
    new_status = models.CharField(max_length=10, choices=Report.Status.choices, blank=True)
    body = models.TextField(blank=True, max_length=8000)
    created_at = models.DateTimeField(auto_now_add=True)
    notified_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["created_at", "pk"]

    def __str__(self) -> str:
        return f"Update {self.pk} on report {self.report_id}"

    @property
    def changes_status(self) -> bool:
        return bool(self.new_status) and self.new_status != self.old_status


class ReportAccessLog(models.Model):
    """Append-only: an HR admin opened a submitted report. The reporter sees these rows."""

    report = models.ForeignKey(Report, on_delete=models.CASCADE, related_name="access_log")
    viewer = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    viewed_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-viewed_at", "-pk"]

    def __str__(self) -> str:
        return f"Report {self.report_id} opened by {self.viewer_id}"
