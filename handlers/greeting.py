"""`greeting`: hello, thanks and ok, answered warmly and briefly."""
from __future__ import annotations

import re

from handlers.context import Context, InboundMessage, Reply
from handlers.family import first_child_name
from handlers.routes import Route
from knowledge.words import HELLO_WORDS, THANKS_WORDS

THANKS = re.compile(rf"\b(?:{THANKS_WORDS})\b", re.I)
HELLO = re.compile(rf"\b(?:{HELLO_WORDS})\b", re.I)


def handle(msg: InboundMessage, ctx: Context) -> Reply:
    """Say hello or you're welcome; beside another reply ("good morning! she had oatmeal") say nothing."""
    found = ctx.found
    if found is not None and found.intent != "greeting":
        return Reply("", "greeting")  # the meal or the answer is the reply; a second hello would crowd it
    if THANKS.search(msg.text):
        return Reply("You're welcome! I'm here whenever you need me.", "greeting")
    child = first_child_name(ctx)
    if len(msg.text.split()) >= 4 and not HELLO.search(msg.text):
        # news with nothing to do ("my aunt is coming to stay", "he's so floppy when he naps, cute"): heard
        return Reply(f"Thanks for telling me! Text me what {child} ate, or ask me a feeding question. "
                     "HELP shows everything I can do.", "greeting")
    return Reply(f"Hi! Text me what {child} ate, or ask me a feeding question. HELP shows everything I can do.",
                 "greeting")


ROUTE = Route("greeting", handle)
