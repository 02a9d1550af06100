"""Emergency triage: spot a parent reporting an emergency, before anything else reads the message.

Rules only (regex tables), never an LLM, and fast enough to run on every inbound message. Each
sign is either *reported* (a present-tense report such as "she's choking", "can't breathe": fires
unless it sits right after "if"/"when" or a negation) or *mentioned* (a bare word such as
"choking", "wheezing": fires unless its sentence reads as prevention, a question about what could
happen, history, or a joke). When in doubt on a report, fire: a false alarm costs less than a miss.
The signs tables live in `knowledge.emergency_signs` (and `_seen`, `_told`); figures of speech that
borrow a sign's word are blanked first (`knowledge.emergency_idioms`); this module reads a match in
its sentence, where a negated exclusion ("not crying") excludes nothing.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from knowledge.emergency_idioms import defuse
from knowledge.emergency_products import usual_dose
from knowledge.emergency_signs import SIGNS
from knowledge.emergency_signs_plain import PLAIN_SIGNS
from knowledge.emergency_signs_told import TOLD_SIGNS
from knowledge.emergency_signs_unknown import UNKNOWN_SIGNS
from knowledge.emergency_words import CHOKE_ANY, Sign


@dataclass(frozen=True)
class Emergency:
    """What kind of emergency a message reports, and the first-aid line to send with "call now"."""

    kind: str
    advice: str


ADVICE = {
    "choking": "If your child can't cough, cry or breathe, start choking first aid: back blows and chest "
               "thrusts under 1 year, abdominal thrusts over 1.",
    "after_food": "If they can't cough, cry or breathe, start choking first aid: back blows and chest thrusts "
                  "under 1, abdominal thrusts over 1. If lips or face swell or hives spread, use their EpiPen.",
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
    "swallowed_unknown": "Don't make them vomit. Keep a piece of what they had (a berry, leaf, pill or wrapper) or "
                         "a photo of it to show the medics or poison control.",
    "bleeding": "Press hard on the wound with a clean cloth or your hand and keep pressing - don't lift it "
                "to look.",
    "burn": "Cool the burn under cool running water for 20 minutes. Take off clothes near it unless stuck; "
            "no ice, butter or creams.",
    "dehydration": "Keep offering small sips of breast milk, formula or an oral rehydration drink while you "
                   "wait.",
    "head_injury": "Keep your child still and stay with them; don't give food or drink until they're seen.",
    "serious_illness": "Stay with your child and tell the call handler every sign you see (rash, temperature, "
                       "how hard they are to wake). Don't wait for more signs.",
}
NOT_A_DOCTOR = "I'm a feeding bot and can't help in an emergency."


# The parent speaking of themself right before the sign: "this curry is so hot I can't breathe".
_SELF = re.compile(r"\b(?:i|im|i am|we|were)\s+(?:literally\s+|almost\s+|just\s+|actually\s+|seriously\s+|honestly\s+|"
                   r"still\s+|really\s+)?$")
# Right before a reported sign: hypothetical ("if she's choking") or negated ("not choking").
_HYPOTHETICAL = re.compile(r"(?:\b(?:if|when|whenever|whether|case|until|unless|prevent\w*|avoid\w*|without)\b"
                           r"(?:\s+\w+){0,3}|\b(?:what|how|why|which)"
                           # how-to: "how do I stop my toddler choking", "best way to keep a baby from choking"
                           r"|\b(?:how|ways?|tips?|advice)\b(?:\s+\w+){0,4}\s+(?:stop|keep|help)(?:\s+\w+){0,2})\s*$")
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
    r"tired|sleeps|sleeping|naps|snor\w*|stuffy|congest\w*|sniffles|(?:a|his|her|the) cold)\b")
_ALL_CLEAR = re.compile(r"\b(?:is|s|seems?|looks?|was|shes|hes|theyre|all)\s+"
                        r"(?:totally\s+|completely\s+|now\s+)?(?:fine|ok|okay|alright|better|good)\b")
# Told as over and done: "coughed it out and is totally fine now", "all good now".
_RESOLVED = re.compile(r"\b(?:coughed it (?:out|up)|spit it (?:out|up)|spat it (?:out|up)|got it out|brought it up|"
                       r"(?:fine|ok|okay|alright|good|better|normal) now|back to normal|recovered|"
                       r"(?:is|s|seems?|looks?|shes|hes|theyre)\s+(?:totally\s+|completely\s+|perfectly\s+)?"
                       r"(?:fine|ok|okay|alright)\b)")
_FINE_NOW = re.compile(r"(?:fine|ok|okay|alright|good|better|normal) now|back to normal|recovered")
# An animal did it: "the dog ate a battery" (a vet's emergency, not this child's).
_ANIMAL = re.compile(r"\b(?:dog|dogs|puppy|pup|cat|cats|kitten|pet|hamster|rabbit|bird|parrot)\s+(?:\w+\s+)?$")
# Checked and cleared by someone who knows: "poison control said it's harmless", "the ER said it was croup".
# The one who cleared it may come a clause before "said": "called poison control last night ... they said".
_PROFESSIONAL = r"(?:poison control|doctor|dr|nurse|gp|pediatrician|paediatrician|the er|er|a&e|vet|pharmacist|111)"
_SAID_HARMLESS = (r"(?:said|says|told (?:us|me)|confirmed)\b.{0,60}\b(?:harmless|non ?toxic|not (?:dangerous|toxic|poisonous|serious)|"
                  r"nothing (?:to worry|serious)|breath ?holding|reflex anoxic|(?:is|s|was|its|it is) (?:fine|ok|okay|safe))\b")
_CLEARED = re.compile(rf"\b{_PROFESSIONAL}\b(?:\s+\w+)?\s+{_SAID_HARMLESS}"
                      rf"|\b(?:called|rang|phoned|spoke to|saw|seen by|took (?:her|him|them) to)\s+(?:the\s+)?{_PROFESSIONAL}\b"
                      rf".{{0,80}}\b(?:they|she|he)\s+{_SAID_HARMLESS}")
# A word that would clear a sign clears nothing when negated: "purple and not crying", "not normal for
# her", "isn't fine now". The sign itself may hold a negation ("not breathing", "won't wake"): that is
# the sign's own pattern, read before this.
_NEGATION_BEFORE = re.compile(r"\b(?:not|no|isnt|arent|wasnt|werent|never|nor|without|stopped|hasnt|havent|didnt|"
                              r"doesnt|dont|wont|cant|no longer)\s+"
                              r"(?:(?:even|really|actually|just|yet|from|because of|due to|caused by|the|any|a|an)\s+){0,2}$")
_ONGOING = re.compile(r"\b(?:still|right now|now (?:she|he|they)s? (?:cant|not|isnt)|keeps?|wont stop|cant stop|help)\b")
# Something new since the all-clear: "poison control said the crayon was fine, but now she swallowed a battery".
_SINCE_CLEARED = re.compile(r"\bbut (?:now|today|this time|tonight)\b")
# "What do I do if he's choking right now": asked, but happening.
_HAPPENING_NOW = re.compile(r"\bright now\b|\bhappening now\b|\bas we speak\b|!!")
# Swallowing a battery, a magnet or a poison is urgent even when asked about: "what if he swallowed a magnet?"
ASKING_IS_URGENT = frozenset({"battery", "magnet", "poison"})
# Nor does "she seems fine" clear a plant or pill nobody can name: poisons often show hours later.
FINE_IS_NOT_SAFE = ASKING_IS_URGENT | {"swallowed_unknown"}
# Right after a food: "after eating", "after she ate".
_AFTER_EATING = r"\bafter (?:eating|having|trying|tasting|he ate|she ate|they ate)\b"
_REACTION_SIGNS = re.compile(r"\ballerg\w*|\bepi ?pen\b|\bhives\b|\bwelts?\b|\bswell\w*|\bswollen\b|\bpuff(?:y|ing|ed)\b"
                             r"|\brash\b|\bblotch\w*|\bitch\w*|\bscratch\w*|\bvomit\w*|\bthrow\w* up\b|\bthrew up\b"
                             r"|\bcroaky\b|\bhoarse\b|\bthroat\b|\btongue\b")
# Breathing trouble right after a food with no sign of a reaction may be a piece stuck as much as an allergy.
_AFTER_FOOD = re.compile(_AFTER_EATING)


# Allergens whose foods are rarely a child's everyday staple: trouble breathing right after them reads as a
# reaction. After bread, pasta, milk or cheese with no reaction sign, a piece stuck is as likely, so the advice gives
# choking first aid first and the EpiPen after ("after_food").
_REACTION_FIRST = frozenset({"peanut", "tree_nut", "egg", "soy", "fish", "shellfish", "sesame"})


@lru_cache(maxsize=1)
def _after_an_allergen() -> re.Pattern[str]:
    """After a food that is one of the major allergens ("after eating cashew", "after she ate egg"), by the
    food-safety scan's own allergen words (built on first use: most messages never need it)."""
    from knowledge.food_safety import allergen_terms, normalize_text

    words = {normalize_text(w) for w in allergen_terms(_REACTION_FIRST)} - {""}
    foods = "|".join(sorted((re.escape(w) + r"(?:s|es)?" for w in words), key=len, reverse=True))
    return re.compile(rf"{_AFTER_EATING}(?:\s+\w+){{0,4}}?\s+(?:{foods})\b")


