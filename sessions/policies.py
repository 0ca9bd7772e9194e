"""Who may see and do what with a session. Views and templates ask here."""

from groups import policies as group_policies
from groups.models import Group
from sessions.models import Session


def can_view_session(user, session: Session) -> bool:
    """Anyone who may see the group (sessions of private groups stay hidden from non-members)."""
    return group_policies.can_view_group(user, session.group)


def can_take_part(user, session: Session) -> bool:
    """RSVP, accept rules, check in: active members of the group."""
    return group_policies.is_member(user, session.group)


def can_manage_session(user, session: Session) -> bool:
    """Only the group's facilitators create, edit, cancel, and take attendance."""
    return group_policies.is_group_facilitator(user, session.group)


def can_schedule_in(user, group: Group) -> bool:
    return group_policies.is_group_facilitator(user, group)


def can_read_feedback(user, session: Session) -> bool:
    """The anonymous check-out answers go to the group's facilitators, and nobody else."""
    return group_policies.is_group_facilitator(user, session.group)
