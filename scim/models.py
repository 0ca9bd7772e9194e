"""Who may provision (tokens of an organisation) and what they provisioned (the SCIM ids).

PeerSupport has no organisation model: one deployment serves one company. An `Organisation`
here is one provisioning source (an Entra ID tenant, an Okta org) and the email domains it
speaks for; its tokens see and change only the people it provisioned and the departments it
created, and may create people only at its domains.
"""

import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


def new_scim_id() -> str:
    return str(uuid.uuid4())


class Organisation(models.Model):
    name = models.CharField(_("name"), max_length=120, unique=True)
    email_domains = models.CharField(
        _("email domains"), max_length=500, blank=True,
        help_text=_("Comma-separated, e.g. example.com, example.org. Its tokens may provision "
                    "people only at these domains. Empty: any address."))
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("provisioning organisation")
        verbose_name_plural = _("provisioning organisations")

    def __str__(self) -> str:
        return self.name

    @property
    def domains(self) -> list[str]:
        return [d.strip().lower().lstrip("@") for d in self.email_domains.split(",") if d.strip()]

    def covers(self, email: str) -> bool:
        domains = self.domains
        return not domains or email.rsplit("@", 1)[-1].lower() in domains


class Token(models.Model):
    """A bearer token. Only its SHA-256 digest is stored: the token itself is shown once."""

    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE,
                                     related_name="tokens", verbose_name=_("organisation"))
    name = models.CharField(_("name"), max_length=120,
                            help_text=_("Where it is used, e.g. “Entra ID production”."))
    # The first characters, to tell tokens apart in the admin (never enough to use one).
    prefix = models.CharField(_("starts with"), max_length=8, editable=False)
    digest = models.CharField(max_length=64, unique=True, editable=False)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    last_used_at = models.DateTimeField(_("last used"), null=True, blank=True, editable=False)
    revoked_at = models.DateTimeField(_("revoked"), null=True, blank=True, editable=False)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("SCIM token")
        verbose_name_plural = _("SCIM tokens")

    def __str__(self) -> str:
        return f"{self.name} ({self.prefix}…)"

    @property
    def is_revoked(self) -> bool:
        return self.revoked_at is not None


class ProvisionedPerson(models.Model):
    """A person as the organisation's directory knows them: its SCIM resource."""

    scim_id = models.CharField(max_length=36, unique=True, default=new_scim_id, editable=False)
    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE,
                                     related_name="people")
    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE,
                                related_name="scim_identity")
    # The directory's own name for the person (returned as it was sent; compared ignoring case).
    user_name = models.CharField(max_length=254)
    external_id = models.CharField(max_length=254, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [models.UniqueConstraint(models.functions.Lower("user_name"),
                                               "organisation", name="scim_person_user_name")]

    def __str__(self) -> str:
        return self.user_name


class ProvisionedDepartment(models.Model):
    """A SCIM Group: one department, created (or adopted by name) by the organisation."""

    scim_id = models.CharField(max_length=36, unique=True, default=new_scim_id, editable=False)
    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE,
                                     related_name="departments")
    department = models.OneToOneField("accounts.Department", on_delete=models.CASCADE,
                                      related_name="scim_group")
    external_id = models.CharField(max_length=254, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    def __str__(self) -> str:
        return self.department.name
