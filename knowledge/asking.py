"""Read a parent's message as a question: which sentences ask, and what kind of answer they want.

Parents write stories: "My daughter is 6 months and has bad eczema. We tried eggs last week and
she was fine. When should we introduce peanut?" `read_question` keeps the asking sentence(s) as
the focus and the rest as context, so retrieval can weigh the question first and still see
"eczema". `answer_kinds` says whether the parent asks when, how much, how, what or whether, so the
passage and sentences that answer that kind of question win over ones that merely share the topic.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from knowledge.subjects import story_signs

_SENTENCE_END = re.compile(r"(?<=[.!?])\s+|\n+|(?<=\?)(?=[A-Za-z])")
_OPENER = re.compile(r"^\W*(?:(?:so|and|but|also|ok|okay|hi|hey|hello|um|quick question|question|pls|please)\b"
                     r"[\s,:!-]*)+", re.I)
_ASKS = re.compile(
    r"^(how|what|whats|what's|when|why|which|where|who|can|could|should|shall|is|are|was|does|do|did|"
    r"will|would|may|might|any|anyone|has|have|am|at what)\b", re.I)
_ASK_CUES = re.compile(
    r"\b(not sure (if|whether|when|how|what|about)|wondering|i wonder|any (tips|advice|ideas|suggestions)|"
    r"advice|help|is it (ok|okay|safe|normal|fine|bad|true)|need to know|want to know|like to know|"
    r"tell me|what to do|how to|unsure|confused about)\b", re.I)
_FILLER = re.compile(r"^\W*(thanks?( so much)?( in advance)?|thank you|thx|ty|tia|lol|haha|ugh|sorry|help!*|hi|hey|"
                     r"hello|hi there|hey there|good morning)\W*$", re.I)
MAX_FOCUS_SENTENCES = 3
MIN_FOCUS_WORDS = 3  # fewer longer words than this and the question leans on what came before
SHORT_MESSAGE_WORDS = 40  # a message this short is read whole: its sentences lean on each other
MIN_TOPIC_WORDS = 2  # fewer subject words than this and the whole message is the question
_NOT_TOPIC = frozenset("""
    about after also always anything baby babies been before best child could does doing doesn dont
    else enough even ever every from getting give given giving good have having help hello here into
    just know like little make many month months more much need normal okay only please really right
    same should since some something still sure than thank thanks that their them then there these
    they thing things this those tips toddler very want what when where which while will with would
    year years your advice question wondering worried evidence claim true doctor pediatrician said
    the and for you are can how but not has had was she her him his its our who why any all one two
    now too get got did let may way yes yet say see off ago out use try lot bit kid son mom dad
    says told tell prepare necessary possible possibly problem issue okay alright happen happens
    """.split())
_WORDS = re.compile(r"[A-Za-z]{4,}")
_SUBJECT_WORDS = re.compile(r"[A-Za-z]{3,}")  # "eat", "egg", "day" can name a subject
# A question leaning on the story: "is that normal?", "is there evidence for my doctor's claim?"
_REFERS_BACK = re.compile(r"\b(it|its|this|that|these|those|them|something|anything|claim|evidence|advice|true|"
                          r"right|said|says|told)\b", re.I)

# What kind of answer a question wants, tried in this order (the first match leads).
_KINDS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("amount", re.compile(r"\bhow (much|many|often|long|big)\b|\b(amount|ounces?|oz|ml|cups? a day|grams?|mg|"
                          r"portions?|serving sizes?|servings?|times a (day|week)|per day|a day|a week|limit)\b", re.I)),
    ("when", re.compile(r"\bwhen (can|could|should|do|does|is|are|to|will|would)\b|\bwhat age\b|\bhow old\b|\bold enough\b|\bat what (age|point)\b|\b(too early|too soon|"
                        r"too young|too late|yet|ready|start(ing)?|introduce|stop|wean)\b", re.I)),
    ("how", re.compile(r"\bhow (do|does|should|can|could|would|to|best)\b|\bbest way\b|\bways? to\b|\\bwhat (should|do) (i|we) do\\b|\\bwhat to do\\b|"
                       r"\b(prepare|serve|cut|cook|give it)\b", re.I)),
    ("what", re.compile(r"\bwhat (foods?|finger foods?|snacks?|kinds?|type|types|fish|milk|drinks?|should|can|"
                        r"to|else|are)\b|\bwhich\b|\bideas?\b|\bexamples?\b|\blist\b|"
                        r"^(good |safe |healthy |easy |quick )?(\w+ )?(snacks|foods|finger foods|meals|breakfasts|"
                        r"lunches|dinners) for\b", re.I)),  # "safe daycare snacks for a 15 month old?"
    ("whether", re.compile(r"^(can|could|is|are|should|does|do|may|will|would)\b|\b(ok|okay|safe|fine|normal|"
                           r"alright|bad|allowed|harmful|dangerous|necessary|need|not sure if)\b|\bcan (she|he|i|we|"
                           r"they|my|babies|toddlers|kids|baby|toddler|you)\b", re.I)),
)


# How parents spell and shorten words in a text, and the words the guidelines use for them.
_PARENT_WORDS = {
    "wen": "when", "wat": "what", "wut": "what", "shuold": "should", "shoud": "should",
    "shld": "should", "cud": "could", "wud": "would", "u": "you", "ur": "your", "r": "are", "b4": "before",
    "bc": "because", "cuz": "because", "abt": "about", "wont": "won't", "dont": "don't", "doesnt": "doesn't",
    "cant": "can't", "isnt": "isn't", "shes": "she's", "hes": "he's", "thru": "through",
    "veggies": "vegetables", "veggie": "vegetable", "veg": "vegetables", "tummy": "stomach", "poo": "poop",
    "ped": "pediatrician", "pedi": "pediatrician", "peds": "pediatrician", "paed": "pediatrician",
    "paediatrician": "pediatrician", "doc": "doctor", "ebf": "exclusively breastfed", "blw": "baby-led weaning",
    "pb": "peanut butter", "peanutbutter": "peanut butter", "yoghurt": "yogurt", "diarrhoea": "diarrhea",
    "diarhea": "diarrhea", "diarea": "diarrhea", "constapated": "constipated", "constipted": "constipated",
    "choaking": "choking", "chocking": "choking", "gaging": "gagging", "alergy": "allergy", "alergic": "allergic",
    "allergie": "allergy", "teathing": "teething", "brocoli": "broccoli", "formla": "formula",
    "puking": "vomiting", "puked": "vomited", "puke": "vomit", "barfing": "vomiting", "barfed": "vomited",
    "gatorade": "sports drink", "powerade": "sports drink", "ipad": "screen", "tablet": "screen", "tv": "screen", "youtube": "screen", "cartoons": "screen",
    "stomache": "stomach", "vomitting": "vomiting", "throwing-up": "vomiting", "throwing up": "vomiting",
    "threw up": "vomited", "thrown up": "vomited", "throw up": "vomit", "throws up": "vomits", "sicked up": "vomited", "solides": "solids",
    "nappies": "diapers", "nappy": "diaper", "hates": "refuses", "hated": "refused",
    "coke": "soda", "pepsi": "soda", "sprite": "soda", "fanta": "soda", "fizzy drink": "soda", "fizzy drinks": "soda",
    "heatwave": "heat wave", "heat-wave": "heat wave",
}
_PARENT_WORD = re.compile(r"\b(" + "|".join(sorted(map(re.escape, _PARENT_WORDS), key=len, reverse=True)) + r")\b",
                          re.I)
# Shorthand that is a word in lower case: "LO" (little one), "DS"/"DD" (dear son/daughter).
_PARENT_SHORTHAND = re.compile(r"\b(LO|DS|DD)\b")
_SHORTHAND = {"LO": "baby", "DS": "son", "DD": "daughter"}
_ILLNESS = re.compile(r"\b(stomach|tummy) (flu|virus|bug)\b|\bgastro\b", re.I)
# "I end up making her a separate meal": what the guidelines call short-order cooking
_SECOND_MEAL = re.compile(r"\b(mak(e|es|ing)|made|cook(s|ing|ed)?) (him|her|them|my \w+ )? ?(a |an )?"
                          r"(separate|different|second|another|special) (meal|dinner|lunch|breakfast)s?\b|"
                          r"\b(mak(e|es|ing)|made|cook(s|ing|ed)?) (him|her|them) (?!eat|try|sit|drink|sleep)"
                          r"\w+( \w+)? again\b", re.I)  # "I end up making him pasta again"


def plain_wording(text: str) -> str:
    """Parents' spellings and shorthand in the words the guidelines use: 'wen can my LO have
    veggies' -> 'when can my baby have vegetables', 'tummy flu' -> 'stomach bug'."""
    text = _PARENT_SHORTHAND.sub(lambda m: _SHORTHAND[m.group(1)], text or "")
    text = _PARENT_WORD.sub(lambda m: _PARENT_WORDS[m.group(1).lower()], text)
    text = _SECOND_MEAL.sub(lambda m: f"{m.group(0)} (short-order cooking)", text)
    return _ILLNESS.sub("stomach bug", text)


