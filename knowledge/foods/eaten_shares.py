"""How much of a food was eaten: "half of it", "3 bites", "ate 2 squares", "an ounce went down",
"the rest went to the dog"."""
from __future__ import annotations

import re
from dataclasses import replace

from knowledge.foods.eating_verbs import EAT
from knowledge.foods.parsed_item import ParsedItem
from knowledge.foods.quantities import number_value

# "half of the", "most of her", "a few bites of", "all the": what share of the item was eaten.
_DET = r"(?:the|her|his|their|my|your|our|its|that|this|those|these)\b"
SHARES: tuple[tuple[str, float], ...] = (
    (rf"(?:about |around |roughly )?half(?: of)?(?= {_DET}| of\b| it\b| them\b| both\b|$)", 0.5),
    (rf"(?:most|the majority)(?: of)?(?= {_DET}| it\b| them\b| both\b|$)", 0.75),
    (r"(?:most|the majority) of(?= an? )", 0.75),
    (rf"(?:some|part|a bit|a little|a little bit) of(?= {_DET}| it\b| them\b| both\b)", 0.4),
    (rf"(?:a quarter|a third|one third|one quarter)(?: of)?(?= {_DET}| it\b| them\b| both\b|$)", 0.3),
    (rf"(?:two thirds|three quarters)(?: of)?(?= {_DET}| it\b| them\b| both\b|$)", 0.7),
    (r"(?:her|his|their) (?:own )?(?:half|halves)(?=$|\s)", 0.5),  # "split one with her brother, she ate her half"
    (r"(?:barely|hardly) any(?: of)?", 0.1), (r"none(?: of)?", 0.0), (r"nothing", 0.0), (r"zero(?: of)?", 0.0),
    (r"(?:it all|them all|all of it|all of them|everything|both of them|both of those|them both|both|(?:the )?whole (?:thing|things|lot|cup|bowl|plate|jar|pouch|"
     r"container|bottle|sippy|box|pack|packet|bag|tube|serving|portion|one|piece|slice))(?=$|\s)", 1.0),
    (rf"(?:all|every bit)(?: of)?(?= {_DET}| it\b| them\b| both\b|$)", 1.0),
)
_BITES = re.compile(
    r"^(?P<n>\d+(?:\.\d+)?|a|an|one|two|three|four|five|six|a few|a couple|a couple of|few|several)\s+"
    r"(?P<unit>bites?|mouthfuls?|spoonfuls?|spoons|tastes?|nibbles?|licks?|sips?|squeezes?|slurps?)(?:\s+of)?\b\s*",
    re.I,
)
_PRONOUN = re.compile(r"^(?:it|them|that|those|these|all|it all|them all|everything|any|some|much|both|them both|"
                      r"both of them|both of those|the two|the two of them|"
                      r"any of it|all of it|all of them|the rest|more|well|a lot|lots|"
                      r"(?:the|that|this|her|his|their) (?:jar|pouch|bowl|cup|plate|container|bottle|tube|box|pack|"
                      r"packet|bag|serving|portion|thing|lot|tub|sippy|sandwich|sandwiche|wrap|burrito|quesadilla)s?)?\s*$",
                      re.I)  # "pb&j, she ate half the sandwich": the sandwich is the pb&j
_HEDGE = re.compile(r"^(?:(?:so\s+)?(?:call it|let'?s say|lets call it|i'?ll say|i'?d say|say|count it as|i'?ll count|count)|like|maybe|about|around|roughly|approximately|approx|almost|nearly|probably|"
                    r"only|just|literally|prob|honestly|actually|realistically|really|more like|more|closer to)\s+", re.I)
