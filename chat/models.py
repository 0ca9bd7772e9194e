"""Live chat rooms of online sessions: messages, flags, sanctions and the moderation audit log.

Message bodies are the most confidential data in the product: only the room's members and the
group's facilitators ever see them (never HR, never the admin site).
"""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from groups.models import Group
from groups.rules import RULE_KEYS
from sessions.models import Session

OTHER_RULE = "other"


class Message(models.Model):
    session = models.ForeignKey(Session, on_delete=models.CASCADE, related_name="chat_messages")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE,
                               related_name="+")
    body = models.TextField(max_length=2000)
    # Chosen by the sending client: a retry with the same id never stores a second message.
    client_id = models.CharField(max_length=64)
    created_at = models.DateTimeField(default=timezone.now)
    hidden_at = models.DateTimeField(null=True, blank=True)
    hidden_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                                  on_delete=models.SET_NULL, related_name="+")

    class Meta:
        ordering = ["id"]
        constraints = [
            models.UniqueConstraint(fields=["session", "author", "client_id"],
                                    name="chat_message_client_id_once"),
        ]
        indexes = [models.Index(fields=["session", "id"], name="chat_message_room_order")]

    def __str__(self) -> str:
        return f"message {self.pk} in session {self.session_id}"

    @property
    def is_hidden(self) -> bool:
        return self.hidden_at is not None


class Flag(models.Model):
    """A member's report that a message breaks a posted ground rule. The reporter stays unknown."""

    class Status(models.TextChoices):
        OPEN = "open", _("Open")
        ACTIONED = "actioned", _("Actioned")
        DISMISSED = "dismissed", _("Dismissed")

    message = models.ForeignKey(Message, on_delete=models.CASCADE, related_name="flags")
    reporter = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE,
                                 related_name="+")
    # A key of groups.rules (default rule or "custom") or "other".
    rule_key = models.CharField(max_length=40, choices=[(k, k) for k in [*RULE_KEYS, OTHER_RULE]])
    rule_text = models.TextField(blank=True)
    reason = models.TextField(max_length=500, blank=True)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.OPEN)
    created_at = models.DateTimeField(auto_now_add=True)
    resolved_at = models.DateTimeField(null=True, blank=True)
    resolved_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                                    on_delete=models.SET_NULL, related_name="+")

    class Meta:
        ordering = ["created_at"]
        constraints = [models.UniqueConstraint(fields=["message", "reporter"],
                                               name="chat_flag_once_per_reporter")]
        indexes = [models.Index(fields=["status", "created_at"])]


class ModerationAction(models.Model):
    """Append-only audit log: who did what to whom, when and why."""

    class Action(models.TextChoices):
        HIDE = "hide", _("Hid a message")
        MUTE = "mute", _("Muted a member")
        UNMUTE = "unmute", _("Unmuted a member")
        REMOVE = "remove", _("Removed a member from the room")
        BAN = "ban", _("Removed a member from the group")
        LOCK = "lock", _("Locked the room")
        UNLOCK = "unlock", _("Unlocked the room")
        SLOW_MODE = "slow_mode", _("Set slow mode")
        CIRCLE = "circle", _("Turned circle mode on or off")
        PASS_TURN = "pass_turn", _("Passed the talking piece")
        DISMISS_FLAG = "dismiss_flag", _("Dismissed a flag")
        OPEN_ROOM = "open_room", _("Opened the room")

    group = models.ForeignKey(Group, on_delete=models.CASCADE, related_name="+")
    session = models.ForeignKey(Session, null=True, blank=True, on_delete=models.CASCADE,
                                related_name="+")
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL,
                              related_name="+")
    action = models.CharField(max_length=16, choices=Action.choices)
    target_user = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                                    on_delete=models.SET_NULL, related_name="+")
    # Kept as an id only: the log outlives purged messages and never copies a body.
    message_id_ref = models.BigIntegerField(null=True, blank=True)
    reason = models.TextField(max_length=500, blank=True)
    details = models.JSONField(default=dict, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["group", "-created_at"])]


