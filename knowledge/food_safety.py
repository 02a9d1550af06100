"""Food-safety flags for a logged meal: honey, milk and juice, choking, mercury, salt, sugar, allergens.

Rules and data only, never an LLM: the word tables live in `food_safety_rules.json` (see its
`_about`), so the same meal always gets the same flags. A food is matched on the parent's word, the
phrase as typed and its USDA SR28 description; matching is by whole words after lowercasing and
dropping punctuation, with plurals of the last word ("grape" also matches "grapes").
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any, Collection, Protocol, Sequence

MAJOR_ALLERGENS = ("milk", "egg", "peanut", "tree_nut", "soy", "wheat", "fish", "shellfish", "sesame")
MAX_MESSAGE = 140
_RULES_FILE = Path(__file__).with_name("food_safety_rules.json")
_SEVERITY_ORDER = {"warn": 0, "info": 1}
# A parent's own allergy word also names compounds ending in these: kiwi -> kiwifruit, apple -> applesauce.
_COMPOUND_TAILS = ("fruit", "sauce", "berry", "flake", "meal", "bread", "starch", "butter", "cake", "seed")


class FoodLike(Protocol):
    """One logged food, as the food parser hands it over."""

    name: str
    description: str
    food_group: str
    raw: str


@dataclass(frozen=True)
class SafetyFlag:
    """One thing a parent should know about a food they logged."""

    kind: str
    food: str
    message: str
    severity: str


def _normalize(text: str) -> str:
    """Lowercase, drop apostrophes and turn other punctuation into spaces."""
    text = text.lower().replace("%", " percent ").replace("&", " and ")
    text = re.sub(r"['\u2019\u2018`]", "", text)
    return " ".join(re.sub(r"[^a-z0-9|]+", " ", text).split())


def _phrase_pattern(phrase: str) -> str:
    """Regex for one table phrase: whole words, any spacing, plural of the last word."""
    words = _normalize(phrase).split()
    if not words:
        return ""
    last = words[-1]
    if len(last) > 2 and last.isalpha():
        if last.endswith("y") and last[-2] not in "aeiou":
            last = re.escape(last[:-1]) + "(?:y|ies)"
        else:
            last = re.escape(last) + "(?:s|es)?"
    else:
        last = re.escape(last)
    return r" +".join([*map(re.escape, words[:-1]), last])


def _compile(phrases: Sequence[str]) -> re.Pattern[str] | None:
    """One alternation over the phrases, longest first; None for an empty list."""
    parts = sorted({p for p in map(_phrase_pattern, phrases) if p}, key=len, reverse=True)
    return re.compile(r"\b(?:" + "|".join(parts) + r")\b") if parts else None


def _found(pattern: re.Pattern[str] | None, text: str) -> bool:
    """Say whether the (optional) pattern occurs in text."""
    return bool(pattern and pattern.search(text))


@dataclass(frozen=True)
class _FoodText:
    """A food's words, normalized once: what the parent said, and all of it with the SR28 text."""

    said: str
    full: str
    group: str
    own: str = ""  # the food alone (name and SR28 text), without the dish it was named in
    dish: str = ""  # the phrase it was named in, when that is more than the food ("pad thai" for its egg)

    @classmethod
    def of(cls, food: FoodLike) -> "_FoodText":
        """Normalize a food's fields once."""
        name, raw = (_normalize(getattr(food, f, "") or "") for f in ("name", "raw"))
        description = _normalize(getattr(food, "description", "") or "")
        said = name + " | " + raw
        dish = raw if raw and name and name not in raw.split(" | ") and not re.search(rf"\b{re.escape(raw)}\b", name) else ""
        return cls(said, said + " | " + description, (getattr(food, "food_group", "") or "").strip(),
                   name + " | " + description, dish)


