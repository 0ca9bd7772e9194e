"""Deployment checks of our own (`manage.py check --deploy`)."""

from urllib.parse import urlsplit

from django.conf import settings
from django.core.checks import Warning, register


@register(deploy=True)
def site_url_check(app_configs, **kwargs) -> list[Warning]:
    """Production links in emails need SITE_URL: the worker and beat answer no request, so
    without it they fall back to http://127.0.0.1:8000 (peersupport.site)."""
    if settings.DEBUG:
        return []
    if not settings.SITE_URL:
        return [Warning("SITE_URL is not set: links in emails sent by the worker would point "
                        "to http://127.0.0.1:8000.",
                        hint="Set SITE_URL to the public origin, e.g. "
                             "https://peersupport.example.com.", id="peersupport.W001")]
    if urlsplit(settings.SITE_URL).scheme != "https":
        return [Warning("SITE_URL is not an https:// address: links in emails would be sent "
                        "in the clear.", hint="Use the public https:// origin.",
                        id="peersupport.W002")]
    return []


@register()
def notice_lease_check(app_configs, **kwargs) -> list[Warning]:
    """A reminder's claim must outlast one send, or a slow mail server gets it sent twice (the
    second copy with the same Message-ID, but still)."""
    if settings.NOTICE_CLAIM_LEASE > 2 * settings.EMAIL_TIMEOUT:
        return []
    return [Warning(f"NOTICE_CLAIM_LEASE ({settings.NOTICE_CLAIM_LEASE} s) is not more than "
                    f"twice EMAIL_TIMEOUT ({settings.EMAIL_TIMEOUT} s): a worker still talking "
                    "to a slow mail server could see its reminder sent again by another.",
                    hint="Raise NOTICE_CLAIM_LEASE (default 300) or lower EMAIL_TIMEOUT "
                         "(default 30).", id="peersupport.W003")]
