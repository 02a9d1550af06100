"""Score a passage's sentences against a question, with the lifts for what the parent asked.

Similarity alone picks the sentence closest in words; these lifts prefer the one that answers: the
kind of answer asked (an age for "when", an amount for "how much"), the words the asking sentence
names, the reason after a "do not", the "call your pediatrician" line when signs are reported, the
safe way to serve a choking food, and an allergy warning. Used for one-passage and pooled answers alike.
"""
from __future__ import annotations

import re

import numpy as np

from knowledge.asking import sentence_offers, topic_words
from knowledge.guideline_store import Hit, content_words
from knowledge.subjects import asks_if_safe, reports_signs

KIND_BONUS = 0.15  # lift for a sentence that gives the kind of answer asked
WORD_BONUS = 0.05  # lift per word of the asking sentence a passage sentence names (two at most)
STORY_WORD_BONUS = 0.02  # lift per word of the story around the question a sentence names (two at most)
STEM = 5  # letters compared when looking for a shared word: swelling ~ swells, pureeing ~ puree
# a sentence opening so leans on the one before it
_ANAPHORA = re.compile(r"^(?:They|Them|These|This|That|Those|It|Its|Such|Both|For them|For these)\b")
# Words any question and passage may share without being about the same thing.
GENERIC_STEMS = frozenset(w[:STEM] for w in (
    "start", "starting", "best", "good", "give", "need", "time", "first", "right", "thing", "help",
    "better", "normal", "usually", "every", "older", "young", "little", "seat", "sit"))


def scored_sentences(question: str, sentences: list[str], sims: np.ndarray, hit: Hit, kinds: tuple[str, ...],
                      allergies: list[str], asked: str | None, story: str | None) -> np.ndarray:
    """Each sentence's score against the question, with the lifts for what the question asks."""
    named = _asked_words_first(sentences, sims, asked or question)  # before the kind lift, which outranks it
    named = _story_words_lift(sentences, named, story, question) if story else named
    named = _reason_kept(sentences, named, kinds)
    preferred = _call_advice_kept(sentences, _safe_forms_first(sentences, prefer_kind(sentences, named, kinds), question,
                                                                hit.text), question)
    return _keep_allergy_warnings(sentences, preferred, question, allergies)



def _asked_words_first(sentences: list[str], sims: np.ndarray, asked: str) -> np.ndarray:
    """Lift the sentences that name what the asking sentence names and the rest of the passage does
    not: "Should I be worried about her iron?" wants the passage's one sentence on iron."""
    asked_stems = {w[:STEM] for w in topic_words(asked) if not w[:1].isdigit()} - GENERIC_STEMS
    if not asked_stems or len(sentences) < 2:
        return sims
    named = [asked_stems & {w[:STEM] for w in content_words(sentence)} for sentence in sentences]
    lifted = sims.copy()
    top = float(sims.max()) - 0.001  # come next to the best, neither overtake it nor push others out
    for i, stems in enumerate(named):
        rare = {s for s in stems if sum(s in other for other in named) < len(sentences)}
        if rare:
            lifted[i] = max(lifted[i], min(lifted[i] + WORD_BONUS * min(len(rare), 2), top))
    return lifted


def _story_words_lift(sentences: list[str], sims: np.ndarray, story: str, question: str) -> np.ndarray:
    """Lift a little the sentences naming what the story tells and the question does not: "can she eat
    our dal?" after "I add salt and chilli" wants the sentence on salt, not the one listing dal."""
    told = {w[:STEM] for w in topic_words(story) if not w[:1].isdigit()}
    told -= {w[:STEM] for w in topic_words(question)} | GENERIC_STEMS
    if not told or len(sentences) < 2:
        return sims
    named = [told & {w[:STEM] for w in content_words(sentence)} for sentence in sentences]
    lifted = sims.copy()
    for i, stems in enumerate(named):
        rare = {s for s in stems if sum(s in other for other in named) < len(sentences)}
        lifted[i] += STORY_WORD_BONUS * min(len(rare), 2)
    return lifted


_ALLERGY_WORD = re.compile(r"\ballerg\w*|\bintoleran\w*|\bcmpa\b|\breact(?:ion|ed|s)?\b", re.I)


