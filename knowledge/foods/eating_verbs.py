"""The verbs a parent uses for eating, offering and refusing ("gobbled up", "spat out"), said before
or after the food ("the peas were a hit")."""
from __future__ import annotations

import re

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
IMPLIED = {"nursed": "breast milk", "nursing": "breast milk", "breastfed": "breast milk",
           "breast fed": "breast milk"}
_FOOD_VERB = re.compile(rf"^(?P<subj>(?:\S+\s+){{1,6}}?)(?:{_ADVERBS})*(?P<verb>ate|had|finished|eaten|devoured|"
                        r"gobbled up|gobbled|scarfed|inhaled|sucked down|slurped up|polished off|downed|drank)\b\s*", re.I)
