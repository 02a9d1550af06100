"""Each family of real-life passages is found by a question asked the way parents ask it.

The passages in knowledge/guidelines/*-real-life.md answer what parents tell as stories (a gap in
giving an allergen, gagging on lumps, a toddler who skips dinner, a trip abroad); these questions,
in our own phrasing, must bring the passage into the top three for the child's age, and the local
answer must carry its key fact.
"""
from __future__ import annotations

import pytest

from knowledge.answering import answer_locally
from knowledge.guideline_store import GuidelineStore, open_client, sync_passages
from knowledge.guidelines_corpus import load_passages

FAMILY_QUESTIONS = [  # (question, age in months, passage id, a phrase the answer must carry)
    ("we gave egg a couple of times then stopped for 2 months, do we start over", 9,
     "allergen-gap-after-months", "do not need to start over"),
    ("does my 7 month old have to wait 3 to 5 days between each new fruit", 7,
     "waiting-days-between-new-foods", "not necessary"),
    ("should we go back to smooth food because he gags on lumps", 8,
     "lumps-gagging-keep-going", "normal part of learning"),
    ("how big should I cut pieces of food for a 10 month old", 10,
     "piece-size-by-age", "pea-sized"),
    ("my 3 year old eats a ton one day and almost nothing the next", 36,
     "appetite-balances-over-week", "several days"),
    ("is using dessert as a bribe for vegetables a bad idea", 40,
     "dessert-served-with-the-meal", "with the meal"),
    ("how much halloween candy can a 4 year old have a day", 48,
     "candy-how-much-preschoolers", "25 grams"),
    ("my 16 month old drinks lots of milk and his poop is hard like pebbles", 16,
     "constipation-too-much-milk", "16 to 24 ounces"),
    ("is gatorade ok for a toddler who keeps vomiting", 30,
     "sports-drinks-when-vomiting", "oral rehydration"),
    ("what vitamins does a vegan 2 year old need to take", 24,
     "vegan-toddler-supplements", "b12"),
    ("can my baby eat camembert", 10, "soft-cheeses-brie-camembert", "listeria"),
    ("we are visiting family abroad where the tap water is not safe, what can our toddler drink", 24,
     "travel-abroad-food-and-water", "bottled or boiled water"),
]


@pytest.fixture(scope="module")
def real_store(tmp_path_factory):
    client = open_client(str(tmp_path_factory.mktemp("topics")), None)
    sync_passages(client, load_passages())
    return GuidelineStore(client)


@pytest.mark.parametrize(("question", "age", "passage_id", "fact"), FAMILY_QUESTIONS)
def test_family_question_finds_its_passage_and_fact(real_store, question, age, passage_id, fact):
    ids = [hit.id for hit in real_store.search(question, age, k=3)]
    answer = answer_locally(real_store, question, age, channel="whatsapp") or ""

    assert passage_id in ids, ids
    assert fact in answer.lower(), answer
