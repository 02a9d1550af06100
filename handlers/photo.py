"""Photos of a plate: logged from the caption, from a text sent soon after, or (with a key) by a
vision model in a job. A photo and its caption sent as two messages make one meal."""
from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from handlers import log_meal
from handlers.context import Context, InboundMessage, Reply
from handlers.family import find_child, named_stranger, names_of, not_our_child
from handlers.media import kind_of
from handlers.routes import Route, Step
from handlers.steps import PhotoWaiting
from storage import meals as meal_store
from storage.meals import Meal

IMAGE_TYPES = ("image/jpeg", "image/png", "image/webp")
PAIRING_WINDOW = timedelta(minutes=2)  # a caption and a photo this close together are one meal
ASK_AFTER = timedelta(minutes=10)


def first_image(msg: InboundMessage):
    return next((m for m in msg.media if m.content_type.startswith("image/")), None)


def handle(msg: InboundMessage, ctx: Context) -> Reply:
    image = first_image(msg)
    if image.content_type not in IMAGE_TYPES:
        return Reply("I can open JPEG, PNG and WEBP photos, not that format (iPhone HEIC, perhaps?). Could you "
                     "send it as a regular photo, or just text me what was on the plate?", "photo")
    children = ctx.children
    child, caption = find_child(ctx, msg.text)
    if child is None and (stranger := named_stranger(ctx, msg.text)):
        return Reply(not_our_child(ctx, stranger), "photo")
    if child is None:
        return Reply(f"Whose plate is that? Send the photo again with a caption like \"for {children[0].name}: "
                     f"pasta and peas\" ({names_of(children)}).", "photo")
    recent = meal_store.last_meal_logged_by(ctx.session, ctx.person.id)
    if not caption and recent is not None and recent.photo_url is None and recent.child_id == child.id \
            and ctx.now - recent.eaten_at <= PAIRING_WINDOW:
        recent.photo_url = image.url
        return Reply(f"Added the photo to {child.name}'s {recent.meal_type}.", "photo")
    if caption.strip():
        reply = log_meal.log_text(ctx, child, caption)
        latest = meal_store.last_meal_logged_by(ctx.session, ctx.person.id)
        if latest is not None and latest.inbound_id == ctx.settings.get("inbound_id"):
            latest.photo_url = image.url
        return Reply(reply, "photo")
    ctx.set_step("photo.describe", PhotoWaiting(inbound_id=ctx.settings.get("inbound_id"), child_id=child.id,
                                                url=image.url, at=ctx.now.isoformat()))
    if ctx.knowledge.llm() is not None:
        ctx.enqueue("analyze_photo", ctx.settings["inbound_id"], job_id=f"photo-{ctx.settings['inbound_id']}")
        return Reply(f"Got it, looking at {child.name}'s plate...", "photo")
    return Reply(f"Got the photo of {child.name}'s plate! I'll log it as soon as you text me what was on it.",
                 "photo")


def describe(msg: InboundMessage, ctx: Context, found: Any) -> Reply | None:
    """A text after a photo describes that photo: one meal, with the photo kept."""
    data = ctx.step_data(PhotoWaiting)
    if found is not None and found.intent not in ("log_meal", "greeting", "undo") and found.confidence >= 0.6:
        return None  # a question or a command; the photo can still be described later
    if _photo_meal(ctx, data.inbound_id) is not None:
        ctx.end_step()
        return None
    child = next((c for c in ctx.children if c.id == data.child_id), None)
    named, _ = find_child(ctx, msg.text) if len(ctx.children) > 1 else (None, "")
    if child is None or (named is not None and named.id != child.id) or named_stranger(ctx, msg.text):
        return None  # about another child: not this photo
    if not log_meal.mentions_food(ctx, child, msg.text):
        return None
    ctx.end_step()
    reply = log_meal.log_text(ctx, child, msg.text)
    latest = meal_store.last_meal_logged_by(ctx.session, ctx.person.id)
    if latest is not None and latest.photo_url is None:
        latest.photo_url = data.url
        latest.inbound_id = data.inbound_id
    return Reply(reply, "photo")


def confirm(msg: InboundMessage, ctx: Context, found: Any) -> Reply | None:
    """After a low-confidence guess: YES logs the guess, anything meal-like replaces it."""
    if msg.text.strip().lower().strip(".!") in ("yes", "y", "yep", "yeah", "correct", "right", "ok"):
        proposal = ctx.step_data(PhotoWaiting).proposal
        return describe(InboundMessage(msg.channel, msg.sender, proposal, msg.sid), ctx, None)
    return describe(msg, ctx, found)


def _photo_meal(ctx: Context, inbound_id: int | None) -> Meal | None:
    if inbound_id is None:
        return None
    from sqlalchemy import select

    return ctx.session.scalars(select(Meal).where(Meal.inbound_id == inbound_id)).first()


def stale(data: PhotoWaiting, now: datetime) -> bool:
    """A photo step that has waited ASK_AFTER without a description and wasn't asked about yet."""
    return bool(data.at) and not data.asked and now - datetime.fromisoformat(data.at) >= ASK_AFTER


def _ask(ctx: Context) -> str:
    child = next((c for c in ctx.children if c.id == ctx.step_data(PhotoWaiting).child_id), None)
    return f"What was on {child.name}'s plate in your photo?" if child else "What was on the plate in your photo?"


def _confirm_again(ctx: Context) -> str:
    return f"Was the photo {ctx.step_data(PhotoWaiting).proposal}? Reply YES or tell me what it was."


def _claims(msg: InboundMessage, ctx: Context, found: Any) -> bool:
    return kind_of(msg) == "image" and bool(ctx.children)


ROUTE = Route("photo", handle, claim=_claims, priority=90, breakout=True, label=False,
              steps=(Step("photo.describe", describe, _ask, PhotoWaiting),
                     Step("photo.confirm", confirm, _confirm_again, PhotoWaiting)))
