"""Sessions in each person's language: pages, emails, the calendar feed; pronouns on the
attendance sheet and next to facilitators (issue 18)."""

import html

import pytest
from django.core import mail
from django.utils import formats, timezone, translation
from icalendar import Calendar

from accounts.services import user_profile_update
from sessions import services
from sessions.models import RSVP
from tests.factories import UserFactory
from tests.sessions.factories import GroupFactory, join, move_to_past, schedule

pytestmark = pytest.mark.django_db


def speaks(user, language: str):
    user.language = language
    user.save(update_fields=["language"])
    return user


def text_of(response) -> str:
    return html.unescape(response.content.decode())


def test_the_session_page_speaks_spanish_with_no_english_left(logged_in, member, session):
    client = logged_in(speaks(member, "es"))

    page = text_of(client.get(f"/sessions/{session.pk}/"))

    for spanish in ("Normas para esta sesión", "Participar", "Voy", "Cuándo", "Dónde",
                    "Facilitada por", "Sin límite · van 0 personas", "Círculo de apoyo entre pares",
                    "Añadir a mi calendario (.ics)", "Conecta contigo"):
        assert spanish in page
    for english in ("Ground rules for this session", "Taking part", "I'm going",
                    "Facilitated by", "No limit", "Peer support circle",
                    "Add to my calendar", "Check in with yourself"):
        assert english not in page
    with translation.override("es"):
        start = formats.date_format(timezone.localtime(session.starts_at), "DATETIME_FORMAT")
    assert start in page and " de " in start  # "17 de diciembre de 2026 a las 10:00"


def test_the_session_list_speaks_french_with_no_english_left(logged_in, member, session):
    client = logged_in(speaks(member, "fr"))

    page = text_of(client.get("/sessions/"))

    for french in ("Séances", "À venir dans vos groupes", "Mon planning", "En ligne",
                   "Ouvertes à tous"):
        assert french in page
    for english in ("Upcoming in your groups", "My schedule", "Open to join", ">Online<"):
        assert english not in page


def test_a_facilitators_schedule_form_and_its_errors_speak_french(logged_in, facilitator,
                                                                   group):
    client = logged_in(speaks(facilitator, "fr"))

    response = client.post(f"/sessions/new/{group.slug}/", {"title": ""})

    page = text_of(response)
    assert "Programmer une séance pour" in page
    assert "Type de séance" in page and "Kind of session" not in page
    assert "Début (heure de Europe/Berlin)" in page or "Début (heure de UTC)" in page


def test_a_spanish_speaking_member_gets_the_cancellation_in_spanish(
        logged_in, facilitator, member, session, django_capture_on_commit_callbacks):
    services.rsvp_set(session=session, user=speaks(member, "es"), status=RSVP.Status.GOING)
    client = logged_in(facilitator)  # the facilitator's own language: English

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"/sessions/{session.pk}/cancel/",
                               {"note": "The room flooded."}, HTTP_ACCEPT_LANGUAGE="en")

    assert response.status_code == 302
    [email] = [m for m in mail.outbox if m.to == [member.email]]
    assert email.subject == "Cancelada: Tuesday circle"
    assert "Hola, Morgan Member:" in email.body
    assert "Esta sesión se ha cancelado." in email.body
    assert "Una nota de la persona facilitadora: The room flooded." in email.body
    assert "Cuándo:" in email.body and "When:" not in email.body
    assert "You get this email" not in email.body


def test_a_reminder_speaks_the_recipients_language_whoever_triggered_it(session, member):
    services.rsvp_set(session=session, user=speaks(member, "fr"), status=RSVP.Status.GOING)
    reminder = session.notices.get(user=member, kind="reminder_24h")

    with translation.override("en-gb"):  # e.g. the periodic task, or someone else's request
        subject, body = services.notice_compose(notice=reminder)

    assert subject == "Demain : Tuesday circle".replace(" :", "\u00a0:")
    assert "Petit rappel\u00a0: votre séance a lieu demain." in body
    assert "(heure de" in body


