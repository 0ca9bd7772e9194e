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


def may_be_warned_about_private_list(*, membership, my_rsvp: str | None,
                                     is_session_facilitator: bool) -> bool:
    """The private-list warning on a session page is for an active member who will share the
    room anyway: going, waitlisted or facilitating (docs/privacy.md). Never for a
    non-member, so it can't tell anyone who belongs to a group."""
    from sessions.models import RSVP

    if membership is None or not membership.is_active:
        return False
    return is_session_facilitator or my_rsvp in (RSVP.Status.GOING, RSVP.Status.WAITLISTED)


def can_read_feedback(user, session: Session) -> bool:
    """The anonymous check-out answers go to the group's facilitators, and nobody else."""
    return group_policies.is_group_facilitator(user, session.group)
