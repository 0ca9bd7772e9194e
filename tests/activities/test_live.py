"""Running an activity live: the services (activities.live) and the chat frames everyone sees.

The room fixtures are the chat tests' own (an open room, a facilitator with two-factor, two
members who accepted the rules)."""

import datetime as dt

import pytest
from channels.db import database_sync_to_async
from django.utils import timezone

from activities import live
from activities.library import load_library
from activities.models import Activity, ActivityRun, ActivityStep, SessionActivity
from chat.handlers import handle_frame
from chat.services import ChatRefusal
from tests.chat.conftest import open_chat


def _plan(room, slug="appreciation-round") -> Activity:
    load_library(Activity, ActivityStep)
    activity = Activity.objects.get(slug=slug)
    SessionActivity.objects.get_or_create(session=room.session, activity=activity)
    return activity


# --- Services ----------------------------------------------------------------------------------


@pytest.mark.django_db
def test_a_run_goes_step_by_step_with_a_shared_deadline(room):
    _plan(room)
    before = timezone.now()

    run = live.run_start(session=room.session, activity_slug="appreciation-round",
                         by=room.facilitator)
    frame = live.run_frame(run)

    assert frame["status"] == "running" and frame["step_index"] == 0
    assert frame["step"]["title"] == "Think of someone" and frame["steps_total"] == 3
    ends_at = dt.datetime.fromisoformat(frame["ends_at"])
    assert before + dt.timedelta(minutes=3) <= ends_at <= timezone.now() + dt.timedelta(minutes=3)
    run = live.run_move(session=room.session, by=room.facilitator, version=run.version)
    assert run.step_index == 1 and run.steps[1]["appreciation"]
    assert run.windows[-1]["until"] is None  # the appreciation step's window is open


def test_pause_keeps_the_time_left_and_resume_gives_it_back(room, db):
    _plan(room)
    run = live.run_start(session=room.session, activity_slug="appreciation-round",
                         by=room.facilitator)
    ActivityRun.objects.filter(pk=run.pk).update(
        step_ends_at=timezone.now() + dt.timedelta(seconds=100))

    paused = live.run_pause(session=room.session, by=room.facilitator)
    resumed = live.run_resume(session=room.session, by=room.facilitator)

    assert paused.status == "paused" and 98 <= paused.paused_remaining <= 100
    left = (resumed.step_ends_at - timezone.now()).total_seconds()
    assert resumed.status == "running" and 97 <= left <= 100


def test_next_on_the_last_step_ends_the_run_and_closes_the_answer_window(room, db):
    _plan(room)
    live.run_start(session=room.session, activity_slug="appreciation-round", by=room.facilitator)
    for _ in range(3):
        run = live.run_move(session=room.session, by=room.facilitator)

    assert run.status == "ended" and run.ended_at is not None
    assert all(window["until"] for window in run.windows)
    assert live.run_frame(run)["rate_url"] == f"/activities/runs/{run.pk}/rate/"


def test_a_stale_version_is_refused_with_where_the_run_is(room, db):
    _plan(room)
    run = live.run_start(session=room.session, activity_slug="appreciation-round",
                         by=room.facilitator)
    live.run_move(session=room.session, by=room.facilitator, version=run.version)

    with pytest.raises(ChatRefusal) as refused:
        live.run_move(session=room.session, by=room.facilitator, version=run.version)

    assert refused.value.code == "stale"
    assert refused.value.extra["run"]["step_index"] == 1


def test_one_activity_at_a_time_and_only_planned_ones(room, db):
    _plan(room)
    _plan(room, "one-word-check-out")
    live.run_start(session=room.session, activity_slug="appreciation-round", by=room.facilitator)

    with pytest.raises(ChatRefusal) as running:
        live.run_start(session=room.session, activity_slug="one-word-check-out",
                       by=room.facilitator)
    with pytest.raises(ChatRefusal) as unplanned:
        live.run_start(session=room.session, activity_slug="rose-bud-thorn",
                       by=room.facilitator)

    assert running.value.code == "activity_running"
    assert unplanned.value.code == "not_found"


def test_an_activity_runs_only_during_the_session(room, db):
    _plan(room)
    room.session.starts_at = timezone.now() + dt.timedelta(days=1)
    room.session.ends_at = room.session.starts_at + dt.timedelta(hours=1)
    room.session.save()

    with pytest.raises(ChatRefusal) as refused:
        live.run_start(session=room.session, activity_slug="appreciation-round",
                       by=room.facilitator)

    assert refused.value.code == "room_closed"


