"""Could MiniLM embeddings be a second net behind the emergency rules? Thresholds against look-alikes.

Run: .venv/bin/python -m tests.bench.emergency_semantic
Prototypes are the emergencies (and, for the margin, the calm cases) of tests/data/safety_cases.jsonl.
A message "fires" when its nearest emergency prototype is at least THRESHOLD similar and beats its
nearest calm prototype by MARGIN. Printed per setting: the blind sets' emergencies it would catch,
their look-alikes and flag cases it would alarm on, and the ordinary questions and intents it would
alarm on. The rules already answer every emergency of both blind sets, so a net is worth adding only
where it alarms on nothing.
"""
from __future__ import annotations

import json
from pathlib import Path

import numpy as np

DATA = Path(__file__).parents[1] / "data"
BLIND = ("blind/set1/safety_blind.jsonl", "blind/set2/safety_blind.jsonl")
ORDINARY = ("qa_dev.jsonl", "qa_dev2.jsonl", "qa_heldout.jsonl", "qa_heldout2.jsonl", "qa_heldout3.jsonl",
            "blind/set1/questions_blind.jsonl", "blind/set2/questions_blind.jsonl")
INTENTS = ("intents_dev.tsv", "intents_test.tsv", "intents_train.tsv")


def _rows(name: str) -> list[dict]:
    return [json.loads(line) for line in (DATA / name).read_text(encoding="utf-8").splitlines() if line.strip()]


def _ordinary() -> list[str]:
    texts = [r.get("question") or r.get("text") for name in ORDINARY for r in _rows(name)]
    for name in INTENTS:
        for line in (DATA / name).read_text(encoding="utf-8").splitlines():
            labels, _, text = line.rpartition("\t")
            if text and "emergency" not in labels:
                texts.append(text)
    return texts


def main() -> None:
    from knowledge.embeddings import MiniLM

    model = MiniLM()
    corpus = _rows("safety_cases.jsonl")
    urgent = model.embed([r["text"] for r in corpus if r["expect"]["emergency"]])
    calm = model.embed([r["text"] for r in corpus if not r["expect"]["emergency"]])
    blind = [r for name in BLIND for r in _rows(name)]
    is_urgent = np.array([bool(r["expect"]["emergency"]) for r in blind])

    def nearest(texts: list[str]) -> tuple[np.ndarray, np.ndarray]:
        vectors = model.embed(texts)
        return (vectors @ urgent.T).max(1), (vectors @ calm.T).max(1)

    blind_u, blind_c = nearest([r["text"] for r in blind])
    ordinary = _ordinary()
    other_u, other_c = nearest(ordinary)
    print(f"{is_urgent.sum()} blind emergencies, {(~is_urgent).sum()} blind calm cases, {len(ordinary)} ordinary messages")
    for threshold in (0.6, 0.65, 0.7, 0.75, 0.8, 0.85):
        for margin in (0.0, 0.05, 0.1):
            fires = (blind_u >= threshold) & (blind_u - blind_c >= margin)
            others = (other_u >= threshold) & (other_u - other_c >= margin)
            print(f"threshold {threshold:.2f} margin {margin:.2f}: emergencies caught {fires[is_urgent].sum()}, "
                  f"calm alarmed {fires[~is_urgent].sum()}, ordinary alarmed {others.sum()}")


if __name__ == "__main__":
    main()
