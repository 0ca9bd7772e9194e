import zoneinfo

from django.conf import settings
from django.contrib.auth.models import AbstractUser, BaseUserManager
from django.db import models
from django.db.models.functions import Lower
from django.utils.translation import gettext_lazy as _

TIME_ZONE_CHOICES = sorted((tz, tz.replace("_", " ")) for tz in zoneinfo.available_timezones())


class Department(models.Model):
    """An organisational unit. Dashboards count by it; nothing else shows it."""

    name = models.CharField(max_length=120, unique=True)

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class UserManager(BaseUserManager):
    use_in_migrations = True

    def _create_user(self, email: str, password: str | None, **extra):
        if not email:
            raise ValueError(_("An email address is required."))
        user = self.model(email=self.normalize_email(email).lower(), **extra)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_user(self, email: str, password: str | None = None, **extra):
        extra.setdefault("is_staff", False)
        extra.setdefault("is_superuser", False)
        return self._create_user(email, password, **extra)

    def create_superuser(self, email: str, password: str | None = None, **extra):
        extra.setdefault("is_staff", True)
        extra.setdefault("is_superuser", True)
        return self._create_user(email, password, **extra)


class User(AbstractUser):
    """Every person is an employee; facilitator and HR roles are granted by an admin.

    The profile lives on the user row itself (one join fewer on every page).
    """

    username = None
    first_name = None
    last_name = None
    email = models.EmailField(_("email address"), unique=True)

    display_name = models.CharField(max_length=80, blank=True)
    pronouns = models.CharField(_("pronouns"), max_length=40, blank=True)
    # Opt-in: pronouns are shown next to the name only when the person asks for it, and never
    # next to a pseudonym (a pseudonym has its own, Membership.pseudonym_pronouns).
    show_pronouns = models.BooleanField(_("show my pronouns next to my name"), default=False)
    department = models.ForeignKey(
        Department, null=True, blank=True, on_delete=models.SET_NULL, related_name="members"
    )
    time_zone = models.CharField(max_length=64, choices=TIME_ZONE_CHOICES, default="UTC")
    # The language the product speaks to this person: pages, emails, calendar feeds. Empty: the
    # browser's (pages) and the site's default (emails sent while the person is away).
    language = models.CharField(
        _("language"), max_length=8, blank=True, choices=settings.LANGUAGES, default="")
    # Used only to protect the person (suggested for their "rather not share a room" list).
    # Never shown to HR, never shown to the manager.
    manager = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    is_facilitator = models.BooleanField(
        default=False, help_text=_("May create peer support groups and schedule sessions."),
    )
    is_hr = models.BooleanField(
        _("HR admin"), default=False, help_text=_("May see aggregate participation dashboards.")
    )
    # When the person last opened their home page: "recognitions since your last visit".
    # Only ever shown to the person themselves.
    home_seen_at = models.DateTimeField(null=True, blank=True, editable=False)

    USERNAME_FIELD = "email"
    REQUIRED_FIELDS: list[str] = []

    objects = UserManager()

    class Meta:
        ordering = ["email"]
        constraints = [models.UniqueConstraint(Lower("email"), name="user_email_ci_unique")]

    def __str__(self) -> str:
        return self.name

    @property
    def name(self) -> str:
        """The person's own name as shown site-wide (groups may show a pseudonym instead)."""
        return self.display_name or self.email.split("@", 1)[0]

    @property
    def shown_pronouns(self) -> str:
        """The pronouns to show next to the person's own name ("" unless they opted in)."""
        return self.pronouns if self.show_pronouns else ""
