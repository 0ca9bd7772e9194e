from allauth.account.forms import LoginForm as AllauthLoginForm
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from accounts.forms import SignupForm as PeerSupportSignupForm
from sso import config, policies


def sso_only_error(rule, request) -> ValidationError:
    app = config.app_for(rule.provider_id, request)
    return ValidationError(
        _("People at @%(domain)s sign in with %(company)s, not with a password here. Use the "
          "“Sign in with %(company)s” button below."),
        params={"domain": rule.domain, "company": app.name if app else rule.provider_id},
        code="sso_only")


class LoginForm(AllauthLoginForm):
    """allauth's login form, with the "SSO only" switch of the domain rules.

    For such a domain every refusal reads the same (whether the password was right or not), so
    the form never tells who has a password here; only staff with two-factor set up get through,
    and allauth then asks them for their code.
    """

    def clean(self):
        rule = config.domain_rule_for(self.cleaned_data.get("login") or "", self.request)
        if rule is None or not rule.sso_only:
            return super().clean()
        try:
            cleaned = super().clean()
        except ValidationError:
            raise sso_only_error(rule, self.request) from None
        if not policies.may_break_glass(self.user):
            self.user = None
            raise sso_only_error(rule, self.request)
        return cleaned


class SignupForm(PeerSupportSignupForm):
    """The sign-up form, closed to the domains whose people sign in with their company's
    identity provider only (they get an account the first time they sign in there)."""

    def clean_email(self):
        email = super().clean_email()
        rule = config.domain_rule_for(email, self.request if hasattr(self, "request") else None)
        if rule is not None and rule.sso_only:
            app = config.app_for(rule.provider_id)
            raise ValidationError(
                _("People at @%(domain)s sign in with %(company)s and need no account here: use "
                  "the “Sign in with %(company)s” button on the login page."),
                params={"domain": rule.domain,
                        "company": app.name if app else rule.provider_id},
                code="sso_only")
        return email
