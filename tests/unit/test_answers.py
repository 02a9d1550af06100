"""Answers from guideline passages: the offline composer and the LLM path (loopback fake)."""
import io
import time
from pathlib import Path

import pytest
from openai import OpenAI
from pydantic import BaseModel

from knowledge.answers import SMS_LIMIT, WHATSAPP_LIMIT, allergy_note, compose_answer, gsm_safe, split_sentences
from knowledge.llm_answers import HARD_LIMIT, build_messages, llm_answer
from knowledge.guideline_store import Hit
from knowledge.guidelines_corpus import DEFAULT_FOLDER, load_passages
from tests.fakes.openai_server import FakeOpenAI, Reply

SAMPLE = Path(__file__).resolve().parents[1] / "data" / "guidelines_sample"
PASSAGES = {p.id: p for p in load_passages(SAMPLE)}


def hit(passage_id: str, score: float) -> Hit:
    p = PASSAGES[passage_id]
    return Hit(id=p.id, text=p.text, source=p.source, url=p.url, score=score)


# -- compose_answer ---------------------------------------------------------------------------

def test_answer_is_the_most_relevant_sentences_not_the_whole_passage():
    answer = compose_answer("Can my baby have honey?", [hit("honey-under-one", 0.75)], None, None, [])

    body, source = answer.rsplit("\n", 1)
    assert source == "Source: CDC"
    assert "Do not give honey to babies younger than 12 months" in body
    assert 1 <= len(split_sentences(body)) <= 3 < len(split_sentences(PASSAGES["honey-under-one"].text))
    assert len(answer) <= HARD_LIMIT


def test_sentences_keep_the_passage_order():
    answer = compose_answer("How should I cut grapes for my toddler?", [hit("choking-hazards", 0.5)],
                            None, None, [])

    assert "Cut grapes, cherry tomatoes and blueberries into quarters" in answer
    sentences = split_sentences(answer.rsplit("\n", 1)[0])
    text = PASSAGES["choking-hazards"].text
    assert [text.index(s) for s in sentences] == sorted(text.index(s) for s in sentences)


def test_lead_names_the_child_and_age():
    answer = compose_answer("Can my baby have honey?", [hit("honey-under-one", 0.75)], "Maya", "8 months", [])

    assert answer.startswith("For Maya (8 months): ")


def test_a_close_runner_up_answers_the_part_the_first_passage_leaves_open():
    question = "When can we switch to cow's milk and can she have water?"
    answer = compose_answer(question, [hit("cows-milk-after-one", 0.61), hit("water-for-babies", 0.60)],
                            None, None, [], limit=WHATSAPP_LIMIT)

    body, source = answer.rsplit("\n", 1)
    sentences = split_sentences(body)
    assert any(s in PASSAGES["cows-milk-after-one"].text for s in sentences)
    assert any(s in PASSAGES["water-for-babies"].text and "water" in s.lower() for s in sentences)
    assert source.startswith("Source")


def test_a_far_runner_up_adds_nothing():
    question = "When can we switch to cow's milk and can she have water?"
    answer = compose_answer(question, [hit("cows-milk-after-one", 0.61), hit("water-for-babies", 0.40)],
                            None, None, [], limit=WHATSAPP_LIMIT)

    body, source = answer.rsplit("\n", 1)
    assert all(s in PASSAGES["cows-milk-after-one"].text for s in split_sentences(body))
    assert source == "Source: AAP HealthyChildren.org"


def test_sms_answers_fit_two_segments_and_whatsapp_may_say_more():
    question = "How should I cut grapes for my toddler?"
    sms = compose_answer(question, [hit("choking-hazards", 0.6)], "Maya", "2 years", [])
    whatsapp = compose_answer(question, [hit("choking-hazards", 0.6)], "Maya", "2 years", [],
                              limit=WHATSAPP_LIMIT)

    assert len(sms) <= SMS_LIMIT < len(whatsapp) <= WHATSAPP_LIMIT
    assert "grapes" in sms and sms.endswith("Source: CDC")


