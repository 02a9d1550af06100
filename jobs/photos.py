"""Photo and voice-note jobs: fetch the media from Twilio, understand it, answer via the outbox.

Jobs take the inbound message id and reload everything; running one twice logs one meal and
sends one message, because the meal is keyed by the inbound message and the outbox by its SID.
"""
from __future__ import annotations

import logging
from dataclasses import asdict

from sqlalchemy import select

from handlers import log_meal, photo
from handlers.context import InboundMessage, context_for, load_state
from handlers.steps import PhotoWaiting
from jobs.media import IMAGE_TYPES, MediaRefused, fetch
from jobs.outbox import queue_pending, send_outbound
from jobs.runtime import current
from jobs.tasks import record as record_tasks
from knowledge.llm import photo_items, transcribe
from storage import messages
from storage.meals import Meal
from storage.models import Child, Conversation, Inbound, Person

logger = logging.getLogger(__name__)
CONFIDENT = 0.7
AUDIO_TYPES = ("audio/",)


def _fetch(rt, url: str, types: tuple[str, ...]):
    return fetch(url, account_sid=rt.media.account_sid, auth_token=rt.media.auth_token,
                 api_base_url=rt.media.api_base_url, allowed_types=types)


def _portion_text(items: list[tuple[str, float | None, str | None]]) -> str:
    return ", ".join(" ".join(str(p) for p in (f"{a:g}" if a else None, unit, food) if p) for food, a, unit in items)


def analyze_photo(inbound_id: int) -> None:
    """Name the foods on a captionless plate photo with the vision model, then log or ask."""
    rt = current()
    with rt.sessions() as session, session.begin():
        inbound = session.get(Inbound, inbound_id)
        if inbound is None or inbound.person_id is None or not inbound.media:
            return
        if session.scalars(select(Meal.id).where(Meal.inbound_id == inbound_id)).first() is not None:
            return  # already logged: this job ran before
        person = session.get(Person, inbound.person_id)
        ctx = context_for(session, person, now=rt.clock(), knowledge=rt.knowledge, enqueue=rt.enqueue,
                          inbound_id=inbound_id, public_url=rt.public_url)
        waiting = ctx.step_data(PhotoWaiting)
        ctx.action = "log"  # only a child the sender may still log for (access can end meanwhile)
        child = next((c for c in ctx.children if c.id == waiting.child_id), None) \
            if ctx.step == "photo.describe" else None
        if child is None:
            return  # the parent described the photo already, or moved on
        body = _understand(rt, ctx, inbound, child)
        outbound_id = queue_pending(session, person=person, body=body, kind="result",
                                    key=f"photo:{inbound.sid}", now=rt.clock())
    if outbound_id:
        rt.enqueue(send_outbound, outbound_id)


def _understand(rt, ctx, inbound: Inbound, child: Child) -> str:
    """What to tell the parent about the photo; logs the meal when the model is sure."""
    media = inbound.media[0]
    try:
        fetched = _fetch(rt, media["url"], IMAGE_TYPES)
    except (MediaRefused, OSError) as exc:
        logger.warning("photo %s not fetched: %s", inbound.sid, exc)
        return f"I couldn't open that photo. Could you text me what was on {child.name}'s plate instead?"
    seen = photo_items(rt.knowledge.llm(), rt.knowledge.llm_model, fetched.data, fetched.content_type)
    if not seen or not seen[0]:
        return f"I couldn't make out the food in that photo. What was on {child.name}'s plate?"
    items, confidence = seen
    text = _portion_text(items)
    if confidence < CONFIDENT:
        waiting = ctx.step_data(PhotoWaiting)
        waiting.proposal = text
        ctx.set_step("photo.confirm", waiting)
        return f"Looks like {text}? Reply YES or tell me what it was."
    ctx.set_step(None)
    reply = log_meal.log_text(ctx, child, text)
    meal = ctx.session.scalars(select(Meal).where(Meal.child_id == child.id).order_by(Meal.id.desc())).first()
    if meal is not None and meal.photo_url is None:
        meal.photo_url, meal.inbound_id = media["url"], inbound.id
    return reply


def ask_about_stale_photos() -> int:
    """Once per photo: ask what was on the plate when nothing described it within 10 minutes."""
    rt = current()
    now, asked = rt.clock(), []
    with rt.sessions() as session, session.begin():
        waiting = session.scalars(select(Conversation).where(Conversation.step == "photo.describe")).all()
        for conv in waiting:
            data = load_state(PhotoWaiting, conv.data)
            if not photo.stale(data, now):
                continue
            data.asked = True
            conv.data = asdict(data)
            person = session.get(Person, conv.person_id)
            child = session.get(Child, data.child_id)
            name = child.name if child else "your child"
            outbound_id = queue_pending(
                session, person=person, kind="result", key=f"photo-ask:{data.inbound_id}", now=now,
                body=f"What was on {name}'s plate in the photo you sent? Text me and I'll log it.")
            if outbound_id:
                asked.append(outbound_id)
    for outbound_id in asked:
        rt.enqueue(send_outbound, outbound_id)
    return len(asked)


def transcribe_voice(inbound_id: int) -> None:
    """Turn a voice note into text and answer it as if it had been typed."""
    rt = current()
    with rt.sessions() as session, session.begin():
        inbound = session.get(Inbound, inbound_id)
        if inbound is None or inbound.person_id is None or not inbound.media:
            return
        if messages.outbound_by_key(session, f"voice:{inbound.sid}") is not None:
            return  # this note was answered already: the task ran before
        person = session.get(Person, inbound.person_id)
        jobs: list = []
        try:
            fetched = _fetch(rt, inbound.media[0]["url"], AUDIO_TYPES)
            text = transcribe(rt.knowledge.llm(), fetched.data, fetched.content_type)
        except (MediaRefused, OSError) as exc:
            logger.warning("voice note %s not fetched: %s", inbound.sid, exc)
            text = None
        if not text:
            body = "Sorry, I couldn't make out that voice note. Could you type it instead?"
        else:
            msg = InboundMessage(inbound.channel, inbound.sender, text, inbound.sid)
            ctx = context_for(session, person, now=rt.clock(), knowledge=rt.knowledge, inbound_id=inbound_id,
                              public_url=rt.public_url, enqueue=lambda job, *args, job_id=None: jobs.append((job, args, job_id)))
            body = rt.route(msg, ctx).text
            body = f"I heard: \"{text[:200]}\"\n{body}" if body else ""
            jobs = record_tasks(session, jobs, rt.clock(), default_key=f"voice:{inbound.sid}")
        outbound_id = (queue_pending(session, person=person, body=body, kind="result",
                                     key=f"voice:{inbound.sid}", now=rt.clock()) if body else None)
    if outbound_id:
        rt.enqueue(send_outbound, outbound_id)
    for job, args, job_id in jobs:
        rt.enqueue(job, *args, job_id=job_id)
