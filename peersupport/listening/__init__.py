"""What a reply does for the person listened to: listening moves and pitfalls, explained.

One analyzer for the whole product: the training practice pages give feedback with it, and the
chat's pre-send nudge asks it whether a draft gives advice or judges. It is transparent on
purpose: every finding names the words that triggered it, and the rules are data, one TOML file
per language (`en.toml`, `es.toml`, `fr.toml`), read once per process. The learner's language
picks the file: `analyse(text)` reads the active language (the person's, on their pages), or
`language=` says which; a language without a file is read with the English rules.

A rule's `patterns` are regular expressions in which a space stands for any run of whitespace and
`{name}` for one of the file's word lists; matches are whole words. Each match is then checked,
in the sentence it was found in, against:

- `unless_before` / `unless_after`: patterns that, right before or right after the match,
  mean the words do something else ("you should" before "feel proud" praises, it does not advise);
- negation (`negatable`, on unless false): "not", "never", "n't"... earlier in the same clause
  ("I don't think you overreacted" is not a judgement);
- reported speech (`reported`, pitfalls only): "he said you overreacted" quotes someone else;

(negation, reported speech and what ends a clause are words of each language: a file may give its
own `[grammar]` `negation`, `reported` and `clause_break` patterns; English's are below.)
- `question`: the rule only counts in a sentence that ends with a question mark.

Text in quotation marks is what someone else said and is never analysed.
"""

from __future__ import annotations

import itertools
import re
import threading
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from django.utils.translation import get_language, gettext

RULES_DIR = Path(__file__).resolve().parent
MOVES = ("reflection", "paraphrase", "open_question", "validation", "invitation")
PITFALLS = ("advice", "minimising", "judgement", "why_question", "self_focus",
            "false_reassurance")
MAX_TEXT = 4000
WINDOW = 160  # characters either side of a match that its exceptions look at
MAX_TRIES = 20  # matches of one pattern in one sentence examined before giving up

NEGATION = re.compile(r"(?:\bnot\b|n't\b|\bnever\b|\bno one\b|\bnobody\b|\bcannot\b|\bno\b)"
                      r"[^,;:]*$")
REPORTED = re.compile(r"\b(?:said|says|saying|told (?:you|me|him|her|them|everyone)|tells (?:you|"
                      r"me)|claimed|claims|insisted|asked|asks|called it|wrote|implied|"
                      r"suggested)\b(?: that)?[^,;:]{0,40}$")
# Quoted words: “...”, "...", and '...' when the quote marks are not apostrophes inside words.
QUOTED = re.compile(r"\u201c[^\u201d]*\u201d|\"[^\"]*\"|(?<!\w)'[^'\n]{2,}?'(?!\w)")
SENTENCE = re.compile(r"[^.!?\n]+[.!?]*")
CLAUSE_BREAK = re.compile(r".*(?:[,;:\u2013\u2014]|\bbut\b|\band\b)", re.S)


@dataclass(frozen=True)
class Grammar:
    negation: re.Pattern = NEGATION
    reported: re.Pattern = REPORTED
    clause_break: re.Pattern = CLAUSE_BREAK


@dataclass(frozen=True)
class Rule:
    code: str
    kind: str  # "move" or "pitfall"
    why: str
    suggestion: str
    patterns: tuple[re.Pattern, ...]
    unless_before: tuple[re.Pattern, ...] = ()
    unless_after: tuple[re.Pattern, ...] = ()
    negatable: bool = True
    reported: bool = False
    question: bool = False
    grammar: Grammar = field(default_factory=Grammar)


@dataclass(frozen=True)
class Note:
    code: str
    kind: str
    span: str
    start: int
    why: str
    suggestion: str

    def as_json(self) -> dict[str, str]:
        return {"code": self.code, "span": self.span, "why": self.why, "try": self.suggestion}


@dataclass
class Feedback:
    moves: list[str] = field(default_factory=list)
    pitfalls: list[str] = field(default_factory=list)
    notes: list[Note] = field(default_factory=list)

    def as_json(self) -> dict:
        return {"moves": self.moves, "pitfalls": self.pitfalls,
                "notes": [note.as_json() for note in self.notes]}


def _normalise(text: str) -> str:
    """Lower case and straight quotes, keeping every character's position (spans index the
    original text)."""
    out = []
    for char in text:
        if char in "\u2019\u2018\u02bc":
            out.append("'")
        else:
            lower = char.lower()
            out.append(lower if len(lower) == 1 else char)
    return "".join(out)


def _compile(pattern: str, words: dict[str, str], *, anchor: str) -> re.Pattern:
    expanded = re.sub(r"\{(\w+)\}", lambda m: words[m.group(1)], pattern).replace(" ", r"\s+")
    if anchor == "match":
        return re.compile(r"(?<![\w'])(?:" + expanded + r")(?![\w'])")
    if anchor == "before":
        return re.compile(r"(?<![\w'])(?:" + expanded + r")\s*$")
    return re.compile(r"^\s*(?:" + expanded + r")(?![\w'])")