@pytest.mark.parametrize("question, passage_id, score", [
    ("What vaccines are due at 12 months?", "early-allergen-introduction", 0.27),
    ("my son has a fever of 39, what should I do", "choking-hazards", 0.30),
    ("Can I give coffee to my toddler?", "juice-limits", 0.47),
    ("hi", "picky-eating-toddlers", 0.02),
])
def test_questions_the_passages_do_not_cover_get_none(question, passage_id, score):
    assert compose_answer(question, [hit(passage_id, score)], "Maya", "1 year", []) is None


def test_no_hits_no_answer():
    assert compose_answer("Can my baby have honey?", [], None, None, []) is None


def test_allergy_in_the_profile_is_called_out_first():
    answer = compose_answer("How do I introduce eggs?", [hit("early-allergen-introduction", 0.57)],
                            "Maya", "7 months", ["Egg"])

    note, *_ = answer.split("\n")
    assert note == "Note: Maya's profile lists an egg allergy, so follow the allergist's plan."
    assert len(answer) <= HARD_LIMIT and answer.endswith("Source: AAP HealthyChildren.org")


@pytest.mark.parametrize("question, allergies, expected", [
    ("Can she have scrambled eggs?", ["egg"], "an egg allergy"),
    ("Is cheese ok at 10 months?", ["cow's milk"], "a cow's milk allergy"),
    ("Can he have almond butter?", ["tree nuts"], "a tree nuts allergy"),
    ("What about tahini and yogurt?", ["sesame", "dairy"], "sesame and dairy allergies"),
    ("Can he have strawberries?", ["strawberry"], "a strawberry allergy"),
    ("Can he have peanut butter?", ["tree nuts"], None),  # peanuts are legumes, not tree nuts
    ("Can she have scrambled eggs?", ["peanut"], None),
    ("Can she have scrambled eggs?", [], None),
])
def test_allergy_note_matches_the_food_family(question, allergies, expected):
    note = allergy_note(question, None, allergies)

    if expected is None:
        assert note is None
    else:
        assert note.startswith(f"Note: Your child's profile lists {expected},")


def test_answers_stay_within_three_sms_segments_and_gsm7():
    curly = "Don\u2019t add salt \u2013 kidneys are small\u2026 Offer \u201cplain\u201d 2\u00bd oz at 160\u00b0F."
    assert gsm_safe(curly) == "Don't add salt - kidneys are small... Offer \"plain\" 2 1/2 oz at 160 degrees F."
    long_name = "Maximiliana-Josephine"
    for p in PASSAGES.values():
        answer = compose_answer(" ".join(p.topics), [hit(p.id, 0.7)], long_name,
                                "11 months", ["egg", "milk", "peanut", "wheat"])
        assert answer is not None and len(answer) <= HARD_LIMIT, p.id
        assert answer.isascii()


def test_split_sentences_respects_abbreviations():
    text = "Offer soft foods, e.g. Banana or avocado. Then wait! Is it 4 oz. Daily? Yes."

    assert split_sentences(text) == ["Offer soft foods, e.g. Banana or avocado.", "Then wait!",
                                     "Is it 4 oz. Daily?", "Yes."]


# -- llm_answer against the loopback fake ------------------------------------------------------

HONEY = [hit("honey-under-one", 0.75), hit("early-allergen-introduction", 0.4)]


@pytest.fixture
def fake():
    with FakeOpenAI() as server:
        yield server


def factory_for(server):
    return lambda: OpenAI(api_key="test-key", base_url=server.base_url)


def test_llm_answer_sends_passages_history_and_question(fake):
    fake.respond_with("No honey before 12 months, not even a taste.\nSource: CDC")
    history = [("user", "hi"), ("assistant", "Hi! Ask me anything about feeding."), ("system", "ignored")]

    answer = llm_answer(factory_for(fake), "Can Maya have honey?", HONEY, "Maya, 8 months, allergies: egg",
                        history, model="gpt-test", timeout=2)

    assert answer == "No honey before 12 months, not even a taste.\nSource: CDC"
    [request] = fake.requests
    assert request["model"] == "gpt-test"
    system, *turns, last = request["messages"]
    assert "[1] Source: CDC\nDo not give honey" in system["content"]
    assert "[2] Source: AAP HealthyChildren.org" in system["content"]
    assert "NOT_COVERED" in system["content"] and "Maya, 8 months, allergies: egg" in system["content"]
    assert [t["role"] for t in turns] == ["user", "assistant"]
    assert last == {"role": "user", "content": "Can Maya have honey?"}


