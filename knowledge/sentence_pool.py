"""Choose an answer's sentences from several passages at once, not from the best passage alone.

The fact a parent needs often sits in the second or third passage found, or in a sentence of the
first that a one-passage answer cut. Every sentence of the passages close to the best is scored
against the question (by `knowledge.answers`, with the same lifts), a passage further down the
ranking counts a little less, and the best sentences that fit the channel are packed: no sentence
said twice in other words, a sentence leaning on the one before it ("It can contain...") comes
with that one, and the answer reads passage by passage, each in its own order.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Callable

import numpy as np

EARLIER_FIRST = 0.005  # of two about equally relevant sentences, the earlier one is picked first
LATER_PASSAGE = 0.03  # each place further down the ranking costs a sentence this much
SAME_SAYING = 0.82  # two sentences this close in meaning say the same thing: keep one
SAME_WORDS = 0.7  # ...or when this share of the shorter one's words are the other's
STEM = 5
_WORD = re.compile(r"[a-z]{4,}")
_COMMON = frozenset({"your", "they", "them", "their", "with", "that", "this", "from", "have", "when", "what",
                     "also", "more", "about", "child", "baby", "babie", "toddl"})
OTHER_DROP = 0.2  # a runner-up's sentence must come this close to the best sentence: it adds, never strays
# "But also serve them where...", "Also,...": a sentence opening on a link word answers the one before it
_LINKED = re.compile(r"^(But|And|Also|So|However|Instead|Then|Still|Otherwise)\b")
SOURCE_SEPARATOR = 2  # "; " between source names


@dataclass(frozen=True)
class Candidate:
    """One sentence of a pooled passage, with its score against the question and its vector."""

    passage: int  # place of its passage in the pool (0 is the best passage)
    index: int  # place of the sentence in its passage
    text: str
    score: float
    vector: np.ndarray


@dataclass(frozen=True)
class Pooled:
    """A passage's sentences as candidates, and the source it is named by."""

    source: str
    candidates: list[Candidate]


def pool_passage(passage: int, source: str, sentences: list[str], scores: np.ndarray,
                 vectors: np.ndarray) -> Pooled:
    """Make candidates of a passage's sentences; a later passage's count a little less."""
    cost = LATER_PASSAGE * passage
    return Pooled(source, [Candidate(passage, i, text, float(scores[i]) - cost, vectors[i])
                           for i, text in enumerate(sentences)])


def pick_pooled(pool: list[Pooled], budget: int, most: int, drop: float, floor: float,
                leans_back: Callable[[list[str], int], bool]) -> list[Candidate]:
    """The best sentences of the pool that fit `budget` characters (sources of passages other than
    the first included), at most `most`, none far below the best, in reading order."""
    ranked = sorted((c for p in pool for c in p.candidates),
                    key=lambda c: -(c.score - EARLIER_FIRST * c.index))
    if not ranked:
        return []
    best = ranked[0].score
    chosen: list[Candidate] = []
    used = 0
    for candidate in ranked:
        if candidate in chosen or (chosen and candidate.score < max(best - drop, floor)):
            continue
        if candidate.passage and candidate.score < best - OTHER_DROP:
            continue
        if _said_already(candidate, chosen):
            continue
        unit = _with_lead_in(pool, candidate, chosen, leans_back)
        cost = sum(len(c.text) + 1 for c in unit) + _source_cost(pool, unit, chosen)
        if len(chosen) + len(unit) <= most and used + cost - 1 <= budget:
            chosen.extend(unit)
            used += cost
    return sorted(chosen, key=lambda c: (c.passage, c.index))


def _said_already(candidate: Candidate, chosen: list[Candidate]) -> bool:
    """Say whether a chosen sentence already says this one's thing (two passages often repeat),
    in close meaning or in mostly the same words."""
    return any(float(candidate.vector @ c.vector) >= SAME_SAYING or _same_words(candidate.text, c.text)
               for c in chosen)


def _same_words(one: str, other: str) -> bool:
    """Say whether most words of the shorter sentence are in the other: "serve them where children can
    see them" and "serve vegetables where your child can see them" say one thing."""
    mine, theirs = _stems(one), _stems(other)
    shorter = min(len(mine), len(theirs))
    return shorter > 0 and len(mine & theirs) >= SAME_WORDS * shorter


def _stems(text: str) -> set[str]:
    """The longer words of a sentence, cut to their first letters: children ~ child."""
    return {w[:STEM] for w in _WORD.findall(text.lower())} - _COMMON


def _with_lead_in(pool: list[Pooled], candidate: Candidate, chosen: list[Candidate],
                  leans_back: Callable[[list[str], int], bool]) -> list[Candidate]:
    """The candidate, with the sentence before it when it leans on that one and it is not chosen yet."""
    own = pool[candidate.passage].candidates
    texts = [c.text for c in own]
    picked = [c.index for c in chosen if c.passage == candidate.passage]
    leans = leans_back(texts, candidate.index) or bool(_LINKED.match(candidate.text))
    if candidate.index > 0 and candidate.index - 1 not in picked and leans:
        return [own[candidate.index - 1], candidate]
    return [candidate]


def _source_cost(pool: list[Pooled], unit: list[Candidate], chosen: list[Candidate]) -> int:
    """Characters a new source name adds to the source line (the best passage's is budgeted already)."""
    named = {pool[c.passage].source for c in chosen} | {pool[0].source}
    source = pool[unit[-1].passage].source
    return 0 if source in named else len(source) + SOURCE_SEPARATOR
