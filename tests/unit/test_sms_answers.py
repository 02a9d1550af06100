"""SMS answers: the whole reply fits two GSM-7 segments, and the sentence kept gives the kind of fact asked."""
import numpy as np
import pytest

from knowledge.answers import SMS_LIMIT, WHATSAPP_LIMIT, compose_answer, split_sentences
from knowledge.asking import answer_kinds
from knowledge.guideline_store import Hit
from knowledge.guidelines_corpus import DEFAULT_FOLDER, load_passages
from knowledge.sentence_lifts import prefer_kind

PASSAGES = {p.id: p for p in load_passages(DEFAULT_FOLDER)}


def hit(passage_id: str, score: float, rank: float) -> Hit:
    p = PASSAGES[passage_id]
    return Hit(id=p.id, text=p.text, source=p.source, url=p.url, score=score, rank=rank)


FISH = [hit("fish-serving-size", 0.66, 0.82)]
HONEY = [hit("honey-for-cough", 0.66, 0.82)]
# Two close passages from two sources: the runner-up may lend a sentence and its source name.
MEALS_THEN_FORMULA = [hit("schedule-8-12-months", 0.62, 0.80), hit("formula-amount-9-12-months", 0.60, 0.76)]


@pytest.mark.parametrize("hits, question", [
    (MEALS_THEN_FORMULA, "how much formula does a 9 month old need now that he eats 3 meals"),
    (MEALS_THEN_FORMULA, "what should a day of meals and bottles look like for my 10 month old, and how many ounces?"),
    (FISH, "how much fish can my 2 year old have and which kinds, we eat a lot of tuna"),
    (HONEY, "can I give honey for her cough? she is 14 months"),
])
def test_the_whole_sms_reply_with_name_note_and_sources_fits_two_segments(hits, question):
    # the longest lead and an allergy note both come out of the same 306 characters
    answer = compose_answer(question, hits, "Maximiliana", "11 months", ["fish", "milk"])

    assert answer and len(answer) <= SMS_LIMIT and answer.isascii()
    assert answer.split("\n")[-1].startswith(("Source: ", "Sources: "))


def test_whatsapp_says_more_than_sms_from_the_same_passages():
    question = "how much formula does a 9 month old need now that he eats 3 meals"
    sms = compose_answer(question, MEALS_THEN_FORMULA, None, None, [])
    whatsapp = compose_answer(question, MEALS_THEN_FORMULA, None, None, [], limit=WHATSAPP_LIMIT)

    assert len(sms) <= SMS_LIMIT < len(whatsapp) <= WHATSAPP_LIMIT


@pytest.mark.parametrize("question, wanted", [
    ("how much fish should my toddler eat at a meal?", "1 ounce per serving"),
    ("can my 8 month old baby have fish yet?", "Babies under 1 can have small amounts"),
])
def test_the_sentence_giving_the_kind_of_fact_asked_is_kept(question, wanted):
    answer = compose_answer(question, FISH, None, None, [])

    assert wanted in answer, answer


def test_a_when_question_about_honey_gets_the_age_and_an_amount_question_gets_the_amount():
    when = compose_answer("from what age can a baby have honey for a cough?", HONEY, None, None, [])
    amount = compose_answer("how much honey can I give my 2 year old for a cough?", HONEY, None, None, [])

    assert "12 months" in when
    assert "1/2 to 1 teaspoon" in amount


@pytest.mark.parametrize("question, kind, offers", [
    ("how much fish can a toddler eat?", "amount", "1 ounce per serving"),
    ("when can babies eat fish?", "when", "Babies under 1"),
])
def test_the_kind_lift_goes_most_to_the_sentence_offering_the_kind_asked(question, kind, offers):
    sentences = split_sentences(PASSAGES["fish-serving-size"].text)
    kinds = answer_kinds(question)
    lifted = prefer_kind(sentences, np.zeros(len(sentences)), kinds)

    assert kinds[0] == kind
    assert offers in sentences[int(np.argmax(lifted))]
