import pytest

from groups.models import Membership
from recognition.models import Reaction, Recognition
from recognition.services import reaction_toggle, reply_post
from tests.factories import UserFactory
from tests.recognition.factories import give


def _titles(response) -> list[str]:
    return [card.recognition.message for card in response.context["feed"].cards]


def test_the_feed_shows_what_the_viewer_may_see_newest_first(client, employee, colleague,
                                                             outsider):
    give(employee, colleague, message="First")
    give(colleague, employee, message="Second")
    give(outsider, colleague, message="Not for you", visibility="private")
    client.force_login(employee)

    response = client.get("/recognition/")

    assert response.status_code == 200
    assert _titles(response) == ["Second", "First"]


def test_for_me_shows_only_recognition_of_the_viewer(client, employee, colleague, member):
    give(colleague, employee, message="For Erin")
    give(colleague, member, message="For Morgan")
    client.force_login(employee)

    assert _titles(client.get("/recognition/", {"for": "me"})) == ["For Erin"]


def test_filter_by_value(client, employee, colleague):
    give(employee, colleague, message="Listening", values=["active-listening"])
    give(employee, colleague, message="Brave", values=["courage", "support"])
    client.force_login(employee)

    assert _titles(client.get("/recognition/", {"value": "courage"})) == ["Brave"]
    assert _titles(client.get("/recognition/", {"value": "courage", "for": "me"})) == []


def test_filter_by_one_of_the_viewers_groups(client, employee, member, circle, join):
    join(circle, employee)
    give(employee, member, message="In the circle", visibility="group", group=circle)
    give(employee, member, message="Everywhere")
    client.force_login(member)

    assert _titles(client.get("/recognition/", {"group": "tuesday-circle"})) == ["In the circle"]


def test_filtering_by_a_group_one_is_not_in_is_not_found(client, outsider, circle):
    client.force_login(outsider)

    assert client.get("/recognition/", {"group": "tuesday-circle"}).status_code == 404


def test_the_feed_needs_a_login(client):
    assert client.get("/recognition/").status_code == 302


def test_an_unknown_page_number_shows_the_last_page(client, employee, colleague):
    give(employee, colleague, message="Only one")
    client.force_login(employee)

    assert _titles(client.get("/recognition/", {"page": "99"})) == ["Only one"]


def test_no_leaderboard_or_per_person_totals_in_the_feed(client, employee, colleague):
    for _ in range(3):
        give(employee, colleague)
    client.force_login(employee)

    page = client.get("/recognition/").content.decode().lower()

    assert "leaderboard" not in page and "points" not in page.replace("no points", "")


def _populate(count: int, viewer, circle) -> None:
    """`count` recognitions of every shape: public, private, group (pseudonymous), with
    reactions and replies, from many givers to many recipients."""
    circle.allow_pseudonyms = True
    circle.save(update_fields=["allow_pseudonyms"])
    for index in range(count):
        giver, recipient = UserFactory(), UserFactory()
        Membership.objects.create(group=circle, user=giver, joined_at=circle.created_at,
                                  pseudonym=f"Bird {index}")
        Membership.objects.create(group=circle, user=recipient, joined_at=circle.created_at)
        group_one = index % 3 == 0
        recognition = give(giver, [recipient, viewer], values=["empathy", "support"],
                           visibility="group" if group_one else "public",
                           group=circle if group_one else None)
        reaction_toggle(recognition=recognition, user=recipient, kind=Reaction.Kind.THANKS)
        reaction_toggle(recognition=recognition, user=viewer, kind=Reaction.Kind.CELEBRATE)
        reply_post(recognition=recognition, author=recipient, body="Thank you!")


@pytest.mark.parametrize("count", [3, 25])
def test_feed_query_count_is_constant(client, member, circle, count,
                                      django_assert_num_queries):
    _populate(count, member, circle)
    client.force_login(member)

    # 1 session, 2 user, 3 viewer's memberships, 4 COUNT for the paginator, 5 the page of
    # recognitions (giver, group joined), 6 recipients, 7 values, 8 replies (with authors),
    # 9 reaction counts, 10 pseudonyms in the page's pseudonymous groups, 11 values for the
    # filter list
    with django_assert_num_queries(11):
        response = client.get("/recognition/")

    assert response.status_code == 200
    assert len(response.context["feed"].cards) == min(count, 20)
    assert "Bird 0" in response.content.decode() or count > 20


def test_the_second_page_costs_the_same(client, member, circle, django_assert_num_queries):
    _populate(25, member, circle)
    client.force_login(member)

    with django_assert_num_queries(11):
        response = client.get("/recognition/", {"page": 2})

    assert len(response.context["feed"].cards) == 5


def test_reaction_counts_and_my_reactions_show_on_the_card(client, employee, colleague,
                                                           member):
    recognition = give(employee, colleague)
    reaction_toggle(recognition=recognition, user=member, kind="thanks")
    reaction_toggle(recognition=recognition, user=colleague, kind="thanks")
    reaction_toggle(recognition=recognition, user=employee, kind="celebrate")
    client.force_login(employee)

    card = client.get("/recognition/").context["feed"].cards[0]

    counts = {r.kind: (r.count, r.mine) for r in card.reactions}
    assert counts == {"thanks": (2, False), "celebrate": (1, True), "deserved": (0, False)}
    assert Recognition.objects.count() == 1