@dataclass(frozen=True)
class ReadQuestion:
    """A message split into what it asks (focus) and what surrounds it (context)."""

    focus: str
    context: str
    kinds: tuple[str, ...]

    @property
    def whole(self) -> str:
        """Focus first, then context: the text to search when one query must do."""
        return f"{self.focus} {self.context}".strip()

    @property
    def signs(self) -> str:
        """The signs the story reports and the question does not name ("threw up hours later")."""
        return story_signs(self.context, self.focus) if self.context else ""

    @property
    def query(self) -> str:
        """The focus plus the signs the story reports: what is searched."""
        return f"{self.focus} {self.signs}".strip()

    @property
    def asked(self) -> str:
        """The sentences of the focus that ask (with a question mark if any do): in a short story read
        whole, "Should I be worried about her iron?" is what the answer's sentences must answer."""
        sentences = [_OPENER.sub("", s).strip() for s in split_message(self.focus)]
        marked = [s for s in sentences if _marked(s)] or [s for s in sentences if is_asking(s)]
        return " ".join(marked) or self.focus


def split_message(text: str) -> list[str]:
    """Cut a message into sentences at . ! ? and line breaks; drop empty bits and fillers."""
    parts = [p.strip() for p in _SENTENCE_END.split(text or "") if p and p.strip()]
    return [p for p in parts if not _FILLER.match(p)]


