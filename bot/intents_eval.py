"""Measure the intent classifier on a labelled TSV: `python -m bot.intents_eval [path]`.

Prints accuracy per intent, the misclassified texts and the overall figure (rules and kNN only,
no LLM), and exits 1 when overall accuracy is below the bar, so CI can gate on it.
"""
from __future__ import annotations

import sys
import time
from pathlib import Path

from bot.intents import evaluate

DEFAULT_PATH = Path(__file__).resolve().parents[1] / "tests" / "data" / "intent_eval.tsv"
REQUIRED_ACCURACY = 0.95


def format_report(result: dict) -> str:
    """Render an `evaluate` result as a plain-text table."""
    lines = [f"{'intent':<11} {'n':>4} {'correct':>7} {'accuracy':>8}"]
    for intent, stats in result["per_intent"].items():
        n, correct, accuracy = stats["n"], stats["correct"], stats["accuracy"]
        lines.append(f"{intent:<11} {n:>4} {correct:>7} {accuracy:>8.1%}")
    if result["errors"]:
        lines.append("\nmisclassified (expected -> got):")
        lines += [f"  {expected} -> {got}: {text}" for text, expected, got in result["errors"]]
    total = sum(stats["n"] for stats in result["per_intent"].values())
    lines.append(f"\noverall {result['overall']:.1%} of {total} messages")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    """Evaluate the file named in argv (or the shipped set); return the process exit code."""
    args = sys.argv[1:] if argv is None else argv
    path = Path(args[0]) if args else DEFAULT_PATH
    started = time.perf_counter()
    result = evaluate(path)
    elapsed = time.perf_counter() - started
    print(format_report(result))
    print(f"took {elapsed:.1f} s (includes building the phrase index)")
    if result["overall"] < REQUIRED_ACCURACY:
        print(f"FAIL: below the required {REQUIRED_ACCURACY:.0%}")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
