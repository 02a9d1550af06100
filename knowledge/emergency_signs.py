"""The signs table of the emergency triage: each row one way a parent reports an emergency.

Text reaching these patterns is lowercased, apostrophes dropped and common typos mended (see
`knowledge.emergency._normalize`). A row is a *report* ("she's choking", "2 magnet balls swallowed")
or a *mention* (a bare word such as "wheezing"); `knowledge.emergency` decides whether a match holds
(negation, a hypothetical, history, a resolved story) and what to answer.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from knowledge.emergency_products import CHEMICAL, CHEMICAL_HINTS, EATING_VERBS, PILL_HINTS, PILLS

# Shared pieces of the patterns (text is lowercased, apostrophes dropped: "she's" -> "shes").
_WHO = (r"(?:she|he|they|shes|hes|theyre|baby|babe|bub|son|daughter|kid|kiddo|child|toddler|infant|boy|girl|"
        r"lo|ds|dd|twin|newborn|\d+ ?(?:yo|y/o|yr old|year old|month old|mo old))")
_IS = r"(?:is|are|keeps|kept|started|starts|starting|been|now|still)"
_ADV = r"(?:still|now|really|badly|just|definitely|actually|literally|totally|so|very)"
_CHOKING = r"cho(?:a|o)?c?k(?:ing|in|eing)"
CHOKE_ANY = r"\bcho(?:a|o)?c?k(?:e|es|ed|ing|in|eing)\b"
_CHOKE_NOT_BASE = r"\bcho(?:a|o)?c?k(?:es|ed|ing|in|eing)\b"  # "so she won't choke" is never a report
_BREATHE = r"br(?:e|ea)th(?:e|ing|in)?"
_SEIZURE = r"s(?:ei|ie|ee)(?:z|s)(?:ure|uer|ur)s?"
_ANAPHYLAXIS = r"ana(?:ph|f)(?:y|i|a)la(?:x|ct)\w*"
_SWALLOWED = f"(?:{EATING_VERBS})"
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
_HOW_MANY = (r"(?:some of|a bunch of|a handful of|a few|several|all|all of|all the|a bottle of|loads of|lots of|"
             r"(?:half|most|the rest) of|(?:half|most|the rest) of (?:the|a|my|her|his)\s+(?:\w+\s+)?(?:bottle|jar|pack\w*|box|tub|tin)"
             r"\s+of|half (?:the|a) (?:bottle|jar|pack\w*|box|tub|tin) of|(?:the|a) whole (?:bottle|jar|pack\w*|box|tub|tin) of|"
             r"my|mommys|moms|daddys|dads|grandmas|grandpas|nanas|someone elses)")


def _named_then_swallowed(thing: str) -> str:
    """Build the regex for a counted thing told before its verb: "2 magnet balls swallowed"."""
    return (rf"\b(?:\d+|a|an|one|two|three|four|five|some|several|a few|a couple(?: of)?|half (?:a|the))\s+(?:\w+\s+){{0,2}}"
            rf"{thing}\s+(?:\w+\s+){{0,2}}(?:was\s+|were\s+|got\s+|been\s+|just\s+)?(?:swallowed|eaten|ingested)\b"
            r"(?!\s+(?:up|with|by (?:me|us|the dog|adults|grown|my (?:husband|wife|partner|mom|dad|mum))))")


def _reported(symptom: str) -> str:
    """Build the regex for a present-tense report: "she's choking", "baby is wheezing", "is seizing"."""
    return rf"\b(?:{_WHO}\s+(?:{_IS}\s+)?|{_IS}\s+)(?:{_ADV}\s+)?{symptom}\b"


_NOT_A_RISK = (r"(?!\s+(?:(?:a\s+|an\s+)?(?:hazard|risk|concern|danger|common|normal|likely|possible)s?\b"
               r"|vs\b|versus\b|in\s+(?:babies|toddlers|kids|children|infants)\b))")

# Blue or purple lips from food or colouring, said in the same sentence, are not a breathing sign.
# Nor is a red-purple face from crying or pushing out a poo ("not crying" is silence, no reason).
_STAINED = (r"\b(?:blueberr\w*|berries|beets?|popsicle|ice pop|dye|food colou?ring|icing|frosting|candy|marker|"
            r"crayon|poo\w*|push\w*|strain\w*|(?<!not )(?<!no )(?<!isnt )(?<!n't )(?<!stopped )crying|cried|tantrum|scream\w*|yell\w*|shout\w*|"
            r"blue in the face|(?:holding|holds|held) (?:her|his|their) breath|breath[- ]holding)")
# A reaction told as history ("hives and vomiting last time she had egg") is a question, not a 911.
_HISTORY = (r"\b(?:last (?:night|week|month|year|time)|yesterday|(?:days?|weeks?|months?|years?|a while) ago|"
            r"in the past|as a baby|used to|history|"
            r"allergist|when (?:she|he|they) was)\b")
_CHOKE_HINTS = "chok choc choa choo"


# A grown-up's own cough or a figure of speech: "I almost choked on my coffee", "a fit of laughter".
_NOT_THE_CHILD = (r"\b(?:i|im|i am|ive|we|were|my (?:wife|husband|partner|mom|dad|mum))\s+(?:almost\s+|nearly\s+|just\s+|literally\s+)?"
                  r"(?:cho\w*|had a (?:fit|seizure)|have a (?:fit|seizure))|\b(?:of|with|on)\s+laughter\b|\blaugh\w*\s+fit\b"
                  r"|\bchok(?:ed|ing) (?:up|back)\b(?!\s+(?:on|some|blood|food|milk|a piece|vomit|sick))"
                  # a pet's fit or choking is the vet's: "my dog had a seizure after eating grapes"
                  r"|\b(?:my|our|the)\s+(?:dog|puppy|pup|cat|kitten|pet|hamster|rabbit)s?\s+(?:\w+\s+)?(?:had|has|is having|was having|"
                  r"cho\w*|seiz\w*|fitting)\b")
# Limp or floppy with sleep, said as such: "floppy when he naps", "limp from being so sleepy".
_SLEEPY_LIMP = (r"\b(?:limp|floppy)\s+(?:from|with)\s+(?:being\s+)?(?:so\s+)?(?:sleepy|tired|relaxed)"
                r"|\bwhen (?:she|he|they|baby) (?:naps|sleeps|is asleep|falls asleep)\b|\b(?:noodle|ragdoll) lol\b")
# A grown-up's own face or lips: "my wife's face went puffy after prawns".
_GROWN_UPS_FACE = (r"\b(?:my|our|his|her)\s+(?:husband|wife|partner|hubby|mom|mum|dad|grandma|grandpa|nana|nan|granny|"
                   r"sister|brother|friend)s\s+(?:\w+\s+)?(?:lips?|face|tongue|throat|eyes?|mouth)\b")
# A Spanish question about what could happen, or history: "qué hago si se atraganta", "ayer".
_SPANISH_NOT_NOW = (r"\b(?:si|cuando|prevenir|evitar|riesgo|peligro|ayer|la semana pasada|"
                    r"hace (?:un|una|unos|unas|dos|tres|\d+) (?:rato|momento|d[ií]as?|semanas?|mes|meses|a[nñ]os?|horas?))\b")
# A parent's own medicine: "took my last ibuprofen for this headache".
_GROWN_UP_DOSE = (r"(?:^|[.!?]\s*)(?:i\s+|ive\s+)?took\s+my\b|\bi (?:just |already )?(?:took|swallowed|had)\b"
                  r"|\bfor (?:my|this|the) (?:headache|migraine|back|cramps|cold|pain)\b")
# A medicine finished by its doses, not by the child: "ran out of tylenol, the bottle is empty".
_USED_UP = r"\b(?:ran out|run out|running out|buy more|refill\w*|restock\w*|need more|used (?:them|it) up)\b"
_PREVENTION = (r"\b(?:childproof\w*|child proof\w*|prevent\w*|avoid\w*|lock\w*|store|storing|keep (?:them|it)|"
               r"out of reach|scare[sd]?|scary|worried|worry|nervous|afraid|fear\w*|paranoid|safe from|safety|"
               r"top shelf|recall\w*|(?:will|might|could|gonna|going to) (?:swallow|eat|get|put|chew))\b")


@dataclass(frozen=True)
class Sign:
    """One way a message can report an emergency."""

    kind: str
    reported: bool  # a present-tense report (True) or a bare mention (False)
    hints: tuple[str, ...]  # at least one must be in the text before the regex runs (keeps triage fast; "_" is a space)
    pattern: re.Pattern[str]
    unless: re.Pattern[str] | None  # not this sign if the sentence says this
    needs: re.Pattern[str] | None = None  # only this sign if the message says this too


def _sign(kind: str, reported: bool, hints: str, pattern: str, unless: str | None = None,
          needs: str | None = None) -> Sign:
    """Compile one row of the signs table."""
    compiled_unless = re.compile(unless) if unless else None
    return Sign(kind, reported, tuple(h.replace("_", " ") for h in hints.split()), re.compile(pattern), compiled_unless,
                 re.compile(needs) if needs else None)


# In priority order: the first sign that holds decides the kind.
SIGNS = (
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
          rf"keeps)\s+(?:\w+\s+){{0,3}}{_SWELLING}", _GROWN_UPS_FACE),
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
    _sign("breathing", True, "breat breth air",
          r"\b(?:cant|cannot|can not|couldnt|unable to|struggling to|struggles to|fighting to|hard to|"
          rf"not able to)\s+(?:even\s+|really\s+)?{_BREATHE}\b"
          r"|\b(?:struggling|fighting|gasping|gulping|straining|heaving)\s+for\s+(?:air|breath)\b"
          r"|\b(?:cant|cannot|can not|couldnt)\s+get\s+(?:any\s+|enough\s+)?air\b"
          r"|\btrying to (?:get|suck in|pull in|gulp) (?:some\s+|any\s+)?air\b"
          rf"|\b(?:not|isnt|stopped|wasnt|no longer|quit)\s+{_BREATHE}\b"
          r"(?!\s+(?:well\s+)?(?:through|out of|from|with)\s+(?:his|her|their|the|a)\s+(?:nose|stuffy))"),
    _sign("breathing", True, "gasp whee whez", r"\bgasping\b|" + _reported(r"(?:whee?zing|wheezin)")),
    _sign("breathing", True, "blue purple grey gray",
          r"\b(?:turning|turned|going|gone|went|getting)\s+(?:(?:red|pink|pale|white)\s+(?:then|and then|and)\s+)?"
          r"(?:a\s+(?:bit|little)\s+|kind\s+of\s+|sort\s+of\s+|kinda\s+|slightly\s+|almost\s+)?"
          r"(?:blue|purple|gr[ae]y)\b", _STAINED + "|" + _HISTORY),
    _sign("breathing", True, "blue purple grey gray",
          rf"\b{_WHO}\s+(?:is\s+|looks\s+|is looking\s+|looking\s+)?"
          r"(?:so\s+|very\s+|really\s+|all\s+|kinda\s+)?(?:blue|purple|gr[ae]y)\b", _STAINED),
    _sign("breathing", True, "blu purpl",
          r"\b(?:blue|bluish|purple)\s+(?:lips?|face|tongue|fingertips|fingers|nails)\b"
          r"|\b(?:lips?|face|skin|fingertips|fingers|nails)\s+(?:(?:and|&)\s+(?:lips?|face|fingertips|fingers|nails)\s+)?"
          r"(?:is\s+|are\s+|look\s+|looks\s+|going\s+|turning\s+)?(?:\w+\s+)?(?:blue|bluish|purple|purplish)\b",
          _STAINED),
    _sign("unresponsive", True, "respon conscious lifeless limp collapsed",
          r"\bunrespons\w*|\bnot\s+(?:responding|responsive)\b|\bunconscious\b|\blifeless\b"
          r"|\b(?:lost|losing)\s+consciousness\b|\b(?:went|gone|going|is|s)\s+limp\b|\bcollapsed\b",
          _SLEEPY_LIMP),
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
          r"|\bbatter(?:y|ies)\s+(?:stuck\s+)?(?:in|into|up)\s+(?:his|her|their|the)\s+(?:mouth|nose|ear)", _PREVENTION),
    _sign("magnet", True, "magnet",
          rf"\b{_SWALLOWED}\b.{{0,25}}\bmagnet(?:s|ic)?\b"
          r"|\bmagnets?\s+(?:stuck\s+)?(?:in|into|up)\s+(?:his|her|their|the)\s+(?:mouth|nose|ear)", _PREVENTION),
    _sign("poison", True, CHEMICAL_HINTS, rf"\b(?:{_SWALLOWED}|got into)\b.{{0,25}}\b{CHEMICAL}\b", _PREVENTION),
    _sign("poison", True, PILL_HINTS,
          rf"\b(?:{_SWALLOWED}|took)\s+{_HOW_MANY}\s+(?:\w+\s+){{0,2}}{PILLS}\b"
          rf"|\bgot into\s+(?:\w+\s+){{0,2}}(?:{PILLS}|medicine cabinet)\b"
          rf"|\b(?:had|ate|took|swallowed|chewed)\s+(?:some|a few|a couple|\d+|all|half|a handful)\s+of\s+"
          rf"(?:my|her|his|the|their|\w+s)\s+(?:\w+\s+)?(?:{PILLS}|pills|gummies)\b", _GROWN_UP_DOSE),
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
          r"|\b(?:ate|swallowed|swallows?|swallowing)\b.{0,40}\b(?:batter(?:y|ies)|(?:coin|button) cells?)\b",
          _PREVENTION),
    _sign("magnet", True, "magnet",
          r"\b(?:ate|swallowed|swallows?|swallowing)\b.{0,40}\bmagnet(?:s|ic)?\b", _PREVENTION),
    _sign("poison", True, CHEMICAL_HINTS + " pod",
          rf"\b(?:ate|swallowed|swallows?|swallowing|bit into|bit|chewed|drank|licked|got into|got hold of)\b.{{0,40}}"
          rf"\b(?:{CHEMICAL}|pods?)\b", _PREVENTION),
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
    # Berries or leaves off a plant, then signs: "ate a berry off the bush and his mouth is burning".
    _sign("poison", True, "berr leaf leaves plant mushroom",
          r"\b(?:ate|eaten|swallowed|chewed|bit|picked|licked)\b.{0,40}\b(?:berr(?:y|ies)|leaf|leaves|plant|flower|mushrooms?)\b"
          r".{0,40}\b(?:from|off|of|in|on)\s+(?:the|a|our|my)\s+(?:bush|hedge|plant|tree|yard|garden|lawn|park|woods|houseplant)",
          _PREVENTION, needs=r"\b(?:burn\w*|vomit\w*|throw\w* up|threw up|drool\w*|swell\w*|swollen|sleepy|drowsy|"
                             r"dizzy|wobbly|rash|numb|tingl\w*|cramp\w*|diarr\w*|seems? off|not (?:herself|himself)|acting weird)"),
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
    # Told in Spanish: "se está ahogando", "no puede respirar", "se tragó una pila".
    *(_sign(kind, True, hints, pattern, _SPANISH_NOT_NOW) for kind, hints, pattern in (
        ("choking", "ahog atragant asfixi moneda canica pieza piedra tapa juguete",
         r"\bse (?:esta |está )?(?:ahogando|atragantando|asfixiando|ahoga|atraganta|asfixia|atragant[oó])\b"
         r"|\bse trag[oó] (?:una |un )?(?:moneda|canica|pieza|piedra|tapa|juguete)\b.{0,60}\b(?:babea|no (?:puede )?traga|tose|arcadas)"),
        ("breathing", "respir morad azul",
         r"\bno (?:puede )?respira(?:r)?\b|\blabios (?:morados|azules)\b|\bse (?:esta |está )?poniendo (?:morad[oa]|azul)"
         r"|\ble cuesta (?:mucho )?respirar|\bdificultad (?:para|al) respirar|\brespira con dificultad"
         r"|\bse le hunden? (?:las costillas|el pecho)|\bsilb\w* al respirar"),
        ("unresponsive", "respond reacciona despierta inconsciente desmay",
         r"\bno (?:me |le |nos )?(?:responde|reacciona|despierta)\b|\binconsciente\b|\bdesmayad[oa]\b"),
        ("seizure", "convuls", r"\bconvulsi(?:o|ó)n(?:es)?\b|\bconvulsionando\b"),
        ("battery", "pila bater", r"\bse (?:trag[oó]|comi[oó]|meti[oó])\b.{0,30}\b(?:pila|bater[ií]a)"),
        ("magnet", "im", r"\bse (?:trag[oó]|comi[oó])\b.{0,30}\bim[aá]n(?:es)?\b"),
        ("poison", "pastill medic cloro lej deterg veneno jarabe gota gomita vitamina aceite alcohol nicotina marihuana "
                   "suavizante desinfect raticida insecticida gasolina queroseno tylenol motrin ibuprofeno paracetamol "
                   "acetaminof melatonina",
         r"\bse (?:trag[oó]|comi[oó]|tom[oó]|bebi[oó])\b.{0,30}\b(?:pastillas?|medicinas?|medicamentos?|jarabes?|gotas|gomitas?|"
         r"vitaminas?|cloro|lej[ií]a|detergente|veneno|aceite (?:esencial|de eucalipto|de lavanda|de (?:[aá]rbol de )?t[eé]|"
         r"de l[aá]mpara)|alcohol|nicotina|marihuana|suavizante|desinfectante|raticida|insecticida|gasolina|queroseno|"
         r"tylenol|motrin|ibuprofeno|paracetamol|acetaminof[eé]n|melatonina)"),
        ("allergic_reaction", "hinch roncha urticaria habon",
         r"\bse le (?:esta |está |están |estan )?(?:hinchando|hinch[oó]|hincharon|ha hinchado|han hinchado) "
         r"(?:la |los |el |las )?(?:cara|boca|labios?|lengua|garganta|ojos|p[aá]rpados)"
         r"|\b(?:cara|boca|labios|lengua|garganta|ojos) hinchad[oa]s?\b"
         r"|\b(?:ronchas|urticaria|habones)\b.{0,80}\b(?:v[oó]mit\w*|hinch\w*|tos\b|tose|respir\w*)"),
    )),
    # Mentioned: bare words, suppressed by a prevention / question / history sentence.
    _sign("choking", False, _CHOKE_HINTS, _CHOKE_NOT_BASE, _NOT_THE_CHILD),
    _sign("allergic_reaction", False, "anaph anaf allergic epi",
          rf"\b{_ANAPHYLAXIS}|\ballergic reaction\b|\bepi ?pen\b",
          r"\b(?:bring\w*|brought|carr(?:y|ies|ied)|pack\w*|first aid|just in case|in case|expir\w*|prescri\w*|"
          r"next (?:week|weekend|time)|how to use|training)\b"),
    _sign("allergic_reaction", False, "swol swel puff blowing",
          rf"\b{_BODY}\s+{_SWELLING}|\b{_SWELLING}\s+(?:\w+\s+)?{_BODY}\b"),
    _sign("breathing", False, "whee whez gasp breat breth",
          rf"\bwhee?z(?:e|es|ed|ing|in|y)\b|\bgasp(?:s|ed)?\b"
          rf"|\b(?:trouble|difficulty|difficult|problems?|struggling|labou?red|hard time)\s+{_BREATHE}\b"
          rf"|\b{_BREATHE}\s+(?:is\s+)?(?:weird|funny|strange|noisy|labou?red|shallow)"),
    # "passed out in the car seat" after a party is a nap; not waking is caught by its own sign.
    _sign("unresponsive", False, "passed faint floppy", r"\bpassed\s+out\b|\bfainted\b|\bfloppy\b",
          r"\bpassed\s+out\s+(?:(?:in|on)\s+(?:the\s+|her\s+|his\s+|my\s+)?(?:car ?seat|car|couch|sofa|stroller|pram|"
          r"buggy|crib|cot|bed|lap|floor|high ?chair)|asleep|cold|for (?:a|her|his|the) nap|after (?:the|her|his) (?:party|bath)|"
          r"early|by \d)"),
    _sign("seizure", False, "seiz siez seez seis convuls", rf"\b{_SEIZURE}\b|\bconvulsions?\b", _NOT_THE_CHILD),
    _sign("battery", False, "batter",
          r"\bbutton\s+batter(?:y|ies)|\bcoin\s+(?:cell|batter(?:y|ies))"
          r"|\bswallow\w*\b.{0,30}\bbatter(?:y|ies)\b"),
    _sign("magnet", False, "magnet", r"\bswallow\w*\b.{0,30}\bmagnet"),
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
          rf"\b{CHEMICAL}\b.{{0,60}}\b(?:{_SWALLOWED}|in (?:his|her|their) mouth)\b", _PREVENTION),
    _sign("poison", True, "mouth", rf"\b(?:{PILLS}|pills?)\b.{{0,60}}\bin (?:his|her|their) mouth\b",
          _PREVENTION + "|" + _GROWN_UP_DOSE),
    _sign("poison", True, "gone missing drank empty",
          rf"\b(?:{PILLS}|vitamin|gumm(?:y|ies))\b.{{0,150}}\b(?:half gone|(?:\d+|most|a lot|a bunch|several|a few)"
          r"\s+(?:\w+\s+)?(?:are|were|is)?\s*(?:gone|missing)|drank (?:it|some|the)|is empty|bottle empty)\b",
          _GROWN_UP_DOSE + "|" + _PREVENTION + "|" + _USED_UP),
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
)
