"""Signs told as a story rather than named (later blind sets, second red team): a squeak on breathing
in, no sound with something stuck, pills or magnets counted gone, a nosebleed that won't stop, a burn
by its blisters, dehydration by its nappies and soft spot, a head injury by what followed the bump,
a fit by what is still wrong after it. Read last, after `knowledge.emergency_signs`, so that table
stays one screen of patterns per kind of emergency.
"""
from __future__ import annotations

from knowledge.emergency_products import CHEMICAL, CHEMICAL_HINTS, PILL_HINTS, PILLS
from knowledge.emergency_words import (
    _BODY, _GROWN_UP_DOSE, _HISTORY, _PREVENTION, _SPANISH_NOT_NOW, _SWALLOWED, _SWELLING, _USED_UP, _sign, _then,
)

_HEAD_HIT = (r"(?:fell|fall|fallen|tumbled|rolled off|onto (?:her|his|their) head|"
             r"(?:bumped|banged|hit|knocked|smacked|bonked|whacked) (?:her|his|their|the back of (?:her|his|their)) head)")
# After a knock to the head: vomiting more than once, uneven pupils, hard to keep awake, confused.
_AFTER_HEAD_HIT = (r"(?:(?:thrown up|threw up|throwing up|vomited|been sick|puked)\s+(?:\w+\s+)?(?:twice|two times|three times|"
                   r"\d+ times|again|several times|a few times|more than once)"
                   r"|keeps? (?:on )?(?:vomiting|throwing up|being sick|puking)|(?:vomiting|throwing up) (?:again|repeatedly|nonstop)"
                   r"|pupils?\b.{0,40}\b(?:bigger|larger|smaller|different|uneven|not the same)"
                   r"|wont wake|cant (?:stay|keep (?:her|him|them)) awake|confused|floppy|unsteady|slurr\w*)")
_MEASURE = r"(?:ml|mls|mg|tsp|teaspoons?|spoons?|tablets?|pills?|syringes?)"
_UNKNOWN_COUNT = (r"(?:dont know|do not know|dunno|not sure|no idea|cant (?:count|tell|say)|unsure)\s+how many\s+"
                  r"(?:(?:he|she|they|hes|shes|theyve)\s+)?(?:had|took|taken|ate|eaten|swallowed|are (?:gone|missing)|were in)\b")
_NOT_A_PERSON = r"\b(?:dog|puppy|cat|kitten|doll|teddy|toy)\b"
_LEFT_OPEN = r"(?:empty|emptied|half empty|opened|open|chewed(?: up| open)?|torn(?: open)?|ripped(?: open)?|bitten(?: open)?)"
_CONTAINER = r"(?:bottle|blister pack|blister|pack|packet|box|jar|tub|pouch|pouches|container|tube|sachet|jug)"
_PRODUCT = rf"(?:{PILLS}|pills?|{CHEMICAL})"
# The child by what was left, or a sign it went in: "next to him", "sticky stuff on her chin".
_CHILD_BY_IT = (r"\b(?:next to|beside|near|by|holding|with) (?:her|him|them|baby|the baby)\b|\bin (?:her|his|their) (?:hands?|mouth|crib|cot)"
                r"|\b(?:on|around|round) (?:her|his|their) (?:chin|lips|face|mouth|hands|tongue)|\bsmells? (?:of|like)|\bsticky\b"
                r"|\b(?:sleepy|drowsy|wobbly|vomit\w*|threw up|throwing up|foam\w*|drool\w*|cough\w*|gag\w*)")