def test_llm_answer_accepts_a_client_instance(fake):
    fake.respond_with("Wait until 12 months.\nSource: CDC")
    client = OpenAI(api_key="test-key", base_url=fake.base_url)

    assert llm_answer(client, "honey?", HONEY, "", [], model="m", timeout=2).startswith("Wait")


def test_not_covered_means_none(fake):
    fake.respond_with("NOT_COVERED")

    assert llm_answer(factory_for(fake), "Vaccines at 12 months?", HONEY, "", [], model="m", timeout=2) is None


def test_server_error_means_none_without_retrying(fake):
    fake.respond_with(Reply.error(500))

    assert llm_answer(factory_for(fake), "honey?", HONEY, "", [], model="m", timeout=2) is None
    assert len(fake.requests) == 1


def test_timeout_means_none_quickly(fake):
    fake.respond_with(Reply.slow(3.0, "too late\nSource: CDC"))

    started = time.monotonic()
    assert llm_answer(factory_for(fake), "honey?", HONEY, "", [], model="m", timeout=0.3) is None
    assert time.monotonic() - started < 1.5


def test_unreachable_server_means_none():
    with FakeOpenAI() as server:
        url = server.base_url
    factory = lambda: OpenAI(api_key="k", base_url=url)  # noqa: E731

    assert llm_answer(factory, "honey?", HONEY, "", [], model="m", timeout=1) is None


def test_reply_is_given_a_source_and_kept_short(fake):
    fake.script("No honey before one.", "Honey can carry botulism spores. " * 30 + "\nSource: CDC")

    assert llm_answer(factory_for(fake), "honey?", HONEY, "", [], "m", 2) == "No honey before one.\nSource: CDC"
    long = llm_answer(factory_for(fake), "honey?", HONEY, "", [], "m", 2)
    assert len(long) <= HARD_LIMIT and long.endswith("\nSource: CDC")


def test_no_hits_means_no_call(fake):
    assert llm_answer(factory_for(fake), "honey?", [], "", [], "m", 2) is None
    assert fake.requests == []


def test_build_messages_keeps_only_recent_turns():
    history = [("user", f"q{i}") if i % 2 == 0 else ("assistant", f"a{i}") for i in range(10)]

    messages = build_messages("now?", HONEY, "", history)

    assert [m["content"] for m in messages[1:-1]] == ["q4", "a5", "q6", "a7", "q8", "a9"]


# -- the fake itself, which other tests reuse ---------------------------------------------------

def test_fake_speaks_structured_outputs_and_transcriptions(fake):
    class Meal(BaseModel):
        food: str

    fake.script('{"food": "banana"}')
    fake.respond_with("two eggs and toast", endpoint="transcriptions")
    client = OpenAI(api_key="k", base_url=fake.base_url, max_retries=0)

    parsed = client.chat.completions.parse(model="m", messages=[{"role": "user", "content": "x"}],
                                           response_format=Meal)
    transcript = client.audio.transcriptions.create(
        model="whisper-1", file=("note.ogg", io.BytesIO(b"OggS" * 8), "audio/ogg"))

    assert parsed.choices[0].message.parsed == Meal(food="banana")
    assert fake.requests[0]["response_format"]["type"] == "json_schema"
    assert transcript.text == "two eggs and toast"
    assert fake.requests[1] == {"model": "whisper-1",
                                "file": {"filename": "note.ogg", "content_type": "audio/ogg", "size": 32}}
    assert [c.path for c in fake.calls] == ["/v1/chat/completions", "/v1/audio/transcriptions"]


# -- what was asked: when vs how vs how much ---------------------------------------------------

REAL = {p.id: p for p in load_passages()}


def real_hit(passage_id: str, score: float, rank: float = 0.0) -> Hit:
    p = REAL[passage_id]
    return Hit(id=p.id, text=p.text, source=p.source, url=p.url, score=score, rank=rank)


def test_a_when_question_gets_the_sentence_with_the_age():
    answer = compose_answer("when can she have peanut butter", [real_hit("peanut-butter-when-no-eczema", 0.7)],
                            None, None, [], limit=160)

    assert "6 months" in answer


