"""The Chroma guideline store on a real local PersistentClient (and a loopback Chroma server)."""
import dataclasses
import hashlib
import json
import socket
import statistics
import subprocess
import sys
import time
import urllib.request
import warnings
from pathlib import Path

import pytest

from knowledge.guideline_store import (
    COLLECTION, GuidelineStore, SyncReport, format_hits, hits_as_json, open_client, sync_passages,
)
from knowledge.guidelines_corpus import DEFAULT_FOLDER, load_passages
from knowledge.guidelines_eval import evaluate, read_questions, run

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "tests" / "data" / "guidelines_sample"
SAMPLE_QUESTIONS = SAMPLE / "questions.tsv"
QUESTIONS = ROOT / "tests" / "data" / "guideline_questions.tsv"


@pytest.fixture(autouse=True)
def no_default_embedding_function(monkeypatch):
    """Fail loudly if anything falls back to Chroma's default (downloading) ONNX model."""
    from chromadb.utils.embedding_functions import onnx_mini_lm_l6_v2

    def refuse(*args, **kwargs):
        raise AssertionError("Chroma's default embedding function was used")

    monkeypatch.setattr(onnx_mini_lm_l6_v2.ONNXMiniLM_L6_V2, "__call__", refuse)
    monkeypatch.setattr(onnx_mini_lm_l6_v2.ONNXMiniLM_L6_V2, "_download_model_if_not_exists", refuse)


@pytest.fixture
def sample():
    return load_passages(SAMPLE)


@pytest.fixture
def client(tmp_path):
    return open_client(str(tmp_path / "chroma"), None)


@pytest.fixture(scope="module")
def loaded_store(tmp_path_factory):
    client = open_client(str(tmp_path_factory.mktemp("chroma")), None)
    sync_passages(client, load_passages(SAMPLE))
    return GuidelineStore(client)


def edited(passage, text):
    new_hash = hashlib.sha256(text.encode()).hexdigest()
    return dataclasses.replace(passage, text=text, content_hash=new_hash)


def test_sync_is_idempotent(client, sample):
    assert sync_passages(client, sample) == SyncReport(added=9, updated=0, removed=0, unchanged=0)
    assert sync_passages(client, sample) == SyncReport(added=0, updated=0, removed=0, unchanged=9)
    assert GuidelineStore(client).count() == 9


def test_sync_stores_metadata_for_filtering_and_change_detection(client, sample):
    sync_passages(client, sample)

    stored = client.get_collection(COLLECTION).get(ids=["honey-under-one"], include=["metadatas"])
    assert stored["metadatas"][0] == {
        "source": "CDC", "url": sample[1].url, "min_months": 0, "max_months": 12,
        "topics": "honey, botulism, foods to avoid", "content_hash": sample[1].content_hash,
    }


def test_editing_one_passage_updates_only_that_one(client, sample):
    sync_passages(client, sample)
    changed = [edited(p, "Honey is a sweet trap for tiny tummies: none before 12 months.")
               if p.id == "honey-under-one" else p for p in sample]

    assert sync_passages(client, changed) == SyncReport(added=0, updated=1, removed=0, unchanged=8)
    [hit] = GuidelineStore(client).search("honey", 8, k=1)
    assert hit.id == "honey-under-one" and hit.text.startswith("Honey is a sweet trap")


def test_removed_passages_are_deleted(client, sample):
    sync_passages(client, sample)
    kept = [p for p in sample if p.id != "juice-limits"]

    assert sync_passages(client, kept) == SyncReport(added=0, updated=0, removed=1, unchanged=8)
    store = GuidelineStore(client)
    assert store.count() == 8
    assert "juice-limits" not in [h.id for h in store.search("fruit juice", 24, k=8)]


def test_age_filter_keeps_passages_out_of_their_range(loaded_store):
    at_30 = [h.id for h in loaded_store.search("Can my baby drink water from a cup?", 30, k=9)]
    at_9 = [h.id for h in loaded_store.search("Can my baby drink water from a cup?", 9, k=9)]

    assert "water-for-babies" not in at_30  # passage is for 6-12 months
    assert "honey-under-one" not in at_30
    assert at_9[0] == "water-for-babies"
    assert {"cows-milk-after-one", "juice-limits", "picky-eating-toddlers"}.isdisjoint(at_9)


def test_no_age_means_no_filter_and_scores_are_similarities(loaded_store):
    hits = loaded_store.search("Can my baby have honey?", None, k=9)

    assert len(hits) == 9
    assert hits[0].id == "honey-under-one" and hits[0].source == "CDC"
    assert all(0.0 <= h.score <= 1.0 for h in hits)
    assert hits[0].score > 0.6 > hits[-1].score


def test_reopened_collection_uses_the_registered_offline_function(client, sample):
    sync_passages(client, sample)

    with warnings.catch_warnings():
        warnings.simplefilter("error")
        collection = client.get_collection(COLLECTION)  # no embedding function passed
        result = collection.query(query_texts=["Can my baby have honey?"], n_results=1)

    assert result["ids"][0] == ["honey-under-one"]
    config = collection.configuration_json["embedding_function"]
    assert config["name"] == "tinytummy_minilm_int8"
    assert collection.configuration_json["hnsw"]["space"] == "cosine"


def test_search_before_any_load_finds_nothing(client):
    store = GuidelineStore(client)

    assert store.search("Can my baby have honey?", 8) == []
    assert store.count() == 0


WRITER = """
import sys
from knowledge.guideline_store import open_client, sync_passages
from knowledge.guidelines_corpus import load_passages
print(sync_passages(open_client(sys.argv[1], None), load_passages(sys.argv[2])))
"""


