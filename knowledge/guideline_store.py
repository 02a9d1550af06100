"""The Chroma store of guideline passages: one loader that writes it, a searcher that reads it.

Only `sync_passages` writes (run from the `knowledge load` command); web and worker processes
open the same store and only call `GuidelineStore.search`. A local `PersistentClient` is not safe
for several writers, and a reading process does not see a later load by another process (its
queries fail until it restarts): load before starting web and workers, or point every process
at a Chroma server (`chroma_host`).
"""
from __future__ import annotations

import logging
import re
from dataclasses import asdict, dataclass
from typing import Any, Iterable

import chromadb
from chromadb.config import Settings
from chromadb.errors import ChromaError

from knowledge.asking import ReadQuestion, read_question
from knowledge.embedding_function import MiniLMEmbeddingFunction
from knowledge.guidelines_corpus import Passage
from knowledge.passage_index import PassageIndex

logger = logging.getLogger(__name__)

COLLECTION = "guidelines"
_WORD = re.compile(r"[a-z0-9]+")
_STOPWORDS = frozenset(
    "a about after an and any are at be before best can could did do does eat eating feed food foods "
    "for from get give giving got had has have he her him his how i if in is it its just keep know lot "
    "make many me month months more much my of ok okay on one only or old our out put really she "
    "should so some still take than that the their them they this to too try until us was we what "
    "when where which who why will with would year years yet you your baby babies child kid toddler "
    "very always now ago son daughter"
    .split()
)


@dataclass(frozen=True)
class Hit:
    """One passage found for a question; score is cosine similarity clipped to [0, 1].

    rank is the fused ranking score (similarity plus word, topic and answer-kind lifts).
    """

    id: str
    text: str
    source: str
    url: str
    score: float
    rank: float = 0.0

    def as_dict(self) -> dict[str, Any]:
        """Return a JSON-able dict."""
        return asdict(self)


@dataclass(frozen=True)
class SyncReport:
    """What one load changed in the store."""

    added: int
    updated: int
    removed: int
    unchanged: int

    def __str__(self) -> str:
        return (f"added {self.added}, updated {self.updated}, "
                f"removed {self.removed}, unchanged {self.unchanged}")


def open_client(chroma_path: str | None, chroma_host: str | None = None, chroma_port: int = 8000):
    """Open a Chroma server client when a host is given, else a local persistent store."""
    settings = Settings(anonymized_telemetry=False)
    if chroma_host:
        return chromadb.HttpClient(host=chroma_host, port=chroma_port, settings=settings)
    if not chroma_path:
        raise ValueError("set a Chroma path (local store) or a Chroma host")
    return chromadb.PersistentClient(path=chroma_path, settings=settings)


def _collection(client, create: bool):
    """Get (or create) the guidelines collection, always with our offline embedding function."""
    ef = MiniLMEmbeddingFunction()
    if create:
        return client.get_or_create_collection(
            COLLECTION, embedding_function=ef, configuration={"hnsw": {"space": "cosine"}}
        )
    return client.get_collection(COLLECTION, embedding_function=ef)


def sync_passages(client, passages: Iterable[Passage]) -> SyncReport:
    """Make the store hold exactly these passages, touching only those that changed."""
    passages = list(passages)
    collection = _collection(client, create=True)
    stored = collection.get(include=["metadatas"])
    stored_hash = {
        id_: (meta or {}).get("content_hash") for id_, meta in zip(stored["ids"], stored["metadatas"])
    }
    changed = [p for p in passages if stored_hash.get(p.id) != p.content_hash]
    if changed:
        collection.upsert(
            ids=[p.id for p in changed],
            documents=[p.text for p in changed],
            metadatas=[_metadata(p) for p in changed],
        )
    wanted = {p.id for p in passages}
    removed = [id_ for id_ in stored_hash if id_ not in wanted]
    if removed:
        collection.delete(ids=removed)
    added = sum(1 for p in changed if p.id not in stored_hash)
    report = SyncReport(added, len(changed) - added, len(removed), len(passages) - len(changed))
    logger.info("guideline store synced: %s", report)
    return report


def _metadata(passage: Passage) -> dict[str, Any]:
    """Flatten a passage's fields into Chroma metadata (scalars only)."""
    return {
        "source": passage.source,
        "url": passage.url,
        "min_months": passage.min_months,
        "max_months": passage.max_months,
        "topics": ", ".join(passage.topics),
        "content_hash": passage.content_hash,
    }


