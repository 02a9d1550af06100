"""The words the emergency signs are built from: who, tense, body parts, swellings, and the exclusions
(stained lips, history, prevention, a grown-up's own dose) shared by the signs tables.

Text reaching these patterns is lowercased, apostrophes dropped and common typos mended (see
`knowledge.emergency._normalize`). The tables are `knowledge.emergency_signs` (signs named),
`knowledge.emergency_signs_seen` (signs told by what the parent sees) and `knowledge.emergency_signs_told`.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from knowledge.emergency_products import EATING_VERBS

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


def _then(first: str, then: str, within: int = 40) -> str:
    """Build the regex for one thing told and another soon after it: "ate ... a battery", "berries ... off the bush"."""
    return rf"\b(?:{first})\b.{{0,{within}}}\b(?:{then})\b"


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
# Nor is a red-purple face from crying or pushing out a poo ("not crying" is silence, no reason: a
# negated exclusion excludes nothing, see `knowledge.emergency._says`).
_STAINED = (r"\b(?:blueberr\w*|berries|beets?|popsicle|ice pop|dye|food colou?ring|icing|frosting|candy|marker|"
            r"crayon|poo\w*|push\w*|strain\w*|crying|cried|tantrum|scream\w*|yell\w*|shout\w*|"
            r"blue in the face|(?:holding|holds|held) (?:her|his|their) breath|breath[- ]holding)")
# A reaction told as history ("hives and vomiting last time she had egg") is a question, not a 911.
_HISTORY = (r"\b(?:last (?:night|week|month|year|time)|yesterday|(?:days?|weeks?|months?|years?|a while) ago|"
            r"in the past|as a baby|used to|history|"
            r"allergist|when (?:she|he|they) was)\b")
_CHOKE_HINTS = "chok choc choa choo"


# A grown-up's own cough or a fit of laughter: "I almost choked on my coffee" (figures of speech that
# borrow the word, "choked up", "choking down his peas", are blanked first: `knowledge.emergency_idioms`).
_NOT_THE_CHILD = (r"\b(?:i|im|i am|ive|we|were|my (?:wife|husband|partner|mom|dad|mum))\s+(?:almost\s+|nearly\s+|just\s+|literally\s+)?"
                  r"(?:cho\w*|had a (?:fit|seizure)|have a (?:fit|seizure))|\b(?:of|with|on)\s+laughter\b|\blaugh\w*\s+fit\b"
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
# "the lock was off" tells how it happened, not how to stop it.
_PREVENTION = (r"\b(?:childproof\w*|child proof\w*|prevent\w*|avoid\w*|lock\w*(?! (?:was|is|had been) (?:off|open|broken|undone))|store|storing|keep (?:them|it)|"
               r"out of reach|safe from|safety|"
               # worry about what could happen, not a parent frightened by what just did: "im so scared, she ate..."
               r"(?:scare[sd]?|scary|worried|worry|nervous|afraid|fear\w*|paranoid)(?=\s*$|\s*[?.!]|\s+(?:of|about|for|to|if|when)\b"
               r"|\s+(?:that\s+)?(?:\w+\s+){0,2}(?:will|might|could|would|may|gets?|eats?|drinks?|swallows?|puts?|chews?|finds?)\b)|"
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