@dataclass(frozen=True)
class _Rule:
    """One row of the rules table (fields documented in food_safety_rules.json)."""

    kind: str
    severity: str
    message: str
    message_short: str
    message_unknown_age: str
    terms: re.Pattern[str] | None
    said: re.Pattern[str] | None
    needs: re.Pattern[str] | None
    unless: re.Pattern[str] | None
    groups: frozenset[str]
    skip_groups: frozenset[str]
    age_from: int | None
    age_to: int | None
    unknown_age: bool
    skip_if_kinds: frozenset[str]

    @classmethod
    def load(cls, row: dict[str, Any]) -> "_Rule":
        """Compile one row of the rules table."""
        age_from, age_to = row.get("ages", [None, None])
        return cls(
            kind=row["kind"], severity=row["severity"], message=row["message"],
            message_short=row.get("message_short", ""),
            message_unknown_age=row.get("message_unknown_age", row["message"]),
            terms=_compile(row.get("terms", [])), said=_compile(row.get("said", [])),
            needs=_compile(row.get("needs", [])), unless=_compile(row.get("unless", [])),
            groups=frozenset(row.get("groups", [])), skip_groups=frozenset(row.get("skip_groups", [])),
            age_from=age_from, age_to=age_to, unknown_age=row.get("unknown_age", False),
            skip_if_kinds=frozenset(row.get("skip_if_kinds", [])),
        )

    def covers_age(self, age: int | None) -> bool:
        """Say whether the rule applies at this age in months (None: not known)."""
        if age is None:
            return self.unknown_age
        return (self.age_from is None or age >= self.age_from) and (self.age_to is None or age < self.age_to)

    def matches(self, text: _FoodText) -> bool:
        """Say whether the food is what this rule is about, and not made safe or something else."""
        if text.group in self.skip_groups:
            return False
        if not (_found(self.terms, text.full) or text.group in self.groups):
            return False
        if self.said and not _found(self.said, text.said):
            return False
        if self.needs and not _found(self.needs, text.full):
            return False
        return not _found(self.unless, text.full)


@dataclass(frozen=True)
class _Allergen:
    """Words that show one allergen is (or is not, or only may be) in a food."""

    key: str
    label: str
    terms: re.Pattern[str] | None
    remove: re.Pattern[str] | None
    absent: re.Pattern[str] | None
    maybe: re.Pattern[str] | None = None  # foods that only may contain it: cake (egg), pizza (milk)

    @classmethod
    def load(cls, key: str, row: dict[str, Any]) -> "_Allergen":
        """Compile one allergen's word lists."""
        free = row.get("free_words", [])
        absent = [f"{w} free" for w in free] + [f"no {w}" for w in free] + [f"without {w}" for w in free]
        return cls(key, row.get("label", key), _compile(row["terms"]), _compile(row.get("remove", [])),
                   _compile(absent + row.get("absent_if", [])), _compile(row.get("may_contain", [])))

    def found_in(self, text: str) -> bool:
        """Say whether the allergen's words appear, once look-alikes ("peanut butter" for milk) are cut."""
        if _found(self.absent, text):
            return False
        if self.remove:
            text = self.remove.sub(" | ", text)
        return _found(self.terms, text)

    def surely_in(self, text: str) -> bool:
        """Say whether the food is the allergen itself (PB&J, shrimp), not only a food that may hold it."""
        if self.maybe:
            text = self.maybe.sub(" | ", text)
        return self.found_in(text)


@dataclass(frozen=True)
class _Tables:
    rules: tuple[_Rule, ...]
    allergens: dict[str, _Allergen]
    allergy_words: dict[str, _Allergen]
    not_an_allergy: frozenset[str]


@lru_cache(maxsize=1)
def _tables() -> _Tables:
    """Load and compile the rules file once, on first use."""
    data = json.loads(_RULES_FILE.read_text(encoding="utf-8"))
    removes = data.get("allergy_words_remove", {})
    words = {k: _Allergen.load(k, {"terms": data["allergy_words"][k], "remove": removes.get(k, [])})
             for k in MAJOR_ALLERGENS}
    return _Tables(
        rules=tuple(_Rule.load(row) for row in data["rules"]),
        allergens={k: _Allergen.load(k, data["allergens"][k]) for k in MAJOR_ALLERGENS},
        allergy_words=words,
        not_an_allergy=frozenset(_normalize(w) for w in data["not_an_allergy"]),
    )


def allergens_in(food: FoodLike) -> set[str]:
    """Return which of the nine major allergens the food (probably) contains."""
    text = _FoodText.of(food).full
    return {key for key, allergen in _tables().allergens.items() if allergen.found_in(text)}