def test_the_private_feed_speaks_its_owners_language(client, facilitator, member, group):
    session = schedule(group, facilitator, title="Mardi")
    discreet_group = GroupFactory(is_sensitive=True, requires_trained_facilitators=False)
    join(discreet_group, facilitator, role="facilitator")
    join(discreet_group, member)
    sensitive = schedule(discreet_group, facilitator, title="Sensitive")
    for each in (session, sensitive):
        services.rsvp_set(session=each, user=member, status=RSVP.Status.GOING)
    token = services.calendar_feed_reset(user=speaks(member, "fr")).token

    response = client.get(f"/sessions/feed/{token}.ics", HTTP_ACCEPT_LANGUAGE="en")

    events = {str(e["URL"]).rstrip("/").rsplit("/", 1)[-1]: e
              for e in Calendar.from_ical(response.content).walk("VEVENT")}
    plain, discreet = events[str(session.pk)], events[str(sensitive.pk)]
    assert "Cercle de soutien entre pairs" in str(plain["DESCRIPTION"])
    assert str(plain["LOCATION"]) == "En ligne (chat en direct dans PeerSupport)"
    assert str(discreet["SUMMARY"]) == "Séance PeerSupport"
    assert "Peer support circle" not in response.content.decode()


def test_the_calendar_page_script_has_its_words_in_spanish(logged_in, member):
    client = logged_in(speaks(member, "es"))

    catalogue = client.get("/jsi18n/").content.decode()

    assert "Selecciona el enlace y c\\u00f3pialo." in catalogue or \
        "Selecciona el enlace y cópialo." in catalogue


# --- Pronouns where names show ---------------------------------------------------------------


@pytest.fixture
def in_person(group, facilitator):
    return schedule(group, facilitator, format="in_person", location="Room 1")


def test_the_attendance_sheet_shows_opted_in_pronouns(logged_in, facilitator, member,
                                                      make_member, in_person):
    user_profile_update(user=member, pronouns="they/them", show_pronouns=True)
    quiet = make_member(display_name="Quiet Person", pronouns="he/him", show_pronouns=False)
    for person in (member, quiet):
        services.rsvp_set(session=in_person, user=person, status=RSVP.Status.GOING)
    move_to_past(in_person)
    client = logged_in(facilitator)

    page = client.get(f"/sessions/{in_person.pk}/attendance/").content.decode()

    assert '<span class="person-name" dir="auto">Morgan Member</span> <span class="pronouns">' \
           '(<span dir="auto">they/them</span>)</span>' in page
    assert "Quiet Person" in page and "he/him" not in page


def test_attack_the_attendance_sheet_never_shows_the_accounts_pronouns_next_to_a_pseudonym(
        logged_in, facilitator):
    group = GroupFactory(allow_pseudonyms=True)
    join(group, facilitator, role="facilitator")
    person = UserFactory(display_name="Real Name", pronouns="she/her", show_pronouns=True)
    join(group, person, pseudonym="Kestrel")
    session = schedule(group, facilitator, format="in_person", location="Room 2")
    services.rsvp_set(session=session, user=person, status=RSVP.Status.GOING)
    move_to_past(session)
    client = logged_in(facilitator)

    page = client.get(f"/sessions/{session.pk}/attendance/").content.decode()

    assert "Kestrel" in page
    assert "she/her" not in page and "Real Name" not in page


def test_attack_a_pseudonymous_facilitator_is_shown_with_the_pseudonyms_pronouns_only(
        logged_in, member):
    group = GroupFactory(allow_pseudonyms=True)
    lead = UserFactory(display_name="Real Lead", pronouns="he/him", show_pronouns=True,
                       is_facilitator=True)
    membership = join(group, lead, role="facilitator", pseudonym="Osprey")
    join(group, member)
    session = schedule(group, lead, title="Masked")
    client = logged_in(member)

    page = client.get(f"/sessions/{session.pk}/").content.decode()
    assert "Osprey" in page and "he/him" not in page and "Real Lead" not in page

    membership.pseudonym_pronouns = "ze/zir"
    membership.save(update_fields=["pseudonym_pronouns"])
    page = client.get(f"/sessions/{session.pk}/").content.decode()
    assert "ze/zir" in page and "he/him" not in page


def test_long_rtl_and_single_names_are_isolated_on_the_attendance_sheet(
        logged_in, facilitator, make_member, in_person):
    names = ["مريم الحسيني", "Cher", "Wolfeschlegelsteinhausenbergerdorff" * 2]
    for name in names:
        services.rsvp_set(session=in_person, user=make_member(display_name=name),
                          status=RSVP.Status.GOING)
    move_to_past(in_person)
    client = logged_in(facilitator)

    page = client.get(f"/sessions/{in_person.pk}/attendance/").content.decode()

    for name in names:
        assert f'<span class="person-name" dir="auto">{name}</span>' in page
