"""Rank guideline passages for a question in memory: BM25 words plus MiniLM meaning, by age.

The passages and their MiniLM vectors come from the Chroma store (written by `knowledge load`);
this index holds them in numpy and a `bm25s` index, so one search is one query embedding plus a
few array operations. The rank mixes four signals:

- cosine similarity of the asking sentences' vector with the passage's (one embedding per
  question keeps a long message fast; the story around the question reaches the rank through BM25);
- BM25 over the passage's words, topics and id (the story's words count a third);
- the share of the question's (stemmed) words among the passage's topic and id words;
- whether the passage gives the kind of answer asked: an age for "when", an amount for
  "how much", steps for "how", a list for "what";
- what the question is about beyond its words (`knowledge.subjects`): a passage about another
  drink than the one asked for drops, and "is it safe/ok" about a food lifts the passage on
  preparing that food safely (its choking passage).
"""
from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass

import bm25s
import numpy as np

from knowledge.asking import ReadQuestion, sentence_offers, split_message
from knowledge.embeddings import embed_question
from knowledge.guidelines_corpus import Passage
from knowledge.subjects import asks_if_safe, drinks_meant, drinks_named

BM25_WEIGHT = 0.12
BM25_FLOOR = 6.0  # a BM25 score this high counts fully; weaker best matches count less
CONTEXT_BM25_SHARE = 0.33
LEXICAL_WEIGHT = 0.15
KIND_WEIGHT = 0.04
KIND_LIFTED = frozenset({"amount", "when", "how", "what"})  # "whether" fits almost any passage
OTHER_DRINK_PENALTY = 0.08  # "how much milk" against a passage about water
SAFE_PREPARATION_WEIGHT = 0.1  # "are hot dogs ok" lifts the passage on cutting hot dogs
ONE_QUESTION_WORDS = 30  # a longer focus is a whole story: the drinks it names are not what is asked
AGE_EDGE_PENALTY = 0.03  # "milk is the main food until 12 months" at exactly 12 months
OPEN_ENDED_MONTHS = 60  # bands ending here or later cover older children too
STORY_SIGN_WEIGHT = 0.1  # "threw up two hours later" in the story lifts the passage on delayed reactions
SHORTLIST = 20
RARE_IDF = 2.0  # a word in fewer than about 1 passage in 7 says what a sentence is about
EMBEDDED_WORDS = 40  # past this many words a query is cut to its opening and its end
EMBEDDED_HEAD = 15  # of which the opening, where an anchored subject sits
THIN_FOCUS = 22.0  # rare-word weight below which the asking sentences name no subject of their own
ANCHOR_WEIGHT = 12.0  # a story sentence telling less than this names no subject either
STEM = 6  # letters kept: constipated ~ constipation, allergic ~ allergy


@dataclass(frozen=True)
class Ranked:
    """One ranked passage: its position in the index, the fused rank and the cosine similarity."""

    index: int
    rank: float
    similarity: float


_SUFFIXES = ("ations", "ation", "ings", "ing", "ions", "ion", "ed", "es", "ly", "s", "y", "e")


def stem(word: str) -> str:
    """A light stemmer: choking ~ choke, constipated ~ constipation, gagging ~ gag, allergic ~ allergy."""
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            word = word[: -len(suffix)]
            break
    if len(word) > 3 and word[-1] == word[-2] and word[-1] not in "aeiouls":
        word = word[:-1]
    return word[:STEM]


# A question pointing back at what the story told: "is that rule just for babies?", "is that true?"
# or at a thing the story named: "do i let her eat it all, hide it, throw it out?" is about the candy
_POINTS_BACK = re.compile(r"\b(that|this|the|your|their) (rule|advice|guidance|claim|recommendation)s?\b|"
                          r"\b(is|was) (that|this|it) (true|right|a myth)\b|"
                          r"\b(eat|eats|give|giving|let|hide|throw|toss|offer|keep|stop|ban|limit|ration) (it|them)\b",
                          re.I)
_ASIDE = re.compile(r"^\s*\(.*\)\W*$")
_AGE = re.compile(r"\b(\d{1,2})\s*-?\s*(?:(months?|mos?|mths?|m/o)|(years?|yrs?|yo|y/o))\b", re.I)
# Words whose stem is another word's: "his gums" are not chewing gum, "watery poo" is not water. Each is
# spelled apart on both sides (passages and questions), so BM25 and topic words keep them apart.
_SENSES: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"\bgums\b", re.I), "gumline"),
    (re.compile(r"\bwatery\b", re.I), "wateriness"),
)


