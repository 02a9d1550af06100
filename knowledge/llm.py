"""The optional LLM port: small structured calls that fail closed (None) on any error or timeout.

Every caller has a local answer ready; the LLM only ever improves on it, and never supplies a
safety answer or a nutrition number.
"""
from __future__ import annotations

import logging
from typing import Any, Literal, Sequence

from pydantic import BaseModel, create_model

logger = logging.getLogger(__name__)


def parse(client: Any, model: str, system: str, user: str | list[dict[str, Any]],
          schema: type[BaseModel]) -> BaseModel | None:
    """One structured chat completion; None on refusal, error or timeout."""
    if client is None:
        return None
    try:
        completion = client.chat.completions.parse(
            model=model, response_format=schema,
            messages=[{"role": "system", "content": system}, {"role": "user", "content": user}])
        return completion.choices[0].message.parsed
    except Exception as exc:  # the local engine answers instead
        logger.warning("LLM call failed: %s", type(exc).__name__)
        return None


def classify_intent(client: Any, model: str, text: str, intents: Sequence[str]) -> str | None:
    """Ask the LLM which of our intents a message is; None when it can't say."""
    choice = create_model("IntentChoice", intent=(Literal[tuple(intents)], ...))  # type: ignore[valid-type]
    system = ("You route text messages sent to a baby-feeding assistant. Reply with the single intent "
              "that fits best: " + ", ".join(intents) + ".")
    result = parse(client, model, system, text[:1000], choice)
    return getattr(result, "intent", None)


class _MealItem(BaseModel):
    food: str
    amount: float | None = None
    unit: str | None = None


class _MealItems(BaseModel):
    items: list[_MealItem]


def meal_items(client: Any, model: str, text: str) -> list[tuple[str, float | None, str | None]] | None:
    """Foods and portions named in a meal text; the food table supplies every number."""
    system = ("Extract the foods a young child ate from a parent's message. For each food give a plain "
              "food name (e.g. 'zucchini noodles'), the amount as a number if stated, and the unit "
              "(cup, tbsp, g, oz, piece, slice, jar, pouch, ...) if stated. Do not estimate nutrition.")
    result = parse(client, model, system, text[:1000], _MealItems)
    if result is None:
        return None
    return [(i.food, i.amount, i.unit) for i in result.items if i.food.strip()]


class _PhotoMeal(BaseModel):
    items: list[_MealItem]
    confidence: float


def photo_items(client: Any, model: str, image: bytes, content_type: str
                ) -> tuple[list[tuple[str, float | None, str | None]], float] | None:
    """Foods and portions a vision model sees on a child's plate, with its confidence (0-1)."""
    import base64

    system = ("You see a photo of a young child's plate or meal. List the foods you can see with a plain "
              "name and an estimated amount and unit (cup, tbsp, piece, slice, g). Set confidence between 0 "
              "and 1 for how sure you are of the foods. Do not estimate nutrition.")
    url = f"data:{content_type};base64,{base64.b64encode(image).decode()}"
    content = [{"type": "text", "text": "What is on this plate?"}, {"type": "image_url", "image_url": {"url": url}}]
    result = parse(client, model, system, content, _PhotoMeal)
    if result is None:
        return None
    items = [(i.food, i.amount, i.unit) for i in result.items if i.food.strip()]
    return items, max(0.0, min(1.0, result.confidence))


def transcribe(client: Any, audio: bytes, content_type: str, model: str = "whisper-1") -> str | None:
    """Speech to text for a voice note; None on any failure."""
    if client is None:
        return None
    extension = {"audio/ogg": "ogg", "audio/mpeg": "mp3", "audio/amr": "amr", "audio/aac": "aac",
                 "audio/mp4": "m4a", "audio/wav": "wav"}.get(content_type, "ogg")
    try:
        result = client.audio.transcriptions.create(model=model, file=(f"voice.{extension}", audio, content_type))
    except Exception as exc:
        logger.warning("transcription failed: %s", type(exc).__name__)
        return None
    text = getattr(result, "text", "") or ""
    return text.strip() or None