def normalize_allergen(text: str) -> str | None:
    """Map a parent's allergy word to one of MAJOR_ALLERGENS ("cashews" -> "tree_nut"), else None."""
    keys = _allergy_keys(text)
    return next((k for k in MAJOR_ALLERGENS if k in keys), None)


def _allergy_keys(text: str) -> set[str]:
    """Return every major a recorded allergy names ("seafood" names both fish and shellfish)."""
    norm = _normalize(text)
    if not norm or norm in _tables().not_an_allergy:
        return set()
    return {k for k, words in _tables().allergy_words.items() if words.found_in(norm)}


def _stem(word: str) -> str:
    """Cut a plain English plural: berries -> berry, peaches -> peach, kiwis -> kiwi."""
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 4 and word.endswith(("ches", "shes", "xes", "sses", "oes")):
        return word[:-2]
    if len(word) > 3 and word.endswith("s") and not word.endswith("ss"):
        return word[:-1]
    return word


def _has_custom(allergy: str, text: str) -> bool:
    """Say whether a parent's own allergy word ("kiwi", "strawberries") names this food."""
    wanted = [_stem(w) for w in _normalize(allergy).split()]
    have = [_stem(w) for w in text.replace("|", " ").split()]
    if not wanted:
        return False
    if len(wanted) == 1:  # corn -> popcorn, berry -> strawberry: a false alarm beats a miss
        word = wanted[0]
        return any(w == word or (w.startswith(word) and w[len(word):] in _COMPOUND_TAILS)
                   or (len(word) >= 4 and w.endswith(word)) for w in have)
    n = len(wanted)
    return any(have[i : i + n] == wanted for i in range(len(have) - n + 1))


def _fit(*candidates: str) -> str:
    """Return the first candidate that fits one short message, else cut the last one down."""
    for text in candidates:
        if text and len(text) <= MAX_MESSAGE:
            return text
    return candidates[-1][: MAX_MESSAGE - 3].rstrip() + "..."


def _join(labels: Sequence[str]) -> str:
    """Join labels as "egg, milk and wheat"."""
    return labels[0] if len(labels) == 1 else ", ".join(labels[:-1]) + " and " + labels[-1]


def _rule_message(rule: _Rule, food: str, age: int | None, child: str) -> str:
    """Fill in a rule's message (the "if under ..." one when the age is not known)."""
    template = rule.message_unknown_age if age is None else rule.message
    values = {"child": child, "Child": child[:1].upper() + child[1:], "food": food,
              "Food": food[:1].upper() + food[1:]}
    full = template.format(**values)
    return _fit(full, rule.message_short.format(**values) or full)


def _allergen_message(food: str, labels: Sequence[str], child: str, number: str, surely: bool = False) -> str:
    """Word the allergy heads-up, dropping detail until it fits one short message."""
    call = f"call {number}" if any(c.isdigit() for c in number) else "get emergency help"
    watch = f"Watch for hives, swelling, vomiting; {call} if breathing is hard."
    listed, what = f"on {child}'s allergy list", _join(labels)
    if surely and not all(_normalize(label) in _normalize(food) for label in labels):  # PB&J, shrimp
        return _fit(f"Heads up: {food} has {what} in it - {listed}. {watch}",
                    f"Heads up: that has {what} in it - {listed}. {watch}")
    if all(_normalize(label) in _normalize(food) for label in labels):  # "milk", "kiwi": no "may contain"
        if _normalize(what) == _normalize(food):
            return _fit(f"Heads up: {food} is {listed}. {watch}", f"Heads up: that's {listed}. {watch}")
        # A long food name is dropped before the allergen's: the parent must see which one it is.
        return _fit(f"Heads up: {what} (in the {food}) is {listed}. {watch}",
                    f"Heads up: {what} is {listed}. {watch}", f"Heads up: that's {listed}. {watch}")
    return _fit(
        f"Heads up: {food} may contain {what} - {listed}. {watch}",
        f"{food[:1].upper() + food[1:]} may contain {what} - {listed}. {watch}",
        f"Heads up: this may contain {what} - {listed}. {watch}",
        f"Heads up: this may contain {what}, a listed allergy. {watch}",
    )