def _allergy_context(text: str) -> bool:
    """Say whether a food reaction is in the air: its signs named, or a major allergen just eaten."""
    return bool(_REACTION_SIGNS.search(text) or _after_an_allergen().search(text))


_CHOKE_WORD = re.compile(CHOKE_ANY)
# "and now", "but then": what follows is a new clause ("without thinking and now hives are spreading").
_CLAUSE_END = re.compile(r"[.!?;,:\n]|\b(?:and|but|so)\s+(?:now|then)\b|\bnow\s+(?=(?:she|he|they|shes|hes|theyre|his|her)\b)")
_SENTENCE_END = re.compile(r"[.!?\n]")


# Misspellings frightened thumbs make of the words the signs are built on.
_TYPOS = tuple((re.compile(wrong), right) for wrong, right in (
    (r"\bsw[ao]ll?ow?e?d\b", "swallowed"), (r"\bsw[ao]ll?ow?ing\b", "swallowing"),
    (r"\bbat+[ae]r(?:y|ey|ie)\b", "battery"), (r"\bbat+[ae]r(?:ies|ys|eys)\b", "batteries"),
    (r"\bmag(?:ent|nit|net)(s?)\b", r"magnet\1"), (r"\bbreat(?:h|he)ing\b", "breathing"),
    (r"\bunrespon\w*", "unresponsive"), (r"\br\b(?= (?:blue|turning|going|swollen|swelling))", "are"),
))


