"""Turn retrieved guideline passages into a short, sourced answer a parent can read in an SMS.

`compose_answer` works offline: it picks the sentences of the top passage that are closest to the
question (MiniLM sentence similarity), preferring those that give the kind of answer asked, adds
one sentence of the runner-up when that covers what the first leaves open, and names the sources;
on WhatsApp it packs the best sentences of the top passages together (`knowledge.sentence_pool`). `llm_answer` asks an
OpenAI-compatible model to answer from the same passages only, and returns None on any failure
so the caller can fall back to `compose_answer`. Neither invents guidance: no passage, no answer.
"""
from __future__ import annotations

import logging
import re
from functools import lru_cache
from typing import Any

import numpy as np

from knowledge.asking import answer_kinds, lead_kind, sentence_offers, topic_words
from knowledge.embeddings import embed, embed_question
from knowledge.guideline_store import Hit, content_words
from knowledge.sentence_pool import pick_pooled, pool_passage
from knowledge.subjects import asks_if_safe, reports_signs

logger = logging.getLogger(__name__)

SMS_LIMIT = 306  # two SMS segments of GSM-7 text (153 characters each in a multi-part message)
WHATSAPP_LIMIT = 900  # WhatsApp has room for a fuller answer: about three passages
HARD_LIMIT = 480  # an LLM answer, checked before it is sent on either channel
KIND_BONUS = 0.15  # lift for a sentence that gives the kind of answer asked
ASKED_SHARE = 0.5  # how far a sentence's similarity moves toward the asking sentences' when that is higher
EARLIER_FIRST = 0.005  # per sentence: of two about equally relevant sentences, the earlier is picked first
WORD_BONUS = 0.05  # lift per word of the asking sentence a passage sentence names (two at most)
STORY_WORD_BONUS = 0.02  # lift per word of the story around the question a sentence names (two at most)
SECOND_MARGIN = 0.08  # how far behind the best passage a runner-up may be and still add a sentence
CLEAR_LEAD = 0.08  # a passage ranked this far ahead of the next is about the question even when MiniLM is unsure
MIN_SCORE = 0.47  # below this neither the passage nor any sentence is about the question
PASSAGE_FLOOR = 0.33  # a passage this far from the question is not about it, whatever one sentence says
STRONG_SCORE = 0.55  # above this, trust the meaning match even without a shared word
STEM = 5  # letters compared when looking for a shared word: swelling ~ swells, pureeing ~ puree
SENTENCE_DROP = 0.25  # skip sentences much less relevant than the best one...
SENTENCE_FLOOR = 0.3  # ...and any barely related to the question at all
MAX_SENTENCES = 3
WHATSAPP_SENTENCES = 7  # WhatsApp carries a fuller answer from up to four passages
POOL_MARGIN = 0.12  # runners-up this close to the best passage lend it sentences
THIN_ANSWER = 80  # a lone sentence shorter than this only names the answer: the next one gives it
NOT_COVERED = "NOT_COVERED"
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z0-9\"'(])")
_ANAPHORA = re.compile(r"^(?:They|Them|These|This|That|Those|It|Its|Such|Both|For them|For these)\b")
_MIXED_FRACTION = re.compile("(\\d)([\u00bd\u00bc\u00be\u2153\u2154])")  # "2" + one half -> "2 1/2", not "21/2"
_ABBREVIATIONS = ("e.g.", "i.e.", "etc.", "approx.", "Dr.", "oz.", "tbsp.", "tsp.", "vs.")
_GSM_SAFE = str.maketrans({
    "\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"', "\u2013": "-", "\u2014": "-",
    "\u2026": "...", "\u00a0": " ", "\u00b0": " degrees ", "\u2022": "-", "\u00bd": "1/2", "\u00bc": "1/4", "\u00be": "3/4",
    "\u2153": "1/3", "\u2154": "2/3",
})
# The major food allergens and words that name a food made of them.
ALLERGEN_FOODS: dict[str, tuple[str, ...]] = {
    "egg": ("egg", "omelet", "omelette", "meringue", "mayonnaise", "mayo"),
    "peanut": ("peanut",),
    "milk": ("milk", "dairy", "cheese", "yogurt", "yoghurt", "cream", "lactose"),
    "tree nut": ("nut", "almond", "cashew", "walnut", "pecan", "pistachio", "hazelnut"),
    "wheat": ("wheat", "gluten", "bread", "pasta", "flour", "toast", "cracker"),
    "soy": ("soy", "soya", "tofu", "edamame"),
    "fish": ("fish", "salmon", "tuna", "cod", "sardine"),
    "shellfish": ("shellfish", "shrimp", "prawn", "crab", "lobster"),
    "sesame": ("sesame", "tahini", "hummus"),
}
_VECTORS: dict[str, np.ndarray] = {}  # passage sentences are few and repeat across questions
_VECTOR_CACHE_SIZE = 4096


