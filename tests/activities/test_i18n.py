"""The activities in Spanish and French: the UI catalogues, the starter library's own content
(activities/content), the library's search, the pages, and the live activity's texts."""

import re
from pathlib import Path

import pytest
from channels.db import database_sync_to_async
from django.template import Context, Template
from django.utils import translation

from activities import content, live, selectors
from activities.library import LIBRARY
from activities.models import Activity, ActivityStep, SessionActivity
from tests.chat.conftest import open_chat

LOCALE = Path(__file__).resolve().parents[2] / "activities" / "locale"
ENGLISH_TITLES = [spec["title"] for spec in LIBRARY]
# Words that are the same in the translation as in English (any other equal text is a miss).
SAME_AS_ENGLISH = {"es": {"Ideas"}, "fr": set()}


def _speaks(person, language: str):
    person.language = language
    person.save(update_fields=["language"])
    return person


def _text(response) -> str:
    return response.content.decode()


# --- Catalogues ------------------------------------------------------------------------------


@pytest.mark.parametrize("path", sorted(LOCALE.glob("*/LC_MESSAGES/*.po")), ids=str)
def test_every_catalogue_entry_is_translated_and_none_is_fuzzy(path):
    text = path.read_text(encoding="utf-8")
    entries = text.split("\n\n")[1:]  # the first is the header

    assert "#, fuzzy" not in text
    assert entries, "an empty catalogue"
    for entry in entries:
        strings = re.findall(r'^msgstr(?:\[\d\])? ((?:".*"\n?)+)', entry + "\n", re.M)
        assert strings and all(s.strip() != '""' for s in strings), entry


def test_both_languages_have_both_catalogues():
    assert {p.relative_to(LOCALE).as_posix() for p in LOCALE.glob("*/LC_MESSAGES/*.po")} == {
        f"{lang}/LC_MESSAGES/{domain}.po" for lang in ("es", "fr")
        for domain in ("django", "djangojs")}


# --- The library's content ---------------------------------------------------------------------


def _problems(language: str, translated: dict) -> list[str]:
    """What is missing or left in English in one language's library content."""
    problems = [f"{slug}: missing" for slug in {s["slug"] for s in LIBRARY} - set(translated)]
    for spec in LIBRARY:
        mine = translated.get(spec["slug"])
        if mine is None:
            continue
        where = spec["slug"]
        if set(mine) != {"title", "why", "materials", "tips", "access", "steps"}:
            problems.append(f"{where}: fields {sorted(mine)}")
            continue
        for key in ("title", "why", "materials", "tips", "access"):
            english = content.source_text(spec, key)
            # Empty in English (no materials) stays empty; everything else is translated.
            if bool(mine[key].strip()) != bool(english):
                problems.append(f"{where}.{key}: empty or not empty like the English")
            elif english and mine[key] == english:
                problems.append(f"{where}.{key}: left in English")
        if len(mine["steps"]) != len(spec["steps"]):
            problems.append(f"{where}: {len(mine['steps'])} steps, not {len(spec['steps'])}")
            continue
        for (title, _minutes, text, prompt, _appr), (t_title, t_text, t_prompt) in zip(
                spec["steps"], mine["steps"], strict=True):
            if not t_title.strip() or (t_title == title
                                       and title not in SAME_AS_ENGLISH[language]):
                problems.append(f"{where}/{title}: title")
            if not t_text.strip() or t_text == text:
                problems.append(f"{where}/{title}: instructions")
            if bool(t_prompt) != bool(prompt) or (prompt and t_prompt == prompt):
                problems.append(f"{where}/{title}: prompt")
    return problems


@pytest.mark.parametrize("language", content.LANGUAGES)
def test_each_library_activity_is_translated_field_by_field_and_step_by_step(language):
    assert _problems(language, content.content(language)) == []


