"""WhatsApp answers drawn from several passages: the fact may sit in the runner-up, said once, in order."""
import pytest

from knowledge.answers import SMS_LIMIT, WHATSAPP_LIMIT, compose_answer, split_sentences
from knowledge.guideline_store import Hit
from knowledge.guidelines_corpus import DEFAULT_FOLDER, load_passages

PASSAGES = {p.id: p for p in load_passages(DEFAULT_FOLDER)}


def hit(passage_id: str, score: float, rank: float) -> Hit:
    p = PASSAGES[passage_id]
    return Hit(id=p.id, text=p.text, source=p.source, url=p.url, score=score, rank=rank)


MEALS_THEN_FORMULA = [hit("schedule-8-12-months", 0.62, 0.80), hit("formula-amount-9-12-months", 0.60, 0.76)]


@pytest.mark.parametrize("question", [
    "how much formula does a 9 month old need now that he eats 3 meals",
    "he's 10 months and eating three meals, how many ounces of formula should he still get?",
    "now that she has breakfast lunch and dinner how much formula a day at 11 months",
])
def test_whatsapp_carries_the_amount_the_runner_up_gives(question):
    answer = compose_answer(question, MEALS_THEN_FORMULA, None, None, [], limit=WHATSAPP_LIMIT)

    assert "24 ounces" in answer and len(answer) <= WHATSAPP_LIMIT
    assert answer.rsplit("\n", 1)[1] == "Sources: NHS; AAP HealthyChildren.org"


def test_sms_stays_within_two_segments_from_one_passage():
    question = "how much formula does a 9 month old need now that he eats 3 meals"
    answer = compose_answer(question, MEALS_THEN_FORMULA, None, None, [])

    assert len(answer) <= SMS_LIMIT


@pytest.mark.parametrize("question", [
    "toddler wont eat any veggies help",
    "my 2 year old refuses every vegetable, what do I do?",
    "how do I get my son to eat vegetables? he spits them out",
])
def test_passages_repeating_each_other_are_said_once(question):
    hits = [hit("vegetable-refusal", 0.62, 0.85), hit("hiding-vegetables", 0.60, 0.80)]
    answer = compose_answer(question, hits, None, None, [], limit=WHATSAPP_LIMIT)

    body = answer.rsplit("\n", 1)[0]
    assert "keep offering" in body
    assert body.lower().count("where children can see them") + body.lower().count("where your child can see") <= 1
    # a sentence opening on "But" or "Also" never starts the answer out of context
    assert not split_sentences(body)[0].startswith(("But", "Also", "And"))
