"""/activities/: browse, search and filter (format, minutes, group size, purpose)."""

import pytest

from activities import services
from activities.models import Activity

pytestmark = pytest.mark.django_db


def _titles(response) -> list[str]:
    return [a.title for a in response.context["activities"]]


def test_the_library_lists_the_starter_activities(client, library, employee):
    client.force_login(employee)

    response = client.get("/activities/")

    assert response.status_code == 200
    assert Activity.objects.filter(is_published=True).count() >= 24
    assert len(response.context["activities"]) >= 24
    assert "Appreciation round" in response.content.decode()


def test_remote_fifteen_minutes_six_to_ten_people_fits_them_all(client, library, employee):
    client.force_login(employee)

    response = client.get("/activities/", {"format": "remote", "minutes": "15", "size": "6-10"})

    found = response.context["activities"]
    assert "Appreciation round" in _titles(response)
    for activity in found:
        assert activity.format in ("remote", "both")
        assert activity.duration_minutes <= 15
        assert activity.min_people <= 6 and activity.max_people >= 10
    assert "Walking conversations in pairs" not in _titles(response)


def test_filter_by_purpose_and_search(client, library, employee):
    client.force_login(employee)

    by_purpose = client.get("/activities/", {"purpose": "closing"})
    searched = client.get("/activities/", {"q": "weather"})

    assert {a.category for a in by_purpose.context["activities"]} == {"closing"}
    assert _titles(searched) == ["Weather report check-in"]


@pytest.mark.parametrize("params", [{"minutes": "lots"}, {"size": "a crowd"},
                                    {"format": "underwater"}, {"purpose": "nope"},
                                    {"q": "x" * 500}])
def test_bad_filters_get_a_400_with_the_form_not_a_500(client, library, employee, params):
    client.force_login(employee)

    response = client.get("/activities/", params)

    assert response.status_code == 400
    assert response.context["form"].errors


def test_a_nul_byte_in_the_search_is_harmless(client, library, employee):
    client.force_login(employee)

    response = client.get("/activities/?q=a%00b")

    assert response.status_code in (200, 400)


def test_signed_out_people_are_sent_to_log_in(client, library):
    response = client.get("/activities/")

    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_another_groups_unpublished_activity_is_never_listed(client, library, employee,
                                                             other_team, mfa_exempt):
    group, author = other_team
    mfa_exempt(author)
    own = services.activity_write(author=author, draft=_draft(group, "Secret squirrel game"))
    client.force_login(employee)

    response = client.get("/activities/", {"q": "squirrel"})

    assert _titles(response) == []
    assert client.get(f"/activities/{own.slug}/").status_code == 404


def test_the_library_query_count_is_pinned(client, library, employee, django_assert_num_queries):
    client.force_login(employee)
    client.get("/activities/")

    # 1 django session, 2 user, 3 my groups (what I may see), 4 the activities,
    # 5 my favourites among them, 6 may I write (groups I facilitate)
    with django_assert_num_queries(6):
        response = client.get("/activities/", {"format": "remote", "size": "6-10"})
    assert response.status_code == 200


def _draft(group, title="Our own round", **overrides):
    fields = {
        "title": title, "category": "icebreaker", "purpose": "A warm start.", "format": "both",
        "min_people": 2, "max_people": 12, "materials": "", "facilitator_tips": "Go first.",
        "accessibility_notes": "Writing is fine; anyone may pass.",
        "ground_rules": ["right_to_pass"], "groups": [group],
        "steps": [services.StepDraft(title="Share", minutes=5, instructions="Share one thing.",
                                     prompt="One thing from your week")]}
    fields.update(overrides)
    return services.ActivityDraft(**fields)