def test_a_missing_or_untranslated_text_is_reported():
    broken = {slug: {**activity, "steps": list(activity["steps"])}
              for slug, activity in content.content("es").items()}
    del broken["two-good-things"]
    broken["weather-report"]["tips"] = content.SOURCE["weather-report"]["tips"]
    broken["rose-bud-thorn"]["steps"].pop()
    title, _m, text, _p, _a = content.SOURCE["pre-mortem"]["steps"][0]
    broken["pre-mortem"]["steps"][0] = (title, text, "")

    assert sorted(_problems("es", broken)) == [
        "pre-mortem/Imagine: instructions", "pre-mortem/Imagine: title",
        "rose-bud-thorn: 2 steps, not 3", "two-good-things: missing",
        "weather-report.tips: left in English"]


# --- Pages -------------------------------------------------------------------------------------


@pytest.mark.django_db
def test_the_library_in_spanish_shows_spanish_titles_and_no_english_ones(library, logged_in,
                                                                         member):
    client = logged_in(_speaks(member, "es"))

    page = _text(client.get("/activities/"))

    assert "Actividades de cohesión de equipo" in page
    assert "Dos cosas buenas" in page and "Romper el hielo" in page
    assert "De 3 a 20 personas" in page
    for english in [*ENGLISH_TITLES, "Show activities", "Break the ice", "Team-building"]:
        assert english not in page, english


@pytest.mark.django_db
def test_an_activity_page_in_french_shows_its_steps_tips_and_notes_in_french(library, logged_in,
                                                                             member):
    client = logged_in(_speaks(member, "fr"))
    spec = next(s for s in LIBRARY if s["slug"] == "thank-you-notes")

    page = _text(client.get("/activities/thank-you-notes/"))

    french = content.content("fr")["thank-you-notes"]
    assert "Petits mots de remerciement" in page
    assert "Étape par étape" in page and "Conseils pour la personne facilitatrice" in page
    assert "Écrire" in page and "Laissez assez de temps calme pour écrire." in page
    assert "Question de remerciements" in page and "Un petit mot de remerciement" in page
    assert french["materials"].split("\u00a0:")[0] in page
    english = [spec["title"], spec["why"], spec["tips"], spec["materials"],
               *(step[0] for step in spec["steps"]), *(step[2] for step in spec["steps"]),
               "Step by step", "Save to favourites", "Tips for the facilitator"]
    for text in english:
        assert text not in page, text


@pytest.mark.django_db
def test_english_readers_still_see_the_library_as_written(library, logged_in, member):
    page = _text(logged_in(member).get("/activities/two-good-things/"))

    assert "Two good things" in page and "Dos cosas buenas" not in page


@pytest.mark.django_db
def test_an_admin_edit_shows_as_written_instead_of_an_old_translation(library, logged_in,
                                                                      member):
    Activity.objects.filter(slug="two-good-things").update(title="Two good things (edited)")
    client = logged_in(_speaks(member, "es"))

    page = _text(client.get("/activities/two-good-things/"))

    assert "<h1>Two good things (edited)</h1>" in page and "<h1>Dos cosas buenas" not in page
    # The fields nobody edited are still in Spanish.
    assert content.content("es")["two-good-things"]["steps"][0][1] in page


@pytest.mark.django_db
@pytest.mark.parametrize(("language", "query", "slug"), [
    ("es", "cosas buenas", "two-good-things"),
    ("es", "pasame el problema", "pass-the-problem"),  # accents and case do not matter
    ("fr", "météo", "weather-report"),
    ("fr", "binômes", "walking-pairs"),  # in a step's instructions
])
def test_searching_in_the_readers_language_finds_the_translated_activity(
        library, logged_in, member, language, query, slug):
    client = logged_in(_speaks(member, language))

    found = client.get("/activities/", {"q": query}).context["activities"]

    assert slug in [a.slug for a in found]
    assert len(found) < len(LIBRARY)


@pytest.mark.django_db
def test_a_search_in_spanish_is_sorted_by_the_spanish_title(library, member):
    with translation.override("es"):
        found = selectors.library_search(user=member, filters=selectors.LibraryFilters())
    titles = [a.title for a in found]

    assert titles == sorted(titles, key=content.folded)
    assert titles[0] == "A la caza de fortalezas"


