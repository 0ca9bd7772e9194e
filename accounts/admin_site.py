"""The admin site, whose only way in is allauth's login (with its two-factor step).

Django's own admin login form checks the password and nothing else, so it is never shown:
`/admin/login/` hands over to allauth's login, and the admin opens only to staff whose login
passed the second factor (set up first if they have none; demo accounts with DEBUG excepted).
"""

from urllib.parse import urlencode

from django.contrib import admin
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext_lazy as _

from peersupport.permissions import two_factor_redirect, two_factor_satisfied


class PeerSupportAdminSite(admin.AdminSite):
    site_header = _("PeerSupport administration")
    site_title = _("PeerSupport admin")

    def has_permission(self, request) -> bool:
        return super().has_permission(request) and two_factor_satisfied(request)

    def login(self, request, extra_context=None):
        next_url = request.GET.get("next", "")
        if not url_has_allowed_host_and_scheme(next_url, allowed_hosts={request.get_host()},
                                               require_https=request.is_secure()):
            next_url = reverse("admin:index", current_app=self.name)
        if not request.user.is_authenticated:
            return redirect(f"{reverse('account_login')}?{urlencode({'next': next_url})}")
        if not (request.user.is_active and request.user.is_staff):
            raise PermissionDenied
        if not two_factor_satisfied(request):
            return two_factor_redirect(request)
        return redirect(next_url)
