"""Rewrites of the whole message before it is split into items: brackets ("(like 2 oz)", "(cut into 8)"),
diluted drinks, "the apple one" after a pouch, "made with milk", "a cup and a half", protected food names."""
from __future__ import annotations

import re
from functools import lru_cache

from knowledge.foods.eating_verbs import _VERB
from knowledge.foods.text import normalise

# "4 oz apple juice watered down half n half": half of what was drunk was juice, the water counts nothing;
# "teddy grahams and 4oz apple juice watered down": only the drink after the last "and" is watered.
_DILUTED = re.compile(r"(?P<drink>(?<!\w)(?:(?!\b(?:and|plus|then|with)\b)[^,.;:!?\n])+?)\s+(?:watered\s+down|diluted|mixed with water|cut with water)"
                      r"(?P<half>\s+(?:half\s+(?:and|n|&|'n')\s+half|50/50|1:1)|\s+(?:with\s+)?(?:half|50%)\s+water)?", re.I)
# "half a Happy Baby pouch, the apple sweet potato one": the pack's food, said after it.
_WHICH_ONE = re.compile(r"\b(?P<pack>(?:pouch|jar|tub|pot|packet|pack|bar|box|tube)(?:es|s)?)\s*[,\-\u2013(]\s*the\s+"
                        r"(?P<what>[a-z][a-z &'-]{2,40}?)\s+(?:one|ones|kind|flavou?r)\b\)?", re.I)
_THE_WHOLE = re.compile(r"\b(?:the|her|his|a)\s+whole\s+(?!(?:half|halves|quarter|quarters|amount|thing|things|lot|cup|bowl|plate|jar|pouch|container|bottle|sippy|"
                        r"box|pack|packet|bag|tube|serving|portion|one|piece|slice|milk|wheat|grain|grains|day|time|way|"
                        r"family|meal|dinner|lunch|breakfast|snack|kid|kids|pack|tub|can|carton|glass|sandwich|egg|wrap|"
                        r"burrito|quesadilla)\b)(?=[a-z])", re.I)
_MADE_WITH = re.compile(r"\s+(?:made|cooked|prepared|mashed|fried|sauteed|sautéed|baked|mixed|thinned|stirred)\s+"
                        r"(?:with|in)\s+(?!(?:and|or|plus|then|but)\b)(?P<what>[^,.;!?\n\d½¼¾⅓]+?)"
                        r"(?=\s*(?:$|[,.;!?\n+&])|\s+(?:but|then|and then|though|so)\b)", re.I)
# "a few sips of milk (like 2 oz)": a measured amount in brackets is the item's amount.
_PAREN_AMOUNT = re.compile(r"\(\s*(?:(?:tiny|small|little|big)\s+(?:pieces|bits|ones)\s*,?\s*)?(?:like|about|maybe|around|approx\.?|"
                           r"roughly|~)?\s*(?P<q>\d+(?:[./]\d+)?(?:\s*(?:oz|ounces?|ml|g|grams?|cups?|tbsp|tsp|tablespoons?|"
                           r"teaspoons?)\.?)?)\s*(?:total|in total|altogether|all together|worth)?\s*\?*\s*\)", re.I)
# "(like 2 oz)", "(maybe 5)", "(about 1/4)", "(maybe 10?)", "(tiny pieces maybe 1/2 oz total)"
# "half a turkey sandwich (1 slice bread, 1 slice ham)": the bracket lists the whole food's parts; half of each.
_SHARE_OF_PARTS = re.compile(r"\b(?P<share>half|a half|a quarter|a third|1/2|1/4|1/3)\s+(?:of\s+)?(?:an?|the|one)\s+"
                             r"(?P<food>[a-z][a-z&' ]*?)\s*\((?P<parts>(?=[^()]*\d)(?=[^()]*,)[^()]*)\)", re.I)
_PART_AMOUNT = re.compile(r"(?:(?<=^)|(?<=,))(?P<pad>\s*)(?P<n>\d+(?:\.\d+)?)(?![\d./])(?!\s*(?:inch|in\b|cm|\"))")


def _parts_shared(m: re.Match) -> str:
    """Scale each counted part in the bracket by the share said before the food; the share is then said."""
    share = {"half": 0.5, "a half": 0.5, "1/2": 0.5, "a quarter": 0.25, "1/4": 0.25, "a third": 1 / 3, "1/3": 1 / 3}
    factor = share[m.group("share").lower()]
    parts = _PART_AMOUNT.sub(lambda p: f"{p.group('pad')}{float(p.group('n')) * factor:g}", m.group("parts"))
    if parts == m.group("parts"):
        return m.group(0)
    return f"{m.group('share')} a {m.group('food')} ({parts})"


