"""Score the intent classifier on a labelled TSV: `python -m bot.intents_eval FILE [--errors]`.

The file holds `labels<TAB>text` lines, labels comma-separated with the main intent first. Prints
overall accuracy (a message counts when the predicted SET of intents equals the labelled set),
main-intent accuracy, per-intent precision and recall (over intents present in either set), the
main-intent confusion matrix and, with --errors, every miss. Rules and the model only, no LLM.
Exits 1 when exact-set accuracy is below the bar, so CI can gate on it.
"""
from __future__ import annotations

import argparse
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

from bot.intents import INTENTS, classify, load_corpus

DEFAULT_PATH = Path(__file__).resolve().parents[1] / "tests" / "data" / "intents_test.tsv"
REQUIRED_ACCURACY = 0.90


@dataclass
class Scores:
    """Counts gathered over one labelled file."""

    total: int = 0
    exact: int = 0
    main: int = 0
    true_pos: dict[str, int] = field(default_factory=lambda: dict.fromkeys(INTENTS, 0))
    predicted: dict[str, int] = field(default_factory=lambda: dict.fromkeys(INTENTS, 0))
    labelled: dict[str, int] = field(default_factory=lambda: dict.fromkeys(INTENTS, 0))
    confusion: dict[tuple[str, str], int] = field(default_factory=dict)  # (labelled, predicted) main
    errors: list[tuple[str, tuple[str, ...], tuple[str, ...]]] = field(default_factory=list)

    @property
    def accuracy(self) -> float:
        return self.exact / self.total if self.total else 0.0

    @property
    def main_accuracy(self) -> float:
        return self.main / self.total if self.total else 0.0

    def precision(self, intent: str) -> float:
        return self.true_pos[intent] / self.predicted[intent] if self.predicted[intent] else 0.0

    def recall(self, intent: str) -> float:
        return self.true_pos[intent] / self.labelled[intent] if self.labelled[intent] else 0.0


def evaluate(path: str | Path) -> Scores:
    """Classify each labelled line in `path` (no LLM) and count hits."""
    scores = Scores()
    for expected, text in load_corpus(path):
        got = classify(text).intents
        scores.total += 1
        scores.exact += set(got) == set(expected)
        scores.main += got[0] == expected[0]
        key = (expected[0], got[0])
        scores.confusion[key] = scores.confusion.get(key, 0) + 1
        for intent in set(got):
            scores.predicted[intent] += 1
            scores.true_pos[intent] += intent in expected
        for intent in set(expected):
            scores.labelled[intent] += 1
        if set(got) != set(expected) or got[0] != expected[0]:
            scores.errors.append((text, expected, got))
    return scores


def format_report(scores: Scores, show_errors: bool = False) -> str:
    """Render scores as plain-text tables."""
    lines = [f"{'intent':<10} {'labelled':>8} {'predicted':>9} {'precision':>9} {'recall':>7}"]
    for intent in INTENTS:
        lines.append(f"{intent:<10} {scores.labelled[intent]:>8} {scores.predicted[intent]:>9} "
                     f"{scores.precision(intent):>9.1%} {scores.recall(intent):>7.1%}")
    short = [i[:5] for i in INTENTS]
    lines += ["", "main-intent confusion (rows labelled, columns predicted)",
              f"{'':<10} " + " ".join(f"{s:>5}" for s in short)]
    for row in INTENTS:
        cells = [scores.confusion.get((row, col), 0) for col in INTENTS]
        lines.append(f"{row:<10} " + " ".join(f"{c or '.':>5}" for c in cells))
    if show_errors and scores.errors:
        lines.append("\nmisses (labelled -> predicted):")
        lines += [f"  {','.join(e)} -> {','.join(g)}: {t}" for t, e, g in scores.errors]
    lines.append(f"\nexact-set accuracy {scores.accuracy:.1%} ({scores.exact}/{scores.total}); "
                 f"main-intent accuracy {scores.main_accuracy:.1%} ({scores.main}/{scores.total})")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    """Evaluate the file named in argv (or the test split); return the process exit code."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("path", nargs="?", type=Path, default=DEFAULT_PATH)
    parser.add_argument("--errors", action="store_true", help="list every misclassified message")
    args = parser.parse_args(argv)
    started = time.perf_counter()
    scores = evaluate(args.path)
    elapsed = time.perf_counter() - started
    print(format_report(scores, args.errors))
    print(f"took {elapsed:.1f} s for {scores.total} messages (includes loading the model)")
    if scores.accuracy < REQUIRED_ACCURACY:
        print(f"FAIL: below the required {REQUIRED_ACCURACY:.0%}")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
