from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ScimConfig(AppConfig):
    """SCIM 2.0 provisioning (RFC 7644): a company's identity provider creates, updates and
    deactivates people and departments at /scim/v2/ (django-scim2's views, our adapters)."""

    name = "scim"
    verbose_name = _("Provisioning (SCIM)")
