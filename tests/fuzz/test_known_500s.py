"""Every hostile input the issue (#14 section 3) found answering HTTP 500 or a websocket 1011,
each pinned: a clear 4xx, a form error or an error frame, and no traceback logged."""

import datetime as dt
import zoneinfo

import pytest
from channels.testing import WebsocketCommunicator
from django.test import Client
from django.utils import timezone

from groups.models import Group, Membership
from peersupport.asgi import application
from sessions.models import Session
from tests.chat.conftest import ORIGIN, open_chat
from tests.sessions.factories import GroupFactory, join

HUGE = "9223372036854775808"  # 2**63: beyond every integer column


@pytest.fixture
def client_as(client, mfa_exempt, facilitator, hr):
    mfa_exempt(facilitator, hr)

    def log_in(person) -> Client:
        client.force_login(person)
        return client

    return log_in


@pytest.fixture
def group(db, facilitator, member):
    group = GroupFactory()
    join(group, facilitator, role=Membership.Role.FACILITATOR)
    join(group, member)
    return group


# --- NUL bytes -----------------------------------------------------------------------------


@pytest.mark.parametrize("url", [
    "/groups/?q=a%00b", "/groups/?category=a%00b", "/groups/?q%00=a",
    "/recognition/people/?q=a%00b", "/recognition/?value=a%00b", "/recognition/?group=a%00b",
    "/dashboard/?department=1%00", "/groups/invitations/a%00b/", "/sessions/feed/a%00b.ics",
])
def test_a_nul_byte_in_the_address_is_a_bad_request(client_as, member, hr, url, no_tracebacks):
    response = client_as(hr if url.startswith("/dashboard") else member).get(url)
    assert response.status_code == 400
    assert b"can&#x27;t accept" in response.content or b"can't accept" in response.content


def test_a_nul_byte_in_a_posted_field_is_refused_and_nothing_is_stored(
        client_as, member, group, no_tracebacks):
    response = client_as(member).post(f"/recognition/give/{group.slug}/", {
        "values": "empathy\x00", "message": "Thank you", "members": "1", "visibility": "group"})
    assert response.status_code == 400


# --- Integers out of range -----------------------------------------------------------------


@pytest.mark.parametrize("url", [
    f"/sessions/{HUGE}/", f"/sessions/{HUGE}/chat/", f"/recognition/{HUGE}/",
    f"/support/reports/{HUGE}/", f"/groups/people-i-avoid/{HUGE}/remove/",
    f"/sessions/{'9' * 40}/",
])
def test_an_id_beyond_64_bits_in_the_address_is_not_found(client_as, member, url,
                                                          no_tracebacks):
    assert client_as(member).get(url).status_code == 404


@pytest.mark.parametrize("capacity", ["2147483648", "-5", "1"])
def test_a_group_capacity_beyond_the_column_is_a_form_error(client_as, facilitator, capacity,
                                                            no_tracebacks):
    """-5 too: the form's min_value was set after the field was built, so it was never checked,
    and PostgreSQL's check constraint on the positive column answered 500."""
    response = client_as(facilitator).post("/groups/new/", {
        "name": "Harbour", "purpose": "Calm talk.", "category": Group.Category.PEER_CIRCLE,
        "visibility": Group.Visibility.OPEN, "capacity": capacity, "time_zone": "UTC",
        "rules-TOTAL_FORMS": "0", "rules-INITIAL_FORMS": "0"})
    assert response.status_code == 400  # the form again, with its errors
    assert "capacity" in response.context["form"].errors
    assert not Group.objects.filter(name="Harbour").exists()


def test_a_dashboard_choice_beyond_64_bits_is_a_form_error(client_as, hr, no_tracebacks):
    response = client_as(hr).get(f"/dashboard/?department={HUGE}&group={HUGE}")
    assert response.status_code == 400  # the dashboard's answer to an invalid filter
    assert set(response.context["form"].errors) == {"department", "group"}


# --- Dates out of range --------------------------------------------------------------------


@pytest.mark.parametrize("zone", ["Asia/Kolkata", "Asia/Tokyo", "Pacific/Kiritimati",
                                  "America/Adak"])