def _keep_allergy_warnings(sentences: list[str], sims: np.ndarray, question: str, allergies: list[str]) -> np.ndarray:
    """Put first a sentence that speaks of allergy when the parent asks about one or the child has one:
    "goat milk after 12 months" must not reach a child with a milk allergy without "not for cow's milk
    allergy" when the SMS budget cuts the passage short."""
    if not allergies and not _ALLERGY_WORD.search(question):
        return sims
    lifted = sims.copy()
    for i, sentence in enumerate(sentences):
        if _ALLERGY_WORD.search(sentence):
            lifted[i] = max(lifted[i], float(sims.max())) + 0.01
    return lifted


_SAFE_FORM = re.compile(r"\b(cut|quarter\w*|lengthwise|grat(e|ed|ing)|cook(ed)?|mash\w*|flatten\w*|squash\w*|"
                        r"spread|thin(ly|ned)?|shred\w*|slic(e|ed)|chop\w*|under (age )?4|age 4|until)\b", re.I)


_VERDICT_NO = re.compile(r"\b(do not|don't|never|avoid|not (recommended|safe|suitable|needed))\b", re.I)


def _reason_kept(sentences: list[str], sims: np.ndarray, kinds: tuple[str, ...]) -> np.ndarray:
    """For "is it ok?", keep the reason that follows a no: "Do not give rice milk under 5." wants "It can
    contain too much arsenic" next, which names little of the question and would otherwise be left out."""
    if kinds[:1] != ("whether",) or len(sentences) < 2:
        return sims
    best = int(np.argmax(sims))
    reason = best + 1
    if reason >= len(sentences) or not _VERDICT_NO.search(sentences[best]) or not _ANAPHORA.match(sentences[reason]):
        return sims
    lifted = sims.copy()
    lifted[reason] = max(lifted[reason], float(sims[best]) - 0.001)
    return lifted


_CALL = re.compile(r"\b(call|911|emergency|urgent care|right away)\b", re.I)


def _call_advice_kept(sentences: list[str], sims: np.ndarray, question: str) -> np.ndarray:
    """When the parent reports signs (vomiting, hives, pale...), keep the passage's 'call your
    pediatrician' sentence: naming FPIES without saying to stop the food and call is half an answer.
    "Does teething cause fever?" reports none: the answer is that it does not, not whom to call."""
    if not reports_signs(question):
        return sims
    calls = [i for i, sentence in enumerate(sentences) if _CALL.search(sentence)]
    if not calls:
        return sims
    lifted = sims.copy()
    first = calls[0]  # the first says what to do; later ones add emergencies the safety pass covers
    lifted[first] = max(lifted[first], float(sims.max())) + 0.01
    return lifted


_HAZARD = re.compile(r"\b(hazards?|risks?|risky)\b", re.I)  # "cut into coins, a choking hazard" is not how


def _safe_forms_first(sentences: list[str], sims: np.ndarray, question: str, passage: str) -> np.ndarray:
    """For "is it safe/ok" about a choking food, lift the sentences saying how to serve it safely and
    until what age: "cut them lengthwise into quarters" answers "are sausages ok for him?"."""
    if not asks_if_safe(question) or "chok" not in passage.lower():
        return sims
    lifted = sims.copy()
    for i, sentence in enumerate(sentences):
        if _SAFE_FORM.search(sentence) and not _HAZARD.search(sentence):
            lifted[i] += KIND_BONUS
    return lifted


# "16 to 24 ounces", "2-3 cups": the range that answers "how much", more than "over 24 ounces" does.
_RANGE = re.compile(r"\b\d+(\.\d+)?\s*(to|-)\s*\d+(\.\d+)?\s*(ounces?|oz|cups?|ml|grams?|g|mg|tablespoons?|"
                    r"teaspoons?|servings?|snacks|meals|feeds|feedings|bottles|times)\b", re.I)


def prefer_kind(sentences: list[str], sims: np.ndarray, kinds: tuple[str, ...]) -> np.ndarray:
    """Lift the sentences that give the kind of answer asked, most for the leading kind."""
    if not kinds:
        return sims
    lifted = sims.copy()
    for i, sentence in enumerate(sentences):
        offers = sentence_offers(sentence)
        if kinds[0] in offers:
            lifted[i] += KIND_BONUS + (KIND_BONUS / 3 if kinds[0] == "amount" and _RANGE.search(sentence) else 0)
        elif offers & set(kinds[1:]):
            lifted[i] += KIND_BONUS / 2
    return lifted