READER = """
import sys
from knowledge.guideline_store import GuidelineStore, open_client
print(GuidelineStore(open_client(sys.argv[1], None)).search(sys.argv[2], 14)[0].id)
"""


def test_a_reader_keeps_answering_from_what_it_read_when_another_process_loads(tmp_path, sample):
    path = str(tmp_path / "chroma")
    reader = GuidelineStore(open_client(path, None))
    sync_passages(open_client(path, None), sample[:5])
    assert reader.search("Can my baby have honey?", 8, k=1)[0].id == "honey-under-one"

    loaded = subprocess.run([sys.executable, "-c", WRITER, path, str(SAMPLE)], cwd=ROOT,
                            capture_output=True, text=True, check=True)

    assert loaded.stdout.strip() == "added 4, updated 0, removed 0, unchanged 5"
    # The passages were read into memory once: the reader still answers, from the first five,
    # until it restarts (a new process sees all nine).
    assert reader.search("Can my baby have honey?", 8, k=1)[0].id == "honey-under-one"
    assert {h.id for h in reader.search("How should I cut grapes?", 14, k=9)} <= {p.id for p in sample[:5]}
    restarted = subprocess.run([sys.executable, "-c", READER, path, "How should I cut grapes?"], cwd=ROOT,
                               capture_output=True, text=True, check=True)
    assert restarted.stdout.strip() == "choking-hazards"


def test_hits_render_for_the_terminal_and_as_json(loaded_store):
    hits = loaded_store.search("How should I cut grapes?", 14)

    text = format_hits(hits)
    assert text.startswith("1. [") and "choking-hazards (CDC)" in text
    as_json = json.loads(json.dumps(hits_as_json(hits)))
    assert as_json[0]["id"] == "choking-hazards"
    assert set(as_json[0]) == {"id", "text", "source", "url", "score", "rank"}
    assert format_hits([]) == "No matching passages."


def test_warm_search_p50_is_under_50_ms(loaded_store):
    questions = [q.question for q in read_questions(SAMPLE_QUESTIONS)]
    loaded_store.search(questions[0], 12)
    timings = []
    for question in questions:
        started = time.perf_counter()
        loaded_store.search(question, 12)
        timings.append((time.perf_counter() - started) * 1000)

    assert statistics.median(timings) < 50


def test_sample_questions_hit_rate():
    result = run(SAMPLE, SAMPLE_QUESTIONS, k=3)

    assert result.hit_rate >= 0.90, [m[0].question for m in result.misses]


needs_labels = pytest.mark.skipif(not QUESTIONS.exists(),
                                  reason="tests/data/guideline_questions.tsv is not written yet")


@pytest.fixture(scope="module")
def real_store(tmp_path_factory):
    client = open_client(str(tmp_path_factory.mktemp("real")), None)
    sync_passages(client, load_passages(DEFAULT_FOLDER))
    return GuidelineStore(client)


@needs_labels
def test_labelled_questions_top3_hit_rate_on_the_real_corpus(real_store):
    result = evaluate(real_store, read_questions(QUESTIONS), k=3)

    assert result.hit_rate >= 0.90, "\n".join(f"{q.question!r} -> {ids}" for q, ids in result.misses)
    assert statistics.median(result.latencies_ms) < 50


NOT_FEEDING = ["What's the weather tomorrow?", "How do I fix my car?", "What vaccines are due at 12 months?",
               "When will she start walking?", "how do I potty train", "how much screen time is ok",
               "how do I get him to sleep through the night", "what time should bedtime be", "thanks!"]


@needs_labels
def test_composer_answers_labelled_questions_and_declines_others(real_store):
    from knowledge.answers import compose_answer

    store = real_store
    questions = read_questions(QUESTIONS)
    answered = [compose_answer(q.question, store.search(q.question, q.age_months), None, None, [])
                for q in questions]
    assert sum(a is not None for a in answered) >= 0.9 * len(questions)  # 168/176 when written
    assert all(len(a) <= 480 and a.isascii() for a in answered if a)
    for text in NOT_FEEDING:
        assert compose_answer(text, store.search(text, 12), None, None, []) is None, text


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="module")
def chroma_server(tmp_path_factory):
    """Run `chroma run` on a loopback port for the HttpClient path; stop it afterwards."""
    port = free_port()
    argv = ["chroma", "run", "--path", str(tmp_path_factory.mktemp("server")),
            "--host", "127.0.0.1", "--port", str(port)]
    code = f"import sys; from chromadb.cli.cli import app; sys.argv = {argv!r}; app()"
    server = subprocess.Popen([sys.executable, "-c", code],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 20
        while True:
            try:
                urllib.request.urlopen(f"http://127.0.0.1:{port}/api/v2/heartbeat", timeout=1)
                break
            except OSError:
                if server.poll() is not None or time.monotonic() > deadline:
                    pytest.skip("could not start a local Chroma server")
                time.sleep(0.2)
        yield port
    finally:
        server.terminate()
        server.wait(timeout=10)


def test_http_client_against_a_loopback_chroma_server(chroma_server, sample):
    client = open_client(None, "127.0.0.1", chroma_server)

    assert sync_passages(client, sample).added == 9
    assert sync_passages(client, sample).unchanged == 9
    [hit] = GuidelineStore(open_client(None, "127.0.0.1", chroma_server)).search("honey", 8, k=1)
    assert hit.id == "honey-under-one"


def test_open_client_needs_a_path_or_a_host():
    with pytest.raises(ValueError, match="Chroma path"):
        open_client(None, None)
