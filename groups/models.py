import secrets

from django.conf import settings
from django.db import models
from django.db.models.functions import Lower
from django.utils.translation import gettext_lazy as _

# Ids that pages, frames and URLs show for a person in a group (membership, join request) are
# random, not counted up: a counter would let someone who sees two groups line up the rows
# made one after the other by the same person (docs/privacy.md). Below 2**53 so JavaScript
# holds them exactly (the chat protocol's member ids are numbers).
PUBLIC_ID_LIMIT = 2**53 - 1


def random_public_id() -> int:
    return secrets.randbelow(PUBLIC_ID_LIMIT) + 1


class Group(models.Model):
    class Category(models.TextChoices):
        PEER_CIRCLE = "peer_circle", _("Peer circle")
        AFFINITY = "affinity", _("Affinity / employee resource group")
        SKILLS = "skills", _("Skills & training")
        TEAM_BUILDING = "team_building", _("Team-building")

    class Visibility(models.TextChoices):
        OPEN = "open", _("Open: anyone joins at once")
        REQUEST = "request", _("Request to join: a facilitator approves")
        PRIVATE = "private", _("Private: by invitation link only")

    name = models.CharField(max_length=120)
    slug = models.SlugField(max_length=140, unique=True)
    purpose = models.TextField(max_length=4000)
    category = models.CharField(max_length=20, choices=Category.choices)
    visibility = models.CharField(max_length=10, choices=Visibility.choices,
                                  default=Visibility.OPEN)
    capacity = models.PositiveIntegerField(null=True, blank=True,
                                           help_text=_("Leave empty for no limit."))
    # Sensitive groups: discreet calendar entries, and dashboards show them in category totals only.
    is_sensitive = models.BooleanField(default=False)
    allow_pseudonyms = models.BooleanField(default=False)
    # Only trained facilitators (training app) may be promoted or facilitate sessions here.
    # None follows the default: required when the group is sensitive (training.policies).
    requires_trained_facilitators = models.BooleanField(null=True, blank=True, default=None)
    time_zone = models.CharField(max_length=64, default="UTC")
    # Number of the current GroundRuleVersion (single-row derived state, kept by services).
    rules_version = models.PositiveIntegerField(default=0)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True,
                                   on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class GroundRuleVersion(models.Model):
    """An immutable, numbered version of a group's ground rules."""

    group = models.ForeignKey(Group, on_delete=models.CASCADE, related_name="rule_versions")
    number = models.PositiveIntegerField()
    rules = models.JSONField(help_text=_("Ordered list of rule texts."))
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True,
                                   on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["group", "-number"]
        constraints = [models.UniqueConstraint(fields=["group", "number"],
                                               name="rule_version_unique_number")]

    def __str__(self) -> str:
        return f"{self.group} rules v{self.number}"


class Membership(models.Model):
    class Role(models.TextChoices):
        MEMBER = "member", _("Member")
        FACILITATOR = "facilitator", _("Facilitator")

    class Status(models.TextChoices):
        ACTIVE = "active", _("Active")
        LEFT = "left", _("Left")
        REMOVED = "removed", _("Removed")

    # The member id of the chat protocol and of every group page (never the account id).
    id = models.BigIntegerField(primary_key=True, default=random_public_id, editable=False)
    group = models.ForeignKey(Group, on_delete=models.CASCADE, related_name="memberships")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE,
                             related_name="memberships")
    role = models.CharField(max_length=12, choices=Role.choices, default=Role.MEMBER)
    status = models.CharField(max_length=8, choices=Status.choices, default=Status.ACTIVE)
    # Shown instead of the real name inside the group when the group allows pseudonyms.
    pseudonym = models.CharField(max_length=60, blank=True)
    # The pseudonym's own pronouns (optional), shown only next to the pseudonym. The account's
    # pronouns are never shown in its place: they could link the pseudonym to its person.
    pseudonym_pronouns = models.CharField(max_length=40, blank=True)
    accepted_rules_version = models.PositiveIntegerField(default=0)
    joined_at = models.DateTimeField()
    left_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["group", "user"], name="membership_unique"),
            # Two people may not take part under the same pseudonym in one group.
            models.UniqueConstraint(Lower("pseudonym"), "group", name="membership_pseudonym_unique",
                                    condition=~models.Q(pseudonym="")),
        ]
        indexes = [models.Index(fields=["user", "status"]),
                   models.Index(fields=["group", "status"])]

    def __str__(self) -> str:
        return f"{self.user_id} in {self.group_id} ({self.role}, {self.status})"

    @property
    def is_active(self) -> bool:
        return self.status == self.Status.ACTIVE

    @property
    def is_facilitator(self) -> bool:
        return self.is_active and self.role == self.Role.FACILITATOR

    @property
    def has_current_rules(self) -> bool:
        return self.accepted_rules_version >= self.group.rules_version