class GuidelineStore:
    """Find the guideline passages that best answer a parent's question (read only).

    The stored passages and their vectors are read from Chroma once, on the first search, into a
    `PassageIndex` (BM25 plus vectors in memory); later loads by `knowledge load` are seen after
    a restart, as with any local Chroma reader.
    """

    def __init__(self, client, rerank: bool = True) -> None:
        self._client = client
        self._rerank = rerank
        self._col = None
        self._index: PassageIndex | None = None

    def _get_collection(self):
        """Open the collection once; None while the store has not been loaded yet."""
        if self._col is None:
            try:
                self._col = _collection(self._client, create=False)
            except (ChromaError, ValueError) as exc:  # NotFoundError (ValueError before 1.0)
                logger.warning("guideline store not loaded yet: %s", exc)
                return None
        return self._col

    def _get_index(self) -> PassageIndex | None:
        """Read every passage and vector from the store into memory, once it holds any."""
        if self._index is None:
            col = self._get_collection()
            if col is None:
                return None
            try:
                stored = col.get(include=["documents", "metadatas", "embeddings"])
            except ChromaError:
                logger.exception("guideline store could not be read; if `knowledge load` ran while "
                                 "this process was up, restart it (a local store is read once per process)")
                return None
            if not stored["ids"]:
                return None
            passages = [
                Passage(id_, text, meta["source"], meta["url"], int(meta["min_months"]), int(meta["max_months"]),
                        tuple(t.strip() for t in meta.get("topics", "").split(",") if t.strip()),
                        meta.get("content_hash", ""))
                for id_, text, meta in zip(stored["ids"], stored["documents"], stored["metadatas"])
            ]
            self._index = PassageIndex(passages, stored["embeddings"])
        return self._index

    def count(self) -> int:
        """Count the stored passages (0 when the store is not loaded)."""
        col = self._get_collection()
        return col.count() if col is not None else 0

    def read(self, question: str | ReadQuestion) -> ReadQuestion:
        """Read a message as a question, its focus anchored to the story's subject when it names none."""
        read = question if isinstance(question, ReadQuestion) else read_question(question)
        index = self._get_index() if read.context else None
        return index.anchored(read) if index is not None else read

    def search(self, question: str | ReadQuestion, age_months: int | None, k: int = 3) -> list[Hit]:
        """Return up to k passages for the question that apply at this age, best first."""
        read = self.read(question)
        if not read.focus.strip():
            return []
        index = self._get_index()
        if index is None:
            return []
        hits = []
        for ranked in index.rank(read, age_months, k, fuse=self._rerank):
            p = index.passages[ranked.index]
            hits.append(Hit(id=p.id, text=p.text, source=p.source, url=p.url,
                            score=round(ranked.similarity, 4), rank=round(ranked.rank, 4)))
        return hits


def content_words(text: str) -> list[str]:
    """Lowercase words of a text minus filler words, in the singular."""
    words = []
    for word in _WORD.findall(text.lower().replace("'s", "")):
        if word in _STOPWORDS or word.isdigit() or len(word) < 3:
            continue
        words.append(singular(word))
    return words


def singular(word: str) -> str:
    """Undo the common English plurals: berries, tomatoes, peaches, eggs (not 'glass')."""
    if len(word) <= 3 or not word.endswith("s") or word.endswith(("ss", "us", "is")):
        return word
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith(("oes", "ches", "shes", "xes")):
        return word[:-2]
    return word[:-1]


def format_hits(hits: list[Hit]) -> str:
    """Render hits for a terminal: rank, score, id, source and the start of the text."""
    if not hits:
        return "No matching passages."
    lines = []
    for rank, hit in enumerate(hits, 1):
        preview = hit.text if len(hit.text) <= 160 else hit.text[:157].rstrip() + "..."
        lines.append(f"{rank}. [{hit.score:.2f}] {hit.id} ({hit.source})\n   {preview}\n   {hit.url}")
    return "\n".join(lines)


def hits_as_json(hits: list[Hit]) -> list[dict[str, Any]]:
    """Return hits as a JSON-able list of dicts."""
    return [hit.as_dict() for hit in hits]
