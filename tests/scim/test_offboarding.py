"""A SCIM deactivation takes the person off every roster and ends their logins; what the
product must keep (messages, pseudonyms, formal reports) stays as it was."""

import datetime as dt

import pytest
from django.contrib.auth import SESSION_KEY
from django.contrib.sessions.models import Session as LoginSession
from django.core import mail
from django.test import Client
from django.utils import timezone

from chat.models import Message
from chat.policies import room_access
from chat.services import message_post
from groups.models import Group, JoinRequest, Membership
from groups.rules import DEFAULT_RULES
from groups.services.catalogue import group_create
from groups.services.membership import membership_join, membership_promote
from groups.services.requests import join_request_create
from scim import services
from scim.models import ProvisionedPerson
from sessions.models import RSVP, Session
from sessions.services.rsvp import rsvp_set
from sessions.services.scheduling import SessionDetails, session_schedule
from tests.chat.live_servers import make_room, room_open_now
from tests.factories import UserFactory
from tests.scim.conftest import PATCH_OP, ScimClient

pytestmark = pytest.mark.django_db

DEACTIVATE = {"schemas": [PATCH_OP], "Operations": [{"op": "replace", "value": {"active": False}}]}


def provisioned(organisation, user) -> ProvisionedPerson:
    return ProvisionedPerson.objects.create(organisation=organisation, user=user,
                                            user_name=user.email)


def upcoming(group, by, *, capacity=None, facilitators=()) -> Session:
    starts = timezone.now() + dt.timedelta(days=2)
    (session,) = session_schedule(group=group, by=by, details=SessionDetails(
        title="Tuesday circle", kind=Session.Kind.PEER_CIRCLE, starts_at=starts,
        ends_at=starts + dt.timedelta(hours=1), capacity=capacity,
        facilitators=list(facilitators) or [by]))
    return session


def test_deactivation_takes_the_person_off_every_roster(scim, organisation,
                                                        django_capture_on_commit_callbacks):
    room = make_room(members=2)
    leaver, waiting = room.members
    identity = provisioned(organisation, leaver)
    # A seat they hold in an upcoming session with one seat, someone on its waitlist.
    full = upcoming(room.group, room.facilitator, capacity=1)
    rsvp_set(session=full, user=leaver, status=RSVP.Status.GOING)
    rsvp_set(session=full, user=waiting, status=RSVP.Status.WAITLISTED)
    # A group they co-facilitate, and an upcoming session of it they facilitate.
    cofacilitated = group_create(creator=room.facilitator, name="Carers", purpose="Support.",
                                 category=Group.Category.PEER_CIRCLE, rules=DEFAULT_RULES)
    membership_join(group=cofacilitated, user=leaver, accepted_version=1)
    membership_promote(group=cofacilitated, by=room.facilitator,
                       membership=Membership.objects.get(group=cofacilitated, user=leaver))
    theirs = upcoming(cofacilitated, room.facilitator,
                      facilitators=[room.facilitator, leaver])
    # A request to join a third group, still pending.
    asked = group_create(creator=room.facilitator, name="Runners", purpose="Running.",
                         category=Group.Category.PEER_CIRCLE, rules=DEFAULT_RULES,
                         visibility=Group.Visibility.REQUEST)
    join_request_create(group=asked, user=leaver, accepted_version=1)

    with django_capture_on_commit_callbacks(execute=True):
        response = scim.patch(f"Users/{identity.scim_id}", DEACTIVATE)

    assert response.status_code == 200, response.content
    leaver.refresh_from_db()
    assert not leaver.is_active
    assert set(Membership.objects.filter(user=leaver).values_list("status", "role")) == {
        (Membership.Status.LEFT, Membership.Role.MEMBER)}
    assert RSVP.objects.get(session=full, user=leaver).status == RSVP.Status.NOT_GOING
    assert RSVP.objects.get(session=full, user=waiting).status == RSVP.Status.GOING
    assert list(theirs.facilitators.all()) == [room.facilitator]
    assert JoinRequest.objects.get(group=asked, user=leaver).status == "withdrawn"
    # The co-facilitated group still has its other facilitator: nobody is asked to step in.
    assert mail.outbox == [] or all("facilitator" not in m.subject for m in mail.outbox)


