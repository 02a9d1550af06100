"""A parent correcting herself inside one text: only what she settles on is the meal.

"8 pretzel twists? no wait it was goldfish, like 30 goldfish" is 30 goldfish; "1 cupcake - no wait she
only licked the frosting off so skip that - a juice box" is the juice box; "5 edamame... no wait he
wont eat edamame" is no edamame; "1 slice deli turkey/ham idk it was ham" is ham.
`without_corrections(text)` rewrites the text to what was meant before it is split into items.
"""
from __future__ import annotations

import re

# "no wait", "wait no", "actually no", "scratch that", "sorry I mean", "correction:" ("oh wait" often adds a food).
_MARK = re.compile(
    r"[\s?!.,\-\u2013]*\b(?:no\s*,?\s*wait|wait\s*,?\s*no|actually\s*,?\s*no|no\s+(?:(?:he|she|they)\s+)?actually|scratch\s+that|"
    r"sorry\s*,?\s*(?:i\s+)?(?:mean|meant)|i\s+meant|correction)\b[\s,:!.\-]*",
    re.I)
# Where the corrected food phrase begins, looking back from the mark.
_OPENS = re.compile(r"(?:^|[,;:(\n]|(?<!\d)\.(?!\d)|\s[-\u2013]\s|\b(?:and|plus|then|with)\b|[&+])\s*", re.I)
# After the mark, the food is dropped: "skip that", "dont count it", "he wont eat edamame".
_DROP = re.compile(r"\b(?:skip|ignore|scratch|forget|don'?t\s+count|do\s+not\s+count|doesn'?t\s+count|not\s+that|"
                   r"(?:(?:he|she|they)\s+)?(?:won'?t|wont|doesn'?t|didn'?t|never|wouldn'?t|did\s+not|does\s+not)\s+"
                   r"(?:eat|have|had|touch|like|want)|(?:he|she|they)\s+(?:only|just)\s+(?:licked|tasted|touched|sucked))\b",
                   re.I)
# After the mark, the right food: "it was goldfish", "make that 10", "i meant".
_INSTEAD = re.compile(r"^(?:it\s+was|it'?s|its|they\s+were|that\s+was|make\s+(?:that|it)|i\s+meant|i\s+mean|"
                      r"it\s+was\s+actually|was)\s+", re.I)
# "it was regular PB, 1 tsp": the food, then its amount; put back in the order a list is read in.
_AMOUNT_AFTER = re.compile(r"^(?P<food>[a-z][a-z' ]*?),\s*(?P<amount>\d+(?:[./]\d+)?\s*(?:tsp|tbsp|cups?|oz|g|ml|pieces?|"
                           r"slices?|spoonfuls?)?)(?=\s*(?:$|[,.;!?\n]))", re.I)
# Where the drop's reason ends: the end of the sentence or a dash that resumes the list.
_REASON_END = re.compile(r"(?<!\d)[.;!?\n](?!\d)|\s[-\u2013]\s|,\s*(?=(?:and\s+|then\s+|plus\s+)?(?:an?|one|\d|some|the)\b)",
                         re.I)
# "deli turkey/ham idk it was ham", "turkey or ham, i think it was ham": one of two, then which.
_ONE_OF_TWO = re.compile(r"\b(?P<a>[a-z]+)\s*(?:/|\bor\b)\s*(?P<b>[a-z]+)\s*[,?]?\s*(?:(?:idk|not sure|i think|i guess|"
                         r"pretty sure|actually)\s*,?\s*)*(?:it\s+was|it'?s|its|was)\s+(?P<which>[a-z]+)\b", re.I)


# "3 sips of juice, not counting that", "some sorrel but i'm not counting that": the phrase before goes.
_NOT_COUNTED = re.compile(r"\s*[,\-\u2013]?\s*(?:but\s+|so\s+)?(?:i'?m\s+|im\s+|i\s+am\s+)?(?:not\s+counting|not\s+going\s+to\s+count|"
                          r"(?:i\s+)?(?:won'?t|wont|don'?t|dont)\s+count)\s+(?:that|it|those|them|this)\b[^.;!?\n]*", re.I)


def without_corrections(text: str) -> str:
    """The text with each self-correction applied: the corrected phrase goes, what replaced it stays."""
    text = _ONE_OF_TWO.sub(_which_of_two, text)
    for _ in range(5):
        if (skip := _NOT_COUNTED.search(text)) is None:
            break
        opens = list(_OPENS.finditer(text[: skip.start()]))
        text = text[: opens[-1].end() if opens else 0] + text[skip.end():]
    for _ in range(5):  # a text corrects itself a few times at most
        mark = _MARK.search(text)
        if mark is None:
            break
        text = _apply(text, mark)
    return text


def _which_of_two(m: re.Match) -> str:
    which = m.group("which").lower()
    return m.group("which") if which in (m.group("a").lower(), m.group("b").lower()) else m.group(0)


def _apply(text: str, mark: re.Match) -> str:
    """Rewrite one correction: drop the phrase before `mark`, keep what the parent meant instead."""
    before, after = text[: mark.start()], text[mark.end():]
    opens = list(_OPENS.finditer(before))
    start = opens[-1].end() if opens else 0
    if not before[start:].strip():  # "no wait" opening a sentence corrects nothing we can see
        return before + " " + after
    if _DROP.search(after[: (end := _reason_end(after))]):
        rest = after[end:].lstrip(" -\u2013")
        return before[:start] + rest
    return before[:start] + _AMOUNT_AFTER.sub(r"\g<amount> \g<food>", _INSTEAD.sub("", after.lstrip()), count=1)


def _reason_end(after: str) -> int:
    m = _REASON_END.search(after)
    return m.end() if m else len(after)
