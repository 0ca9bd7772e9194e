"""Object ids that are account ids (docs/privacy.md, class a).

A facilitator or member who finds an account id in one page, and a page elsewhere that turns
account ids into names, links a pseudonym to a person. Nothing about a person in a group may
carry their account id, pickers key people by email (the organisation's directory), and ids
that are shown must not line up across groups.
"""

import re

import pytest
from django.urls import reverse

from groups import services as group_services
from groups.models import Group, JoinRequest, Membership
from groups.rules import DEFAULT_RULES
from sessions import services as session_services
from sessions.models import RSVP
from support import services as support_services
from tests.factories import UserFactory
from tests.privacy.conftest import leaks_of, page_text
from tests.sessions.factories import move_to_past, schedule
from training.services import certification_grant

pytestmark = pytest.mark.django_db

PRESENT_VALUE = re.compile(r'name="present" value="([^"]+)"')


def test_the_attendance_page_of_a_pseudonymous_group_carries_no_account_id(
        client, mfa_exempt, pair):
    session = schedule(pair.group, pair.facilitator, format="in_person", location="Room 4")
    for person in (pair.attacker, pair.colleague):
        session_services.rsvp_set(session=session, user=person, status=RSVP.Status.GOING)
    move_to_past(session)
    mfa_exempt(pair.facilitator)
    client.force_login(pair.facilitator)

    page = page_text(client, reverse("sessions:attendance", args=[session.pk]))

    assert "Willow" in page
    assert leaks_of(page, pair.colleague) == []
    members = {str(m.pk) for m in Membership.objects.filter(group=pair.group)}
    assert set(PRESENT_VALUE.findall(page)) <= members
    # Ticking works with what the page carries.
    response = client.post(reverse("sessions:attendance", args=[session.pk]),
                           {"present": [pair.willow.pk]})
    assert response.status_code == 302
    assert session.attendance.get().user == pair.colleague


def test_the_session_form_shows_a_pseudonymous_co_facilitator_by_pseudonym_only(
        client, mfa_exempt, pair):
    co_facilitator = UserFactory(display_name="Robin Realname", is_facilitator=True)
    group_services.membership_join(group=pair.group, user=co_facilitator,
                                   accepted_version=pair.group.rules_version, pseudonym="Heron")
    membership = pair.group.memberships.get(user=co_facilitator)
    certification_grant(user=co_facilitator)  # the sensitive group requires trained facilitators
    group_services.membership_promote(group=pair.group, by=pair.facilitator,
                                      membership=membership)
    mfa_exempt(pair.facilitator)
    client.force_login(pair.facilitator)

    page = page_text(client, reverse("sessions:create", args=[pair.group.slug]))

    assert "Heron" in page
    assert leaks_of(page, co_facilitator) == []


def picker_values(page: str, field: str) -> set[str]:
    """The values a people picker posts: its checkboxes / radios, or its select's options."""
    values = set()
    for tag in re.findall(r"<input[^>]*>", page):
        if f'name="{field}"' in tag and (value := re.search(r'value="([^"]*)"', tag)):
            values.add(value.group(1))
    select = re.search(rf'<select name="{field}".*?</select>', page, re.S)
    if select:
        values |= {v for v in re.findall(r'<option value="([^"]*)"', select.group(0)) if v}
    return values


def test_no_picker_turns_an_account_id_into_a_name(client, pair, facilitator):
    """The attacker holds an account id (from an old link, an export, a screenshot). Every
    people picker they can open keys people by email, so none of them decodes it."""
    everyone = [pair.attacker, pair.colleague, pair.decoy, facilitator]
    account_ids = {str(person.pk) for person in everyone}
    client.force_login(pair.attacker)
    report = support_services.report_draft_save(
        reporter=pair.attacker, report=None, what_happened="He shouted at me.",
        happened_when="Last Monday", people_named=[pair.decoy], people_described="",
        witnesses="", attachment=None, remove_attachment_ids=[])
    support_services.report_submit(report=report, reporter=pair.attacker)
    pickers = {
        reverse("support:report_new"): "people_named",
        reverse("support:report", args=[report.pk]): "people",
        reverse("support:conversation_start"): "facilitator",
        reverse("accounts:profile"): "manager",
    }
    for url, field in pickers.items():
        values = picker_values(page_text(client, url), field)
        assert values, (url, field)
        assert not values & account_ids, (url, field, values)


def test_member_and_request_ids_do_not_count_up(facilitator):
    """A facilitator of two groups sees member ids in both (URLs, chat frames): ids counted
    up would line up the person who joined one group under their name and the other under a
    pseudonym a moment later."""
    named = group_services.group_create(
        creator=facilitator, name="Open circle", purpose="Open.", rules=DEFAULT_RULES,
        category=Group.Category.PEER_CIRCLE)
    hidden = group_services.group_create(
        creator=facilitator, name="Quiet circle", purpose="Quiet.", rules=DEFAULT_RULES,
        category=Group.Category.PEER_CIRCLE, allow_pseudonyms=True,
        visibility=Group.Visibility.REQUEST)
    people = [UserFactory() for _ in range(12)]
    named_ids, hidden_ids, request_ids = [], [], []
    for person in people:
        named_ids.append(group_services.membership_join(
            group=named, user=person, accepted_version=named.rules_version).pk)
        request = group_services.join_request_create(
            group=hidden, user=person, pseudonym=f"Bird {person.pk}",
            accepted_version=hidden.rules_version)
        request_ids.append(request.pk)
        hidden_ids.append(group_services.join_request_approve(join_request=request,
                                                              by=facilitator)[0].pk)

    for ids in (named_ids, hidden_ids, request_ids):
        assert ids != sorted(ids)
    # Nobody's id in one group is next to their id in the other.
    assert all(abs(a - b) > 1000 for a, b in zip(named_ids, hidden_ids, strict=True))
    assert JoinRequest.objects.filter(pk__in=request_ids).count() == len(people)


def test_the_admin_never_shows_an_account_next_to_its_pseudonym(admin_client, pair):
    """Staff manage memberships (role, status) without a page that pairs Willow with her
    account."""
    pages = [reverse("admin:groups_membership_change", args=[pair.willow.pk]),
             reverse("admin:groups_membership_changelist"),
             reverse("admin:groups_joinrequest_changelist")]
    for url in pages:
        response = admin_client.get(url)
        assert response.status_code == 200
        assert "Willow" not in response.content.decode(), url


def test_writing_to_a_facilitator_warns_whoever_they_know_only_by_a_pseudonym(client, pair):
    """A facilitator conversation is under one's own name: Willow is told, before writing,
    that it can tell the facilitator of her pseudonymous group who she is; the attacker,
    who takes part there under their name, is not."""
    url = reverse("support:conversation_start")
    client.force_login(pair.colleague)
    assert "You take part under a pseudonym in a group they facilitate." in page_text(client,
                                                                                       url)
    client.force_login(pair.attacker)
    assert "under a pseudonym in a group they facilitate" not in page_text(client, url)
