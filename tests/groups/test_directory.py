import pytest
from django.urls import reverse

from groups.models import Group
from tests.factories import UserFactory
from tests.groups.conftest import join, make_group

URL = reverse("groups:directory")


def names(response) -> list[str]:
    return [g.name for g in response.context["page"].object_list]


def test_anonymous_visitor_is_sent_to_log_in(client, open_group):
    response = client.get(URL)
    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]


def test_employee_finds_open_and_request_groups_but_never_private_ones(
        client, employee, open_group, request_group, private_group):
    client.force_login(employee)
    response = client.get(URL)
    assert response.status_code == 200
    assert names(response) == ["Monday Circle", "Women in Engineering"]
    assert "After a Difficult Experience" not in response.content.decode()


def test_private_group_is_not_findable_by_search_for_non_members(client, employee, private_group):
    client.force_login(employee)
    response = client.get(URL, {"q": "Difficult"})
    assert names(response) == []
    assert "After a Difficult Experience" not in response.content.decode()


def test_members_see_their_private_group_listed(client, member, private_group):
    join(private_group, member)
    client.force_login(member)
    response = client.get(URL, {"q": "Difficult"})
    assert names(response) == ["After a Difficult Experience"]


def test_search_matches_name_and_purpose(client, employee, facilitator, open_group):
    make_group(facilitator, name="Listening Practice", purpose="Practise empathy in pairs.",
               category=Group.Category.SKILLS)
    client.force_login(employee)
    assert names(client.get(URL, {"q": "empathy"})) == ["Listening Practice"]
    assert names(client.get(URL, {"q": "monday"})) == ["Monday Circle"]


def test_category_filter_and_unknown_category_is_ignored(client, employee, facilitator,
                                                          open_group):
    make_group(facilitator, name="Listening Practice", category=Group.Category.SKILLS)
    client.force_login(employee)
    assert names(client.get(URL, {"category": "skills"})) == ["Listening Practice"]
    assert names(client.get(URL, {"category": "<script>"})) == ["Listening Practice",
                                                                  "Monday Circle"]


def test_my_groups_shows_only_groups_i_belong_to(client, employee, open_group, request_group):
    join(open_group, employee)
    client.force_login(employee)
    response = client.get(URL, {"mine": "1"})
    assert names(response) == ["Monday Circle"]
    assert "You're a member" in response.content.decode()


def test_directory_is_paginated_and_keeps_filters(client, employee, facilitator):
    for n in range(15):
        make_group(facilitator, name=f"Circle {n:02}", category=Group.Category.SKILLS)
    client.force_login(employee)
    response = client.get(URL, {"category": "skills", "page": 2})
    assert names(response) == [f"Circle {n:02}" for n in range(12, 15)]
    assert "category=skills&amp;page=1" in response.content.decode()
    assert client.get(URL, {"page": "not-a-number"}).status_code == 200


@pytest.mark.parametrize("group_count", [3, 55])
def test_directory_query_count_does_not_grow_with_groups_or_members(
        client, django_assert_num_queries, employee, facilitator, group_count):
    for n in range(group_count):
        group = make_group(facilitator, name=f"Group {n:02}",
                           visibility=Group.Visibility.PRIVATE if n % 5 == 0 else "open")
        if n % 2:
            join(group, UserFactory())
    join(Group.objects.get(name="Group 01"), employee)
    client.force_login(employee)
    # 1 session, 2 user, 3 count for the paginator, 4 the page of groups with membership flag
    # and member count annotated.
    with django_assert_num_queries(4):
        response = client.get(URL, {"q": "Group"})
    assert response.status_code == 200
    visible = group_count - (group_count + 4) // 5  # every fifth group is private
    assert len(response.context["page"].object_list) == min(12, visible)
