"""The offline MiniLM (knowledge.embeddings) as a registered Chroma embedding function.

Chroma 1.x stores the embedding function's name and config with a collection and rebuilds it
from `known_embedding_functions` when the collection is reopened. Registering ours under its
own name means a reopened "guidelines" collection embeds queries with the same offline model,
never with Chroma's default ONNX function, which downloads its model on first use.
"""
from __future__ import annotations

from typing import Any

from chromadb.api.types import Documents, EmbeddingFunction, Embeddings, Space
from chromadb.utils.embedding_functions import register_embedding_function

from knowledge.embeddings import DIMENSIONS, embed

MODEL = "all-MiniLM-L6-v2-int8"


@register_embedding_function
class MiniLMEmbeddingFunction(EmbeddingFunction[Documents]):
    """Embed documents and queries with the local int8 all-MiniLM-L6-v2."""

    def __init__(self) -> None:
        """Hold nothing: the model is loaded once per process by knowledge.embeddings."""

    def __call__(self, input: Documents) -> Embeddings:
        """Return one L2-normalised 384-d vector per text."""
        return list(embed(list(input)))

    @staticmethod
    def name() -> str:
        """Name the function in collection configs; must stay stable once data is stored."""
        return "tinytummy_minilm_int8"

    def get_config(self) -> dict[str, Any]:
        """Describe the model so a reopened collection can check it is the same one."""
        return {"model": MODEL, "dimensions": DIMENSIONS}

    @staticmethod
    def build_from_config(config: dict[str, Any]) -> "MiniLMEmbeddingFunction":
        """Rebuild from a stored config (refusing one made with another model)."""
        MiniLMEmbeddingFunction.validate_config(config)
        return MiniLMEmbeddingFunction()

    @staticmethod
    def validate_config(config: dict[str, Any]) -> None:
        """Refuse configs stored by a different model or size."""
        if config.get("model", MODEL) != MODEL or config.get("dimensions", DIMENSIONS) != DIMENSIONS:
            raise ValueError(f"collection was embedded with {config}, not {MODEL}/{DIMENSIONS}")

    def validate_config_update(self, old_config: dict[str, Any], new_config: dict[str, Any]) -> None:
        """Refuse switching a collection to another model in place."""
        self.validate_config(new_config)

    def default_space(self) -> Space:
        """Vectors are normalised, so cosine is the natural distance."""
        return "cosine"

    def supported_spaces(self) -> list[Space]:
        """Any of Chroma's spaces ranks normalised vectors the same way."""
        return ["cosine", "ip", "l2"]
