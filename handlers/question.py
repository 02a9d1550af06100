"""`question`: feeding questions answered from the guideline store, for this child's age.

Without an LLM the answer is composed from the best passage, in the webhook's reply. With one,
the answer is generated from the retrieved passages in a job and sent through the outbox, so a
slow model never holds the webhook; any failure falls back to the local answer.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from handlers import allergies as allergy_words
from handlers.context import Context, InboundMessage, Memory, Reply
from handlers.dates import age_in_months, describe_age
from handlers.family import find_child, named_stranger
from handlers.routes import Route
from knowledge.asking import ReadQuestion, answer_kinds, read_question
from storage.models import Child

OUT_OF_SCOPE = re.compile(
    r"\b(dose|dosage|doses|dosing|how much (tylenol|motrin|advil|ibuprofen|acetaminophen|paracetamol|"
    r"medicine|medication)|tylenol|motrin|advil|ibuprofen|acetaminophen|paracetamol|calpol|antibiotics?|"
    r"amoxicillin|benadryl|antihistamine|prescri\w+|diagnos\w*|is it (an? )?(infection|virus|disease)|"
    r"does (she|he|my \w+) have (an? )?\w*(itis|infection|disease|disorder|autism|adhd))\b", re.I)
FOLLOW_UP = re.compile(r"^\s*(and|what about|how about|also|same for|and for|what if|or)\b", re.I)
SIBLING = re.compile(r"\b(brother|sister|sibling|twin|the other one|other kid|baby brother|baby sister)\b", re.I)
NOT_COVERED = ("I don't have guidance on that in my feeding library, so I won't guess. {child}'s "
               "pediatrician is the best person to ask.")
REDIRECT = ("I can't advise on medicines or diagnose anything - please ask {child}'s pediatrician "
            "(call them now if {child} seems unwell). In an emergency call {number}.")
HISTORY_TURNS = 3
FOLLOW_UP_WINDOW = timedelta(minutes=30)


@dataclass(frozen=True)
class Asked:
    """A question made whole: the text to search, the child it is about and their context."""

    query: str
    child: Child | None
    age_months: int | None
    age_text: str | None
    allergies: list[str]
    context: str = ""  # the story around the question in a long message
    channel: str = "sms"

    @property
    def read(self) -> ReadQuestion:
        """The question as retrieval reads it: what is asked, and the story around it."""
        return ReadQuestion(self.query, self.context, answer_kinds(self.query))


def understand(msg: InboundMessage, ctx: Context) -> Asked:
    """Resolve the child, find the asking sentences of a long message, and fold a follow-up
    ("and grapes?") into the previous question."""
    memory = ctx.memory
    child, text = find_child(ctx, msg.text)
    previous = memory.last_question
    read = read_question(text)
    query, context = read.focus, read.context
    if previous and FOLLOW_UP.match(text) and len(text.split()) <= 8:
        rest = SIBLING.sub(" ", FOLLOW_UP.sub("", text)).strip(" ?!.")
        if SIBLING.search(text) and len(ctx.children) == 2:
            last_id = memory.last_child_id
            child = next((c for c in ctx.children if c.id != last_id), child)
        query = _swap_topic(previous, rest)
    if child is None and memory.last_child_id and not named_stranger(ctx, msg.text):
        child = next((c for c in ctx.children if c.id == memory.last_child_id), None)
    months = age_in_months(child.birth_date, ctx.today) if child and child.birth_date else None
    age_text = describe_age(child.birth_date, ctx.today) if child and child.birth_date else None
    allergies = [allergy_words.label(a.name) for a in child.allergies] if child else []
    return Asked(query, child, months, age_text, allergies, context, msg.channel)


def _swap_topic(previous: str, rest: str) -> str:
    """'can she have eggs yet?' + 'honey' -> 'can she have honey yet?': the old frame, the new topic."""
    from knowledge.guideline_store import content_words

    if not content_words(rest):
        return previous  # "what about for her brother?": same question, other child
    words, swapped = [], False
    for word in previous.split():
        if not content_words(word):
            words.append(word)
        elif not swapped:
            words.append(rest)
            swapped = True
    return " ".join(words) if swapped else f"{rest} {previous}"


def is_follow_up(ctx: Context, text: str) -> bool:
    """'and grapes?' or 'what about for her brother?' shortly after a question continues it."""
    asked_at = ctx.memory.last_question_at
    if not (asked_at and FOLLOW_UP.match(text) and len(text.split()) <= 8):
        return False
    return (ctx.now - datetime.fromisoformat(asked_at)) <= FOLLOW_UP_WINDOW


def is_out_of_scope(text: str) -> bool:
    """Medicine doses and diagnoses go to the pediatrician, whatever the classifier thinks."""
    return bool(OUT_OF_SCOPE.search(text))


def remember(ctx: Context, asked: Asked, answer: str) -> None:
    """Keep the last few turns for follow-ups (in the database, keyed by the person)."""
    turns = ctx.memory.turns[-(HISTORY_TURNS - 1) * 2:]
    ctx.remember(Memory(last_question=asked.query, last_question_at=ctx.now.isoformat(),
                        last_child_id=asked.child.id if asked.child else None,
                        turns=turns + [["user", asked.query], ["assistant", answer]]))


def local_answer(ctx: Context, asked: Asked) -> str:
    """Compose the answer from the best passage or two, with no LLM."""
    from knowledge.answering import answer_locally

    name = asked.child.name if asked.child else None
    answer = answer_locally(ctx.knowledge.guidelines(), asked.read, asked.age_months, child_name=name,
                            age_text=asked.age_text, allergies=asked.allergies, channel=asked.channel)
    return answer or NOT_COVERED.format(child=name or "Your child")


def handle(msg: InboundMessage, ctx: Context) -> Reply:
    asked = understand(msg, ctx)
    name = asked.child.name if asked.child else "your child"
    if OUT_OF_SCOPE.search(msg.text):
        return Reply(REDIRECT.format(child=name, number=ctx.emergency_number), "question")
    if ctx.knowledge.llm() is not None:
        remember(ctx, asked, "")
        ctx.enqueue("answer_with_llm", ctx.settings["inbound_id"], job_id=f"answer-{ctx.settings['inbound_id']}")
        return Reply(f"Good question - checking the feeding guidelines for {name}...", "question")
    answer = local_answer(ctx, asked)
    remember(ctx, asked, answer)
    return Reply(answer, "question")


ASKED = re.compile(r"\?\s*\W*$")


def claims(msg: InboundMessage, ctx: Context, found: Any) -> bool:
    """Medicine and diagnosis questions and short follow-ups are questions whatever the classifier says;
    so is a message ending in '?' that it took for a meal, a correction or a hello, unless it also found
    what the asking is for (the question, or a look at the record: "lunch was pasta ✅ is my streak still
    going?"); then the router logs the meal and answers, in one reply."""
    beside = set(getattr(found, "intents", ())[1:]) - {"greeting"}
    asked = (bool(ASKED.search(msg.text or "")) and getattr(found, "intent", None) in ("log_meal", "undo", "greeting")
             and not beside)
    return is_out_of_scope(msg.text) or is_follow_up(ctx, msg.text) or asked


ROUTE = Route("question", handle, help="- A feeding question: \"can she have eggs yet?\"", claim=claims, priority=50)
