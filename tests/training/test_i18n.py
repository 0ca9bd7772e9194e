"""The training in Spanish and French: pages with the translated module content, feedback on a
reply read with the learner's own language's rules, the reminder email in the recipient's
language, the practice frames' texts in the socket person's language, complete catalogues."""

import datetime as dt
import json
import subprocess
from pathlib import Path

import pytest
from django.core import mail
from django.test import Client
from django.utils import timezone

from chat.policies import RoomAccess
from chat.services import ChatRefusal
from tests.factories import UserFactory
from training import services
from training.models import Module, PracticeItem, PracticeReply
from training.realtime import PRACTICE_HANDLERS

LOCALE = Path(__file__).resolve().parents[2] / "training" / "locale"


def person(language: str):
    return UserFactory(language=language)


def logged_in(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


# --- Pages --------------------------------------------------------------------------------------


@pytest.mark.parametrize("language, shown, english", [
    ("es", ["Atención y presencia", "Cómo se nota la presencia",
            "Perdona que te asalte, sé que vas a tope.", "Alguien del trabajo dice",
            "Elige la mejor respuesta", "Tómate tu tiempo",
            "«Todo el mundo se siente así a veces.»"],
     ["Attending and presence", "What presence looks like", "Sorry to grab you",
      "Choose the better reply"]),
    ("fr", ["Attention et présence", "À quoi ressemble la présence",
            "Désolée de te déranger, je sais que tu es débordé.", "Un collègue dit",
            "Choisissez la meilleure réponse", "Quand vous ne pouvez pas être là",
            "« Tout le monde ressent ça de temps en temps. »"],
     ["Attending and presence", "What presence looks like", "Sorry to grab you",
      "Choose the better reply"]),
])
def test_a_module_page_shows_the_module_in_the_learners_language(db, language, shown, english):
    module = Module.objects.get(slug="attending-and-presence")
    page = logged_in(person(language)).get(f"/training/{module.slug}/").content.decode()
    for text in shown:
        assert text in page, text
    for text in english:
        assert text not in page, text


@pytest.mark.parametrize("language, titles", [
    ("es", ["Reflejar sentimientos", "Preguntas abiertas", "Facilitar un círculo",
            "Escucha y empatía"]),
    ("fr", ["Refléter les émotions", "Les questions ouvertes", "Animer un cercle",
            "Écoute et empathie"]),
])
def test_the_path_lists_the_modules_in_the_learners_language(db, language, titles):
    page = logged_in(person(language)).get("/training/").content.decode()
    for title in titles:
        assert title in page
    assert "Reflecting feelings" not in page


def test_a_module_the_organisation_rewrote_shows_as_they_wrote_it(db):
    module = Module.objects.get(slug="open-questions")
    module.title = "Questions that open a conversation"
    module.save()
    page = logged_in(person("es")).get(f"/training/{module.slug}/").content.decode()
    assert "Questions that open a conversation" in page
    assert "Una pregunta abierta no se puede contestar con sí o no." in page  # body untouched


def test_the_facilitator_path_and_its_dates_speak_french(db):
    learner = person("fr")
    services.certification_grant(user=learner,
                                 now=timezone.make_aware(dt.datetime(2026, 3, 5, 12)))
    page = logged_in(learner).get("/training/facilitator/").content.decode()
    assert "Personne facilitatrice formée" in page
    assert "5 mars 2027" in page
    assert "Attention et présence" in page


# --- Feedback in the learner's language --------------------------------------------------------


def test_a_spanish_learner_who_gives_advice_gets_the_feedback_in_spanish(db):
    learner = person("es")
    item = PracticeItem.objects.filter(module__slug="holding-back-advice").first()
    client = logged_in(learner)
    response = client.post(f"/training/practice/{item.pk}/",
                           {"text": "Deberías irte a casa temprano y olvidarte de eso."},
                           follow=True)
    reply = PracticeReply.objects.get(user=learner)
    assert reply.pitfalls == ["advice"] and not reply.passed
    page = response.content.decode()
    assert "Consejo" in page  # the pitfall's name
    assert "Un consejo que nadie ha pedido" in page  # why it matters
    assert "Prueba: Pregúntale qué quiere" in page  # what to try
    assert "Advice nobody asked for" not in page


def test_a_french_learner_who_minimises_gets_the_feedback_in_french(db):
    learner = person("fr")
    client = logged_in(learner)
    response = client.post("/training/api/feedback/",
                           data=json.dumps({"text": "Au moins tu as encore ton travail."}),
                           content_type="application/json")
    feedback = response.json()
    assert feedback["pitfalls"] == ["minimising"]
    note = feedback["notes"][0]
    assert note["span"] == "Au moins"
    assert note["why"].startswith("Le « au moins » et le bon côté des choses")
    assert note["try"].startswith("Restez avec ce qu'elle vit")


def test_a_french_learners_saved_reply_shows_the_pitfall_named_in_french(db):
    learner = person("fr")
    item = PracticeItem.objects.filter(module__slug="empathy-versus-sympathy").first()
    page = logged_in(learner).post(f"/training/practice/{item.pk}/",
                                   {"text": "Au moins tu as encore ton travail."},
                                   follow=True).content.decode()
    assert "Minimisation" in page and "Le « au moins »" in page
    assert "Enregistrée. Jetez un œil au retour" in page


def test_a_spanish_learners_listening_reply_passes(db):
    learner = person("es")
    item = PracticeItem.objects.filter(module__slug="reflecting-feelings").first()
    logged_in(learner).post(f"/training/practice/{item.pk}/",
                            {"text": "Eso suena muy duro. Cuéntame más."})
    reply = PracticeReply.objects.get(user=learner)
    assert reply.moves == ["reflection", "invitation"] and reply.passed


# --- Email --------------------------------------------------------------------------------------


@pytest.mark.parametrize("language, subject, body", [
    ("es", "Tu acreditación como persona facilitadora con formación termina el",
     "Gracias por este año facilitando."),
    ("fr", "Votre statut de personne facilitatrice formée prend fin le",
     "Merci pour cette année d'animation."),
])
def test_the_refresher_reminder_is_in_the_recipients_language(db, language, subject, body):
    someone = person(language)
    granted = timezone.now() - dt.timedelta(days=340)
    cert = services.certification_grant(user=someone, now=granted)
    assert services.refresher_reminders_send() == 1
    email = mail.outbox[0]
    assert email.subject.startswith(subject)
    assert body in email.body and "/training/facilitator/" in email.body
    month = {"es": ["enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto",
                    "septiembre", "octubre", "noviembre", "diciembre"],
             "fr": ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août",
                    "septembre", "octobre", "novembre", "décembre"]}[language]
    assert month[timezone.localtime(cert.expires_at).month - 1] in email.subject