def test_a_how_question_gets_the_sentence_with_the_steps():
    answer = compose_answer("how should I give her peanut butter", [real_hit("peanut-butter-when-no-eczema", 0.7)],
                            None, None, [], limit=160)

    assert "thinned" in answer and "6 months" not in answer


def test_a_how_much_question_is_answered_by_the_close_passage_that_gives_an_amount():
    hits = [real_hit("milk-switching-at-12-months", 0.62, rank=0.80), real_hit("cows-milk-12-24-months", 0.60, rank=0.78)]

    answer = compose_answer("how much milk should he drink now", hits, "Leo", "13 months", [])

    assert "16 to 24 ounces" in answer and answer.endswith("Source: AAP HealthyChildren.org")
    assert len(answer) <= SMS_LIMIT


def test_no_passage_giving_the_age_asked_means_no_answer():
    hits = [real_hit("bedtime-snack", 0.48), real_hit("schedule-toddler-sample-day", 0.38)]

    assert compose_answer("what time should bedtime be", hits, None, None, []) is None


def test_an_allergy_warning_in_the_passage_survives_the_sms_cut():
    corpus = {p.id: p for p in load_passages(DEFAULT_FOLDER)}
    goat = corpus["goat-milk"]
    hits = [Hit(id=goat.id, text=goat.text, source=goat.source, url=goat.url, score=0.7)]
    question = "she's 13 months with a cow's milk protein allergy, what milk can she drink now?"

    asked_about_allergy = compose_answer(question, hits, None, None, [], limit=SMS_LIMIT)
    child_has_it = compose_answer("what milk can she drink now that she's one?", hits, None, None, ["milk"],
                                  limit=SMS_LIMIT)
    plain = compose_answer("what milk can she drink now that she's one?", hits, None, None, [], limit=SMS_LIMIT)

    assert "not safe for children with cow's milk allergy" in asked_about_allergy
    assert "not safe for children with cow's milk allergy" in child_has_it
    assert "12 months" in plain


CORPUS = {p.id: p for p in load_passages(DEFAULT_FOLDER)}


def corpus_hit(passage_id: str, score: float, rank: float = 0.0) -> Hit:
    p = CORPUS[passage_id]
    return Hit(id=p.id, text=p.text, source=p.source, url=p.url, score=score, rank=rank)


def test_a_story_of_vomiting_hours_after_a_food_gets_fpies_and_what_to_do_before_trying_again():
    from knowledge.asking import read_question

    read = read_question("Gave him scrambled egg for the second time this morning and he was fine at first, no rash "
                         "or anything, then about two hours later he threw up over and over and went really pale. "
                         "He seems ok now. Should I try egg again tomorrow or wait?")
    hits = [corpus_hit("fpies-delayed-vomiting", 0.43, 0.70), corpus_hit("egg-how-much-first-time", 0.55, 0.61)]

    answer = compose_answer(read.query, hits, "Leo", "8 months", [])

    assert "FPIES" in answer and "call your pediatrician" in answer and len(answer) <= SMS_LIMIT


@pytest.mark.parametrize("question, passage_id, how", [
    ("my 20 month old loves sausages, is it safe to give him", "cut-hot-dogs-sausages", "lengthwise"),
    ("are nuts ok for a 3 year old", "whole-nuts-under-4", "under 4"),
])
def test_is_it_safe_about_a_choking_food_is_answered_with_how_to_serve_it(question, passage_id, how):
    answer = compose_answer(question, [corpus_hit(passage_id, 0.6)], "Sam", "20 months", [])

    assert how in answer, answer


def test_a_short_question_after_a_story_is_answered_when_the_story_shows_the_passage_is_about_it():
    from knowledge.asking import read_question

    read = read_question("We gave our 7 month old scrambled egg for the first time and about 20 minutes later he got "
                         "hives around his mouth and on his cheeks. It went away after an hour and he seemed fine "
                         "otherwise. Can I try egg again next week or should we stop?")
    hits = [corpus_hit("allergy-mild-reaction", 0.44, 0.70), corpus_hit("allergic-reaction-signs", 0.42, 0.65)]

    answer = compose_answer(read.query, hits, None, None, [], asked=read.asked, story=read.whole)

    assert answer and "pediatrician" in answer, answer


