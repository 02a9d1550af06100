"""Turn retrieved guideline passages into a short, sourced answer a parent can read in an SMS.

`compose_answer` works offline: it picks the two or three sentences of the top passage that are
closest to the question (MiniLM sentence similarity) and names the source. `llm_answer` asks an
OpenAI-compatible model to answer from the same passages only, and returns None on any failure
so the caller can fall back to `compose_answer`. Neither invents guidance: no passage, no answer.
"""
from __future__ import annotations

import logging
import re
from functools import lru_cache
from typing import Any

import numpy as np

from knowledge.embeddings import embed
from knowledge.guideline_store import Hit, content_words

logger = logging.getLogger(__name__)

MAX_CHARS = 450  # about three SMS segments of GSM-7 text
HARD_LIMIT = 480
MIN_SCORE = 0.47  # below this neither the passage nor any sentence is about the question
STRONG_SCORE = 0.55  # above this, trust the meaning match even without a shared word
STEM = 5  # letters compared when looking for a shared word: swelling ~ swells, pureeing ~ puree
SENTENCE_DROP = 0.25  # skip sentences much less relevant than the best one...
SENTENCE_FLOOR = 0.3  # ...and any barely related to the question at all
MAX_SENTENCES = 3
NOT_COVERED = "NOT_COVERED"
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z0-9\"'(])")
_ANAPHORA = re.compile(r"^(?:They|Them|These|This|That|Those|It|Its|Such|Both|For them|For these)\b")
_MIXED_FRACTION = re.compile("(\\d)([\u00bd\u00bc\u00be])")  # "2" + one half -> "2 1/2", not "21/2"
_ABBREVIATIONS = ("e.g.", "i.e.", "etc.", "approx.", "Dr.", "oz.", "tbsp.", "tsp.", "vs.")
_GSM_SAFE = str.maketrans({
    "\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"', "\u2013": "-", "\u2014": "-",
    "\u2026": "...", "\u00a0": " ", "\u00b0": " degrees ", "\u2022": "-", "\u00bd": "1/2", "\u00bc": "1/4", "\u00be": "3/4",
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
                   allergies: list[str]) -> str | None:
    """Answer from the top passage's most relevant sentences, or None if it does not cover it.

    One passage answers: sentences mixed from two passages read as non sequiturs, and letting a
    close runner-up answer when it held the best single sentence picked a worse passage more
    often than a better one on the labelled questions. Ranking passages is the store's job.
    """
    if not hits:
        return None
    hit = hits[0]
    sentences = split_sentences(gsm_safe(hit.text))
    sims = _sentence_vectors(tuple(sentences)) @ embed([question])[0]
    best = float(sims.max())
    if max(hit.score, best) < MIN_SCORE or not _is_about(question, hit, best):
        return None
    note = allergy_note(question, child_name, allergies)
    lead = _lead(child_name, age_text)
    budget = MAX_CHARS - len(note or "") - len(lead) - len(hit.source) - 9
    body = lead + " ".join(_pick(sentences, sims, budget))
    lines = [note, body, f"Source: {hit.source}"]
    return _fit("\n".join(line for line in lines if line), HARD_LIMIT)


def _pick(sentences: list[str], sims: np.ndarray, budget: int) -> list[str]:
    """Choose up to three relevant sentences that fit the budget, kept in reading order.

    A sentence that leans on the one before it ("These can be...") comes with that one.
    """
    order = [int(i) for i in np.argsort(-sims)]
    best = float(sims[order[0]])
    chosen: list[int] = []
    used = 0
    for index in order:
        if index in chosen or (chosen and sims[index] < max(best - SENTENCE_DROP, SENTENCE_FLOOR)):
            continue
        unit = [index - 1, index] if _leans_back(sentences, index, chosen) else [index]
        cost = sum(len(sentences[i]) + 1 for i in unit)
        if len(chosen) + len(unit) <= MAX_SENTENCES and used + cost <= budget:
            chosen.extend(unit)
            used += cost
        elif not chosen:  # the best sentence alone is too long: shorten it
            return [_shorten(sentences[index], budget)]
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
    return gsm_safe(f"Note: {who} profile lists {article}{names} {plural}, "
                    f"so please follow the allergist's plan before offering it.")


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
