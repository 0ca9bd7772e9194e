"""The chat page: who gets it, what it tells the client, and what it never shows."""

import json
import re

import pytest
from django.urls import reverse

from groups.models import Group
from groups.services.catalogue import group_rules_update, group_update
from groups.services.membership import membership_join
from sessions.models import Session
from tests.chat.live_servers import make_room
from tests.factories import UserFactory


@pytest.fixture
def room(db):
    return make_room(members=1)


def chat_url(session) -> str:
    return reverse("chat:room", args=[session.pk])


def page_config(response) -> dict:
    match = re.search(r'<script id="chat-config" type="application/json">(.*?)</script>',
                      response.content.decode())
    assert match, "the page must pass its configuration in a json_script tag"
    return json.loads(match.group(1))


def test_url_is_the_public_contract(room):
    assert chat_url(room.session) == f"/sessions/{room.session.pk}/chat/"


def test_member_gets_the_room_with_its_configuration(client, room):
    member = room.members[0]
    member.time_zone = "Europe/Berlin"
    member.save(update_fields=["time_zone"])
    client.force_login(member)

    response = client.get(chat_url(room.session))

    assert response.status_code == 200
    config = page_config(response)
    membership = room.group.memberships.get(user=member)
    assert config["sessionId"] == room.session.pk
    assert config["wsPath"] == f"/ws/sessions/{room.session.pk}/chat/"
    assert config["role"] == "member"
    assert config["me"] == {"id": membership.pk, "name": "Member A", "pronouns": ""}
    assert [rule["index"] for rule in config["rules"]] == list(range(len(config["rules"])))
    assert config["rules"][0]["key"] == "confidentiality"
    assert config["timeZone"] == member.time_zone  # times shown in the viewer's own zone
    body = response.content.decode()
    assert 'role="log"' in body
    assert "/support/" in body
    assert "chat/chat.js" in body


def test_member_never_sees_moderation_controls(client, room):
    client.force_login(room.members[0])

    body = client.get(chat_url(room.session)).content.decode()

    assert "Facilitator controls" not in body
    assert 'id="mod-dialog"' not in body


def test_facilitator_sees_moderation_controls(client, room, mfa_exempt, login_with_two_factor):
    mfa_exempt(room.facilitator)
    login_with_two_factor(client, room.facilitator)

    response = client.get(chat_url(room.session))

    assert response.status_code == 200
    assert page_config(response)["role"] == "facilitator"
    body = response.content.decode()
    assert "Facilitator controls" in body
    assert 'id="mod-dialog"' in body
    assert reverse("chat:moderation_queue", args=[room.group.slug]) in body


def test_facilitator_without_two_factor_gets_no_controls(client, room, settings):
    from allauth.mfa.models import Authenticator

    Authenticator.objects.filter(user=room.facilitator).delete()
    room.facilitator.is_facilitator = True
    room.facilitator.save(update_fields=["is_facilitator"])
    settings.MFA_EXEMPT_EMAILS = []
    client.force_login(room.facilitator)

    response = client.get(chat_url(room.session))

    assert page_config(response)["role"] == "member"
    assert "two-factor authentication" in response.content.decode()


def test_page_has_no_inline_script(client, room):
    client.force_login(room.members[0])

    body = client.get(chat_url(room.session)).content.decode()

    scripts = re.findall(r"<script(?P<attrs>[^>]*)>(?P<code>.*?)</script>", body, flags=re.S)
    for attrs, code in scripts:
        assert 'type="application/json"' in attrs or ("src=" in attrs and not code.strip())
    assert not re.search(r"\son[a-z]+=", body), "no inline event handlers"


def test_member_who_has_not_accepted_the_session_rules_is_sent_to_accept_them(client, room):
    newcomer = UserFactory()
    membership_join(group=room.group, user=newcomer, accepted_version=room.group.rules_version)
    client.force_login(newcomer)

    response = client.get(chat_url(room.session))

    assert response.status_code == 302
    accept = reverse("sessions:accept_rules", args=[room.session.pk])
    assert response["Location"] == f"{accept}?next=%2Fsessions%2F{room.session.pk}%2Fchat%2F"


def test_member_is_sent_back_to_the_rules_when_the_group_rules_change(client, room):
    rules = [*room.group.rule_versions.get(number=1).rules,
             {"key": "custom", "text": "Cameras optional."}]
    group_rules_update(group=room.group, by=room.facilitator, rules=rules)
    client.force_login(room.members[0])

    response = client.get(chat_url(room.session))

    assert response.status_code == 302
    assert reverse("sessions:accept_rules", args=[room.session.pk]) in response["Location"]