# "(ate 3)", "(about 1/4)", "(1 slice ham, 2 slices bread)": a bracket that counts or says what was
# eaten is read as segments of its own; "(the dino ones)", "(apple and spinach)" are asides.
_PAREN = re.compile(r"\(\s*(?P<w>[^()]*?)\s*\)")
_SAID = re.compile(r"\d(?![\d./]*\s*(?:%|-?\s*(?:inch|inches|in|cm)\b|\"))|\b(?:half|quarter|third|most|none|all|he|she|they|we|i|it)\b"
                   r"|\bbaby\s+(?:ate|had|took|drank|finished|refused|only|just)\b", re.I)  # "(apple/blueberry happy baby)": a brand
# "2 quesadilla wedges (cut into 8)": how many pieces the whole food was cut into.
_CUT_INTO = re.compile(r"[,(]?\s*(?:\b(?:it was|it's|its|they were|was|were|i)\s+)?\b(?:cut|sliced)\s+(?:up\s+)?"
                       r"(?:in|into|in to)\s+(?P<n>\d+|two|three|four|five|six|eight|ten|twelve|wedges|triangles|squares|"
                       r"quarters|half|halves)\b(?:\s+(?:pieces|wedges|slices|triangles|squares|strips))?\s*\)?", re.I)


def _bracket(m: re.Match) -> str:
    """A bracket that counts or says something happened is segments of its own; else an aside."""
    words = m.group("w")
    if _SAID.search(words) or _VERB.match(words) and not _VERB.match(words).group("subj").strip():
        parts = [p for p in words.split(",") if p.strip()]  # "(the puffed ones, she ate 3)": the kind, then the count
        kinds = [p for p in parts if _THE_ONES.match(p)]
        said = ",".join(p for p in parts if p not in kinds)
        aside = "".join(_aside(k) for k in kinds)
        return f"{aside}, \x06{said}\x06," if said.strip() else aside  # marked: may restate the food before it
    return _aside(words)


def _aside(words: str) -> str:
    """Bracketed words kept beside the food: "(apple/blueberry happy baby)" is one aside, not two foods."""
    return " \x03" + "_".join(normalise(words.replace("/", " ")).split()) + "\x03"


_THE_ONES = re.compile(r"^\s*(?:the|those|these)\s+(?:[a-z-]+\s+){0,4}ones?\s*$", re.I)  # "the dino ones"


def _halves(text: str) -> str:
    """Rewrite "a cup and a half" / "one and a half" as numbers so "and" does not split them."""
    text = re.sub(r"\b(a|an|one|1)\s+(\w+)\s+and\s+a\s+half\b", r"1.5 \2", text, flags=re.I)
    text = re.sub(r"\b(two|2)\s+(\w+)\s+and\s+a\s+half\b", r"2.5 \2", text, flags=re.I)
    text = re.sub(r"\b(a|an|one|1)\s+and\s+a\s+half\b", "1.5", text, flags=re.I)
    text = re.sub(r"\b(two|2)\s+and\s+a\s+half\b", "2.5", text, flags=re.I)
    return re.sub(r"\b(\d+)\s+and\s+(\d+/\d+)", r"\1 \2", text)


def _protect(text: str, phrases: tuple[str, ...]) -> tuple[str, list[str]]:
    """Hide food names that contain separators ("mac and cheese") behind placeholders."""
    saved: list[str] = []

    def keep(match: re.Match) -> str:
        saved.append(match.group(0))
        return f"\x00{len(saved) - 1}\x00"

    pattern = _protected_pattern(phrases)
    return (pattern.sub(keep, text) if pattern is not None else text), saved


@lru_cache(maxsize=8)
def _protected_pattern(phrases: tuple[str, ...]) -> re.Pattern | None:
    """One regex for all protected names, longest first ("mac and cheese" before "mac")."""
    if not phrases:
        return None
    parts = [r"\s*".join(r"(?:and|&|\+|n|'n'|n')" if w in ("and", "n") else re.escape(w) for w in phrase.split())
             for phrase in sorted(phrases, key=len, reverse=True)]
    return re.compile(r"\b(?:" + "|".join(parts) + r")\b", re.I)


def _restore(text: str, saved: list[str]) -> str:
    return re.sub(r"\x00(\d+)\x00", lambda m: saved[int(m.group(1))], text)