def is_asking(sentence: str) -> bool:
    """Say whether a sentence asks something: a question mark, a question word first, or a cue."""
    bare = _OPENER.sub("", sentence).strip()
    return sentence.rstrip().endswith("?") or bool(_ASKS.match(bare)) or bool(_ASK_CUES.search(bare))


def asks_outright(sentence: str) -> bool:
    """Say whether a sentence opens with a question word, question mark or not ("what do other people do")."""
    return bool(_ASKS.match(_OPENER.sub("", sentence).strip()))


def _marked(sentence: str) -> bool:
    """A question by its mark or by its opening word."""
    return sentence.endswith("?") or asks_outright(sentence)


def read_question(text: str) -> ReadQuestion:
    """Find the asking sentences of a message (the last few if many); the rest is context."""
    sentences = split_message(plain_wording(text))
    asking = [i for i, s in enumerate(sentences) if is_asking(s)]
    # "not sure whether to..." in the story is not the question asked; "how much should he have in
    # a day" with its question mark left off is
    marked = [i for i in asking if sentences[i].rstrip().endswith("?") or asks_outright(sentences[i])]
    asking = marked or asking
    if not asking or len(" ".join(sentences).split()) <= SHORT_MESSAGE_WORDS:
        whole = " ".join(sentences) or plain_wording(text).strip()
        return ReadQuestion(whole, "", answer_kinds(whole))
    keep = set(asking[-MAX_FOCUS_SENTENCES:])
    first = min(keep)
    while first > 0 and len(_WORDS.findall(" ".join(sentences[i] for i in keep))) < MIN_FOCUS_WORDS:
        first -= 1  # "Is that ok?" leans on the sentence before it
        keep.add(first)
    focus = " ".join(_OPENER.sub("", sentences[i]).strip() for i in sorted(keep))
    context = " ".join(s for i, s in enumerate(sentences) if i not in keep)
    subject = topic_words(focus)
    if context and (not subject or (len(subject) < MIN_TOPIC_WORDS and _REFERS_BACK.search(focus))):
        # "Is it something he's eating?" names no subject: the story around it does.
        return ReadQuestion(" ".join(sentences), "", answer_kinds(focus))
    if len(subject) < MIN_TOPIC_WORDS and first > 0:
        # "Should we force her to try things?" names half its subject: the sentence before it the rest
        keep.add(first - 1)
        focus = " ".join(_OPENER.sub("", sentences[i]).strip() for i in sorted(keep))
        context = " ".join(s for i, s in enumerate(sentences) if i not in keep)
    return ReadQuestion(focus, context, answer_kinds(focus))


def topic_words(text: str) -> list[str]:
    """Words that could name what a question is about (not question, filler or family words)."""
    return [w for w in _SUBJECT_WORDS.findall(text.lower()) if w not in _NOT_TOPIC]


def answer_kinds(question: str) -> tuple[str, ...]:
    """The kinds of answer wanted: the one the question word asks for first ("how can I stop"
    asks how, "when can she" asks when), then any the rest of the wording hints at."""
    sentences = [_OPENER.sub("", s).strip() for s in split_message(question) or [question]]
    asked = [s for s in sentences if _marked(s)] + [s for s in sentences if not _marked(s)]
    found = [lead_kind(question)] + [kind for s in asked for kind, pattern in _KINDS if pattern.search(s)]
    kinds = tuple(kind for kind in dict.fromkeys(found) if kind and kind != "why")
    # "teething baby wont eat", "toddler only eats crackers help": a problem told, what to do asked
    return kinds or (("how",) if not any(is_asking(s) and s.endswith("?") for s in sentences) else ())


