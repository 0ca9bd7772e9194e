from django.db import models
from django.utils.translation import gettext_lazy as _


class DomainRule(models.Model):
    """Which identity provider the people of an email domain sign in with.

    Rules may also come from the environment (`SSO_PROVIDERS`, "domains"); a rule here wins over
    one there for the same domain.
    """

    domain = models.CharField(
        _("email domain"), max_length=253, unique=True,
        help_text=_("The part after the @, e.g. example.com."))
    provider_id = models.CharField(
        _("identity provider"), max_length=200,
        help_text=_("The provider ID of a social application (OpenID Connect or SAML)."))
    sso_only = models.BooleanField(
        _("SSO only"), default=False,
        help_text=_("Refuse password login for this domain. Staff with two-factor "
                    "authentication keep a break-glass password login."))

    class Meta:
        ordering = ["domain"]
        verbose_name = _("email domain rule")
        verbose_name_plural = _("email domain rules")

    def __str__(self) -> str:
        return self.domain