def test_a_member_cannot_run_an_activity_through_a_frame(room, db):
    _plan(room)

    outcome = handle_frame(session_id=room.session.pk, user=room.member,
                           frame={"type": "activity.start", "activity": "appreciation-round"})

    assert outcome.replies[0]["code"] == "forbidden"
    assert not ActivityRun.objects.exists()


@pytest.mark.parametrize("frame", [{"type": "activity.start"},
                                   {"type": "activity.start", "activity": ["x"]},
                                   {"type": "activity.next", "version": "7"},
                                   {"type": "activity.rate", "run": "1", "answer": "helpful"}])
def test_bad_activity_frames_get_an_error_frame(room, db, frame):
    _plan(room)

    outcome = handle_frame(session_id=room.session.pk, user=room.facilitator, frame=frame)

    assert outcome.replies[0]["type"] == "error"
    assert outcome.replies[0]["code"] in ("invalid", "no_activity")


# --- Frames over real sockets -----------------------------------------------------------------


@pytest.mark.django_db(transaction=True)
async def test_everyone_sees_the_same_step_and_countdown_and_a_reconnect_sees_it_too(room):
    await database_sync_to_async(_plan)(room)
    facilitator = await open_chat(room.facilitator, room.session)
    first = await open_chat(room.member, room.session)
    second = await open_chat(room.member2, room.session)
    try:
        assert first.state["activity"] is None
        await facilitator.send({"type": "activity.start", "activity": "appreciation-round"})
        seen = [await c.receive_type("activity") for c in (facilitator, first, second)]
        runs = [frame["run"] for frame in seen]
        assert {r["step"]["title"] for r in runs} == {"Think of someone"}
        assert len({r["ends_at"] for r in runs}) == 1  # one shared deadline

        await facilitator.send({"type": "activity.next", "version": runs[0]["version"]})
        moved = [(await c.receive_type("activity"))["run"] for c in (first, second)]
        assert [r["step"]["prompt"] for r in moved] == [
            "One thing you appreciated about someone this week"] * 2

        await facilitator.send({"type": "activity.pause"})
        paused = (await first.receive_type("activity"))["run"]
        assert paused["status"] == "paused" and paused["ends_at"] is None
        assert 0 < paused["remaining_seconds"] <= 9 * 60

        await second.disconnect()
        again = await open_chat(room.member2, room.session)
        assert again.state["activity"]["step_index"] == 1
        assert again.state["activity"]["status"] == "paused"
        await again.disconnect()
    finally:
        for client in (facilitator, first, second):
            await client.disconnect()


@pytest.mark.django_db(transaction=True)
async def test_answers_are_ordinary_messages_and_ratings_are_private(room):
    await database_sync_to_async(_plan)(room)
    facilitator = await open_chat(room.facilitator, room.session)
    member = await open_chat(room.member, room.session)
    try:
        await facilitator.send({"type": "activity.start", "activity": "appreciation-round"})
        await member.receive_type("activity")
        await member.say("Thank you Fran for the calm welcome")
        message = await facilitator.receive_type("message")
        assert message["body"] == "Thank you Fran for the calm welcome"

        await member.send({"type": "activity.end"})
        assert (await member.receive_type("error"))["code"] == "forbidden"
        await facilitator.send({"type": "activity.end"})
        ended = (await member.receive_type("activity"))["run"]
        assert ended["status"] == "ended"
        while (await facilitator.receive_type("activity"))["run"]["status"] != "ended":
            pass

        await member.send({"type": "activity.rate", "run": ended["id"], "answer": "helpful"})
        rated = await member.receive_type("activity.rated")
        assert rated["already"] is False
        assert await facilitator.nothing_more()  # nobody else hears about a rating
    finally:
        await facilitator.disconnect()
        await member.disconnect()


@pytest.mark.django_db
def test_a_run_of_another_room_can_be_neither_rated_nor_probed(room, facilitator):
    from tests.chat.conftest import make_session

    activity = _plan(room)
    elsewhere = make_session(room.group, facilitator)
    other = ActivityRun.objects.create(session=elsewhere, activity=activity, title="x",
                                       category="appreciation", steps=[], status="ended",
                                       started_at=timezone.now(), ended_at=timezone.now())

    outcome = handle_frame(session_id=room.session.pk, user=room.member,
                           frame={"type": "activity.rate", "run": other.pk, "answer": "helpful"})
    unknown = handle_frame(session_id=room.session.pk, user=room.member,
                           frame={"type": "activity.rate", "run": 10**9, "answer": "helpful"})

    assert outcome.replies[0]["code"] == unknown.replies[0]["code"] == "not_found"
    assert outcome.replies[0]["detail"] == unknown.replies[0]["detail"]