class RoomSanction(models.Model):
    """A mute (timed) or a removal (for the rest of the session) in one session's room."""

    class Kind(models.TextChoices):
        MUTE = "mute", _("Muted")
        REMOVE = "remove", _("Removed from the room")

    session = models.ForeignKey(Session, on_delete=models.CASCADE, related_name="+")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    kind = models.CharField(max_length=8, choices=Kind.choices)
    reason = models.TextField(max_length=500)
    until = models.DateTimeField(null=True, blank=True,
                                 help_text=_("Empty: until the session ends."))
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True,
                                   on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    lifted_at = models.DateTimeField(null=True, blank=True)
    lifted_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                                  on_delete=models.SET_NULL, related_name="+")

    class Meta:
        indexes = [models.Index(fields=["session", "user"])]

    def is_active_at(self, moment) -> bool:
        return self.lifted_at is None and (self.until is None or self.until > moment)


class TalkingPiece(models.Model):
    """Who holds the talking piece in a session's room (one row per room, made on first use)."""

    session = models.OneToOneField(Session, on_delete=models.CASCADE, primary_key=True,
                                   related_name="talking_piece_state")
    holder = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                               on_delete=models.SET_NULL, related_name="+")
    updated_at = models.DateTimeField(auto_now=True)


class RaisedHand(models.Model):
    session = models.ForeignKey(Session, on_delete=models.CASCADE, related_name="+")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    raised_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["raised_at", "id"]
        constraints = [models.UniqueConstraint(fields=["session", "user"],
                                               name="chat_hand_once")]


class Presence(models.Model):
    """One open socket in a room. `seen_at` is refreshed while it lives, so rows left by a
    crashed server process age out of the presence list."""

    session = models.ForeignKey(Session, on_delete=models.CASCADE, related_name="+")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    channel_name = models.CharField(max_length=200, unique=True)
    connected_at = models.DateTimeField(default=timezone.now)
    seen_at = models.DateTimeField(default=timezone.now)

    class Meta:
        indexes = [models.Index(fields=["session", "seen_at"])]


class FilterTerm(models.Model):
    """A word or phrase the chat reacts to. Lists are data: edited in the admin.

    Each term has the language it is written in, so an organisation can keep each language's
    lists. Matching (chat.filters) uses every language's terms at once: people write in the
    language they think in, whatever the page's language, and distress must never go unseen
    because of a setting.
    """

    class Kind(models.TextChoices):
        BLOCKED = "blocked", _("Blocked (slurs, harassment): the message is refused")
        DISTRESS = "distress", _("Distress: sent, and support resources offered privately")
        NUDGE = "nudge", _("Nudge: a gentle reminder of a ground rule before sending")

    kind = models.CharField(max_length=10, choices=Kind.choices)
    language = models.CharField(
        _("language"), max_length=8, choices=settings.LANGUAGES, default=settings.LANGUAGE_CODE,
        help_text=_("The language the phrase is written in."))
    phrase = models.CharField(max_length=100,
                              help_text=_("Matched case-insensitively as whole words."))
    rule_key = models.CharField(
        max_length=40, blank=True, choices=[(k, k) for k in RULE_KEYS],
        help_text=_("For nudges: the ground rule the reminder points to."))
    is_active = models.BooleanField(default=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["kind", "language", "phrase"]
        # "suicide" is a word in English and in French: one row in each language.
        constraints = [models.UniqueConstraint(fields=["kind", "language", "phrase"],
                                               name="chat_filter_term_once")]

    def __str__(self) -> str:
        return f"{self.kind} ({self.language}): {self.phrase}"


class ChatSettings(models.Model):
    """Per-group chat settings (a group without a row uses the site defaults)."""

    group = models.OneToOneField(Group, on_delete=models.CASCADE, primary_key=True,
                                 related_name="chat_settings")
    retention_days = models.PositiveIntegerField(
        null=True, blank=True,
        help_text=_("Days after a session ends before its messages are deleted. "
                    "Empty: the site default (CHAT_RETENTION_DAYS)."))

    class Meta:
        verbose_name_plural = _("chat settings")
