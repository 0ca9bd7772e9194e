"""An activity's page, favourites, writing your own, planning into a session, and the session
page, calendar file and reminder that show it."""

import datetime as dt

import pytest
from django.core import mail

from accounts.two_factor import ASSERTED_BY_PROVIDER_KEY
from activities import services
from activities.models import Activity, Favourite, SessionActivity
from groups.models import Membership
from sessions import services as session_services
from sessions.models import Notice
from tests.activities.test_library import _draft
from tests.factories import UserFactory
from tests.sessions.factories import join, schedule

pytestmark = pytest.mark.django_db


def test_an_activity_page_shows_every_field(client, library, employee):
    client.force_login(employee)

    page = client.get("/activities/appreciation-round/").content.decode()

    for text in ("Appreciation round", "Step by step", "One thing you appreciated about someone "
                 "this week", "Tips for the facilitator", "Accessibility and inclusion",
                 "Materials", "Ground rules it leans on", "Right to pass", "3–12 people",
                 "15 minutes"):
        assert text in page
    assert "Plan it for a session" not in page  # not a facilitator


def test_an_unknown_activity_is_404(client, employee):
    client.force_login(employee)

    assert client.get("/activities/no-such-thing/").status_code == 404


def test_favourites_are_saved_and_forgotten(client, library, employee):
    client.force_login(employee)

    client.post("/activities/appreciation-round/favourite/", {"on": "1"})
    client.post("/activities/appreciation-round/favourite/", {"on": "1"})
    listed = client.get("/activities/", {"favourites": "on"})
    client.post("/activities/appreciation-round/favourite/", {"on": "0"})

    assert [a.slug for a in listed.context["activities"]] == ["appreciation-round"]
    assert not Favourite.objects.filter(user=employee).exists()
    assert client.get("/activities/appreciation-round/favourite/").status_code == 405


def test_a_facilitator_writes_an_activity_only_their_groups_see(client, logged_in, team,
                                                                 facilitator, member, outsider):
    client = logged_in(facilitator)
    response = client.post("/activities/new/", {
        "title": "Compliment relay", "category": "appreciation", "purpose": "Kind words.",
        "format": "remote", "min_people": "3", "max_people": "9", "materials": "",
        "facilitator_tips": "Go first.", "accessibility_notes": "Writing is fine.",
        "ground_rules": ["respect"], "groups": [str(team.pk)],
        "steps-TOTAL_FORMS": "3", "steps-INITIAL_FORMS": "0",
        "steps-0-title": "Relay", "steps-0-minutes": "8", "steps-0-instructions": "Pass it on.",
        "steps-0-prompt": "A compliment for the next person", "steps-0-appreciation": "on",
    })
    activity = Activity.objects.get(title="Compliment relay")

    assert response.status_code == 302
    assert not activity.is_published and activity.duration_minutes == 8
    client.force_login(member)
    assert client.get(f"/activities/{activity.slug}/").status_code == 200
    client.force_login(outsider)
    assert client.get(f"/activities/{activity.slug}/").status_code == 404


def test_a_member_may_not_write_activities(client, team, member):
    client.force_login(member)

    assert client.get("/activities/new/").status_code == 403


def test_a_write_with_no_steps_or_a_bad_range_is_a_form_error(client, logged_in, team,
                                                              facilitator):
    client = logged_in(facilitator)
    response = client.post("/activities/new/", {
        "title": "Half done", "category": "appreciation", "purpose": "x", "format": "remote",
        "min_people": "9", "max_people": "3", "facilitator_tips": "x",
        "accessibility_notes": "x", "groups": [str(team.pk)],
        "steps-TOTAL_FORMS": "3", "steps-INITIAL_FORMS": "0"})

    assert response.status_code == 400
    assert not Activity.objects.filter(title="Half done").exists()


def test_only_the_author_edits_and_only_until_published(client, logged_in, team, facilitator,
                                                        other_team, mfa_exempt):
    group, author = other_team
    mfa_exempt(author)
    own = services.activity_write(author=author, draft=_draft(group))
    client = logged_in(author)
    assert client.get(f"/activities/{own.slug}/edit/").status_code == 200
    Activity.objects.filter(pk=own.pk).update(is_published=True)

    assert client.get(f"/activities/{own.slug}/edit/").status_code == 403
    client.force_login(facilitator)
    assert client.get(f"/activities/{own.slug}/edit/").status_code == 403


def test_planning_shows_on_the_session_page_calendar_and_reminder(client, logged_in, library,
                                                                  upcoming, facilitator, member):
    client = logged_in(facilitator)
    response = client.post("/activities/appreciation-round/plan/",
                           {"session": str(upcoming.pk), "scope": "this"})
    assert response.status_code == 302
    assert SessionActivity.objects.filter(session=upcoming).count() == 1

    client.force_login(member)
    page = client.get(f"/sessions/{upcoming.pk}/").content.decode()
    ics = client.get(f"/sessions/{upcoming.pk}/calendar.ics").content.decode()
    session_services.rsvp_set(session=upcoming, user=member, status="going")
    notice = Notice.objects.get(session=upcoming, user=member, kind="reminder_24h")
    session_services.notice_send(notice_id=notice.pk, now=notice.due_at)

    assert "Appreciation round" in page and "Presenter screen" not in page
    assert "Activities: Appreciation round" in ics.replace("\r\n ", "")
    assert "Planned activities: Appreciation round" in mail.outbox[-1].body


def test_a_discreet_calendar_entry_names_no_activity(client, library, upcoming, facilitator,
                                                     member):
    upcoming.group.is_sensitive = True
    upcoming.group.save()
    SessionActivity.objects.create(session=upcoming, activity=Activity.objects.get(
        slug="appreciation-round"))
    client.force_login(member)

    ics = client.get(f"/sessions/{upcoming.pk}/calendar.ics").content.decode()

    assert "Appreciation" not in ics


