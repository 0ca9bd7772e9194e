import pytest
from django.core import mail
from django.urls import reverse

from support import services
from support.models import FacilitatorRequest
from tests.factories import UserFactory
from tests.support.conftest import make_group


def start(client, facilitator, body="Can we talk about last week's meeting?"):
    return client.post("/support/facilitator/", {"facilitator": facilitator.email, "body": body})


@pytest.mark.django_db
def test_a_member_starts_a_private_conversation_with_their_facilitator(
    client, employee, facilitator, circle, django_capture_on_commit_callbacks
):
    client.force_login(employee)

    with django_capture_on_commit_callbacks(execute=True):
        response = start(client, facilitator)

    conversation = FacilitatorRequest.objects.get()
    assert response.status_code == 302
    assert response["Location"] == f"/support/conversations/{conversation.pk}/"
    assert (conversation.requester, conversation.facilitator) == (employee, facilitator)
    assert conversation.messages.get().body == "Can we talk about last week's meeting?"
    # The facilitator is told there is a message, without its content or the sender's name.
    assert [m.to for m in mail.outbox] == [[facilitator.email]]
    assert "last week" not in mail.outbox[0].body
    assert employee.name not in mail.outbox[0].body


@pytest.mark.django_db
def test_the_form_offers_only_facilitators_of_the_members_groups(
    client, employee, facilitator, circle
):
    other = UserFactory(display_name="Quinn Elsewhere", is_facilitator=True)
    make_group(name="Other circle", facilitator=other, members=[])
    client.force_login(employee)

    page = client.get("/support/facilitator/").content.decode()

    assert facilitator.name in page
    assert other.name not in page
    response = start(client, other)
    assert response.status_code == 200
    assert "Select a valid choice" in response.content.decode()
    assert not FacilitatorRequest.objects.exists()


@pytest.mark.django_db
def test_a_person_without_a_facilitator_is_shown_other_ways(client, outsider):
    client.force_login(outsider)

    page = client.get("/support/facilitator/").content.decode()

    assert "not in a group with a facilitator yet" in page
    assert "/support/reports/new/" in page


@pytest.mark.django_db
def test_an_empty_message_is_refused_with_a_clear_error(client, employee, facilitator, circle):
    client.force_login(employee)

    response = start(client, facilitator, body="   ")

    assert response.status_code == 200
    assert "This field is required." in response.content.decode()
    assert not FacilitatorRequest.objects.exists()


@pytest.mark.django_db
def test_a_second_request_to_the_same_facilitator_continues_the_open_conversation(
    employee, facilitator, circle
):
    first = services.conversation_open(requester=employee, facilitator=facilitator, body="One")
    second = services.conversation_open(requester=employee, facilitator=facilitator, body="Two")

    assert first.pk == second.pk
    assert list(first.messages.values_list("body", flat=True)) == ["One", "Two"]


@pytest.fixture
def conversation(employee, facilitator, circle) -> FacilitatorRequest:
    return services.conversation_open(
        requester=employee, facilitator=facilitator, body="I am not OK after Tuesday."
    )


@pytest.mark.django_db
def test_the_facilitator_sees_the_request_in_their_queue_and_replies(
    client, facilitator, conversation, mfa_exempt, django_capture_on_commit_callbacks
):
    mfa_exempt(facilitator)
    client.force_login(facilitator)

    queue = client.get("/support/conversations/").content.decode()
    assert "Requests to you" in queue and "New message" in queue
    thread = client.get(f"/support/conversations/{conversation.pk}/").content.decode()
    assert "I am not OK after Tuesday." in thread
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            f"/support/conversations/{conversation.pk}/",
            {"body": "Thank you for telling me. Coffee tomorrow?"},
        )

    assert response.status_code == 302
    assert conversation.messages.last().author == facilitator
    assert mail.outbox[-1].to == [conversation.requester.email]


@pytest.mark.parametrize("who", ["outsider", "hr", "other_facilitator", "member"])
@pytest.mark.django_db
def test_only_the_two_people_can_open_a_conversation(
    client, conversation, who, request, mfa_exempt
):
    viewer = (
        UserFactory(is_facilitator=True)
        if who == "other_facilitator"
        else request.getfixturevalue(who)
    )
    mfa_exempt(viewer)
    client.force_login(viewer)

    assert client.get(f"/support/conversations/{conversation.pk}/").status_code == 404
    assert (
        client.post(f"/support/conversations/{conversation.pk}/", {"body": "hi"}).status_code == 404
    )
    assert client.post(f"/support/conversations/{conversation.pk}/close/").status_code == 404
    assert "I am not OK" not in client.get("/support/conversations/").content.decode()
    assert conversation.messages.count() == 1


@pytest.mark.django_db
def test_a_facilitator_without_two_factor_is_sent_to_set_it_up(client, facilitator, conversation):
    client.force_login(facilitator)

    response = client.get(f"/support/conversations/{conversation.pk}/")

    assert response.status_code == 302
    assert response["Location"] == reverse("mfa_activate_totp")


@pytest.mark.django_db
def test_either_person_closes_and_then_nobody_can_write(client, employee, conversation):
    client.force_login(employee)

    client.post(f"/support/conversations/{conversation.pk}/close/")
    response = client.post(f"/support/conversations/{conversation.pk}/", {"body": "More"})

    conversation.refresh_from_db()
    assert conversation.status == FacilitatorRequest.Status.CLOSED
    assert conversation.closed_by == employee
    assert "This conversation is closed" in response.content.decode()
    assert conversation.messages.count() == 1


@pytest.mark.django_db
def test_conversation_page_query_count_is_pinned(
    client, employee, facilitator, conversation, django_assert_num_queries
):
    for n in range(5):
        services.conversation_reply(conversation=conversation, author=facilitator, body=f"R{n}")
    client.force_login(employee)

    # session, user, conversation (+people), mark seen, messages (+authors)
    with django_assert_num_queries(5):
        response = client.get(f"/support/conversations/{conversation.pk}/")
    assert response.status_code == 200


@pytest.mark.django_db
def test_conversation_list_query_count_is_pinned(
    client, facilitator, employee, mfa_exempt, django_assert_num_queries
):
    for n in range(4):
        member = UserFactory()
        make_group(name=f"Circle {n}", facilitator=facilitator, members=[member])
        services.conversation_open(requester=member, facilitator=facilitator, body="Hi")
    mfa_exempt(facilitator)
    client.force_login(facilitator)

    # session, user, queue (+requesters), started (+facilitators), the navigation's count of
    # what waits for a facilitator (one query: peersupport.home.facilitator_nav_count)
    with django_assert_num_queries(5):
        response = client.get("/support/conversations/")
    assert response.content.decode().count("From ") == 4


@pytest.mark.django_db
def test_the_notice_is_sent_once_even_if_the_task_runs_twice(employee, facilitator, circle):
    conversation = services.conversation_open(
        requester=employee, facilitator=facilitator, body="Hello"
    )
    message = conversation.messages.get()

    assert services.conversation_message_notify(message_id=message.pk) is True
    assert services.conversation_message_notify(message_id=message.pk) is False
    assert len(mail.outbox) == 1
