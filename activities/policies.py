"""Who may see and do what with activities. Views, consumers and templates ask here.

Seeing: a published activity, everyone signed in; an unpublished one (a facilitator's own),
its author and the active members of the groups it is shared with. Writing: facilitators of a
group (two-factor set up). Editing: the author, until an admin publishes it (then the admin).
Planning into a session and running it: the session group's facilitators.
"""

from django.db.models import Q

from activities.models import Activity
from groups.models import Membership
from peersupport.permissions import has_two_factor, two_factor_passed
from sessions import policies as session_policies
from sessions.models import Session


def _active(user) -> bool:
    return bool(user.is_authenticated and user.is_active)


def member_group_ids(user) -> set[int]:
    if not _active(user):
        return set()
    return set(Membership.objects.filter(user=user, status=Membership.Status.ACTIVE)
               .values_list("group_id", flat=True))


def facilitated_group_ids(user) -> set[int]:
    if not _active(user):
        return set()
    return set(Membership.objects.filter(user=user, status=Membership.Status.ACTIVE,
                                         role=Membership.Role.FACILITATOR)
               .values_list("group_id", flat=True))


def visible_q(user, group_ids: set[int]) -> Q:
    """The activities `user` may see (their active groups: `group_ids`), as a filter."""
    return Q(is_published=True) | Q(author=user) | Q(groups__in=group_ids)


def can_view(user, activity: Activity) -> bool:
    if not _active(user):
        return False
    if activity.is_published or activity.author_id == user.pk:
        return True
    shared = set(activity.groups.values_list("pk", flat=True))
    return bool(shared & member_group_ids(user))


def _second_factor(user, second_factor: bool | None) -> bool:
    """`second_factor`: whether this login answered a code or had a second factor asserted by
    the company's identity provider (a caller with a request or a socket knows); None: an
    authenticator set up here (code with no login at hand)."""
    if second_factor is None:
        return has_two_factor(user)
    return two_factor_passed(user, second_factor)


def can_write(user, *, second_factor: bool | None = None) -> bool:
    """Facilitators of at least one group write their own activities (two-factor)."""
    return bool(facilitated_group_ids(user)) and _second_factor(user, second_factor)


def can_edit(user, activity: Activity, *, second_factor: bool | None = None) -> bool:
    return (_active(user) and activity.author_id == user.pk and not activity.is_published
            and _second_factor(user, second_factor))


def can_plan(user, session: Session, *, second_factor: bool | None = None) -> bool:
    """Attach activities to a session: its group's facilitators (two-factor)."""
    return (session_policies.can_manage_session(user, session)
            and _second_factor(user, second_factor))


def can_run(user, session: Session, *, second_factor: bool | None = None) -> bool:
    """Start, advance, pause and end an activity (chat and presenter page)."""
    return can_plan(user, session, second_factor=second_factor)
