"""Pronouns next to names: opt-in on the profile, a pseudonym's own on the group page."""

import pytest
from django.core import mail
from django.urls import reverse

from accounts.services import user_profile_update
from groups import services
from groups.models import Group, Membership
from recognition.models import Recognition
from tests.factories import UserFactory
from tests.groups.conftest import join, make_group
from tests.recognition.factories import give

pytestmark = pytest.mark.django_db


def test_pronouns_show_next_to_the_name_only_after_opting_in(client, member, employee,
                                                             open_group):
    join(open_group, member)
    join(open_group, employee)
    user_profile_update(user=employee, pronouns="she/her", show_pronouns=False)
    client.force_login(member)
    url = reverse("groups:detail", args=[open_group.slug])

    assert "she/her" not in client.get(url).content.decode()

    user_profile_update(user=employee, show_pronouns=True)
    html = client.get(url).content.decode()
    assert '<span class="person-name" dir="auto">Erin Employee</span> <span class="pronouns">' \
           '(<span dir="auto">she/her</span>)</span>' in html


def test_the_members_page_shows_pronouns_to_facilitators(facilitator_client, member,
                                                         open_group):
    join(open_group, member)
    user_profile_update(user=member, pronouns="they/them", show_pronouns=True)

    html = facilitator_client.get(reverse("groups:members", args=[open_group.slug])).content

    assert b"they/them" in html


def test_a_member_gives_their_pseudonym_its_own_pronouns(client, member, facilitator):
    group = make_group(facilitator, name="Named", allow_pseudonyms=True)
    join(group, member)
    client.force_login(member)

    response = client.post(reverse("groups:pseudonym", args=[group.slug]),
                           {"pseudonym": "Heron", "pseudonym_pronouns": "  ze / zir "})

    assert response.status_code == 302
    membership = Membership.objects.get(group=group, user=member)
    assert (membership.pseudonym, membership.pseudonym_pronouns) == ("Heron", "ze / zir")
    page = client.get(reverse("groups:detail", args=[group.slug])).content.decode()
    assert "ze / zir" in page
    assert 'value="ze / zir"' in page  # the form shows what was saved


def test_too_long_pseudonym_pronouns_are_a_form_error_and_change_nothing(client, member,
                                                                          facilitator):
    group = make_group(facilitator, name="Named", allow_pseudonyms=True)
    join(group, member, pseudonym="Heron")
    client.force_login(member)

    response = client.post(reverse("groups:pseudonym", args=[group.slug]),
                           {"pseudonym": "Egret", "pseudonym_pronouns": "x" * 41})

    assert response.status_code == 400  # the group page again, with the form's error
    assert "at most 40 characters" in response.content.decode()
    membership = Membership.objects.get(group=group, user=member)
    assert (membership.pseudonym, membership.pseudonym_pronouns) == ("Heron", "")


def test_an_outsider_cannot_set_pseudonym_pronouns(client, outsider, facilitator):
    group = make_group(facilitator, name="Named", allow_pseudonyms=True)
    client.force_login(outsider)

    response = client.post(reverse("groups:pseudonym", args=[group.slug]),
                           {"pseudonym": "Heron", "pseudonym_pronouns": "she/her"})

    assert response.status_code == 404


def test_recognition_cards_show_opted_in_pronouns(client, member, employee, open_group):
    join(open_group, member)
    join(open_group, employee)
    user_profile_update(user=employee, pronouns="she/her", show_pronouns=True)
    user_profile_update(user=member, pronouns="he/him", show_pronouns=False)
    recognition = give(member, employee, visibility=Recognition.Visibility.GROUP,
                       group=open_group)
    client.force_login(member)

    html = client.get(f"/recognition/{recognition.pk}/").content.decode()

    assert "she/her" in html and "he/him" not in html


# --- Join requests, and a pseudonym's page never shows the account's pronouns (issue 18 §2) ---


def test_the_requests_page_shows_opted_in_pronouns_next_to_the_name(facilitator_client,
                                                                     employee, request_group):
    user_profile_update(user=employee, pronouns="she/her", show_pronouns=True)
    services.join_request_create(group=request_group, user=employee,
                                 accepted_version=request_group.rules_version)

    html = facilitator_client.get(reverse("groups:requests",
                                          args=[request_group.slug])).content.decode()

    assert '<span class="person-name" dir="auto">Erin Employee</span> <span class="pronouns">' \
           '(<span dir="auto">she/her</span>)</span>' in html


def test_the_requests_page_keeps_pronouns_hidden_without_the_opt_in(facilitator_client,
                                                                     employee, request_group):
    user_profile_update(user=employee, pronouns="she/her", show_pronouns=False)
    services.join_request_create(group=request_group, user=employee,
                                 accepted_version=request_group.rules_version)

    html = facilitator_client.get(reverse("groups:requests",
                                          args=[request_group.slug])).content.decode()

    assert "Erin Employee" in html and "she/her" not in html


@pytest.fixture
def masked_group(facilitator):
    """A request group with pseudonyms, where someone who shows her pronouns everywhere else
    takes part as "Heron"."""
    return make_group(facilitator, name="Quiet circle", slug="quiet",
                      visibility=Group.Visibility.REQUEST, allow_pseudonyms=True)


def test_attack_a_pseudonymous_request_never_carries_the_accounts_pronouns(
        facilitator_client, facilitator, employee, masked_group,
        django_capture_on_commit_callbacks):
    user_profile_update(user=employee, pronouns="she/her", show_pronouns=True)

    with django_capture_on_commit_callbacks(execute=True):
        services.join_request_create(group=masked_group, user=employee, pseudonym="Heron",
                                     accepted_version=masked_group.rules_version)

    html = facilitator_client.get(reverse("groups:requests",
                                          args=[masked_group.slug])).content.decode()
    assert "Heron" in html
    assert "she/her" not in html and "Erin Employee" not in html
    [email] = mail.outbox
    assert "Heron asked to join Quiet circle" in email.body
    assert "she/her" not in email.body and "Erin" not in email.body


def test_attack_a_pseudonyms_pages_never_show_the_accounts_pronouns(
        facilitator_client, facilitator, employee, member, masked_group):
    user_profile_update(user=employee, pronouns="she/her", show_pronouns=True)
    join(masked_group, employee, pseudonym="Heron")
    join(masked_group, member)
    pages = [reverse("groups:detail", args=[masked_group.slug])]
    seen_by_facilitator = [facilitator_client.get(url).content.decode() for url in
                           [*pages, reverse("groups:members", args=[masked_group.slug])]]

    client = facilitator_client
    client.force_login(member)
    seen_by_member = [client.get(url).content.decode() for url in pages]

    for html in seen_by_member + seen_by_facilitator:
        assert "Heron" in html
        assert "she/her" not in html
        assert "Erin Employee" not in html
    # Heron may give the pseudonym its own pronouns; those, and only those, show.
    heron = Membership.objects.get(group=masked_group, user=employee)
    services.membership_pseudonym_set(membership=heron, pseudonym="Heron", pronouns="they/them")
    html = client.get(pages[0]).content.decode()
    assert "they/them" in html and "she/her" not in html


def test_long_rtl_and_single_names_are_isolated_on_the_members_page(facilitator_client,
                                                                    open_group):
    names = ["مريم الحسيني", "Wolfeschlegelsteinhausenbergerdorff" * 2, "Cher",
             "דניאל כהן"]
    for name in names:
        join(open_group, UserFactory(display_name=name))

    html = facilitator_client.get(reverse("groups:members",
                                          args=[open_group.slug])).content.decode()

    for name in names:
        assert f'<span class="person-name" dir="auto">{name}</span>' in html