def compose_answer(question: str, hits: list[Hit], child_name: str | None, age_text: str | None,
                   allergies: list[str], limit: int = SMS_LIMIT, *, asked: str | None = None,
                   story: str | None = None) -> str | None:
    """Answer from the best passage's most relevant sentences (plus one from the runner-up when it
    covers a part of the question the first leaves open), or None if the passages do not cover it.

    Sentences giving the kind of answer asked (an age for "when", an amount for "how much") are
    preferred, and so are those closest to the asking sentence(s) `asked` of a story and those naming
    its words. `story` (the whole message) may show a passage is about it when a short question
    ("should we stop?") alone does not. limit is the whole reply's length: SMS_LIMIT (two segments)
    or WHATSAPP_LIMIT.
    """
    if not hits:
        return None
    answer = _compose(question, _answering_first(hits, lead_kind(question)), child_name, age_text, allergies,
                      limit, asked, story)
    closer = [h for h in hits[1:] if h.score > hits[0].score]
    if answer is None and closer:
        # word and sign lifts put first a passage further in meaning than a runner-up, and it does not
        # answer: "is the milk the problem?" after "she looked pale" is iron, not a delayed reaction
        return _compose(question, closer + [h for h in hits if h not in closer], child_name, age_text,
                        allergies, limit, asked, story)
    return answer


def _compose(question: str, hits: list[Hit], child_name: str | None, age_text: str | None, allergies: list[str],
             limit: int, asked: str | None, story: str | None) -> str | None:
    """The answer from hits[0] (and a sentence of hits[1], or on WhatsApp the close runners-up's best
    sentences), or None when hits[0] is not about the question."""
    hit = hits[0]
    asked = asked if asked and asked != question else None
    question_vector = embed_question(question)
    sentences = split_sentences(gsm_safe(hit.text))
    vectors = _sentence_vectors(tuple(sentences))
    sims = _closeness(vectors, question_vector, asked)
    best = float(sims.max())
    reach = max(best, float((vectors @ embed_question(story)).max())) if story else best
    # Words and topics agree, not meaning alone; the passage itself must give the kind of answer asked
    # ("how much screen time" is not answered by "keep screens off during meals").
    clear = (len(hits) > 1 and hit.rank - hits[1].rank >= CLEAR_LEAD
             and _answers_kind(lead_kind(question), [hit]))
    if hit.score < PASSAGE_FLOOR or (max(hit.score, reach) < MIN_SCORE and not clear) \
            or not _is_about(question, hit, reach):
        return None
    kinds = answer_kinds(question)
    if hit.score < STRONG_SCORE and not _answers_kind(lead_kind(question), hits[:2]):
        return None  # "what time should bedtime be" against a bedtime-snack passage: same word, no answer
    note = allergy_note(question, child_name, allergies)
    lead = _lead(child_name, age_text)
    most = MAX_SENTENCES if limit <= SMS_LIMIT else WHATSAPP_SENTENCES
    budget = limit - (len(note) + 1 if note else 0) - len(lead) - len(hit.source) - 9  # 9: newline, "Source: "
    scored = _scored_sentences(question, sentences, sims, hit, kinds, allergies, asked, story)
    picked = [] if limit <= SMS_LIMIT else _pooled(question, question_vector, hits, sentences, vectors, scored,
                                                   kinds, allergies, asked, story, budget, most)
    if len(picked) > 1:
        chosen, sources = [text for text, _ in picked], list(dict.fromkeys(source for _, source in picked))
    else:  # two SMS segments, one sentence, or the best too long: the best passage, as a one-passage answer reads
        chosen, sources = _one_passage(question, question_vector, hits, sentences, scored, budget, most, kinds, best)
    label = "Sources" if len(sources) > 1 else "Source"
    lines = [note, lead + " ".join(chosen), f"{label}: {'; '.join(sources)}"]
    return _fit("\n".join(line for line in lines if line), limit)


