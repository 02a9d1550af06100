"""Score question answering: does the answer carry the fact that answers the question?

    python -m knowledge.qa_eval FILE [--channel sms|whatsapp|both] [--folder DIR] [--misses N]

FILE holds JSON lines {"question": ..., "age_months": N, "expect_any": ["...", ...]}. Each question
is answered by `knowledge.answering.answer_locally`, the code path the question handler takes
without an LLM, from a throwaway store loaded with the corpus. An answer counts when any
expect_any phrase is contained in it after both are lowercased and stripped of punctuation and
extra spaces. Prints the share answered per channel, warm latency per question, and the misses.
"""
from __future__ import annotations

import argparse
import json
import re
import statistics
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

from knowledge.answering import answer_locally
from knowledge.embeddings import embed_question
from knowledge.guideline_store import GuidelineStore, open_client, sync_passages
from knowledge.guidelines_corpus import DEFAULT_FOLDER, load_passages

_NOT_WORD = re.compile(r"[^a-z0-9]+")
LONG_WORDS = 40  # a "long message" for the latency figure


@dataclass(frozen=True)
class ScoredQuestion:
    """A parent's question, the child's age, and phrases any of which shows the answer is there."""

    question: str
    age_months: int | None
    expect_any: tuple[str, ...]


@dataclass
class Score:
    """How many answers carried an expected phrase on one channel, and which did not."""

    channel: str
    total: int = 0
    answered: int = 0
    latencies_ms: list[float] = field(default_factory=list)
    misses: list[tuple[ScoredQuestion, str | None]] = field(default_factory=list)

    @property
    def share(self) -> float:
        return self.answered / self.total if self.total else 0.0


def normalise(text: str) -> str:
    """Lowercase, punctuation to spaces, single spaces: '16-24 oz.' -> '16 24 oz'."""
    return " ".join(_NOT_WORD.sub(" ", text.lower().replace("\u2019", "'").replace("'", "")).split())


def carries(answer: str | None, expect_any: tuple[str, ...]) -> bool:
    """Say whether the answer contains any expected phrase, normalised."""
    if not answer:
        return False
    said = f" {normalise(answer)} "
    return any(f" {normalise(phrase)} " in said for phrase in expect_any if normalise(phrase))


def read_scored(path: str | Path) -> list[ScoredQuestion]:
    """Read the JSON lines; blank lines and lines starting with '#' or '//' are skipped."""
    items = []
    for number, line in enumerate(Path(path).read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.lstrip().startswith(("#", "//")):
            continue
        row = json.loads(line)
        expect = tuple(str(p) for p in row.get("expect_any") or ())
        if not row.get("question") or not expect:
            raise ValueError(f"{path}:{number}: needs a question and a non-empty expect_any")
        age = row.get("age_months")
        items.append(ScoredQuestion(row["question"], int(age) if age is not None else None, expect))
    return items


def score(store: GuidelineStore, items: list[ScoredQuestion], channel: str) -> Score:
    """Answer every question on one channel and count the answers carrying an expected phrase."""
    result = Score(channel)
    for item in items:
        started = time.perf_counter()
        answer = answer_locally(store, item.question, item.age_months, channel=channel)
        result.latencies_ms.append((time.perf_counter() - started) * 1000)
        result.total += 1
        if carries(answer, item.expect_any):
            result.answered += 1
        else:
            result.misses.append((item, answer))
    return result


def retrieval_ms(store: GuidelineStore, items: list[ScoredQuestion]) -> list[float]:
    """Time retrieval alone (question reading, query embedding, BM25 and vectors) per question."""
    embed_question.cache_clear()  # the scoring runs embedded these questions already
    timings = []
    for item in items:
        started = time.perf_counter()
        store.search(item.question, item.age_months, k=3)
        timings.append((time.perf_counter() - started) * 1000)
    return timings


def run(path: Path, folder: Path, channels: list[str]) -> tuple[list[Score], list[float], list[float]]:
    """Load the corpus into a temporary store, warm it up, score each channel and time retrieval.

    Returns the scores and the warm retrieval times of all questions and of the long ones.
    """
    items = read_scored(path)
    with tempfile.TemporaryDirectory(prefix="qa-eval-") as tmp:
        client = open_client(tmp, None)
        sync_passages(client, load_passages(folder))
        store = GuidelineStore(client)
        if items:
            answer_locally(store, items[0].question, items[0].age_months)  # load model and index
        scores = [score(store, items, channel) for channel in channels]
        long = [item for item in items if len(item.question.split()) > LONG_WORDS]
        return scores, retrieval_ms(store, items), retrieval_ms(store, long)


def _p50_p95(timings: list[float]) -> str:
    """'p50 X ms, p95 Y ms' by nearest rank."""
    ordered = sorted(timings) or [0.0]
    p95 = ordered[min(len(ordered) - 1, max(0, round(0.95 * len(ordered)) - 1))]
    return f"p50 {statistics.median(ordered):.1f} ms, p95 {p95:.1f} ms"


def report(scores: list[Score], retrieval: list[float], long: list[float], show_misses: int) -> str:
    """Render the shares, latencies and (some of) the misses of the first channel."""
    lines = [f"{r.channel}: answered {r.share:.1%} ({r.answered}/{r.total}); "
             f"whole answer {_p50_p95(r.latencies_ms)}" for r in scores]
    lines.append(f"retrieval, warm: all {len(retrieval)} questions {_p50_p95(retrieval)}; "
                 f"{len(long)} over {LONG_WORDS} words {_p50_p95(long)}")
    for item, answer in scores[0].misses[:show_misses] if scores else []:
        said = (answer or "(no answer)").replace("\n", " | ")
        lines.append(f"MISS [{item.age_months}] {item.question!r}\n  want any of {list(item.expect_any)}\n  got  {said}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    """Run the evaluation from the command line; exit 1 below 90% on the first channel."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("file", type=Path)
    parser.add_argument("--channel", choices=["sms", "whatsapp", "both"], default="both")
    parser.add_argument("--folder", type=Path, default=DEFAULT_FOLDER)
    parser.add_argument("--misses", type=int, default=1000, help="how many misses to print")
    args = parser.parse_args(argv)
    channels = ["sms", "whatsapp"] if args.channel == "both" else [args.channel]
    scores, retrieval, long = run(args.file, args.folder, channels)
    print(report(scores, retrieval, long, args.misses))
    return 0 if scores and scores[0].share >= 0.90 else 1


if __name__ == "__main__":
    sys.exit(main())
