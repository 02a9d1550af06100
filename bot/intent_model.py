"""The trained intent model: one logistic regression per intent over `bot.intent_features`.

Shipped as `intent_model.npz` (weights, biases, vocabulary, decision thresholds), refitted with
`python -m bot.intent_train`. Loading needs only numpy; scoring one message costs one MiniLM
embedding and a matrix product.
"""
from __future__ import annotations

import threading
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np

from bot.intent_features import features

MODEL_PATH = Path(__file__).with_name("intent_model.npz")


@dataclass(frozen=True)
class IntentModel:
    """Weights for `len(intents)` independent yes/no classifiers over the same features."""

    intents: tuple[str, ...]
    weights: np.ndarray  # (intents, features)
    bias: np.ndarray  # (intents,)
    vocabulary: dict[str, int]
    threshold: float  # a second intent is kept when its probability reaches this

    def probabilities(self, texts: list[str], embeddings: np.ndarray) -> np.ndarray:
        """P(intent present) for each text and intent, shape (texts, intents)."""
        x = features(texts, embeddings, self.vocabulary)
        return 1.0 / (1.0 + np.exp(-(x @ self.weights.T + self.bias)))

    def save(self, path: Path = MODEL_PATH) -> None:
        """Write the model as a compressed npz (no pickles)."""
        vocab = sorted(self.vocabulary, key=self.vocabulary.get)
        np.savez_compressed(path, intents=np.array(self.intents), weights=self.weights.astype(np.float32),
                            bias=self.bias.astype(np.float32), vocabulary=np.array(vocab, dtype=str),
                            threshold=np.array(self.threshold))

    @classmethod
    def load(cls, path: Path = MODEL_PATH) -> IntentModel:
        """Read a model written by `save`."""
        with np.load(path, allow_pickle=False) as data:
            vocab = [str(g) for g in data["vocabulary"]]
            return cls(tuple(str(i) for i in data["intents"]), data["weights"], data["bias"],
                       {g: i for i, g in enumerate(vocab)}, float(data["threshold"]))


_lock = threading.Lock()


@lru_cache(maxsize=1)
def _load_once() -> IntentModel:
    return IntentModel.load()


def shipped_model() -> IntentModel:
    """The model shipped beside this module, loaded once per process."""
    with _lock:
        return _load_once()