def embedded_part(query: str) -> str:
    """The words of a long query that are embedded: its opening (the subject) and its end (the question).

    Embedding time grows with length; past EMBEDDED_WORDS the middle of a story adds little meaning."""
    words = query.split()
    if len(words) <= EMBEDDED_WORDS:
        return query
    return " ".join(words[:EMBEDDED_HEAD] + words[-(EMBEDDED_WORDS - EMBEDDED_HEAD):])


def age_words(words: set[str]) -> set[str]:
    """The age words ('10mo', '2yr') among stemmed words."""
    return {w for w in words if w[:1].isdigit()}


def stems(text: str) -> list[str]:
    """Content words, stemmed, for BM25 on both sides; '10 mo' and '10 months' become one word."""
    from knowledge.guideline_store import content_words

    text = _AGE.sub(lambda m: f" {m.group(1)}{'mo' if m.group(2) else 'yr'} ", text)
    for pattern, word in _SENSES:
        text = pattern.sub(word, text)
    return [stem(word) for word in content_words(text)]


def passage_offers(passage: Passage) -> frozenset[str]:
    """Every kind of answer some sentence of the passage gives."""
    from knowledge.answers import split_sentences

    kinds: set[str] = set()
    for sentence in split_sentences(passage.text):
        kinds |= sentence_offers(sentence)
    return frozenset(kinds)


# Words a safety question shares with every choking passage, which say nothing about the food.
_SAFETY_STEMS = frozenset(stem(w) for w in ("choking", "choke", "safe", "safety", "cutting", "cut", "hazard",
                                               "food", "toddler", "under", "how", "serve", "prevention"))