def _normalize(text: str) -> str:
    """Lowercase, expand "'ll", drop apostrophes, mend common typos and squeeze spaces (punctuation is kept)."""
    text = text.lower().replace("\u2019", "'").replace("\u2018", "'")
    text = re.sub(r"'ll\b", " will", text).replace("'", "")
    for wrong, right in _TYPOS:
        text = wrong.sub(right, text)
    return re.sub(r"[ \t]+", " ", text)


def _clause_before(text: str, start: int) -> str:
    """Return the words of the clause before position start."""
    return _CLAUSE_END.split(text[:start])[-1]


def _sentence_at(text: str, start: int, end: int) -> str:
    """Return the sentence around text[start:end]."""
    before = _SENTENCE_END.split(text[:start])[-1]
    after = _SENTENCE_END.split(text[end:])[0]
    return before + text[start:end] + after


def _says(pattern: re.Pattern[str], text: str) -> bool:
    """Say whether text says what pattern matches, somewhere not negated ("crying", not "not crying")."""
    return any(not _NEGATION_BEFORE.search(text[:found.start()]) for found in pattern.finditer(text))


def _holds(text: str, match: re.Match[str], sign: Sign) -> bool:
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
    if _resolved_after(text, match) and not (sign.reported and sign.kind in FINE_IS_NOT_SAFE):
        return False
    if _CLEARED.search(text) and not _ONGOING.search(text) and not _SINCE_CLEARED.search(text):
        return False
    if _ANIMAL.search(before):  # "the dog ate a battery"
        return False
    if sign.kind in ("breathing", "choking") and _SELF.search(before):
        return False
    sentence = _sentence_at(text, match.start(), match.end())
    if sign.unless and _says(sign.unless, sentence):
        return False
    if sign.kind == "poison" and usual_dose(match.group(), sentence, text):
        return False
    if sign.reported:
        return True
    return not _says(_NOT_NOW, sentence) and not _says(_ALL_CLEAR, text)


def _resolved_after(text: str, match: re.Match[str]) -> bool:
    """Told as over: a resolution after the sign ("choked, coughed it out, fine now"), not one the
    sign came after ("she spat it out and now her eyes are puffing shut")."""
    if _ONGOING.search(text):
        return False
    return any((found.start() >= match.start() or _FINE_NOW.match(found.group()))
               and not _NEGATION_BEFORE.search(text[:found.start()]) for found in _RESOLVED.finditer(text))


def _refine(kind: str, text: str) -> str:
    """Give trouble breathing around choking or a food reaction the more specific advice."""
    if kind == "breathing" and _CHOKE_WORD.search(text):
        return "choking"
    if kind == "breathing" and _allergy_context(text):
        return "allergic_reaction"
    if kind == "breathing" and _AFTER_FOOD.search(text):  # wheezing after a food is read as a reaction
        return "allergic_reaction" if "wheez" in text else "after_food"
    return kind


_ALL_SIGNS = SIGNS + TOLD_SIGNS + PLAIN_SIGNS + UNKNOWN_SIGNS


def triage(text: str) -> Emergency | None:
    """Return the emergency a message reports, or None for an ordinary message."""
    norm = defuse(_normalize(text or ""))
    for sign in _ALL_SIGNS:
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
