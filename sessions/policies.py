"""Who may see and do what with a session."""

from groups import policies as group_policies
from sessions.models import Session


def can_view_session(user, session: Session) -> bool:
    return group_policies.can_view_group(user, session.group)


def can_manage_session(user, session: Session) -> bool:
    """Only the group's facilitators create, edit, cancel, and take attendance."""
    return group_policies.is_group_facilitator(user, session.group)
