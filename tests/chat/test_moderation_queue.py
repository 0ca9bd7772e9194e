"""The moderation queue page (/chat/moderation/<group slug>/) and its actions."""

import pytest
from django.urls import reverse

from chat.models import Flag, Message, ModerationAction, RoomSanction
from chat.policies import room_access
from chat.services import flag_create, message_post
from groups.models import Group
from tests.chat.conftest import new_client_id
from tests.factories import PASSWORD


@pytest.fixture
def flagged(room) -> Flag:
    """Morgan's message, flagged by Erin under the "respect" rule, between two others."""
    member_access = room_access(session_id=room.session.pk, user=room.member)
    other_access = room_access(session_id=room.session.pk, user=room.member2)
    message_post(access=other_access, body="Before it", client_id=new_client_id())
    frame, _ = message_post(access=member_access, body="You always <b>overreact</b>",
                            client_id=new_client_id())
    message_post(access=other_access, body="After it", client_id=new_client_id())
    return flag_create(access=other_access, message_id=frame["id"], rule=4)


def queue_url(room) -> str:
    return reverse("chat:moderation_queue", args=[room.group.slug])


def act_url(flag) -> str:
    return reverse("chat:moderation_act", args=[flag.pk])


def test_facilitator_sees_flag_with_context_and_rule_but_not_the_reporter(
        client, room, flagged, mfa_exempt, django_assert_num_queries, login_with_two_factor):
    mfa_exempt(room.facilitator)
    login_with_two_factor(client, room.facilitator)
    # 1 login session, 2 user, 3 group, 4 facilitator membership, 5 open flags with their
    # messages and sessions; per flag: 6 context before, 7 context after, 8 authors' names;
    # 9 recent actions (no names to look up: none yet); 10 the navigation's count of what
    # waits for a facilitator.
    with django_assert_num_queries(10):
        response = client.get(queue_url(room))
    assert response.status_code == 200
    html = response.content.decode()
    assert "You always &lt;b&gt;overreact&lt;/b&gt;" in html
    assert "Before it" in html and "After it" in html
    assert "Respect everyone" in html
    # Erin, the reporter, appears as the author of the two context messages, nowhere else.
    assert html.count("Erin Employee") == 2


def test_member_gets_403(client, room, flagged):
    client.force_login(room.member)
    assert client.get(queue_url(room)).status_code == 403
    response = client.post(act_url(flagged), {f"flag{flagged.pk}-action": "dismiss"})
    assert response.status_code == 403
    assert Flag.objects.get().status == Flag.Status.OPEN


def test_outsider_of_a_private_group_gets_404(client, room, flagged, outsider):
    Group.objects.filter(pk=room.group.pk).update(visibility=Group.Visibility.PRIVATE)
    client.force_login(outsider)
    assert client.get(queue_url(room)).status_code == 404
    assert client.post(act_url(flagged), {}).status_code == 404


def test_hr_sees_no_chat_content(client, room, flagged, hr, mfa_exempt):
    mfa_exempt(hr)
    client.force_login(hr)
    response = client.get(queue_url(room))
    assert response.status_code == 403
    assert b"overreact" not in response.content


def test_anonymous_visitor_is_sent_to_log_in(client, room):
    response = client.get(queue_url(room))
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_facilitator_without_two_factor_is_sent_to_set_it_up(client, room, flagged):
    from allauth.mfa.models import Authenticator

    Authenticator.objects.filter(user=room.facilitator).delete()
    client.login(email=room.facilitator.email, password=PASSWORD)
    response = client.get(queue_url(room))
    assert response.status_code == 302
    assert response["Location"] == reverse("mfa_activate_totp")


def test_hiding_from_the_queue_hides_the_message_and_settles_the_flag(
        client, room, flagged, mfa_exempt, django_capture_on_commit_callbacks,
        login_with_two_factor):
    mfa_exempt(room.facilitator)
    login_with_two_factor(client, room.facilitator)
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        response = client.post(act_url(flagged), {f"flag{flagged.pk}-action": "hide",
                                                  f"flag{flagged.pk}-reason": "Blame hurts."})
    assert response.status_code == 302
    assert len(callbacks) == 2  # the room's message.hidden, the author's sanction frame
    assert Message.objects.get(pk=flagged.message_id).hidden_at is not None
    flag = Flag.objects.get()
    assert flag.status == Flag.Status.ACTIONED and flag.resolved_by == room.facilitator
    assert ModerationAction.objects.get().reason == "Blame hurts."
    assert b"Nothing to review" in client.get(queue_url(room)).content


