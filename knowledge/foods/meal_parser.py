"""Split a parent's meal message into items and what happened to each (eaten, part eaten, refused).

"Maya had ½ cup oatmeal and a banana, then some blueberries for breakfast" ->
meal_type "breakfast", items "½ cup oatmeal", "a banana", "some blueberries". The parser knows words,
not foods: matching items to SR28 is `FoodTable.resolve`. Pure functions, no state.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache

from rapidfuzz import fuzz

from knowledge.foods.batches import batch_shares
from knowledge.foods.corrections import without_corrections
from knowledge.foods.filler import strip_filler
from knowledge.foods.outcomes import retold_outcomes
from knowledge.foods.quantities import SIZES, UNIT_ALIASES, number_value
from knowledge.foods.sr28 import singular
from knowledge.foods.text import content_tokens, light_normalise, normalise

MEAL_WORDS = {
    "breakfast": "breakfast", "brekkie": "breakfast", "brekky": "breakfast", "bfast": "breakfast",
    "brunch": "breakfast", "lunch": "lunch", "lunchtime": "lunch", "dinner": "dinner",
    "supper": "dinner", "dinnertime": "dinner", "snack": "snack", "snacks": "snack",
    "snacktime": "snack", "teatime": "dinner",
}
_TEA = re.compile(r"\b(?:for|at|after|before)\s+(?:her\s+|his\s+|their\s+|the\s+)?tea\b|\btea\s*time\b", re.I)
_MEAL = "|".join(sorted(MEAL_WORDS, key=len, reverse=True))
_MEAL_PHRASE = re.compile(  # the meal word goes; a dangling "for"/"at" is a stopword later
    rf"\b(?:all\s+(?:of\s+)?(?:her\s+|his\s+|their\s+|the\s+)?(?=(?:{'|'.join(MEAL_WORDS)})\b))?(?:(?:morning|afternoon|midmorning|mid-morning|bedtime|evening|am|pm)\s+)?(?:{_MEAL})\b"
    rf"(?:\s*time\b)?(?:\s*[:\-](?=\s))?",
    re.I,
)
_NEXT_MEAL = re.compile(rf"(?<=[,;])\s*(?:then\s+|and\s+)?(?:(?:morning|afternoon|bedtime|evening|am|pm)\s+)?(?:{_MEAL})\b"
                        r"\s*(?:[:\-\u2013]|was\b|were\b)?\s*", re.I)
_MEAL_ALONE = re.compile(rf"^\s*(?:(?:morning|afternoon|bedtime|evening|am|pm)\s+)?(?:{_MEAL})\s*$", re.I)
_MEAL_TARGETS = ("breakfast", "lunch", "dinner", "supper", "snack")
_LABEL = re.compile(r"^\s*[A-Z][\w']*\s*[:\-]\s+")

# Verb phrases at the start of a segment, with what they say about eating.
EAT, OFFER, REFUSE = "eat", "offer", "refuse"
VERBS: dict[str, tuple[str, float | None]] = {
    "had": (EAT, None), "has had": (EAT, None), "have had": (EAT, None), "ate": (EAT, None),
    "eaten": (EAT, None), "has eaten": (EAT, None), "eats": (EAT, None), "eat": (EAT, None),
    "finished": (EAT, 1.0), "devoured": (EAT, 1.0), "gobbled up": (EAT, 1.0), "gobbled": (EAT, 1.0),
    "loved": (EAT, None), "enjoyed": (EAT, None), "tried": (EAT, None), "tasted": (EAT, None),
    "trying": (EAT, None), "try": (EAT, None),
    "nibbled on": (EAT, None), "nibbled": (EAT, None), "drank": (EAT, None), "drunk": (EAT, None),
    "drinks": (EAT, None), "drink": (EAT, None), "sipped": (EAT, None), "nursed": (EAT, None),
    "nursing": (EAT, None), "breastfed": (EAT, None), "breast fed": (EAT, None),
    "got": (EAT, None), "snacked on": (EAT, None), "munched on": (EAT, None), "munched": (EAT, None),
    "chowed down on": (EAT, None), "wolfed down": (EAT, 1.0), "polished off": (EAT, 1.0),
    "scarfed down": (EAT, 1.0), "scarfed": (EAT, 1.0), "inhaled": (EAT, 1.0), "took": (EAT, None),
    "slurped up": (EAT, None), "slurped": (EAT, None), "chomped on": (EAT, None), "chomped": (EAT, None),
    "gnawed on": (EAT, None), "gnawed": (EAT, None), "chewed on": (EAT, None), "sucked on": (EAT, None),
    "gummed": (EAT, None), "ate up": (EAT, 1.0), "got through": (EAT, None), "made it through": (EAT, None), "sucked down": (EAT, 1.0), "downed": (EAT, 1.0), "snarfed": (EAT, 1.0), "chowed down": (EAT, None),
    "swallowed": (EAT, None), "gulped down": (EAT, 1.0), "gulped": (EAT, None), "guzzled": (EAT, None),
    "chugged": (EAT, None), "crunched on": (EAT, None), "crunched": (EAT, None),
    "demolished": (EAT, 1.0), "fed": (EAT, None), "fed him": (EAT, None), "fed her": (EAT, None),
    "picked at": (EAT, 0.25), "played with": (EAT, 0.1), "smeared the": (EAT, 0.1), "smeared her": (EAT, 0.1),
    "smeared his": (EAT, 0.1), "smeared most of": (EAT, 0.1),  # "smeared the couscous": not "avocado smeared on"
    "split": (EAT, 0.5), "shared": (EAT, 0.5),  # "they split a quesadilla": half each "barely ate": (EAT, 0.1),
    "barely touched": (EAT, 0.1), "hardly ate": (EAT, 0.1), "didnt eat much": (EAT, 0.25),
    "did not eat much": (EAT, 0.25), "didnt finish": (EAT, 0.5), "did not finish": (EAT, 0.5),
    "offered": (OFFER, None), "served": (OFFER, None), "gave": (OFFER, None), "gave him": (OFFER, None),
    "gave her": (OFFER, None), "gave them": (OFFER, None), "made": (OFFER, None),
    "made him": (OFFER, None), "made her": (OFFER, None), "opened": (OFFER, None), "thawed": (OFFER, None),
    "heated up": (OFFER, None), "warmed up": (OFFER, None), "defrosted": (OFFER, None), "tried offering": (OFFER, None),
    "refused": (REFUSE, 0.0), "refused to eat": (REFUSE, 0.0), "rejected": (REFUSE, 0.0),
    "wouldnt eat": (REFUSE, 0.0), "would not eat": (REFUSE, 0.0), "didnt eat": (REFUSE, 0.0),
    "did not eat": (REFUSE, 0.0), "didnt want": (REFUSE, 0.0), "did not want": (REFUSE, 0.0),
    "wont eat": (REFUSE, 0.0), "dropped": (REFUSE, 0.0), "will not eat": (REFUSE, 0.0), "wouldnt touch": (REFUSE, 0.0),
    "didnt touch": (REFUSE, 0.0), "did not touch": (REFUSE, 0.0), "spat out": (REFUSE, 0.0),
    "spit out": (REFUSE, 0.0), "spat": (REFUSE, 0.0), "threw": (REFUSE, 0.0), "tossed": (REFUSE, 0.0),
    "pushed away": (REFUSE, 0.0), "hated": (REFUSE, 0.0), "didnt like": (REFUSE, 0.0),
    "did not like": (REFUSE, 0.0), "turned down": (REFUSE, 0.0), "skipped": (REFUSE, 0.0),
    "said no to": (REFUSE, 0.0), "wouldnt try": (REFUSE, 0.0), "didnt try": (REFUSE, 0.0),
    "gagged on": (REFUSE, 0.0), "picked out only": (EAT, None), "picked out just": (EAT, None), "picked out": (REFUSE, 0.0), "picked off": (REFUSE, 0.0), "left": (REFUSE, 0.0), "no": (REFUSE, 0.0), "not": (REFUSE, 0.0),
    "no interest in": (REFUSE, 0.0), "not interested in": (REFUSE, 0.0), "wasnt into": (REFUSE, 0.0),
    "without": (REFUSE, 0.0), "wont touch": (REFUSE, 0.0), "will not touch": (REFUSE, 0.0),
    "never touches": (REFUSE, 0.0), "nobody touched": (REFUSE, 0.0), "no one touched": (REFUSE, 0.0),
    "nobody ate": (REFUSE, 0.0), "no one ate": (REFUSE, 0.0), "wont try": (REFUSE, 0.0), "refuses": (REFUSE, 0.0),
}
_SHORT_NO = frozenset({"no", "without"})  # "burger no bun, and pasta": the "no" is said of the bun only
_ADVERBS = r"(?:only|just|also|then|finally|happily|eventually|still|even|really|actually|all|mostly)\s+"


def _verb_regex(phrase: str) -> str:
    words = [re.escape(w).replace("nt", "n'?t") if w.endswith("nt") else re.escape(w) for w in phrase.split()]
    return r"\s+".join(words)


_VERB = re.compile(
    rf"^(?P<subj>(?:[\w'.]+\s+){{0,3}}?)(?:{_ADVERBS})*(?P<verb>"
    + "|".join(_verb_regex(v) for v in sorted(VERBS, key=len, reverse=True))
    + r")\b\s*",
    re.I,
)
_PASSIVE = re.compile(
    r"\s+(?:was|were|got|is|are)\s+(?:(?P<refused>refused|rejected|ignored|untouched|uneaten|not eaten|"
    r"not touched|thrown|tossed|spat out|a no|a no go|a fail|a bust)|(?P<eaten>eaten|finished|gobbled up|"
    r"devoured|loved|a hit|a success|a win))\b.*$"
    r"|\s+(?P<floor>(?:went|ended up|landed|got thrown|was thrown|were thrown|fell)\s+(?:straight\s+|right\s+|all\s+)?"
    r"(?:on|onto|to|in|into|under)\s+"
    r"(?:the\s+)?(?:floor|ground|dog|dogs|bin|trash))\b.*$"
    r"|\s+(?P<tail>untouched|uneaten|refused|rejected|not eaten)\s*$"
    r"|\s+(?P<spat>(?:he|she|they)\s+(?:spit|spat)\s+out|(?:he|she|they)\s+(?:refused|rejected|wouldn'?t touch|didn'?t touch|"
    r"wouldn'?t eat|didn'?t eat|didn'?t want|threw|tossed))\s*$",  # "a little curtido she spit out": this food only
    re.I,
)
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
IMPLIED = {"nursed": "breast milk", "nursing": "breast milk", "breastfed": "breast milk",
           "breast fed": "breast milk"}
_DANGLING = re.compile(r"^(?:for|at|as|during)\s+|\s+(?:for|at|as|during|with|in|on)$", re.I)
_MEAL_TYPO = re.compile(r"\b[a-z]{4,9}\b", re.I)
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
_FRACTION_WORDS = {"a half": 0.5, "two thirds": 2 / 3, "three quarters": 0.75, "a third": 1 / 3, "a quarter": 0.25}
_CUT_PIECE = "cut piece"
OF_WHOLE = "of whole"  # an eaten share of one whole food or dish, not of what was served
_MADE_WITH = re.compile(r"\s+(?:made|cooked|prepared|mashed|fried|sauteed|sautéed|baked|mixed|thinned|stirred)\s+"
                        r"(?:with|in)\s+(?!(?:and|or|plus|then|but)\b)(?P<what>[^,.;!?\n\d½¼¾⅓]+?)"
                        r"(?=\s*(?:$|[,.;!?\n+&])|\s+(?:but|then|and then|though|so)\b)", re.I)
_LEADING = re.compile(r"^(?:and|then|also|plus|and also|and then|was|were|is|are|=)\s+", re.I)
_CONTRAST = re.compile(r"^(?:just|only|but|except|instead)\b", re.I)
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
# how many pieces a whole is cut into, said in numbers or in the pieces' shape (estimates for the shapes)
_CUT_NUMBERS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "eight": 8, "ten": 10, "twelve": 12,
                "wedges": 8, "triangles": 4, "squares": 4, "quarters": 4, "half": 2, "halves": 2}
_WORD_NUMBERS = {"seven": 7, "eight": 8, "nine": 9, "ten": 10}
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


@dataclass(frozen=True)
class ParsedItem:
    """One food phrase and what happened to it; `words` are normalised (quantity included)."""

    raw: str
    words: tuple[str, ...]
    eaten_share: float | None = None  # 0 refused, 0.5 ate half; None: all of it
    eaten_bites: float | None = None  # "took 2 bites": bites eaten of an unknown serving
    bite_unit: str = "bite"
    clause: int = 0
    refers_back: bool = False  # "but she refused it": applies to earlier items, names no food
    eaten_count: float | None = None  # "he ate 3" after "gave him 5 strawberries": pieces eaten
    kind: str | None = None  # EAT, OFFER or REFUSE when a verb said so
    made_with: tuple[str, ...] = ()  # "mashed potatoes made with milk and butter": milk butter
    aside: tuple[str, ...] = ()  # "(the dino ones)": bracketed words that may or may not name the food
    cut_into: int | None = None  # "(cut into 8)": a wedge or slice is that share of the whole food
    bracketed: bool = False  # the whole segment was a bracket: "teething biscuit (1 arrowroot cookie)"
    only: bool = False  # "she only ate the sweet potato": the rest of what was served was not eaten


@dataclass(frozen=True)
class ParsedMeal:
    text: str
    meal_type: str | None
    items: tuple[ParsedItem, ...]


def detect_meal_type(text: str) -> str | None:
    """Return breakfast, lunch, dinner or snack when the message says so ("for tea" is dinner)."""
    if _TEA.search(text):
        return "dinner"
    words = re.findall(r"[a-z]+", text.lower())
    for word in words:
        if word in MEAL_WORDS:
            return MEAL_WORDS[word]
    for word in words:
        if (fixed := meal_word_typo(word)) is not None:
            return MEAL_WORDS[fixed]
    return None


def meal_word_typo(word: str) -> str | None:
    """The meal word a typo means ("brekfast", "lnch", "diner", "snak"), else None."""
    word = word.lower()
    if len(word) < 4 or word in MEAL_WORDS or word in _NOT_MEAL_TYPOS:
        return None
    for target in _MEAL_TARGETS:
        if word[0] == target[0] and abs(len(word) - len(target)) <= 2 and fuzz.ratio(word, target) >= 85:
            return target
    return None


_NOT_MEAL_TYPOS = frozenset({"snacks", "launch", "lunches", "dinners", "snake", "snap", "lunchable", "lunchables",
                             "dine", "diner", "dinner", "super", "lush", "lunge", "snick", "brea", "bread"})


def parse_meal(text: str, protected_phrases: tuple[str, ...] = ()) -> ParsedMeal:
    """Split `text` into items; `protected_phrases` are food names containing "and"/"with"."""
    light = _CUT_INTO.sub(lambda m: f" \x04{_CUT_NUMBERS.get(m.group('n').lower(), m.group('n'))}\x04 ",
                          batch_shares(without_corrections(light_normalise(text))))  # before the filler, which drops "cut in half"
    light = strip_filler(light)
    meal_type = detect_meal_type(light)
    light = _MEAL_TYPO.sub(lambda m: m.group(0) if meal_word_typo(m.group(0)) is None else " ", light)
    light = re.sub(r"\bw/\s*|(?<=[a-z)] )w (?=[a-z\d½¼¾⅓])", " with ", light, flags=re.I)  # "pancakes w syrup", "w 1 tbsp"
    light = retold_outcomes(light)  # "ate MOST (... served)", "chewed and spit out", "so really just tortillas"
    light = _THE_WHOLE.sub("1 whole ", light)  # "the whole hot dog" is one hot dog
    light = re.sub(r"\bnothing\s+but\b|\bnothing\s+except\b", "only", light, flags=re.I)  # "ate nothing but ketchup"
    light = re.sub(r"(\d)\s*-?\s*ish\b", r"\1", light, flags=re.I)  # "(8ish)", "10-ish grapes": about that many
    light = _WHICH_ONE.sub(r"\g<what> \g<pack>", light)  # "a Happy Baby pouch, the apple sweet potato one"
    light = _DILUTED.sub(lambda m: f"half of the {m.group('drink')}" if m.group("half") else m.group("drink"), light)
    light = _SHARE_OF_PARTS.sub(_parts_shared, light)  # "half a turkey sandwich (1 slice bread, 1 slice ham)"
    light = _PAREN_AMOUNT.sub(lambda m: " \x02" + "_".join(m.group("q").split()) + "\x02", light)
    light = _PAREN.sub(_bracket, light)
    light = _MADE_WITH.sub(lambda m: " \x01" + "_".join(normalise(m.group("what")).split()) + "\x01", light)
    body, saved = _protect(_halves(light), protected_phrases)  # "fruit snacks" keeps "snacks"
    body = _NEXT_MEAL.sub("\n", body)  # "lunch pb&j, dinner spaghetti, 1/4 cup": each meal a sentence of its own
    body = _MEAL_PHRASE.sub(" ", _TEA.sub(" ", body))
    for wasted in (_WASTED, _WASTED_FED):
        body = wasted.sub(lambda m: f" \x05{' '.join(m.group('share').lower().split())}\x05 ", body)
    items: list[ParsedItem] = []
    clauses = [c for c in _CLAUSE.split(body) if c and c.strip(" ,")]
    for number, clause in enumerate(clauses):
        clause = _LABEL.sub("", clause.strip(" ,"))
        carry: tuple[str, float | None] | None = None
        for segment in _named_then_verb(_SEGMENT.split(clause)):
            segment = _restore(segment, saved).strip(" ,-:")
            if not segment or _MEAL_ALONE.match(segment):
                continue
            for part in (p for whole in _food_before_verb(segment) for p in _second_food(whole)):
                item, carry = _parse_segment(part, number, carry)
                if item is not None:
                    items.append(_of_the_cut(item, items))
        _passive_to_all(items, number, clause)
    return ParsedMeal(text, meal_type, tuple(items))


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


_FOOD_VERB = re.compile(rf"^(?P<subj>(?:\S+\s+){{1,6}}?)(?:{_ADVERBS})*(?P<verb>ate|had|finished|eaten|devoured|"
                        r"gobbled up|gobbled|scarfed|inhaled|sucked down|slurped up|polished off|downed|drank)\b\s*", re.I)
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


def _went_in(segment: str) -> re.Match | None:
    """"an ounce went down", "maybe 2 bites actually eaten": how much of the food before went in."""
    hedged = _HEDGE.sub("", _HEDGE.sub("", segment.strip(" ,.!")))
    return _WENT_DOWN.match(hedged) or _BITES_WENT_IN.match(hedged)


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


_BOTH = re.compile(r"^(?:\w+\s+){0,3}?(?:of\s+)?(?:them\s+)?both(?:\s+of\s+them)?\s*$", re.I)  # "most of both"
_THE_ONES = re.compile(r"^\s*(?:the|those|these)\s+(?:[a-z-]+\s+){0,4}ones?\s*$", re.I)  # "the dino ones"


def _parse_segment(segment: str, clause: int, carry):
    """Read the verb, the share eaten and the food phrase of one segment."""
    share = bites = count = only = None
    bite_unit = "bite"
    kind: str | None = None
    made_with: tuple[str, ...] = ()
    measured = None
    if m := re.search(r"\x02([^\x02]*)\x02", segment):
        measured = m.group(1).replace("_", " ")
        segment = (segment[: m.start()] + segment[m.end():]).strip()
    aside, cut_into = (), None
    if m := re.search(r"\x03([^\x03]*)\x03", segment):
        aside = tuple(w for w in m.group(1).split("_") if w)
        segment = (segment[: m.start()] + segment[m.end():]).strip()
    bracketed = bool(re.fullmatch(r"\s*\x06[^\x06]*\x06\s*", segment))
    segment = segment.replace("\x06", " ").strip()
    if m := re.search(r"\x04(\d+)\x04", segment):
        cut_into = int(m.group(1)) or None
        segment = (segment[: m.start()] + segment[m.end():]).strip()
    if m := re.search(r"\x01([^\x01]*)\x01", segment):
        made_with = tuple(w for w in m.group(1).split("_") if w not in ("and", "a", "some", "little", "bit", "of"))
        segment = (segment[: m.start()] + segment[m.end():]).strip()
    segment = _LEADING.sub("", segment)
    if wasted := re.fullmatch(r"\x05(?P<share>[^\x05]*)\x05", segment.strip(" ,.!")):
        share_wasted = _WASTED_SHARE.get(wasted.group("share").lower())
        if share_wasted is None:  # "the rest went on the floor": what was eaten was said already
            return None, carry
        return ParsedItem(segment, (), 1.0 - share_wasted, None, "bite", clause, True, None, EAT), carry
    if _CONTRAST.match(segment):
        carry = None
    passive = _PASSIVE.search(segment)
    went = _went_in(segment)  # "maybe 1 tbsp actually eaten": no subject, and "eaten" no verb of it
    if went and went.re is _WENT_DOWN and not passive:
        return ParsedItem(segment, tuple(normalise(went.group("amount")).split()), None, None, "bite", clause,
                          True, None, EAT), carry
    verb = None if passive or went else _VERB.match(segment)
    status = carry
    if verb and len(verb.group("subj").split()) <= 3:
        said_verb = re.sub(r"\s+", " ", verb.group("verb").lower().replace("'", ""))
        kind, verb_share = VERBS[said_verb]
        only = kind == EAT and re.search(r"\bonly\b", verb.group(0)[: verb.start("verb") - verb.start()], re.I)
        status = (kind, verb_share) if kind == REFUSE and said_verb not in _SHORT_NO else None
        share = verb_share
        segment = segment[verb.end():]
    elif carry is not None:
        share = carry[1]
    if passive:
        share = 0.0 if (passive.group("refused") or passive.group("tail") or passive.group("floor")
                        or passive.group("spat")) else 1.0
        segment = segment[: passive.start()]
    segment = _HEDGE.sub("", _HEDGE.sub("", segment.strip()))
    if (said := _share_said_of_before(segment, bool(verb) and kind == EAT, clause, bracketed)) is not None:
        return said, status
    unshared = segment
    segment, found = _share(segment)
    share = (1.0 - found if kind == REFUSE else found) if found is not None else share  # "spat most of it out"
    if found is not None and kind is None and _BOTH.match(unshared):
        kind = EAT  # "most of both": of every food before, not the last
    segment = _HEDGE.sub("", segment)
    if verb and kind == EAT and (m := _COUNT_ONLY.match(_DANGLING.sub("", segment.strip(" ,.!")))):
        n = m.group("n").lower()
        count = _NUMBERS.get(n) or _WORD_NUMBERS.get(n) or float(n)
        return ParsedItem(segment, (), None, None, "bite", clause, True, count, kind), status
    if m := _BITES_WENT_IN.match(segment):  # "maybe 2 bites actually went in"
        n = m.group("n").lower()
        return ParsedItem(segment, (), None, _NUMBERS.get(n) or number_value(n) or 1.0, _bite_unit(m.group("unit")),
                          clause, True, None, EAT), status
    if m := _BITES.match(segment):
        bites, bite_unit = _NUMBERS.get(m.group("n").lower(), None), _bite_unit(m.group("unit"))
        bites = bites if bites is not None else float(m.group("n"))
        segment = segment[m.end():]
        again, found = _share(_HEDGE.sub("", segment.strip()))
        if found is not None and _PRONOUN.match(again.strip()):  # "4 bites maybe a quarter of it": the bites say it
            segment = ""
    if measured is not None:  # the bracketed amount replaces "a few sips of" / "some"
        bites = None
        segment = f"{measured} " + re.sub(r"^(?:some|a little|a bit|a few|a couple|(?:a\s+)?(?:small\s+|little\s+|big\s+)?"
                                          r"handful)\s+(?:of\s+)?", "", segment, flags=re.I)  # "a handful (~15)": 15
    if (m := _MIXED_IN.search(segment.strip(" ,.-:"))) and not re.search(r"\d", segment):  # "blueberries mixed
        segment = f"a bit of {segment.strip(' ,.-:')[: m.start()]}"  # in": a topping, half a serving
    segment = _DANGLING.sub("", _second_amount(segment).strip(" ,.-:")).strip(" ,.-:")
    words = tuple(normalise(segment).split())
    if verb and not content_tokens(list(words)) and (implied := IMPLIED.get(verb.group("verb").lower())):
        words, segment = tuple(implied.split()), verb.group(0).strip()  # "nursed for 10 min"
    if kind == REFUSE and (_THE_REST.match(segment) or _COUNT_LEFT.match(segment)):  # "ate 5 and threw the rest",
        return None, status  # "ate 3 and dropped 2": what was eaten stands
    refers_back = bool(_PRONOUN.match(segment)) and (share is not None or bites is not None)
    if (m := _PACK_BACK.match(segment)) and (share is not None or bites is not None):
        amount = tuple(normalise(m.group("amount") or "").split())  # "half the little 2.5 oz tub"
        return ParsedItem(segment, amount, share, bites, bite_unit, clause, True, None, kind), status
    if (m := _WENT_DOWN.match(segment)) and (normalise(m.group("amount")).split()[0] in _NUMBERS
                                             or number_value(normalise(m.group("amount")).split()[0]) is not None):
        return ParsedItem(segment, tuple(normalise(m.group("amount")).split()), None, None, bite_unit, clause,
                          True, None, EAT), status  # "maybe an ounce actually went down"
    if not words and not refers_back:
        return None, status
    return ParsedItem(segment, words if not refers_back else (), share, bites, bite_unit, clause,
                      refers_back, None, kind, made_with, aside, cut_into, bracketed, bool(only)), status


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


_MIXED_IN = re.compile(r"\s+(?:(?:mixed|stirred|swirled|sprinkled|blended|folded)\s+(?:in|into it|on top|on)|on top)\s*$",
                       re.I)
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