def _scored_sentences(question: str, sentences: list[str], sims: np.ndarray, hit: Hit, kinds: tuple[str, ...],
                      allergies: list[str], asked: str | None, story: str | None) -> np.ndarray:
    """Each sentence's score against the question, with the lifts for what the question asks."""
    named = _asked_words_first(sentences, sims, asked or question)  # before the kind lift, which outranks it
    named = _story_words_lift(sentences, named, story, question) if story else named
    named = _reason_kept(sentences, named, kinds)
    preferred = _call_advice_kept(sentences, _safe_forms_first(sentences, _prefer(sentences, named, kinds), question,
                                                                hit.text), question)
    return _keep_allergy_warnings(sentences, preferred, question, allergies)


def _pooled(question: str, question_vector: np.ndarray, hits: list[Hit], sentences: list[str], vectors: np.ndarray,
            scored: np.ndarray, kinds: tuple[str, ...], allergies: list[str], asked: str | None, story: str | None,
            budget: int, most: int) -> list[tuple[str, str]]:
    """The best sentences of the best passage and its close runners-up that fit, with their sources.

    Only where there is room (WhatsApp): two SMS segments hold two or three sentences, and measured
    on the open sets those read best from one passage."""
    pool = [pool_passage(0, hits[0].source, sentences, scored, vectors)]
    for place, other in enumerate(_companions(hits[0], hits[1:]), 1):
        others = split_sentences(gsm_safe(other.text))
        other_vectors = _sentence_vectors(tuple(others))
        other_sims = _closeness(other_vectors, question_vector, asked)
        other_scored = _scored_sentences(question, others, other_sims, other, kinds, allergies, asked, story)
        pool.append(pool_passage(place, other.source, others, other_scored, other_vectors))
    picked = pick_pooled(pool, budget, most, SENTENCE_DROP, SENTENCE_FLOOR, lambda texts, i: _leans_back(texts, i, []))
    return [(c.text, pool[c.passage].source) for c in picked]


def _companions(first: Hit, rest: list[Hit]) -> list[Hit]:
    """The runners-up close enough to the best passage to be about the same thing."""
    top = first.rank or first.score
    return [h for h in rest if top - (h.rank or h.score) <= POOL_MARGIN]


def _one_passage(question: str, question_vector: np.ndarray, hits: list[Hit], sentences: list[str],
                 scored: np.ndarray, budget: int, most: int, kinds: tuple[str, ...],
                 best: float) -> tuple[list[str], list[str]]:
    """The best passage's sentences, plus one of the runner-up when it covers what they leave open."""
    hit = hits[0]
    chosen = _pick(sentences, scored, budget, most)
    sources = [hit.source]
    extra = _second_passage(question, question_vector, hits, chosen, kinds, best)
    if extra:
        sentence, source = extra
        cost = len(sentence) + 1 + (len(source) + 2 if source != hit.source else 0)
        if len(" ".join(chosen)) + cost <= budget:
            chosen = chosen + [sentence]
            sources += [source] if source != hit.source else []
    return chosen, sources


