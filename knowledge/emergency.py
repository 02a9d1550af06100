"""Emergency triage: spot a parent reporting an emergency, before anything else reads the message.

Rules only (regex tables), never an LLM, and fast enough to run on every inbound message. Each
sign is either *reported* (a present-tense report such as "she's choking", "can't breathe": fires
unless it sits right after "if"/"when" or a negation) or *mentioned* (a bare word such as
"choking", "wheezing": fires unless its sentence reads as prevention, a question about what could
happen, history, or a joke). When in doubt on a report, fire: a false alarm costs less than a miss.
"""
from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True)
class Emergency:
    """What kind of emergency a message reports, and the first-aid line to send with "call now"."""

    kind: str
    advice: str


ADVICE = {
    "choking": "If your child can't cough, cry or breathe, start choking first aid: back blows and chest "
               "thrusts under 1 year, abdominal thrusts over 1.",
    "allergic_reaction": "Use their epinephrine auto-injector (EpiPen) now if they have one. Lay them flat "
                         "with legs raised, or sitting up if breathing is hard.",
    "breathing": "Sit your child upright and stay with them. If they stop breathing or go limp, start CPR - "
                 "the dispatcher will talk you through it.",
    "unresponsive": "Check their breathing. If they aren't breathing normally, start CPR - the dispatcher "
                    "will guide you. If they are, lay them on their side.",
    "seizure": "Lay your child on their side on the floor, away from hard things. Don't hold them down or "
               "put anything in their mouth. Note the time.",
    "battery": "Don't make them vomit; go to the ER now even if they seem fine - button batteries can burn "
               "within 2 hours.",
    "magnet": "Don't make them vomit; go to the ER now even if they seem fine - swallowed magnets can pinch "
              "the gut together.",
    "poison": "Don't make them vomit. Keep the bottle or packet to show the medics, and tell them what and "
              "how much was swallowed.",
    "bleeding": "Press hard on the wound with a clean cloth or your hand and keep pressing - don't lift it "
                "to look.",
    "head_injury": "Keep your child still and stay with them; don't give food or drink until they're seen.",
}
NOT_A_DOCTOR = "I'm a feeding bot and can't help in an emergency."

# Shared pieces of the patterns (text is lowercased, apostrophes dropped: "she's" -> "shes").
_WHO = (r"(?:she|he|they|shes|hes|theyre|baby|babe|bub|son|daughter|kid|kiddo|child|toddler|infant|boy|girl|"
        r"lo|ds|dd|twin|newborn|\d+ ?(?:yo|y/o|yr old|year old|month old|mo old))")
_IS = r"(?:is|are|keeps|kept|started|starts|starting|been|now|still)"
_ADV = r"(?:still|now|really|badly|just|definitely|actually|literally|totally|so|very)"
_CHOKING = r"cho(?:a|o)?c?k(?:ing|in|eing)"
_CHOKE_ANY = r"\bcho(?:a|o)?c?k(?:e|es|ed|ing|in|eing)\b"
_CHOKE_NOT_BASE = r"\bcho(?:a|o)?c?k(?:es|ed|ing|in|eing)\b"  # "so she won't choke" is never a report
_BREATHE = r"br(?:e|ea)th(?:e|ing|in)?"
_SEIZURE = r"s(?:ei|ie|ee)(?:z|s)(?:ure|uer|ur)s?"
_ANAPHYLAXIS = r"ana(?:ph|f)(?:y|i|a)la(?:x|ct)\w*"
_SWALLOWED = (r"(?:swallowed|swallowing|swallows|swallow|ate|eaten|eating|chewed|chewing|bit|bitten|biting|sucked|"
              r"sucking|licked|licking|drank|drunk|drinking|got into|got hold of|got ahold of|bit into|had one)")
_BODY = r"(?:lips?|tongue|face|mouth|throat)"
_SWELLING = (r"(?:swollen|swolen|swelling|swelled|swole|puffy|puffing(?: up| shut)?|puffed up|blowing up|"
             r"swell(?:ing)? (?:up|shut))")
_SICK = (r"(?:vomit\w*|throw\w* up|threw up|puk\w*|being sick|swell\w*|swollen|wheez\w*|cough\w*|lethargic|"
         r"floppy|limp|pale|drowsy|hoarse|whistl\w*|squeak\w*)")
# Hives by the names parents use for them.
_HIVES = r"(?:hives|welts|welps|(?:rash|blotches|bumps)\s+(?:is\s+|are\s+)?spreading)"
# Something eaten just before: makes a hoarse voice or an itchy throat a reaction, not a cold.
_JUST_ATE = (r"\b(?:after|ate|eaten|eating|bite|bit of|had|tried|trying|first time|taste[ds]?|"
             r"sip|licked|gave (?:her|him|them))\b")
