"""The groups pages and emails speak each person's language (issue 18 §1)."""

import html
import re
from pathlib import Path

import pytest
from django.core import mail
from django.urls import reverse

from groups import services, tasks
from groups.models import GroundRuleVersion
from groups.rules import DEFAULT_RULES
from tests.groups.conftest import join, make_group

pytestmark = pytest.mark.django_db

APP_DIRS = [Path(__file__).resolve().parents[2] / app for app in ("groups", "sessions")]


def text_of(response) -> str:
    """The page as a reader sees it (entities such as &#x27; unescaped)."""
    return html.unescape(response.content.decode())


def speaks(user, language: str):
    user.language = language
    user.save(update_fields=["language"])
    return user


def test_the_group_page_speaks_spanish_with_no_english_left(client, member, open_group):
    join(open_group, speaks(member, "es"))
    client.force_login(member)

    page = text_of(client.get(reverse("groups:detail", args=[open_group.slug])))

    for spanish in ("Normas del grupo", "Próximas sesiones", "Salir del grupo", "Eres miembro",
                    "Círculo de pares", "Todos los grupos", "Persona facilitadora",
                    # A default rule, stored in English, reads in the member's language.
                    "Lo que se comparte aquí se queda aquí."):
        assert spanish in page
    for english in ("Ground rules", "Upcoming sessions", "Leave group", "You're a member",
                    "Peer circle", "All groups", "What is shared here stays here.",
                    "2 members"):
        assert english not in page
    assert "2 miembros" in page


def test_the_directory_speaks_french_with_no_english_left(client, employee, open_group,
                                                          request_group):
    client.force_login(speaks(employee, "fr"))

    page = text_of(client.get(reverse("groups:directory")))

    for french in ("Groupes de soutien entre pairs", "Rechercher par nom ou raison d'être",
                   "Toutes les catégories", "Sur demande", "Groupe d'affinité", "2 groupes."):
        assert french in page
    for english in ("Peer support groups", "Search by name", "All categories",
                    "Request to join", "2 groups."):
        assert english not in page


def test_the_join_form_and_its_errors_speak_french(client, employee, open_group):
    client.force_login(speaks(employee, "fr"))

    response = client.post(reverse("groups:join", args=[open_group.slug]),
                           {"rules_version": open_group.rules_version})

    page = text_of(response)
    assert response.status_code == 400
    assert "accepter les règles du groupe." in page
    assert "Please accept the ground rules." not in page
    assert "Rejoindre le groupe" in page


def test_a_message_after_joining_speaks_spanish(client, employee, open_group):
    client.force_login(speaks(employee, "es"))

    response = client.post(reverse("groups:join", args=[open_group.slug]),
                           {"rules_version": open_group.rules_version, "accept": "on"},
                           follow=True)

    assert "Te damos la bienvenida a Monday Circle. Puedes salir cuando quieras." in \
        response.content.decode()


def test_a_facilitator_is_offered_the_default_rules_in_their_language(facilitator_client,
                                                                     facilitator):
    speaks(facilitator, "fr")

    page = text_of(facilitator_client.get(reverse("groups:create")))

    assert "Ce qui se dit ici reste ici." in page
    assert "What is shared here stays here." not in page
    assert "Créer le groupe" in page


def test_default_rules_saved_in_french_are_stored_once_and_read_in_each_language(
        client, facilitator, member):
    speaks(facilitator, "fr")
    from django.utils import translation

    from groups.rules import default_rules_offered
    with translation.override("fr"):
        offered = default_rules_offered()
    group = make_group(facilitator, name="Cercle", rules=offered)

    stored = GroundRuleVersion.objects.get(group=group).rules
    assert stored == [dict(rule) for rule in DEFAULT_RULES]
    # Saving the same rules from another language posts no new version.
    with translation.override("es"):
        assert services.group_rules_update(group=group, by=facilitator,
                                           rules=default_rules_offered()) is None
    join(group, member)
    client.force_login(member)
    page = text_of(client.get(reverse("groups:detail", args=[group.slug])))
    assert "What is shared here stays here." in page


