"""What was eaten of a batch made at home, when the parent gives the recipe in brackets.

"half a banana-egg pancake (batter was 1 medium banana + 1 egg, made 4 pancakes)" is an eighth of the
banana and an eighth of the egg; "half of a steamed egg (made w 1 egg)" is half an egg. `batch_shares(text)`
rewrites such an item as the share of each measured ingredient, before the message is split into items.
"""
from __future__ import annotations

import re

from knowledge.foods.quantities import number_value

_NUMBER_WORDS = {"a": 1.0, "an": 1.0, "one": 1.0, "two": 2.0, "three": 3.0, "four": 4.0, "five": 5.0, "six": 6.0,
                 "seven": 7.0, "eight": 8.0, "ten": 10.0, "twelve": 12.0, "a dozen": 12.0, "half": 0.5,
                 "a half": 0.5, "a quarter": 0.25, "a third": 1 / 3, "one third": 1 / 3, "two thirds": 2 / 3,
                 "three quarters": 0.75}
_AMOUNT = r"(?:\d+(?:\.\d+)?(?:\s+\d+/\d+)?|\d+/\d+|a dozen|a half|a quarter|a third|one third|two thirds|three quarters|" \
          r"half|an?|one|two|three|four|five|six|seven|eight|ten|twelve)"
# The recipe: "made w 1 egg", "batter was 1 banana + 1 egg", then what it made: ", made 4 pancakes".
_RECIPE = re.compile(r"^(?:[^()]*?\b(?:made|cooked|baked)\s+(?:with|w/?|from|using)|[^()]*?\b(?:batter|mix|mixture|dough|"
                     r"recipe)\s*(?:was|is|=|:|had)?)\s+(?P<parts>[^()]*?)"
                     rf"(?:\s*[,;]\s*(?:it\s+|which\s+|that\s+)?(?:made|makes|making|yielded|yields)\s+(?P<made>{_AMOUNT})\b[^()]*)?$",
                     re.I)
_BRACKETED = re.compile(r"(?P<item>[^,.;:()\n]*?)\s*\((?P<inside>[^()]*)\)")
# How much of one of them was eaten: "half a", "half of a", "2", "a quarter of the".
_EATEN = re.compile(rf"(?:^|(?<=\s))(?P<amount>{_AMOUNT})\s+(?:of\s+)?(?:(?:an?|the|one|those|these)\s+)?(?=[a-z])", re.I)
_PART = re.compile(rf"^\s*(?P<amount>{_AMOUNT})(?=\s)", re.I)


def batch_shares(text: str) -> str:
    """Rewrite each bracketed recipe as the measured ingredients' share that the eaten amount is."""
    return _BRACKETED.sub(_eaten_share, text)


def _eaten_share(m: re.Match) -> str:
    recipe = _RECIPE.match(m.group("inside").strip())
    eaten = _EATEN.search(m.group("item"))
    if recipe is None or eaten is None:
        return m.group(0)
    parts = [p.strip() for p in re.split(r"\s*(?:,|\+|&|\band\b|\bplus\b)\s*", recipe.group("parts")) if p.strip()]
    made = _value(recipe.group("made")) if recipe.group("made") else 1.0
    share = (_value(eaten.group("amount")) or 1.0) / (made or 1.0)
    scaled = [_scaled(p, share) for p in parts]
    if not any(scaled):
        return m.group(0)
    return m.group("item")[: eaten.start()] + " + ".join(s for s in scaled if s)


def _scaled(part: str, share: float) -> str | None:
    """"1 medium banana" at an eighth -> "0.125 medium banana"; a part with no amount is left out."""
    m = _PART.match(part)
    if m is None:
        return None
    value = _value(m.group("amount"))
    if value is None:
        return None
    return f"{round(value * share, 3):g}{part[m.end():]}"


def _value(amount: str) -> float | None:
    amount = amount.lower().strip()
    if amount in _NUMBER_WORDS:
        return _NUMBER_WORDS[amount]
    if " " in amount:  # "1 1/2"
        whole, fraction = amount.split(" ", 1)
        return (number_value(whole) or 0.0) + (number_value(fraction) or 0.0)
    return number_value(amount)
