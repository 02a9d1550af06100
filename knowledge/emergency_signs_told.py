"""Signs told as a story rather than named (second red team): a burn by its blisters, dehydration
by its nappies and soft spot, a head injury by what followed the bump, a fit by what is still wrong
after it. Kept beside `knowledge.emergency_signs` (read after its table) so that table stays one screen
of patterns per kind of emergency.
"""
from __future__ import annotations

from knowledge.emergency_signs import _HISTORY, _PREVENTION, _SPANISH_NOT_NOW, _sign

_HEAD_HIT = (r"(?:fell|fall|fallen|tumbled|rolled off|onto (?:her|his|their) head|"
             r"(?:bumped|banged|hit|knocked|smacked|bonked|whacked) (?:her|his|their|the back of (?:her|his|their)) head)")
# After a knock to the head: vomiting more than once, uneven pupils, hard to keep awake, confused.
_AFTER_HEAD_HIT = (r"(?:(?:thrown up|threw up|throwing up|vomited|been sick|puked)\s+(?:\w+\s+)?(?:twice|two times|three times|"
                   r"\d+ times|again|several times|a few times|more than once)"
                   r"|keeps? (?:on )?(?:vomiting|throwing up|being sick|puking)|(?:vomiting|throwing up) (?:again|repeatedly|nonstop)"
                   r"|pupils?\b.{0,40}\b(?:bigger|larger|smaller|different|uneven|not the same)"
                   r"|wont wake|cant (?:stay|keep (?:her|him|them)) awake|confused|floppy|unsteady|slurr\w*)")
_NOT_A_PERSON = r"\b(?:dog|puppy|cat|kitten|doll|teddy|toy)\b"

TOLD_SIGNS = (
    _sign("head_injury", True, "fell fall tumbl rolled head",
          rf"\b{_HEAD_HIT}\b.{{0,160}}\b{_AFTER_HEAD_HIT}", _HISTORY + "|" + _NOT_A_PERSON),
    # A scald told by the skin: "pulled my tea over, her chest is blistering".
    _sign("burn", True, "blister peel bubbl raw skin",
          r"\b(?:spill\w*|spilt|pour\w*|pulled|knocked|tipped|grabbed|splash\w*|touched|reached)\b.{0,80}"
          r"\b(?:tea|coffee|kettle|boiling|hot|pan|pot|soup|noodles|oven|stove|hob|iron|curling|straighteners)\b.{0,120}"
          r"\b(?:blister\w*|peel\w*|bubbl\w* up|skin (?:is\s+)?(?:coming|came|falling) off|red raw|raw)\b"
          r"|\bscald\w*\b.{0,80}\b(?:blister\w*|peel\w*|bubbl\w* up)",
          _HISTORY + "|" + _PREVENTION),
    # Dehydration: no wet nappies or no pee, with a second sign.
    _sign("dehydration", True, "wet pee peed wee soft fontan",
          r"\b(?:no|hasnt had a|not had a|zero|not one)\s+wet\s+(?:nappy|nappies|diaper|diapers)\b"
          r"|\b(?:hasnt|has not|not|havent|hasn't)\s+(?:peed|weed|wee'd|urinated|had a wee|had a pee)\b\s+(?:\w+\s+){0,3}(?:in|since|for)\b"
          r"|\b(?:soft spot|fontanel\w*)\b.{0,30}\b(?:sunken|sunk in|sinking|dipped|caved)\b",
          # "since yesterday" is how dehydration is told, so not _HISTORY
          r"\b(?:last (?:week|month|year|time)|(?:weeks?|months?|years?) ago|used to|as a baby|when (?:she|he) was)\b"
          r"|\b(?:doctor|dr|nurse|gp|pediatrician|paediatrician)\s+(?:said|says|checked)\b",
          needs=r"\b(?:sunken|sunk in|no tears|wont (?:even )?drink|not drinking|refus\w* (?:to drink|bottles?|feeds?)|drowsy|"
                r"lethargic|floppy|listless|cracked|dry (?:mouth|lips)|vomit\w*|throw\w* up|diarr\w*|tummy bug|stomach bug)"),
    # A fit that is over but the child is not back: "had a fit, 20 minutes on still confused and floppy".
    _sign("seizure", True, "fit seiz siez convuls",
          r"\bhad\s+(?:a|an|another)\s+(?:fit|seizure|convulsion)\b.{0,80}\b(?:still|now)\s+(?:\w+\s+){0,2}"
          r"(?:confused|floppy|limp|not (?:himself|herself|responding)|unresponsive|drowsy|out of it|not waking)",
          _HISTORY + "|" + _NOT_A_PERSON),
    *(_sign(kind, True, hints, pattern, _SPANISH_NOT_NOW) for kind, hints, pattern in (
        ("head_injury", "golpe peg cay",
         r"\bse (?:golpe[oó]|peg[oó]|cay[oó]|dio un golpe)\b.{0,80}\b(?:ha vomitado|vomit[oó] (?:dos|tres|\d+|varias) veces|"
         r"sigue vomitando|muy dormid[oa]|no despierta|confundid[oa]|pupilas?)"),
        ("seizure", "rigid tiesa tieso",
         r"\b(?:r[ií]gid[oa]|ties[oa])\b.{0,40}\b(?:tembl\w*|sacud\w*|no (?:me |le )?responde|ojos)"),
    )),
)
