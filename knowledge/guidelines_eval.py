"""Measure guideline retrieval on the labelled questions: hit rates and warm latency.

    python -m knowledge.guidelines_eval [--k 3] [--folder DIR] [--questions FILE] [--no-rerank]

Loads the corpus into a throwaway local store, asks every labelled question with its age, and
prints the top-k and top-1 hit rates and the warm search latency. Exits 1 below a 0.90 top-k rate.
"""
from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

from knowledge.guideline_store import GuidelineStore, open_client, sync_passages
from knowledge.guidelines_corpus import DEFAULT_FOLDER, load_passages

DEFAULT_QUESTIONS = Path(__file__).resolve().parent.parent / "tests" / "data" / "guideline_questions.tsv"
TARGET_HIT_RATE = 0.90


@dataclass(frozen=True)
class LabelledQuestion:
    """A parent's question, the child's age, and the passages that answer it."""

    question: str
    age_months: int | None
    expected: frozenset[str]


@dataclass
class EvalResult:
    """Hit rates over the labelled set, warm latency, and the questions missed."""

    k: int
    total: int
    top_k_hits: int
    top_1_hits: int
    latencies_ms: list[float]
    misses: list[tuple[LabelledQuestion, list[str]]] = field(default_factory=list)

    @property
    def hit_rate(self) -> float:
        return self.top_k_hits / self.total if self.total else 0.0

    @property
    def top_1_rate(self) -> float:
        return self.top_1_hits / self.total if self.total else 0.0

    def percentile_ms(self, pct: float) -> float:
        """Return the pct-th percentile of the warm latencies (nearest rank)."""
        ordered = sorted(self.latencies_ms)
        return ordered[min(len(ordered) - 1, max(0, round(pct / 100 * len(ordered)) - 1))]


def read_questions(path: str | Path) -> list[LabelledQuestion]:
    """Read `question<TAB>age_months<TAB>id,id` rows; skip blanks, '#' lines and a header."""
    questions = []
    for number, line in enumerate(Path(path).read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        parts = line.split("\t")
        if len(parts) != 3:
            raise ValueError(f"{path}:{number}: expected 3 tab-separated columns, got {len(parts)}")
        question, age, ids = (part.strip() for part in parts)
        if number == 1 and not age.isdigit() and age.lower() not in ("", "none"):
            continue  # header row
        expected = frozenset(i.strip() for i in ids.split(",") if i.strip())
        if not question or not expected:
            raise ValueError(f"{path}:{number}: needs a question and at least one passage id")
        age_months = int(age) if age.isdigit() else None
        questions.append(LabelledQuestion(question, age_months, expected))
    return questions


def evaluate(store: GuidelineStore, questions: list[LabelledQuestion], k: int = 3) -> EvalResult:
    """Ask every question once after a warm-up query; count hits and time each search."""
    if questions:
        store.search(questions[0].question, questions[0].age_months, k)
    result = EvalResult(k=k, total=len(questions), top_k_hits=0, top_1_hits=0, latencies_ms=[])
    for item in questions:
        started = time.perf_counter()
        hits = store.search(item.question, item.age_months, k)
        result.latencies_ms.append((time.perf_counter() - started) * 1000)
        ids = [hit.id for hit in hits]
        if item.expected & set(ids):
            result.top_k_hits += 1
        else:
            result.misses.append((item, ids))
        if ids and ids[0] in item.expected:
            result.top_1_hits += 1
    return result


def run(folder: Path, questions_path: Path, k: int, rerank: bool = True) -> EvalResult:
    """Load the corpus into a temporary store and evaluate the labelled questions on it."""
    passages = load_passages(folder)
    questions = read_questions(questions_path)
    unknown = sorted({i for q in questions for i in q.expected} - {p.id for p in passages})
    if unknown:
        raise ValueError(f"{questions_path} names passages not in {folder}: {', '.join(unknown)}")
    with tempfile.TemporaryDirectory(prefix="guidelines-eval-") as tmp:
        client = open_client(tmp, None)
        sync_passages(client, passages)
        return evaluate(GuidelineStore(client, rerank=rerank), questions, k)


def report(result: EvalResult) -> str:
    """Render the figures and the missed questions."""
    lines = [f"questions: {result.total}",
             f"top-{result.k} hit rate: {result.hit_rate:.3f} ({result.top_k_hits}/{result.total})",
             f"top-1 rate: {result.top_1_rate:.3f} ({result.top_1_hits}/{result.total})"]
    if result.latencies_ms:
        lines.append(f"warm search p50: {statistics.median(result.latencies_ms):.1f} ms, "
                     f"p95: {result.percentile_ms(95):.1f} ms")
    for item, ids in result.misses:
        lines.append(f"MISS [{item.age_months}] {item.question!r}: want {sorted(item.expected)}, got {ids}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    """Run the evaluation from the command line."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--k", type=int, default=3)
    parser.add_argument("--folder", type=Path, default=DEFAULT_FOLDER)
    parser.add_argument("--questions", type=Path, default=DEFAULT_QUESTIONS)
    parser.add_argument("--no-rerank", action="store_true", help="rank by vector similarity only")
    args = parser.parse_args(argv)
    result = run(args.folder, args.questions, args.k, rerank=not args.no_rerank)
    print(report(result))
    return 0 if result.hit_rate >= TARGET_HIT_RATE else 1


if __name__ == "__main__":
    sys.exit(main())