_CHEMICAL = (r"(?:bleach|detergent|laundry (?:pods?|gel|liquid|soap)|dishwasher (?:gel|liquid|pac\w*|stuff)|(?:windshield |windscreen )?washer fluid|tide pods?|dishwasher (?:pods?|tablets?|detergent|soap)|"
             r"(?:drain|oven|toilet|window|floor) cleaner|cleaning (?:spray|fluid|product|liquid)|antifreeze|"
             r"lamp oil|lighter fluid|gasoline|petrol|kerosene|paint thinner|turpentine|nicotine|vape \w+|"
             r"e ?liquid|e ?juice|cigarettes?|mothballs?|pesticide|insecticide|weed killer|rat poison|poison|"
             r"hand sanitizer|mouthwash|alcohol|vodka|whiskey|wine|beer|essential oils?|windex|lysol|clorox|"
             r"fabric softener|dish soap|ammonia|cleaning supplies|cleaning products|cleaners?|chemicals|disinfectant|"
             r"drano|ajax|comet|dettol|edibles?|weed|marijuana|cannabis|thc)")
_PILLS = (r"(?:pills|tablets|meds|medicine|medication|medications|vitamins|tylenol|ibuprofen|advil|motrin|"
          r"benadryl|cough syrup|cough medicine|cold medicine|melatonin|iron (?:pills|drops|supplements?))")
_HOW_MANY = (r"(?:some of|a bunch of|a handful of|a few|several|all|all of|all the|a bottle of|"
             r"the whole bottle of|a whole bottle of|my|mommys|moms|daddys|dads|grandmas|grandpas|nanas|"
             r"someone elses)")


def _reported(symptom: str) -> str:
    """Build the regex for a present-tense report: "she's choking", "baby is wheezing", "is seizing"."""
    return rf"\b(?:{_WHO}\s+(?:{_IS}\s+)?|{_IS}\s+)(?:{_ADV}\s+)?{symptom}\b"


_NOT_A_RISK = (r"(?!\s+(?:(?:a\s+|an\s+)?(?:hazard|risk|concern|danger|common|normal|likely|possible)s?\b"
               r"|vs\b|versus\b|in\s+(?:babies|toddlers|kids|children|infants)\b))")

# Blue or purple lips from food or colouring, said in the same sentence, are not a breathing sign.
# Nor is a red-purple face from crying or pushing out a poo.
_STAINED = (r"\b(?:blueberr\w*|berries|beets?|popsicle|ice pop|dye|food colou?ring|icing|frosting|candy|marker|"
            r"crayon|poo\w*|push\w*|strain\w*|crying|cried|tantrum|scream\w*|yell\w*|shout\w*|"
            r"blue in the face|(?:holding|holds|held) (?:her|his|their) breath|breath[- ]holding)")
# A reaction told as history ("hives and vomiting last time she had egg") is a question, not a 911.
_HISTORY = (r"\b(?:last (?:night|week|month|year|time)|yesterday|(?:days?|weeks?|months?|years?|a while) ago|"
            r"in the past|as a baby|used to|history|"
            r"allergist|when (?:she|he|they) was)\b")
_CHOKE_HINTS = "chok choc choa choo"
_CHEMICAL_HINTS = ("clean chemical disinfect dishwasher laundry drano ajax comet dettol edible weed marijuana cannabis thc "
                   "bleach deterg pod tablet cleaner cleaning antifreeze oil fluid gasoline petrol kerosene "
                   "thinner turpentine nicotine vape liquid juice cigarette mothball cide killer poison "
                   "sanitizer mouthwash alcohol vodka whiskey wine beer windex lysol clorox softener soap "
                   "ammonia")
_PILL_HINTS = "pill tablet meds medic vitamin tylenol ibuprofen advil motrin benadryl syrup melatonin iron"


# A grown-up's own cough or a figure of speech: "I almost choked on my coffee", "a fit of laughter".
_NOT_THE_CHILD = (r"\b(?:i|we|my (?:wife|husband|partner|mom|dad|mum))\s+(?:almost\s+|nearly\s+|just\s+|literally\s+)?"
                  r"(?:cho\w*|had a fit|have a fit)|\b(?:of|with)\s+laughter\b|\blaugh\w*\s+fit\b")
# A parent's own medicine: "took my last ibuprofen for this headache".
_GROWN_UP_DOSE = (r"(?:^|[.!?]\s*)(?:i\s+|ive\s+)?took\s+my\b|\bi (?:just |already )?(?:took|swallowed|had)\b"
                  r"|\bfor (?:my|this|the) (?:headache|migraine|back|cramps|cold|pain)\b")
