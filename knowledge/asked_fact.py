"""Make a short answer carry the kind of fact a "when" or "how much" question asks for.

Two SMS segments hold two or three sentences. When the ones chosen for being closest to the question
give no age (for "when") or no amount (for "how much") and a sentence of the best passage or of a
close runner-up does, that sentence takes the place of the weakest chosen one: "how much fish?"
wants "about 1 ounce per serving", not "babies under 1 can have small amounts".
"""
from __future__ import annotations

from knowledge.asking import sentence_offers
from knowledge.sentence_pool import Candidate, Pooled

FACT_KINDS = ("when", "amount")  # the kinds a sentence shows by a number or an age
SOURCE_SEPARATOR = 2  # "; " between source names


def keep_asked_fact(chosen: list[str], sources: list[str], pool: list[Pooled], kind: str, budget: int,
                    floor: float, leans_back) -> tuple[list[str], list[str]]:
    """The chosen sentences and sources, with a sentence giving `kind` swapped in when none does.

    `pool` holds the best passage's scored sentences first, then the close runners-up's; a sentence
    scoring below `floor` is not about the question and is never brought in; nor is one that leans on
    the sentence before it ("It can..."), which would read out of context.
    """
    if kind not in FACT_KINDS or not chosen or any(kind in sentence_offers(s) for s in chosen):
        return chosen, sources
    fact = _best_giving(pool, kind, chosen, floor, leans_back)
    if fact is None:
        return chosen, sources
    source = pool[fact.passage].source
    extra = 0 if source in sources else len(source) + SOURCE_SEPARATOR
    scores = {c.text: c.score for c in pool[0].candidates}
    kept = list(chosen)
    # drop the weakest chosen sentences (never the best, the first chosen by score) until the fact fits
    while kept and len(" ".join(kept + [fact.text])) + extra > budget:
        if len(kept) == 1:
            return chosen, sources
        weakest = min(kept[1:] if _first_best(kept, scores) else kept[:-1], key=lambda s: scores.get(s, 0.0))
        kept.remove(weakest)
    if fact.passage == 0:  # the passage's own sentence goes in its reading order
        order = {c.text: c.index for c in pool[0].candidates}
        kept = sorted(kept + [fact.text], key=lambda s: order.get(s, len(order)))
    else:
        kept = kept + [fact.text]
    return kept, sources + ([source] if extra else [])


def _first_best(kept: list[str], scores: dict[str, float]) -> bool:
    """Say whether the first kept sentence is the best scored one (then it stays)."""
    return scores.get(kept[0], 0.0) >= max(scores.get(s, 0.0) for s in kept)


def _best_giving(pool: list[Pooled], kind: str, chosen: list[str], floor: float, leans_back) -> Candidate | None:
    """The best scored sentence of the pool that gives `kind`, not chosen already, above `floor`."""
    found = []
    for pooled in pool:
        texts = [c.text for c in pooled.candidates]
        found += [c for c in pooled.candidates if c.text not in chosen and c.score >= floor
                  and kind in sentence_offers(c.text) and not leans_back(texts, c.index)]
    return max(found, key=lambda c: c.score, default=None)
