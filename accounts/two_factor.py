"""Whether *this login* passed the second factor, not only whether one is set up.

allauth records every authentication step of a session (`get_authentication_records`, its public
API): the password, then "mfa" once a code from the authenticator app or a recovery code was
accepted (at login, or when allauth asked to confirm it is you). Setting up an authenticator also
proves the second factor: the person typed a valid code in this session, so that is marked here.

Django's `login()` keeps an anonymous visitor's session data when it logs someone in, but both
the records and the mark below name the account they belong to, so nothing carries over to
another person.
"""

from types import SimpleNamespace

from allauth.account.authentication import get_authentication_records
from allauth.mfa.models import Authenticator
from allauth.mfa.utils import is_mfa_enabled

SET_UP_IN_THIS_LOGIN_KEY = "peersupport_second_factor_set_up"
# A single sign-on whose identity provider asserted a second factor (sso.providers reads it from
# the signed ID token or assertion, per the provider's configured amr/acr/AuthnContextClassRef).
ASSERTED_BY_PROVIDER_KEY = "peersupport_second_factor_asserted"
DUE_KEY = "peersupport_second_factor_due"

# The kinds of authenticator that allauth asks for at login (recovery codes only stand in).
LOGIN_AUTHENTICATORS = [Authenticator.Type.TOTP, Authenticator.Type.WEBAUTHN]


def second_factor_passed(request) -> bool:
    """The signed-in person answered a second factor in this login (or set one up in it)."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return False
    records = get_authentication_records(request, user)
    if any(record.get("method") == "mfa" for record in records):
        return True
    return str(user.pk) in (request.session.get(SET_UP_IN_THIS_LOGIN_KEY),
                            request.session.get(ASSERTED_BY_PROVIDER_KEY))


def second_factor_mark_asserted(request, user, asserted: bool) -> None:
    """At a single sign-on: whether the identity provider asserted a second factor for it (any
    other login clears the mark, so a later password login never inherits it)."""
    if asserted:
        request.session[ASSERTED_BY_PROVIDER_KEY] = str(user.pk)
    else:
        request.session.pop(ASSERTED_BY_PROVIDER_KEY, None)


def session_passed_second_factor(session, user) -> bool:
    """The same answer for a login session without a request (a chat socket's, from its
    handshake): the login's own records, never whether an authenticator merely exists."""
    if session is None:
        return False
    return second_factor_passed(SimpleNamespace(user=user, session=session))


def second_factor_mark_set_up(request, user, authenticator) -> None:
    """An authenticator app was just added with a valid code: this login has passed the factor.

    Recovery codes are generated without answering anything, so they do not count.
    """
    if authenticator.type not in LOGIN_AUTHENTICATORS:
        return
    if request is not None and getattr(request, "user", None) == user:
        request.session[SET_UP_IN_THIS_LOGIN_KEY] = str(user.pk)


def second_factor_note_login(request, user) -> None:
    """At every login, whatever the door: remember whether a second factor is still owed.

    allauth's own login asks for the code before it logs anyone in, so this is False there; a
    door that skipped it (or a session from before this check) leaves it True, and
    `SecondFactorMiddleware` asks for the code before anything else opens.
    """
    session = getattr(request, "session", None)
    if session is None:
        return
    due = is_mfa_enabled(user, LOGIN_AUTHENTICATORS) and not second_factor_passed(request)
    session[DUE_KEY] = {"user": str(user.pk), "due": due}


def second_factor_due(request) -> bool:
    """The signed-in person has an authenticator and this login has not answered it yet.

    Reads the session only, except once for a session that predates the login-time note.
    """
    user = request.user
    state = request.session.get(DUE_KEY)
    if not isinstance(state, dict) or state.get("user") != str(user.pk):
        second_factor_note_login(request, user)
        state = request.session[DUE_KEY]
    if not state.get("due"):
        return False
    if second_factor_passed(request):
        request.session[DUE_KEY] = {"user": str(user.pk), "due": False}
        return False
    return True
