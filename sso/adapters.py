from allauth.account.adapter import DefaultAccountAdapter
from allauth.core.exceptions import ImmediateHttpResponse
from allauth.socialaccount.adapter import DefaultSocialAccountAdapter
from django.contrib.auth import get_user_model
from django.shortcuts import render
from django.utils.translation import gettext as _

from accounts.adapters import AccountAdapter as PeerSupportAccountAdapter
from accounts.two_factor import second_factor_passed
from sso import config, logout, services


class AccountAdapter(PeerSupportAccountAdapter):
    """The accounts adapter, plus single sign-on: the two-factor step knows about providers that
    assert one, and logout ends the provider's session too."""

    def get_login_stages(self) -> list[str]:
        return ["sso.stages.AuthenticateStage" if path == "allauth.mfa.stages.AuthenticateStage"
                else path for path in super().get_login_stages()]

    def get_login_redirect_url(self, request) -> str:
        # A single sign-on that answered a second factor at the provider needs no authenticator
        # here, so it is not sent to set one up.
        if request.user.is_authenticated and second_factor_passed(request):
            return DefaultAccountAdapter.get_login_redirect_url(self, request)
        return super().get_login_redirect_url(request)

    def is_reauthentication_required(self, *, app: str, **kwargs) -> bool:
        # Someone who has just signed in at their company's identity provider (and may have no
        # password here) is not asked to prove it again, e.g. to set up an authenticator.
        if self.request is not None and services.sso_signed_in_recently(self.request):
            return False
        return super().is_reauthentication_required(app=app, **kwargs)

    def get_logout_redirect_url(self, request) -> str:
        after = super().get_logout_redirect_url(request)
        return logout.provider_logout_url(request, after) or after


class SocialAccountAdapter(DefaultSocialAccountAdapter):
    """Which provider may sign whom in: the domain rule's, and nobody else's."""

    def pre_social_login(self, request, sociallogin) -> None:
        provider_id = sociallogin.account.provider
        app = config.app_for(provider_id, request)
        company = app.name if app else provider_id
        email = (sociallogin.user.email or "").lower()
        if not email and sociallogin.email_addresses:
            email = sociallogin.email_addresses[0].email.lower()
        if not email:
            self._refuse(request, _("%(company)s did not tell us your email address, so we "
                                    "cannot sign you in. Please ask your IT team to send it.")
                         % {"company": company})
        rule = config.domain_rule_for(email, request)
        if rule is not None and rule.provider_id != provider_id:
            right = config.app_for(rule.provider_id, request)
            self._refuse(request, _(
                "People at @%(domain)s sign in with %(right)s, not with %(company)s.") % {
                "domain": rule.domain, "company": company,
                "right": right.name if right else rule.provider_id})
        if not sociallogin.is_existing and get_user_model().objects.filter(
                email__iexact=email).exists():
            # Only the provider the domain rule names may sign in to an account made another way.
            self._refuse(request, _(
                "There is already an account for this address, and %(company)s is not set up as "
                "the sign-in for @%(domain)s. Log in with your password, or ask an admin to add "
                "a domain rule.") % {"company": company, "domain": config.email_domain(email)})

    def _refuse(self, request, reason: str):
        raise ImmediateHttpResponse(render(request, "sso/refused.html", {"reason": reason},
                                           status=403))