def test_a_group_whose_only_facilitator_leaves_keeps_its_members_and_admins_are_told(
        scim, organisation, django_capture_on_commit_callbacks):
    room = make_room(members=2)
    admin = UserFactory(is_staff=True, is_superuser=True, language="fr")
    identity = provisioned(organisation, room.facilitator)
    session = upcoming(room.group, room.facilitator)

    with django_capture_on_commit_callbacks(execute=True):
        assert scim.patch(f"Users/{identity.scim_id}", DEACTIVATE).status_code == 200

    assert not Membership.objects.filter(group=room.group, user=room.facilitator,
                                         status=Membership.Status.ACTIVE).exists()
    assert Membership.objects.filter(group=room.group, status=Membership.Status.ACTIVE
                                     ).count() == 2
    assert list(session.facilitators.all()) == []
    session.refresh_from_db()
    assert session.status == Session.Status.SCHEDULED  # closes as unattended if nobody steps in
    (notice,) = [m for m in mail.outbox if m.to == [admin.email]]
    assert room.group.name in notice.body
    assert f"/admin/groups/group/{room.group.pk}/change/" in notice.body
    assert notice.subject == "Un groupe a besoin d'une nouvelle personne facilitatrice"


def test_deactivation_ends_every_login_session_of_theirs_only(scim, organisation, member):
    leaver = UserFactory()
    identity = provisioned(organisation, leaver)
    browsers = [Client(), Client()]
    for browser in browsers:
        browser.force_login(leaver)
    colleague = Client()
    colleague.force_login(member)

    assert scim.patch(f"Users/{identity.scim_id}", DEACTIVATE).status_code == 200

    owners = [row.get_decoded().get(SESSION_KEY) for row in LoginSession.objects.all()]
    assert str(leaver.pk) not in owners
    assert str(member.pk) in owners
    assert browsers[0].get("/profile/").status_code == 302
    assert colleague.get("/profile/").status_code == 200


def test_messages_and_pseudonyms_stay_as_they_were_through_deactivation_and_delete(
        scim, organisation):
    room = make_room(members=2)
    leaver = room.members[0]
    Group.objects.filter(pk=room.group.pk).update(allow_pseudonyms=True)
    Membership.objects.filter(group=room.group, user=leaver).update(pseudonym="Blue Heron")
    room_open_now(room.session)
    access = room_access(session_id=room.session.pk, user=leaver)
    frame, _created = message_post(access=access, body="Thank you all.", client_id="c-1")
    identity = provisioned(organisation, leaver)

    assert scim.patch(f"Users/{identity.scim_id}", DEACTIVATE).status_code == 200
    assert scim.delete(f"Users/{identity.scim_id}").status_code == 204

    message = Message.objects.get(pk=frame["id"])
    assert message.author_id == leaver.pk and message.body == "Thank you all."
    membership = Membership.objects.get(group=room.group, user=leaver)
    assert membership.pseudonym == "Blue Heron"  # unchanged: nothing moves when they leave
    leaver.refresh_from_db()
    assert leaver.display_name == "Member A"  # their real-name messages read as before
    assert leaver.email.endswith("@invalid") and not leaver.has_usable_password()
    assert not ProvisionedPerson.objects.filter(pk=identity.pk).exists()


def test_formal_reports_stay_with_hr(scim, organisation, hr):
    from support.models import Report
    from support.services.reports import report_draft_save, report_submit

    leaver = UserFactory()
    report = report_draft_save(reporter=leaver, what_happened="A colleague shouted at me.",
                               happened_when="Last Monday", people_named=[],
                               people_described="Someone from the sales floor",
                               witnesses="")
    report_submit(report=report, reporter=leaver)
    identity = provisioned(organisation, leaver)

    assert scim.delete(f"Users/{identity.scim_id}").status_code == 204

    kept = Report.objects.get(pk=report.pk)
    assert kept.reporter_id == leaver.pk
    assert not kept.is_draft  # still submitted, still HR's to handle


def test_offboarding_twice_does_no_harm(organisation):
    room = make_room(members=1)
    leaver = room.members[0]
    services.person_offboard(user=leaver)

    again = services.person_offboard(user=leaver)

    assert again.groups_left == [] and again.rsvps_cancelled == 0


def test_a_token_cannot_offboard_what_it_did_not_provision(organisation, employee):
    other = ScimClient(services.token_create(organisation=organisation, name="x")[1])

    assert other.patch("Users/1", DEACTIVATE).status_code == 404
    employee.refresh_from_db()
    assert employee.is_active
