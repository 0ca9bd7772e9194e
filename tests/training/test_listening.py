"""The analyzer: codes, spans, explanations, hard cases, and the labelled set's targets."""

from pathlib import Path

import pytest

from peersupport.listening import MOVES, PITFALLS, analyse, load_rules
from peersupport.listening.evaluation import evaluate, read_labelled, read_labelled_parts

DATA = Path(__file__).resolve().parent.parent / "data"


def test_advice_is_named_with_the_words_that_triggered_it_a_why_and_a_suggestion():
    text = "That sounds hard. You should talk to HR."
    feedback = analyse(text).as_json()
    assert feedback["pitfalls"] == ["advice"]
    assert feedback["moves"] == ["reflection"]
    advice = next(n for n in feedback["notes"] if n["code"] == "advice")
    assert advice["span"] == "You should"
    assert text[text.index(advice["span"]):].startswith("You should")
    assert advice["why"] and advice["try"]
    assert set(advice) == {"code", "span", "why", "try"}


def test_notes_follow_the_order_of_the_words():
    notes = analyse("At least it's Friday. What was that like?").notes
    assert [n.code for n in notes] == ["minimising", "open_question"]


@pytest.mark.parametrize("text, absent", [
    ("You should feel proud of how you handled it.", "advice"),
    ("Why don't we take a break? Only if you want to.", "why_question"),
    ("Why don't we take a break? Only if you want to.", "advice"),
    ("I don't think you overreacted.", "judgement"),
    ("It's not your fault.", "judgement"),
    ("I won't tell you what you should do.", "advice"),
    ("I can't promise everything will be fine.", "false_reassurance"),
    ('He said "you\'re overreacting" and walked off. How did that land?', "judgement"),
    ("My manager told me that I should just ignore it.", "advice"),
    ("It took at least three weeks.", "minimising"),
])
def test_hard_cases_are_not_flagged(text, absent):
    feedback = analyse(text)
    assert absent not in feedback.pitfalls + feedback.moves


def test_curly_apostrophes_are_read_like_straight_ones():
    assert analyse("You\u2019re overreacting.").pitfalls == ["judgement"]


def test_empty_and_huge_texts_are_harmless():
    assert analyse("").as_json() == {"moves": [], "pitfalls": [], "notes": []}
    assert "advice" in analyse("You should go. " * 2000).pitfalls


def test_every_rule_uses_a_known_code_and_explains_itself():
    rules = load_rules("en")
    assert {r.code for r in rules} == set(MOVES + PITFALLS)
    assert all(r.why and r.suggestion and r.patterns for r in rules)


def test_the_labelled_sets_meet_the_targets():
    """The same figures bench/listening.py prints: both sets, together."""
    items = read_labelled(DATA / "listening_replies.txt")
    held_out = read_labelled(DATA / "listening_replies_holdout.txt")
    assert len(items) >= 200
    result = evaluate(items + held_out)
    assert result.failures() == []
    for code in MOVES + PITFALLS:
        assert result.scores[code].true_positive >= 5, code  # every code is really exercised


# --- Spanish and French ----------------------------------------------------------------------

LABELLED = Path(__file__).resolve().parent / "data"


@pytest.mark.parametrize("language", ["es", "fr"])
def test_every_language_has_every_rule_explained_in_that_language(language):
    rules = load_rules(language)
    assert {r.code for r in rules} == set(MOVES + PITFALLS)
    english = {r.code: r.why for r in load_rules("en")}
    assert all(r.why and r.suggestion and r.patterns and r.why != english[r.code]
               for r in rules)


@pytest.mark.parametrize("language, text, pitfall, span", [
    ("es", "Deberías irte a casa temprano y olvidarte de eso.", "advice", "Deberías"),
    ("fr", "Au moins tu as encore ton travail.", "minimising", "Au moins"),
])
def test_the_issues_examples_are_found_in_their_language(language, text, pitfall, span):
    feedback = analyse(text, language=language)
    assert feedback.pitfalls == [pitfall]
    assert feedback.notes[0].span == span


@pytest.mark.parametrize("language, text, absent", [
    ("es", "Deberías estar orgullosa de cómo lo llevaste.", "advice"),
    ("es", "No es culpa tuya.", "judgement"),
    ("es", "No te voy a decir qué deberías hacer.", "advice"),
    ("es", "No puedo prometerte que todo saldrá bien, pero aquí estoy.", "false_reassurance"),
    ("es", "Tardó al menos tres semanas.", "minimising"),
    ("es", 'Te dijo "estás exagerando" y se fue. ¿Cómo te sentó?', "judgement"),
    ("fr", "Tu peux être fière de la façon dont tu as géré ça.", "advice"),
    ("fr", "Je ne pense pas que tu exagères.", "judgement"),
    ("fr", "Je ne vais pas te dire ce que tu dois faire.", "advice"),
    ("fr", "Ça a duré au moins trois semaines.", "minimising"),
    ("fr", "Prends ton temps, je suis là.", "advice"),
])
def test_hard_cases_are_not_flagged_in_spanish_and_french(language, text, absent):
    feedback = analyse(text, language=language)
    assert absent not in feedback.pitfalls + feedback.moves


def test_the_active_language_chooses_the_rules():
    from django.utils import translation

    with translation.override("es"):
        assert analyse("Deberías hablar con ella.").pitfalls == ["advice"]
    with translation.override("fr"):
        assert analyse("Tu devrais lui parler.").pitfalls == ["advice"]
    with translation.override("en-gb"):
        assert analyse("You should talk to her.").pitfalls == ["advice"]
        assert analyse("Deberías hablar con ella.").pitfalls == []  # English rules


@pytest.mark.parametrize("language", ["es", "fr"])
def test_the_spanish_and_french_labelled_sets(language):
    """Precision and recall per language, on the part the rules were tuned on and on the part
    that was held out (figures in the report of the i18n branch; the held-out part is small,
    so one miss moves it by several points)."""
    tuning, held_out = read_labelled_parts(LABELLED / f"listening_replies_{language}.txt")
    assert len(tuning) + len(held_out) >= 40 and len(held_out) >= 14
    tuned = evaluate(tuning, language=language)
    assert tuned.pooled(PITFALLS).precision >= 0.95
    assert tuned.pooled(PITFALLS).recall >= 0.95
    assert tuned.pooled(MOVES).precision >= 0.9
    everything = evaluate(tuning + held_out, language=language)
    assert everything.pooled(PITFALLS).precision >= 0.9
    assert everything.pooled(PITFALLS).recall >= 0.9
    assert everything.pooled(MOVES).precision >= 0.9
    assert everything.pooled(MOVES).recall >= 0.9
    for code in MOVES + PITFALLS:
        assert everything.scores[code].true_positive >= 2, code  # every code is exercised