@pytest.mark.django_db
def test_session_calendars_and_emails_get_the_title_in_their_language(library, upcoming):
    activity = Activity.objects.get(slug="rose-bud-thorn")
    SessionActivity.objects.create(session=upcoming, activity=activity)

    with translation.override("fr"):
        french = selectors.planned_titles_by_session(session_ids=[upcoming.pk])
    with translation.override("en-gb"):
        english = selectors.planned_titles_by_session(session_ids=[upcoming.pk])

    assert french == {upcoming.pk: ["Rose, bourgeon, épine"]}
    assert english == {upcoming.pk: ["Rose, bud, thorn"]}


@pytest.mark.parametrize(("language", "minutes", "shown"), [
    ("en-gb", 25, "25 min"), ("en-gb", 90, "1 h 30 min"), ("es", 60, "1 h"),
    ("fr", 75, "1 h 15"),
])
def test_durations_read_naturally_in_each_language(language, minutes, shown):
    with translation.override(language):
        text = Template("{% load activity_tags %}{{ m|duration }}").render(Context({"m": minutes}))
    assert text == shown


@pytest.mark.parametrize(("language", "low", "high", "shown"), [
    ("en-gb", 3, 20, "3–20 people"), ("es", 3, 20, "De 3 a 20 personas"),
    ("fr", 2, 2, "2 personnes"), ("fr", 2, 12, "De 2 à 12 personnes"),
])
def test_people_ranges_read_naturally_in_each_language(language, low, high, shown):
    with translation.override(language):
        text = Template("{% load activity_tags %}{% people_range low high %}").render(
            Context({"low": low, "high": high}))
    assert text == shown


# --- Live ----------------------------------------------------------------------------------------


def _plan(room, slug="appreciation-round") -> Activity:
    from activities.library import load_library

    load_library(Activity, ActivityStep)
    activity = Activity.objects.get(slug=slug)
    SessionActivity.objects.get_or_create(session=room.session, activity=activity)
    return activity


@pytest.mark.django_db
def test_a_run_frame_speaks_the_active_language_and_carries_each_one(room):
    _plan(room)
    run = live.run_start(session=room.session, activity_slug="appreciation-round",
                         by=room.facilitator)

    with translation.override("es"):
        spanish = live.run_frame(run)
    with translation.override("en-gb"):
        english = live.run_frame(run)

    assert spanish["activity"]["title"] == "Ronda de agradecimientos"
    assert spanish["step"]["title"] == "Piensa en alguien"
    assert spanish["steps"][1]["title"] == "Agradece"
    assert english["step"]["title"] == "Think of someone"
    assert english["texts"]["fr"]["steps"][0]["title"] == "Penser à quelqu'un".replace("'", "’")
    assert english["texts"]["en-gb"]["title"] == "Appreciation round"


@pytest.mark.django_db(transaction=True)
async def test_a_spanish_speaker_gets_the_live_activity_and_its_refusals_in_spanish(room):
    await database_sync_to_async(_plan)(room)
    await database_sync_to_async(_speaks)(room.member, "es")
    facilitator = await open_chat(room.facilitator, room.session)
    member = await open_chat(room.member, room.session)
    try:
        await facilitator.send({"type": "activity.start", "activity": "appreciation-round"})
        run = (await member.receive_type("activity"))["run"]
        await facilitator.send({"type": "activity.next", "version": run["version"]})
        run = (await member.receive_type("activity"))["run"]
        await member.send({"type": "activity.next", "version": run["version"]})
        refused = await member.receive_type("error")
    finally:
        await facilitator.disconnect()
        await member.disconnect()

    spanish = run["texts"]["es"]  # what the Spanish page (<html lang="es">) shows
    assert spanish["title"] == "Ronda de agradecimientos"
    assert spanish["steps"][1] == {
        "title": "Agradece",
        "instructions": content.content("es")["appreciation-round"]["steps"][1][1],
        "prompt": "Algo que has valorado de alguien esta semana"}
    assert refused["code"] == "forbidden"
    assert refused["detail"] == ("Solo las personas facilitadoras del grupo pueden dirigir "
                                 "actividades.")