def _allergy_flag(
    name: str, text: str, allergies: Sequence[str], child: str, number: str
) -> SafetyFlag | None:
    """Return one flag naming every recorded allergen this food may contain, or None."""
    tables, found, surely = _tables(), [], True
    for allergy in allergies:
        keys = _allergy_keys(allergy)
        if keys:
            hits = [k for k in MAJOR_ALLERGENS if k in keys and tables.allergens[k].found_in(text)]
            found += [tables.allergens[k].label for k in hits]
            surely = surely and all(tables.allergens[k].surely_in(text) for k in hits)
        elif _normalize(allergy) not in tables.not_an_allergy and _has_custom(allergy, text):
            found.append(allergy.strip().lower())
    if not found:
        return None
    labels = list(dict.fromkeys(found))
    return SafetyFlag("allergen", name, _allergen_message(name, labels, child, number, surely), "warn")


def check_foods(
    foods: Sequence[FoodLike],
    age_months: int | None,
    allergies: Sequence[str],
    child_name: str = "your child",
    *,
    emergency_number: str = "911",
) -> list[SafetyFlag]:
    """Return the safety flags for a meal, warnings first, at most one per kind and food."""
    child = (child_name or "").strip() or "your child"
    flags: dict[tuple[str, str], SafetyFlag] = {}
    for food in foods:
        text, name = _FoodText.of(food), (food.name or food.raw or "this food").strip()
        kinds = {kind for kind, word in flags if word == name.lower()}
        for rule in _tables().rules:
            if rule.kind in kinds or rule.skip_if_kinds & kinds:
                continue
            if rule.covers_age(age_months) and rule.matches(text):
                flags[(rule.kind, name.lower())] = SafetyFlag(
                    rule.kind, name, _rule_message(rule, name, age_months, child), rule.severity)
                kinds.add(rule.kind)
        if "allergen" not in kinds:
            flag = _allergy_flag(name, text.own if text.dish else text.full, allergies, child,
                                 (emergency_number or "").strip())
            if flag:
                flags[("allergen", name.lower())] = flag
    for dish, parts in _dishes(foods).items():  # what only the dish's name shows: "sushi" may hold fish
        own = " | ".join(p.own for p in parts)
        rest = [a for a in allergies if not _allergy_flag("", own, [a], child, "")]
        flag = _allergy_flag(dish, dish, rest, child, (emergency_number or "").strip()) if rest else None
        if flag:
            flags[("allergen", dish)] = flag
    return sorted(flags.values(), key=lambda f: _SEVERITY_ORDER.get(f.severity, 2))


def _dishes(foods: Sequence[FoodLike]) -> dict[str, list[_FoodText]]:
    """The foods named as parts of one dish ("pad thai" -> noodles, egg, peanuts), by the dish's words."""
    dishes: dict[str, list[_FoodText]] = {}
    for food in foods:
        text = _FoodText.of(food)
        if text.dish:
            dishes.setdefault(text.dish, []).append(text)
    return dishes


def normalize_text(text: str) -> str:
    """Normalise text the way the tables are matched: lowercase, no apostrophes, punctuation as spaces."""
    return _normalize(text)


def rule_terms() -> list[str]:
    """Every food word an age rule watches for (honey, grapes, swordfish...)."""
    data = json.loads(_RULES_FILE.read_text(encoding="utf-8"))
    return [t for row in data["rules"] for t in row.get("terms", []) if not t.startswith(("milk ", "candies "))]


def allergen_terms(only: Collection[str] | None = None) -> list[str]:
    """Every food word that shows one of the nine major allergens (or only those keyed in `only`)."""
    data = json.loads(_RULES_FILE.read_text(encoding="utf-8"))
    return [t for key, row in data["allergens"].items() if only is None or key in only for t in row["terms"]]


def mentions_custom(word: str, text: str) -> bool:
    """Say whether a parent's own food word ("kiwi", "egg") names a food in this text."""
    keys = _allergy_keys(word)
    norm = _normalize(text)
    if keys and any(_tables().allergens[k].found_in(norm) for k in keys):
        return True
    return _has_custom(word, norm)