def test_the_reminder_of_someone_without_a_language_is_in_english(db):
    someone = person("")
    services.certification_grant(user=someone, now=timezone.now() - dt.timedelta(days=340))
    services.refresher_reminders_send()
    assert mail.outbox[0].subject.startswith("Your trained-facilitator status ends on")


# --- Practice frames ----------------------------------------------------------------------------


@pytest.mark.parametrize("language, text", [
    ("es", "Solo las personas facilitadoras del grupo pueden hacer eso."),
    ("fr", "Seules les personnes facilitatrices du groupe peuvent faire cela."),
    ("", "Only the group's facilitators can do that."),
])
def test_a_practice_refusal_speaks_the_socket_persons_language(db, language, text):
    access = RoomAccess(session=None, user=person(language), is_moderator=False)
    with pytest.raises(ChatRefusal) as refused:
        PRACTICE_HANDLERS["practice.start"](access, {"type": "practice.start"})
    assert refused.value.messages == [text]


# --- Catalogues ---------------------------------------------------------------------------------


@pytest.mark.parametrize("path", sorted(LOCALE.glob("*/LC_MESSAGES/*.po")), ids=str)
def test_the_training_catalogues_are_complete(path):
    result = subprocess.run(["msgfmt", "--statistics", "-c", "-o", "/dev/null", str(path)],
                            capture_output=True, text=True, check=True)
    stats = result.stderr
    assert "untranslated" not in stats and "fuzzy" not in stats, stats
    text = path.read_text(encoding="utf-8")
    assert "#, fuzzy" not in text


def test_every_language_has_both_catalogues():
    for language in ("es", "fr"):
        for domain in ("django", "djangojs"):
            assert (LOCALE / language / "LC_MESSAGES" / f"{domain}.po").is_file()
