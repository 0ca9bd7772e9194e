"""Joining, taking part and leaving. Seats are taken under a row lock on the group."""

from datetime import timedelta

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models.functions import Lower
from django.utils import formats, timezone
from django.utils.translation import gettext as _

from accounts.models import User
from groups import policies, tasks
from groups.models import Group, Invitation, Membership, Removal, RuleAcceptance
from groups.selectors import invitation_problem
from peersupport.realtime import send_to_user_on_commit

PSEUDONYM_MAX = 60
PRONOUNS_MAX = 40
MAX_BLOCK_DAYS = 365


def _lock_group(group: Group) -> Group:
    return Group.objects.select_for_update().get(pk=group.pk)


def _check_not_blocked(group: Group, user: User) -> None:
    latest = Removal.objects.filter(group=group, user=user).order_by("-created_at").first()
    block = policies.rejoin_block(latest)
    if block is None:
        return
    if block.banned:
        raise ValidationError(_("The facilitators have removed you from this group for good."),
                              code="banned")
    until = formats.date_format(timezone.localtime(block.blocked_until), "DATETIME_FORMAT")
    raise ValidationError(_("You were removed from this group and can rejoin after %(until)s.")
                          % {"until": until}, code="blocked")


def _check_capacity(group: Group) -> None:
    """Call with the group row locked, so two people can't take the last seat."""
    if group.capacity is None:
        return
    active = Membership.objects.filter(group=group, status=Membership.Status.ACTIVE).count()
    if active >= group.capacity:
        raise ValidationError(_("This group is full."), code="full")


def _check_rules_version(group: Group, accepted_version: int) -> None:
    if accepted_version != group.rules_version:
        raise ValidationError(_(
            "The ground rules changed while you were reading them. Please read the current "
            "rules and accept them again."), code="rules_changed")


def pseudonym_clean(*, group: Group, user: User, pseudonym: str) -> str:
    """A pseudonym that may be used in the group (empty when none is wanted)."""
    pseudonym = " ".join((pseudonym or "").split())
    if not pseudonym:
        return ""
    if not group.allow_pseudonyms:
        raise ValidationError({"pseudonym": _("This group does not use pseudonyms.")})
    if len(pseudonym) > PSEUDONYM_MAX:
        raise ValidationError({"pseudonym": _("Keep it under %(max)d characters.")
                               % {"max": PSEUDONYM_MAX}})
    taken = (Membership.objects.filter(group=group).exclude(user=user)
             .annotate(lower=Lower("pseudonym")).filter(lower=pseudonym.lower()).exists())
    if taken:
        raise ValidationError({"pseudonym": _("Someone in this group already uses that name.")})
    return pseudonym


def membership_activate(*, group: Group, user: User, accepted_version: int, pseudonym: str = "",
                        role: str = Membership.Role.MEMBER) -> Membership:
    """Makes the person an active member (reusing an old membership row). Caller holds the lock."""
    now = timezone.now()
    membership = Membership.objects.select_for_update().filter(group=group, user=user).first()
    if membership is None:
        membership = Membership.objects.create(
            group=group, user=user, role=role, pseudonym=pseudonym, joined_at=now,
            accepted_rules_version=accepted_version)
    else:
        membership.role = role
        membership.status = Membership.Status.ACTIVE
        membership.pseudonym = pseudonym or membership.pseudonym
        membership.accepted_rules_version = accepted_version
        membership.joined_at = now
        membership.left_at = None
        membership.save()
    RuleAcceptance.objects.get_or_create(group=group, user=user, version=accepted_version)
    membership.group = group
    return membership


def membership_join(*, group: Group, user: User, accepted_version: int, pseudonym: str = "",
                    invitation: Invitation | None = None) -> Membership:
    """Joins an open group, or a private group through a valid invitation.

    `accepted_version` is the rules version the person read and accepted on the page.
    Request-to-join groups go through `join_request_create`.
    """
    try:
        with transaction.atomic():
            group = _lock_group(group)
            if group.visibility == Group.Visibility.PRIVATE:
                if invitation is None or invitation.group_id != group.pk:
                    raise ValidationError(_("This group is by invitation only."), code="private")
                invitation = Invitation.objects.select_for_update().get(pk=invitation.pk)
                problem = invitation_problem(invitation)
                if problem:
                    raise ValidationError(problem, code="invitation")
            elif group.visibility == Group.Visibility.REQUEST:
                raise ValidationError(_("A facilitator approves each request to join this group."),
                                      code="request_only")
            if Membership.objects.filter(group=group, user=user,
                                         status=Membership.Status.ACTIVE).exists():
                raise ValidationError(_("You are already a member of this group."), code="member")
            _check_not_blocked(group, user)
            _check_rules_version(group, accepted_version)
            _check_capacity(group)
            pseudonym = pseudonym_clean(group=group, user=user, pseudonym=pseudonym)
            membership = membership_activate(group=group, user=user,
                                             accepted_version=accepted_version,
                                             pseudonym=pseudonym)
            if invitation is not None:
                Invitation.objects.filter(pk=invitation.pk).update(uses=invitation.uses + 1)
    except IntegrityError as exc:  # the same pseudonym taken at the same moment
        raise ValidationError({"pseudonym": _("Someone in this group already uses that name.")}
                              ) from exc
    return membership


