"""Precision and recall of the analyzer against a labelled set of replies (bench and tests).

One set per language: English in tests/data/ (tuning and held-out files), Spanish and French in
tests/training/data/ (one file each, the held-out part after a `# held out` line)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from peersupport.listening import MOVES, PITFALLS, analyse

TARGETS = {"pitfall_precision": 0.9, "pitfall_recall": 0.8, "move_precision": 0.85}


@dataclass(frozen=True)
class Labelled:
    line: int
    text: str
    codes: frozenset[str]


@dataclass
class Score:
    code: str
    true_positive: int = 0
    false_positive: int = 0
    false_negative: int = 0

    @property
    def precision(self) -> float:
        found = self.true_positive + self.false_positive
        return self.true_positive / found if found else 1.0

    @property
    def recall(self) -> float:
        labelled = self.true_positive + self.false_negative
        return self.true_positive / labelled if labelled else 1.0


def read_labelled(path: Path) -> list[Labelled]:
    """`codes | reply` per line; `#` comments and blank lines skipped; `-` means no code."""
    items = []
    for number, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not raw.strip() or raw.lstrip().startswith("#"):
            continue
        labels, sep, text = raw.partition(" | ")
        if not sep or not text.strip():
            raise ValueError(f"{path.name}:{number}: expected 'codes | reply'")
        codes = frozenset(c.strip() for c in labels.split(",") if c.strip() not in ("", "-"))
        unknown = codes - set(MOVES + PITFALLS)
        if unknown:
            raise ValueError(f"{path.name}:{number}: unknown code(s) {sorted(unknown)}")
        items.append(Labelled(number, text.strip(), codes))
    return items


HELD_OUT_MARK = "# held out"


def read_labelled_parts(path: Path) -> tuple[list[Labelled], list[Labelled]]:
    """The replies before and after the file's `# held out...` line (the second part was never
    used to tune the rules)."""
    items = read_labelled(path)
    lines = path.read_text(encoding="utf-8").splitlines()
    mark = next((n for n, line in enumerate(lines, start=1)
                 if line.strip().lower().startswith(HELD_OUT_MARK)), None)
    if mark is None:
        return items, []
    return [i for i in items if i.line < mark], [i for i in items if i.line > mark]


@dataclass
class Evaluation:
    scores: dict[str, Score]
    mistakes: list[tuple[Labelled, frozenset[str]]]

    def pooled(self, codes: tuple[str, ...]) -> Score:
        pooled = Score("all")
        for code in codes:
            score = self.scores[code]
            pooled.true_positive += score.true_positive
            pooled.false_positive += score.false_positive
            pooled.false_negative += score.false_negative
        return pooled

    def failures(self) -> list[str]:
        """The targets not met, per code (empty when all are)."""
        failed = []
        for code in PITFALLS:
            score = self.scores[code]
            if score.precision < TARGETS["pitfall_precision"]:
                failed.append(f"{code} precision {score.precision:.2f}")
            if score.recall < TARGETS["pitfall_recall"]:
                failed.append(f"{code} recall {score.recall:.2f}")
        for code in MOVES:
            score = self.scores[code]
            if score.precision < TARGETS["move_precision"]:
                failed.append(f"{code} precision {score.precision:.2f}")
        return failed


def evaluate(items: list[Labelled], *, language: str = "en") -> Evaluation:
    scores = {code: Score(code) for code in MOVES + PITFALLS}
    mistakes = []
    for item in items:
        feedback = analyse(item.text, language=language)
        found = frozenset(feedback.moves + feedback.pitfalls)
        for code in scores:
            if code in found and code in item.codes:
                scores[code].true_positive += 1
            elif code in found:
                scores[code].false_positive += 1
            elif code in item.codes:
                scores[code].false_negative += 1
        if found != item.codes:
            mistakes.append((item, found))
    return Evaluation(scores, mistakes)
