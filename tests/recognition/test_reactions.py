import pytest
from django.db import IntegrityError, transaction

from recognition.models import Reaction
from recognition.services import reaction_toggle
from tests.recognition.factories import give


def test_reacting_twice_toggles_the_reaction_off(client, employee, colleague, member):
    recognition = give(employee, colleague)
    client.force_login(member)

    client.post(f"/recognition/{recognition.pk}/react/", {"kind": "thanks"})
    assert Reaction.objects.filter(recognition=recognition, user=member, kind="thanks").exists()

    response = client.post(f"/recognition/{recognition.pk}/react/",
                           {"kind": "thanks", "next": "/recognition/?for=me"})
    assert not Reaction.objects.filter(recognition=recognition).exists()
    assert response["Location"] == "/recognition/?for=me"


def test_one_reaction_per_person_per_kind_but_several_kinds(employee, colleague, member):
    recognition = give(employee, colleague)

    assert reaction_toggle(recognition=recognition, user=member, kind="thanks") is True
    assert reaction_toggle(recognition=recognition, user=member, kind="celebrate") is True
    assert reaction_toggle(recognition=recognition, user=colleague, kind="thanks") is True

    assert Reaction.objects.filter(recognition=recognition).count() == 3
    assert reaction_toggle(recognition=recognition, user=member, kind="thanks") is False
    assert Reaction.objects.filter(recognition=recognition).count() == 2


def test_the_database_refuses_a_duplicate_reaction(employee, colleague, member):
    recognition = give(employee, colleague)
    Reaction.objects.create(recognition=recognition, user=member, kind="thanks")

    with pytest.raises(IntegrityError), transaction.atomic():
        Reaction.objects.create(recognition=recognition, user=member, kind="thanks")


def test_an_unknown_reaction_kind_is_refused_clearly(client, employee, colleague, member):
    recognition = give(employee, colleague)
    client.force_login(member)

    response = client.post(f"/recognition/{recognition.pk}/react/", {"kind": "thumbsdown"},
                           follow=True)

    assert "not one of the choices" in response.content.decode()
    assert not Reaction.objects.exists()


def test_someone_who_cannot_see_it_gets_404(client, employee, colleague, outsider):
    recognition = give(employee, colleague, visibility="private")
    client.force_login(outsider)

    response = client.post(f"/recognition/{recognition.pk}/react/", {"kind": "thanks"})

    assert response.status_code == 404
    assert not Reaction.objects.exists()


def test_reacting_needs_post(client, employee, colleague):
    recognition = give(employee, colleague)
    client.force_login(colleague)

    assert client.get(f"/recognition/{recognition.pk}/react/").status_code == 405


def test_an_unsafe_next_is_ignored(client, employee, colleague):
    recognition = give(employee, colleague)
    client.force_login(colleague)

    response = client.post(f"/recognition/{recognition.pk}/react/",
                           {"kind": "thanks", "next": "https://evil.example/"})

    assert response["Location"] == f"/recognition/{recognition.pk}/"
