"""Photos of a plate: logged from the caption, from a text sent soon after, or (with a key) by a
vision model in a job. A photo and its caption sent as two messages make one meal."""
from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from handlers import log_meal
from handlers.context import Context, InboundMessage, Reply
from handlers.family import find_child, names_of
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
    ctx.set_step("photo.describe", inbound_id=ctx.settings.get("inbound_id"), child_id=child.id, url=image.url,
                 at=ctx.now.isoformat(), asked=False)
    if ctx.knowledge.llm() is not None:
        from jobs.photos import analyze_photo

        ctx.enqueue(analyze_photo, ctx.settings["inbound_id"], job_id=f"photo-{ctx.settings['inbound_id']}")
        return Reply(f"Got it, looking at {child.name}'s plate...", "photo")
    return Reply(f"Got the photo of {child.name}'s plate! I'll log it as soon as you text me what was on it.",
                 "photo")


def describe(msg: InboundMessage, ctx: Context, found: Any) -> Reply | None:
    """A text after a photo describes that photo: one meal, with the photo kept."""
    data = ctx.conversation.data or {}
    if found is not None and found.intent not in ("log_meal", "greeting", "undo") and found.confidence >= 0.6:
        return None  # a question or a command; the photo can still be described later
    if _photo_meal(ctx, data.get("inbound_id")) is not None:
        ctx.set_step(None)
        return None
    child = next((c for c in ctx.children if c.id == data.get("child_id")), None)
    ctx.set_step(None)
    if child is None:
        return None
    reply = log_meal.log_text(ctx, child, msg.text)
    latest = meal_store.last_meal_logged_by(ctx.session, ctx.person.id)
    if latest is not None and latest.photo_url is None:
        latest.photo_url = data.get("url")
        latest.inbound_id = data.get("inbound_id")
    return Reply(reply, "photo")


def confirm(msg: InboundMessage, ctx: Context, found: Any) -> Reply | None:
    """After a low-confidence guess: YES logs the guess, anything meal-like replaces it."""
    data = ctx.conversation.data or {}
    if msg.text.strip().lower().strip(".!") in ("yes", "y", "yep", "yeah", "correct", "right", "ok"):
        proposal = data.get("proposal", "")
        return describe(InboundMessage(msg.channel, msg.sender, proposal, msg.sid), ctx, None)
    return describe(msg, ctx, found)


def _photo_meal(ctx: Context, inbound_id: int | None) -> Meal | None:
    if inbound_id is None:
        return None
    from sqlalchemy import select

    return ctx.session.scalars(select(Meal).where(Meal.inbound_id == inbound_id)).first()


def stale(data: dict, now: datetime) -> bool:
    """A photo step that has waited ASK_AFTER without a description and wasn't asked about yet."""
    at = data.get("at")
    return bool(at) and not data.get("asked") and now - datetime.fromisoformat(at) >= ASK_AFTER


STEPS = {"photo.describe": describe, "photo.confirm": confirm}
