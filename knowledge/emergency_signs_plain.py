"""Signs told in plain words (blind set 7): silent choking told by what the child is not doing, someone
else's medicine given by mistake or counted missing by a chewing child, a known allergy eaten and then
its signs in everyday words, and a coin or small object swallowed that will not go down. Read after
`knowledge.emergency_signs_told`.
"""
from __future__ import annotations

from knowledge.emergency_products import PILLS
from knowledge.emergency_words import _GROWN_UP_DOSE, _HISTORY, _PREVENTION, _USED_UP, _sign

# Something that went in just before: a food or a small thing grabbed, bitten or swallowed.
_SOMETHING_IN = (r"\b(?:grabbed|ate|eating|eaten|bit|bite|piece|chunk|mouthful|swallow\w*|grape|popcorn|nuts?|sweet|candy|"
                 r"sausage|hot ?dog|apple|carrot|coin|toy|lego|marble|bead|food|put (?:it|something) in)\b")
# Not crying, not coughing, no sound: the silence of a blocked airway.
_SILENT = r"(?:not|no|isnt|stopped|cant|without)\s+(?:even\s+)?(?:crying|coughing|cough|cry|sound|noise|making (?:a|any) sound)"
_STILL_FACE = r"(?:mouth (?:wide |just |all )?open|staring|eyes (?:wide|huge|bulging)|no sound|not breathing|cant breathe)"
_WHOSE = r"(?:her|his|my|their|grandmas?|grandpas?|nans?|nanas?|mums?|moms?|dads?|mils?|fils?|\w+s)"
_MISTAKE = r"(?:thinking|thought|by mistake|by accident|accidentally|instead of|mixed (?:them |it )?up|mistook|wrong)"
_SMALL_THING = (r"(?:coin|penny|pennies|cent|dime|nickel|quarter|\d+p|pound coin|button|marble|bead|lego|pebble|stone|"
                r"screw|earring|ring|bottle cap|cap|piece of (?:a |the )?(?:toy|plastic|lego))")
# Signs of a reaction in the words parents use: puffy face, clawing at skin, hoarse voice, coughing nonstop.
_PLAIN_REACTION = (r"\b(?:face|lips?|eyes?|eyelids?|tongue|mouth)\s+(?:has\s+|have\s+|is\s+|are\s+)?(?:gone|going|went|getting|got|all|so|really)"
                   r"\s+(?:all\s+|really\s+|so\s+|very\s+)?(?:puffy|swollen|puffed up|fat|huge|big)\b"
                   r"|\bclawing at (?:her|his|their) (?:skin|face|neck|throat)|\bscratching (?:like mad|nonstop|all over)"
                   r"|\bvoice\b.{0,25}\b(?:hoarse|croaky|funny|strange)|\bhoarse voice"
                   r"|\b(?:coughing (?:nonstop|non stop|and coughing|constantly)|cant stop coughing|wont stop coughing)")

PLAIN_SIGNS = (
    _sign("choking", True, "crying coughing cough sound noise",
          rf"\b{_SILENT}\b.{{0,60}}\b{_STILL_FACE}", _HISTORY + r"|\b(?:asleep|sleeping|nap\w*)\b", needs=_SOMETHING_IN),
    # Someone else's medicine given or taken by mistake: "gave him one of her heart pills thinking it was his vitamin".
    _sign("poison", True, "pill tablet meds medic",
          rf"\b(?:gave|given|give|took|taken|swallowed|had)\b.{{0,40}}\b{_WHOSE}\s+(?:\w+\s+)?(?:{PILLS}|pills?|tablets?)\b"
          rf".{{0,60}}\b{_MISTAKE}\b|\b{_MISTAKE}\b.{{0,20}}\b(?:gave|given)\b.{{0,30}}\b{_WHOSE}\s+(?:\w+\s+)?(?:{PILLS}|pills?|tablets?)\b",
          _GROWN_UP_DOSE + "|" + _PREVENTION),
    # Counted missing by a child who had them: "box says 28, I can only count 25", with the child chewing by them.
    _sign("poison", True, "count says said should only",
          r"\b(?:box|pack|packet|bottle|blister|label|there)\s+(?:says|said|should (?:be|have)|had)\s+\d+\b.{0,60}"
          r"\b(?:only|just|can only|i can only)\s+(?:count|see|find|counted|found|\d+)",
          _PREVENTION + "|" + _USED_UP,
          needs=rf"(?=.*\b(?:{PILLS}|pills?|tablets?|blister)\b)(?=.*\b(?:chew\w*|next to|beside|near|in (?:her|his|their) mouth|"
                r"holding|sucking))"),
    # A known allergy, then its signs in everyday words.
    _sign("allergic_reaction", True, "puff swol clawing scratching hoarse croaky voice coughing",
          _PLAIN_REACTION, _HISTORY + r"|\b(?:last time|when (?:she|he|they) (?:eats|has|had)|usually|always)\b",
          needs=r"\ballerg\w*"),
    # A small thing swallowed that will not go down: retching, drooling, refusing to drink.
    _sign("choking", True, "swallow",
          rf"\bswallowed\s+(?:a|an|the|one|some|his|her|my)?\s*(?:\w+\s+)?{_SMALL_THING}\b.{{0,120}}"
          r"\b(?:retch\w*|gag\w*|drool\w*|dribbl\w*|wont (?:drink|swallow|eat)|refus\w* to (?:drink|swallow|eat)|"
          r"not drinking|cant swallow|chest hurts|sore throat)",
          _HISTORY + "|" + _PREVENTION),
)
