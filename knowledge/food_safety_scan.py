"""Find the foods a message mentions anywhere (a question, a story, a correction, an answer to a
step) and check them against the child's allergies, past reactions and the age rules.

Mentions come from two places: the food engine's curated names and dishes (`name_index().cover`,
so "pb&j" and "nanner" are known) and the safety tables' own words ("trail mix", "swordfish").
Each mention carries its clause as the parent wrote it, so "grapes cut in quarters" or "honey-free"
reach the rules. Symptom words never become foods. Rules only, never an LLM.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Callable, Sequence

from knowledge.food_safety import (
    SafetyFlag, allergen_terms, check_foods, mentions_custom, normalize_text, rule_terms)

# Words for how a child is, never what they ate: "rash" must not become radishes.
SYMPTOMS = frozenset((
    "rash rashes hives hive welts welt fever fevers temp temperature vomit vomits vomited vomiting puke puked "
    "puking throw threw throwing sick spit spitting diarrhea diarrhoea poop poops pooped poo poos stool stools "
    "constipated constipation cough coughs coughed coughing wheeze wheezing sneeze sneezing runny nose snot "
    "eczema itchy itch itching swollen swelling swelled puffy red redness blotchy blotches bumps spots gassy gas "
    "reflux spitup congested congestion cold flu teething drool drooling cranky fussy lethargic").split())
# The symptoms no food parser may ever read as a food ("rash" is not radish), whatever the message.
NEVER_FOODS = re.compile(r"\b(rash(?:es)?|hives|welts?|fevers?|vomit\w*|puk(?:e|ed|ing)|poop\w*|poos?|diarrh\w*|"
                         r"cough\w*|wheez\w*|eczema|snot|sneez\w*|phlegm|mucus|seiz\w*|convuls\w*|heart attacks?)\b", re.I)


def strip_symptoms(text: str) -> str:
    """The text with symptom words blanked out, for a food parser."""
    return NEVER_FOODS.sub(" ", text)


# Clauses about the allergy itself ("she's allergic to peanuts") are not a food being offered.
_ABOUT_ALLERGY = re.compile(r"\b(allergic to|allergy to|allergies to|allergist|intolerant to|intolerance)\b")
_ATE = re.compile(r"\b(ate|had|gave|give|eating|eat|tried|try|offer\w*)\b")
_CLAUSES = re.compile(r"[.;!?,\n]+")
Describe = Callable[[str], "tuple[str, str] | None"]  # ndb_no -> (SR28 description, food group)


@dataclass(frozen=True)
class Mention:
    """One food named in a message, with the clause it was named in."""

    name: str
    raw: str
    description: str = ""
    food_group: str = ""


_SEPARATORS = frozenset("and with or plus then also but n".split())
WINDOW_BEFORE, WINDOW_AFTER = 3, 4  # words around a food that can change its flag: "cut", "no", "free"


@lru_cache(maxsize=1)
def allergen_words() -> frozenset[str]:
    """Every food word that shows one of the nine major allergens ("cashew", "pb and j", "shrimp"), normalised."""
    return frozenset({normalize_text(w) for w in allergen_terms()} - {""})


@lru_cache(maxsize=1)
def _safety_terms() -> frozenset[str]:
    """Every food word the safety tables watch for ("trail mix", "swordfish", "honey"), normalised."""
    return frozenset({normalize_text(w) for w in rule_terms()} - {""}) | allergen_words()


def _singular(word: str) -> str:
    for tail, keep in (("ies", "y"), ("es", ""), ("s", "")):
        if len(word) > 3 and word.endswith(tail):
            return word[: -len(tail)] + keep
    return word


def _term_at(words: list[str], i: int) -> int:
    """Length of the longest safety term starting at words[i] (0 if none)."""
    terms = _safety_terms()
    for n in (3, 2, 1):
        if i + n <= len(words):
            phrase = words[i : i + n]
            if " ".join(phrase) in terms or " ".join([*phrase[:-1], _singular(phrase[-1])]) in terms:
                return n
    return 0


# A how-to question about preparing a food ("how do i cut grapes") names no prepared serving: its verb
# must not read as "cut" or "quartered" on the food.
_HOW_TO = re.compile(r"\b(how(?: (?:do|should|can|would|best|to|much|small|big))*(?: i| we| you)?(?: to)?) "
                     r"(?:cut|cutting|slice|slicing|quarter|quartering|chop|chopping|prepare|preparing|serve|serving|mash|cook)\b")


def _window(words: list[str], start: int, end: int, taken: set[int]) -> str:
    """The food's words and its modifiers on either side, stopping at another food or an 'and', 'with'..."""
    def free(i: int) -> bool:
        return words[i] not in _SEPARATORS and i not in taken

    lo = start
    while lo > max(0, start - WINDOW_BEFORE) and free(lo - 1):
        lo -= 1
    hi = end
    while hi < min(len(words), end + WINDOW_AFTER) and free(hi):
        hi += 1
    return " ".join(words[lo:hi])


