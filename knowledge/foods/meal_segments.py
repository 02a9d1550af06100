"""Splitting a message into clauses and segments, and a segment into its foods ("arepa w cheese ate
maybe 1/2", "some broth maybe 1/3 cup noodles")."""
from __future__ import annotations

import re
from dataclasses import replace

from knowledge.foods.eaten_shares import _HEDGE, _went_in
from knowledge.foods.eating_verbs import _FOOD_VERB, _PASSIVE, _VERB
from knowledge.foods.parsed_item import ParsedItem
from knowledge.foods.quantities import SIZES, UNIT_ALIASES
from knowledge.foods.sr28 import singular
from knowledge.foods.text import content_tokens, normalise

_LABEL = re.compile(r"^\s*[A-Z][\w']*\s*[:\-]\s+")
_DANGLING = re.compile(r"^(?:for|at|as|during)\s+|\s+(?:for|at|as|during|with|in|on)$", re.I)
_LEADING = re.compile(r"^(?:and|then|also|plus|and also|and then|was|were|is|are|=)\s+", re.I)
_CONTRAST = re.compile(r"^(?:just|only|but|except|instead)\b", re.I)
_CLAUSE = re.compile(
    r"(?<!\d)[.;!?\n]+(?!\d)|[.;!?]+$|(?:(?<=[A-Za-z] \d)|(?<=[A-Za-z] \d\d))\.(?=\s)|,?\s+(?:but|then|and then|after that|afterwards|later|though|"
    r"although|however|whereas|while)\s+|^\s*(?:then|and then)\s+",
    re.I,
)
_ON = "".join(f"(?<!{v})" for v in ("snacked", "munched", "nibbled", "chewed", "down", "gagged",
                                     "choked", "sucked", "gnawed", "spread", "put", "based", "hooked", "smeared",
                                     "slathered", "went", "landed", "ended up", "fell", "thrown", "tossed", "dropped",
                                     "straight", "right"))
_SEGMENT = re.compile(
    rf",|\s+-+\s+|\s+=\s+|(?<=[A-Za-z&)\x00])\s*:\s+|(?<!\bplayed)(?<!\bplaying)\s+(?:and|with|plus|alongside|along with|also|as well as)\s+"  # "played with": a verb
    rf"|{_ON}\s+on(?: top of)?\s+"
    r"|\s+(?=(?:no|without)\s+[a-z]+\b(?!\s+(?:idea|clue|judge|judging|judgment|way|problem|problems|issues?|reaction|"
    r"rash|interest|thanks)\b))(?<!^no)"  # "turkey burger no bun": the bun is a food of its own, refused
    r"|\s+(?=(?:he|she|they)\s+(?:only\s+|just\s+|then\s+)?(?:ate|had|finished|drank)\s+(?:like\s+|maybe\s+|about\s+)?"
    r"(?:\d+|half|all|most|one|two|three|four|five|a few|some)(?:\s+of\s+(?:them|it|those|these))?\s*(?:$|[,.;!?)]))"
    # "offered 5 strawberries he ate 3": the count eaten is said of the food before, not a food
    r"|(?<!\b[A-Za-z])\s*&\s*(?!(?-i:[A-Z])(?:s|'s)?\b)|\s+&\s+|\s+\+\s+|(?<=[a-z])\s*/\s*(?=[a-z])",  # not "M&Ms"
    re.I,
)


def _named_then_verb(segments: list[str]) -> list[str]:
    """"arepa w cheese ate maybe 1/2": a food name before the verb is the food, not who ate it."""
    out = []
    for segment in segments:
        m = re.match(r"^\s*(\x00\d+\x00)\s+(?=\S)", segment) or _FOOD_THEN_WHO.match(segment)
        verb = _VERB.match(segment[m.end(1):].strip()) if m else None
        amount = verb is not None and re.match(r"\s*(?:like |about |maybe |around )?\d", segment[m.end(1):].strip()[verb.end():])
        # "Maya had 1/2 cup oatmeal": when a food follows the amount, the words before the verb are who ate
        if (m and verb is not None and (not verb.group("subj").strip() or m.re is _FOOD_THEN_WHO and amount)
                and not (m.re is _FOOD_THEN_WHO and _names_a_food_after(segment[m.end(1):].strip()[verb.end():]))):
            out += [m.group(1), segment[m.end(1):]]
        else:
            out.append(segment)
    return out


def _names_a_food_after(rest: str) -> bool:
    """Whether the words after the verb name something beyond an amount ("1/2 cup oatmeal", not "1/4 cup")."""
    words = content_tokens(normalise(_HEDGE.sub("", rest.strip())).split())
    return any(w not in UNIT_ALIASES and w not in SIZES and w not in _SHARE_WORDS and not re.fullmatch(r"[\d./]+", w)
               for w in words)


# "edamame he ate 1/4 cup", "sweet potato fries baked at home ate 8 fries": the words before the child's
# pronoun or the verb are the food, when an amount follows.
_FOOD_THEN_WHO = re.compile(r"^\s*(?!(?:he|she|they|we|i|you|baby|lo|dd|ds|it|and|then|so|but|also)\b)"
                            r"([A-Za-z][\w' ]*?[A-Za-z])(?=\s+(?:(?:he|she|they)\s|(?:ate|had|drank)\s+"
                            r"(?:like |about |maybe |around |only |just )?\d))", re.I)
