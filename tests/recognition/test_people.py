"""The recipient autocomplete: a few active colleagues per query, never the whole organisation."""

from tests.factories import UserFactory


def test_search_by_display_name_returns_name_and_email(client, employee, colleague):
    client.force_login(employee)

    response = client.get("/recognition/people/", {"q": "case"})

    assert response.status_code == 200
    assert response.json() == {"results": [{"email": "casey@example.org",
                                            "name": "Casey Colleague"}]}


def test_search_by_email_prefix(client, employee, colleague):
    client.force_login(employee)

    results = client.get("/recognition/people/", {"q": "CASEY@"}).json()["results"]

    assert [r["email"] for r in results] == ["casey@example.org"]


def test_the_middle_of_an_email_does_not_match(client, employee, colleague):
    client.force_login(employee)

    assert client.get("/recognition/people/", {"q": "example.org"}).json()["results"] == []


def test_inactive_people_and_oneself_are_left_out(client, employee, colleague):
    UserFactory(display_name="Casey Gone", is_active=False)
    client.force_login(employee)

    names = [r["name"] for r in client.get("/recognition/people/", {"q": "e"}).json()["results"]]
    longer = [r["name"] for r in client.get("/recognition/people/",
                                            {"q": "Ca"}).json()["results"]]

    assert names == []  # one letter is too short to search
    assert "Casey Gone" not in longer and "Casey Colleague" in longer
    assert employee.name not in [r["name"] for r in client.get(
        "/recognition/people/", {"q": "Erin"}).json()["results"]]


def test_at_most_ten_results_in_one_query(client, employee, django_assert_num_queries):
    UserFactory.create_batch(15, display_name="Robin Same")
    client.force_login(employee)

    # 1 session, 2 user, 3 the search itself (LIMIT 10)
    with django_assert_num_queries(3):
        results = client.get("/recognition/people/", {"q": "robin"}).json()["results"]

    assert len(results) == 10


def test_anonymous_visitors_cannot_search(client, colleague):
    response = client.get("/recognition/people/", {"q": "case"})

    assert response.status_code == 302
    assert "casey" not in response.content.decode()


def test_search_only_answers_get(client, employee):
    client.force_login(employee)

    assert client.post("/recognition/people/", {"q": "case"}).status_code == 405
