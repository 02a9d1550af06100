"""Something swallowed that the parent cannot name, and vomiting that will not stop: the signs read
after all the others (`knowledge.emergency_signs`, `_seen`, `_told`), so a named poison keeps its kind.

- Something vague ("got into something", "chewing something from my purse", "no idea what she ate",
  berries or leaves, a pill) with a sign of poisoning (wobbly, hard to wake, vomiting again and again,
  drooling, a burning mouth, acting strange, pupils) is a poisoning.
- A berry, leaf, plant or mushroom nobody can name, or one off a bush, hedge or houseplant, and a
  pill off the floor, go to poison control even with no sign yet.
- Vomiting again and again with a floppy, drowsy or dried-out child is an emergency whatever was eaten.
Text here is lowercased with apostrophes dropped (see `knowledge.emergency._normalize`).
"""
from __future__ import annotations

from knowledge.emergency_words import _sign, _then

# A sign word that is said not to be there: "not drowsy", "no drooling", "isnt wobbly".
_NOT_SAID = r"(?<!\bnot )(?<!\bno )(?<!isnt )(?<!arent )(?<!wasnt )(?<!\bnor )(?<!never )"
_EATS = (r"ate|eaten|eating|eat|swallowed|swallowing|chewed|chewing|chomping|munched|munching|gnawing|gnawed|nibbling|"
         r"nibbled|sucked on|sucking on|"
         r"licked|licking|mouthing|mouthed|had|put|popped|drank|drinking|gobbled|got into|got hold of|got ahold of")
# Vomiting more than once, or without end: "again and again", "can't keep anything down".
KEEPS_VOMITING = (r"(?:vomit\w*|throw\w* up|threw up|thrown up|puk\w*|been sick|being sick)\s+(?:\w+\s+){0,2}?"
                  r"(?:again and again|over and over|repeatedly|nonstop|non stop|twice|two times|three times|four times|"
                  r"\d+ times|several times|a few times|many times|more than once|again|all (?:day|night|morning|afternoon)|"
                  r"for hours|every (?:hour|time))"
                  r"|keeps? (?:on )?(?:vomit\w*|throwing up|being sick|puking)|kept (?:vomit\w*|throwing up|being sick|puking)"
                  r"|(?:wont|cant|doesnt|will not) stop (?:vomit\w*|throwing up|being sick|puking)"
                  r"|cant keep (?:anything|any \w+|(?:even\s+)?(?:water|fluids|liquids|milk|formula|sips|food|it)) down")
_DROWSY = (r"lethargic|listless|floppy|limp|drowsy|dozy|out of it|(?:keeps? |kept )?nodding off|(?:hard|difficult|impossible) to wake|wont wake|cant wake|"
           r"barely (?:awake|wak\w*|keep (?:her|his|their) eyes open)|cant keep (?:her|his|their) eyes open|"
           r"cant keep (?:her|him|them) awake|eyes (?:keep )?(?:closing|rolling)|"
           r"(?:so|very|really|super|unusually|weirdly|strangely|abnormally|extremely|incredibly) (?:sleepy|drowsy|tired|weak)")
# What poisoning looks like in a child (AAP, poison centres): unsteady, drowsy, vomiting, drooling, a
# burning mouth, strange behaviour, odd pupils, twitching.
_POISONED = (rf"\b{_NOT_SAID}(?:wobbl\w*|unsteady|stumbl\w*|stagger\w*|falling over|falls over|keeps falling|"
             r"cant (?:stand|walk|sit up|stay upright)|drunk|tipsy|off balance|dizzy|"
             rf"{_DROWSY}|{KEEPS_VOMITING}|drool\w*|foam\w*|"
             r"(?:trouble|struggling|hard|difficulty|difficult)\s+(?:to\s+)?breath\w*|breathing (?:\w+ )?(?:funny|weird|fast|strange|odd|slow)|"
             r"(?:mouth|lips?|tongue|throat) (?:is |are |seems |looks |feels )?(?:\w+ )?(?:burn\w*|blister\w*|numb|tingl\w*)|"
             r"burn\w* (?:in )?(?:her|his|their) (?:mouth|throat|lips)|"
             r"acting (?:\w+ )?(?:strange\w*|weird\w*|odd\w*|funny|off|drunk|out of it|bizarre)|"
             r"not (?:acting )?(?:like )?(?:herself|himself|themselves|right|normal)|seems? (?:really |very )?(?:off|strange|weird)|"
             r"pupils?|twitch\w*|trembl\w*|(?:heart|pulse) (?:is )?(?:racing|pounding)|hallucinat\w*|confused|glassy|slurr\w*)\b")
_DRIED_OUT = (rf"\b{_NOT_SAID}(?:{_DROWSY}|no wet (?:diapers?|nappy|nappies)|(?:hasnt|has not|not|havent) (?:peed|weed|had a wet)|"
              r"no (?:pee|wee|urine)|dry (?:diapers?|nappy|nappies|mouth|lips|tongue)|cracked lips|no tears|sunken|"
              r"(?:wont|cant|isnt|not) (?:drink\w*|keep fluids)|refus\w* (?:to drink|fluids|drinks|bottles?|water|milk|feeds?)|"
              r"dark (?:pee|urine|yellow pee))\b")
