"""The optional LLM port: small structured calls that fail closed (None) on any error or timeout.

Every caller has a local answer ready; the LLM only ever improves on it, and never supplies a
safety answer or a nutrition number.
"""
from __future__ import annotations

import logging
from typing import Any, Literal, Sequence

from pydantic import BaseModel, create_model

logger = logging.getLogger(__name__)


def parse(client: Any, model: str, system: str, user: str, schema: type[BaseModel]) -> BaseModel | None:
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
