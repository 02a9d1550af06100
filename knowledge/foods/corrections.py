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


# A count doubted, then the real one: "2 scrambled eggs?? no way she ate 2. she ate 1 eggs worth" is 1 egg.
_DOUBTED = re.compile(r"\b(?:no\s+way|there'?s\s+no\s+way|as\s+if)\s+(?:she|he|they)\s+(?:ate|had|finished|drank)\s+"
                      r"(?:\d+|all(?:\s+of\s+(?:it|them))?|both|that\s+much)\b[.!?]*", re.I)
_WORTH = re.compile(r"\b(?P<verb>ate|had|drank|finished)\s+(?:about\s+|maybe\s+|like\s+)?(?P<n>\d+(?:\.\d+)?|one|half|a\s+half)"
                    r"\s+(?:(?!cups?|tbsp|tsp|oz|ounces?|bowls?|spoonfuls?|bites?|slices?|pieces?|ml)[a-z]+\s+)?worth\b"
                    r"(?!\s+of\b)", re.I)


def without_corrections(text: str) -> str:
    """The text with each self-correction applied: the corrected phrase goes, what replaced it stays."""
    text = _WORTH.sub(r"\g<verb> \g<n>", _DOUBTED.sub(" ", text))  # "she ate 1 eggs worth": 1 of the eggs named
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


# After the mark, a new count of a food already named: "correction: 4 nuggets, I miscounted".
_RECOUNT = re.compile(r"^(?P<n>\d+(?:\.\d+)?|one|two|three|four|five|six|seven|eight|nine|ten)\s+(?P<food>[a-z][a-z' ]*?)"
                      r"(?=\s*(?:$|[,.;!?\n]))", re.I)
# After the mark, a topping or step denied: "no wait she didn't butter it, it was plain".
_DENIED = re.compile(r"^(?:(?:she|he|they|i|we|grandma|daddy|dad|mum|mom)\s+)?(?:didn'?t|did\s+not|never|wasn'?t|was\s+not)\s+"
                     r"(?:actually\s+)?(?P<verb>[a-z]+)", re.I)
_NUMBER = r"\d+(?:\.\d+)?|one|two|three|four|five|six|seven|eight|nine|ten|an?"


def _recounted(before: str, after: str) -> str | None:
    """"3 dino nuggets ... correction: 4 nuggets": the new count replaces the old one, the rest stays."""
    m = _RECOUNT.match(_INSTEAD.sub("", after.lstrip()))
    if m is None:
        return None
    head = m.group("food").split()[-1].lower().rstrip("s")
    said = list(re.finditer(rf"\b(?P<n>{_NUMBER})\s+(?:[a-z'-]+\s+){{0,3}}?{re.escape(head)}(?:e?s)?\b", before, re.I))
    if not said:
        return None
    old = said[-1]
    return before[: old.start("n")] + m.group("n") + before[old.end("n"):] + ". " + after[_reason_end(after):]


def _denied(before: str, start: int, after: str) -> str | None:
    """"bread grandma kept buttering... no wait she didn't butter it": the bread stays, the butter goes."""
    m = _DENIED.match(after.lstrip())
    stem = re.sub(r"(?:ed|ing|s)$", "", m.group("verb").lower()) if m else ""
    if len(stem) < 3 or not re.search(rf"\b{stem}", before[start:], re.I):
        return None
    kept = re.sub(rf"\s*\b(?:with\s+|and\s+)?(?:some\s+)?{stem}[a-z]*\b", " ", before, flags=re.I)
    return kept + ". " + after[_reason_end(after):].lstrip(" ,")


def _apply(text: str, mark: re.Match) -> str:
    """Rewrite one correction: drop the phrase before `mark`, keep what the parent meant instead."""
    before, after = text[: mark.start()], text[mark.end():]
    opens = list(_OPENS.finditer(before))
    start = opens[-1].end() if opens else 0
    if (recount := _recounted(before, after)) is not None:
        return recount
    if (denied := _denied(before, start, after)) is not None:
        return denied
    if not before[start:].strip():  # "no wait" opening a sentence corrects nothing we can see
        return before + " " + after
    if _DROP.search(after[: (end := _reason_end(after))]):
        rest = after[end:].lstrip(" -\u2013")
        return before[:start] + rest
    return before[:start] + _AMOUNT_AFTER.sub(r"\g<amount> \g<food>", _INSTEAD.sub("", after.lstrip()), count=1)


def _reason_end(after: str) -> int:
    m = _REASON_END.search(after)
    return m.end() if m else len(after)
