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
_SENTENCES = re.compile(r"(?<=[.!?])\s+|\n+|(?<=[\U0001F300-\U0001FAFF])\s+|[\s,;]*(?=¿)")
# A laugh often stands for the comma before a question ("she ate a whole avocado lol is that too much").
_CLAUSE = re.compile(r"\s*(?:,|;|\s-\s|\s–\s|\s(?:lol|lmao|haha\w*|omg)\s)\s*(?=(?:and |but |so |also |just |then |quick question:? )*"
                     r"(?:is|are|can|could|should|does|do|will|would|when|why|how|which(?! (?:was|were|had)\b)|"
                     r"what|whats|what's|any|i'?m wondering|wondering|not sure|hopefully)\b)", re.I)
# "Quick question -" or "Question!!" before the question itself is the asking already begun.
_ASKS = re.compile(r"\?|^(?:hey |hi |ok |so )?(?:quick )?(?:question|q)\b\W*$|"
                   r"^(?:and |but |so |also |then |oh and |ok so |quick question:? |unrelated but |random but )*"
                   r"(?:is|are|can|could|should|does|do|will|would|when|why|how|which(?! (?:was|were|had)\b)|"
                   r"what|whats|what's|"
                   r"any (?:tips|advice|ideas)|i'?m wondering|i was wondering|wondering|not sure|"
                   r"i'?m worried|worried|hopefully)\b", re.I)


def clauses(text: str) -> list[str]:
    """The message cut into sentences and question-led clauses, in order, without blanks."""
    out: list[str] = []
    for sentence in _SENTENCES.split(text.strip()):
        out += [c.strip() for c in _CLAUSE.split(sentence) if c and c.strip()]
    return out


def asks(clause: str) -> bool:
    """True when the clause is a question, however it is phrased."""
    return bool(_ASKS.search(clause.strip()))


def meal_part(text: str) -> str:
    """The clauses that report food, joined; the whole text when every clause asks."""
    kept = [c for c in clauses(text) if not asks(c)]
    return " ".join(kept) if kept else text.strip()


def question_part(text: str) -> str:
    """The clauses that ask, joined; the whole text when none does."""
    kept = [c for c in clauses(text) if asks(c)]
    return " ".join(kept) if kept else text.strip()
