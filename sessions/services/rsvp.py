"""RSVPs with capacity and a waitlist. Seats are taken under a row lock on the session."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from groups import policies as group_policies
from sessions.models import RSVP, Notice, Session
from sessions.services.notices import notices_announce, reminders_drop, reminders_plan

FULL_MESSAGE = gettext_lazy("This session is full. Join the waitlist and we will email you if "
                            "a seat comes free.")


def _locked(session: Session) -> Session:
    # Lock the session row only: the group row is the groups app's lock (joining, capacity).
    return (Session.objects.select_for_update(of=("self",)).select_related("group")
            .get(pk=session.pk))


def _going(session: Session) -> int:
    return RSVP.objects.filter(session=session, status=RSVP.Status.GOING).count()


def rsvp_set(*, session: Session, user, status: str) -> RSVP:
    """Going, not going, or onto the waitlist (only when full; with a free seat it means going).

    Raises ValidationError for a cancelled, closed, started or full session, or a non-member.
    """
    if status not in RSVP.Status.values:
        raise ValidationError(_("Choose going or not going."))
    with transaction.atomic():
        session = _locked(session)
        if session.status == Session.Status.CANCELLED:
            raise ValidationError(_("This session was cancelled, so it takes no RSVPs."))
        if session.status == Session.Status.CLOSED:
            raise ValidationError(_("This session was closed, so it takes no RSVPs."))
        if session.starts_at <= timezone.now():
            raise ValidationError(_("This session has already started; RSVPs are closed."))
        if not group_policies.is_member(user, session.group):
            raise ValidationError(_("Join the group first to take part in its sessions."))
        rsvp = RSVP.objects.select_for_update().filter(session=session, user=user).first()
        previous = rsvp.status if rsvp is not None else None
        if previous == status or (previous == RSVP.Status.GOING
                                  and status == RSVP.Status.WAITLISTED):
            return rsvp
        if status in (RSVP.Status.GOING, RSVP.Status.WAITLISTED):
            full = session.capacity is not None and _going(session) >= session.capacity
            if full and status == RSVP.Status.GOING:
                raise ValidationError(str(FULL_MESSAGE))
            status = RSVP.Status.WAITLISTED if full else RSVP.Status.GOING
        if rsvp is None:
            rsvp = RSVP.objects.create(session=session, user=user, status=status)
        else:
            rsvp.status = status
            rsvp.save(update_fields=["status", "updated_at"])
        if status == RSVP.Status.GOING:
            reminders_plan(session=session, user_id=user.pk)
        else:
            reminders_drop(session=session, user=user)
        if previous == RSVP.Status.GOING:
            waitlist_promote(session=session)
        return rsvp


def waitlist_promote(*, session: Session) -> list[int]:
    """Gives free seats to the waitlist, first come first served, and tells each person.

    Call inside a transaction holding the session's row lock. Returns the promoted user ids.
    """
    promoted: list[int] = []
    if session.status != Session.Status.SCHEDULED or session.starts_at <= timezone.now():
        return promoted
    while session.capacity is None or _going(session) < session.capacity:
        first = (RSVP.objects.select_for_update()
                 .filter(session=session, status=RSVP.Status.WAITLISTED)
                 .order_by("updated_at", "pk").first())
        if first is None:
            break
        changed = (RSVP.objects.filter(pk=first.pk, status=RSVP.Status.WAITLISTED)
                   .update(status=RSVP.Status.GOING, updated_at=timezone.now()))
        if changed != 1:
            continue
        reminders_plan(session=session, user_id=first.user_id)
        # Each promotion is its own notice (a person may be promoted, leave, and be promoted again).
        number = Notice.objects.filter(session=session, user_id=first.user_id,
                                       kind=Notice.Kind.PROMOTED).count() + 1
        notices_announce(session=session, user_ids=[first.user_id], kind=Notice.Kind.PROMOTED,
                         revision=number)
        promoted.append(first.user_id)
    return promoted
