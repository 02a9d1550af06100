"""The curated table of everyday food names (names.tsv, dishes aside) and lookups over it.

`NameIndex.cover(words)` finds the longest curated names inside a phrase ("quartered grapes" ->
grapes); `NameIndex.correct(word)` fixes typos against the curated vocabulary ("bannana").
"""
from __future__ import annotations

import csv
from collections import defaultdict
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from rapidfuzz import fuzz, process

from knowledge.foods.text import normalise, plural_forms

NAMES_FILE = Path(__file__).with_name("names.tsv")
EXTRA_PORTIONS_FILE = Path(__file__).with_name("portions_extra.tsv")
MAX_WORDS = 6


@dataclass(frozen=True)
class CuratedName:
    """One row of names.tsv."""

    name: str
    ndb_no: str
    variants: tuple[str, ...]
    unit: str
    category: str


@dataclass(frozen=True)
class NameMatch:
    """A curated name found in a phrase at words[start:end]."""

    start: int
    end: int
    entry: CuratedName


def _rows(path: Path) -> list[list[str]]:
    lines = [line for line in path.read_text(encoding="utf-8").splitlines()
             if line.strip() and not line.startswith("#")]
    return [row for row in csv.reader(lines[1:], delimiter="\t", quoting=csv.QUOTE_NONE)]


@lru_cache(maxsize=1)
def curated_names() -> tuple[CuratedName, ...]:
    """Read names.tsv."""
    out = []
    for name, ndb_no, variants, unit, category in _rows(NAMES_FILE):
        parts = tuple(v.strip() for v in variants.split(",") if v.strip())
        out.append(CuratedName(name.strip(), ndb_no.strip(), parts, unit.strip(), category.strip()))
    return tuple(out)


@lru_cache(maxsize=1)
def extra_portions() -> tuple[tuple[str, float, str, float], ...]:
    """Read portions_extra.tsv: (ndb_no, amount, unit, grams)."""
    return tuple((r[0], float(r[1]), r[2], float(r[3])) for r in _rows(EXTRA_PORTIONS_FILE))


class NameIndex:
    """Exact, longest-span and typo-tolerant lookups over the curated names and their variants."""

    def __init__(self, entries: tuple[CuratedName, ...]) -> None:
        self.keys: dict[str, CuratedName] = {}
        written: set[str] = set()
        for entry in entries:  # first row wins when two rows share a spelling
            for phrase in (entry.name, *entry.variants):
                written.update(normalise(phrase).split())
                for form in plural_forms(normalise(phrase)):
                    self.keys.setdefault(form, entry)
        self.vocab_set = frozenset(w for key in self.keys for w in key.split())
        self.vocab = sorted(w for w in written if len(w) >= 4)  # typo targets: words as written
        self._by_letter: dict[str, list[str]] = defaultdict(list)
        for word in self.vocab:
            self._by_letter[word[0]].append(word)
        self.separator_keys = sorted(
            (k for k in self.keys if set(k.split()) & {"and", "with", "n", "or"}), key=len, reverse=True
        )

    def exact(self, phrase: str) -> CuratedName | None:
        return self.keys.get(phrase)

    def cover(self, words: list[str]) -> list[NameMatch]:
        """Greedy left-to-right longest matches of curated names inside `words`."""
        found, i = [], 0
        while i < len(words):
            for n in range(min(MAX_WORDS, len(words) - i), 0, -1):
                entry = self.keys.get(" ".join(words[i : i + n]))
                if entry is not None:
                    found.append(NameMatch(i, i + n, entry))
                    i += n
                    break
            else:
                i += 1
        return found

    def correct(self, word: str, cutoff: float = 80) -> str | None:
        """Return the curated word a typo most likely meant (same first letter), else None."""
        if len(word) < 4 or not word[0].isalpha():
            return None
        choices = self._by_letter.get(word[0], [])
        best = process.extractOne(word, choices, scorer=fuzz.ratio, score_cutoff=cutoff)
        return best[0] if best else None


@lru_cache(maxsize=1)
def name_index() -> NameIndex:
    """The process-wide index over names.tsv."""
    return NameIndex(curated_names())