_PREVENTION = (r"\b(?:childproof\w*|child proof\w*|prevent\w*|avoid\w*|lock\w*|store|storing|keep (?:them|it)|"
               r"out of reach|scare[sd]?|scary|worried|worry|nervous|afraid|fear\w*|paranoid|safe from|safety|"
               r"top shelf|recall\w*|(?:will|might|could|gonna|going to) (?:swallow|eat|get|put|chew))\b")


@dataclass(frozen=True)
class _Sign:
    """One way a message can report an emergency."""

    kind: str
    reported: bool  # a present-tense report (True) or a bare mention (False)
    hints: tuple[str, ...]  # at least one must be in the text before the regex runs (keeps triage fast)
    pattern: re.Pattern[str]
    unless: re.Pattern[str] | None  # not this sign if the sentence says this
    needs: re.Pattern[str] | None = None  # only this sign if the message says this too


def _sign(kind: str, reported: bool, hints: str, pattern: str, unless: str | None = None,
          needs: str | None = None) -> _Sign:
    """Compile one row of the signs table."""
    compiled_unless = re.compile(unless) if unless else None
    return _Sign(kind, reported, tuple(hints.split()), re.compile(pattern), compiled_unless,
                 re.compile(needs) if needs else None)


# In priority order: the first sign that holds decides the kind.
_SIGNS = (
    _sign("choking", True, _CHOKE_HINTS, _reported(_CHOKING) + _NOT_A_RISK, _NOT_THE_CHILD),
    _sign("choking", True, _CHOKE_HINTS,
          rf"\b{_CHOKING}\s+on\s+(?:a|an|the|her|his|their|some|something|food|piece|\w+)\b"
          rf"|\b(?:help|save|do for|do with)\s+(?:a|my|the|our)\s+{_CHOKING}\b", _NOT_THE_CHILD),
    _sign("allergic_reaction", True, "anaph anaf",
          rf"\b(?:going into|in|having|into)\s+{_ANAPHYLAXIS}|\banaphylactic shock\b"),
    _sign("allergic_reaction", True, "epi adrenal auvi",
          r"\b(?:used|gave|give|giving|use|using|injected)\s+(?:(?:her|his|their|the|an|my)\s+)?"
          r"(?:epi ?pen|epinephrine|auvi ?q|adrenaline)"),
    _sign("allergic_reaction", True, "swol swel puff blowing",
          rf"\b{_BODY}\s+(?:is|are|s|got|getting|started|starting|went|look|looks|seems?|feels?|"
          rf"keeps)\s+(?:\w+\s+){{0,3}}{_SWELLING}"),
    _sign("allergic_reaction", True, "throat shut",
          r"\bthroat\s+(?:is\s+|feels\s+)?(?:closing|tight|tightening)"
          r"|\beyes?\s+(?:are\s+|is\s+)?swollen shut"),
    _sign("allergic_reaction", True, "hive welt welp spread",
          rf"\b{_HIVES}.{{0,100}}\b{_SICK}|\b{_SICK}.{{0,100}}\b{_HIVES}", _HISTORY),
    _sign("allergic_reaction", True, "hive",
          r"\bhives\s+(?:all over|everywhere|over (?:his|her|their) (?:whole |entire )?body|spreading)"
          r"|\b(?:covered in|full of|full body)\s+(?:hives|welts|welps)\b"
          r"|\b(?:welts|welps)\s+(?:all over|everywhere|spreading)", _HISTORY),
    _sign("allergic_reaction", True, "allergic",
          r"\bhaving\s+(?:an?\s+)?(?:bad\s+|severe\s+|serious\s+)?allergic reaction"),
    _sign("breathing", True, "breat breth",
          r"\b(?:cant|cannot|can not|couldnt|unable to|struggling to|struggles to|fighting to|hard to|"
          rf"not able to)\s+(?:even\s+|really\s+)?{_BREATHE}\b"
          rf"|\b(?:not|isnt|stopped|wasnt|no longer|quit)\s+{_BREATHE}\b"
          r"(?!\s+(?:well\s+)?(?:through|out of|from|with)\s+(?:his|her|their|the|a)\s+(?:nose|stuffy))"),
    _sign("breathing", True, "gasp whee whez", r"\bgasping\b|" + _reported(r"(?:whee?zing|wheezin)")),
    _sign("breathing", True, "blue purple grey gray",
          r"\b(?:turning|turned|going|gone|went|getting)\s+(?:a\s+(?:bit|little)\s+)?"
          r"(?:blue|purple|gr[ae]y)\b", _STAINED + "|" + _HISTORY),
    _sign("breathing", True, "blue purple grey gray",
          rf"\b{_WHO}\s+(?:is\s+|looks\s+|is looking\s+|looking\s+)?"
          r"(?:so\s+|very\s+|really\s+|all\s+|kinda\s+)?(?:blue|purple|gr[ae]y)\b", _STAINED),
    _sign("breathing", True, "blue purple",
          r"\b(?:blue|purple)\s+(?:lips?|face|tongue)\b"
          r"|\b(?:lips?|face|skin)\s+(?:is\s+|are\s+|look\s+|looks\s+)?(?:\w+\s+)?(?:blue|purple)\b",
          _STAINED),
    _sign("unresponsive", True, "respon conscious lifeless limp collapsed",
          r"\bunrespons\w*|\bnot\s+(?:responding|responsive)\b|\bunconscious\b|\blifeless\b"
          r"|\b(?:lost|losing)\s+consciousness\b|\b(?:went|gone|going|is|s)\s+limp\b|\bcollapsed\b"),
    _sign("unresponsive", True, "wake waking",
          r"\b(?:(?:wont|cant|cannot|can not|will not)\s+wake(?:\s+(?:her|him|them|baby|it))?|not waking|isnt waking|"
          r"still (?:isnt |not )?(?:waking|awake))\b"
          r"(?!(?:\s+up)?\s+(?:for|to)\s+(?:(?:a|her|his|the|their)\s+)?"
          r"(?:feeds?|feeding|bottle|eat|nurse|meals?|lunch|breakfast|dinner|snack|school))"),
    _sign("seizure", True, "seiz siez seez seis fit convuls",
          rf"\b(?:having|is having|in)\s+(?:an?\s+)?(?:{_SEIZURE}|fit|convulsion)\b"
          r"|\bseizing\b|\bconvulsing\b|\b(?:shes|hes|is)\s+fitting\b", _NOT_THE_CHILD),
    _sign("battery", True, "batter",
          rf"\b(?:{_SWALLOWED}|got into)\b.{{0,25}}\bbatter(?:y|ies)\b"
          r"|\bbatter(?:y|ies)\s+(?:in|into|up)\s+(?:his|her|their|the)\s+(?:mouth|nose|ear)", _PREVENTION),
    _sign("magnet", True, "magnet",
          rf"\b{_SWALLOWED}\b.{{0,25}}\bmagnet(?:s|ic)?\b"
          r"|\bmagnets?\s+(?:in|into|up)\s+(?:his|her|their|the)\s+(?:mouth|nose)", _PREVENTION),
    _sign("poison", True, _CHEMICAL_HINTS, rf"\b(?:{_SWALLOWED}|got into)\b.{{0,25}}\b{_CHEMICAL}\b", _PREVENTION),
    _sign("poison", True, _PILL_HINTS,
          rf"\b(?:swallowed|ate|eaten|drank|took)\s+{_HOW_MANY}\s+(?:\w+\s+)?{_PILLS}\b"
          rf"|\bgot into\s+(?:\w+\s+){{0,2}}(?:{_PILLS}|medicine cabinet)\b"
          rf"|\b(?:had|ate|took|swallowed|chewed)\s+(?:some|a few|a couple|\d+|all|half|a handful)\s+of\s+"
          rf"(?:my|her|his|the|their|\w+s)\s+(?:\w+\s+)?(?:{_PILLS}|pills|gummies)\b", _GROWN_UP_DOSE),
    # Seizures described rather than named: "shaking all over", "eyes rolled back", "stiff and jerking".
    _sign("seizure", True, "shak jerk twitch stiff eyes",
          r"\bshak(?:ing|es|en)\s+(?:all over|uncontrollably|violently|and (?:not|wont|isnt|unresponsive))"
          r"|\beyes\s+(?:are\s+|have\s+|keep\s+|kept\s+)?(?:rolled|rolling|roll(?:ing)?)\s+(?:back|up)"
          r"|\b(?:stiff|rigid)\s+and\s+(?:jerk|shak|twitch)\w*|\b(?:jerk|twitch)\w*\s+and\s+(?:stiff|not respond\w*|"
          r"wont respond|unrespons\w*)"
          r"|\b(?:body|arms?|legs?|face|she|he|baby|hes|shes)\s+(?:is\s+|are\s+|keeps?\s+|started\s+|starts\s+)?"
          r"(?:\w+\s+)?(?:jerking|twitching|convulsing|seizing)\b"),
    _sign("unresponsive", True, "respon answer stare staring limp",
          r"\b(?:wont|won't|doesnt|isnt|not|cant get (?:her|him|them) to|stopped)\s+(?:respond\w*|answer\w*)"
          r"|\bstaring\s+(?:blankly|into space|and not)|\bblank stare"
          rf"|\b(?:{_WHO}|so|really|very|completely|all|totally|seems|looks|feels|gone|went|is|s|and)\s+limp\b"
          r"|\blimp\s+(?:and|in my arms|like)",
          r"\b(?:has|with|walks with|walking with) a limp\b|\b(?:tired\w*|sleepy|asleep|relaxed|lol|haha)\b"),
    _sign("breathing", True, "breath ribs chest grunt whistl nostril retract stopp pitched squeak",
          rf"\b{_BREATHE}\s+(?:is\s+|are\s+|sounds?\s+|looks?\s+|seems?\s+)?(?:\w+\s+)?"
          r"(?:fast and shallow|shallow|rapid|labou?red|really fast|so fast|very fast)"
          r"|\bgrunt\w*\s+(?:with|every|each|when)\b.{0,20}\bbreath"
          r"|\b(?:ribs|chest|tummy|belly|neck|throat)\s+(?:is\s+|are\s+|keeps\s+)?(?:sucking|pulling|caving|sinking)\s+in"
          r"|\bwhistl\w*\s+(?:sound|noise)|\bnostrils?\s+flar\w*|\bretractions?\b"
          r"|\b(?:keeps|kept|keep)\s+stopp\w*\s+breath\w*|\bstopped breathing\b"
          r"|\b(?:high[- ]pitched|squeak\w*|whistl\w*|honking|crowing)\s+(?:\w+\s+)?(?:noise|sound)\b.{0,30}\bbreath"),
    _sign("breathing", True, "blu purple grey gray dusky",
          r"\b(?:blue|bluish|purple|gr[ae]y|grayish|greyish|dusky)\s+(?:around|on|in)\s+(?:the\s+|her\s+|his\s+)?"
          r"(?:lips|mouth|face)|\b(?:lips?|mouth|face)\s+(?:is\s+|are\s+|looks?\s+|seems?\s+)?(?:\w+\s+)?"
          r"(?:bluish|greyish|grayish|dusky|gr[ae]y)\b", _STAINED),
    _sign("choking", True, "stuck throat cough cry talk swallow sound",
          r"\bstuck\s+in\s+(?:her|his|their|the|my babys)\s+throat"
          r"|\b(?:cant|cannot|can not|unable to|not able to)\s+(?:cry|cough|talk|speak|make a sound|make any sound|"
          r"swallow|get (?:it|the|a|that)\b.{0,25}\b(?:up|out))"
          r"|\bmaking no sound|\b(?:food|something|it)\s+(?:is\s+)?stuck\b.{0,30}\b(?:breath|cough|cry)"),
    _sign("battery", True, "batter cell",
          r"\b(?:one of (?:those|the|these|his|her)\s+)?(?:button|coin|watch|lithium|round|little|small|tiny|disc|"
          r"hearing aid)\s+(?:\w+\s+)?batter(?:y|ies)\b"
          r".{0,120}\b(?:ate|swallowed|swallow|in (?:her|his|their) mouth|missing)\b"
          r"|\b(?:ate|swallowed|swallows?|swallowing)\b.{0,40}\b(?:batter(?:y|ies)|(?:coin|button) cells?)\b",
          _PREVENTION),
    _sign("magnet", True, "magnet",
          r"\b(?:ate|swallowed|swallows?|swallowing)\b.{0,40}\bmagnet(?:s|ic)?\b", _PREVENTION),
    _sign("poison", True, _CHEMICAL_HINTS + " pod",
          rf"\b(?:ate|swallowed|swallows?|swallowing|bit into|bit|chewed|drank|licked|got into|got hold of)\b.{{0,40}}"
          rf"\b(?:{_CHEMICAL}|pods?)\b", _PREVENTION),
    _sign("poison", True, _PILL_HINTS + " pill",
          rf"\b{_WHO}\b.{{0,30}}\b(?:swallowed|ate|eaten|drank|took|chewed|got into|got hold of|had)\b.{{0,40}}"
          rf"\b(?:{_PILLS}|pills?|tablets?|gummies|gummy vitamins|medicine bottle)\b"
          rf"|\bfound\s+(?:her|him|them|baby)\s+with\b.{{0,40}}\b(?:{_PILLS}|pills?)\b"
          r"|\b(?:double|two|2|extra|too much|wrong)\s+(?:\w+\s+){0,2}doses?\b"
          rf"|\bgave\s+(?:her|him|them|baby|my \w+)\s+(?:way\s+)?too much\b|\btoo much\s+(?:of (?:the|her|his) )?{_PILLS}",
          _PREVENTION),
    # The airway blocked, told by what the parent sees: silent, clawing at the throat.
    _sign("choking", True, "sound noise silent claw grab paw clutch",
          r"\b(?:not|isnt|cant|cannot|wont|no longer)\s+(?:making|make)\s+(?:a|any)\s+(?:sound|noise)"
          r"|\bno (?:sound|noise)\s+(?:is\s+)?coming out"
          r"|\b(?:clawing|grabbing|pawing|clutching|scratching)\s+(?:at\s+)?(?:her|his|their|the)\s+(?:neck|throat)"
          r"|\b(?:red|blue|purple)\s+and\s+(?:silent|quiet)\b|\b(?:silent|quiet)\s+and\s+(?:red|blue|purple)\b",
          _HISTORY),
    # Eyes swelling after something eaten (puffy eyes from teething or crying are not a reaction).
    _sign("allergic_reaction", True, "eye",
          rf"\b(?:eyes?|eyelids?)\s+(?:\w+\s+)?(?:is|are|got|getting|started|starting|went|look|looks|keep|keeps)"
          rf"\s+(?:\w+\s+)?{_SWELLING}|\b{_SWELLING}\s+(?:\w+\s+){{0,2}}(?:eyes?|eyelids?)\b",
          _HISTORY, needs=_JUST_ATE + r"|\ballerg\w*"),
    # A reaction in the throat after something eaten: hoarse voice, itchy or scratchy throat.
    _sign("allergic_reaction", True, "hoarse croak rasp throat",
          r"\b(?:voice|cry|crying)\s+(?:is\s+|went\s+|sounds?\s+|has gone\s+)?(?:all\s+|really\s+|so\s+)?"
          r"(?:hoarse|croaky|raspy)|\bsounds?\s+(?:all\s+|really\s+|so\s+)?(?:hoarse|croaky|raspy)"
          r"|\bthroat\s+(?:is\s+|feels\s+)?(?:\w+\s+)?(?:scratchy|itchy)",
          _HISTORY + r"|\bmy (?:own )?(?:throat|voice)\b", needs=_JUST_ATE),
    # A swallowed coin or small object that is stuck: drooling, gagging, can't swallow.
    _sign("choking", True, "swallow ate",
          r"\b(?:swallowed|ate|swallowing)\s+(?:a|an|the|one|two|some|his|her|my)?\s*(?:\w+\s+)?"
          r"(?:penny|pennies|coin|coins|dime|nickel|quarter|marble|bead|beads|lego|earring|screw|button|small toy|"
          r"toy piece|piece of (?:a )?toy|bottle cap|cap)\b",
          _PREVENTION, needs=r"\b(?:drool\w*|gag\w*|cant swallow|wont swallow|choking|coughing|retch\w*|"
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
    _sign("poison", True, _PILL_HINTS + " pill gumm " + _CHEMICAL_HINTS,
          rf"\b(?:{_PILLS}|pills?|gummies|{_CHEMICAL})\b.{{0,80}}\b(?:she|he|they|baby|[a-z]+ (?:has|had)|i think)\s+"
          r"(?:\w+\s+)?(?:ate|swallowed|drank|took|chewed|had|got|licked|bit|sucked on)\s+(?:(?:some|one|two|three|a few|\d+|all|half)\b"
          r"(?:\s+of)?\s*(?:them|it|those|the)?|it|them)\b", _PREVENTION + "|" + _GROWN_UP_DOSE),
    # A tongue or lips grown big: "his tongue looks huge".
    _sign("allergic_reaction", True, "tongue lip",
          r"\b(?:tongue|lips?)\s+(?:looks?|is|are|seems?|feels?|got|getting|went)\s+(?:\w+\s+)?"
          r"(?:huge|thick|fat|enormous|big|bigger|double|massive)\b",
          _HISTORY + r"|\b(?:photos?|pictures?|pics?|normal|always|naturally|born)\b"),
    # Mentioned: bare words, suppressed by a prevention / question / history sentence.
    _sign("choking", False, _CHOKE_HINTS, _CHOKE_NOT_BASE, _NOT_THE_CHILD),
    _sign("allergic_reaction", False, "anaph anaf allergic epi",
          rf"\b{_ANAPHYLAXIS}|\ballergic reaction\b|\bepi ?pen\b"),
    _sign("allergic_reaction", False, "swol swel puff blowing",
          rf"\b{_BODY}\s+{_SWELLING}|\b{_SWELLING}\s+(?:\w+\s+)?{_BODY}\b"),
    _sign("breathing", False, "whee whez gasp breat breth",
          rf"\bwhee?z(?:e|es|ed|ing|in|y)\b|\bgasp(?:s|ed)?\b"
          rf"|\b(?:trouble|difficulty|difficult|problems?|struggling|labou?red|hard time)\s+{_BREATHE}\b"
          rf"|\b{_BREATHE}\s+(?:is\s+)?(?:weird|funny|strange|noisy|labou?red|shallow)"),
    _sign("unresponsive", False, "passed faint floppy", r"\bpassed\s+out\b|\bfainted\b|\bfloppy\b"),
    _sign("seizure", False, "seiz siez seez seis convuls", rf"\b{_SEIZURE}\b|\bconvulsions?\b"),
    _sign("battery", False, "batter",
          r"\bbutton\s+batter(?:y|ies)|\bcoin\s+(?:cell|batter(?:y|ies))"
          r"|\bswallow\w*\b.{0,30}\bbatter(?:y|ies)\b"),
    _sign("magnet", False, "magnet", r"\bswallow\w*\b.{0,30}\bmagnet"),
)

# Right before a reported sign: hypothetical ("if she's choking") or negated ("not choking").
_HYPOTHETICAL = re.compile(r"(?:\b(?:if|when|whenever|whether|case|until|unless|prevent\w*|avoid\w*|without)\b"
                           r"(?:\s+\w+){0,3}|\b(?:what|how|why|which))\s*$")
_UNSURE = re.compile(r"(?:\b(?:dont|do not|not|cant|cannot|no)\s+(?:\w+\s+)?(?:know|sure|tell|idea)"
                     r"|\b(?:unsure|wondering|think))\s+(?:if|whether)\b(?:\s+\w+){0,3}\s*$")
_NEGATED_STRICT = re.compile(r"\b(?:not|no|isnt|wasnt|arent|never|without|nor)\s+(?:\w+\s+)?$")
# Long over: a swallowed battery "last year ... after surgery" is history even for the urgent kinds.
_LONG_AGO = re.compile(r"\b(?:last (?:month|year)|(?:months?|years?) ago|as a baby|used to|after (?:the |his |her )?surgery|"
                       r"(?:was|were|got) removed|passed it)\b")
_NEGATED = re.compile(r"\b(?:of|about|from|not|no|isnt|wasnt|arent|never|without|nor)\s+(?:\w+\s+)?$")
# In the same sentence as a mentioned sign: prevention, questions, worry, learning, history, jokes.
_NOT_NOW = re.compile(
    # prevention and preparation
    r"\b(?:hazards?|risks?|risky|prevent\w*|avoid\w*|safe|safely|safety|tips?|advice|cut|cutting|slice|"
    r"quarter\w*|prepare|serve|serving|"
    # questions about what could happen
    r"if|whether|in case|signs?|symptoms?|look like|looks like|watch (?:out )?for|could|would|might|should i|"
    r"how (?:to|do|does|can|should|would|will|much|often|common|likely|long|is)|"
    r"what (?:foods?|are|is|if|does)|which|why|will (?:she|he|they|it|my)|does|cause|causes|normal|common|"
    r"can (?:babies|baby|toddlers|kids|children|infants|a|my|she|he|they|you|it|i)|"
    r"do (?:babies|toddlers|kids|children)|vs|versus|difference|or gag\w*|gag\w* or|"
    # worry and learning
    r"afraid|scared|worried|worry|worries|nervous|fear\w*|anxious|paranoid|concerned|terrified|class|course|"
    r"training|article|book|video|learn\w*|read|reading|"
    # history, habits, jokes, sleep and colds
    r"last (?:night|week|month|year|time)|yesterday|ago|used to|history|diagnosed|allergist|as a baby|"
    r"in the past|disorder|epilep\w*|diet|keto\w*|list|medication|meds|sometimes|always|often|usually|"
    r"every time|when (?:he|she|they|baby) (?:eats|drinks|has|tries)|lol|haha|lmao|jk|asleep|nap|napping|"
    r"tired|sleeps|sleeping|snor\w*|stuffy|congest\w*|sniffles|(?:a|his|her|the) cold)\b")
_ALL_CLEAR = re.compile(r"\b(?:is|s|seems?|looks?|was|shes|hes|theyre|all)\s+"
                        r"(?:totally\s+|completely\s+|now\s+)?(?:fine|ok|okay|alright|better|good)\b")
# Told as over and done: "coughed it out and is totally fine now", "all good now".
_RESOLVED = re.compile(r"\b(?:coughed it (?:out|up)|spit it (?:out|up)|spat it (?:out|up)|got it out|brought it up|"
                       r"(?:fine|ok|okay|alright|good|better|normal) now|back to normal|recovered|"
                       r"(?:is|s|seems?|looks?|shes|hes|theyre)\s+(?:totally\s+|completely\s+|perfectly\s+)?"
                       r"(?:fine|ok|okay|alright)\b)")
_ONGOING = re.compile(r"\b(?:still|right now|now (?:she|he|they)s? (?:cant|not|isnt)|keeps?|wont stop|cant stop|help)\b")
# "What do I do if he's choking right now": asked, but happening.
_HAPPENING_NOW = re.compile(r"\bright now\b|\bhappening now\b|\bas we speak\b|!!")
# Swallowing a battery, a magnet or a poison is urgent even when asked about: "what if he swallowed a magnet?"
ASKING_IS_URGENT = frozenset({"battery", "magnet", "poison"})
_ALLERGY_CONTEXT = re.compile(r"\ballerg\w*|\bafter (?:eating|he ate|she ate|they ate|trying|having|tasting)\b"
                              r"|\bepi ?pen\b|\bhives\b")
_CHOKE_WORD = re.compile(_CHOKE_ANY)
_CLAUSE_END = re.compile(r"[.!?;,:\n]")
_SENTENCE_END = re.compile(r"[.!?\n]")


def _normalize(text: str) -> str:
    """Lowercase, expand "'ll", drop apostrophes and squeeze spaces (punctuation is kept)."""
    text = text.lower().replace("\u2019", "'").replace("\u2018", "'")
    text = re.sub(r"'ll\b", " will", text).replace("'", "")
    return re.sub(r"[ \t]+", " ", text)


def _clause_before(text: str, start: int) -> str:
    """Return the words of the clause before position start."""
    return _CLAUSE_END.split(text[:start])[-1]


def _sentence_at(text: str, start: int, end: int) -> str:
    """Return the sentence around text[start:end]."""
    before = _SENTENCE_END.split(text[:start])[-1]
    after = _SENTENCE_END.split(text[end:])[0]
    return before + text[start:end] + after


def _holds(text: str, match: re.Match[str], sign: _Sign) -> bool:
    """Say whether a matched sign is a report of something happening now."""
    if sign.needs is not None and not sign.needs.search(text):
        return False
    before = _clause_before(text, match.start())
    urgent_kind = sign.reported and sign.kind in ASKING_IS_URGENT
    if (_NEGATED_STRICT if urgent_kind else _NEGATED).search(before):  # "a pack of batteries" is no negation
        return False
    if urgent_kind and _LONG_AGO.search(text):
        return False
    asking = sign.reported and (sign.kind in ASKING_IS_URGENT or bool(_HAPPENING_NOW.search(text)))
    if not asking and _HYPOTHETICAL.search(before) and not _UNSURE.search(before):
        return False
    # A battery, a magnet or a poison is urgent even when the child "seems fine" (the advice says so).
    if _RESOLVED.search(text) and not _ONGOING.search(text) and not (sign.reported and sign.kind in ASKING_IS_URGENT):
        return False
    sentence = _sentence_at(text, match.start(), match.end())
    if sign.unless and sign.unless.search(sentence):
        return False
    if sign.reported:
        return True
    return not _NOT_NOW.search(sentence) and not _ALL_CLEAR.search(text)


def _refine(kind: str, text: str) -> str:
    """Give trouble breathing around choking or a food reaction the more specific advice."""
    if kind == "breathing" and _CHOKE_WORD.search(text):
        return "choking"
    if kind == "breathing" and _ALLERGY_CONTEXT.search(text):
        return "allergic_reaction"
    return kind


def triage(text: str) -> Emergency | None:
    """Return the emergency a message reports, or None for an ordinary message."""
    norm = _normalize(text or "")
    for sign in _SIGNS:
        if not any(map(norm.__contains__, sign.hints)):  # the cheap test first, in C: most messages are ordinary
            continue
        for match in sign.pattern.finditer(norm):
            if _holds(norm, match, sign):
                kind = _refine(sign.kind, norm)
                return Emergency(kind, ADVICE[kind])
    return None


def emergency_reply(e: Emergency, emergency_number: str) -> str:
    """Build the reply to send at once: call now, the first-aid line, and that the bot can't help."""
    number = (emergency_number or "").strip()
    call = f"Call {number} now." if number else "Call your local emergency number now."
    return f"{call}\n{e.advice}\n{NOT_A_DOCTOR}"