class RuleAcceptance(models.Model):
    """Who accepted which version of a group's rules, and when (append-only)."""

    group = models.ForeignKey(Group, on_delete=models.CASCADE, related_name="+")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    version = models.PositiveIntegerField()
    accepted_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["group", "user", "version"],
                                               name="rule_acceptance_once")]


class JoinRequest(models.Model):
    """A request to join a `request` group; a facilitator approves or declines it."""

    class Status(models.TextChoices):
        PENDING = "pending", _("Waiting for a facilitator")
        APPROVED = "approved", _("Approved")
        DECLINED = "declined", _("Declined")
        WITHDRAWN = "withdrawn", _("Withdrawn")

    id = models.BigIntegerField(primary_key=True, default=random_public_id, editable=False)
    group = models.ForeignKey(Group, on_delete=models.CASCADE, related_name="join_requests")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE,
                             related_name="+")
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.PENDING)
    message = models.TextField(max_length=500, blank=True)
    # The pseudonym asked for (pseudonymous groups), shown to facilitators instead of the name.
    pseudonym = models.CharField(max_length=60, blank=True)
    # The rules version the requester read and accepted when asking.
    accepted_rules_version = models.PositiveIntegerField()
    created_at = models.DateTimeField(auto_now_add=True)
    decided_at = models.DateTimeField(null=True, blank=True)
    decided_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                                   on_delete=models.SET_NULL, related_name="+")
    decision_note = models.TextField(max_length=500, blank=True)

    class Meta:
        ordering = ["created_at"]
        constraints = [
            models.UniqueConstraint(fields=["group", "user"], name="join_request_one_pending",
                                    condition=models.Q(status="pending")),
        ]

    def __str__(self) -> str:
        return f"request {self.pk} for {self.group_id} ({self.status})"


class Invitation(models.Model):
    """An invitation link to a private group: signed, expiring, revocable.

    The link carries a signature over (id, nonce); the row decides expiry and revocation.
    """

    group = models.ForeignKey(Group, on_delete=models.CASCADE, related_name="invitations")
    nonce = models.CharField(max_length=43)
    note = models.CharField(max_length=120, blank=True,
                            help_text=_("Only facilitators see this, e.g. who it was sent to."))
    expires_at = models.DateTimeField()
    revoked_at = models.DateTimeField(null=True, blank=True)
    uses = models.PositiveIntegerField(default=0)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True,
                                   on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"invitation {self.pk} to {self.group_id}"


class Removal(models.Model):
    """A facilitator removed someone from a group (append-only; the latest one decides a block)."""

    group = models.ForeignKey(Group, on_delete=models.CASCADE, related_name="removals")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    removed_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True,
                                   on_delete=models.SET_NULL, related_name="+")
    reason = models.TextField(max_length=1000)
    # None with banned False: may rejoin at once.
    blocked_until = models.DateTimeField(null=True, blank=True)
    banned = models.BooleanField(default=False)
    lifted_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["group", "user", "-created_at"])]


class GroupResource(models.Model):
    """A guide or link a facilitator attached to a group (Markdown, rendered sanitised)."""

    group = models.ForeignKey(Group, on_delete=models.CASCADE, related_name="resources")
    title = models.CharField(max_length=120)
    body = models.TextField(max_length=3000, blank=True)
    url = models.URLField(max_length=500, blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True,
                                   on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at", "pk"]

    def __str__(self) -> str:
        return self.title


class AvoidEntry(models.Model):
    """Someone the owner would rather not share a room with. Only the owner ever sees it."""

    class Source(models.TextChoices):
        MANUAL = "manual", _("Added by you")
        MANAGER = "manager", _("Your manager (suggested from your profile)")
        REPORT = "report", _("Someone you reported")

    owner = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE,
                              related_name="+")
    person = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE,
                               related_name="+")
    source = models.CharField(max_length=8, choices=Source.choices, default=Source.MANUAL)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at"]
        constraints = [
            models.UniqueConstraint(fields=["owner", "person"], name="avoid_entry_unique"),
            models.CheckConstraint(condition=~models.Q(owner=models.F("person")),
                                   name="avoid_entry_not_self"),
        ]


class NoticeReceipt(models.Model):
    """One row per email sent, so a task that runs twice sends nothing twice."""

    kind = models.CharField(max_length=32)
    object_id = models.PositiveBigIntegerField()
    recipient = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE,
                                  related_name="+")
    sent_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["kind", "object_id", "recipient"],
                                               name="notice_once")]
