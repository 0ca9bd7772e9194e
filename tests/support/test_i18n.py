"""Support in Spanish and French: every page a person in difficulty reads, HR's pages, the
notices (each in its recipient's language), and names with their chosen pronouns."""

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.utils import translation

from support import services
from support.models import Resource
from tests.factories import UserFactory
from tests.recognition.english_left import english_left
from tests.support.conftest import draft_for


def speaking(user, language: str):
    user.language = language
    user.save(update_fields=["language"])
    return user


@pytest.mark.parametrize("language", ["es", "fr"])
def test_the_support_pages_have_no_english_where_a_translation_exists(
        client, employee, circle, submitted, language):
    draft = draft_for(employee)
    client.force_login(speaking(employee, language))

    for path in ["/support/", "/support/facilitator/", "/support/conversations/",
                 "/support/reports/", "/support/reports/new/", f"/support/reports/{draft.pk}/edit/",
                 f"/support/reports/{draft.pk}/preview/", f"/support/reports/{draft.pk}/delete/",
                 f"/support/reports/{submitted.pk}/"]:
        response = client.get(path)
        assert response.status_code == 200, path
        assert english_left(response.content.decode(), apps=["support"],
                            language=language) == [], path


def test_the_support_page_is_in_spanish(client, employee):
    client.force_login(speaking(employee, "es"))

    html = client.get("/support/").content.decode()

    assert "Pase lo que pase, tú decides qué viene después." in html
    assert "<strong>¿Estás en peligro inmediato?</strong>" in html
    assert "Presentar una denuncia formal a RR. HH." in html
    assert "Whatever is happening" not in html


def test_the_report_form_and_its_errors_are_in_french(client, employee):
    client.force_login(speaking(employee, "fr"))

    response = client.post("/support/reports/new/", {"what_happened": "x" * 20_001,
                                                     "save": "1"})

    html = response.content.decode().replace("&#x27;", "'")
    assert "Que s'est-il passé ?" in html
    assert "Assurez-vous que cette valeur comporte au plus 20000 caractères" in html
    assert "characters" not in html


def test_the_services_limits_are_told_with_the_readers_numbers(employee):
    with translation.override("es"), pytest.raises(ValidationError) as error:
        draft_for(employee, witnesses="x" * 2_001)

    assert error.value.message_dict["witnesses"] == [
        "«Testigos» tiene 2\xa0001 caracteres; el límite es 2\xa0000. Acórtalo o adjunta el resto "
        "como archivo de texto."]


def test_the_hr_pages_are_in_the_hr_admins_language(client, hr, submitted, mfa_exempt):
    mfa_exempt(hr)
    client.force_login(speaking(hr, "fr"))

    for path in ["/support/hr/reports/", f"/support/hr/reports/{submitted.pk}/"]:
        html = client.get(path).content.decode()
        assert english_left(html, apps=["support"], language="fr") == [], path
    assert "Statut : <span class=\"badge status-received\" id=\"report-status\">Reçu</span>" in html


def test_each_hr_admin_is_told_of_a_new_report_in_their_own_language(
        employee, hr, django_capture_on_commit_callbacks):
    speaking(hr, "fr")
    other_hr = speaking(UserFactory(is_hr=True), "es")
    english_hr = UserFactory(is_hr=True)
    report = draft_for(employee, people_described="Someone from the finance team.")

    with django_capture_on_commit_callbacks(execute=True):
        services.report_submit(report=report, reporter=employee)

    by_person = {m.to[0]: m for m in mail.outbox}
    assert by_person[hr.email].subject == "Un signalement formel a été envoyé aux RH"
    assert by_person[hr.email].body.startswith("Bonjour,")
    assert "Cet e-mail ne contient volontairement ni noms ni contenu." in by_person[hr.email].body
    assert by_person[other_hr.email].subject == "Se ha enviado una denuncia formal a RR. HH."
    assert by_person[english_hr.email].subject == "A formal report was submitted to HR"


def test_the_reporter_hears_of_hrs_update_in_their_language(
        employee, hr, submitted, django_capture_on_commit_callbacks):
    speaking(employee, "es")
    speaking(hr, "fr")
    mail.outbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        services.report_update_post(report=submitted, author=hr, new_status="in_review",
                                    body="Merci, nous regardons.")

    assert [m.subject for m in mail.outbox] == ["Hay novedades sobre tu denuncia"]
    assert "RR. HH. ha publicado una novedad" in mail.outbox[0].body


def test_a_conversation_notice_is_in_the_recipients_language(
        employee, facilitator, circle, django_capture_on_commit_callbacks):
    speaking(facilitator, "fr")

    with django_capture_on_commit_callbacks(execute=True):
        services.conversation_open(requester=employee, facilitator=facilitator,
                                   body="Puis-je vous parler ?")

    assert [m.subject for m in mail.outbox] == [
        "Un nouveau message dans une conversation de soutien privée"]


def test_people_in_a_conversation_are_shown_with_the_pronouns_they_chose(
        client, employee, facilitator, circle):
    facilitator.display_name = "ياسمين الحسيني"
    facilitator.pronouns, facilitator.show_pronouns = "elle", True
    facilitator.save()
    employee.pronouns, employee.show_pronouns = "il", False
    employee.save()
    conversation = services.conversation_open(requester=employee, facilitator=facilitator,
                                              body="Bonjour")
    client.force_login(speaking(employee, "fr"))

    html = client.get(f"/support/conversations/{conversation.pk}/").content.decode()
    start = client.get("/support/facilitator/").content.decode()

    assert ('Conversation avec <span class="person-name" dir="auto">ياسمين الحسيني</span> '
            '<span class="pronouns">(<span dir="auto">elle</span>)</span>') in html
    assert "(il)" not in html
    assert "ياسمين الحسيني (elle)" in start


def test_crisis_lines_are_grouped_under_country_names_in_the_readers_language(client, employee):
    Resource.objects.create(title="Samaritans", kind=Resource.Kind.CRISIS_LINE, country="GB",
                            phone="116 123")
    Resource.objects.create(title="Teléfono de la Esperanza", kind=Resource.Kind.CRISIS_LINE,
                            country="ES", phone="717 003 717")
    client.force_login(speaking(employee, "es"))

    html = client.get("/support/").content.decode()

    assert '<h4 class="country">Reino Unido' in html
    assert '<h4 class="country">España' in html
    assert "Líneas de crisis: alguien con quien hablar hoy" in html
    assert "United Kingdom" not in html
