"""Listening analyzer benchmark: precision and recall per code on the labelled replies.

    .venv/bin/python bench/listening.py [--data FILE ...] [--mistakes]

By default it scores two labelled sets: the one the rules were tuned on (listening_replies.txt)
and a held-out one written afterwards and never used for tuning (listening_replies_holdout.txt),
then both together. Needs no database. Targets (from issue 15): pitfalls precision >= 0.90
and recall >= 0.80, moves precision >= 0.85. Exits 1 when a target is missed.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
DEFAULT_DATA = [ROOT / "tests" / "data" / "listening_replies.txt",
                ROOT / "tests" / "data" / "listening_replies_holdout.txt"]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, action="append",
                        help="a labelled file (repeatable); default: the tuned and held-out sets")
    parser.add_argument("--mistakes", action="store_true",
                        help="also list every reply whose codes differ from its labels")
    args = parser.parse_args()
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "peersupport.settings")
    import django

    django.setup()
    from peersupport.listening import MOVES, PITFALLS
    from peersupport.listening.evaluation import TARGETS, evaluate, read_labelled

    paths = [p.resolve() for p in (args.data or DEFAULT_DATA)]
    sets = [(p.name, read_labelled(p)) for p in paths]
    if len(sets) > 1:
        sets.append(("all of the above", [item for _, items in sets for item in items]))
    for name, items in sets:
        result = evaluate(items)
        print(f"\n{name}: {len(items)} labelled replies")
        print(f"{'code':<18} {'kind':<8} {'labelled':>8} {'found':>6} {'precision':>9} "
              f"{'recall':>7}")
        for kind, codes in (("pitfall", PITFALLS), ("move", MOVES)):
            for code in codes:
                s = result.scores[code]
                print(f"{code:<18} {kind:<8} {s.true_positive + s.false_negative:>8} "
                      f"{s.true_positive + s.false_positive:>6} {s.precision:>9.2f} "
                      f"{s.recall:>7.2f}")
            pooled = result.pooled(codes)
            print(f"{'(all ' + kind + 's)':<18} {'':<8} "
                  f"{pooled.true_positive + pooled.false_negative:>8} "
                  f"{pooled.true_positive + pooled.false_positive:>6} "
                  f"{pooled.precision:>9.2f} {pooled.recall:>7.2f}")
        if args.mistakes:
            for item, found in result.mistakes:
                print(f"  line {item.line}: labelled {sorted(item.codes)} found "
                      f"{sorted(found)}: {item.text}")
    print(f"\ntargets: pitfalls precision >= {TARGETS['pitfall_precision']}, recall >= "
          f"{TARGETS['pitfall_recall']}; moves precision >= {TARGETS['move_precision']} "
          "(checked on the last set above)")
    failures = result.failures()
    print("all targets met" if not failures else "MISSED: " + "; ".join(failures))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
