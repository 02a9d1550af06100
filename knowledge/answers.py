"""Turn retrieved guideline passages into a short, sourced answer a parent can read in an SMS.

`compose_answer` works offline: it picks the sentences of the top passage that are closest to the
question (MiniLM sentence similarity), preferring those that give the kind of answer asked, adds
one sentence of the runner-up when that covers what the first leaves open, and names the sources;
on WhatsApp it packs the best sentences of the top passages together (`knowledge.sentence_pool`).
Sentences are scored with the lifts of `knowledge.sentence_lifts`; the answer's text is made SMS-safe
and trimmed by `knowledge.answer_text`. The LLM answer lives in `knowledge.llm_answers`. Neither
invents guidance: no passage, no answer.
"""
from __future__ import annotations

import numpy as np

from knowledge.answer_text import allergy_note, fit, gsm_safe, shorten, split_sentences
from knowledge.asking import answer_kinds, lead_kind, sentence_offers
from knowledge.embeddings import embed, embed_question
from knowledge.guideline_store import Hit, content_words
from knowledge.sentence_lifts import _ANAPHORA, GENERIC_STEMS, STEM, prefer_kind, scored_sentences
from knowledge.asked_fact import keep_asked_fact
from knowledge.sentence_pool import Pooled, pick_pooled, pool_passage

__all__ = ["SMS_LIMIT", "WHATSAPP_LIMIT", "allergy_note", "compose_answer", "gsm_safe", "split_sentences"]

SMS_LIMIT = 306  # two SMS segments of GSM-7 text (153 characters each in a multi-part message)
WHATSAPP_LIMIT = 900  # WhatsApp has room for a fuller answer: about three passages
ASKED_SHARE = 0.5  # how far a sentence's similarity moves toward the asking sentences' when that is higher
EARLIER_FIRST = 0.005  # per sentence: of two about equally relevant sentences, the earlier is picked first
SECOND_MARGIN = 0.08  # how far behind the best passage a runner-up may be and still add a sentence
CLEAR_LEAD = 0.08  # a passage ranked this far ahead of the next is about the question even when MiniLM is unsure
MIN_SCORE = 0.47  # below this neither the passage nor any sentence is about the question
PASSAGE_FLOOR = 0.33  # a passage this far from the question is not about it, whatever one sentence says
STRONG_SCORE = 0.55  # above this, trust the meaning match even without a shared word
SENTENCE_DROP = 0.25  # skip sentences much less relevant than the best one...
SENTENCE_FLOOR = 0.3  # ...and any barely related to the question at all
MAX_SENTENCES = 3
WHATSAPP_SENTENCES = 7  # WhatsApp carries a fuller answer from up to four passages
POOL_MARGIN = 0.12  # runners-up this close to the best passage lend it sentences
THIN_ANSWER = 80  # a lone sentence shorter than this only names the answer: the next one gives it
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
    scored = scored_sentences(question, sentences, sims, hit, kinds, allergies, asked, story)
    pool = _pool(question, question_vector, hits, sentences, vectors, scored, kinds, allergies, asked, story)
    picked = [] if limit <= SMS_LIMIT else _pooled(pool, budget, most)
    if len(picked) > 1:
        chosen, sources = [text for text, _ in picked], list(dict.fromkeys(source for _, source in picked))
    else:  # two SMS segments, one sentence, or the best too long: the best passage, as a one-passage answer reads
        chosen, sources = _one_passage(question, question_vector, hits, sentences, scored, budget, most, kinds, best)
        floor = max(max(c.score for p in pool for c in p.candidates) - SENTENCE_DROP, SENTENCE_FLOOR)
        # the question word, not every kind a long story touches: "6 oz each time... how do we stop this?"
        chosen, sources = keep_asked_fact(chosen, sources, pool, lead_kind(question), budget, floor,
                                          _leans_on_previous)
    label = "Sources" if len(sources) > 1 else "Source"
    lines = [note, lead + " ".join(chosen), f"{label}: {'; '.join(sources)}"]
    return fit("\n".join(line for line in lines if line), limit)



def _pool(question: str, question_vector: np.ndarray, hits: list[Hit], sentences: list[str], vectors: np.ndarray,
          scored: np.ndarray, kinds: tuple[str, ...], allergies: list[str], asked: str | None,
          story: str | None) -> list[Pooled]:
    """The best passage's scored sentences and those of its close runners-up, scored the same way."""
    pool = [pool_passage(0, hits[0].source, sentences, scored, vectors)]
    for place, other in enumerate(_companions(hits[0], hits[1:]), 1):
        others = split_sentences(gsm_safe(other.text))
        other_vectors = _sentence_vectors(tuple(others))
        other_sims = _closeness(other_vectors, question_vector, asked)
        other_scored = scored_sentences(question, others, other_sims, other, kinds, allergies, asked, story)
        pool.append(pool_passage(place, other.source, others, other_scored, other_vectors))
    return pool


def _pooled(pool: list[Pooled], budget: int, most: int) -> list[tuple[str, str]]:
    """The best sentences of the pool that fit, with their sources.

    Only where there is room (WhatsApp): two SMS segments hold two or three sentences, and measured
    on the open sets (issue 9, qa13) those read best from one passage, with a sentence of a runner-up
    brought in only for what it leaves open (`_second_passage`, `keep_asked_fact`)."""
    picked = pick_pooled(pool, budget, most, SENTENCE_DROP, SENTENCE_FLOOR, _leans_on_previous)
    return [(c.text, pool[c.passage].source) for c in picked]


def _leans_on_previous(sentences: list[str], index: int) -> bool:
    """Say whether a sentence refers back to the one before it (nothing chosen yet)."""
    return _leans_back(sentences, index, [])


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
    for index in [int(i) for i in np.argsort(-prefer_kind(sentences, sims, kinds))]:
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
            return [shorten(sentences[index], budget)]
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


