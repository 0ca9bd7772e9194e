from django.conf import settings
from django.contrib.sessions.backends.base import SessionBase
from django.db import transaction

from accounts.models import User

ROLES = ("facilitator", "hr")


def user_role_grant(*, user: User, role: str) -> User:
    if role not in ROLES:
        raise ValueError(f"Unknown role {role!r}; expected one of {', '.join(ROLES)}.")
    setattr(user, f"is_{role}", True)
    user.save(update_fields=[f"is_{role}"])
    return user


def user_role_revoke(*, user: User, role: str) -> User:
    if role not in ROLES:
        raise ValueError(f"Unknown role {role!r}; expected one of {', '.join(ROLES)}.")
    setattr(user, f"is_{role}", False)
    user.save(update_fields=[f"is_{role}"])
    return user


def user_profile_update(*, user: User, **fields) -> User:
    allowed = {"display_name", "pronouns", "show_pronouns", "department", "time_zone",
               "language", "manager"}
    unknown = set(fields) - allowed
    if unknown:
        raise ValueError(f"Not profile fields: {', '.join(sorted(unknown))}")
    for name, value in fields.items():
        setattr(user, name, value)
    user.save(update_fields=list(fields))
    return user


def user_sessions_end(*, user: User) -> None:
    """Closes the person's live connections (chat sockets) after commit.

    Called on logout and deactivation; the chat app listens on the per-user group.
    """
    from peersupport.realtime import send_to_user_on_commit

    send_to_user_on_commit(user_id=user.pk, event={"type": "user.disconnect", "reason": "logout"})


def user_logout_finish(*, user: User, login: SessionBase | None) -> None:
    """What a logout owes the person's live connections, called as Django logs them out.

    Django announces a logout (`user_logged_out`) before it deletes the login session. A chat
    socket that arrived in between would pass its access check with the session still there and
    join the person's group after the notice went out: it would stay open. So the session is
    deleted first, and only then are the sockets told. A socket checks its login session after it
    joined the person's group (chat.consumers), so it either finds the session gone or gets the
    notice.
    """
    if login is not None:
        login.flush()  # Django's own flush right after finds nothing left to delete
    user_sessions_end(user=user)


def user_deactivate(*, user: User) -> User:
    with transaction.atomic():
        user.is_active = False
        user.save(update_fields=["is_active"])
        user_sessions_end(user=user)
    return user


def home_visit_record(*, user: User, at) -> None:
    """Moves the person's "last visit" marker forward (never back: two tabs, one clock)."""
    from django.db.models import Q

    User.objects.filter(Q(home_seen_at__isnull=True) | Q(home_seen_at__lt=at),
                        pk=user.pk).update(home_seen_at=at)


def user_language_set(*, user: User, language: str) -> User:
    """The language the product speaks to the person ("" : their browser's)."""
    if language and language not in {code for code, _name in settings.LANGUAGES}:
        raise ValueError(f"Unsupported language {language!r}.")
    user.language = language
    user.save(update_fields=["language"])
    return user
