"""The local composer answers feeding questions and declines ones the corpus doesn't cover."""
from __future__ import annotations

import pytest

from knowledge.answers import compose_answer
from knowledge.guideline_store import GuidelineStore, open_client


@pytest.fixture(scope="module")
def store(chroma_path):
    return GuidelineStore(open_client(chroma_path))


@pytest.mark.parametrize("question", ["when should she start walking?", "what vaccines does she need?",
                                      "how do i potty train her?"])
def test_uncovered_questions_get_no_answer(store, question):
    assert compose_answer(question, store.search(question, 8), "Maya", "8 months", []) is None


@pytest.mark.parametrize("question", ["when can she start solids?", "what is the best first food?",
                                      "is it normal for her to gag?"])
def test_covered_questions_sharing_those_words_still_get_one(store, question):
    answer = compose_answer(question, store.search(question, 8), "Maya", "8 months", [])
    assert answer and "Source: " in answer
