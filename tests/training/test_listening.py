"""The analyzer: codes, spans, explanations, hard cases, and the labelled set's targets."""

from pathlib import Path

import pytest

from peersupport.listening import MOVES, PITFALLS, analyse, load_rules
from peersupport.listening.evaluation import evaluate, read_labelled

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
