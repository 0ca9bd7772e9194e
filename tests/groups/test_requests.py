import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.urls import reverse

from groups import policies, services
from groups.models import JoinRequest, RuleAcceptance
from tests.factories import UserFactory
from tests.groups.conftest import join, make_group


def ask(client, group, **data):
    payload = {"rules_version": group.rules_version, "accept": "on"} | data
    return client.post(reverse("groups:request", args=[group.slug]), payload)


def test_request_tells_the_facilitators_and_records_the_accepted_rules(
        client, employee, request_group, django_capture_on_commit_callbacks):
    client.force_login(employee)
    with django_capture_on_commit_callbacks(execute=True):
        response = ask(client, request_group, message="I'd like to join.")
    assert response.status_code == 302
    join_request = JoinRequest.objects.get(group=request_group, user=employee)
    assert join_request.status == JoinRequest.Status.PENDING
    assert RuleAcceptance.objects.filter(group=request_group, user=employee, version=1).exists()
    assert not policies.is_member(employee, request_group)
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == [request_group.created_by.email]
    assert "Erin Employee asked to join Women in Engineering" in mail.outbox[0].body
    assert "I'd like to join." in mail.outbox[0].body
    page = client.get(reverse("groups:detail", args=[request_group.slug])).content.decode()
    assert "Request sent" in page


def test_asking_twice_is_refused_clearly(client, employee, request_group):
    client.force_login(employee)
    ask(client, request_group)
    with pytest.raises(ValidationError, match="already asked"):
        services.join_request_create(group=request_group, user=employee, accepted_version=1)
    assert JoinRequest.objects.filter(user=employee).count() == 1


def test_request_without_accepting_rules_keeps_the_note(client, employee, request_group):
    client.force_login(employee)
    response = ask(client, request_group, accept="", message="Hello there")
    assert response.status_code == 400
    assert "Hello there" in response.content.decode()
    assert not JoinRequest.objects.exists()


def test_oversized_note_is_refused(client, employee, request_group):
    client.force_login(employee)
    response = ask(client, request_group, message="x" * 501)
    assert response.status_code == 400
    assert not JoinRequest.objects.exists()


def test_facilitator_approves_and_the_requester_is_told(
        facilitator_client, employee, request_group, django_capture_on_commit_callbacks):
    join_request = services.join_request_create(group=request_group, user=employee,
                                                accepted_version=1)
    mail.outbox.clear()
    url = reverse("groups:approve_request", args=[request_group.slug, join_request.pk])
    with django_capture_on_commit_callbacks(execute=True):
        response = facilitator_client.post(url, follow=True)
    assert "Approved" in response.content.decode()
    assert policies.is_member(employee, request_group)
    assert [m.to for m in mail.outbox] == [[employee.email]]
    assert "you are now a member of Women in Engineering" in mail.outbox[0].body

    with django_capture_on_commit_callbacks(execute=True):
        response = facilitator_client.post(url, follow=True)
    assert "approved already; nothing more to do" in response.content.decode()
    assert len(mail.outbox) == 1


def test_facilitator_declines_with_a_note_and_the_requester_is_told(
        facilitator_client, employee, request_group, django_capture_on_commit_callbacks):
    join_request = services.join_request_create(group=request_group, user=employee,
                                                accepted_version=1)
    mail.outbox.clear()
    url = reverse("groups:decline_request", args=[request_group.slug, join_request.pk])
    with django_capture_on_commit_callbacks(execute=True):
        facilitator_client.post(url, {"note": "We're full this term."})
    join_request.refresh_from_db()
    assert join_request.status == JoinRequest.Status.DECLINED
    assert not policies.is_member(employee, request_group)
    assert mail.outbox[0].to == [employee.email]
    assert "We're full this term." in mail.outbox[0].body
    approve = reverse("groups:approve_request", args=[request_group.slug, join_request.pk])
    response = facilitator_client.post(approve, follow=True)
    assert "This request was declined already." in response.content.decode()
    assert not policies.is_member(employee, request_group)


def test_requests_page_lists_pending_requests_for_facilitators(
        facilitator_client, employee, request_group):
    services.join_request_create(group=request_group, user=employee, accepted_version=1,
                                 message="Hi")
    body = facilitator_client.get(reverse("groups:requests", args=[request_group.slug]))
    assert "Erin Employee" in body.content.decode()


def test_members_cannot_see_or_decide_requests(client, member, employee, request_group):
    join(request_group, member)
    join_request = services.join_request_create(group=request_group, user=employee,
                                                accepted_version=1)
    client.force_login(member)
    assert client.get(reverse("groups:requests", args=[request_group.slug])).status_code == 403
    url = reverse("groups:approve_request", args=[request_group.slug, join_request.pk])
    assert client.post(url).status_code == 403
    assert not policies.is_member(employee, request_group)


def test_facilitator_of_another_group_cannot_approve(client, employee, request_group,
                                                      mfa_exempt):
    other = UserFactory(is_facilitator=True)
    mfa_exempt(other)
    make_group(other, name="Theirs")
    join_request = services.join_request_create(group=request_group, user=employee,
                                                accepted_version=1)
    client.force_login(other)
    url = reverse("groups:approve_request", args=[request_group.slug, join_request.pk])
    assert client.post(url).status_code == 403
    join_request.refresh_from_db()
    assert join_request.status == JoinRequest.Status.PENDING


def test_a_request_id_from_another_group_is_404(facilitator_client, facilitator, employee,
                                                 request_group):
    other = make_group(facilitator, name="Other", visibility="request")
    join_request = services.join_request_create(group=other, user=employee, accepted_version=1)
    url = reverse("groups:approve_request", args=[request_group.slug, join_request.pk])
    assert facilitator_client.post(url).status_code == 404


def test_approving_into_a_full_group_is_refused(facilitator, employee):
    group = make_group(facilitator, name="Tiny", visibility="request", capacity=2)
    first = services.join_request_create(group=group, user=employee, accepted_version=1)
    second = services.join_request_create(group=group, user=UserFactory(), accepted_version=1)
    services.join_request_approve(join_request=first, by=facilitator)
    with pytest.raises(ValidationError, match="full"):
        services.join_request_approve(join_request=second, by=facilitator)
    second.refresh_from_db()
    assert second.status == JoinRequest.Status.PENDING


def test_requester_can_withdraw(client, employee, request_group):
    services.join_request_create(group=request_group, user=employee, accepted_version=1)
    client.force_login(employee)
    client.post(reverse("groups:withdraw_request", args=[request_group.slug]))
    assert JoinRequest.objects.get(user=employee).status == JoinRequest.Status.WITHDRAWN


def test_pseudonym_asked_for_is_what_facilitators_see(facilitator_client, facilitator, employee,
                                                       django_capture_on_commit_callbacks):
    group = make_group(facilitator, name="Quiet", visibility="request", allow_pseudonyms=True)
    with django_capture_on_commit_callbacks(execute=True):
        services.join_request_create(group=group, user=employee, accepted_version=1,
                                     pseudonym="Kestrel")
    body = facilitator_client.get(reverse("groups:requests", args=[group.slug])).content.decode()
    assert "Kestrel" in body and "Erin Employee" not in body
    assert "Kestrel asked to join" in mail.outbox[0].body
    assert "Erin Employee" not in mail.outbox[0].body