# "half a small bowl maybe 1/2 cup": a rough amount, then the measured one it means; the measure counts.
_TWO_AMOUNTS = re.compile(r"^(?P<first>.+?)\s+(?:maybe|like|about|around|roughly|approx|so|or|i'?d say)\s+"
                          r"(?P<second>(?:\d+(?:[./]\d+)?|an?|one|half an?)\s*(?:cups?|tbsp|tsp|oz|ounces?|g|grams?|ml|"
                          r"tablespoons?|teaspoons?)\b.*)$", re.I)


def _second_food(segment: str) -> list[str]:
    """"some broth maybe 1/3 cup noodles total": two foods, the second measured after a hedge."""
    m = _TWO_AMOUNTS.match(segment.strip())
    if m is None or ((verb := _VERB.match(m.group("first"))) and not m.group("first")[verb.end():].strip()):
        return [segment]  # "Amara ate about half a cup": who ate, then the amount; not two foods
    first, second = (content_tokens(normalise(m.group(g)).split()) for g in ("first", "second"))
    if not any(w not in UNIT_ALIASES and w not in SIZES for w in second) or not any(
            w not in UNIT_ALIASES and w not in SIZES and w not in ("half", "quarter", "third") for w in first):
        return [segment]
    return [m.group("first"), m.group("second")]


# "some grapes maybe 8 grapes cut up", "a few strawberries, like 5": the count restates the rough amount.
_VAGUE_THEN_COUNT = re.compile(r"^(?:some|a few|few|a couple(?: of)?|a handful of|a bit of|a little)\s+(?P<food>[a-z][a-z ]*?)"
                               r",?\s+(?:maybe|like|about|around|roughly|i'?d say)\s+(?P<n>\d+)"
                               r"(?:\s+(?P<again>[a-z]+))?(?P<tail>(?:\s.*)?)$", re.I)


def _second_amount(segment: str) -> str:
    """The measured amount when a segment gives a rough one first and names no food in it."""
    if (v := _VAGUE_THEN_COUNT.match(segment.strip())) is not None and (
            v.group("again") is None or v.group("again").lower() == v.group("food").split()[-1].lower()):
        return f"{v.group('n')} {v.group('food')}{v.group('tail') or ''}"
    m = _TWO_AMOUNTS.match(segment.strip())
    if m is None:
        return segment
    first = normalise(m.group("first")).split()
    if any(w not in UNIT_ALIASES and w not in SIZES and w not in ("half", "quarter", "third")
           for w in content_tokens(first)):
        return segment
    return m.group("second")


_SHARE_WORDS = frozenset("half quarter third thirds quarters most all bites bite spoonfuls spoonful spoons spoon "
                         "pieces piece whole sandwich sandwiches bowl plate serving portion".split())


def _food_before_verb(segment: str) -> list[str]:
    """"arepa w cheese ate maybe 1/2": the food, then what was eaten of it (the verb's subject is a food).
    Only a lower-case subject is taken for a food, so "Maya ate half" stays one segment."""
    if _went_in(segment):  # "maybe 1 tbsp actually eaten": an amount, not a food and its verb
        return [segment]
    verb = _FOOD_VERB.match(segment)
    subject = verb.group("subj").strip() if verb else ""
    if not subject or not (subject[0].islower() or subject[0].isdigit()) or _PASSIVE.search(segment):
        return [segment]
    rest = normalise(_HEDGE.sub("", segment[verb.end():].strip())).split()
    said = [w for w in content_tokens(normalise(subject).split()) if w not in ("so", "and", "then")]
    named = [w for w in content_tokens(rest) if w not in _SHARE_WORDS]
    if said and named and {singular(w) for w in named} <= {singular(w) for w in said}:
        amount = " ".join(w for w in rest if w not in named)  # "sweet potato fries ate 8 fries": 8 of them
        return [f"{amount} {subject}".strip()]
    if not said or named:
        return [segment]
    return [subject, segment[len(verb.group("subj")):]]


def _passive_to_all(items: list[ParsedItem], clause: int, text: str) -> None:
    """"tofu and veg untouched", "the peas and carrots were a hit": the verb at the end is said of every
    food of the clause that had no verb of its own."""
    ours = [i for i, item in enumerate(items) if item.clause == clause and not item.refers_back]
    tail = _PASSIVE.search(text.strip(" ,.!"))
    if len(ours) < 2 or tail is None or tail.group("spat") or items[ours[-1]].eaten_share is None:
        return
    listed = text.strip(" ,.!")[: tail.start()]
    last_list = listed[listed.rfind(",") + 1:]  # "spaghetti, few bites, broccoli on the floor": the broccoli only
    for i in ours[:-1]:
        if items[i].eaten_share is None and items[i].kind is None and items[i].raw in last_list:
            items[i] = replace(items[i], eaten_share=items[ours[-1]].eaten_share)


_MIXED_IN = re.compile(r"\s+(?:(?:mixed|stirred|swirled|sprinkled|blended|folded)\s+(?:in|into it|on top|on)|on top)\s*$",
                       re.I)