_COUNT_ONLY = re.compile(r"^(?:all\s+(?:of\s+(?:the\s+)?)?)?(?P<n>\d+(?:\.\d+)?|one|two|three|four|five|six|seven|eight|nine|ten|a couple|"
                         r"a few)(?:\s+of\s+(?:them|those|these|it|(?:the\s+)?\d+(?:\s+(?:in|from)\s+(?:the|a)\s+"
                         r"(?:pack|packet|bag|box|tub|container|pouch|sleeve))?))?$|"  # "3 of 5 in the pack": 3
                         r"^(?P<part>half|a half|a quarter|a third|\d+/\d+)\s+(?:of\s+)?(?:one|a piece)$", re.I)
# "she ate 2 squares", "ate 3 of the pieces": pieces of something cut up before.
_PIECES_EATEN = re.compile(r"^(?P<n>\d+(?:\.\d+)?|a|an|one|two|three|four|five|six|seven|eight|a couple)\s+(?:of\s+"
                           r"(?:the|them|those|its|her|his)\s+)?(?:(?P<of>\d+|two|three|four|five|six|eight)\s+)?"
                           r"(?:squares?|triangles?|pieces?|wedges?|quarters?|halves|half|fingers?|strips?)$", re.I)
# "she ate like 2/3", "3/4 eaten": a bare share of what was just listed.
_BARE_SHARE = re.compile(r"^(?:(?P<a>\d+)/(?P<b>\d+)|(?P<w>a half|two thirds|three quarters|a third|a quarter))"
                         r"(?:\s+of (?:it|them))?(?:\s+(?P<eaten>eaten|gone|finished))?$", re.I)
_FRACTION_WORDS = {"a half": 0.5, "two thirds": 2 / 3, "three quarters": 0.75, "a third": 1 / 3, "a quarter": 0.25}
_CUT_PIECE = "cut piece"
OF_WHOLE = "of whole"  # an eaten share of one whole food or dish, not of what was served
_NUMBERS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
            "a few": 3, "few": 3, "several": 3, "a couple": 2, "a couple of": 2}
# "half went on the floor", "rest went to the dog": what was not eaten, said of the items before.
_WASTED = re.compile(
    r"(?:(?<=^)|(?<=[,.;!?\n])|(?<=\band)|(?<=\bbut)|(?<=\bthen))\s*(?:(?:honestly|actually|literally|basically|"
    r"probably|i think)\s+)?(?:the\s+)?"
    r"(?P<share>rest|remainder|others|half|most|more|some|a lot|a bit|a little|part|the majority|a quarter|"
    r"a third|two thirds|three quarters|all|everything|the whole thing|it|them)(?:\s+of\s+(?:it|them|that))?\s+"
    r"(?:(?:(?:went|ended up|landed|was|were|got|is|are|fell)\s+)?(?:on|in|to|under|onto|into)\s+(?:the\s+|her\s+|his\s+)?"
    r"(?:floor|ground|dog|dogs|bib|hair|tray|bin|trash|high\s*chair|table|face|clothes|lap|sister|brother)|"
    r"(?:was|were|got)\s+(?:thrown|tossed|dropped|wasted|"
    r"fed to the dog|given to the dog))\b"
    r"(?:\s+than\s+(?:in|into|went in)\s*(?:her|him|his|them|their|the)?(?:\s+(?:mouth|belly|tummy))?\b)?",  # "more went on
    # the floor than in her": more than half
    re.I,
)
# "fed the rest to the dog", "threw half on the floor": the same, said verb first.
_WASTED_FED = re.compile(
    r"(?:(?<=^)|(?<=[,.;!?\n])|(?<=\band)|(?<=\bbut)|(?<=\bthen))\s*(?:(?:she|he|they|i|we)\s+)?"
    r"(?:fed|gave|threw|tossed|dropped|chucked|flung|slipped)\s+(?:the\s+)?(?P<share>rest|remainder|others?|other half|half|"
    r"most|some|all|everything|it|them|\d+|one|two|three)(?:\s+of\s+(?:it|them|the\s+[a-z]+))?\s+(?:to|on|onto|at|under|for)\s+"
    r"(?:the\s+|our\s+|her\s+|his\s+)?"
    r"(?:dog|dogs|cat|floor|ground|bin|trash)\b", re.I)
