"""Who may see and do what with a recognition. Views, selectors and templates ask here.

Seeing: the giver and the recipients always (unless hidden: then the giver only); otherwise
nobody when a recipient opted out of public display; otherwise everyone signed in for
public ones, and the group's active members for group ones. Moderating: the group's
facilitators for group-context recognitions, staff for the rest.
"""

from django.db.models import Exists, OuterRef, QuerySet

from groups.models import Group, Membership
from groups.policies import is_group_facilitator, membership_of
from recognition.models import Recognition, RecognitionPreference


def is_recipient(user, recognition: Recognition) -> bool:
    return recognition.recipient_links.filter(recipient_id=user.pk).exists()


def opted_out_recipients(recognition_ref, group_ref) -> QuerySet[RecognitionPreference]:
    """The "never show me publicly" preferences that apply to a recognition's recipients
    (`recognition_ref`, `group_ref`: values or OuterRefs to the recognition's id and group).

    A recipient who takes part under a pseudonym in the recognition's group is left out:
    the recognition shows the pseudonym, not them, and letting their account's preference
    change what the group sees would tell the group (and the giver) something about the
    account behind the pseudonym (docs/privacy.md).
    """
    under_pseudonym = Membership.objects.filter(
        user_id=OuterRef("user_id"), group_id=group_ref, group__allow_pseudonyms=True,
    ).exclude(pseudonym="")
    return RecognitionPreference.objects.filter(
        ~Exists(under_pseudonym),
        user__recognition_links__recognition=recognition_ref, never_public=True)


def has_opted_out_recipient(recognition: Recognition) -> bool:
    return opted_out_recipients(recognition.pk, recognition.group_id).exists()


def can_view(user, recognition: Recognition) -> bool:
    if not (user.is_authenticated and user.is_active):
        return False
    if recognition.giver_id == user.pk:
        return True
    if recognition.is_hidden:
        return False
    if is_recipient(user, recognition):
        return True
    if recognition.visibility == Recognition.Visibility.PRIVATE:
        return False
    if has_opted_out_recipient(recognition):
        return False
    if recognition.group_id is None:
        return recognition.visibility == Recognition.Visibility.PUBLIC
    return membership_of(user, recognition.group) is not None


def can_engage(user, recognition: Recognition) -> bool:
    """React, reply and report: whoever may see it, while it is not hidden."""
    return not recognition.is_hidden and can_view(user, recognition)


def can_moderate(user, recognition: Recognition) -> bool:
    if not (user.is_authenticated and user.is_active):
        return False
    if recognition.group_id is not None:
        return is_group_facilitator(user, recognition.group)
    return bool(user.is_staff)


def can_give_in_group(user, group: Group) -> bool:
    """Recognition within a group is for its active members."""
    return membership_of(user, group) is not None


def moderated_group_ids(user) -> list[int]:
    """Groups whose recognitions this person moderates (they facilitate them)."""
    if not (user.is_authenticated and user.is_active):
        return []
    return list(Membership.objects.filter(
        user=user, status=Membership.Status.ACTIVE, role=Membership.Role.FACILITATOR
    ).values_list("group_id", flat=True))


def can_moderate_anything(user) -> bool:
    return bool(user.is_authenticated and user.is_active
                and (user.is_staff or moderated_group_ids(user)))