def membership_rules_accept(*, membership: Membership, accepted_version: int) -> Membership:
    """Records that the member accepted the group's current rules (the version they read)."""
    with transaction.atomic():
        group = Group.objects.get(pk=membership.group_id)
        _check_rules_version(group, accepted_version)
        updated = Membership.objects.filter(
            pk=membership.pk, status=Membership.Status.ACTIVE,
            accepted_rules_version__lt=accepted_version,
        ).update(accepted_rules_version=accepted_version)
        if not updated and not Membership.objects.filter(
                pk=membership.pk, status=Membership.Status.ACTIVE).exists():
            raise ValidationError(_("You are no longer a member of this group."), code="not_member")
        RuleAcceptance.objects.get_or_create(group=group, user_id=membership.user_id,
                                             version=accepted_version)
    membership.refresh_from_db()
    return membership


def membership_pseudonym_set(*, membership: Membership, pseudonym: str,
                             pronouns: str = "") -> Membership:
    """Sets the name used in the group and that name's own pronouns (dropped with the name:
    without a pseudonym the person's own name shows, with their profile's pronouns)."""
    group = membership.group
    cleaned = pseudonym_clean(group=group, user=membership.user, pseudonym=pseudonym)
    pronouns = " ".join((pronouns or "").split()) if cleaned else ""
    if len(pronouns) > PRONOUNS_MAX:
        raise ValidationError(
            {"pseudonym_pronouns": _("Keep it under %(max)d characters.") % {"max": PRONOUNS_MAX}})
    try:
        with transaction.atomic():
            Membership.objects.filter(pk=membership.pk).update(pseudonym=cleaned,
                                                                pseudonym_pronouns=pronouns)
    except IntegrityError as exc:
        raise ValidationError({"pseudonym": _("Someone in this group already uses that name.")}
                              ) from exc
    membership.pseudonym = cleaned
    membership.pseudonym_pronouns = pronouns
    return membership


def membership_leave(*, group: Group, user: User) -> Membership:
    """Leaves at once. The only facilitator is asked to hand over first."""
    with transaction.atomic():
        group = _lock_group(group)
        membership = (Membership.objects.select_for_update()
                      .filter(group=group, user=user, status=Membership.Status.ACTIVE).first())
        if membership is None:
            raise ValidationError(_("You are not a member of this group."), code="not_member")
        if membership.role == Membership.Role.FACILITATOR and not Membership.objects.filter(
                group=group, role=Membership.Role.FACILITATOR,
                status=Membership.Status.ACTIVE).exclude(pk=membership.pk).exists():
            raise ValidationError(_(
                "You are this group's only facilitator. Make a member co-facilitator first, so "
                "the group is not left without one."), code="last_facilitator")
        membership.status = Membership.Status.LEFT
        membership.left_at = timezone.now()
        membership.role = Membership.Role.MEMBER
        membership.save(update_fields=["status", "left_at", "role"])
        # Open chat sockets re-check access at once and close (in seconds, not at the next poll).
        send_to_user_on_commit(user_id=user.pk, event={"type": "access.recheck"})
    return membership


def membership_remove(*, group: Group, by: User, membership: Membership, reason: str,
                      block_days: int | None = None, ban: bool = False) -> Removal:
    """A facilitator removes a member; the member is told, with the reason, by email."""
    reason = reason.strip()
    if not reason:
        raise ValidationError({"reason": _("Tell the member why; they will receive this reason.")})
    if len(reason) > 1000:
        raise ValidationError({"reason": _("Keep the reason under 1000 characters.")})
    if block_days is not None and not 0 <= block_days <= MAX_BLOCK_DAYS:
        raise ValidationError({"block_days": _("Choose 0 to %(max)d days.")
                               % {"max": MAX_BLOCK_DAYS}})
    with transaction.atomic():
        group = _lock_group(group)
        target = (Membership.objects.select_for_update().select_related("user")
                  .filter(pk=membership.pk, group=group).first())
        if target is None or target.status != Membership.Status.ACTIVE:
            raise ValidationError(_("This person is not a member any more."), code="not_member")
        if target.user_id == by.pk:
            raise ValidationError(_("Use “Leave group” to leave yourself."), code="self")
        if target.role == Membership.Role.FACILITATOR:
            raise ValidationError(_("Facilitators can't be removed here; ask them to step down."),
                                  code="facilitator")
        now = timezone.now()
        removal = Removal.objects.create(
            group=group, user=target.user, removed_by=by, reason=reason, banned=ban,
            blocked_until=(now + timedelta(days=block_days)) if block_days and not ban else None)
        target.status = Membership.Status.REMOVED
        target.left_at = now
        target.save(update_fields=["status", "left_at"])
        send_to_user_on_commit(user_id=target.user_id, event={"type": "access.recheck"})
        transaction.on_commit(
            lambda: tasks.send_notice.delay("removed", removal.pk, target.user_id))
    return removal


def membership_promote(*, group: Group, by: User, membership: Membership) -> bool:
    """Makes an active member a co-facilitator. False when they already were one.

    In a group that requires trained facilitators, only a trained person can be promoted."""
    from training import policies as training_policies

    if (training_policies.group_requires_training(group)
            and membership.role == Membership.Role.MEMBER
            and not training_policies.is_trained(membership.user)):
        raise ValidationError(_(
            "This group requires trained facilitators, and this person hasn't completed the "
            "facilitator path of the listening training yet. They can take it on the "
            "Listening page; once it is done you can promote them."),
            code="training_required")
    updated = Membership.objects.filter(
        pk=membership.pk, group=group, status=Membership.Status.ACTIVE,
        role=Membership.Role.MEMBER).update(role=Membership.Role.FACILITATOR)
    if updated:
        return True
    if Membership.objects.filter(pk=membership.pk, group=group, status=Membership.Status.ACTIVE,
                                 role=Membership.Role.FACILITATOR).exists():
        return False
    raise ValidationError(_("This person is not a member any more."), code="not_member")