def _closeness(vectors: np.ndarray, question_vector: np.ndarray, asked: str | None) -> np.ndarray:
    """Each sentence's similarity to the question, moved part of the way toward its similarity to the
    asking sentences of a story read whole when that is higher: "Should I be worried about her iron?"
    after two lines about meat. Part of the way, so one close sentence does not crowd out the rest."""
    sims = vectors @ question_vector
    if not asked:
        return sims
    return sims + ASKED_SHARE * np.clip(vectors @ embed_question(asked) - sims, 0.0, None)


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


def _answering_first(hits: list[Hit], asked: str) -> list[Hit]:
    """Put a close runner-up first when only it gives the age or amount the question word asks for."""
    if len(hits) < 2 or asked not in ("when", "amount"):
        return hits
    first, second = hits[0], hits[1]
    close = (first.rank or first.score) - (second.rank or second.score) <= SECOND_MARGIN
    if close and not _answers_kind(asked, [first]) and _answers_kind(asked, [second]):
        return [second, first, *hits[2:]]
    return hits


def _answers_kind(asked: str, hits: list[Hit]) -> bool:
    """Say whether the passages can give the age or amount asked for (other kinds always can)."""
    if asked not in ("when", "amount"):
        return True
    return any(asked in sentence_offers(s) for hit in hits for s in split_sentences(hit.text))


# "16 to 24 ounces", "2-3 cups": the range that answers "how much", more than "over 24 ounces" does.
_RANGE = re.compile(r"\b\d+(\.\d+)?\s*(to|-)\s*\d+(\.\d+)?\s*(ounces?|oz|cups?|ml|grams?|g|mg|tablespoons?|"
                    r"teaspoons?|servings?|snacks|meals|feeds|feedings|bottles|times)\b", re.I)


def _prefer(sentences: list[str], sims: np.ndarray, kinds: tuple[str, ...]) -> np.ndarray:
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


def _second_passage(question: str, question_vector: np.ndarray, hits: list[Hit], chosen: list[str],
                    kinds: tuple[str, ...], best: float) -> tuple[str, str] | None:
    """The runner-up's best sentence and source, if it is close and answers what the first leaves open.

    Open means: the question's words the chosen sentences do not mention, or the kind of answer
    asked (an age, an amount) that they do not give.
    """
    if len(hits) < 2:
        return None
    first, second = hits[0], hits[1]
    if (first.rank or first.score) - (second.rank or second.score) > SECOND_MARGIN:
        return None
    said = " ".join(chosen)
    open_words = {w[:STEM] for w in content_words(question)} - {w[:STEM] for w in content_words(said)}
    open_words -= GENERIC_STEMS
    kind_open = bool(kinds) and not any(kinds[0] in sentence_offers(s) for s in chosen)
    if not open_words and not kind_open:
        return None
    sentences = split_sentences(gsm_safe(second.text))
    sims = _sentence_vectors(tuple(sentences)) @ question_vector
    for index in [int(i) for i in np.argsort(-_prefer(sentences, sims, kinds))]:
        sentence = sentences[index]
        if sims[index] < max(best - SENTENCE_DROP, SENTENCE_FLOOR) or _ANAPHORA.match(sentence):
            continue
        words = {w[:STEM] for w in content_words(sentence)}
        if (open_words & words) or (kind_open and kinds[0] in sentence_offers(sentence)):
            return sentence, second.source
    return None


def _pick(sentences: list[str], sims: np.ndarray, budget: int, most: int = MAX_SENTENCES) -> list[str]:
    """Choose up to `most` relevant sentences that fit the budget, kept in reading order.

    A sentence that leans on the one before it ("These can be...") comes with that one.
    """
    # Near-ties go to the earlier sentence: passages say their main point first.
    order = [int(i) for i in np.argsort(-(sims - EARLIER_FIRST * np.arange(len(sims))), kind="stable")]
    best = float(sims[order[0]])
    chosen: list[int] = []
    used = 0
    for index in order:
        if index in chosen or (chosen and sims[index] < max(best - SENTENCE_DROP, SENTENCE_FLOOR)):
            continue
        unit = [index - 1, index] if _leans_back(sentences, index, chosen) else [index]
        cost = sum(len(sentences[i]) + 1 for i in unit)
        if len(chosen) + len(unit) <= most and used + cost - 1 <= budget:  # no space after the last one
            chosen.extend(unit)
            used += cost
        elif not chosen:  # the best sentence alone is too long: shorten it
            return [_shorten(sentences[index], budget)]
    after = chosen[0] + 1
    # "A helpful approach is the division of responsibility." says what it is next; "Coins are a choking
    # hazard." says how to cut them next: a lone sentence brings the one after it when that fits
    if len(chosen) == 1 and after < len(sentences) and used + len(sentences[after]) <= budget \
            and (len(sentences[chosen[0]]) < THIN_ANSWER or sims[after] >= SENTENCE_FLOOR):
        chosen.append(after)
    return [sentences[i] for i in sorted(chosen)]