_WASTED_SHARE = {"half": 0.5, "most": 0.75, "more": 0.6, "some": 0.4, "a lot": 0.6, "a bit": 0.2, "a little": 0.2, "part": 0.4,
                 "the majority": 0.75, "a quarter": 0.25, "a third": 1 / 3, "two thirds": 2 / 3,
                 "three quarters": 0.75, "all": 1.0, "everything": 1.0, "the whole thing": 1.0, "it": 1.0,
                 "them": 1.0, "other half": 0.5}
_COUNT_LEFT = re.compile(r"^(?:the\s+)?(?:other\s+|last\s+)?(?:\d+|one|two|three|four|five|a couple|a few)"
                         r"(?:\s+of\s+(?:them|those|these|it))?$", re.I)
_THE_REST = re.compile(r"^(?:the|all the)?\s*(?:rest|remainder|others|other ones|leftovers)\b", re.I)
# how many pieces a whole is cut into, said in numbers or in the pieces' shape (estimates for the shapes)
_CUT_NUMBERS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "eight": 8, "ten": 10, "twelve": 12,
                "wedges": 8, "triangles": 4, "squares": 4, "quarters": 4, "half": 2, "halves": 2}
_WORD_NUMBERS = {"seven": 7, "eight": 8, "nine": 9, "ten": 10}


def _went_in(segment: str) -> re.Match | None:
    """"an ounce went down", "maybe 2 bites actually eaten": how much of the food before went in."""
    hedged = _HEDGE.sub("", _HEDGE.sub("", segment.strip(" ,.!")))
    return _WENT_DOWN.match(hedged) or _BITES_WENT_IN.match(hedged)


def _of_the_cut(item: ParsedItem, before: list[ParsedItem]) -> ParsedItem:
    """"pb&j cut into 4, she ate 2 squares": two of the four pieces is half of it; "a quesadilla cut
    into wedges, ate 2": two of its eight wedges."""
    cut_whole = next((b for b in reversed(before) if b.cut_into and not b.refers_back), None)
    if item.bite_unit != _CUT_PIECE and item.eaten_count is not None and cut_whole is not None \
            and not any((number_value(w) or 0) > 1 for w in cut_whole.words):  # one whole food was cut
        return replace(item, eaten_share=min(1.0, item.eaten_count / cut_whole.cut_into), eaten_count=None,
                       bite_unit=OF_WHOLE)
    if item.bite_unit != _CUT_PIECE or item.eaten_count is None:
        return item
    cut = next((b.cut_into for b in reversed(before) if b.cut_into), None)
    word = item.raw.lower().split()[-1] if item.raw.split() else ""
    cut = cut or (4 if word.startswith("quarter") else 2 if word.startswith("hal") else None)
    if cut is None:  # "ate 2 pieces" of something counted: two of its pieces
        return replace(item, bite_unit="bite")
    return replace(item, eaten_share=min(1.0, item.eaten_count / cut), eaten_count=None, bite_unit=OF_WHOLE)


_BOTH = re.compile(r"^(?:\w+\s+){0,3}?(?:of\s+)?(?:them\s+)?both(?:\s+of\s+them)?\s*$", re.I)  # "most of both"
# "half the jar", "about half of the 4oz", "half the little 2.5 oz tub": a share of the package just named.
_PACK_BACK = re.compile(r"^(?:the|that|this|her|his|their)\s+(?:(?:little|small|big|whole|mini|full)\s+)?"
                        r"(?P<amount>\d+(?:\.\d+)?\s*(?:oz|ounces?|ml|g|grams?)\.?)?\s*"
                        r"(?:jar|pouch|tub|container|cup|bowl|packet|pack|box|bottle|tube|serving|portion|bag|sachet|carton|can|glass|mug|"
                        r"plate|sippy(?: cup)?)?(?:s|es)?\s*$",
                        re.I)