def test_a_session_at_the_end_of_time_does_not_break_the_list(
        client_as, member, facilitator, group, zone, no_tracebacks):
    berlin = zoneinfo.ZoneInfo("Europe/Berlin")
    starts = dt.datetime(9999, 12, 31, 20, 0, tzinfo=berlin)
    session = Session.objects.create(group=group, title="Far away", starts_at=starts,
                                     ends_at=starts + dt.timedelta(hours=1),
                                     created_by=facilitator)
    session.facilitators.add(facilitator)
    early = dt.datetime(1, 1, 1, 0, 30, tzinfo=dt.UTC)
    Session.objects.create(group=group, title="Long ago", starts_at=early,
                           ends_at=early + dt.timedelta(hours=1), created_by=facilitator)
    member.time_zone = zone
    member.save(update_fields=["time_zone"])
    client = client_as(member)
    for url in ("/sessions/", "/sessions/mine/", f"/sessions/{session.pk}/",
                f"/groups/{group.slug}/"):
        assert client.get(url).status_code == 200, url


def test_a_dashboard_period_in_year_9999_is_a_form_error(client_as, hr, no_tracebacks):
    response = client_as(hr).get("/dashboard/?period=custom&start=9999-12-01&end=9999-12-31")
    assert response.status_code == 400  # the dashboard's answer to an invalid filter
    assert {"start", "end"} <= set(response.context["form"].errors)


def test_a_session_scheduled_in_year_9999_is_a_form_error(client_as, facilitator, group,
                                                          no_tracebacks):
    response = client_as(facilitator).post(f"/sessions/new/{group.slug}/", {
        "title": "Far", "kind": Session.Kind.PEER_CIRCLE, "starts_at": "9999-12-31T20:00",
        "ends_at": "9999-12-31T23:00", "format": Session.Format.ONLINE,
        "facilitators": [str(facilitator.pk)]})
    assert response.status_code == 200
    assert "starts_at" in response.context["form"].errors
    assert not Session.objects.filter(title="Far").exists()


# --- Websockets ----------------------------------------------------------------------------


@pytest.mark.django_db(transaction=True)
async def test_a_deeply_nested_frame_is_an_error_frame_and_the_socket_stays(room,
                                                                           no_tracebacks):
    async with await open_chat(room.member, room.session) as chat:
        deep = '{"type":"ping","x":' + "[" * 4000 + "]" * 4000 + "}"
        assert len(deep) < 16_384
        await chat.send(deep)
        frame = await chat.receive_type("error")
        assert frame["code"] == "invalid"
        await chat.send({"type": "ping"})
        assert (await chat.receive_type("pong"))["type"] == "pong"


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("path", ["/ws/nope/", "/ws/sessions/abc/chat/",
                                  f"/ws/sessions/{HUGE}/chat/", "/ws/sessions/1/chat/extra/"])
async def test_an_unrouted_websocket_path_is_refused_at_the_handshake(room, path, no_tracebacks):
    communicator = WebsocketCommunicator(application, path, headers=[(b"origin", ORIGIN.encode())])
    connected, code = await communicator.connect(timeout=3)
    assert not connected
    assert code in (403, 1000)
    await communicator.disconnect()


# --- Found by the fuzz suite ----------------------------------------------------------------


@pytest.mark.parametrize("target", ["9223372036854775808", "home", "sessions"])
def test_a_next_that_is_not_a_path_falls_back_to_the_page(client_as, member, facilitator,
                                                         group, target, no_tracebacks):
    session = Session.objects.create(
        group=group, title="Circle", created_by=facilitator,
        starts_at=timezone.now() + dt.timedelta(days=1),
        ends_at=timezone.now() + dt.timedelta(days=1, hours=1))
    client = client_as(member)
    response = client.post(f"/sessions/{session.pk}/rules/", {"accept": "on", "next": target})
    assert response.status_code == 302
    assert response["Location"].startswith("/")


@pytest.mark.parametrize("cookie", ["sessionid", "csrftoken", "messages"])
def test_a_nul_byte_in_a_cookie_is_a_bad_request_and_the_cookie_is_dropped(
        client, member, cookie, no_tracebacks):
    """`sessionid="abcdefgh\\000ijkl"` (all ASCII on the wire) unquotes to a NUL, and reading
    that session answered 500 on PostgreSQL."""
    client.force_login(member)
    client.cookies[cookie] = "abcdefgh\x00ijkl"
    response = client.get("/groups/")
    assert response.status_code == 400
    assert response.cookies[cookie].value == ""  # deleted


@pytest.mark.django_db(transaction=True)
async def test_a_nul_byte_in_the_socket_cookie_is_refused_at_the_handshake(room, no_tracebacks):
    communicator = WebsocketCommunicator(
        application, f"/ws/sessions/{room.session.pk}/chat/",
        headers=[(b"origin", ORIGIN.encode()), (b"cookie", b'sessionid="abcdefgh\\000ijkl"')])
    connected, code = await communicator.connect(timeout=3)
    assert not connected and code in (403, 1000)
    await communicator.disconnect()
