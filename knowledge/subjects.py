"""What a question or a passage is about, beyond its words: the drink it names, whether it asks if
something is safe, and the signs a parent's story reports.

Retrieval uses these to tell apart passages that share words but answer another question: "how
many cups of milk" is not answered by the water passage (which also says "cups" and "milk"),
"is it safe to give him sausages" wants how to cut them (the choking passage), not their salt, and
"should I try egg again?" after a story of vomiting hours later wants the reaction passage, not
how to serve egg.
"""
from __future__ import annotations

import re

# A drink named in a text, most specific first: "oat milk" is a plant milk, not milk.
_DRINKS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("breast milk", re.compile(r"\bbreast ?milk\b|\bbreast ?fe(d|eding)\b|\bnursing\b|\bpumped milk\b", re.I)),
    ("plant milk", re.compile(r"\b(oat|almond|soy|soya|rice|coconut|cashew|hemp|pea|plant|nut|non-dairy|"
                              r"dairy-free|vegan|plant-based) milks?\b", re.I)),
    ("formula", re.compile(r"\bformulas?\b|\b(toddler|growing[- ]up|follow[- ]on|transition) milks?\b", re.I)),
    ("juice", re.compile(r"\bjuices?\b", re.I)),
    ("water", re.compile(r"(?<!coconut )(?<!gripe )(?<!rice )(?<!sugar )\bwater\b", re.I)),
    ("milk", re.compile(r"\bmilks?\b", re.I)),
)
# What a parent may mean by a drink word: "milk" at 7 months is breast milk or formula.
_MEANS = {"milk": frozenset({"milk", "breast milk", "formula"}), "breast milk": frozenset({"breast milk", "milk"})}

SAFETY_ASK = re.compile(r"\b(safe|safely|ok|okay|alright|dangerous|risky|hazards?|choke|choking)\b", re.I)

# Signs in a story that change what the question means, each with the words passages use for it.
_SIGNS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("vomiting", re.compile(r"\b(vomit\w*|threw up|throw(s|ing)? up|thrown up|puk(e|ed|ing)|projectile)\b", re.I)),
    ("hours after", re.compile(r"\b(hours? (later|after)|(an|one|two|three|couple of|few|\d) hours? (later|after))\b",
                               re.I)),
    ("pale paleness floppy", re.compile(r"\b(pale|floppy|limp|lethargic)\b", re.I)),
    ("hives rash", re.compile(r"\b(hives|welts|rash|blotch\w*)\b", re.I)),
    ("swelling", re.compile(r"\b(swell\w*|swollen|puffy)\b", re.I)),
    ("eczema", re.compile(r"\beczema\b", re.I)),
    ("diarrhea", re.compile(r"\b(diarrh\w+|(loose|watery|runny) (stools?|poo\w*|diapers?|nappy|nappies))\b", re.I)),
    ("constipation", re.compile(r"\b(constipat\w+|hard (stools?|poo\w*))\b", re.I)),
    ("blood", re.compile(r"\b(blood|bloody)\b", re.I)),
    # a diagnosed allergy told in the story ("he has a peanut allergy") is what a daycare or party question is about
    ("allergy", re.compile(r"\b(has|have|with|diagnosed with) an? (?!no\b)(\w+ ){0,2}allerg(y|ies)\b|"
                           r"\b(is|was|are|been) (diagnosed )?allergic to\b", re.I)),
)


def drinks_named(text: str) -> frozenset[str]:
    """The drinks a text names: 'oat milk' -> {'plant milk'}, 'cups of milk' -> {'milk'}."""
    found: set[str] = set()
    for drink, pattern in _DRINKS:
        if pattern.search(text):
            found.add(drink)
            text = pattern.sub(" ", text)  # "breast milk" is not also "milk"
    return frozenset(found)


def drinks_meant(asked: frozenset[str], age_months: int | None = None) -> frozenset[str]:
    """Every drink a passage may name and still be about the drink asked for: from 12 months "milk"
    is cow's milk (or breast milk), not toddler formula, which healthy toddlers do not need."""
    meant: set[str] = set()
    for drink in asked:
        meant |= _MEANS.get(drink, {drink})
    if "milk" in asked and "formula" not in asked and age_months is not None and age_months >= 12:
        meant.discard("formula")
    return frozenset(meant)


# "safe snacks for daycare" asks for a list of foods, not whether one food is safe
_SAFE_KINDS_OF = re.compile(r"\bsafe(r|st)? (\w+ )?(snacks?|foods?|finger foods?|meals?|options|ideas|choices)\b", re.I)


def asks_if_safe(question: str) -> bool:
    """Say whether a question asks if something is safe or ok ('are hot dogs ok for...')."""
    return bool(SAFETY_ASK.search(_SAFE_KINDS_OF.sub(" ", question)))


_DENIED = re.compile(r"\b(no|not|without|never|any)\s+(\w+\s+)?$", re.I)  # "no rash or anything"


_GAGGING = re.compile(r"\bgag(s|ged|ging)?\b", re.I)


def story_signs(context: str, focus: str) -> str:
    """The signs the story reports (not denies) that the question itself does not name, in passage words.

    Throwing up after gagging on a lump is gagging, not illness or a reaction: no vomiting sign then."""
    gagged = bool(_GAGGING.search(f"{context} {focus}"))
    return " ".join(words for words, pattern in _SIGNS if not pattern.search(focus) and _reported(pattern, context)
                    and not (gagged and words == "vomiting"))


def names_signs(text: str) -> bool:
    """Say whether a text names a sign of illness or reaction (vomiting, hives, swelling, blood...)."""
    return any(pattern.search(text) for words, pattern in _SIGNS if words not in ("hours after", "eczema", "allergy"))


# "does teething cause fever?", "can juice give him diarrhea?": the signs are asked about, not happening
_CAUSE_ASKED = re.compile(r"\b(cause[sd]?|causing|give[sn]?|bring(s)? on|lead(s)? to|trigger(s|ed)?)\b", re.I)


def reports_signs(text: str) -> bool:
    """Say whether a text tells of signs the child has, not asks whether something causes them."""
    return names_signs(text) and not _CAUSE_ASKED.search(text)


def _reported(pattern: re.Pattern[str], text: str) -> bool:
    """Say whether a sign is told as present at least once, not only as 'no rash'."""
    return any(not _DENIED.search(text[max(0, m.start() - 20):m.start()]) for m in pattern.finditer(text))
