from django.apps import AppConfig
from django.contrib.admin import apps as admin_apps


class AccountsConfig(AppConfig):
    default = True
    name = "accounts"
    verbose_name = "Accounts and profiles"

    def ready(self) -> None:
        from accounts import signals  # noqa: F401
        from peersupport import checks  # noqa: F401 (registers the deployment checks)


class PeerSupportAdminConfig(admin_apps.AdminConfig):
    """Django's admin, on a site whose only way in is allauth's login (`accounts.admin_site`)."""

    default = False
    default_site = "accounts.admin_site.PeerSupportAdminSite"
