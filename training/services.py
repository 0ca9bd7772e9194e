"""Writes for the training: a learner's own progress, practice replies, answers, sign-offs and
the trained-facilitator status. Every function acts for one person on their own rows only."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import formats, timezone
from django.utils.translation import gettext as _

from peersupport import listening
from peersupport.i18n import in_language_of
from sessions.models import Attendance
from training import policies
from training.models import (
    Certification,
    ChoiceAnswer,
    ChoiceQuestion,
    ItemPassed,
    Module,
    ModuleProgress,
    PracticeItem,
    PracticeReply,
    SignOff,
)

REPLY_MAX = 2000


def module_start(*, user, module: Module) -> ModuleProgress:
    progress, _created = ModuleProgress.objects.get_or_create(
        user=user, module=module, defaults={"started_at": timezone.now()})
    return progress


def reply_clean(text: Any) -> str:
    if not isinstance(text, str) or not text.strip():
        raise ValidationError(_("Write your reply first."), code="empty")
    text = text.strip()
    if len(text) > REPLY_MAX:
        raise ValidationError(_("Please keep a reply under %(n)d characters.") % {"n": REPLY_MAX},
                              code="too_long")
    return text


def reply_passes(feedback: listening.Feedback) -> bool:
    """A practice reply passes with at least one listening move and no pitfall."""
    return bool(feedback.moves) and not feedback.pitfalls


def practice_reply_submit(*, user, item: PracticeItem, text: Any) -> tuple[PracticeReply,
                                                                            listening.Feedback]:
    """Stores a reply and what the analyzer found, read with the rules of the active language
    (on the learner's pages, their own: a reply written in Spanish is read in Spanish)."""
    text = reply_clean(text)
    feedback = listening.analyse(text)
    now = timezone.now()
    passed = reply_passes(feedback)
    with transaction.atomic():
        module_start(user=user, module=item.module)
        reply = PracticeReply.objects.create(user=user, item=item, text=text,
                                             moves=feedback.moves, pitfalls=feedback.pitfalls,
                                             passed=passed, created_at=now)
        if passed:
            ItemPassed.objects.get_or_create(user=user, item=item, defaults={"passed_at": now})
    completed = module_complete_if_done(user=user, module=item.module)
    if passed and not completed and Certification.objects.filter(user=user).exists():
        certification_check(user=user)  # a refresher reply
    return reply, feedback


def practice_reply_delete(*, user, reply_id: int) -> bool:
    """Deletes one of the learner's own replies. Passing the item stays recorded (a fact about
    the path, not the words); False when there is no such reply of theirs."""
    deleted, _ = PracticeReply.objects.filter(user=user, pk=reply_id).delete()
    return bool(deleted)


def practice_replies_delete_all(*, user) -> int:
    deleted, _ = PracticeReply.objects.filter(user=user).delete()
    return deleted


def choice_answer(*, user, question: ChoiceQuestion, chosen: Any) -> ChoiceAnswer:
    if chosen not in ChoiceQuestion.Better.values:
        raise ValidationError(_("Choose reply A or reply B."), code="invalid")
    with transaction.atomic():
        module_start(user=user, module=question.module)
        answer, _created = ChoiceAnswer.objects.update_or_create(
            user=user, question=question,
            defaults={"chosen": chosen, "correct": chosen == question.better,
                      "answered_at": timezone.now()})
    module_complete_if_done(user=user, module=question.module)
    return answer


def module_complete_if_done(*, user, module: Module) -> bool:
    """Marks the module completed once every practice item is passed and every question
    answered right. True when this call completed it (a conditional update: once only)."""
    items = set(PracticeItem.objects.filter(module=module).values_list("pk", flat=True))
    passed = set(ItemPassed.objects.filter(user=user, item__module=module)
                 .values_list("item_id", flat=True))
    questions = ChoiceQuestion.objects.filter(module=module).count()
    right = ChoiceAnswer.objects.filter(user=user, question__module=module, correct=True).count()
    if items - passed or right < questions:
        return False
    done = ModuleProgress.objects.filter(user=user, module=module, completed_at=None).update(
        completed_at=timezone.now())
    if done:
        certification_check(user=user)
    return bool(done)


def signoff_record(*, by, user, session=None, note: str = "") -> SignOff:
    """A trained facilitator signs off a live practice round they observed `user` listen in."""
    if not policies.may_sign_off(by):
        raise ValidationError(_("Only a trained facilitator can sign off a practice round."),
                              code="not_trained")
    if by.pk == user.pk:
        raise ValidationError(_("You can't sign off your own practice round."), code="self")
    if session is not None and not session.facilitators.filter(pk=by.pk).exists():
        raise ValidationError(_("You can sign off only rounds in sessions you facilitated."),
                              code="not_facilitator")
    if session is not None and not Attendance.objects.filter(session=session,
                                                             user=user).exists():
        raise ValidationError(_("They didn't take part in that session."), code="not_there")
    try:
        with transaction.atomic():
            signoff = SignOff.objects.create(user=user, signed_off_by=by, session=session,
                                             note=(note or "").strip()[:300],
                                             created_at=timezone.now())
    except IntegrityError:
        raise ValidationError(_("This round is already signed off."), code="duplicate") from None
    certification_check(user=user)
    return signoff


def _facilitator_modules_completed(user) -> bool:
    modules = set(Module.objects.filter(is_published=True, for_facilitators=True)
                  .values_list("pk", flat=True))
    done = set(ModuleProgress.objects.filter(user=user, module__in=modules)
               .exclude(completed_at=None).values_list("module_id", flat=True))
    return bool(modules) and modules <= done


def _refresher_done(user, since: dt.datetime) -> bool:
    """The refresher: one practice reply passed in every facilitator-path module since it
    opened."""
    modules = set(Module.objects.filter(is_published=True, for_facilitators=True)
                  .values_list("pk", flat=True))
    recent = set(PracticeReply.objects.filter(user=user, passed=True, created_at__gte=since,
                                              item__module__in=modules)
                 .values_list("item__module", flat=True))
    return bool(modules) and modules <= recent


def certification_check(*, user, now: dt.datetime | None = None) -> Certification | None:
    """Grants the trained-facilitator status when its conditions are met; None otherwise.

    First time: every facilitator-path module completed and one observed round signed off.
    Then, from 30 days before the status ends: the refresher renews it for 12 more months."""
    now = now or timezone.now()
    latest = Certification.objects.filter(user=user).order_by("-expires_at").first()
    with transaction.atomic():
        if latest is None:
            if not (_facilitator_modules_completed(user)
                    and SignOff.objects.filter(user=user).exists()):
                return None
            return Certification.objects.create(user=user, kind=Certification.Kind.PATH,
                                                granted_at=now,
                                                expires_at=now + policies.TRAINED_FOR)
        opened = latest.expires_at - policies.REMIND_BEFORE
        if now < opened or not _refresher_done(user, opened):
            return None
        return Certification.objects.create(
            user=user, kind=Certification.Kind.REFRESHER, granted_at=now,
            expires_at=max(now, latest.expires_at) + policies.TRAINED_FOR)


def certification_grant(*, user, now: dt.datetime | None = None,
                        kind: str = Certification.Kind.ADMIN) -> Certification:
    """An admin (or the demo) records someone as trained for 12 months from `now`."""
    now = now or timezone.now()
    return Certification.objects.create(user=user, kind=kind, granted_at=now,
                                        expires_at=now + policies.TRAINED_FOR)


def refresher_reminders_send(*, now: dt.datetime | None = None) -> int:
    """Emails everyone whose status ends within 30 days and who has not renewed, once per
    certification (claimed with a conditional update, so two workers never both send)."""
    now = now or timezone.now()
    due = Certification.objects.filter(expires_at__gt=now,
                                       expires_at__lte=now + policies.REMIND_BEFORE,
                                       reminded_at=None).select_related("user")
    sent = 0
    for cert in due:
        if Certification.objects.filter(user=cert.user_id,
                                        expires_at__gt=cert.expires_at).exists():
            continue  # already renewed
        claimed = Certification.objects.filter(pk=cert.pk, reminded_at=None).update(
            reminded_at=now)
        if not claimed or not cert.user.is_active:
            continue
        link = settings.SITE_URL.rstrip("/") + reverse("training:facilitator_path")
        try:
            _send_reminder(cert, link)
        except OSError:
            # Not sent: release the claim so the retry (or the next hour) sends it.
            Certification.objects.filter(pk=cert.pk).update(reminded_at=None)
            raise
        sent += 1
    return sent


def _send_reminder(cert: Certification, link: str) -> None:
    """The reminder in the recipient's own language, the date in its format."""
    with in_language_of(cert.user):
        date = formats.date_format(timezone.localtime(cert.expires_at), "DATE_FORMAT")
        subject = _("Your trained-facilitator status ends on %(date)s") % {"date": date}
        body = _("Hello %(name)s,\n\nThank you for a year of facilitating. Your "
                 "trained-facilitator status ends on %(date)s. The refresher takes about an "
                 "hour: one practice reply in each module of the facilitator path. You can "
                 "start it now:\n\n%(link)s\n\nGroups that require trained facilitators will "
                 "ask for it once the status ends.") % {
            "name": cert.user.display_name or cert.user.email, "date": date, "link": link}
    send_mail(subject, body, None, [cert.user.email])
