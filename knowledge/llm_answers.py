"""Answer from the retrieved passages with an OpenAI-compatible model, or None so the caller falls back.

The model sees the passages only and must name its source; a reply that says NOT_COVERED, fails or
times out gives None, and the local composer (`knowledge.answers.compose_answer`) answers instead.
"""
from __future__ import annotations

import logging
from typing import Any

from knowledge.answer_text import fit, gsm_safe
from knowledge.guideline_store import Hit

logger = logging.getLogger(__name__)

HARD_LIMIT = 480  # an LLM answer, checked before it is sent on either channel
NOT_COVERED = "NOT_COVERED"

SYSTEM_PROMPT = """You are TinyTummy, a warm, plain-spoken feeding helper for parents of children \
aged 6 months to 5 years, answering by SMS or WhatsApp.
Answer the parent's question using ONLY the numbered guideline passages below; do not add facts, \
numbers or advice that are not in them, and do not diagnose.
Write plain text (no markdown, lists or emoji), at most 450 characters, then end with a last line \
"Source: <source name of the passage you used>".
If the passages do not answer the question, reply exactly NOT_COVERED and nothing else.

Passages:
{passages}

About the child: {child}"""
MAX_HISTORY_TURNS = 6


def llm_answer(client_factory: Any, question: str, hits: list[Hit], child_context: str,
               history: list[tuple[str, str]], model: str, timeout: float) -> str | None:
    """Ask an OpenAI-compatible model to answer from the passages; None if it can't or fails.

    client_factory is an `openai.OpenAI` instance or a no-argument callable returning one.
    history holds earlier (role, text) turns, role "user" or "assistant", oldest first.
    """
    if not hits:
        return None
    try:
        client = client_factory if hasattr(client_factory, "chat") else client_factory()
        client = client.with_options(timeout=timeout, max_retries=0)
        # No temperature or max_tokens: reasoning models refuse them; the timeout bounds the call
        # and _clean_llm_reply bounds the length.
        response = client.chat.completions.create(
            model=model, messages=build_messages(question, hits, child_context, history)
        )
        content = response.choices[0].message.content
    except Exception as exc:  # timeouts, HTTP errors, bad payloads: the caller falls back
        logger.warning("LLM answer failed (%s): %s", type(exc).__name__, exc)
        return None
    return _clean_llm_reply(content, hits)


def build_messages(question: str, hits: list[Hit], child_context: str,
                   history: list[tuple[str, str]]) -> list[dict[str, str]]:
    """Build the chat messages: rules and passages, recent turns, then the question."""
    passages = "\n\n".join(f"[{n}] Source: {hit.source}\n{hit.text}" for n, hit in enumerate(hits, 1))
    system = SYSTEM_PROMPT.format(passages=passages, child=child_context.strip() or "not given")
    turns = [{"role": role, "content": text} for role, text in history[-MAX_HISTORY_TURNS:]
             if role in ("user", "assistant") and text]
    return [{"role": "system", "content": system}, *turns, {"role": "user", "content": question}]


def _clean_llm_reply(content: str | None, hits: list[Hit]) -> str | None:
    """Refuse empty or NOT_COVERED replies; make the rest SMS-safe, short and sourced."""
    text = gsm_safe((content or "").strip())
    if not text or NOT_COVERED in text:
        return None
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    if not lines[-1].lower().startswith(("source:", "sources:")):
        lines.append(f"Source: {hits[0].source}")
    return fit("\n".join(lines), HARD_LIMIT)
