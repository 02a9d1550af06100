"""Answer a parent's message locally: find what it asks, retrieve for the child's age, compose.

One function, used by the `question` handler and by `knowledge.qa_eval`, so the figures the
evaluation prints are the answers parents get when no LLM is configured.
"""
from __future__ import annotations

from knowledge.answers import SMS_LIMIT, WHATSAPP_LIMIT, compose_answer
from knowledge.asking import ReadQuestion, read_question
from knowledge.spanish import in_english, reads_spanish

RETRIEVED = 4


def limit_for(channel: str) -> int:
    """The reply length a channel affords: two SMS segments, or more on WhatsApp."""
    return WHATSAPP_LIMIT if channel == "whatsapp" else SMS_LIMIT


def answer_locally(store, question: str | ReadQuestion, age_months: int | None, *,
                   child_name: str | None = None, age_text: str | None = None,
                   allergies: list[str] | None = None, channel: str = "sms", reserve: int = 0) -> str | None:
    """The sourced answer to a message, or None when the guidelines do not cover it.

    A question in Spanish is read in the guidelines' words and answered in English; `reserve` keeps
    room in the channel's length for a line the caller puts before the answer.
    """
    if isinstance(question, str) and reads_spanish(question):
        question = in_english(question)
    read = question if isinstance(question, ReadQuestion) else read_question(question)
    read = store.read(read)  # the same anchored reading the search makes, for composing
    hits = store.search(read, age_months, k=RETRIEVED)
    return compose_answer(read.query, hits, child_name, age_text, allergies or [],
                          limit=limit_for(channel) - reserve, asked=read.asked,
                          story=read.whole if read.context else None)
