"""Route one message: emergencies first, then opt-out rules, a pending step, then the intent table."""
from __future__ import annotations

import logging
from typing import Any, Callable

from handlers import account, greeting, help, log_meal, media, onboarding, opt_in, opt_out, profile, question
from handlers import photo, settings, streak, summary, undo, voice
from handlers import unavailable
from handlers.context import Context, InboundMessage, Reply
from knowledge.emergency import emergency_reply, triage

logger = logging.getLogger(__name__)
Handler = Callable[[InboundMessage, Context], Reply]

HANDLERS: dict[str, Handler] = {
    "help": help.handle,
    "greeting": greeting.handle,
    "opt_out": opt_out.handle,
    "opt_in": opt_in.handle,
    "profile": profile.handle,
    "settings": settings.handle,
    "account": account.handle,
    "log_meal": log_meal.handle,
    "summary": summary.handle,
    "undo": undo.handle,
    "streak": streak.handle,
    "question": question.handle,
    "plan": unavailable.handle,
    "caregiver": unavailable.handle,
}
# Multi-step exchanges: the step name says which module continues it.
STEPS: dict[str, Callable[[InboundMessage, Context, Any], Reply | None]] = {
    **onboarding.STEPS, **profile.STEPS, **settings.STEPS, **account.STEPS, **log_meal.STEPS,
    **photo.STEPS,
}
# These always win over a pending step: a person must be able to leave or ask for help anytime.
BREAKOUT = {"opt_out", "help", "account"}
# Unsubscribing someone by mistake is worse than asking: a guessed opt-out must be a sure one.
SURE_OPT_OUT = 0.7


def route(msg: InboundMessage, ctx: Context, classify: Callable[[str], Any]) -> Reply:
    """Pick the one handler for this message and return its reply."""
    emergency = triage(msg.text)
    if emergency is not None:
        logger.warning("emergency (%s) reported; answering with emergency services first", emergency.kind)
        return Reply(emergency_reply(emergency, ctx.emergency_number), "emergency")
    if ctx.person.opted_out:
        if opt_in.is_opt_in(msg.text):
            return opt_in.handle(msg, ctx)
        return Reply("", "opted_out")  # nothing is sent to an opted-out person
    kind = media.kind_of(msg)
    if kind in ("image", "audio") and ctx.children:
        return (photo.handle if kind == "image" else voice.handle)(msg, ctx)
    if not msg.text:
        return media.handle(msg, ctx)
    found = classify(msg.text)
    intent = found.intent if found.intent in HANDLERS else "help"
    if question.is_out_of_scope(msg.text) or question.is_follow_up(ctx, msg.text):
        intent = "question"
    elif intent not in BREAKOUT and undo.is_correction(ctx, msg.text):
        intent = "undo"
    elif intent not in BREAKOUT and log_meal.is_plain_meal(ctx, msg.text, found):
        intent = "log_meal"
    ctx.settings.update(intent=intent, confidence=found.confidence,
                        available={i for i, h in HANDLERS.items() if h is not unavailable.handle})
    if intent == "opt_out" and found.source != "rule" and found.confidence < SURE_OPT_OUT:
        return Reply("Do you want to stop all messages from TinyTummy? Reply STOP to unsubscribe. "
                     "Text HELP to see everything else I can do.", "opt_out?")
    if intent in BREAKOUT and found.confidence >= 0.6:
        return _tagged(HANDLERS[intent](msg, ctx), intent)
    step = ctx.conversation.step
    if step in STEPS:
        reply = STEPS[step](msg, ctx, found)
        if reply is not None:
            return reply
        answer = _tagged(HANDLERS[intent](msg, ctx), intent)
        return Reply(_join(answer.text, _prompt_again(ctx)), answer.intent)
    if ctx.conversation.step:
        ctx.set_step(None)  # a step we no longer know: start afresh rather than get stuck
    if not ctx.households and intent not in ("opt_out", "opt_in"):
        return onboarding.start(msg, ctx, found)
    return _tagged(HANDLERS[intent](msg, ctx), intent)


def _tagged(reply: Reply, intent: str) -> Reply:
    return reply if reply.intent else Reply(reply.text, intent)


def _prompt_again(ctx: Context) -> str:
    step = ctx.conversation.step
    return onboarding.prompt_for(ctx) if step and step.startswith("onboarding.") else ""


def _join(*texts: str) -> str:
    return "\n\n".join(t for t in texts if t)