_WENT = r"(?:actually\s+|really\s+|probably\s+)?(?:went down|went in|made it in|made it down|got eaten|was eaten|" \
        r"were eaten|eaten|stayed down|got in|made it into (?:her|his|their) mouth)"
_BITES_WENT_IN = re.compile(rf"^(?P<n>\d+|a|one|two|three|a few|a couple|few)\s+(?P<unit>bites?|mouthfuls?|spoonfuls?|"
                            rf"licks?|sips?|pieces?)\s+{_WENT}\s*$", re.I)  # "3 pieces went in": about a bite each
# "an ounce actually went down", "about 2 tbsp made it in": the amount eaten of what was just named.
_WENT_DOWN = re.compile(r"^(?P<amount>(?:an?|one|two|three|\d+(?:[./]\d+)?)\s+(?:oz|ounces?|ounce|tbsp|tablespoons?|tsp|"
                        r"teaspoons?|spoonfuls?|ml|g|grams?|cups?)(?:\s+of\s+it)?)\s+(?:actually\s+|really\s+|probably\s+)?"
                        r"(?:went down|went in|made it in|made it down|got eaten|was eaten|eaten|stayed down|got in)\s*$", re.I)


def _share_said_of_before(segment: str, eaten: bool, clause: int, bracketed: bool = False) -> ParsedItem | None:
    """"ate like 2/3", "3/4 eaten", "ate half of one", "ate 2 squares", "2 of the 4 triangles": how much
    of what was just listed was eaten, naming no food."""
    text = segment.strip(" ,.!")
    if (m := _BARE_SHARE.match(text)) and (eaten or m.group("eaten")):
        share = _FRACTION_WORDS.get((m.group("w") or "").lower()) or int(m.group("a")) / max(int(m.group("b")), 1)
        return ParsedItem(segment, (), min(share, 1.0), None, "bite", clause, True, None, EAT)
    if (m := _COUNT_ONLY.match(text)) and m.group("part") and (eaten or bracketed):  # "banana (a quarter of one)"
        part = m.group("part").lower()  # "she ate half of one": half a piece
        count = number_value(part) or {"half": 0.5, "a half": 0.5, "a quarter": 0.25, "a third": 1 / 3}[part]
        return ParsedItem(segment, (), None, None, "bite", clause, True, count, EAT)
    if not eaten:
        return None
    if m := _PIECES_EATEN.match(text):
        n = m.group("n").lower()
        count = _NUMBERS.get(n) or _WORD_NUMBERS.get(n) or number_value(n) or 1.0
        if m.group("of"):  # "2 of the 4 triangles": half of it
            whole = _CUT_NUMBERS.get(m.group("of").lower()) or number_value(m.group("of")) or count
            return ParsedItem(segment, (), min(1.0, count / whole), None, OF_WHOLE, clause, True, None, EAT)
        return ParsedItem(segment, (), None, None, _CUT_PIECE, clause, True, count, EAT)
    return None


_FRACTION_OF = re.compile(rf"(?:only |just )?(?P<a>\d+)/(?P<b>\d+) of(?= {_DET}| it\b| them\b|$)\s*")


def _share(segment: str) -> tuple[str, float | None]:
    lowered = segment.lower()
    if (m := _FRACTION_OF.match(lowered)) and 0 < int(m.group("a")) <= int(m.group("b")):  # "3/4 of it"
        return segment[m.end():], int(m.group("a")) / int(m.group("b"))
    for pattern, value in SHARES:
        if m := re.match(r"(?:only |just )?" + pattern + r"\s*", lowered):
            return segment[m.end():], value
    return segment, None


def _bite_unit(word: str) -> str:
    word = word.lower()
    if word.startswith("spoon"):
        return "spoonful"
    if word.startswith("lick"):
        return "lick"
    return "sip" if word.startswith("sip") else "bite"
