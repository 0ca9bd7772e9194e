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
    allowed = {"display_name", "pronouns", "department", "time_zone", "manager"}
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


def user_deactivate(*, user: User) -> User:
    with transaction.atomic():
        user.is_active = False
        user.save(update_fields=["is_active"])
        user_sessions_end(user=user)
    return user