def test_a_reworded_default_rule_is_shown_as_the_facilitator_wrote_it(client, facilitator,
                                                                      member):
    rules = [{"key": "confidentiality", "text": "Nothing leaves this room."}]
    group = make_group(facilitator, name="Own words", rules=rules)
    join(group, speaks(member, "es"))
    client.force_login(member)

    page = text_of(client.get(reverse("groups:detail", args=[group.slug])))

    assert "Nothing leaves this room." in page


def test_a_spanish_speaking_member_gets_the_removal_email_in_spanish(
        facilitator_client, facilitator, member, open_group, django_capture_on_commit_callbacks):
    membership = join(open_group, speaks(member, "es"))

    with django_capture_on_commit_callbacks(execute=True):
        response = facilitator_client.post(
            reverse("groups:remove_member", args=[open_group.slug, membership.pk]),
            {"reason": "Put-downs in the chat.", "consequence": "ban"},
            HTTP_ACCEPT_LANGUAGE="en")

    assert response.status_code == 302
    [email] = mail.outbox
    assert email.subject == "Te han retirado de Monday Circle"
    assert "Hola, Morgan Member:" in email.body
    assert "No puedes volver a unirte a este grupo." in email.body
    assert "Put-downs in the chat." in email.body  # the facilitator's own words stay as written
    assert "Hello" not in email.body
    # The facilitator's own page stayed in English.
    assert facilitator.language == ""


def test_a_french_speaking_facilitator_hears_of_a_request_in_french_with_pronouns(
        client, facilitator, employee, request_group, django_capture_on_commit_callbacks):
    speaks(facilitator, "fr")
    employee.pronouns, employee.show_pronouns = "she/her", True
    employee.save()
    client.force_login(employee)

    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("groups:request", args=[request_group.slug]),
                    {"rules_version": request_group.rules_version, "accept": "on",
                     "message": "Hi!"}, HTTP_ACCEPT_LANGUAGE="en")

    [email] = mail.outbox
    assert email.subject == "Quelqu'un demande à rejoindre Women in Engineering"
    assert "Erin Employee (she/her) demande à rejoindre Women in Engineering" in email.body
    assert "Bonjour Fran Facilitator," in email.body


def test_each_recipient_of_the_rules_email_reads_it_in_their_own_language(
        member, employee, facilitator, open_group):
    join(open_group, speaks(member, "fr"))
    join(open_group, speaks(employee, "es"))
    version = services.group_rules_update(group=open_group, by=facilitator,
                                          rules=[{"key": "respect", "text": "Be kind."}])

    assert tasks.notify_rules_changed(version.pk) == 2

    subjects = {m.to[0]: m.subject for m in mail.outbox}
    assert subjects[member.email] == "Les règles du groupe Monday Circle ont changé"
    assert subjects[employee.email] == "Las normas del grupo Monday Circle han cambiado"


def test_the_category_choices_are_translated_in_the_form(facilitator_client, facilitator):
    speaks(facilitator, "es")

    page = text_of(facilitator_client.get(reverse("groups:create")))

    assert ">Círculo de pares<" in page
    assert ">Peer circle<" not in page


@pytest.mark.parametrize("app_dir", APP_DIRS, ids=lambda p: p.name)
def test_the_catalogues_have_no_empty_or_fuzzy_entry(app_dir):
    catalogues = sorted(app_dir.glob("locale/*/LC_MESSAGES/*.po"))
    assert {p.parts[-3] for p in catalogues} == {"es", "fr"}
    for path in catalogues:
        lines = path.read_text(encoding="utf-8").splitlines()
        assert not any(line.startswith("#,") and "fuzzy" in line for line in lines), path
        # Past the header, an empty msgstr is `msgstr ""` with no continuation line.
        body = lines[lines.index("") + 1:]
        for index, line in enumerate(body):
            if re.fullmatch(r'msgstr(\[\d\])? ""', line):
                following = body[index + 1] if index + 1 < len(body) else ""
                assert following.startswith('"'), (path, body[index - 1])
