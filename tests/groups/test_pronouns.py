"""Pronouns next to names: opt-in on the profile, a pseudonym's own on the group page."""

import pytest
from django.urls import reverse

from accounts.services import user_profile_update
from groups.models import Membership
from recognition.models import Recognition
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