def test_planning_for_the_whole_series(client, logged_in, library, team, facilitator):
    from sessions import recurrence as rec

    client = logged_in(facilitator)
    sessions = schedule_series(team, facilitator, rec)
    client.post("/activities/rose-bud-thorn/plan/",
                {"session": str(sessions[1].pk), "scope": "series"})

    planned = set(SessionActivity.objects.values_list("session_id", flat=True))
    assert planned == {s.pk for s in sessions[1:]}


def schedule_series(group, by, rec):
    from django.utils import timezone

    starts = timezone.now().replace(second=0, microsecond=0) + dt.timedelta(days=2)
    details = session_services.SessionDetails(
        title="Weekly café", kind="team_building", starts_at=starts,
        ends_at=starts + dt.timedelta(minutes=30), facilitators=[by])
    return session_services.session_schedule(
        group=group, by=by, details=details,
        recurrence=rec.Recurrence(frequency=rec.Frequency.WEEKLY, count=3))


def test_a_member_cannot_plan(client, library, upcoming, member):
    client.force_login(member)

    response = client.post("/activities/appreciation-round/plan/",
                           {"session": str(upcoming.pk), "scope": "this"})

    assert response.status_code == 302
    assert not SessionActivity.objects.exists()


def test_a_member_cannot_unplan(client, library, upcoming, member, facilitator):
    SessionActivity.objects.create(session=upcoming, activity=Activity.objects.get(
        slug="appreciation-round"))
    client.force_login(member)

    response = client.post(f"/sessions/{upcoming.pk}/activities/appreciation-round/remove/")

    assert response.status_code == 403
    assert SessionActivity.objects.exists()


def test_an_outsider_of_a_private_group_cannot_learn_its_session_exists(client, library,
                                                                       upcoming, outsider):
    upcoming.group.visibility = "private"
    upcoming.group.save()
    client.force_login(outsider)

    response = client.post(f"/sessions/{upcoming.pk}/activities/appreciation-round/remove/")

    assert response.status_code == 404


def test_facilitators_see_ratings_only_from_three_answers(client, logged_in, library, upcoming,
                                                         facilitator, member, employee):
    from activities.models import ActivityRun

    activity = Activity.objects.get(slug="appreciation-round")
    run = ActivityRun.objects.create(session=upcoming, activity=activity, title=activity.title,
                                     category=activity.category, steps=[], status="ended",
                                     started_at=upcoming.starts_at, ended_at=upcoming.starts_at)
    third = UserFactory()
    join(upcoming.group, third, role=Membership.Role.MEMBER)
    services.rating_give(run=run, user=member, answer="helpful")
    services.rating_give(run=run, user=employee, answer="not_for_me")
    client = logged_in(facilitator)
    before = client.get("/activities/appreciation-round/").content.decode()
    services.rating_give(run=run, user=third, answer="helpful")
    after = client.get("/activities/appreciation-round/").content.decode()

    assert "counts appear here once at least 3" in before and "found it helpful" not in before
    assert "2 found it helpful, 1 said it was not for them (3 answers)" in after


def test_the_detail_query_count_is_pinned(client, library, employee, django_assert_num_queries):
    client.force_login(employee)
    client.get("/activities/appreciation-round/")

    # 1 django session, 2 user, 3 the activity, 4 its steps, 5 the groups it is shared with,
    # 6 the groups I facilitate (none: no planning, no ratings), 7 is it my favourite
    with django_assert_num_queries(7):
        response = client.get("/activities/appreciation-round/")
    assert response.status_code == 200


def test_from_a_session_page_the_library_offers_that_session(client, logged_in, library,
                                                            upcoming, facilitator, team):
    later = schedule(team, facilitator, title="Later café", starts_in=dt.timedelta(days=9))
    client = logged_in(facilitator)

    session_page = client.get(f"/sessions/{later.pk}/").content.decode()
    listed = client.get("/activities/", {"session": str(later.pk), "format": "remote"})
    detail = client.get("/activities/appreciation-round/", {"session": str(later.pk)})

    assert f"/activities/?session={later.pk}" in session_page
    assert f"/activities/appreciation-round/?session={later.pk}" in listed.content.decode()
    assert f'<option value="{later.pk}" selected>' in detail.content.decode()


def _signed_in_by_sso(client, person, *, asserted: bool):
    """A login through the company's identity provider, as sso.adapters leaves it: the session
    says whether the provider asserted a second factor. No authenticator is set up here."""
    client.force_login(person)
    session = client.session
    if asserted:
        session[ASSERTED_BY_PROVIDER_KEY] = str(person.pk)
    session.save()
    return client


def test_a_facilitator_whose_provider_asserted_a_second_factor_plans_and_runs(
        client, library, upcoming, facilitator):
    _signed_in_by_sso(client, facilitator, asserted=True)

    planned = client.post("/activities/appreciation-round/plan/",
                          {"session": str(upcoming.pk), "scope": "this"})
    presenter = client.get(f"/sessions/{upcoming.pk}/activity/")

    assert planned.status_code == 302
    assert SessionActivity.objects.filter(session=upcoming).count() == 1
    assert presenter.status_code == 200


def test_a_facilitator_without_a_second_factor_neither_plans_nor_runs(
        client, library, upcoming, facilitator):
    _signed_in_by_sso(client, facilitator, asserted=False)

    client.post("/activities/appreciation-round/plan/",
                {"session": str(upcoming.pk), "scope": "this"})
    presenter = client.get(f"/sessions/{upcoming.pk}/activity/")

    assert SessionActivity.objects.count() == 0
    assert presenter.status_code in (302, 403)
