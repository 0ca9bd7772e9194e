"""The "rather not share a room" warning as an oracle (docs/privacy.md, classes b and c).

Each attack compares what the attacker sees in two worlds that differ only in the fact they
want to learn ("Willow is my colleague" / "it is someone else"; "my colleague is a member" /
"they are not"). The pages must be identical.
"""

import datetime as dt

import pytest
from django.urls import reverse

from groups import services as group_services
from groups.models import Group
from groups.rules import DEFAULT_RULES
from groups.services.invitations import invitation_token
from sessions import services as session_services
from sessions.models import RSVP
from tests.factories import UserFactory
from tests.privacy.conftest import avoid_only, page_text
from tests.sessions.factories import schedule

pytestmark = pytest.mark.django_db


def test_a_member_listing_their_colleague_learns_nothing_about_who_willow_is(client, pair):
    """Two members: the attacker and Willow. If the warning matched Willow, listing the
    colleague would unmask her. The group page and the session page (both going) read the
    same whether the listed person is Willow or a colleague outside the group."""
    session = schedule(pair.group, pair.facilitator, title="Thursday circle")
    for person in (pair.attacker, pair.colleague):
        session_services.rsvp_set(session=session, user=person, status=RSVP.Status.GOING)
    client.force_login(pair.attacker)
    urls = [reverse("groups:detail", args=[pair.group.slug]),
            reverse("sessions:detail", args=[session.pk])]

    avoid_only(pair.attacker, pair.decoy)
    listing_a_stranger = [page_text(client, url) for url in urls]
    avoid_only(pair.attacker, pair.colleague)
    listing_willow = [page_text(client, url) for url in urls]

    assert listing_willow == listing_a_stranger
    assert "Only you" not in "".join(listing_willow)


def test_the_warning_does_not_appear_when_willow_enters_the_live_chat(client, pair):
    """The live variant: the session page must not change at the moment the listed person's
    pseudonym arrives in the chat (the chat records attendance as they arrive)."""
    session = schedule(pair.group, pair.facilitator, title="Online circle")
    session_services.rsvp_set(session=session, user=pair.attacker, status=RSVP.Status.GOING)
    avoid_only(pair.attacker, pair.colleague)
    client.force_login(pair.attacker)
    url = reverse("sessions:detail", args=[session.pk])
    before = page_text(client, url)

    # What the chat consumer does when Willow's socket arrives (chat.consumers).
    session_services.attendance_note(session=session, user=pair.colleague, source="chat")

    assert page_text(client, url) == before


def test_a_facilitator_cannot_unmask_a_co_member_through_the_warning(client, mfa_exempt, pair):
    """The facilitator is a member too: listing the colleague tells them nothing about the
    pseudonymous members of the group they run."""
    session = schedule(pair.group, pair.facilitator, title="Facilitated circle")
    session_services.rsvp_set(session=session, user=pair.colleague, status=RSVP.Status.GOING)
    mfa_exempt(pair.facilitator)
    client.force_login(pair.facilitator)
    urls = [reverse("groups:detail", args=[pair.group.slug]),
            reverse("sessions:detail", args=[session.pk])]

    avoid_only(pair.facilitator, pair.decoy)
    listing_a_stranger = [page_text(client, url) for url in urls]
    avoid_only(pair.facilitator, pair.colleague)

    assert [page_text(client, url) for url in urls] == listing_a_stranger


@pytest.mark.parametrize("visibility", [Group.Visibility.OPEN, Group.Visibility.REQUEST,
                                        Group.Visibility.PRIVATE])
def test_a_non_member_cannot_probe_membership_with_the_warning(client, facilitator,
                                                               visibility):
    """Anyone can list a colleague and open an open or request-to-join group (or a private
    one, with an invitation link): the group page, the invitation page and the group's
    session page must read the same whether the colleague is a member or not."""
    group = group_services.group_create(
        creator=facilitator, name="Parents at work", purpose="Juggling it all.",
        category=Group.Category.AFFINITY, visibility=visibility,
        rules=[dict(rule) for rule in DEFAULT_RULES])
    colleague = UserFactory(display_name="Casey Colleague")
    decoy = UserFactory(display_name="Dana Decoy")
    invitation = None
    if visibility == Group.Visibility.PRIVATE:
        invitation = group_services.invitation_create(group=group, by=facilitator)
        group_services.membership_join(group=group, user=colleague, invitation=invitation,
                                       accepted_version=group.rules_version)
    elif visibility == Group.Visibility.REQUEST:
        request = group_services.join_request_create(group=group, user=colleague,
                                                     accepted_version=group.rules_version)
        group_services.join_request_approve(join_request=request, by=facilitator)
    else:
        group_services.membership_join(group=group, user=colleague,
                                       accepted_version=group.rules_version)
    session = schedule(group, facilitator, starts_in=dt.timedelta(days=2))
    session_services.rsvp_set(session=session, user=colleague, status=RSVP.Status.GOING)
    prober = UserFactory(display_name="Parker Prober")
    client.force_login(prober)
    if invitation is not None:
        urls = [reverse("groups:invitation", args=[invitation_token(invitation)])]
    else:
        urls = [reverse("groups:detail", args=[group.slug]),
                reverse("sessions:detail", args=[session.pk])]

    avoid_only(prober, decoy)
    listing_a_non_member = [page_text(client, url) for url in urls]
    avoid_only(prober, colleague)
    listing_a_member = [page_text(client, url) for url in urls]

    assert listing_a_member == listing_a_non_member
    assert "Only you" not in "".join(listing_a_member)


def test_a_member_still_gets_the_warning_for_people_they_can_see_by_name(client, pair):
    """The warning stays useful: someone who takes part under their own name is matched, on
    the group page and, once the viewer is going, on the session page."""
    manager = UserFactory(display_name="Morgan Manager")
    group_services.membership_join(group=pair.group, user=manager,
                                   accepted_version=pair.group.rules_version)
    session = schedule(pair.group, pair.facilitator, title="Open circle")
    session_services.rsvp_set(session=session, user=manager, status=RSVP.Status.GOING)
    avoid_only(pair.attacker, manager)
    client.force_login(pair.attacker)

    assert "Only you can see this" in page_text(client, reverse("groups:detail",
                                                               args=[pair.group.slug]))
    session_url = reverse("sessions:detail", args=[session.pk])
    assert "Only you see this" not in page_text(client, session_url)
    session_services.rsvp_set(session=session, user=pair.attacker, status=RSVP.Status.GOING)
    assert "Only you see this" in page_text(client, session_url)