TOLD_SIGNS = (
    # Signs told in other words (a later blind set): a squeak or whistle on breathing in, no words or
    # sound with something stuck, lips and eyelids swelled, "doesnt react", a thing named before
    # its verb ("the pods ... bit right into it"), pills or magnets counted gone, a nosebleed that
    # won't stop, a fall then vomiting and sleepiness.
    _sign("breathing", True, "squeak whistl stridor raspy",
          r"\b(?:squeak\w*|whistl\w*|stridor|high pitched|raspy)\b.{0,40}\b(?:breath\w*|breathe in)\b"
          r"|\bbr(?:e|ea)th\w*\b.{0,30}\b(?:squeak\w*|whistl\w*|raspy|high pitched)\b",
          r"\b(?:cold|congest\w*|stuffy|snot\w*|runny nose|snor\w*|asleep|sleeping)\b|" + _HISTORY),
    _sign("choking", True, "words stuck silent sound",
          r"\bcant\s+get\s+(?:any\s+)?words\s+out\b"
          r"|\bstuck\b.{0,80}\b(?:(?:now|is|gone|went|completely)\s+(?:hes\s+|shes\s+)?silent|(?:hes|shes)\s+silent|not making (?:a|any) (?:sound|noise)|"
          r"cant (?:breathe|cough|cry|talk|make a sound))\b", _HISTORY),
    _sign("allergic_reaction", True, "swol swel puff",
          rf"\b{_BODY}\b(?:\s+\w+){{1,3}}\s+(?:have|has|had|were|was|are|is)\s+(?:\w+\s+){{0,2}}{_SWELLING}",
          _HISTORY + r"|\blast time\b"),
    _sign("unresponsive", True, "react respond",
          r"\b(?:doesnt|does not|wont|isnt|is not|didnt|not)\s+(?:react|reacting|respond|responding)\b"
          r"(?!\s+(?:to|at all to)\s+(?!me\b|us\b|(?:her|his) name|my voice|touch))", _HISTORY),
    _sign("magnet", True, "magnet",
          r"\bmagnet\w*\b.{0,150}\b(?:missing|are gone|cant find)\b", _PREVENTION + "|" + _HISTORY),
    # A battery gone from a toy or remote the child had: "cant find the battery from the remote anywhere".
    _sign("battery", True, "batter",
          r"\b(?:cant find|missing|lost)\b.{0,80}\bbatter(?:y|ies)\b|\bbatter(?:y|ies)\b.{0,150}\b(?:missing|is gone|are gone|cant find)\b",
          _PREVENTION + "|" + _HISTORY + r"|\b(?:dead|died|(?:is|went|gone|was) flat|charg\w*|replac\w*|new batter\w*)\b"),
    # Choking told by its signs, no word for it: "went quiet, mouth wide open, no sound, not coughing".
    _sign("choking", True, "quiet silent sound noise",
          r"\b(?:no (?:sound|noise)|not making (?:a|any) (?:sound|noise)|stopped making (?:a|any)? ?(?:sound|noise)|went (?:quiet|silent)|"
          r"gone (?:quiet|silent))\b.{0,80}\b(?:no cough\w*|not coughing|cant cough|cant breathe|mouth (?:wide )?open|"
          r"eyes (?:wide|huge|bulging))",
          _HISTORY + r"|\b(?:asleep|sleeping|nap\w*|concentrat\w*|focus\w*|watching|playing)\b"),
    _sign("poison", True, CHEMICAL_HINTS,
          _then(CHEMICAL, rf"{_SWALLOWED}|in (?:his|her|their) mouth", 60), _PREVENTION),
    _sign("poison", True, "mouth", rf"\b(?:{PILLS}|pills?)\b.{{0,60}}\bin (?:his|her|their) mouth\b",
          _PREVENTION + "|" + _GROWN_UP_DOSE),
    _sign("poison", True, "gone missing drank empty",
          rf"\b(?:{PILLS}|vitamin|gumm(?:y|ies)|pill (?:organi[sz]er|box|case|dispenser))\b.{{0,150}}\b(?:half gone|"
          r"(?:\d+|most|a lot|a bunch|several|a few)\s+(?:\w+\s+)?(?:are|were|is)?\s*(?:gone|missing)|drank (?:it|some|the)|"
          r"(?:is|are|were) (?:now )?empty|bottle empty)\b",
          _GROWN_UP_DOSE + "|" + _PREVENTION + "|" + _USED_UP),
    # Counted by what is left: "nearly full this morning, now maybe 5 left", "there were loads, hardly any now".
    _sign("poison", True, "left hardly",
          rf"\b(?:{PILLS}|pills?|vitamin|gumm(?:y|ies))\b.{{0,150}}\b(?:(?:nearly|almost|practically|was|were)\s+"
          r"(?:\w+\s+)?full|brand new|new (?:bottle|pack|tub|jar|box)|there (?:were|was) (?:loads|lots|plenty|a lot|\d+))\b"
          r".{0,100}\b(?:(?:now|only|just|maybe|about|like)\s+"
          r"(?:\w+\s+){0,2}(?:\d+|a few|one|two|three|four|five|a couple|hardly any)\s+(?:\w+\s+)?left|hardly any)\b",
          _GROWN_UP_DOSE + "|" + _PREVENTION + "|" + _USED_UP),
    # Medicine got at and nobody knows how much: "grandpa's heart pills, dunno how many he had".
    _sign("poison", True, "how_many",
          rf"\b(?:{PILLS}|pills?|gumm(?:y|ies))\b.{{0,100}}\b{_UNKNOWN_COUNT}|\b{_UNKNOWN_COUNT}.{{0,60}}\b(?:{PILLS}|pills?)\b",
          _GROWN_UP_DOSE + "|" + _PREVENTION + "|" + _USED_UP),
    # A dosing mistake: "10ml instead of 1ml", "gave her the adult dose", "ten times the dose".
    _sign("poison", True, "instead dose adult grown times 10x",
          rf"\b\d+(?:\.\d+)?\s?{_MEASURE}\s+instead\s+of\s+(?:\w+\s+)?\d*(?:\.\d+)?\s?{_MEASURE}\b"
          r"|\b(?:gave|given|give|dosed|measured|syringed|poured)\b.{0,40}\b(?:adult|grown ?up|ten times|10 ?x|10 times|wrong)\s+"
          r"(?:the\s+)?(?:dose|amount|strength|medicine|syringe)\b"
          r"|\b(?:adult|grown ?up)\s+(?:\w+\s+){0,2}instead\s+of\b",
          _PREVENTION + r"|\b(?:can i|should i|is it ok|safe to|what if)\b"),
    # A parent who has pressed for a while writes a long sentence before "it won't stop"; blood loss
    # shows as pale and dizzy.
    _sign("bleeding", True, "bleed blood",
          r"\b(?:nose ?bleed|bleed\w*)\b.{0,240}\b(?:wont|will not|doesnt|does not|isnt|not|cant get it to)\s+stop"
          r"|\b(?:nose ?bleed|bleed\w*|blood)\b.{0,200}\b(?:(?:gone|going|turned|looks?|is|so|really|very)\s+(?:\w+\s+)?pale"
          r"|(?:feels?|feeling|is|says (?:she|he) feels?) (?:\w+ )?(?:dizzy|faint|lightheaded))\b",
          _HISTORY + r"|\b(?:(?:it|finally|has|had|then)\s+stopped|stopped (?:after|on its own|by itself))\b"),
    _sign("head_injury", True, "fell fall tumbl",
          r"\b(?:fell|fall|fallen|tumbled|rolled off)\b.{0,160}\b(?:thrown up|threw up|throwing up|vomit\w*|puk\w*)\b"
          r".{0,100}\b(?:sleepy|drowsy|closing (?:his|her|their) eyes|wont wake|cant stay awake|confused|floppy)\b",
          _HISTORY),
    _sign("head_injury", True, "fell fall tumbl rolled head",
          rf"\b{_HEAD_HIT}\b.{{0,160}}\b{_AFTER_HEAD_HIT}", _HISTORY + "|" + _NOT_A_PERSON),
    # A scald told by the skin: "pulled my tea over, her chest is blistering".
    _sign("burn", True, "blister peel bubbl raw skin",
          r"\b(?:spill\w*|spilt|pour\w*|pulled|knocked|tipped|grabbed|splash\w*|touched|reached)\b.{0,80}"
          r"\b(?:tea|coffee|kettle|boiling|hot|pan|pot|soup|noodles|oven|stove|hob|iron|curling|straighteners)\b.{0,120}"
          r"\b(?:blister\w*|peel\w*|bubbl\w* up|skin (?:is\s+)?(?:coming|came|falling) off|red raw|raw)\b"
          r"|\bscald\w*\b.{0,80}\b(?:blister\w*|peel\w*|bubbl\w* up)",
          _HISTORY + "|" + _PREVENTION),
    # Dehydration: no wet nappies or no pee ("nappy dry since 6am", "no pee since breakfast"), with a second sign.
    _sign("dehydration", True, "wet pee peed wee soft fontan dry",
          r"\b(?:no|hasnt had a|not had a|zero|not one)\s+wet\s+(?:nappy|nappies|diaper|diapers)\b"
          r"|\b(?:nappy|nappys|nappies|diaper|diapers)\s+(?:has\s+|have\s+|is\s+|are\s+|was\s+)?(?:been\s+|still\s+|stayed\s+)?"
          r"(?:bone\s+|totally\s+|completely\s+)?dry\s+(?:\w+\s+){0,2}(?:since|for|all)\b"
          r"|\bdry\s+(?:nappy|nappies|diaper|diapers)\s+(?:\w+\s+){0,2}(?:since|for|all)\b"
          r"|\bno\s+(?:pee|wee|urine|wees|pees)\s+(?:\w+\s+){0,2}(?:since|for|in|all)\b"
          r"|\b(?:hasnt|has not|not|havent|hasn't)\s+(?:peed|weed|wee'd|urinated|had a wee|had a pee)\b\s+(?:\w+\s+){0,3}(?:in|since|for)\b"
          r"|\b(?:soft spot|fontanel\w*)\b.{0,30}\b(?:sunken|sunk in|sinking|dipped|caved)\b",
          # "since yesterday" is how dehydration is told, so not _HISTORY
          r"\b(?:last (?:week|month|year|time)|(?:weeks?|months?|years?) ago|used to|as a baby|when (?:she|he) was)\b"
          r"|\b(?:doctor|dr|nurse|gp|pediatrician|paediatrician)\s+(?:said|says|checked)\b",
          needs=r"\b(?:sunken|sunk in|no tears|wont (?:even )?drink|not drinking|refus\w* (?:to drink|bottles?|feeds?)|drowsy|"
                r"lethargic|floppy|listless|cracked|dry (?:mouth|lips)|vomit\w*|throw\w* up|diarr\w*|tummy bug|stomach bug|"
                r"(?:just\s+)?(?:lies|lying|lay) there|cold (?:hands|feet)|(?:hands|feet) (?:are\s+)?(?:so\s+)?cold|mottled|"
                r"wont (?:take|feed|nurse)|sunk)"),
    # A fit that is over but the child is not back: "had a fit, 20 minutes on still confused and floppy".
    _sign("seizure", True, "fit seiz siez convuls",
          r"\bhad\s+(?:a|an|another)\s+(?:fit|seizure|convulsion)\b.{0,80}\b(?:still|now)\s+(?:\w+\s+){0,2}"
          r"(?:confused|floppy|limp|not (?:himself|herself|responding)|unresponsive|drowsy|out of it|not waking)",
          _HISTORY + "|" + _NOT_A_PERSON),
    # Asked in the present tense: "what do I do if he drinks bleach" (a habit, "dad drinks beer", is no question).
    _sign("poison", True, CHEMICAL_HINTS,
          rf"\bif\s+(?:he|she|they|baby|the baby|my \w+|your \w+|a (?:baby|toddler|child|kid))\s+(?:eats|drinks|swallows|chews|"
          rf"licks|sips|gets into)\s+(?:(?:some|a|an|the|any|of|my|his|her)\s+){{0,3}}{CHEMICAL}\b", _PREVENTION),
    # Asked at its worst: "what do I do if my baby stops breathing" - the answer is the emergency's own (call,
    # then CPR), so it is read from the question's start, where no "if" comes before it.
    _sign("unresponsive", True, "breath",
          r"\bwhat (?:do|should|can|would) (?:i|we|you) do\s+(?:if|when|once)\s+(?:my |our |the |a |your )?"
          r"(?:\w+\s+)?(?:stops|has stopped|stopped|isnt|is not|quits)\s+breathing\b"),
    # Told by what is left: an open or emptied container of a medicine or product with the child by it
    # ("the tylenol bottle open ... half empty, sticky stuff on her chin", "an empty blister pack next to him").
    _sign("poison", True, PILL_HINTS + " pill blister " + CHEMICAL_HINTS,
          rf"\b{_LEFT_OPEN}\s+(?:\w+\s+)?{_CONTAINER}\s+of\s+(?:\w+\s+){{0,2}}{_PRODUCT}"
          rf"|\b{_LEFT_OPEN}\s+(?:\w+\s+)?{_PRODUCT}(?:\s+{_CONTAINER})?\b"
          rf"|\b{_PRODUCT}\s+{_CONTAINER}\b.{{0,40}}\b{_LEFT_OPEN}",
          _PREVENTION + "|" + _USED_UP, needs=_CHILD_BY_IT),
    *(_sign(kind, True, hints, pattern, _SPANISH_NOT_NOW) for kind, hints, pattern in (
        ("head_injury", "golpe peg cay",
         r"\bse (?:golpe[oó]|peg[oó]|cay[oó]|dio un golpe)\b.{0,80}\b(?:ha vomitado|vomit[oó] (?:dos|tres|\d+|varias) veces|"
         r"sigue vomitando|muy dormid[oa]|no despierta|confundid[oa]|pupilas?)"),
        ("seizure", "rigid tiesa tieso",
         r"\b(?:r[ií]gid[oa]|ties[oa])\b.{0,40}\b(?:tembl\w*|sacud\w*|no (?:me |le )?responde|ojos)"),
    )),
)
