"""Read how much of a food a parent means: "1 1/2 cups", "½", "half a", "a couple of", "x2", "50g".

`parse_quantity(words)` takes the normalised words of one item ("1 1/2 cup oatmeal") and returns a
`Quantity` plus the words left over for the food name. Turning a quantity into grams for a given
food is `knowledge.foods.portions.grams_for`.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from knowledge.foods.sr28 import singular

NUMBER_WORDS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "dozen": 12, "single": 1,
    "half": 0.5, "quarter": 0.25, "third": 1 / 3, "couple": 2, "pair": 2, "few": 3, "several": 3,
    "both": 2, "thirds": 1 / 3, "quarters": 0.25, "halves": 0.5,
}
# Phrases that mean "some unknown amount": a multiplier of the age-appropriate default serving.
VAGUE = {
    ("a", "little", "bit"): 0.5, ("a", "tiny", "bit"): 0.3, ("a", "little"): 0.5, ("a", "bit"): 0.5,
    ("a", "small", "amount"): 0.5, ("a", "lot"): 1.5, ("lots",): 1.5, ("plenty",): 1.5,
    ("loads",): 1.5, ("tons",): 2.0, ("some",): 1.0, ("a", "smidge"): 0.3, ("a", "touch"): 0.3,
    ("a", "big", "serving"): 1.5, ("a", "small", "serving"): 0.6, ("a", "serving"): 1.0,
    ("a", "portion"): 1.0, ("a", "helping"): 1.0, ("seconds",): 1.5, ("a", "second", "helping"): 1.0,
    ("more",): 1.0, ("enough",): 1.0, ("a", "taste"): 0.1, ("a", "lick"): 0.05,
    # a little of a spread, syrup or topping: "a drizzle of syrup", "a thin layer of peanut butter"
    ("a", "drizzle"): 0.5, ("a", "thin", "layer"): 0.5, ("a", "thin", "spread"): 0.5, ("a", "layer"): 0.7,
    ("a", "smear"): 0.5, ("a", "scrape"): 0.3, ("a", "dab"): 0.3, ("a", "sprinkle"): 0.5,
    ("a", "sprinkling"): 0.5, ("a", "splash"): 0.2, ("a", "dollop"): 0.3, ("a", "dash"): 0.2,
}
VAGUE.update({k[1:]: v for k, v in list(VAGUE.items())  # "thin layer of pb", "drizzle of syrup"
              if k[0] == "a" and len(k) > 1 and k[1] in ("drizzle", "thin", "layer", "smear", "scrape", "dab",
                                                         "sprinkle", "sprinkling", "splash", "dollop")})
UNIT_ALIASES = {
    "g": "g", "gram": "g", "grams": "g", "gr": "g", "gm": "g", "gms": "g", "grammes": "g",
    "kg": "kg", "kilo": "kg", "kilos": "kg", "mg": "mg",
    "oz": "oz", "ounce": "oz", "ounces": "oz", "ozs": "oz", "lb": "lb", "lbs": "lb", "pound": "lb",
    "pounds": "lb", "ml": "ml", "mls": "ml", "milliliter": "ml", "milliliters": "ml",
    "millilitre": "ml", "millilitres": "ml", "cc": "ml", "l": "l", "liter": "l", "liters": "l",
    "litre": "l", "litres": "l", "floz": "fl oz",
    "cup": "cup", "cups": "cup", "c": "cup", "cupful": "cup", "cupfuls": "cup",
    "tbsp": "tbsp", "tbs": "tbsp", "tbsps": "tbsp", "tablespoon": "tbsp", "tablespoons": "tbsp",
    "tbl": "tbsp", "tbls": "tbsp", "tblsp": "tbsp", "tsp": "tsp", "tsps": "tsp", "teaspoon": "tsp",
    "teaspoons": "tsp", "spoon": "spoonful", "spoons": "spoonful", "spoonful": "spoonful",
    "spoonfuls": "spoonful", "spoonsful": "spoonful",
    "bite": "bite", "bites": "bite", "mouthful": "bite", "mouthfuls": "bite", "nibble": "bite",
    "nibbles": "bite", "handful": "handful", "handfuls": "handful", "fistful": "handful",
    "sip": "sip", "sips": "sip", "swig": "sip", "gulp": "sip", "gulps": "sip",
    "slice": "slice", "slices": "slice", "piece": "piece", "pieces": "piece", "pc": "piece",
    "sheet": "sheet", "sheets": "sheet", "pcs": "piece", "count": "piece", "ct": "piece", "bit": "piece", "bits": "piece", "chunk": "piece", "chunks": "piece", "ball": "piece", "balls": "piece", "cube": "cube", "cubes": "cube",
    "strip": "strip", "strips": "strip", "stick": "stick", "sticks": "stick", "wedge": "wedge",
    "wedges": "wedge", "floret": "floret", "florets": "floret", "spear": "spear", "spears": "spear",
    "link": "link", "links": "link", "patty": "patty", "patties": "patty", "triangle": "triangle",
    "triangles": "triangle", "square": "square", "squares": "square",
    "jar": "jar", "jars": "jar", "pouch": "pouch", "pouches": "pouch", "container": "container",
    "containers": "container", "tub": "container", "tubs": "container", "packet": "packet",
    "packets": "packet", "pack": "packet", "packs": "packet", "sachet": "packet", "bar": "bar",
    "bars": "bar", "box": "box", "boxes": "box", "can": "can", "cans": "can", "tin": "can", "tins": "can", "tube": "tube",
    "tubes": "tube", "bottle": "bottle", "bottles": "bottle", "sippy": "sippy", "glass": "glass",
    "glasses": "glass", "mug": "mug", "mugs": "mug", "bowl": "bowl", "bowls": "bowl", "katori": "bowl", "katoris": "bowl",
    "plate": "plate", "plates": "plate", "scoop": "scoop", "scoops": "scoop", "serving": "serving",
    "servings": "serving", "portion": "serving", "portions": "serving", "helping": "serving",
    "helpings": "serving", "pint": "pint", "pints": "pint", "quart": "quart", "quarts": "quart",
}
# Units that only count as units right after a number ("2 c milk"), never on their own.
NUMERIC_ONLY_UNITS = frozenset({"c", "l", "g", "gr", "gm", "pc", "cc", "bit", "bits", "count", "ct", "sheet", "sheets", "can", "cans", "link", "links",
                                "bar", "bars", "stick", "sticks", "tube", "tubes", "box", "boxes", "triangle",
                                "triangles", "square", "squares"})
_VAGUE_LONGEST_FIRST = sorted(VAGUE.items(), key=lambda kv: -len(kv[0]))
SIZES = {
    "small": "small", "smallish": "small", "little": "small", "medium": "medium", "med": "medium",
    "large": "large", "big": "large", "huge": "extra large", "jumbo": "extra large", "mini": "mini", "minis": "mini",
    "xl": "extra large", "kids": "kid", "kid": "kid", "tiny": "mini", "toddler": "kid",
}
# Words that pick one SR28 portion over another: "1 cup mashed banana" -> "cup, mashed".
MODIFIERS = frozenset(
    "mashed sliced chopped diced pureed cubed shredded grated whole halves crushed packed "
    "melted crumbled strips cubes".split()
)
MEASURES = frozenset({"g", "kg", "mg", "oz", "lb", "ml", "l", "fl oz", "cup", "tbsp", "tsp"})
PACKAGES = frozenset({"jar", "pouch", "container"})  # what baby food and snacks come in
_TIME_WORDS = frozenset("am pm min mins minute minutes hour hours hr hrs oclock".split())
_NUM = re.compile(r"^\d+(?:\.\d+)?$")
_FRAC = re.compile(r"^(\d+)/(\d+)$")
_RANGE = re.compile(r"^(\d+(?:\.\d+)?)-(\d+(?:\.\d+)?)$")


@dataclass(frozen=True)
class Quantity:
    """How much: `amount` of `unit` (None: a count of the food itself), or a vague share."""

    amount: float | None = None
    unit: str | None = None
    size: str | None = None
    vague: float | None = None
    modifiers: tuple[str, ...] = field(default=())

    @property
    def given(self) -> bool:
        """True when the parent said how much (a number, a unit or a size)."""
        return self.vague is None and (self.amount is not None or self.unit is not None)


def number_value(word: str) -> float | None:
    """Return the value of "2", "1.5", "1/2" or "1-2" (the middle of a range), else None."""
    if _NUM.match(word):
        return float(word)
    if m := _FRAC.match(word):
        return int(m.group(1)) / int(m.group(2)) if int(m.group(2)) else None
    if m := _RANGE.match(word):
        return (float(m.group(1)) + float(m.group(2))) / 2
    return None


def parse_quantity(words: list[str], protected: frozenset[int] = frozenset()) -> tuple[Quantity, list[str]]:
    """Split `words` into a Quantity and the words naming the food; `protected` indexes are food."""
    words = list(words)
    used: set[int] = set()
    _skip_times(words, used)
    amount, vague, after = _read_amount(words, used, protected)
    unit = _unit_at(words, after, used, protected, after_number=amount is not None)
    if unit is None and after is not None and after < len(words) and (words[after] in SIZES or words[after] in
                                                                       _UNIT_ADJECTIVES):
        unit = _unit_at(words, after + 1, used, protected, after_number=amount is not None)  # "2 little bits",
        if unit is not None and words[after] in _UNIT_ADJECTIVES:  # "1 full sheet", "2 heaping tbsp"
            used.add(after)
    size = None
    for i, word in enumerate(words):
        if i in used or i in protected:
            continue
        if word == "extra" and i + 1 < len(words) and words[i + 1] == "large":
            size = size or "extra large"
            used.update({i, i + 1})
        elif size is None and word in _PLAIN_SIZES and i + 1 < len(words) and words[i + 1] in ("size", "sized"):
            size = "regular"  # "a regular size tortilla": neither small nor large
            used.update({i, i + 1})
        elif size is None and word in SIZES and not (word == "little" and _prev(words, i) == "a"):
            size = SIZES[word]
            used.add(i)
        elif word in UNIT_ALIASES and word not in NUMERIC_ONLY_UNITS:
            if unit is None:
                unit = _unit_at(words, i, used, protected, after_number=False)
            elif UNIT_ALIASES[word] not in MEASURES and unit in MEASURES:
                used.add(i)  # "a bottle of breast milk, 5 oz": the ounces say how much
    if unit in _LOOSE_UNITS and amount is not None and _counted_after(words, unit, used):
        unit = None  # "a handful of veggie straws, maybe 15": fifteen straws
    multiplier = _read_multiplier(words, used, protected)
    if multiplier is not None:
        amount = (amount or 1.0) * multiplier
    rest = [w for i, w in enumerate(words) if i not in used and (w != "of" or i in protected)]
    if amount is None and vague is None and (unit or size):
        amount = 1.0
    mods = tuple(w for w in rest if w in MODIFIERS)
    return Quantity(amount, unit, size, vague, mods), rest


_PLAIN_SIZES = frozenset({"regular", "normal", "standard", "average", "full"})
_UNIT_ADJECTIVES = frozenset({"full", "whole", "heaping", "heaped", "level", "rounded", "generous", "scant"})
_LOOSE_UNITS = frozenset({"handful", "bowl", "plate", "serving", "packet", "bag"})


def _counted_after(words: list[str], unit: str, used: set[int]) -> bool:
    """The number was said after the loose unit ("handful of puffs maybe 15"), so it counts pieces."""
    unit_at = next((i for i, w in enumerate(words) if UNIT_ALIASES.get(w) == unit and i in used), None)
    number_at = next((i for i, w in enumerate(words) if i in used and number_value(w) is not None), None)
    return unit_at is not None and number_at is not None and number_at > unit_at


def _unit_at(words: list[str], i: int | None, used: set[int], protected: frozenset[int],
             after_number: bool) -> str | None:
    """The unit written at words[i] ("cup", "fl oz", "fluid ounces"), marking its words used."""
    if i is None or i >= len(words) or i in used or i in protected:
        return None
    word, nxt = words[i], words[i + 1] if i + 1 < len(words) else ""
    if word in ("fl", "fluid") and nxt in ("oz", "ounce", "ounces"):
        used.update({i, i + 1})
        return "fl oz"
    if word == "ice" and nxt in ("cube", "cubes"):  # "2 ice cube portions": tray cubes of puree
        used.update({i, i + 1})
        if i + 2 < len(words) and words[i + 2] in ("portion", "portions", "size", "sized"):
            used.add(i + 2)
        return "cube"
    if word in UNIT_ALIASES and (after_number or word not in NUMERIC_ONLY_UNITS):
        used.add(i)
        return UNIT_ALIASES[word]
    return None


def _prev(words: list[str], i: int) -> str:
    return words[i - 1] if i > 0 else ""


def _skip_times(words: list[str], used: set[int]) -> None:
    """"at 6am", "for 15 min": numbers that are clock times or durations, not amounts."""
    for i, word in enumerate(words):
        nxt = words[i + 1] if i + 1 < len(words) else ""
        if number_value(word) is not None and (nxt in _TIME_WORDS or _prev(words, i) == "at"):
            used.update({i, i + 1} if nxt in _TIME_WORDS else {i})


def _read_amount(words: list[str], used: set[int], protected: frozenset[int]):
    """Find the amount: a number with a measure ("5 oz") first, else the first number or vague word.

    Returns (amount, vague share, index of the word after the number)."""
    for i in range(len(words) - 1):
        value, width = (None, 0) if i in used or i in protected else _number_at(words, i)
        after = words[i + width] if value is not None and i + width < len(words) else ""
        if value is not None and (UNIT_ALIASES.get(after) in MEASURES or after in ("fl", "fluid")):
            used.update(range(i, i + width))
            return value, None, i + width
        if value is not None and words[i + width : i + width + 2] in (["of", "a"], ["of", "an"]) \
                and UNIT_ALIASES.get(words[i + width + 2] if i + width + 2 < len(words) else "") in MEASURES:
            used.update(range(i, i + width + 2))  # "1/4 of a cup": a quarter cup
            return value, None, i + width + 2
    for i in range(len(words)):
        if i in protected or i in used:
            continue
        for phrase, share in _VAGUE_LONGEST_FIRST:
            n = len(phrase)
            if tuple(words[i : i + n]) == phrase and not protected & set(range(i, i + n)):
                used.update(range(i, i + n))
                if (i + n < len(words) and (words[i + n],) in VAGUE and (words[i + n],) != phrase[-1:]
                        and i + n not in protected):  # "a little drizzle of syrup": the drizzle, a little one
                    share = min(share, VAGUE[(words[i + n],)])
                    used.add(i + n)
                    n += 1
                if i + n < len(words) and words[i + n] == "of":
                    used.add(i + n)
                return None, share, None
        value, width = _number_at(words, i)
        if value is not None:
            used.update(range(i, i + width))
            return value, None, i + width
    return None, None, None


def _number_at(words: list[str], i: int) -> tuple[float | None, int]:
    """Read a number phrase starting at words[i]: "1 1/2", "1 to 2", "half a", "a couple of"."""
    word = words[i]
    nxt = words[i + 1] if i + 1 < len(words) else ""
    value = number_value(word)
    if value is not None:
        if _FRAC.match(nxt) and float(value).is_integer():
            return value + number_value(nxt), 2
        if nxt in ("to", "or") and i + 2 < len(words) and number_value(words[i + 2]) is not None:
            return (value + number_value(words[i + 2])) / 2, 3
        return value, 1
    if word not in NUMBER_WORDS:
        return None, 0
    if word in ("a", "an") and nxt in NUMBER_WORDS and nxt not in ("a", "an"):
        val, width = _number_at(words, i + 1)
        return val, width + 1
    value = float(NUMBER_WORDS[word])
    width = 1
    if word in ("half", "quarter", "third") and nxt in ("a", "an"):
        width = 2
    elif word in ("two", "three") and nxt in ("thirds", "quarters"):
        value, width = NUMBER_WORDS[word] * NUMBER_WORDS[nxt], 2
    elif word == "half" and nxt == "dozen":
        value, width = 6.0, 2
    if i + width < len(words) and words[i + width] == "of" and word in ("couple", "few", "dozen", "pair"):
        width += 1
    return value, width


def _read_multiplier(words: list[str], used: set[int], protected: frozenset[int]) -> float | None:
    """Read "x 2", "2 x" or "times 2" anywhere in the item."""
    for i, word in enumerate(words):
        if word not in ("x", "times") or i in protected:
            continue
        for j in (i + 1, i - 1):
            if 0 <= j < len(words) and j not in protected:
                value = number_value(words[j])
                if value is not None:
                    if j in used:  # "2 x" where "2" was read as the amount: not a second factor
                        used.add(i)
                        return 1.0
                    used.update({i, j})
                    return value
    return None


def canonical_unit(word: str) -> str:
    """Return the canonical unit for an SR28 portion word or a parent's word."""
    return UNIT_ALIASES.get(word, singular(word))
