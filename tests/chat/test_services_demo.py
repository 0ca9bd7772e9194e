"""The demo conversation seeded by `manage.py seed_demo`."""

from django.core.management import call_command

from chat.models import Message
from chat.policies import room_access
from chat.selectors import room_history


def test_seed_demo_adds_a_short_conversation_once(db):
    call_command("seed_demo")
    call_command("seed_demo")
    messages = Message.objects.filter(client_id__startswith="demo-").select_related(
        "session", "author")
    assert messages.count() == 10
    session = messages.first().session
    assert session.title == "Monday Peer Circle: saying no kindly"
    employee = messages.get(client_id="demo-2").author
    assert employee.email == "employee@example.com"
    access = room_access(session_id=session.pk, user=employee)
    assert access.allowed
    history, _ = room_history(session=session)
    assert history[0]["body"].startswith("Welcome, everyone.")
    assert [m["id"] for m in history] == sorted(m["id"] for m in history)


def test_the_admin_never_lists_chat_content():
    from django.contrib import admin

    from chat.models import FilterTerm, Flag, Message, ModerationAction, RoomSanction

    registered = admin.site._registry
    for model in (Message, Flag, ModerationAction, RoomSanction):
        assert model not in registered
    assert FilterTerm in registered
