"""Taking part: rules accepted, attendance, private moods, anonymous check-out answers."""

import datetime as dt

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from groups import policies as group_policies
from groups.models import Membership
from sessions.models import (
    RSVP,
    Attendance,
    CheckoutAnswer,
    CheckoutReceipt,
    MoodEntry,
    Session,
    SessionRulesAcceptance,
)
from sessions.selectors import session_rules

# Check-in opens this long before the start; attendance can be taken from this long before too.
CHECK_IN_OPENS = dt.timedelta(hours=24)
ATTENDANCE_OPENS = dt.timedelta(minutes=15)


def attendance_record(*, session: Session, user, source: str) -> Attendance:
    """Records that the person attended; safe to call many times (once per session and person)."""
    existing = Attendance.objects.filter(session=session, user=user).first()
    if existing is not None:
        return existing
    try:
        with transaction.atomic():
            return Attendance.objects.create(session=session, user=user, source=source)
    except IntegrityError:
        return Attendance.objects.get(session=session, user=user)


def attendance_note(*, session: Session, user, source: str) -> None:
    """`attendance_record` for a caller that needs nothing back: one INSERT that does nothing
    when the person is already recorded (every chat socket's arrival calls this)."""
    Attendance.objects.bulk_create([Attendance(session=session, user=user, source=source)],
                                   ignore_conflicts=True)


def attendance_set(*, session: Session, present_member_ids: set[int]) -> None:
    """The facilitator's tick list for an in-person session: ticked people are marked present,
    unticked ones lose a facilitator mark (attendance the chat recorded stays).

    People are named by their membership of the session's group (the sheet never carries
    account ids); an id that is not on the sheet is refused.
    """
    if session.starts_at - ATTENDANCE_OPENS > timezone.now():
        raise ValidationError(_("Attendance can be taken once the session is about to start."))
    if session.status == Session.Status.CANCELLED:
        raise ValidationError(_("This session was cancelled."))
    eligible = set(RSVP.objects.filter(session=session, status=RSVP.Status.GOING)
                   .values_list("user_id", flat=True))
    eligible |= set(Attendance.objects.filter(session=session).values_list("user_id", flat=True))
    by_member = dict(Membership.objects.filter(group=session.group_id, user_id__in=eligible)
                     .values_list("pk", "user_id"))
    if present_member_ids - set(by_member):
        raise ValidationError(_("Only people who said they were going can be marked present."))
    present_ids = {by_member[member_id] for member_id in present_member_ids}
    with transaction.atomic():
        (Attendance.objects.filter(session=session, source=Attendance.Source.FACILITATOR)
         .exclude(user_id__in=present_ids).delete())
        already = set(Attendance.objects.filter(session=session).values_list("user_id",
                                                                             flat=True))
        Attendance.objects.bulk_create(
            [Attendance(session=session, user_id=user_id, source=Attendance.Source.FACILITATOR)
             for user_id in present_ids - already],
            ignore_conflicts=True,
        )


def session_rules_accept(*, session: Session, user) -> SessionRulesAcceptance:
    """Records that the member accepted the rules now posted for this session (the exact list
    shown). Accepting again after the rules changed replaces the snapshot with the new one."""
    if not group_policies.is_member(user, session.group):
        raise ValidationError(_("Only members of the group can accept its session rules."))
    rules = session_rules(session=session)
    with transaction.atomic():
        acceptance, created = SessionRulesAcceptance.objects.select_for_update().get_or_create(
            session=session, user=user, defaults={"rules": rules})
        if not created and acceptance.rules != rules:
            acceptance.rules = rules
            acceptance.accepted_at = timezone.now()
            acceptance.save(update_fields=["rules", "accepted_at"])
    return acceptance


def mood_record(*, user, session: Session, moment: str, score: int) -> MoodEntry:
    """A private mood note before or after a session (one of each; a new note replaces it)."""
    if moment not in MoodEntry.Moment.values:
        raise ValidationError(_("Choose before or after."))
    if not 1 <= score <= 5:
        raise ValidationError({"score": _("Choose a number from 1 to 5.")})
    if not group_policies.is_member(user, session.group):
        raise ValidationError(_("Only members of the group can check in to its sessions."))
    now = timezone.now()
    if moment == MoodEntry.Moment.BEFORE and not (
            session.starts_at - CHECK_IN_OPENS <= now <= session.ends_at):
        raise ValidationError(_("Check-in opens a day before the session and closes at its end."))
    if moment == MoodEntry.Moment.AFTER and now < session.starts_at:
        raise ValidationError(_("Check-out opens once the session has started."))
    entry, _created = MoodEntry.objects.update_or_create(
        user=user, session=session, moment=moment, defaults={"score": score})
    return entry


def checkout_answer(*, session: Session, user, score: int, comment: str = "") -> None:
    """One anonymous answer per attendee. The receipt (who answered) and the answer (what) are
    separate rows with nothing that links them."""
    if not 1 <= score <= 5:
        raise ValidationError({"score": _("Choose a number from 1 to 5.")})
    if session.starts_at > timezone.now():
        raise ValidationError(_("You can answer once the session has taken place."))
    if not Attendance.objects.filter(session=session, user=user).exists():
        raise ValidationError(_("Only people who attended can answer for this session."))
    today = timezone.now().astimezone(dt.UTC).replace(hour=0, minute=0, second=0, microsecond=0)
    try:
        with transaction.atomic():
            CheckoutReceipt.objects.create(session=session, user=user)
            CheckoutAnswer.objects.create(session=session, score=score,
                                          comment=comment.strip()[:1000], created_at=today)
    except IntegrityError as exc:
        raise ValidationError(_("You have already answered for this session. Thank you.")) from exc
