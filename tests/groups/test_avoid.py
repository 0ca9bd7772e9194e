import pytest
from django.contrib import admin
from django.core import mail
from django.core.exceptions import ValidationError
from django.urls import reverse

from accounts.models import User
from groups import selectors, services
from groups.models import AvoidEntry
from tests.factories import UserFactory
from tests.groups.conftest import join, make_group

LIST = reverse("groups:avoid_list")


def test_avoid_list_add_is_idempotent_and_refuses_yourself(employee, member):
    first = services.avoid_list_add(owner=employee, person=member, source="manual")
    again = services.avoid_list_add(owner=employee, person=member, source="report")
    assert first.pk == again.pk and again.source == "manual"
    with pytest.raises(ValidationError):
        services.avoid_list_add(owner=employee, person=employee, source="manual")


def test_avoided_among_returns_only_the_owners_own_entries(employee, member, outsider):
    services.avoid_list_add(owner=employee, person=member, source="manual")
    services.avoid_list_add(owner=outsider, person=employee, source="manual")
    assert selectors.avoided_among(user=employee,
                                   candidate_ids=[member.pk, outsider.pk]) == {member.pk}
    assert selectors.avoided_among(user=member, candidate_ids=[employee.pk]) == set()


def test_person_adds_someone_by_email_and_nobody_is_told(client, employee, member):
    client.force_login(employee)
    response = client.post(LIST, {"email": member.email.upper()})
    assert response.status_code == 302
    assert AvoidEntry.objects.filter(owner=employee, person=member).exists()
    assert mail.outbox == []
    assert "Morgan Member" in client.get(LIST).content.decode()


def test_unknown_email_and_own_email_get_a_clear_error(client, employee):
    client.force_login(employee)
    response = client.post(LIST, {"email": "nobody@example.org"})
    assert response.status_code == 400
    assert "No colleague has that email address" in response.content.decode()
    response = client.post(LIST, {"email": employee.email})
    assert response.status_code == 400
    assert not AvoidEntry.objects.exists()


def test_list_is_only_ever_shown_to_its_owner(client, employee, member, outsider):
    services.avoid_list_add(owner=employee, person=member, source="manual")
    client.force_login(outsider)
    assert "Morgan Member" not in client.get(LIST).content.decode()
    client.force_login(member)
    assert "Erin Employee" not in client.get(LIST).content.decode()


def test_nobody_removes_someone_elses_entry(client, employee, member, outsider):
    entry = services.avoid_list_add(owner=employee, person=member, source="manual")
    client.force_login(outsider)
    client.post(reverse("groups:avoid_remove", args=[entry.pk]))
    assert AvoidEntry.objects.filter(pk=entry.pk).exists()
    client.force_login(employee)
    client.post(reverse("groups:avoid_remove", args=[entry.pk]))
    assert not AvoidEntry.objects.filter(pk=entry.pk).exists()


def test_manager_is_suggested_and_added_as_such(client, employee):
    boss = UserFactory(display_name="Bea Boss")
    User.objects.filter(pk=employee.pk).update(manager=boss)
    client.force_login(employee)
    assert "Bea Boss" in client.get(LIST).content.decode()
    client.post(reverse("groups:avoid_add_manager"))
    assert AvoidEntry.objects.get(owner=employee, person=boss).source == "manager"
    assert "Add my manager" not in client.get(LIST).content.decode()


def test_private_warning_once_a_member_of_a_group_with_someone_on_the_list(
        client, employee, member, open_group):
    join(open_group, member)
    services.avoid_list_add(owner=employee, person=member, source="manual")
    client.force_login(employee)
    url = reverse("groups:detail", args=[open_group.slug])
    # Before joining: nothing (members lists are for members; tests/privacy attack this).
    assert "Only you can see this" not in client.get(url).content.decode()
    join(open_group, employee)
    body = client.get(url).content.decode()
    assert "Only you can see this" in body
    assert "Someone on your private list" in body


def test_the_listed_person_sees_nothing(client, employee, member, open_group):
    join(open_group, employee)
    services.avoid_list_add(owner=employee, person=member, source="manual")
    client.force_login(member)
    body = client.get(reverse("groups:detail", args=[open_group.slug])).content.decode()
    assert "Only you can see this" not in body


def test_no_warning_when_nobody_on_the_list_is_a_member(client, employee, member, open_group):
    services.avoid_list_add(owner=employee, person=member, source="manual")
    client.force_login(employee)
    body = client.get(reverse("groups:detail", args=[open_group.slug])).content.decode()
    assert "Only you can see this" not in body


def test_the_list_is_not_in_the_admin():
    assert AvoidEntry not in admin.site._registry


def test_admin_cannot_open_the_list_either(admin_client, employee, member):
    services.avoid_list_add(owner=employee, person=member, source="manual")
    response = admin_client.get("/admin/groups/avoidentry/")
    assert response.status_code == 404


def test_facilitators_of_groups_of_lists_facilitators_of_my_active_groups(
        employee, facilitator, open_group, private_group):
    other_facilitator = UserFactory(is_facilitator=True)
    make_group(other_facilitator, name="Not mine")
    join(open_group, employee)
    assert list(selectors.facilitators_of_groups_of(user=employee)) == [facilitator]
    assert list(selectors.facilitators_of_groups_of(user=facilitator)) == []


def test_facilitators_under_a_pseudonym_are_left_out(employee, facilitator, private_group):
    services.membership_pseudonym_set(
        membership=private_group.memberships.get(user=facilitator), pseudonym="Guide")
    join(private_group, employee)
    assert list(selectors.facilitators_of_groups_of(user=employee)) == []