def test_signed_in_non_member_of_an_open_group_is_refused(client, room, outsider):
    client.force_login(outsider)

    response = client.get(chat_url(room.session))

    assert response.status_code == 403
    assert "for the group's members" in response.content.decode()
    assert 'id="chat-config"' not in response.content.decode()


def test_outsider_of_a_private_group_gets_404(client, room, outsider):
    group_update(group=room.group, by=room.facilitator, visibility=Group.Visibility.PRIVATE)
    client.force_login(outsider)

    assert client.get(chat_url(room.session)).status_code == 404


def test_unknown_session_gets_404(client, room):
    client.force_login(room.members[0])

    assert client.get(reverse("chat:room", args=[987654])).status_code == 404


def test_anonymous_visitor_is_sent_to_log_in(client, room):
    response = client.get(chat_url(room.session))

    assert response.status_code == 302
    assert reverse("account_login") in response["Location"]


def test_hr_gets_no_view_of_a_room_they_are_not_in(client, room, hr):
    client.force_login(hr)

    response = client.get(chat_url(room.session))

    assert response.status_code == 403
    assert 'id="chat-config"' not in response.content.decode()


def test_cancelled_session_shows_the_room_closed(client, room):
    Session.objects.filter(pk=room.session.pk).update(status=Session.Status.CANCELLED)
    client.force_login(room.members[0])

    response = client.get(chat_url(room.session))

    assert response.status_code == 410
    assert 'id="chat-config"' not in response.content.decode()


def test_post_is_not_allowed(client, room):
    client.force_login(room.members[0])

    assert client.post(chat_url(room.session)).status_code == 405


def test_pseudonym_is_the_name_the_page_uses(client, room):
    group_update(group=room.group, by=room.facilitator, allow_pseudonyms=True)
    person = UserFactory(display_name="Real Name")
    membership_join(group=room.group, user=person, accepted_version=room.group.rules_version,
                    pseudonym="Quiet Heron")
    from sessions.services.participation import session_rules_accept

    session_rules_accept(session=room.session, user=person)
    client.force_login(person)

    response = client.get(chat_url(room.session))

    assert page_config(response)["me"]["name"] == "Quiet Heron"
    assert "Real Name" not in response.content.decode().split("<main", 1)[1]


def test_rule_text_is_escaped_in_the_page(client, room):
    session = room.session
    session.extra_rules = [{"key": "custom", "text": "</script><script>alert(1)</script>"}]
    session.save(update_fields=["extra_rules"])
    from sessions.services.participation import session_rules_accept

    session_rules_accept(session=session, user=room.members[0])
    client.force_login(room.members[0])

    body = client.get(chat_url(session)).content.decode()

    assert "<script>alert(1)</script>" not in body
    assert page_config(client.get(chat_url(session)))["rules"][-1]["text"].startswith("</script>")


def test_page_query_count_is_pinned(client, room, django_assert_num_queries):
    client.force_login(room.members[0])
    url = chat_url(room.session)
    client.get(url)  # warm caches that are not per request (content types, ...)

    # 1 django session, 2 user (auth middleware), 3 membership + user + session + group with
    # an EXISTS for unlifted sanctions (room_access), 4 session-rules acceptance. The group's
    # rules (for the acceptance check and shown) are remembered per version since the first
    # request read them.
    with django_assert_num_queries(4):
        assert client.get(url).status_code == 200


def test_a_listening_practice_room_has_the_practice_panel_and_script(
        client, room, mfa_exempt, login_with_two_factor):
    Session.objects.filter(pk=room.session.pk).update(kind=Session.Kind.LISTENING_PRACTICE)
    client.force_login(room.members[0])
    body = client.get(chat_url(room.session)).content.decode()
    assert 'id="practice-panel"' in body and "training/practice-room.js" in body
    assert 'id="practice-start"' not in body  # round controls are the facilitators'
    login_with_two_factor(client, room.facilitator)
    assert 'id="practice-start"' in client.get(chat_url(room.session)).content.decode()


def test_other_rooms_have_no_practice_panel(client, room):
    client.force_login(room.members[0])
    body = client.get(chat_url(room.session)).content.decode()
    assert 'id="practice-panel"' not in body and "practice-room.js" not in body
