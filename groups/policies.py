"""Who may see and do what in a group. Views, consumers and templates all ask here."""

from django.utils import timezone

from groups.models import Group, JoinRequest, Membership, Removal


def membership_of(user, group: Group) -> Membership | None:
    """The user's active membership of the group, or None."""
    if not user.is_authenticated:
        return None
    return (Membership.objects.select_related("group")
            .filter(group=group, user=user, status=Membership.Status.ACTIVE).first())


def is_member(user, group: Group) -> bool:
    return membership_of(user, group) is not None


def is_group_facilitator(user, group: Group) -> bool:
    membership = membership_of(user, group)
    return membership is not None and membership.role == Membership.Role.FACILITATOR


def can_view_group(user, group: Group) -> bool:
    """Open and request groups are visible to every signed-in person; private ones to members."""
    if not (user.is_authenticated and user.is_active):
        return False
    if group.visibility != Group.Visibility.PRIVATE:
        return True
    return is_member(user, group)


def can_view_group_as(user, group: Group, membership: Membership | None) -> bool:
    """`can_view_group` for a caller that already holds the viewer's active membership."""
    if not (user.is_authenticated and user.is_active):
        return False
    return group.visibility != Group.Visibility.PRIVATE or membership is not None


def can_see_members(user, group: Group) -> bool:
    return is_member(user, group)


def can_manage(membership: Membership | None) -> bool:
    """Group-level facilitator rights (edit, rules, requests, invitations, members, resources)."""
    return membership is not None and membership.is_facilitator


def can_take_part(membership: Membership | None) -> bool:
    """An active member who has accepted the group's current ground rules."""
    return membership is not None and membership.is_active and membership.has_current_rules


def rejoin_block(latest_removal: Removal | None) -> Removal | None:
    """The removal that still keeps the person out of the group, if any."""
    if latest_removal is None or latest_removal.lifted_at is not None:
        return None
    if latest_removal.banned:
        return latest_removal
    if latest_removal.blocked_until and latest_removal.blocked_until > timezone.now():
        return latest_removal
    return None


def name_in_group(user, group: Group, membership: Membership | None = None, *,
                  pseudonym: str | None = None) -> str:
    """The name a person is shown by inside a group: their pseudonym where the group allows it.

    `pseudonym` overrides the membership lookup (e.g. the name asked for in a join request).
    """
    if group.allow_pseudonyms:
        if pseudonym is None:
            if membership is None:
                membership = Membership.objects.filter(group=group, user=user).first()
            pseudonym = membership.pseudonym if membership is not None else ""
        if pseudonym:
            return pseudonym
    return user.name


def pronouns_in_group(user, group: Group, membership: Membership | None = None) -> str:
    """The pronouns shown next to a person's name inside a group ("" for none).

    Next to a pseudonym only the pseudonym's own pronouns, never the account's (they could link
    the two); next to the person's own name their pronouns, if they chose to show them.
    """
    if group.allow_pseudonyms:
        if membership is None:
            membership = Membership.objects.filter(group=group, user=user).first()
        if membership is not None and membership.pseudonym:
            return membership.pseudonym_pronouns
    return user.shown_pronouns


def pronouns_in_request(join_request: JoinRequest) -> str:
    """The pronouns shown next to the requester's name in a join request ("" for none).

    A request under a pseudonym shows no pronouns: the pseudonym's own are chosen once the
    person is a member, and the account's would link the pseudonym to its person.
    """
    if join_request.group.allow_pseudonyms and join_request.pseudonym:
        return ""
    return join_request.user.shown_pronouns
