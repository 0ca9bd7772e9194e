"""Who may see and do what in a group. Views, consumers and templates all ask here."""

from groups.models import Group, Membership


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


def can_see_members(user, group: Group) -> bool:
    return is_member(user, group)


def name_in_group(user, group: Group, membership: Membership | None = None) -> str:
    """The name a person is shown by inside a group: their pseudonym where the group allows it."""
    if group.allow_pseudonyms:
        if membership is None:
            membership = Membership.objects.filter(group=group, user=user).first()
        if membership is not None and membership.pseudonym:
            return membership.pseudonym
    return user.name