def test_dismissing_keeps_the_message(client, room, flagged, mfa_exempt, login_with_two_factor):
    mfa_exempt(room.facilitator)
    login_with_two_factor(client, room.facilitator)
    client.post(act_url(flagged), {f"flag{flagged.pk}-action": "dismiss"})
    assert Flag.objects.get().status == Flag.Status.DISMISSED
    assert Message.objects.get(pk=flagged.message_id).hidden_at is None
    assert ModerationAction.objects.get().action == "dismiss_flag"


def test_muting_the_author_from_the_queue(client, room, flagged, mfa_exempt, login_with_two_factor):
    mfa_exempt(room.facilitator)
    login_with_two_factor(client, room.facilitator)
    client.post(act_url(flagged), {f"flag{flagged.pk}-action": "mute",
                                   f"flag{flagged.pk}-reason": "Please pause.",
                                   f"flag{flagged.pk}-minutes": "15"})
    sanction = RoomSanction.objects.get()
    assert (sanction.user, sanction.kind, sanction.reason) == (room.member, "mute",
                                                              "Please pause.")
    assert Flag.objects.get().status == Flag.Status.ACTIONED


def test_removing_the_author_from_the_queue(client, room, flagged, mfa_exempt,
                                            login_with_two_factor):
    mfa_exempt(room.facilitator)
    login_with_two_factor(client, room.facilitator)
    client.post(act_url(flagged), {f"flag{flagged.pk}-action": "remove",
                                   f"flag{flagged.pk}-reason": "Second warning."})
    assert RoomSanction.objects.get().kind == "remove"
    assert not room_access(session_id=room.session.pk, user=room.member).allowed


@pytest.mark.parametrize("data", [
    {"action": "mute", "minutes": "15"},
    {"action": "mute", "reason": "x", "minutes": "0"},
    {"action": "hide"},
    {"action": "explode", "reason": "x"},
])
def test_bad_input_changes_nothing_and_says_why(client, room, flagged, mfa_exempt, data,
                                                login_with_two_factor):
    mfa_exempt(room.facilitator)
    login_with_two_factor(client, room.facilitator)
    response = client.post(act_url(flagged), {f"flag{flagged.pk}-{k}": v
                                              for k, v in data.items()}, follow=True)
    assert response.status_code == 200
    assert list(response.context["messages"])[0].level_tag == "error"
    assert Flag.objects.get().status == Flag.Status.OPEN
    assert not RoomSanction.objects.exists() and not ModerationAction.objects.exists()


def test_the_action_url_takes_post_only(client, room, flagged, mfa_exempt, login_with_two_factor):
    mfa_exempt(room.facilitator)
    login_with_two_factor(client, room.facilitator)
    assert client.get(act_url(flagged)).status_code == 405


def test_the_log_says_what_slow_mode_was_set_to(client, room, mfa_exempt, login_with_two_factor):
    from chat.services import room_slow_mode_set

    room_slow_mode_set(session=room.session, by=room.facilitator, seconds=30)
    room_slow_mode_set(session=room.session, by=room.facilitator, seconds=0)
    login_with_two_factor(client, room.facilitator)

    html = client.get(queue_url(room)).content.decode()

    assert "Set slow mode: one message every 30 seconds" in html
    assert "Turned slow mode off" in html


def test_hidden_messages_around_a_flag_are_marked_as_hidden(
        client, room, flagged, mfa_exempt, login_with_two_factor):
    from chat.services import message_hide

    before = Message.objects.get(body="Before it")
    message_hide(session=room.session, by=room.facilitator, message_id=before.pk,
                 reason="Named a colleague outside the room.")
    login_with_two_factor(client, room.facilitator)

    html = client.get(queue_url(room)).content.decode()

    context = html[html.index('class="flag-context"'):html.index("</ul>",
                                                                   html.index("flag-context"))]
    hidden_item = context[context.index("<li"):context.index("</li>")]
    assert "Before it" in hidden_item and "Hidden" in hidden_item
    after_item = context[context.rindex("<li"):]
    assert "After it" in after_item and "Hidden" not in after_item
