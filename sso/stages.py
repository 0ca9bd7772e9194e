from allauth.mfa.stages import AuthenticateStage as AllauthAuthenticateStage

from sso.services import sso_assertion_for


class AuthenticateStage(AllauthAuthenticateStage):
    """allauth's "enter your authenticator code" step, skipped for a single sign-on whose identity
    provider asserted a second factor (per the provider's rule). Every other login is asked for
    the code as before."""

    def handle(self):
        sociallogin = (self.login.signal_kwargs or {}).get("sociallogin")
        if sociallogin is not None:
            assertion = sso_assertion_for(self.request, provider_id=sociallogin.account.provider,
                                          uid=sociallogin.account.uid)
            if assertion is not None and assertion["second_factor"]:
                return None, True
        return super().handle()
