"""Answer a question with the LLM from retrieved passages, then send it through the outbox."""
from __future__ import annotations

import logging
from datetime import timedelta

from handlers.context import Context, InboundMessage, context_for
from handlers.question import Asked, local_answer, understand
from jobs.outbox import queue_pending, send_outbound
from jobs.runtime import current
from knowledge.answers import allergy_note
from knowledge.llm_answers import llm_answer
from storage import messages
from storage.meals import meals_between
from storage.models import Inbound, Person

logger = logging.getLogger(__name__)


def _context_line(ctx: Context, asked: Asked) -> str:
    """Who the question is about: name, age, allergies and what they ate in the last three days."""
    if asked.child is None:
        return "unknown"
    parts = [asked.child.name, asked.age_text or "age unknown"]
    if asked.allergies:
        parts.append("allergic to " + ", ".join(asked.allergies))
    recent = meals_between(ctx.session, [asked.child.id], ctx.today - timedelta(days=2), ctx.today)
    foods = list(dict.fromkeys(i.name for m in recent for i in m.items if i.grams > 0))
    if foods:
        parts.append("ate in the last 3 days: " + ", ".join(foods[:15]))
    return "; ".join(parts)


def answer_with_llm(inbound_id: int) -> None:
    """Generate the answer (falling back to the local one) and queue it once per question."""
    rt = current()
    with rt.sessions() as session, session.begin():
        inbound = session.get(Inbound, inbound_id)
        if inbound is None or inbound.person_id is None:
            return
        if messages.outbound_by_key(session, f"answer:{inbound.sid}") is not None:
            return  # answered already: the task ran before
        person = session.get(Person, inbound.person_id)
        ctx = context_for(session, person, now=rt.clock(), knowledge=rt.knowledge, enqueue=rt.enqueue,
                          inbound_id=inbound_id, public_url=rt.public_url)
        history = [tuple(t) for t in ctx.memory.turns[:-2]]
        asked = understand(InboundMessage(inbound.channel, inbound.sender, inbound.body, inbound.sid), ctx)
        hits = rt.knowledge.guidelines().search(asked.read, asked.age_months, k=3)
        answer = llm_answer(rt.knowledge.llm(), asked.query, hits, _context_line(ctx, asked), history,
                            rt.knowledge.llm_model, rt.knowledge.llm_timeout)
        if answer is None:
            answer = local_answer(ctx, asked)
        else:
            note = allergy_note(asked.query, asked.child.name if asked.child else None, asked.allergies)
            answer = f"{note}\n{answer}" if note else answer
        memory = ctx.memory
        if memory.turns and memory.turns[-1][0] == "assistant":
            memory.turns = memory.turns[:-1] + [["assistant", answer]]
            ctx.remember(memory)
        outbound_id = queue_pending(session, person=person, body=answer, kind="answer", key=f"answer:{inbound.sid}",
                                    now=rt.clock(), channel=inbound.channel)
    if outbound_id:
        rt.enqueue(send_outbound, outbound_id)
