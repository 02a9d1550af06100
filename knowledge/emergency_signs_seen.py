"""Emergency signs told by what the parent sees rather than by name: a fit described ("shaking all
over, eyes rolled back"), a medicine counted gone, a coin stuck with drooling, blue or grey lips,
bleeding that won't stop, a knock to the head then vomiting. Read after the named signs of
`knowledge.emergency_signs`, in this order (the first sign that holds decides the kind).
"""
from __future__ import annotations

from knowledge.emergency_products import CHEMICAL, CHEMICAL_HINTS, PILLS, PILL_HINTS
from knowledge.emergency_words import (
    _BREATHE, _GROWN_UP_DOSE, _HISTORY, _JUST_ATE, _PREVENTION, _SLEEPY_LIMP, _STAINED, _SWALLOWED, _SWELLING,
    _USED_UP, _WHO, _named_then_swallowed, _sign, _then,
)

_SWALLOWS = r"ate|swallowed|swallows?|swallowing"

SEEN_SIGNS = (
    # Seizures described rather than named: "shaking all over", "eyes rolled back", "stiff and jerking".
    _sign("seizure", True, "shak jerk twitch stiff rigid eye",
          r"\bshak(?:ing|es|en)\s+(?:all over|uncontrollably|violently|and (?:not|wont|isnt|unresponsive))"
          r"|\beyes\s+(?:are\s+|have\s+|keep\s+|kept\s+)?(?:rolled|rolling|roll(?:ing)?)\s+(?:back|up)"
          r"|\b(?:went|gone|going|goes|is|got)\s+(?:all\s+|really\s+|completely\s+)?(?:stiff|rigid)\b.{0,40}"
          r"\b(?:shak|jerk|twitch|eyes?|blue|unrespons|not respond|wont respond)\w*"
          r"|\b(?:stiff|rigid)\s+and\s+(?:jerk|shak|twitch)\w*|\b(?:jerk|twitch)\w*\s+and\s+(?:stiff|not respond\w*|"
          r"wont respond|unrespons\w*)"
          r"|\b(?:body|arms?|legs?|face|she|he|baby|hes|shes)\s+(?:is\s+|are\s+|keeps?\s+|started\s+|starts\s+)?"
          r"(?:\w+\s+)?(?:jerking|twitching|convulsing|seizing)\b",
          r"\b(?:jerk|twitch|pull|turn)\w*\s+(?:(?:his|her|their)\s+\w+\s+)?away\b|\bspoon\b"),
    _sign("unresponsive", True, "respon answer stare staring limp",
          r"\b(?:wont|won't|doesnt|isnt|not|cant get (?:her|him|them) to|stopped)\s+(?:respond\w*|answer\w*)"
          r"|\bstaring\s+(?:blankly|into space|and not)|\bblank stare"
          rf"|\b(?:{_WHO}|so|really|very|completely|all|totally|seems|looks|feels|gone|went|is|s|and)\s+limp\b"
          r"|\blimp\s+(?:and|in my arms|like)",
          r"\b(?:has|with|walks with|walking with) a limp\b|\b(?:tired\w*|sleepy|asleep|relaxed|lol|haha)\b|" + _SLEEPY_LIMP),
    _sign("breathing", True, "breath ribs chest grunt whistl nostril retract stopp pitched squeak honk crow",
          rf"\b{_BREATHE}\s+(?:is\s+|are\s+|sounds?\s+|looks?\s+|seems?\s+)?(?:\w+\s+)?"
          r"(?:fast and shallow|shallow|rapid|labou?red|really fast|so fast|very fast)"
          r"|\bgrunt\w*\s+(?:with|every|each|when)\b.{0,20}\bbreath"
          rf"|\bgrunt\w*\b.{{0,40}}\b{_BREATHE}\s+(?:really\s+|so\s+|very\s+)?(?:fast|hard|quick)"
          rf"|\b{_BREATHE}\s+(?:really\s+|so\s+|very\s+)?(?:fast|hard|quick)\b.{{0,40}}\bgrunt\w*"
          r"|\b(?:ribs|chest|tummy|belly|neck|throat)\s+(?:is\s+|are\s+|keeps\s+)?(?:sucking|pulling|caving|sinking)\s+in"
          # the skin drawn in as the child breathes: "sucking in under his ribs", "pulling at his chest with every breath"
          r"|\b(?:sucking|pulling|caving|sinking)\s+in\s+(?:under|between|below|around|at)\s+(?:his|her|their|the)\s+"
          r"(?:ribs|chest|collarbones?|neck|throat)\b|\bpulling\s+(?:in\s+)?at\s+(?:his|her|their)\s+(?:chest|ribs)\b.{0,30}\bbreath"
          r"|\bwhistl\w*\s+(?:sound|noise)|\bnostrils?\s+flar\w*|\bretractions?\b"
          r"|\b(?:keeps|kept|keep)\s+stopp\w*\s+breath\w*|\bstopped breathing\b"
          r"|\b(?:high[- ]pitched|squeak\w*|whistl\w*|honking|crowing)\s+(?:\w+\s+)?(?:noise|sound)\b.{0,30}\b(?:breath|air\b)"),
    _sign("breathing", True, "blu purple grey gray dusky ashen mottled",
          r"\b(?:blue|bluish|purple|gr[ae]y|grayish|greyish|dusky)\s+(?:around|on|in)\s+(?:the\s+|her\s+|his\s+)?"
          r"(?:lips|mouth|face)|\b(?:lips?|mouth|face|skin)\s+(?:is\s+|are\s+|looks?\s+|seems?\s+)?(?:\w+\s+){0,2}"
          r"(?:bluish|blueish|greyish|grayish|dusky|gr[ae]y|ashen|mottled|blotchy blue)\b", _STAINED + "|" + _HISTORY),
    _sign("choking", True, "stuck throat cough cry talk swallow sound",
          r"\bstuck\s+in\s+(?:her|his|their|the|my babys)\s+throat"
          r"|\b(?:cant|cannot|can not|unable to|not able to)\s+(?:cry|cough|talk|speak|make a sound|make any sound|"
          r"swallow|get (?:it|the|a|that)\b.{0,25}\b(?:up|out))"
          r"|\bmaking no sound|\b(?:food|something|it)\s+(?:is\s+)?stuck\b.{0,30}\b(?:breath|cough|cry)"),
    _sign("battery", True, "batter cell",
          r"\b(?:one of (?:those|the|these|his|her)\s+)?(?:button|coin|watch|lithium|round|little|small|tiny|disc|"
          r"hearing aid)\s+(?:\w+\s+)?batter(?:y|ies)\b"
          r".{0,120}\b(?:ate|swallowed|swallow|in (?:her|his|their) mouth|missing|gone|cant find|chewing|chewed|mouthing)\b"
          r"|" + _then(_SWALLOWS, r"batter(?:y|ies)|(?:coin|button) cells?"),
          _PREVENTION),
    _sign("magnet", True, "magnet",
          _then(_SWALLOWS, r"magnet(?:s|ic)?"), _PREVENTION),
    _sign("poison", True, CHEMICAL_HINTS + " pod",
          _then(_SWALLOWS + "|bit into|bit|chewed|drank|licked|got into|got hold of", rf"{CHEMICAL}|pods?"), _PREVENTION),
    _sign("poison", True, PILL_HINTS + " pill",
          rf"\b{_WHO}\b.{{0,30}}\b(?:{_SWALLOWED}|took|had)\b.{{0,40}}"
          rf"\b(?:{PILLS}|pills?|tablets?|gummies|gummy vitamins|medicine bottle)\b"
          rf"|\bfound\s+(?:her|him|them|baby)\s+with\b.{{0,40}}\b(?:{PILLS}|pills?)\b",
          _PREVENTION + "|" + _GROWN_UP_DOSE),
    # Too much of a medicine given: a double dose, "gave him way too much".
    _sign("poison", True, PILL_HINTS + " pill",
          r"\b(?:double|two|2|extra|too much|wrong)\s+(?:\w+\s+){0,2}doses?\b"
          r"|\b(?:twice|double|again|two doses|2 doses|extra)\b.{0,40}\b(?:by accident|by mistake|too soon|too close)\b"
          r"|\b(?:accidentally|by accident|by mistake)\b.{0,40}\b(?:twice|double|again|two doses|2 doses|extra)\b"
          r"|\b(?:\d+|two|three|four|five|ten|twice|triple|double)\s+(?:times\s+)?(?:the|his|her|their|a)\s+(?:\w+\s+)?"
          r"(?:dose|dosage|amount)\b|\boverdos\w*"
          rf"|\bgave\s+(?:her|him|them|baby|my \w+)\s+(?:way\s+)?too much\b|\btoo much\s+(?:of (?:the|her|his) )?{PILLS}",
          _PREVENTION),
    # The airway blocked, told by what the parent sees: silent, clawing at the throat.
    _sign("choking", True, "sound noise silent claw grab paw clutch",
          r"\b(?:not|isnt|cant|cannot|wont|no longer)\s+(?:making|make)\s+(?:a|any)\s+(?:sound|noise)"
          r"|\bno (?:sound|noise)\s+(?:is\s+)?(?:coming|comes) out"
          r"|\b(?:clawing|grabbing|pawing|clutching|scratching)\s+(?:at\s+)?(?:her|his|their|the)\s+(?:neck|throat)"
          r"|\b(?:red|blue|purple)\s+and\s+(?:silent|quiet)\b|\b(?:silent|quiet)\s+and\s+(?:red|blue|purple)\b",
          _HISTORY),
    # Eyes swelling after something eaten (puffy eyes from teething or crying are not a reaction).
    _sign("allergic_reaction", True, "eye cheek",
          rf"\b(?:eyes?|eyelids?|cheeks?)\s+(?:\w+\s+){{0,2}}(?:is|are|have|has|got|getting|started|starting|went|look|looks|"
          rf"keep|keeps)\s+(?:\w+\s+)?{_SWELLING}|\b{_SWELLING}\s+(?:\w+\s+){{0,2}}(?:eyes?|eyelids?)\b"
          r"|\b(?:eyes?|eyelids?)\s+(?:swelling|swollen|puffing|puffed)\s+(?:up|shut)\b",
          _HISTORY + r"|\b(?:cry\w*|cried|woke up|sleep\w*|tired|mosquito|bug bite|sting)\b",
          needs=_JUST_ATE + r"|\ballerg\w*|\bsince (?:the|she|he|eating|lunch|dinner|breakfast|snack)\b"),
    # A reaction in the throat after something eaten: hoarse voice, itchy or scratchy throat.
    _sign("allergic_reaction", True, "hoarse croak rasp throat",
          r"\b(?:voice|cry|crying)\s+(?:is\s+|went\s+|sounds?\s+|has gone\s+)?(?:all\s+|really\s+|so\s+)?"
          r"(?:hoarse|croaky|raspy)|\bsounds?\s+(?:all\s+|really\s+|so\s+)?(?:hoarse|croaky|raspy)"
          r"|\bthroat\s+(?:is\s+|feels\s+)?(?:\w+\s+)?(?:scratchy|itchy)",
          _HISTORY + r"|\bmy (?:own )?(?:throat|voice)\b", needs=_JUST_ATE),
    # A swallowed coin or small object that is stuck: drooling, gagging, can't swallow.
    _sign("choking", True, "swallow ate put suck mouth",
          r"\b(?:swallowed|ate|swallowing|put|sucking on|sucked on)\s+(?:a|an|the|one|two|some|his|her|my)?\s*(?:\w+\s+)?"
          r"(?:penny|pennies|coin|coins|dime|nickel|quarter|marble|bead|beads|lego|earring|screw|button|small toy|"
          r"toy piece|piece of (?:a )?toy|bottle cap|cap|hair (?:clip|tie|pin|bead)s?|bobby pin|safety pin|pin|"
          r"tack|thumbtack|nail|necklace charm|charm|sticker|piece of plastic|plastic piece|"
          r"piece of glass|balloon|piece of balloon)\b"
          r"|\b(?:had|has|got)\s+(?:a|an|the|one|some)\s+(?:\w+\s+)?(?:penny|coin|dime|nickel|quarter|marble|bead|lego|"
          r"earring|screw|button|pin|tack|nail)\s+(?:stuck\s+)?in\s+(?:his|her|their)\s+(?:mouth|throat)\b",
          _PREVENTION, needs=r"\b(?:drool\w*|gag\w*|cant swallow|wont swallow|choking|coughing|retch\w*|wheez\w*|"
                             r"vomit\w*|throw\w* up|threw up|chest hurts|wont eat|wont drink)"),
    # Breathing that is a struggle, told in words other than "can't breathe".
    _sign("breathing", True, "breath air",
          r"\b(?:cant|cannot|can not|couldnt|unable to)\s+(?:catch|get)\s+(?:her|his|their|a|any)\s+(?:breath|air)"
          r"|\b(?:struggling|fighting|working hard|gasping)\s+for\s+(?:every\s+|each\s+|her\s+|his\s+)?(?:breath|air)"
          r"|\bbreathing\s+(?:is\s+|sounds?\s+)?(?:all\s+|really\s+|so\s+)?(?:whistly|wheezy|squeaky|raspy)",
          _HISTORY),
    _sign("breathing", True, "blu purpl",
          r"\b(?:lips?|mouth|face)\s+(?:go|goes|went|going|turn|turns|turned|turning|get|gets|getting|are|is|look|looks)"
          r"\s+(?:a\s+(?:bit|little)\s+)?(?:blue|blueish|bluish|purple|purplish)\b",
          _STAINED + "|" + _HISTORY),
    # Bleeding that does not stop, and a knock on the head with warning signs.
    _sign("bleeding", True, "blood bleed soaked",
          r"\b(?:squirting|spurting|gushing|pouring|pumping|spraying)\s+(?:out\s+)?blood"
          r"|\bblood\s+(?:is\s+)?(?:squirting|spurting|gushing|pouring|pumping|spraying|everywhere)"
          r"|\b(?:bleeding|blood)\b.{0,40}\b(?:wont|will not|doesnt|does not|isnt|cant get it to|not)\s+stop"
          r"|\bsoaked\s+(?:through|right through)\b",
          _HISTORY),
    _sign("head_injury", True, "head",
          r"\b(?:split|cut|busted|gashed)\s+(?:her|his|their)\s+head\s+open"
          r"|\b(?:hit|bumped|banged|smacked|whacked|knocked)\s+(?:her|his|their)\s+head\b.{0,120}"
          r"\b(?:threw up|throwing up|vomit\w*|puk\w*|drowsy|sleepy|wont wake|cant stay awake|confused|"
          r"unconscious|passed out|not acting right|not herself|not himself)"
          r"|\b(?:fell|fall)\b.{0,60}\bon\s+(?:her|his|their)\s+head\b.{0,80}\b(?:threw up|vomit\w*|drowsy|"
          r"wont wake|unconscious|passed out)",
          _HISTORY),
    # The medicine or product named first, then that it was eaten: "pills on the nightstand ... ate 2 of them".
    _sign("poison", True, PILL_HINTS + " pill gumm " + CHEMICAL_HINTS,
          rf"\b(?:{PILLS}|pills?|gummies|{CHEMICAL})\b.{{0,80}}\b(?:she|he|they|shes|hes|theyve|baby|[a-z]+ (?:has|had)|i think|"
          rf"and|then)\s+(?:\w+\s+)?(?:{_SWALLOWED}|took|had|got|sucked on)\s+(?:(?:some|one|two|three|a few|\d+|all|half|"
          r"most|a bunch|loads|lots|a lot|the lot|the rest|a gulp|a mouthful|a swig)\b"
          r"(?:\s+of)?\s*(?:them|it|those|the)?|it|them)\b", _PREVENTION + "|" + _GROWN_UP_DOSE),
    # A tongue or lips grown big: "his tongue looks huge".
    _sign("allergic_reaction", True, "tongue lip",
          r"\b(?:tongue|lips?)\s+(?:looks?|is|are|seems?|feels?|got|getting|went)\s+(?:\w+\s+)?"
          r"(?:huge|thick|fat|enormous|big|bigger|double|massive)\b",
          _HISTORY + r"|\b(?:photos?|pictures?|pics?|normal|always|naturally|born)\b"),
    # The NHS "call 999" signs of serious illness: a rash that doesn't fade under a glass, a stiff
    # neck with a fever, a bulging soft spot.
    _sign("serious_illness", True, "rash spot dots glass tumbler blanch neck soft fontanel",
          r"\b(?:rash|spots|dots|blotches)\b.{0,60}\b(?:doesnt|does not|dont|do not|wont|will not|didnt|did not|"
          r"not|isnt|arent)\s+(?:\w+\s+)?(?:fade|go away|disappear|blanch|go white|go pale)\b.{0,40}\b(?:glass|press\w*|tumbler)"
          r"|\b(?:glass|tumbler) test\b|\bnon[- ]?blanch\w*"
          r"|\b(?:purple|purplish|dark red)\s+(?:\w+\s+)?(?:rash|spots|dots|pinpricks|blotches)\b.{0,80}\b(?:fever|temp\w*|burning up|"
          r"sleepy|floppy|drowsy|vomit\w*|cold hands)"
          r"|\bstiff neck\b|\bneck\s+(?:is\s+|seems\s+|looks\s+|feels\s+)?(?:so\s+|really\s+|very\s+)?stiff\b"
          r"|\b(?:cant|cannot|wont|will not)\s+(?:bend|move|turn)\s+(?:her|his|their)\s+(?:neck|head)\b"
          r"|\b(?:soft spot|fontanel\w*)\s+(?:\w+\s+){0,3}(?:is\s+|looks\s+|feels\s+|seems\s+)?(?:\w+\s+)?(?:bulging|swollen|raised|tight|"
          r"puffed up|sticking out)|\bbulging\s+(?:soft spot|fontanel\w*)",
          _HISTORY, needs=r"\b(?:fever|temp\w*|burning up|hot|sleepy|drowsy|floppy|lethargic|vomit\w*|throw\w* up|"
                          r"threw up|light|glass|tumbler|blanch\w*|wont wake|crying|cry|spots|purple)"),
    # Drowsy past waking: "I can't keep him awake", "won't keep her eyes open" (not a feed he naps through).
    _sign("unresponsive", True, "awake eyes wake lethargic",
          r"\b(?:cant|cannot|can not|unable to|struggling to|hard to|impossible to)\s+(?:keep|get)\s+(?:her|him|them|baby|it)\s+"
          r"(?:awake|up|to wake|to stay awake)\b(?!\s+(?:for|to|during|through|while|at|long enough)\b)"
          r"|\b(?:wont|cant|cannot|can not)\s+(?:stay awake|keep (?:her|his|their) eyes open)"
          r"|\b(?:hard|difficult|impossible)\s+to\s+wake\b|\bbarely\s+(?:wak\w*|awake|conscious)\b",
          r"\b(?:feed\w*|bottle|nurs\w*|breast\w*|latch\w*|eat|eating|meal|lunch|dinner|breakfast|school|car|nap time|"
          r"bedtime|up late|movie)\b"),
    # Hurt and not moving: "fell down the stairs and isn't moving".
    _sign("head_injury", True, "moving move",
          r"\b(?:fell|fall|fallen|dropped|hit|knocked|crashed|rolled off|tumbled)\b.{0,80}\b(?:isnt|is not|not|wont|cant|"
          r"stopped|hasnt|has not)\s+(?:moving|move|moved)\b", _HISTORY),
    # Something got into, then signs: "found a bag of gummies ... super sleepy and wobbly".
    _sign("poison", True, "found got_into got_hold got_ahold missing gone",
          rf"\b(?:{_WHO}\s+(?:\w+\s+)?(?:found|got into|got hold of|got ahold of)|found\s+(?:her|him|them|baby)\s+"
          rf"(?:with|eating|drinking|chewing|sucking|licking|in|into))\b.{{0,60}}\b(?:{PILLS}|pills?|{CHEMICAL})\b"
          rf"|\b(?:{PILLS}|pills?|capsules)\s+(?:are\s+|were\s+)?(?:missing|gone)\b"
          rf"|\b(?:{PILLS}|pills?|{CHEMICAL})\b.{{0,60}}\b(?:one|\d+|some|a few|two|three|a couple)\s+(?:of (?:them|those)\s+)?"
          r"(?:is|are|was|were)\s+(?:missing|gone)\b"
          r"|\b(?:pack|packet|bottle|box|blister|sheet|strip|container)\b.{0,60}\b(?:\d+|some|a few|two|three|four|five)\s+"
          r"(?:\w+\s+)?(?:are\s+|were\s+)?missing\b",
          _PREVENTION + "|" + _USED_UP,
          needs=r"\b(?:sleepy|drowsy|wobbly|stumbl\w*|unsteady|dizzy|vomit\w*|throw\w* up|threw up|puk\w*|"
                r"eyes (?:open|rolling)|not acting right|acting (?:weird|drunk|strange|off)|drunk|"
                r"not (?:herself|himself)|ate|swallowed|chewed|eaten|drank|missing|gone|open(?:ed)?|wrapper|empty|"
                r"torn|ripped|burst|bitten|bit|goo|foam\w*|cough\w*|gag\w*|retch\w*|drool\w*|"
                r"(?:in|on|round|around) (?:her|his|their) (?:mouth|lips|chin|face|tongue))"),
    # The thing named first, then swallowed: "2 magnet balls swallowed", "one button battery was eaten".
    _sign("magnet", True, "magnet", _named_then_swallowed(r"magnet(?:s|ic)?"), _PREVENTION),
    _sign("battery", True, "batter cell", _named_then_swallowed(r"(?:batter(?:y|ies)|(?:button|coin) cells?)"),
          _PREVENTION),
    _sign("poison", True, "swallowed eaten ingested",
          _named_then_swallowed(rf"(?:{PILLS}|pills?|pods?|{CHEMICAL})"), _PREVENTION + "|" + _GROWN_UP_DOSE),
    # An asthma attack the inhaler does not settle.
    _sign("breathing", True, "asthma inhaler puffer",
          r"\b(?:having|in the middle of|in|into)\s+(?:a|an)\s+(?:bad\s+|severe\s+|serious\s+|really bad\s+)?asthma attack"
          r"|\b(?:inhaler|puffer|nebuli[sz]er)\s+(?:isnt|is not|not|wont|doesnt|does not|hasnt|has not|didnt)\s+"
          r"(?:working|helping|help|work|done anything)", _HISTORY),
    # The throat scratched at after a food, with a second sign: "ate a cashew, scratching his throat and coughing".
    _sign("allergic_reaction", True, "throat tongue mouth",
          r"\b(?:scratching|clawing at|rubbing|pulling at|grabbing)\s+(?:at\s+)?(?:his|her|their)\s+(?:throat|tongue|mouth|ears)\b",
          _HISTORY, needs=rf"(?=.*(?:{_JUST_ATE}))(?=.*\b(?:cough\w*|wheez\w*|drool\w*|vomit\w*|throw\w* up|threw up|swell\w*|"
                          r"croaky|raspy|voice (?:sounds|is|went|has gone|gone) (?:\w+ )?(?:funny|weird|odd|different|strange|hoarse)|"
                          r"swollen|hoarse|gag\w*))"),
    # In the water: "face down in the pool", "was underwater and now sleepy".
    _sign("breathing", True, "drown water pool bath tub pond lake river",
          r"\b(?:drowning(?!\s+in\s+(?:\w+\s+)?(?:sauce|spaghetti|food|milk|yogurt|puree|toys|laundry|clothes|work|"
          r"snot|drool|kisses|love|attention))|nearly drowned|almost drowned|underwater|under the water|went under|face down in the (?:pool|bath|"
          r"water|tub|pond)|(?:pulled|fished|got) (?:her|him|them) out of the (?:pool|water|bath|tub|pond)|(?:fell|slipped|toppled|tumbled) (?:in|into) the (?:pool|water|bath|tub|pond|lake|river))\b",
          _HISTORY + "|" + _PREVENTION, needs=r"\b(?:drowning|sleepy|drowsy|limp|floppy|cough\w*|not breathing|isnt breathing|"
                                               r"blue|vomit\w*|threw up|wont wake|unresponsive|not responding|pale)"),
)
