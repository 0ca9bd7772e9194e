"""Recognition in Spanish and French: pages, the picker's words, emails, names and pronouns."""

import pytest
from django.core import mail
from django.utils import translation

from groups.models import Membership
from recognition.lists import format_list
from tests.factories import UserFactory
from tests.recognition.english_left import english_left
from tests.recognition.factories import MembershipFactory, give

PAGES = ["/recognition/", "/recognition/give/", "/recognition/me/", "/recognition/settings/"]


def speaking(user, language: str):
    user.language = language
    user.save(update_fields=["language"])
    return user


@pytest.mark.parametrize("language, expected", [
    ("es", ["Reconocer a alguien", "Ajustes de reconocimientos", "Escucha activa"]),
    ("fr", ["Saluer le travail d'un ou d'une collègue", "Paramètres de reconnaissance",
            "Écoute active"]),
])
def test_the_feed_speaks_the_persons_language_with_no_english_left(
        client, employee, colleague, language, expected):
    give(colleague, speaking(employee, language), message="Gracias por todo / merci.")
    client.force_login(employee)

    response = client.get("/recognition/")

    html = response.content.decode()
    assert response.status_code == 200
    for text in expected:
        assert text.replace("'", "&#x27;") in html or text in html
    assert english_left(html, apps=["recognition"], language=language) == []


@pytest.mark.parametrize("language", ["es", "fr"])
@pytest.mark.parametrize("path", PAGES)
def test_every_page_has_no_english_where_a_translation_exists(client, employee, colleague,
                                                              language, path):
    give(colleague, speaking(employee, language), message="¡Bravo!")
    client.force_login(employee)

    response = client.get(path)

    assert response.status_code == 200
    assert english_left(response.content.decode(), apps=["recognition"],
                        language=language) == []


def test_the_give_form_errors_come_in_the_persons_language(client, employee):
    client.force_login(speaking(employee, "fr"))

    response = client.post("/recognition/give/", {"recipients": "", "message": ""})

    html = response.content.decode()
    assert "Choisissez au moins un ou une collègue à saluer." in html
    assert "Choose at least one" not in html


def test_the_weekly_limit_gives_the_date_in_the_persons_format(client, employee, colleague,
                                                               settings):
    settings.RECOGNITION_WEEKLY_LIMIT = 3
    for _ in range(3):
        give(employee, colleague, message="Merci")
    client.force_login(speaking(employee, "es"))

    html = client.get("/recognition/give/").content.decode()

    assert "Has dado 3 reconocimientos en los últimos 7 días" in html
    assert " de " in html.split("Podrás volver a dar a partir del")[1][:40]  # "2 de diciembre"


def test_a_recognition_email_is_in_the_recipients_language(
        django_capture_on_commit_callbacks, employee, colleague):
    speaking(colleague, "fr")
    with django_capture_on_commit_callbacks(execute=True):
        give(employee, colleague, values=["active-listening", "courage"], notify=True,
             message="Tu as été formidable.")

    message = mail.outbox[0]
    assert message.subject == (f"{employee.name} a salué votre travail : "
                               "écoute active et courage")
    assert message.body.startswith(f"Bonjour {colleague.name},")
    assert "« Tu as été formidable. »" in message.body
    assert "Vous recevez un e-mail pour chaque reconnaissance." in message.body
    assert "recognised" not in message.body


def test_the_giver_language_does_not_leak_into_someone_elses_email(
        django_capture_on_commit_callbacks, employee, colleague, member):
    speaking(employee, "fr")
    speaking(member, "es")
    before = translation.get_language()
    with django_capture_on_commit_callbacks(execute=True):
        give(employee, [colleague, member], notify=True, message="Thanks!")

    subjects = {m.to[0]: m.subject for m in mail.outbox}
    assert subjects[colleague.email] == f"{employee.name} recognised you for active listening"
    assert subjects[member.email] == f"{employee.name} te ha reconocido por: escucha activa"
    assert translation.get_language() == before  # nothing stays switched afterwards


def test_lists_of_names_are_joined_in_the_language_of_the_page():
    with translation.override("es"):
        assert format_list(["Ana", "Bea", "Carla"]) == "Ana, Bea y Carla"
    with translation.override("fr"):
        assert format_list(["Ana", "Bea"]) == "Ana et Bea"
    with translation.override("en-gb"):
        assert format_list(["Ana", "Bea", "Carla"]) == "Ana, Bea and Carla"
        assert format_list(["Ana"]) == "Ana"


def test_cards_show_pronouns_only_when_chosen_and_isolate_right_to_left_names(
        client, employee, colleague):
    arabic = UserFactory(display_name="نور الهدى عبد الرحمن بن عبد العزيز آل سعود",
                         pronouns="هي", show_pronouns=True)
    colleague.pronouns = "they/them"
    colleague.show_pronouns = False
    colleague.save()
    give(arabic, [colleague, employee], message="شكرا جزيلا")
    client.force_login(speaking(employee, "fr"))

    html = client.get("/recognition/").content.decode()

    assert ('<span class="person-name" dir="auto">نور الهدى عبد الرحمن بن عبد العزيز آل سعود'
            '</span> <span class="pronouns">(<span dir="auto">هي</span>)</span>') in html
    assert "they/them" not in html
    assert "a salué le travail de" in html
    assert f'{colleague.name}</span> et <span class="person-name" dir="auto">' in html
    assert '<p class="recognition-message" dir="auto">شكرا جزيلا</p>' in html


def test_in_a_pseudonymous_group_the_pseudonym_shows_its_own_pronouns_never_the_accounts(
        client, employee, colleague):
    group = MembershipFactory(user=colleague, role=Membership.Role.FACILITATOR).group
    group.allow_pseudonyms = True
    group.save()
    employee.pronouns, employee.show_pronouns = "she/her", True
    employee.save()
    MembershipFactory(group=group, user=employee, pseudonym="Willow",
                      pseudonym_pronouns="ze/zir")
    give(employee, colleague, group=group, visibility="group", message="Merci beaucoup")
    client.force_login(speaking(colleague, "es"))

    html = client.get("/recognition/").content.decode()

    assert "Willow</span> <span class=\"pronouns\">(<span dir=\"auto\">ze/zir</span>)" in html
    assert "she/her" not in html and employee.name not in html
