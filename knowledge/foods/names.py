"""The curated table of everyday food names (names.tsv, dishes aside) and lookups over it.

`NameIndex.cover(words)` finds the longest curated names inside a phrase ("quartered grapes" ->
grapes); `NameIndex.correct(word)` fixes typos against the curated vocabulary ("bannana").
"""
from __future__ import annotations

import csv
import re
from collections import defaultdict
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from rapidfuzz import fuzz, process
from rapidfuzz.distance import Levenshtein

from knowledge.foods.text import normalise, plural_forms

NAMES_FILE = Path(__file__).with_name("names.tsv")
EXTRA_PORTIONS_FILE = Path(__file__).with_name("portions_extra.tsv")
DISHES_FILE = Path(__file__).with_name("dishes.tsv")
MAX_WORDS = 6
_SPECIAL_WORDS = frozenset("and with n or on breakfast lunch dinner supper snack snacks brunch".split())


@dataclass(frozen=True)
class CuratedName:
    """One row of names.tsv, or a dish of dishes.tsv (then `components` lists its foods)."""

    name: str
    ndb_no: str
    variants: tuple[str, ...]
    unit: str
    category: str
    components: tuple[tuple[str, float, str], ...] = ()
    pieces: int | None = None  # a dish made of pieces ("one 6-piece maki roll"): "3 pieces" is half
    counted: int | None = None  # a serving of pieces named by the dish ("6 pelmeni to the serving"): "8 pelmeni"


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
def dishes() -> tuple[CuratedName, ...]:
    """Read dishes.tsv: each dish with its SR28 components (ndb_no, amount, unit) per dish."""
    out = []
    for name, variants, components, *basis in _rows(DISHES_FILE):
        parts = []
        for part in components.split(";"):
            ndb_no, amount, unit = part.split(maxsplit=2)
            parts.append((ndb_no, float(amount), unit.strip()))
        names = tuple(v.strip() for v in variants.split(",") if v.strip())
        pieces = re.search(r"\b(\d+)-piece\b", basis[0]) if basis else None
        counted = re.search(r"\b(\d+) (?:pieces|balls) to the serving\b", basis[0]) if basis else None
        out.append(CuratedName(name.strip(), parts[0][0], names, "", "dish", tuple(parts),
                               int(pieces.group(1)) if pieces else None, int(counted.group(1)) if counted else None))
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
        self._phrases_by_letter: dict[str, list[str]] = defaultdict(list)
        for key in self.keys:
            if " " in key:
                self._phrases_by_letter[key[0]].append(key)
        # names the meal parser must not split or strip: "mac and cheese", "fruit snacks"
        self.separator_keys = sorted(
            (k for k in self.keys if set(k.split()) & _SPECIAL_WORDS and len(k.split()) > 1),
            key=len, reverse=True,
        )

    def exact(self, phrase: str) -> CuratedName | None:
        return self.keys.get(phrase)

    def cover(self, words: list[str], is_content=lambda word: True) -> list[NameMatch]:
        """Curated names inside `words`, chosen to leave the fewest content words uncovered."""
        n = len(words)
        # best[i] = (score, -matches, matches) for words[i:]; a match scores its length,
        # an uncovered content word costs 1, an uncovered stopword or descriptor nothing.
        best: list[tuple[int, int, list[NameMatch]]] = [(0, 0, [])] * (n + 1)
        for i in range(n - 1, -1, -1):
            skip = best[i + 1]
            options = [(skip[0] - (1 if is_content(words[i]) else 0), skip[1], skip[2])]
            for size in range(1, min(MAX_WORDS, n - i) + 1):
                entry = self.keys.get(" ".join(words[i : i + size]))
                if entry is not None:
                    rest = best[i + size]
                    options.append((rest[0] + size, rest[1] - 1, [NameMatch(i, i + size, entry), *rest[2]]))
            best[i] = max(options, key=lambda o: (o[0], o[1]))
        return best[0][2]

    def correct_phrase(self, phrase: str, cutoff: float = 88) -> CuratedName | None:
        """The curated name a misspelt phrase of two or more words means ("grilled chese")."""
        words = phrase.split()
        if len(words) < 2 or len(phrase) < 8:
            return None
        choices = [k for k in self._phrases_by_letter.get(phrase[0], []) if len(k.split()) == len(words)]
        best = process.extractOne(phrase, choices, scorer=fuzz.ratio, score_cutoff=cutoff)
        if best is None or any(fuzz.ratio(a, b) < 75 for a, b in zip(words, best[0].split())):
            return None  # "veggie sticks" is not "veggie straws": every word must be a near-spelling
        return self.keys[best[0]]

    def correct(self, word: str, cutoff: float = 80) -> str | None:
        """Return the curated word a typo most likely meant (same first letter), else None."""
        if len(word) < 4 or not word[0].isalpha():
            return None
        choices = self._by_letter.get(word[0], [])
        best = process.extractOne(word, choices, scorer=fuzz.ratio, score_cutoff=cutoff)
        return best[0] if best and _near_spelling(word, best[0]) else None


def _near_spelling(word: str, name: str) -> bool:
    """A slip of the thumb: one edit in a short word, two in a longer one, and about the same length
    ("bannana" is banana; "leos" is not lemons, "make" not matoke, "someone" not somen)."""
    return abs(len(word) - len(name)) <= 1 and Levenshtein.distance(word, name) <= (1 if len(word) <= 5 else 2)


@lru_cache(maxsize=1)
def name_index() -> NameIndex:
    """The process-wide index over names.tsv."""
    return NameIndex(curated_names() + dishes())
