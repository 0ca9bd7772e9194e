from django.conf import settings
from django.db import models


class Group(models.Model):
    class Category(models.TextChoices):
        PEER_CIRCLE = "peer_circle", "Peer circle"
        AFFINITY = "affinity", "Affinity / employee resource group"
        SKILLS = "skills", "Skills & training"
        TEAM_BUILDING = "team_building", "Team-building"

    class Visibility(models.TextChoices):
        OPEN = "open", "Open: anyone joins at once"
        REQUEST = "request", "Request to join: a facilitator approves"
        PRIVATE = "private", "Private: by invitation link only"

    name = models.CharField(max_length=120)
    slug = models.SlugField(max_length=140, unique=True)
    purpose = models.TextField(max_length=4000)
    category = models.CharField(max_length=20, choices=Category.choices)
    visibility = models.CharField(max_length=10, choices=Visibility.choices,
                                  default=Visibility.OPEN)
    capacity = models.PositiveIntegerField(null=True, blank=True,
                                           help_text="Leave empty for no limit.")
    # Sensitive groups: discreet calendar entries, and dashboards show them in category totals only.
    is_sensitive = models.BooleanField(default=False)
    allow_pseudonyms = models.BooleanField(default=False)
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
    rules = models.JSONField(help_text="Ordered list of rule texts.")
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
        MEMBER = "member", "Member"
        FACILITATOR = "facilitator", "Facilitator"

    class Status(models.TextChoices):
        ACTIVE = "active", "Active"
        LEFT = "left", "Left"
        REMOVED = "removed", "Removed"

    group = models.ForeignKey(Group, on_delete=models.CASCADE, related_name="memberships")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE,
                             related_name="memberships")
    role = models.CharField(max_length=12, choices=Role.choices, default=Role.MEMBER)
    status = models.CharField(max_length=8, choices=Status.choices, default=Status.ACTIVE)
    # Shown instead of the real name inside the group when the group allows pseudonyms.
    pseudonym = models.CharField(max_length=60, blank=True)
    accepted_rules_version = models.PositiveIntegerField(default=0)
    joined_at = models.DateTimeField()
    left_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["group", "user"], name="membership_unique"),
        ]
        indexes = [models.Index(fields=["user", "status"]), models.Index(fields=["group", "status"])]

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