def _describe(entry, describe: Describe | None) -> tuple[str, str]:
    """The SR28 description and food group of a curated name or dish (all its parts), if loaded."""
    if describe is None:
        return "", ""
    parts = [describe(ndb) for ndb, *_ in entry.components] if entry.components else [describe(entry.ndb_no)]
    known = [p for p in parts if p]
    return (" | ".join(d for d, _ in known), known[0][1]) if known else ("", "")


def _longer_terms(words: list[str], spans: dict) -> None:
    """Add a safety term of several words ("jelly beans", "sev puri") over the shorter foods the name
    index read inside it ("jelly", "beans"), which stay for what their SR28 text tells."""
    for i in range(len(words)):
        n = _term_at(words, i)
        inside = [s for s in spans if i <= s[0] and s[1] <= i + n]
        crossing = [s for s in spans if s not in inside and s[0] < i + n and i < s[1]]
        if n > 1 and inside and not crossing and (i, i + n) not in spans:
            spans[(i, i + n)] = None


def _clause_mentions(words: list[str], describe: Describe | None) -> list[Mention]:
    from knowledge.foods.names import name_index

    spans = {(m.start, m.end): m.entry for m in name_index().cover(words)}
    _longer_terms(words, spans)
    covered = {i for start, end in spans for i in range(start, end)}
    i = 0
    while i < len(words):
        n = _term_at(words, i) if i not in covered else 0
        if n:
            spans[(i, i + n)] = None
            covered.update(range(i, i + n))
        i += max(n, 1)
    mentions = []
    for (start, end), entry in sorted(spans.items()):
        description, group = _describe(entry, describe) if entry is not None else ("", "")
        # A food inside a longer term reads its modifiers around the whole term ("curd" in "bean curd").
        lo, hi = min(((s, e) for s, e in spans if s <= start and end <= e), key=lambda span: span[0] - span[1])
        others = covered - set(range(lo, hi))
        mentions.append(Mention(" ".join(words[start:end]), _window(words, lo, hi, others), description, group))
    return mentions


def find_mentions(text: str, describe: Describe | None = None) -> list[Mention]:
    """Every food the text names, clause by clause; symptoms and allergy statements are skipped."""
    from knowledge.foods.text import normalise

    mentions: list[Mention] = []
    for clause in _CLAUSES.split(text or ""):
        lowered = _HOW_TO.sub(r"\1", normalize_text(normalise(clause)))
        if not lowered or _ABOUT_ALLERGY.search(lowered) and not _ATE.search(lowered):
            continue
        mentions += _clause_mentions([w for w in lowered.split() if w not in SYMPTOMS], describe)
    return mentions


def check_text(text: str, age_months: int | None, allergies: Sequence[str], reactions: Sequence[str] = (),
               child_name: str = "your child", emergency_number: str = "911",
               describe: Describe | None = None) -> list[SafetyFlag]:
    """The safety flags for every food the text mentions, warnings first, one per kind and food."""
    mentions = find_mentions(text, describe)
    if not mentions:
        return []
    flags = _outer_only(check_foods(mentions, age_months, allergies, child_name, emergency_number=emergency_number))
    flags += reaction_flags(mentions, reactions, child_name, {f.food.lower() for f in flags if f.kind == "allergen"})
    return flags


def _outer_only(flags: list[SafetyFlag]) -> list[SafetyFlag]:
    """One age-rule note per kind for a food named inside another ("jelly" in "jelly beans"): the
    longer one's. Allergen notes all stay: the shorter food's SR28 text may name another allergen."""
    def inside(flag: SafetyFlag, other: SafetyFlag) -> bool:
        small, big = flag.food.lower(), other.food.lower()
        return (flag.kind == other.kind != "allergen" and small != big
                and re.search(rf"\b{re.escape(small)}\b", big) is not None)
    return [f for f in flags if not any(inside(f, other) for other in flags)]


REACTION_NOTE = ("{Child} reacted to {food} before - please don't offer it again until {child}'s pediatrician or "
                 "allergist says it's OK.")


def reaction_flags(mentions: Sequence[Mention], reactions: Sequence[str], child_name: str,
                   already: set[str] = frozenset()) -> list[SafetyFlag]:
    """One flag per food the child reacted to before (until the parent says it was cleared)."""
    child = child_name or "your child"
    flags: dict[str, SafetyFlag] = {}
    for food in reactions:
        for mention in mentions:
            if mentions_custom(food, f"{mention.name} | {mention.raw} | {mention.description}"):
                flags[food] = SafetyFlag("reaction", food, REACTION_NOTE.format(
                    Child=child[:1].upper() + child[1:], child=child, food=food), "warn")
                break
    return list(flags.values())