_PLANT = r"berr(?:y|ies)|leaf|leaves|plants?|flowers?|mushrooms?|toadstools?|fungus|fungi|bulbs?|seed pods?"
# Where a wild plant grows, or a word saying nobody knows what it was.
_WILD = (r"\b(?:(?:off|from|in|on|under|by|near|at)\s+(?:the|a|an|our|my|their|her|his|grandmas|grandpas|neighbou?rs?|\w+s)\s+"
         r"(?:\w+\s+)?(?:bush(?:es)?|hedges?|shrubs?|trees?|vines?|yard|backyard|garden|lawn|grass|park|woods|forest|trail|"
         r"path|field|fence|houseplants?|house plants?|planter|flower ?beds?|playground)|wild|houseplants?|house plants?)\b")
_UNKNOWN_WHAT = r"\b(?:no idea|dont know|do not know|not sure|unsure|cant tell|no clue|dunno|idk)\s+what"
_UNKNOWN = _UNKNOWN_WHAT + r"|\b(?:unknown|mystery|random|some kind of|some sort of|some type of|weird looking|strange looking)\b"
# Foods nobody calls poison control about: named berries, salad leaves and herbs.
_EDIBLE = (r"\b(?:blue|straw|rasp|black|goose|cran|huckle|boysen|logan|mul|goji|acai|salmon|elder)\s?berr"
           r"|\b(?:lettuce|spinach|kale|basil|mint|cabbage|chard|bay|curry|grape|banana|tea|herb|salad|collard|coriander|"
           r"cilantro|parsley|sage|rosemary|thyme)\s+leaf|\b(?:lettuce|spinach|kale|basil|mint|cabbage|chard|bay|curry|grape|"
           r"banana|tea|herb|salad|collard|coriander|cilantro|parsley|sage|thyme) leaves|\bfarm\b|\bu ?pick\b|\bpick your own\b"
           r"|\b(?:cooked|recipe|soup|pasta|pizza|risotto|salad)\b")
# Not now: prevention, a question about what to grow, or long ago.
_NOT_NOW = (r"\b(?:childproof\w*|prevent\w*|avoid\w*|lock\w*|out of reach|safe from|toxic to|poisonous to|"
            r"(?:will|might|could|gonna|going to) (?:eat|swallow|chew|put|get)|which (?:berries|plants|mushrooms|flowers)|"
            r"(?:are|is) (?:\w+ )?(?:berries|plants?|mushrooms|leaves|flowers?) (?:poisonous|toxic|safe|edible)|"
            r"last (?:week|month|year|time)|(?:weeks?|months?|years?) ago|as a baby|used to|when (?:she|he|they) was)\b"
            r"|\b(?:wont|doesnt|didnt|refuses? to|wouldnt|never) (?:\w+ )?(?:eat|swallow)\b")
_PILL = r"(?:pill|tablet|capsule)s?"
_LOOSE = (r"(?:off|from|on|under)\s+(?:the|a|her|his|my)\s+(?:floor|ground|carpet|rug|couch|sofa|street|sidewalk|pavement|"
          r"car|counter|table|bus|playground)")

UNKNOWN_SIGNS = (
    # Something vague put in the mouth, then a sign of poisoning: "chewing something from my purse ... wobbly".
    _sign("swallowed_unknown", True, "someth stuff idea know sure clue dunno idk berr leaf leaves plant flower mushroom "
                                     "toadstool fung bulb seed pill tablet capsul",
          rf"\b(?:{_EATS})\s+(?:on\s+|at\s+|into\s+)?(?:something|some stuff|stuff)\b"
          r"|\bsomething\s+in\s+(?:her|his|their)\s+mouth\b"
          rf"|{_UNKNOWN_WHAT}\s+(?:(?:she|he|they|it|the \w+|my \w+)\s+)?(?:(?:has|had|was|were)\s+)?(?:{_EATS}|in (?:it|her mouth|his mouth))\b"
          rf"|{_then(_EATS, _PLANT, 60)}|{_then(_PLANT, _EATS, 60)}"
          rf"|\b(?:{_EATS})\s+(?:a|an|one|some|a random|random|a loose|loose|a stray|stray|an unknown|unknown)\s+(?:\w+\s+)?{_PILL}\b",
          _NOT_NOW + "|" + _EDIBLE, needs=_POISONED),
    # A plant nobody can name, or one off a bush, hedge or houseplant: poison control even before a sign.
    _sign("swallowed_unknown", True, "berr leaf leaves plant flower mushroom toadstool fung bulb seed",
          rf"{_then(_EATS, _PLANT, 60)}|{_then(_PLANT, _EATS, 60)}", _NOT_NOW + "|" + _EDIBLE,
          needs=_WILD + "|" + _UNKNOWN),
    # A pill picked up off the floor: "swallowed a pill off the floor", "a tablet on the carpet ... she ate it".
    _sign("poison", True, "pill tablet capsul",
          rf"{_then(_EATS, _PILL, 30)}\s+(?:\w+\s+){{0,2}}?{_LOOSE}"
          rf"|\b{_PILL}\s+(?:\w+\s+){{0,3}}?{_LOOSE}\b.{{0,60}}\b(?:ate|swallowed|eaten|chewed|in (?:her|his|their) mouth|"
          r"put (?:it|one) in)\b", _NOT_NOW),
    # Vomiting again and again with a drowsy or dried-out child, whatever was eaten.
    _sign("dehydration", True, "vomit throw threw puk sick keep",
          rf"\b(?:{KEEPS_VOMITING})\b", _NOT_NOW, needs=_DRIED_OUT),
)
