"""Trained facilitators: the path, the 12-month status, the refresher and its reminder, groups
that require training, and the badge."""

import datetime as dt

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.test import Client
from django.utils import timezone

from groups import services as group_services
from groups.models import Group, Membership
from sessions.models import Attendance, Session
from tests.groups.conftest import join, make_group
from tests.sessions.factories import schedule
from tests.training.conftest import GOOD_REPLY, complete_module
from training import policies, services
from training.models import Certification, Module, PracticeItem, SignOff


def logged_in(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def trainer(facilitator) -> object:
    services.certification_grant(user=facilitator)
    return facilitator


def _complete_path(user) -> None:
    for module in Module.objects.filter(for_facilitators=True):
        complete_module(user, module)


def test_the_path_needs_every_module_and_a_sign_off(employee, trainer):
    _complete_path(employee)
    assert not policies.is_trained(employee)  # modules alone are not enough
    services.signoff_record(by=trainer, user=employee)
    cert = Certification.objects.get(user=employee)
    assert cert.kind == "path" and policies.is_trained(employee)
    assert cert.expires_at - cert.granted_at == dt.timedelta(days=365)


def test_a_sign_off_alone_is_not_enough(employee, trainer):
    services.signoff_record(by=trainer, user=employee)
    assert not policies.is_trained(employee)


def test_only_a_trained_facilitator_signs_off(employee, member):
    with pytest.raises(ValidationError) as exc:
        services.signoff_record(by=member, user=employee)
    assert exc.value.code == "not_trained"
    assert not SignOff.objects.exists()


def test_nobody_signs_themselves_off(trainer):
    with pytest.raises(ValidationError):
        services.signoff_record(by=trainer, user=trainer)


def test_status_lapses_after_twelve_months(employee, trainer):
    _complete_path(employee)
    services.signoff_record(by=trainer, user=employee)
    later = timezone.now() + dt.timedelta(days=366)
    assert not policies.is_trained(employee, now=later)


def test_the_refresher_renews_for_twelve_more_months(employee):
    cert = services.certification_grant(user=employee,
                                        now=timezone.now() - dt.timedelta(days=340))
    assert policies.refresher_open(employee)
    for module in Module.objects.filter(for_facilitators=True):
        item = PracticeItem.objects.filter(module=module).first()
        services.practice_reply_submit(user=employee, item=item, text=GOOD_REPLY)
    renewed = Certification.objects.filter(user=employee).order_by("-expires_at").first()
    assert renewed.kind == "refresher"
    assert renewed.expires_at == cert.expires_at + dt.timedelta(days=365)


def test_the_refresher_is_not_open_early(employee):
    services.certification_grant(user=employee, now=timezone.now() - dt.timedelta(days=100))
    assert not policies.refresher_open(employee)


def test_the_reminder_is_sent_once_30_days_before(employee, member):
    services.certification_grant(user=employee, now=timezone.now() - dt.timedelta(days=340))
    services.certification_grant(user=member, now=timezone.now() - dt.timedelta(days=100))
    from training.tasks import send_refresher_reminders

    assert send_refresher_reminders.delay().get() == 1
    assert send_refresher_reminders.delay().get() == 0  # twice does no harm
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == [employee.email]
    assert "/training/facilitator/" in mail.outbox[0].body


def test_the_reminder_task_is_in_the_beat_schedule(settings):
    tasks = {entry["task"] for entry in settings.CELERY_BEAT_SCHEDULE.values()}
    assert "training.tasks.send_refresher_reminders" in tasks


# --- Groups that require trained facilitators -------------------------------------------------


def test_sensitive_groups_require_training_by_default(facilitator):
    group = make_group(facilitator, name="Quiet", slug="quiet", is_sensitive=True)
    assert policies.group_requires_training(group)
    other = make_group(facilitator, name="Open", slug="open-one")
    assert not policies.group_requires_training(other)
    other.requires_trained_facilitators = True
    assert policies.group_requires_training(other)
    group.requires_trained_facilitators = False
    assert not policies.group_requires_training(group)


@pytest.fixture
def required_group(trainer) -> Group:
    return make_group(trainer, name="Required", slug="required",
                      requires_trained_facilitators=True)


def test_an_untrained_member_cannot_be_promoted(required_group, trainer, member):
    membership = join(required_group, member)
    with pytest.raises(ValidationError) as exc:
        group_services.membership_promote(group=required_group, by=trainer,
                                          membership=membership)
    assert exc.value.code == "training_required"
    membership.refresh_from_db()
    assert membership.role == Membership.Role.MEMBER


def test_the_promote_page_says_why_and_links_to_the_path(required_group, trainer, member,
                                                         mfa_exempt):
    mfa_exempt(trainer)
    membership = join(required_group, member)
    response = logged_in(trainer).post(
        f"/groups/{required_group.slug}/members/{membership.pk}/promote/", follow=True)
    html = response.content.decode()
    assert "requires trained facilitators" in html
    assert 'href="/training/facilitator/"' in html
    membership.refresh_from_db()
    assert membership.role == Membership.Role.MEMBER


def test_a_trained_member_can_be_promoted(required_group, trainer, member):
    membership = join(required_group, member)
    services.certification_grant(user=member)
    assert group_services.membership_promote(group=required_group, by=trainer,
                                             membership=membership)


def test_promotion_in_a_group_without_the_requirement_is_unchanged(trainer, member):
    group = make_group(trainer, name="Plain", slug="plain")
    membership = join(group, member)
    assert group_services.membership_promote(group=group, by=trainer, membership=membership)


def test_an_untrained_facilitator_cannot_schedule_there(facilitator):
    group = make_group(facilitator, name="Quiet", slug="quiet", is_sensitive=True)
    with pytest.raises(ValidationError) as exc:
        schedule(group, facilitator)
    assert "requires trained facilitators" in " ".join(exc.value.messages)
    assert not Session.objects.exists()


def test_an_untrained_co_facilitator_cannot_be_put_on_a_session(trainer, member):
    group = make_group(trainer, name="Plain", slug="plain")
    membership = join(group, member)
    group_services.membership_promote(group=group, by=trainer, membership=membership)
    group.requires_trained_facilitators = True
    group.save()
    from sessions import services as session_services

    start = timezone.now() + dt.timedelta(days=2)
    details = session_services.SessionDetails(
        title="Circle", kind=Session.Kind.PEER_CIRCLE, starts_at=start,
        ends_at=start + dt.timedelta(hours=1), facilitators=[trainer, member])
    with pytest.raises(ValidationError) as exc:
        session_services.session_schedule(group=group, by=trainer, details=details)
    assert "Not trained yet" in str(exc.value)


def test_the_session_form_links_to_the_path(required_group, trainer, mfa_exempt):
    mfa_exempt(trainer)
    html = logged_in(trainer).get(f"/sessions/new/{required_group.slug}/").content.decode()
    assert 'href="/training/facilitator/"' in html


def test_the_group_form_offers_the_setting(facilitator, mfa_exempt):
    mfa_exempt(facilitator)
    html = logged_in(facilitator).get("/groups/new/").content.decode()
    assert 'name="requires_trained_facilitators"' in html


# --- The badge ------------------------------------------------------------------------------


def test_the_trained_badge_shows_next_to_a_trained_facilitator(trainer, member):
    group = make_group(trainer, name="Plain", slug="plain")
    join(group, member)
    html = logged_in(member).get(f"/groups/{group.slug}/").content.decode()
    assert "badge-trained" in html


def test_no_badge_for_an_untrained_facilitator(facilitator, member):
    group = make_group(facilitator, name="Plain", slug="plain")
    join(group, member)
    assert "badge-trained" not in logged_in(member).get(f"/groups/{group.slug}/").content.decode()


def test_no_badge_next_to_a_pseudonym(trainer, member):
    """A credential seen under a real name elsewhere must not point at a pseudonym."""
    group = make_group(trainer, name="Masks", slug="masks", allow_pseudonyms=True)
    Membership.objects.filter(group=group, user=trainer).update(pseudonym="Heron")
    join(group, member, pseudonym="Otter")
    html = logged_in(member).get(f"/groups/{group.slug}/").content.decode()
    assert "Heron" in html and "badge-trained" not in html


# --- Sign-off page --------------------------------------------------------------------------


def _held_session(group, by, attendees) -> Session:
    session = schedule(group, by, kind=Session.Kind.LISTENING_TRAINING)
    for person in attendees:
        Attendance.objects.create(session=session, user=person, source="facilitator")
    return session


def test_a_trainer_signs_off_attendees_by_membership(trainer, member, mfa_exempt):
    group = make_group(trainer, name="Practice", slug="practice")
    membership = join(group, member)
    session = _held_session(group, trainer, [member])
    client = logged_in(trainer)
    page = client.get(f"/training/sign-off/{session.pk}/").content.decode()
    assert f'value="{membership.pk}"' in page and f'value="{member.pk}"' not in page or \
        membership.pk == member.pk
    client.post(f"/training/sign-off/{session.pk}/", {"members": [membership.pk]})
    assert SignOff.objects.filter(user=member, session=session).exists()


def test_an_outsider_gets_404_on_the_sign_off_page(trainer, outsider):
    group = make_group(trainer, name="Practice", slug="practice")
    session = _held_session(group, trainer, [])
    assert logged_in(outsider).get(f"/training/sign-off/{session.pk}/").status_code == 404


def test_an_untrained_facilitator_of_the_session_gets_403(trainer, member):
    group = make_group(trainer, name="Practice", slug="practice")
    membership = join(group, member)
    group_services.membership_promote(group=group, by=trainer, membership=membership)
    session = _held_session(group, trainer, [])
    session.facilitators.add(member)
    assert logged_in(member).get(f"/training/sign-off/{session.pk}/").status_code == 403


def test_signing_off_someone_who_did_not_attend_is_refused(trainer, member, outsider):
    group = make_group(trainer, name="Practice", slug="practice")
    join(group, member)
    other = join(group, outsider)
    session = _held_session(group, trainer, [member])
    response = logged_in(trainer).post(f"/training/sign-off/{session.pk}/",
                                       {"members": [other.pk]})
    assert response.status_code == 400
    assert not SignOff.objects.exists()


def test_the_demo_facilitator_is_trained_and_the_employee_half_way(db):
    from accounts import demo as accounts_demo
    from groups import demo as groups_demo
    from training import demo
    from training.models import ModuleProgress

    people = accounts_demo.seed()
    groups_demo.seed(people)
    demo.seed(people)
    demo.seed(people)  # idempotent
    assert policies.is_trained(people["facilitator@example.com"])
    employee = people["employee@example.com"]
    done = ModuleProgress.objects.filter(user=employee).exclude(completed_at=None).count()
    total = Module.objects.count()
    assert done == total // 2
    assert Certification.objects.filter(user=people["facilitator@example.com"]).count() == 1


def test_breakout_messages_are_purged_with_the_chat_retention(trainer, member, settings):
    from training.models import Breakout, BreakoutMessage, BreakoutSeat, PracticeRound
    from training.tasks import purge_expired_breakout_messages

    settings.CHAT_RETENTION_DAYS = 30
    group = make_group(trainer, name="Practice", slug="practice")
    membership = join(group, member)
    old = schedule(group, trainer, kind=Session.Kind.LISTENING_PRACTICE)
    recent = schedule(group, trainer, kind=Session.Kind.LISTENING_PRACTICE)
    Session.objects.filter(pk=old.pk).update(
        starts_at=timezone.now() - dt.timedelta(days=40),
        ends_at=timezone.now() - dt.timedelta(days=40) + dt.timedelta(hours=1))
    for session in (old, recent):
        practice = PracticeRound.objects.create(session=session, number=1,
                                                started_at=timezone.now(),
                                                ends_at=timezone.now())
        breakout = Breakout.objects.create(round=practice, index=0)
        BreakoutSeat.objects.create(breakout=breakout, membership=membership, role="speaker")
        BreakoutMessage.objects.create(breakout=breakout, author=membership, body="words",
                                       client_id=f"c{session.pk}", created_at=timezone.now())
    assert purge_expired_breakout_messages.delay().get() == 1
    assert list(BreakoutMessage.objects.values_list("breakout__round__session", flat=True)) == \
        [recent.pk]


def test_the_service_refuses_signing_off_someone_absent(trainer, member):
    group = make_group(trainer, name="Practice", slug="practice")
    join(group, member)
    session = _held_session(group, trainer, [])
    with pytest.raises(ValidationError) as exc:
        services.signoff_record(by=trainer, user=member, session=session)
    assert exc.value.code == "not_there"
