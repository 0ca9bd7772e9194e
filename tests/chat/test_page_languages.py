"""The chat page and the moderation queue in Spanish and in French (issue 18): the language of
the person's profile, else the browser's; no English left of what the chat translates."""

import pytest
from django.urls import reverse

from accounts.models import User
from chat.policies import room_access
from chat.services import flag_create, message_post
from tests.chat.conftest import new_client_id

# Texts of the chat page in English: none of them may be left on a translated page.
ENGLISH = ["Live chat", "Your message", "Here now", "Ground rules", "Flag this message",
           "Which ground rule does it break?", "Send flag", "Something else",
           "Finding this hard?", "Connecting…", "No messages yet"]


def chat_url(room) -> str:
    return reverse("chat:room", args=[room.session.pk])


def queue_url(room) -> str:
    return reverse("chat:moderation_queue", args=[room.group.slug])


def _without_user_content(html: str, room) -> str:
    # The group's name, the session's title and the rules' text are written by people.
    for text in (room.group.name, room.session.title):
        html = html.replace(text, "")
    return html


@pytest.mark.parametrize("language, expected", [
    ("es", ["Chat en directo", "Tu mensaje", "Aquí ahora", "Normas del grupo",
            "Señalar este mensaje", "¿Qué norma del grupo incumple?", "Señalar el mensaje",
            "¿Se te está haciendo difícil?", 'lang="es"']),
    ("fr", ["Chat en direct", "Votre message", "Présents", "Règles du groupe",
            "Signaler ce message", "Quelle règle du groupe ne respecte-t-il pas\u00a0?",
            "Envoyer le signalement", "C'est difficile en ce moment\u00a0?", 'lang="fr"']),
])
def test_the_chat_page_speaks_the_browsers_language(client, room, language, expected):
    client.force_login(room.member)
    response = client.get(chat_url(room), HTTP_ACCEPT_LANGUAGE=language)
    assert response.status_code == 200
    html = response.content.decode()
    for text in expected:
        assert text in html
    html = _without_user_content(html, room)
    assert [text for text in ENGLISH if text in html] == []


def test_a_saved_language_wins_over_the_browser(client, room):
    User.objects.filter(pk=room.member.pk).update(language="fr")
    client.force_login(room.member)
    html = client.get(chat_url(room), HTTP_ACCEPT_LANGUAGE="es").content.decode()
    assert "Chat en direct" in html and "Chat en directo" not in html


def test_the_day_of_the_session_is_written_the_spanish_way(client, room):
    client.force_login(room.member)
    html = client.get(chat_url(room), HTTP_ACCEPT_LANGUAGE="es").content.decode()
    # Spanish DATE_FORMAT: "2 de diciembre de 2026".
    assert " de 20" in html.split('class="chat-when muted">', 1)[1].split("</p>", 1)[0]


def test_english_stays_the_default(client, room):
    client.force_login(room.member)
    html = client.get(chat_url(room)).content.decode()
    assert "Live chat" in html and "Flag this message" in html


def test_a_closed_room_says_why_in_french(client, room, outsider):
    client.force_login(outsider)
    html = client.get(chat_url(room), HTTP_ACCEPT_LANGUAGE="fr").content.decode()
    assert "Ce chat est réservé aux membres du groupe" in html


@pytest.fixture
def flagged(room):
    author = room_access(session_id=room.session.pk, user=room.member)
    reporter = room_access(session_id=room.session.pk, user=room.member2)
    frame, _ = message_post(access=author, body="You always overreact",
                            client_id=new_client_id())
    return flag_create(access=reporter, message_id=frame["id"], rule=4)


@pytest.mark.parametrize("language, expected, english", [
    ("es", ["Cola de moderación", "Ocultar el mensaje", "Descartar el aviso",
            "Motivo (el miembro lo verá)", "Acciones recientes", "Señalado hace"],
     ["Moderation queue", "Hide message", "Dismiss flag", "Recent actions", "Flagged"]),
    ("fr", ["File de modération", "Masquer le message", "Classer le signalement",
            "Motif (le membre le verra)", "Actions récentes", "Signalé il y a"],
     ["Moderation queue", "Hide message", "Dismiss flag", "Recent actions", "Flagged"]),
])
def test_the_moderation_queue_in_spanish_and_french(client, room, flagged, mfa_exempt,
                                                    login_with_two_factor, language, expected,
                                                    english):
    mfa_exempt(room.facilitator)
    login_with_two_factor(client, room.facilitator)
    response = client.get(queue_url(room), HTTP_ACCEPT_LANGUAGE=language)
    assert response.status_code == 200
    html = _without_user_content(response.content.decode(), room)
    for text in expected:
        assert text in html
    assert [text for text in english if text in html] == []


def test_a_form_error_on_the_queue_is_in_spanish(client, room, flagged, mfa_exempt,
                                                 login_with_two_factor):
    mfa_exempt(room.facilitator)
    login_with_two_factor(client, room.facilitator)
    response = client.post(reverse("chat:moderation_act", args=[flagged.pk]),
                           {f"flag{flagged.pk}-action": "hide"}, HTTP_ACCEPT_LANGUAGE="es",
                           follow=True)
    assert "Indica un motivo; el miembro lo verá." in response.content.decode()