def _leans_back(sentences: list[str], index: int, chosen: list[int]) -> bool:
    """Say whether a sentence refers back to a previous one not chosen yet."""
    return index > 0 and index - 1 not in chosen and bool(_ANAPHORA.match(sentences[index]))


# Words any question and passage may share without being about the same thing.
GENERIC_STEMS = frozenset(w[:STEM] for w in (
    "start", "starting", "best", "good", "give", "need", "time", "first", "right", "thing", "help",
    "better", "normal", "usually", "every", "older", "young", "little", "seat", "sit"))


def _is_about(question: str, hit: Hit, best_sentence: float) -> bool:
    """Require a shared word stem (first 5 letters) unless the meaning match is strong."""
    if max(hit.score, best_sentence) >= STRONG_SCORE:
        return True
    passage_stems = {word[:STEM] for word in content_words(hit.text)} - GENERIC_STEMS
    return any(word[:STEM] in passage_stems for word in content_words(question))


def _lead(child_name: str | None, age_text: str | None) -> str:
    """Open with who the answer is for, e.g. 'For Maya (9 months): '."""
    if child_name and age_text:
        return f"For {child_name} ({age_text}): "
    if child_name:
        return f"For {child_name}: "
    if age_text:
        return f"At {age_text}: "
    return ""


def allergy_note(question: str, child_name: str | None, allergies: list[str]) -> str | None:
    """Remind the parent of a listed allergy when the question is about that food."""
    asked = set(content_words(question))
    matched = [allergy for allergy in allergies if asked & _allergy_words(allergy)]
    if not matched:
        return None
    who = f"{child_name}'s" if child_name else "Your child's"
    names = " and ".join(a.strip().lower() for a in matched)
    plural = "allergies" if len(matched) > 1 else "allergy"
    article = "" if len(matched) > 1 else ("an " if names[0] in "aeiou" else "a ")
    return gsm_safe(f"Note: {who} profile lists {article}{names} {plural}, so follow the allergist's plan.")


@lru_cache(maxsize=256)
def _allergy_words(allergy: str) -> frozenset[str]:
    """The words in a question that touch this allergy: the allergy's own words and its family."""
    own = set(content_words(allergy)) - {"allergy", "allergic", "intolerance", "cow", "tree"}
    words = set(own)
    for family, foods in ALLERGEN_FOODS.items():
        if own & set(foods) or own & set(content_words(family)):
            words.update(foods)
    return frozenset(words)


def split_sentences(text: str) -> list[str]:
    """Split passage text into sentences, not breaking after common abbreviations."""
    parts: list[str] = []
    for piece in _SENTENCE_END.split(" ".join(text.split())):
        if parts and parts[-1].endswith(_ABBREVIATIONS):
            parts[-1] = f"{parts[-1]} {piece}"
        else:
            parts.append(piece)
    return [p for p in parts if p]


def gsm_safe(text: str) -> str:
    """Replace curly quotes, dashes and the like, which would make an SMS cost twice as much."""
    return _MIXED_FRACTION.sub(r"\1 \2", text).translate(_GSM_SAFE)


