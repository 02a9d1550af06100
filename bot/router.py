"""Route one message: the safety passes, then claims by priority, then a pending step, then the intent table.

The routes come from the handler registry (`handlers.REGISTRY`); this module is one loop over it,
with no knowledge of any particular intent beyond the onboarding that a new number starts with.
"""
from __future__ import annotations

import logging
from dataclasses import replace
from typing import Any, Callable

from bot.message_parts import meal_part, question_part
from handlers import REGISTRY
from handlers import access, safety
from handlers.context import Context, InboundMessage, Reply
from handlers.routes import Route, Step

logger = logging.getLogger(__name__)
SURE = 0.6  # the classifier is sure enough that a message is not a garbled answer to a step
MAX_REASKS = 2  # a step is asked again at most this often after interruptions, then dropped
# What part of a two-intent message each handler sees.
PARTS: dict[str, Callable[[str], str]] = {"log_meal": meal_part, "question": question_part}


def route(msg: InboundMessage, ctx: Context, classify: Callable[[str], Any]) -> Reply:
    """Pick the one handler for this message and return its reply, with the safety notes it needs."""
    urgent = safety.emergency(msg, ctx)
    if urgent is not None:
        return urgent  # nothing else is done with an emergency
    notes = safety.notes(msg, ctx)
    allergies = safety.allergies_of(ctx)
    reply = _dispatch(msg, ctx, classify)
    if reply.rest:
        reply = _handed_on(reply, msg, ctx, classify)
    return safety.with_notes(reply, safety.without_new_allergies(notes, allergies, msg, ctx))


def _handed_on(reply: Reply, msg: InboundMessage, ctx: Context, classify: Callable[[str], Any]) -> Reply:
    """A route that read only part of the message ("JOIN 482913 - she had a banana") hands the rest on: it is
    routed as if it had come right after (the sender may have just joined a log), and answered second.
    A rest that is only a hello or an unsure word ("thanks!", "please") adds nothing beside the first answer."""
    rest = replace(msg, text=reply.rest)
    found = classify(rest.text)
    sure = found.intent not in ("greeting", "help") and found.confidence >= SURE
    if found.intent == "greeting" or not (sure or safety.has_substance(rest, ctx)):
        return Reply(reply.text, reply.intent)
    more = route(rest, ctx, lambda text: found if text == rest.text else classify(text))
    ctx.intent = reply.intent
    return Reply(_join(reply.text, more.text), reply.intent)


def _dispatch(msg: InboundMessage, ctx: Context, classify: Callable[[str], Any]) -> Reply:
    found = classify(msg.text)
    chosen, claimed = _choose(msg, ctx, found)
    ctx.found, ctx.intent = found, chosen.intent
    step = REGISTRY.steps.get(ctx.step or "")
    own_step = step is not None and step in chosen.steps  # "DELETE" answers the account's own question
    if chosen.breakout and (claimed or _sure_breakout(chosen, found, msg)) and not own_step:
        return _break_out(step, chosen, msg, ctx, _meal_beside(chosen, found))
    if step is not None:
        return _continue(step, chosen, claimed, msg, ctx)
    if ctx.step:
        ctx.end_step()  # a step we no longer know: start afresh rather than get stuck
    also = () if claimed else _also(chosen, found)
    return _run_several((chosen, *also), msg, ctx) if also and ctx.households else _run(chosen, msg, ctx)


def _sure_breakout(chosen: Route, found: Any, msg: InboundMessage) -> bool:
    """The classifier alone is sure enough to leave a pending step; one word it merely reads as help
    ("viewer", "London") is more likely the step's answer, and an explicit HELP comes from the rules."""
    if found.confidence < chosen.sure:
        return False
    return not (found.intent == "help" and getattr(found, "source", "") == "model" and len(msg.text.split()) == 1)


def _choose(msg: InboundMessage, ctx: Context, found: Any) -> tuple[Route, bool]:
    """The classifier's route, unless a route of at least its priority claims the message."""
    picked = REGISTRY.by_intent.get(found.intent) or REGISTRY.by_intent["help"]
    for candidate in REGISTRY.claims:
        if candidate.priority < picked.priority:
            break
        if candidate.claim(msg, ctx, found):
            return candidate, True
    return picked, False


