"""Voice notes: with an LLM key they are transcribed in a job and answered as text."""
from __future__ import annotations

from handlers.context import Context, InboundMessage, Reply
from handlers.media import kind_of
from handlers.routes import Route


def handle(msg: InboundMessage, ctx: Context) -> Reply:
    if ctx.knowledge.llm() is None:
        return Reply("I can't listen to voice notes. Could you type it instead?", "voice")
    ctx.enqueue("transcribe_voice", ctx.settings["inbound_id"], job_id=f"voice-{ctx.settings['inbound_id']}")
    return Reply("Listening to your voice note...", "voice")


ROUTE = Route("voice", handle, claim=lambda msg, ctx, found: kind_of(msg) == "audio" and bool(ctx.children),
              priority=90, breakout=True, label=False)