def lead_kind(question: str) -> str:
    """The kind asked by a question word opening a sentence or clause ("..., should I stop"), or ""."""
    sentences = [_OPENER.sub("", s).strip() for s in split_message(question) or [question]]
    asked = [s for s in sentences if _marked(s)] + [s for s in sentences if not _marked(s)]
    found = [kind for sentence in asked for clause in _CLAUSE.split(sentence)
             if (kind := next((kind for kind, pattern in _LEADS if pattern.match(clause.strip())), ""))]
    # "is that too much? how much should he have?": the yes or no comes with the amount, not the other way
    return next((kind for kind in found if kind in SPECIFIC_KINDS), found[0] if found else "")


SPECIFIC_KINDS = frozenset({"amount", "when"})


# The kind a question word at the start asks for, before any hint later in the sentence.
_LEADS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("why", re.compile(r"why\b", re.I)),
    ("whether", re.compile(r"when (should|do|does|to|must|would) (i|we|you|parents) (worry|be (worried|concerned)|"
                           r"call|see|get help|seek|take)\b", re.I)),  # signs to watch for, not an age
    # "how long do I need to keep cutting them": until what age, not for how many minutes
    ("when", re.compile(r"how long (do|does|should|can|will|must) \w+ (need to |have to )?(keep|continue|stay|wait)\b",
                        re.I)),
    ("amount", re.compile(r"how (much|many|often|long|big)\b", re.I)),
    ("when", re.compile(r"(when|what age|at what age|how old|what time|(is|are) (she|he|they|my \w+) old enough)\b",
                        re.I)),
    ("how", re.compile(r"how\b", re.I)),
    ("how", re.compile(r"what (should|do) (i|we) do\b|what to do\b", re.I)),  # steps, not a list
    ("what", re.compile(r"(what|which)\b", re.I)),
    ("whether", re.compile(r"(can|could|is|are|should|does|do|may|will|would|am)\b", re.I)),
)

_CLAUSE = re.compile(r"[,;:]\s*|\s+-+\s+|\s+(?:so|but|and)\s+(?=(?:how|what|when|which|can|should|is|do|does)\b)",
                     re.I)

# What a passage sentence offers, by the same kinds.
_OFFERS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("amount", re.compile(r"\b\d[\d.,/]*\s*(?:to \d[\d.,/]*\s*)?(?:ounces?|oz|ml|cups?|grams?|g|mg|iu|"
                          r"tablespoons?|teaspoons?|times|servings?|calories|meals|snacks|feeds|feedings|bottles|"
                          r"percent|%|pieces|hours|minutes|days|inch|inches)\b|\b(a few|several|a couple of) (days|weeks|hours)\b|\b(half|a quarter|one|two|three) (a |an )?(cup|ounce|egg|"
                          r"teaspoon|tablespoon|inch)(e?s)?\b|\bno more than\b|\bup to\b", re.I)),
    ("when", re.compile(r"\b(from|at|by|after|before|until|till|around|about|under|over|between|age|aged|"
                        r"ages|older than|younger than)\s+(about |around |age )?(\d+|six|twelve|one|two|three|"
                        r"four|the first)\b[^.]{0,20}?\b(months?|years?|weeks?|birthday)\b|\bwait\b|\bfirst "
                        r"birthday\b|\bnever before\b|\b(under|until|before|after|over|from) (at least )?(age )?[1-6]"
                        r"(?!\d|[.,/]\d| to \d|\s*(ounces?|oz|cups?|ml|g|grams?|mg|tablespoons?|teaspoons?|times|servings?|"
                        r"%|percent|hours?|minutes?|days?|pieces|inch))", re.I)),
    ("how", re.compile(r"^(serve|mash|cut|spread|stir|mix|steam|cook|offer|try|start|put|drop|swap|make|"
                       r"freeze|thin|use|give|keep|move|choose|pick|rinse|grate|warm|let)\b|"
                       r"\b(serve|mash|spread|thinned|stir(red)?|mixed|steamed|cut into|cook(ed)? until|"
                       r"as a|in strips|quarters?)\b", re.I)),
    # "Offer small sips of water or an oral rehydration solution" names what to give, as a list does
    ("what", re.compile(r"(,[^,]+){3,}|\b(such as|like|include|includes|good choices|ideas|sources)\b|"
                        r"^(offer|give|try|serve)\b", re.I)),
    ("whether", re.compile(r"\b(is|are) (fine|safe|ok|okay|not (safe|recommended|needed|a substitute))\b|"
                           r"\b(avoid|do not|don't|never|not recommended|should not|can be offered|can have|"
                           r"can eat|is not|are not|no need)\b", re.I)),
)


def sentence_offers(sentence: str) -> frozenset[str]:
    """The kinds of answer a passage sentence gives (numbers, ages, steps, lists, yes/no)."""
    return frozenset(kind for kind, pattern in _OFFERS if pattern.search(sentence))