def _run(chosen: Route, msg: InboundMessage, ctx: Context) -> Reply:
    if not ctx.households and chosen.needs_household:
        chosen = REGISTRY.by_intent["onboarding"]
        ctx.intent = chosen.intent
    # Only the children the sender's roles allow this route to touch; no role allowing it, a refusal.
    ctx.action = access.needed(chosen.intent, msg.text)
    denied = access.refusal(ctx, ctx.action)
    if denied is not None:
        return denied
    reply = chosen.handle(msg, ctx)
    return reply if reply.intent else replace(reply, intent=chosen.intent)


def _break_out(step: Step | None, chosen: Route, msg: InboundMessage, ctx: Context,
               also: tuple[Route, ...] = ()) -> Reply:
    """A breakout route answers first; a step it left alone is asked again afterwards."""
    data = ctx.step_data(step.data) if step is not None else None
    reply = _run_several((chosen, *also), msg, ctx) if also and ctx.households else _run(chosen, msg, ctx)
    if step is None or ctx.step != step.name or not reply.text:
        return reply  # no step, or the route ended or replaced it (STOP, delete my data, a photo)
    return _asked_again(step, data, ctx, reply)


def _meal_beside(chosen: Route, found: Any) -> tuple[Route, ...]:
    """A symptom told with what was eaten ("only milk today and 3 puffs. sick w a cold"): the symptom is
    answered and the meal still logged."""
    if chosen.intent != "symptom" or "log_meal" not in getattr(found, "intents", (found.intent,)):
        return ()
    return (REGISTRY.by_intent["log_meal"],)


def _also(chosen: Route, found: Any) -> tuple[Route, ...]:
    """The routes of the further intents the classifier found beside the main one."""
    further = getattr(found, "intents", (found.intent,))[1:]
    routes = (REGISTRY.by_intent.get(intent) for intent in further)
    return tuple(r for r in routes if r is not None and r is not chosen and not r.breakout)


def _run_several(routes: tuple[Route, ...], msg: InboundMessage, ctx: Context) -> Reply:
    """Handle each intent of one message in turn and answer in one reply, the main one first.

    The meal handler gets only the clauses that report food and the question handler only the
    clauses that ask ("she had salmon, is gagging normal?"); any other handler the whole message."""
    replies: list[Reply] = []
    for each in routes:
        part = PARTS.get(each.intent)
        reply = _run(each, replace(msg, text=part(msg.text)) if part else msg, ctx)
        if reply.rest and not replies:
            return reply  # the main route read only part and hands the rest on: it is routed afresh
        replies.append(reply)
    ctx.intent = routes[0].intent
    said = [r for r in replies if not r.idle and r.text] or replies  # "nothing to log" beside an answer is noise
    return Reply(_join(*(r.text for r in said)), routes[0].intent)


def _continue(step: Step, chosen: Route, claimed: bool, msg: InboundMessage, ctx: Context) -> Reply:
    """Let the step take its answer; anything else is handled on its own and the step asked again."""
    ctx.action = access.step_action(step.name)
    answer = step.accept(msg, ctx, ctx.found)
    if answer is not None:
        return answer
    if ctx.step != step.name:  # the step ended itself
        return _run(chosen, msg, ctx)
    data = ctx.step_data(step.data)
    if step.retry is not None and not claimed and _unreadable(msg, ctx):
        return _asked_again(step, data, ctx, Reply(step.retry(ctx), chosen.intent))
    reply = _run(chosen, msg, ctx)
    if not ctx.households:
        return reply  # everything was erased
    # The interrupted question comes back even if the message asked one of its own: that one is
    # answered by the next message anyway, as a meal or a question, from wherever it lands.
    return _asked_again(step, data, ctx, reply)


def _asked_again(step: Step, data: Any, ctx: Context, reply: Reply) -> Reply:
    """Restore the interrupted step and repeat its question, or drop it after MAX_REASKS."""
    if data.reasked >= MAX_REASKS:
        ctx.end_step()
        return reply
    if reply.rest:
        ctx.set_step(step.name, data)  # the rest of the message is routed next, and asks it again after
        return reply
    data.reasked += 1
    ctx.set_step(step.name, data)
    return replace(reply, text=_join(reply.text, step.prompt(ctx)))


def _unreadable(msg: InboundMessage, ctx: Context) -> bool:
    """A short reply that is nothing else either: a garbled answer to the step, not a new message."""
    found = ctx.found
    if found is not None and found.intent not in ("greeting", "help") and found.confidence >= SURE:
        return False
    return not safety.has_substance(msg, ctx)


def _join(*texts: str) -> str:
    return "\n\n".join(t for t in texts if t)
