"""Turn one message into the feature vector the intent model reads.

Three parts, concatenated: the MiniLM sentence embedding (topic and meaning), a binary bag of the
words and word pairs seen in training (grammar the embedding blurs: "had" versus "can she have",
a trailing "?"), and a few hand-written cues (reporting, asking, correcting). Shared by
`bot.intent_train` (fitting) and `bot.intent_model` (predicting), so both see the same features.
"""
from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence

import numpy as np

_TOKEN = re.compile(r"[^\W_]+(?:'[a-z]+)?|\?|[^\w\s.,;:!()\"'-]")
_SPACES = re.compile(r"\s+")
_NUMBER = re.compile(r"^\d+$")

# Grammatical cues, each one binary feature. Kept few and general: the model learns their weights.
_MEALS = r"breakfast|brekkie|brekky|bfast|lunch|dinner|supper|tea|snack"
CUES: tuple[re.Pattern[str], ...] = tuple(re.compile(p) for p in (
    # asking: a leading question word or a trailing "?"
    r"^(can|could|is|are|should|does|do|will|would|when|why|how|which|what|whats|what's)\b",
    r"\?\s*$",
    r"\?",
    # reporting: eating verbs in the past tense, quantities, "lunch: ..." labels
    r"\b(ate|had|drank|finished|refused|tried|nursed|nibbled|devoured|gobbled|scarfed|spat|eaten"
    r"|wouldn'?t|didn'?t)\b",
    # the same in the languages parents also write in (Spanish, French, Portuguese, German, Italian)
    r"\b(comi[óo]|comieron|comeu|comeram|tom[óo]|bebi[óo]|desayun\w+|almorz\w+|cen[óo]|mang[ée]e?s?|"
    r"gegessen|getrunken|mangiato|bevuto|ăn|uống|bú|kumain|kinain|uminom|nag-?almusal|nanghalian|naghapunan)\b",
    # a Spanish question may open mid-message ("comió arroz, ¿está bien...?")
    r"¿|\b(puede|pueden|puedo|debo|es normal|peut|peux|est-ce|pode|posso|devo|kann|darf|soll|può|posso)\b",
    r"^(\d|half|one|two|three|a few|a couple|a handful|some)\b|[½¼¾⅓⅔]|\bx\d\b"
    r"|\b\d+(/\d+)?\s*(oz|ml|g|tbsp|tsp|cups?|bites?|spoon\w*|slices?|pieces?|pouch\w*)\b",
    rf"^({_MEALS})( time)?\b[^?:]{{0,25}}[:=-]|^({_MEALS})( time)?\s*(was\b|\d)",
    # correcting the last entry
    r"^(actually|correction|oops|whoops|sorry|nope|no\b|wait|nvm|never ?mind|scratch)"
    r"|\b(it|that) (was|is)\b.*\bnot\b|\bnot\b.*\bit was\b",
    # asking the bot to do something
    r"^(please |pls |plz |can you |could you |can u )?(add|remove|delete|change|update|set|turn|"
    r"invite|make|plan|swap|replace|send|show|give|take|put|note|record|save|mark|rename|edit)\b",
    r"\b(please|pls|plz)\b",
    # several sentences
    r"[.!?]\s+\w.*[.!?]?\s+\w",
))


def normalise(text: str) -> str:
    """Lowercase and collapse whitespace."""
    return _SPACES.sub(" ", text.strip().lower())


def tokens(text: str) -> list[str]:
    """Words (numbers folded to '0'), '?' and emoji, in order."""
    out = []
    for token in _TOKEN.findall(normalise(text)):
        out.append("0" if _NUMBER.match(token) else token)
    return out


def grams(text: str) -> set[str]:
    """The distinct words and adjacent word pairs of `text`, with start and end markers."""
    words = ["<s>"] + tokens(text) + ["</s>"]
    return set(words[1:-1]) | {f"{a} {b}" for a, b in zip(words, words[1:])}


def build_vocabulary(texts: Iterable[str], min_count: int = 2) -> list[str]:
    """Every gram that occurs in at least `min_count` of `texts`, sorted."""
    counts = Counter(g for text in texts for g in grams(text))
    return sorted(g for g, n in counts.items() if n >= min_count)


def cue_vector(text: str) -> np.ndarray:
    """One 0/1 slot per cue."""
    lowered = normalise(text)
    return np.array([1.0 if cue.search(lowered) else 0.0 for cue in CUES], dtype=np.float32)


def lexical(texts: Sequence[str], vocabulary: dict[str, int]) -> np.ndarray:
    """Binary gram presence plus cues, L2-normalised gram part, one row per text."""
    rows = np.zeros((len(texts), len(vocabulary) + len(CUES)), dtype=np.float32)
    for i, text in enumerate(texts):
        found = [vocabulary[g] for g in grams(text) if g in vocabulary]
        if found:
            rows[i, found] = 1.0 / np.sqrt(len(found))
        rows[i, len(vocabulary):] = cue_vector(text)
    return rows


def features(texts: Sequence[str], embeddings: np.ndarray, vocabulary: dict[str, int]) -> np.ndarray:
    """The model's input: [embedding | grams | cues], one row per text."""
    return np.hstack([embeddings.astype(np.float32), lexical(texts, vocabulary)])
