import contextlib

from allauth.account.adapter import DefaultAccountAdapter
from allauth.account.utils import filter_users_by_email
from django.conf import settings
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils.translation import gettext as _

from accounts import login_guard
from peersupport.i18n import in_language_of
from peersupport.mail import message_id
from peersupport.permissions import needs_two_factor
from peersupport.site import current_site


class AccountAdapter(DefaultAccountAdapter):
    """Email-only accounts; the profile (display name, zone, ...) is edited after sign-up."""

    def clean_email(self, email: str) -> str:
        email = super().clean_email(email).lower()
        domains = settings.SIGNUP_EMAIL_DOMAINS
        if domains and email.rsplit("@", 1)[-1] not in domains:
            raise ValidationError(
                _("Please sign up with your work email address (%(domains)s)."),
                params={"domains": ", ".join(f"@{d}" for d in domains)},
                code="email_domain",
            )
        return email

    def send_mail(self, template_prefix: str, email: str, context: dict) -> None:
        """allauth's emails name the product ("Hello from PeerSupport"), not the host they were
        requested from (allauth's default without django.contrib.sites: "127.0.0.1:8103").

        Written in the recipient's saved language; a person who has not chosen one gets the
        language of the page they asked from (a sign-up, a password reset), the one they read."""
        with self._recipient_language(email, context):
            super().send_mail(template_prefix, email,
                              {**context, "current_site": current_site()})

    @staticmethod
    def _recipient_language(email: str, context: dict):
        recipient = context.get("user")
        if recipient is None:
            recipient = next(iter(filter_users_by_email(email)), None)
        if recipient is not None and getattr(recipient, "language", ""):
            return in_language_of(recipient)
        return contextlib.nullcontext()

    def render_mail(self, template_prefix, email, context, headers=None):
        return super().render_mail(template_prefix, email, context,
                                   headers={"Message-ID": message_id(), **(headers or {})})

    def save_user(self, request, user, form, commit=True):
        user = super().save_user(request, user, form, commit=False)
        user.email = user.email.lower()
        if commit:
            user.save()
        return user

    def get_login_redirect_url(self, request) -> str:
        """Facilitators and HR admins without two-factor go straight to setting it up.

        Their pages demand it anyway (`peersupport.permissions`); sending them there at login
        saves a detour. An explicit `?next=` still wins, and the page decorators catch that case.
        """
        if needs_two_factor(request.user):
            messages.info(
                request,
                _("Your role needs two-factor authentication. Set up an authenticator app to "
                  "open facilitator and HR pages."),
            )
            return reverse("mfa_activate_totp")
        return super().get_login_redirect_url(request)

    # --- Login attempts (accounts.login_guard) ------------------------------------------------
    # Replaces allauth's per-account lock ("5 failures lock the address for everyone") with
    # limits that hold back the guessing client but never the account's own browsers and places.

    def _login_client(self, request, credentials) -> login_guard.Client:
        login = credentials.get("email") or credentials.get("username") or ""
        return login_guard.Client(request, login, self.get_client_ip(request))

    def pre_authenticate(self, request, **credentials) -> None:
        if self._login_client(request, credentials).is_held_back():
            raise self.validation_error("too_many_login_attempts")

    def authentication_failed(self, request, **credentials) -> None:
        self._login_client(request, credentials).record_failure()

    def post_login(self, request, user, **kwargs):
        response = super().post_login(request, user, **kwargs)
        login_guard.Client(request, user.email, self.get_client_ip(request)).record_success(
            response, request)
        return response