def _sentence_vectors(texts: tuple[str, ...]) -> np.ndarray:
    """Embed sentences, reusing the vectors of passage sentences seen before."""
    found = {text: _VECTORS.get(text) for text in texts}
    missing = [text for text, vector in found.items() if vector is None]
    if missing:
        fresh = dict(zip(missing, embed(missing)))
        found.update(fresh)
        if len(_VECTORS) + len(fresh) > _VECTOR_CACHE_SIZE:
            _VECTORS.clear()
        _VECTORS.update(fresh)
    return np.vstack([found[text] for text in texts])


def _shorten(text: str, limit: int) -> str:
    """Cut text at a word boundary to fit limit, marking the cut."""
    if len(text) <= limit:
        return text
    return text[: max(0, limit - 3)].rsplit(" ", 1)[0].rstrip(",;:") + "..."


def _fit(answer: str, limit: int) -> str:
    """Keep an answer within limit by dropping whole sentences before its last (source) line."""
    if len(answer) <= limit:
        return answer
    *lines, source = answer.split("\n")
    body = " ".join(lines)
    sentences = split_sentences(body)
    while len(sentences) > 1 and len(" ".join(sentences)) + len(source) + 1 > limit:
        sentences.pop()
    return _shorten(" ".join(sentences), limit - len(source) - 1) + "\n" + source


SYSTEM_PROMPT = """You are TinyTummy, a warm, plain-spoken feeding helper for parents of children \
aged 6 months to 5 years, answering by SMS or WhatsApp.
Answer the parent's question using ONLY the numbered guideline passages below; do not add facts, \
numbers or advice that are not in them, and do not diagnose.
Write plain text (no markdown, lists or emoji), at most 450 characters, then end with a last line \
"Source: <source name of the passage you used>".
If the passages do not answer the question, reply exactly NOT_COVERED and nothing else.

Passages:
{passages}

About the child: {child}"""
MAX_HISTORY_TURNS = 6


def llm_answer(client_factory: Any, question: str, hits: list[Hit], child_context: str,
               history: list[tuple[str, str]], model: str, timeout: float) -> str | None:
    """Ask an OpenAI-compatible model to answer from the passages; None if it can't or fails.

    client_factory is an `openai.OpenAI` instance or a no-argument callable returning one.
    history holds earlier (role, text) turns, role "user" or "assistant", oldest first.
    """
    if not hits:
        return None
    try:
        client = client_factory if hasattr(client_factory, "chat") else client_factory()
        client = client.with_options(timeout=timeout, max_retries=0)
        # No temperature or max_tokens: reasoning models refuse them; the timeout bounds the call
        # and _clean_llm_reply bounds the length.
        response = client.chat.completions.create(
            model=model, messages=build_messages(question, hits, child_context, history)
        )
        content = response.choices[0].message.content
    except Exception as exc:  # timeouts, HTTP errors, bad payloads: the caller falls back
        logger.warning("LLM answer failed (%s): %s", type(exc).__name__, exc)
        return None
    return _clean_llm_reply(content, hits)


def build_messages(question: str, hits: list[Hit], child_context: str,
                   history: list[tuple[str, str]]) -> list[dict[str, str]]:
    """Build the chat messages: rules and passages, recent turns, then the question."""
    passages = "\n\n".join(f"[{n}] Source: {hit.source}\n{hit.text}" for n, hit in enumerate(hits, 1))
    system = SYSTEM_PROMPT.format(passages=passages, child=child_context.strip() or "not given")
    turns = [{"role": role, "content": text} for role, text in history[-MAX_HISTORY_TURNS:]
             if role in ("user", "assistant") and text]
    return [{"role": "system", "content": system}, *turns, {"role": "user", "content": question}]


def _clean_llm_reply(content: str | None, hits: list[Hit]) -> str | None:
    """Refuse empty or NOT_COVERED replies; make the rest SMS-safe, short and sourced."""
    text = gsm_safe((content or "").strip())
    if not text or NOT_COVERED in text:
        return None
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    if not lines[-1].lower().startswith(("source:", "sources:")):
        lines.append(f"Source: {hits[0].source}")
    return _fit("\n".join(lines), HARD_LIMIT)
