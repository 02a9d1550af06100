"""The knowledge a handler may ask for, each piece built lazily once per process."""
from __future__ import annotations

import logging
import threading
from typing import Any

from sqlalchemy.orm import sessionmaker

logger = logging.getLogger(__name__)


class Library:
    """Food table, guideline store and LLM client behind one small port with local defaults."""

    def __init__(self, sessions: sessionmaker, *, chroma_path: str, chroma_host: str | None = None,
                 chroma_port: int = 8000, openai_api_key: str | None = None,
                 openai_base_url: str | None = None, openai_model: str = "gpt-4o-mini",
                 openai_timeout: float = 8.0) -> None:
        self._sessions = sessions
        self.chroma = (chroma_path, chroma_host, chroma_port)
        self.openai = (openai_api_key, openai_base_url, openai_model, openai_timeout)
        self._lock = threading.Lock()
        self._cache: dict[str, Any] = {}

    def _once(self, name: str, build) -> Any:
        if name not in self._cache:
            with self._lock:
                if name not in self._cache:
                    self._cache[name] = build()
        return self._cache[name]

    def food_table(self) -> Any:
        from knowledge.foods import FoodTable

        def build():
            with self._sessions() as session:
                return FoodTable.from_session(session)
        return self._once("foods", build)

    def guidelines(self) -> Any:
        from knowledge.guideline_store import GuidelineStore, open_client

        path, host, port = self.chroma
        return self._once("guidelines", lambda: GuidelineStore(open_client(path, host, port)))

    def llm(self) -> Any:
        """An OpenAI client when a key is configured, else None (the local engine answers)."""
        key, base_url, _, timeout = self.openai
        if not key:
            return None

        def build():
            from openai import OpenAI

            return OpenAI(api_key=key, base_url=base_url, timeout=timeout, max_retries=0)
        return self._once("llm", build)

    @property
    def llm_model(self) -> str:
        return self.openai[2]

    @property
    def llm_timeout(self) -> float:
        return self.openai[3]