def _word_list(items: list[str]) -> str:
    # Longest first, so "let down" is preferred to "let".
    ordered = sorted({item.strip().lower() for item in items if item.strip()}, key=len,
                     reverse=True)
    return "(?:" + "|".join(re.escape(w).replace(r"\ ", " ") for w in ordered) + ")"


def rules_language(language: str | None = None) -> str:
    """The rules file for a language code ("es", "fr-ca", "en-gb"...; None: the active one):
    its base language when there is a file for it, else English."""
    base = (language or get_language() or "en").lower().replace("_", "-").split("-")[0]
    return base if (RULES_DIR / f"{base}.toml").is_file() else "en"


def _grammar(data: dict) -> Grammar:
    raw = data.get("grammar", {})
    compiled = {}
    if "negation" in raw:
        compiled["negation"] = re.compile(raw["negation"] + r"[^,;:]*$")
    if "reported" in raw:
        compiled["reported"] = re.compile(raw["reported"] + r"[^,;:]{0,40}$")
    if "clause_break" in raw:
        compiled["clause_break"] = re.compile(r".*(?:" + raw["clause_break"] + ")", re.S)
    return Grammar(**compiled)


def load_rules(language: str = "en") -> tuple[Rule, ...]:
    path = RULES_DIR / f"{language}.toml"
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    words = {name: _word_list(items) for name, items in data.get("words", {}).items()}
    grammar = _grammar(data)
    rules = []
    for raw in data["rule"]:
        kind = "move" if raw["code"] in MOVES else "pitfall"
        if raw["code"] not in MOVES + PITFALLS:
            raise ValueError(f"{path.name}: unknown code {raw['code']!r}")
        rules.append(Rule(
            code=raw["code"], kind=kind, why=raw["why"], suggestion=raw["try"],
            patterns=tuple(_compile(p, words, anchor="match") for p in raw["patterns"]),
            unless_before=tuple(_compile(p, words, anchor="before")
                                for p in raw.get("unless_before", [])),
            unless_after=tuple(_compile(p, words, anchor="after")
                               for p in raw.get("unless_after", [])),
            negatable=raw.get("negatable", True),
            reported=raw.get("reported", kind == "pitfall"),
            question=raw.get("question", False),
            grammar=grammar,
        ))
    return tuple(rules)


_lock = threading.Lock()
_loaded: dict[str, tuple[Rule, ...]] = {}


def rules_for(language: str = "en") -> tuple[Rule, ...]:
    with _lock:
        if language not in _loaded:
            _loaded[language] = load_rules(language)
        return _loaded[language]


def _blank_quotes(text: str) -> str:
    return QUOTED.sub(lambda m: " " * len(m.group(0)), text)


def _clause_before(sentence: str, offset: int, grammar: Grammar) -> str:
    before = sentence[:offset]
    cut = grammar.clause_break.match(before)
    return before[cut.end():] if cut else before


def _excluded(rule: Rule, sentence: str, start: int, end: int) -> bool:
    # Only the words near the match decide (and the work per match stays bounded).
    before, after = sentence[max(0, start - WINDOW):start], sentence[end:end + WINDOW]
    if any(p.search(before) for p in rule.unless_before):
        return True
    if any(p.match(after) for p in rule.unless_after):
        return True
    clause = _clause_before(sentence, start, rule.grammar)
    if rule.negatable and rule.grammar.negation.search(clause):
        return True
    return bool(rule.reported and rule.grammar.reported.search(clause))


def analyse(text: str, *, language: str | None = None) -> Feedback:
    """The moves and pitfalls in `text`, each note in the order its words appear, read with the
    rules of `language` (by default the active language: the learner's own)."""
    language = rules_language(language)
    original = (text or "")[:MAX_TEXT]
    normal = _blank_quotes(_normalise(original))
    notes: list[Note] = []
    found: set[str] = set()
    for sentence_match in SENTENCE.finditer(normal):
        sentence, base = sentence_match.group(0), sentence_match.start()
        is_question = sentence.rstrip().endswith("?")
        for rule in rules_for(language):
            if rule.question and not is_question:
                continue
            for pattern in rule.patterns:
                tries = itertools.islice(pattern.finditer(sentence), MAX_TRIES)
                hit = next((m for m in tries
                            if not _excluded(rule, sentence, m.start(), m.end())), None)
                if hit is None:
                    continue
                if rule.code not in found or all(n.code != rule.code or n.start != base +
                                                 hit.start() for n in notes):
                    notes.append(Note(rule.code, rule.kind,
                                      original[base + hit.start():base + hit.end()],
                                      base + hit.start(), gettext(rule.why),
                                      gettext(rule.suggestion)))
                    found.add(rule.code)
                break
    notes.sort(key=lambda n: (n.start, n.kind != "pitfall"))
    return Feedback(
        moves=[code for code in MOVES if code in found],
        pitfalls=[code for code in PITFALLS if code in found],
        notes=notes,
    )


__all__ = ["MOVES", "PITFALLS", "Feedback", "Note", "analyse", "rules_for", "rules_language"]
