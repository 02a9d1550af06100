"""Table-driven tests for the intent classifier: rules, kNN, the LLM fallback and the eval bar."""
from __future__ import annotations

import ast
from collections import Counter
from pathlib import Path

import pytest

from bot import intents
from bot.intents import INTENTS, Classification, classify, evaluate, load_labelled

ROOT = Path(__file__).resolve().parents[2]
EVAL_PATH = ROOT / "tests" / "data" / "intent_eval.tsv"
CARRIER_OPT_OUT = ["STOP", "STOPALL", "UNSUBSCRIBE", "CANCEL", "END", "QUIT", "REVOKE", "OPTOUT"]


class RecordingLlm:
    """A fake LLM port that records every call and answers with a fixed string."""

    def __init__(self, answer: str | None) -> None:
        self.answer = answer
        self.calls: list[tuple[str, list[str]]] = []

    def __call__(self, text: str, choices: list[str]) -> str | None:
        self.calls.append((text, choices))
        return self.answer


@pytest.mark.parametrize("keyword", CARRIER_OPT_OUT)
@pytest.mark.parametrize("shape", ["{}", "  {} ", "{}.", "{}!!", "{} 🛑"])
def test_carrier_keyword_alone_opts_out(keyword: str, shape: str) -> None:
    for variant in (keyword, keyword.lower(), keyword.capitalize()):
        result = classify(shape.format(variant))
        assert (result.intent, result.source, result.confidence) == ("opt_out", "rule", 1.0)


@pytest.mark.parametrize(
    "text, intent",
    [
        ("stop stop stop", "opt_out"),
        ("Stop all", "opt_out"),
        ("START", "opt_in"),
        ("start", "opt_in"),
        (" Unstop! ", "opt_in"),
        ("UNSTOP", "opt_in"),
        ("HELP", "help"),
        ("help", "help"),
        ("Info", "help"),
        ("INFO?", "help"),
        ("?", "help"),
        ("???", "help"),
        ("help please", "help"),
        ("undo", "undo"),
        ("UNDO!", "undo"),
        ("summary pls", "summary"),
        ("streak?", "streak"),
        ("join 4821", "caregiver"),
        ("JOIN #55210", "caregiver"),
        ("", "greeting"),
        ("   ", "greeting"),
        ("👋", "greeting"),
        ("👍🏻👍🏻", "greeting"),
    ],
)
def test_rules(text: str, intent: str) -> None:
    assert classify(text) == Classification(intent, 1.0, "rule")


@pytest.mark.parametrize(
    "text",
    ["we must stop this", "stop the reminders", "cancel that meal", "can you stop", "stop eating",
     "the end of the week", "quit sugar?"],
)
def test_keyword_inside_a_sentence_is_not_an_opt_out(text: str) -> None:
    assert classify(text).intent != "opt_out"


@pytest.mark.parametrize(
    "text, intent",
    [
        ("Maya had ½ cup oatmeal and a banana", "log_meal"),
        ("ate half a pouch", "log_meal"),
        ("Leo had 2 scrambled eggs and toast", "log_meal"),
        ("can she have eggs yet?", "question"),
        ("is honey ok", "question"),
        ("plan meals for this week", "plan"),
        ("what should I give him for dinner", "plan"),
        ("invite grandma +1 555 123 4567", "caregiver"),
        ("remove the nanny", "caregiver"),
        ("what did she eat today", "summary"),
        ("how many days in a row", "streak"),
        ("actually it was 2 eggs", "undo"),
        ("correction: it was 1 banana not 2", "undo"),
        ("turn off reminders", "settings"),
        ("stop the reminders", "settings"),
        ("my daughter is allergic to peanuts", "profile"),
        ("rename Leo to Leon", "profile"),
        ("what can you do", "help"),
        ("thanks!", "greeting"),
        ("stop texting me", "opt_out"),
        ("unsubscribe me please", "opt_out"),
        ("I want messages again", "opt_in"),
        ("delete my account", "account"),
        ("export my data", "account"),
    ],
)
def test_knn(text: str, intent: str) -> None:
    result = classify(text)
    assert (result.intent, result.source) == (intent, "knn")
    assert 0.0 <= result.confidence <= 1.0


def _a_low_confidence_text() -> str:
    """Return a text the kNN stage is unsure about (checked, so the test states its premise)."""
    text = "can you stop"
    assert classify(text).confidence < intents.LLM_THRESHOLD
    return text


