"""Split a message that carries a meal and a question into the part to log and the part to answer.

"she had 2 bites of salmon, is gagging normal?" -> meal "she had 2 bites of salmon". Clauses are cut
at sentence ends, and at a comma or dash that starts a question; a clause that asks goes to the
question, the rest is the meal. The question handler still sees the whole message (the meal is
useful context for the answer); only the meal part is logged, so question words are never mistaken
for foods.
"""
from __future__ import annotations

import re

# Spanish opens a question with "¿", often mid-sentence ("comió pollo, ¿está bien...?"): a cut there too.
_SENTENCES = re.compile(r"(?<=[.!?])\s+|\n+|(?<=[\U0001F300-\U0001FAFF\u2600-\u27BF])\s+|[\s,;]*(?=¿)")
# A laugh often stands for the comma before a question ("she ate a whole avocado lol is that too much").
_CLAUSE = re.compile(r"\s*(?:,|;|\s-\s|\s–\s|\s(?:lol|lmao|haha\w*|omg)\s)\s*(?=(?:and |but |so |also |just |then |quick question:? )*"
                     r"(?:is|are|can|could|should|does|do|will|would|when|why|how|which(?! (?:was|were|had)\b)|"
                     r"what|whats|what's|any|i'?m wondering|wondering|not sure|hopefully)\b)", re.I)
# Asking by the words: "Quick question -" or "Question!!" before the question itself is the asking
# already begun.
_ASKS_OUTRIGHT = re.compile(r"^(?:hey |hi |ok |so )?(?:quick )?(?:question|q)\b\W*$|"
                            r"^(?:and |but |so |also |then |oh and |ok so |quick question:? |unrelated but |random but )*"
                            r"(?:is|are|can|could|should|does|do|will|would|when|why|how|which(?! (?:was|were|had)\b)|"
                            r"what|whats|what's|"
                            r"any (?:tips|advice|ideas)|i'?m wondering|i was wondering|wondering|not sure|"
                            r"i'?m worried|worried|hopefully)\b"
                   # "fish sticks ok for a 1 year old or too processed": asked with no "?"
                            r"|\b(?:ok|okay|safe|alright|fine)\s+(?:for|at)\s+(?:a |an |my |her |his |our )?"
                            r"(?:\d+|one|two|three|baby|babies|toddlers?|kids?|infants?)\b", re.I)


# A question tag of a few words after a comma, closing a clause that tells: ", normal??", ", too much?".
_TAG = re.compile(r",\s*(?:[\w']+\s*){1,3}\?+\W*$")


def clauses(text: str) -> list[str]:
    """The message cut into sentences and question-led clauses, in order, without blanks."""
    out: list[str] = []
    for sentence in _SENTENCES.split(text.strip()):
        out += [c.strip() for c in _CLAUSE.split(sentence) if c and c.strip()]
    return out


def asks(clause: str) -> bool:
    """True when the clause is a question, however it is phrased."""
    return "?" in clause or asks_outright(clause)


def asks_outright(clause: str) -> bool:
    """True when the clause's own words ask, not only a "?" at its end."""
    return bool(_ASKS_OUTRIGHT.search(clause.strip()))


def asks_by_tag(clause: str) -> bool:
    """True when a told clause asks only by a short tag at its end ("he ate a cup of blueberries and now
    his poop is dark, normal??", "had 3 cups of milk today, too much?"): it tells first, then asks."""
    return bool(_TAG.search(clause)) and not asks_outright(clause)


def meal_part(text: str) -> str:
    """The clauses that report food, joined; the whole text when every clause asks."""
    kept = [c for c in clauses(text) if not asks(c)]
    return " ".join(kept) if kept else text.strip()


def question_part(text: str) -> str:
    """The clauses that ask, joined; the whole text when none does."""
    kept = [c for c in clauses(text) if asks(c)]
    return " ".join(kept) if kept else text.strip()