class PassageIndex:
    """Passages, their vectors and a BM25 index, searched together."""

    def __init__(self, passages: list[Passage], vectors: np.ndarray) -> None:
        self.passages = passages
        self._vectors = np.asarray(vectors, dtype=np.float32)
        self._min = np.array([p.min_months for p in passages])
        self._max = np.array([p.max_months for p in passages])
        self._offers = [passage_offers(p) for p in passages]
        self._labels = [set(stems(self._label(p))) for p in passages]
        self._subjects = set().union(*self._labels) - age_words(set().union(*self._labels)) if passages else set()
        self._drinks = [drinks_named(self._label(p)) for p in passages]
        self._choking = [any("choking" in topic for topic in p.topics) for p in passages]
        documents = [self._document(p) for p in passages]
        seen_in = Counter(word for document in documents for word in set(document))
        self._idf = {word: math.log(len(passages) / count) for word, count in seen_in.items()}
        self._bm25 = bm25s.BM25()
        self._bm25.index(documents or [["empty"]], show_progress=False)

    @staticmethod
    def _label(passage: Passage) -> str:
        """The words that name a passage's subject: its id and topics."""
        return f"{passage.id.replace('-', ' ')} {', '.join(passage.topics)}"

    def _document(self, passage: Passage) -> list[str]:
        """The words BM25 sees: id and topics twice (they name the subject), then the text."""
        return stems(self._label(passage)) * 2 + stems(passage.text)

    def subject_weight(self, text: str) -> float:
        """How much a text says what it is about: the summed rarity of its rarer words."""
        return sum(idf for word in set(stems(text)) if (idf := self._idf.get(word, 0.0)) > RARE_IDF)

    def _asks_of_a_subject(self, read: ReadQuestion) -> bool:
        """'How much milk should he have?', 'when should we give peanut?': an amount or an age asked of
        something the guidelines are about is a whole question, however common its words."""
        return bool(read.kinds) and read.kinds[0] in ("amount", "when") \
            and bool(set(stems(read.focus)) & self._subjects)

    def anchored(self, read: ReadQuestion) -> ReadQuestion:
        """Bring the story's subject sentence into a focus that names none of its own.

        "Did I mess up? Should we stop until I do it properly?" is about the sentence on sesame
        three lines up, not the one just before it: the context sentence with the most telling
        words joins the focus, ahead of it, as parents tell the subject first.
        A question pointing back ("is that rule just for tiny babies?") is anchored the same way
        when a story sentence tells more than the question does.
        """
        if not read.context or read.signs.replace("eczema", "").strip():
            return read  # hives or vomiting told in the story already steer the ranking (STORY_SIGN_WEIGHT)
        own = self.subject_weight(read.focus)
        points_back = bool(_POINTS_BACK.search(read.focus))
        if not points_back and (own >= THIN_FOCUS or self._asks_of_a_subject(read)):
            return read
        sentences = split_message(read.context)
        # an aside in brackets ("(pls not those amber necklaces)") is not what the story is about
        weights = [0.0 if _ASIDE.match(sentence) else self.subject_weight(sentence) for sentence in sentences]
        best = max(range(len(sentences)), key=weights.__getitem__, default=None)
        # "is that rule just for tiny babies?" names words of its own, yet the rule is the story's subject:
        # a story sentence telling more than the question itself anchors it
        needed = ANCHOR_WEIGHT if own < THIN_FOCUS else own
        if best is None or weights[best] < needed:
            return read
        rest = " ".join(s for i, s in enumerate(sentences) if i != best)
        return ReadQuestion(f"{sentences[best]} {read.focus}", rest, read.kinds)

    def __len__(self) -> int:
        return len(self.passages)

    def rank(self, read: ReadQuestion, age_months: int | None, k: int, fuse: bool = True) -> list[Ranked]:
        """Return the k best passages for this question that apply at this age."""
        if not self.passages:
            return []
        allowed = np.ones(len(self.passages), dtype=bool)
        if age_months is not None:
            allowed = (self._min <= age_months) & (age_months <= self._max)
        if not allowed.any():
            return []
        similarity = np.clip(self._vectors @ embed_question(embedded_part(read.query)), 0.0, 1.0)
        rank = similarity.copy()
        if fuse:
            rank += BM25_WEIGHT * self._bm25_scores(read)
        if age_months is not None:  # a band ending at this age gives way to the one starting at it
            rank[(self._max == age_months) & (self._max < OPEN_ENDED_MONTHS)] -= AGE_EDGE_PENALTY
        rank[~allowed] = -np.inf
        order = [int(i) for i in np.argsort(-rank)[:SHORTLIST] if allowed[i]]
        if fuse:
            order = self._rerank(read, order, rank, age_months)
        return [Ranked(i, float(rank[i]), float(similarity[i])) for i in order[:k]]

    def _bm25_scores(self, read: ReadQuestion) -> np.ndarray:
        """BM25 of the asking words plus a third of the story's, scaled to about 0..1."""
        scores = np.zeros(len(self.passages), dtype=np.float32)
        focus = stems(read.query)
        if focus:
            scores += self._bm25.get_scores(focus)
        context = [w for w in stems(read.context) if w not in focus]
        if context:
            scores += CONTEXT_BM25_SHARE * self._bm25.get_scores(context)
        return scores / max(float(scores.max()), BM25_FLOOR)

    def _rerank(self, read: ReadQuestion, order: list[int], rank: np.ndarray, age_months: int | None) -> list[int]:
        """Lift shortlisted passages that share topic words or give the kind of answer asked, and
        weigh what the question is about: the drink it names, or whether a food is safe."""
        words = set(stems(read.query) or stems(read.whole))
        lead = read.kinds[0] if read.kinds else None
        asked = read.focus if len(read.focus.split()) <= ONE_QUESTION_WORDS else ""  # not a whole story
        drinks = drinks_meant(drinks_named(asked), age_months)
        safety = asks_if_safe(asked)
        signs = set(stems(read.signs))
        for i in order:
            shared = words & self._labels[i]
            if words and shared - age_words(shared):  # an age alone ('8 month old') names no subject
                rank[i] += LEXICAL_WEIGHT * len(shared) / len(words)
            if lead in KIND_LIFTED and lead in self._offers[i]:
                rank[i] += KIND_WEIGHT
            if drinks and self._drinks[i] and not self._drinks[i] & drinks:
                rank[i] -= OTHER_DRINK_PENALTY
            if safety and self._choking[i] and (words & self._labels[i]) - _SAFETY_STEMS:
                rank[i] += SAFE_PREPARATION_WEIGHT
            if signs & self._labels[i]:
                rank[i] += STORY_SIGN_WEIGHT
        return sorted(order, key=lambda i: -rank[i])