def test_llm_is_asked_only_when_unsure() -> None:
    llm = RecordingLlm("question")
    unsure = _a_low_confidence_text()
    sure = "delete my account"
    assert classify(sure).confidence >= intents.LLM_THRESHOLD

    assert classify(sure, llm=llm).source == "knn"
    assert classify("STOP", llm=llm).source == "rule"
    assert llm.calls == []

    result = classify(unsure, llm=llm)
    assert (result.intent, result.source) == ("question", "llm")
    assert llm.calls == [(unsure, list(INTENTS))]


def test_llm_threshold_decides_when_the_llm_is_called(monkeypatch: pytest.MonkeyPatch) -> None:
    llm = RecordingLlm("plan")
    monkeypatch.setattr(intents, "LLM_THRESHOLD", 1.01)
    assert classify("delete my account", llm=llm).intent == "plan"
    monkeypatch.setattr(intents, "LLM_THRESHOLD", 0.0)
    assert classify("can you stop", llm=llm).source == "knn"
    assert len(llm.calls) == 1


@pytest.mark.parametrize("answer", [None, "", "banana", "OPT_OUT", "log meal"])
def test_invalid_llm_answer_is_ignored(answer: str | None) -> None:
    text = _a_low_confidence_text()
    result = classify(text, llm=RecordingLlm(answer))
    assert result == classify(text)
    assert result.source == "knn"


def test_failing_llm_falls_back_to_knn() -> None:
    def broken(text: str, choices: list[str]) -> str | None:
        raise TimeoutError("LLM took too long")

    text = _a_low_confidence_text()
    assert classify(text, llm=broken) == classify(text)


def test_intents_are_the_fixed_fourteen() -> None:
    assert len(INTENTS) == len(set(INTENTS)) == 14
    assert {"log_meal", "opt_out", "opt_in", "account"} <= set(INTENTS)


def test_training_phrases_cover_every_intent() -> None:
    counts = Counter(intent for intent, _ in load_labelled(intents.PHRASES_PATH))
    assert {intent: n for intent, n in counts.items() if n < 25} == {}
    assert set(counts) == set(INTENTS)


def test_eval_set_is_big_enough_and_separate_from_training() -> None:
    rows = load_labelled(EVAL_PATH)
    counts = Counter(intent for intent, _ in rows)
    assert len(rows) >= 320
    assert {intent: counts[intent] for intent in INTENTS if counts[intent] < 15} == {}
    training = {intents.normalise_for_comparison(p) for _, p in load_labelled(intents.PHRASES_PATH)}
    overlap = [text for _, text in rows if intents.normalise_for_comparison(text) in training]
    assert overlap == []


def test_evaluate_reports_per_intent_and_errors(tmp_path: Path) -> None:
    path = tmp_path / "tiny.tsv"
    path.write_text("# comment\nopt_out\tSTOP\n\nhelp\tHELP\nundo\tINFO\n", encoding="utf-8")
    result = evaluate(path)
    assert result["overall"] == pytest.approx(2 / 3)
    assert result["per_intent"]["undo"] == {"n": 1, "correct": 0, "accuracy": 0.0}
    assert result["per_intent"]["opt_out"] == {"n": 1, "correct": 1, "accuracy": 1.0}
    assert result["errors"] == [("INFO", "undo", "help")]


def test_labelled_file_with_unknown_intent_is_rejected(tmp_path: Path) -> None:
    path = tmp_path / "bad.tsv"
    path.write_text("snack\t2 eggs\n", encoding="utf-8")
    with pytest.raises(ValueError, match="bad.tsv:1"):
        load_labelled(path)


def test_accuracy_on_the_eval_set_without_llm() -> None:
    result = evaluate(EVAL_PATH)
    assert result["overall"] >= 0.95, result["errors"]


@pytest.mark.parametrize("module", ["intents.py", "intents_eval.py"])
def test_classifier_imports_no_channel_or_llm_library(module: str) -> None:
    tree = ast.parse((ROOT / "bot" / module).read_text(encoding="utf-8"))
    imported = {alias.name.split(".")[0] for node in ast.walk(tree) if isinstance(node, ast.Import)
                for alias in node.names}
    imported |= {node.module.split(".")[0] for node in ast.walk(tree)
                 if isinstance(node, ast.ImportFrom) and node.module}
    assert imported & {"flask", "werkzeug", "twilio", "openai"} == set()