def test_of_two_equally_relevant_sentences_that_do_not_both_fit_the_earlier_is_kept():
    import numpy as np

    from knowledge.answers import _pick

    text = ("Babies do not need added salt, so do not add salt to their food: under 12 months they should have "
            "less than 1 gram a day. When cooking for the family, take the baby's portion out before adding salt, "
            "and avoid salty foods such as bacon, deli meat, salty crackers, stock cubes, and instant noodles.")
    sentences = split_sentences(text)

    chosen = _pick(sentences, np.array([0.900, 0.902]), budget=200)  # a near-tie

    assert chosen == sentences[:1]


def test_a_lone_hazard_sentence_brings_the_safe_way_after_it():
    from knowledge.answers import _pick

    sentences = ["Round slices of sausage are a classic choking hazard for small children.",
                 "Cut them lengthwise into quarters, then into small bits.",
                 "They are salty, so keep them occasional."]
    import numpy as np

    chosen = _pick(sentences, np.array([0.75, 0.42, 0.2]), budget=280)

    assert chosen == sentences[:2]


def test_sentences_that_exactly_fill_the_budget_are_all_kept():
    import numpy as np

    from knowledge.answers import _pick

    sentences = ["A" * 99 + ".", "B" * 49 + "."]  # 100 + a space + 50 characters
    chosen = _pick(sentences, np.array([0.8, 0.7]), budget=151)

    assert chosen == sentences and len(" ".join(chosen)) == 151


def test_of_two_close_sentences_the_one_naming_what_the_story_tells_is_lifted():
    import numpy as np

    from knowledge.sentence_lifts import _story_words_lift

    sentences = ["Cook the family pot without salt or sugar and take the baby's share out first.",
                 "Stews, curries and soups with soft vegetables all work from about 6 months."]
    story = "We cook a big curry most nights and I always add salt and sugar to it. Can he have our curry?"

    lifted = _story_words_lift(sentences, np.array([0.50, 0.51]), story, "Can he have our curry?")

    assert lifted[0] > lifted[1]


def own_hit(text: str, score: float = 0.7) -> Hit:
    return Hit(id="own", text=text, source="Test Source", url="https://example.org", score=score)


NO_WITH_ITS_REASON = ("Do not give almond drink as the main drink to children under 2. It is very low in protein and "
                      "energy for a growing child. Fortified soy drink is a better swap after 12 months. A splash of "
                      "almond drink in porridge now and then is fine. Plain water and whole milk stay the everyday "
                      "drinks.")
CAUSE_ASKED = ("Drinking cold water quickly can cause brief hiccups, a short tummy ache, a little burping and some "
               "fussing in toddlers who gulp it. It does not cause a fever, a rash, vomiting or diarrhea. If your "
               "child has any of these, treat them as signs of an illness, look for another cause and call your "
               "pediatrician rather than blaming the cold water.")


@pytest.mark.parametrize("question, passage, kept", [
    ("almond drink ok for my 18 month old?", NO_WITH_ITS_REASON, "It is very low in protein"),  # the why of a no
    ("can cold water cause a rash or vomiting?", CAUSE_ASKED, "It does not cause a fever"),  # not whom to call
])
def test_the_sentence_carrying_the_answer_is_kept(question, passage, kept):
    assert kept in compose_answer(question, [own_hit(passage)], None, None, [])


def test_a_runner_up_closer_in_meaning_answers_when_the_first_is_not_about_the_question():
    lifted = Hit(id="lifted", text="Swimming lessons can start once a child is comfortable in the water with a parent.",
                 source="Pool Guide", url="https://example.org", score=0.31, rank=0.62)
    closer = Hit(id="closer", text="Too much cow's milk is a common cause of low iron in toddlers. Keep milk to about "
                                   "16 to 24 ounces a day and offer iron-rich foods.",
                 source="Iron Guide", url="https://example.org", score=0.6, rank=0.6)

    answer = compose_answer("is all that milk why she looks pale?", [lifted, closer], None, None, [])

    assert answer and "low iron" in answer and answer.endswith("Source: Iron Guide")
