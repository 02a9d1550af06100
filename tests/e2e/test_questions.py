"""Feeding questions through the signed webhook: sourced, age-aware, follow-ups, emergencies, LLM."""
from __future__ import annotations

import pytest
from sqlalchemy import select

from storage.models import Child, Conversation, Outbound, Person
from tests.fakes.openai_server import FakeOpenAI, Reply
from tests.support import Phone, build_app, household, truncate_all


def test_question_is_answered_briefly_with_its_source(app):
    parent = household(app, "+12125550160", "Maya", "2026-03-01")  # 8 months
    reply = parent.say("can she have eggs yet?")
    assert "egg" in reply.lower() and "\nSource: " in reply
    assert len(reply) <= 480


def test_the_answer_depends_on_the_childs_age(app):
    baby = household(app, "+12125550161", "Ava", "2026-04-10")  # 7 months
    toddler = household(app, "+12125550162", "Leo", "2024-10-01")  # 2 years
    young = baby.say("can I give her cow's milk to drink?")
    older = toddler.say("can I give him cow's milk to drink?")
    assert young != older
    assert "12 months" in young or "first birthday" in young or "1 year" in young


def test_follow_up_uses_the_last_question(app):
    parent = household(app, "+12125550163", "Maya", "2026-03-01")
    parent.say("can she have eggs yet?")
    honey = parent.say("and honey?")
    assert "honey" in honey.lower() and "egg" not in honey.lower()


def test_follow_up_about_the_sibling_answers_for_the_other_child(app):
    parent = household(app, "+12125550164", "Maya", "2026-04-01")
    parent.say("add a child")
    parent.say("Leo")
    parent.say("2023-09-01")
    parent.say("none")
    first = parent.say("for Maya: how much water should she drink?")
    second = parent.say("what about for her brother?")
    assert "Maya" in first and "Leo" in second and first != second


def test_allergy_in_the_profile_is_mentioned(app):
    parent = household(app, "+12125550165", "Maya", "2026-03-01", "--allergy", "egg")
    reply = parent.say("can she have eggs yet?")
    assert "allerg" in reply.lower()


def test_out_of_scope_questions_are_redirected_to_the_pediatrician(app):
    parent = household(app, "+12125550166", "Maya", "2026-03-01")
    reply = parent.say("how much tylenol can I give her?")
    assert "pediatrician" in reply and "Source" not in reply


@pytest.mark.parametrize("text", ["what vaccines does she need?", "how do i potty train her?"])
def test_uncovered_question_is_not_improvised(app, text):
    parent = household(app, "+12125550167", "Maya", "2026-03-01")
    reply = parent.say(text)
    assert "don't have guidance" in reply and "pediatrician" in reply


EMERGENCIES = [
    "she's choking", "he is choking and can't breathe", "baby choking!!", "not breathing", "can't breathe",
    "struggling to breathe", "blue lips", "her lips are turning blue", "lips are swollen",
    "her tongue is swelling", "face swelling after eggs", "hives and vomiting after peanut butter",
    "having a seizure", "he's seizing", "she's unresponsive", "won't wake up", "swallowed a battery",
    "ate a button battery", "swallowed a magnet", "anaphylaxis", "wheezing after eating", "chocking on a grape",
]


@pytest.mark.parametrize("text", EMERGENCIES)
def test_emergencies_get_emergency_services_first_and_nothing_else(app, text):
    parent = household(app, "+12125550168", "Maya", "2026-03-01")
    reply = parent.send(text)
    assert reply[0].startswith("Call 911 now.")
    with app.extensions["tinytummy"].sessions() as s:
        person = s.scalars(select(Person).where(Person.phone == parent.number)).one()
        assert s.get(Conversation, person.id).step is None


def test_emergency_number_follows_the_senders_country(app):
    reply = Phone(app, "+447700900123").say("my baby is choking")
    assert reply.startswith("Call 999 now.")


def test_emergency_from_an_unknown_number_during_onboarding(app, phone):
    phone.say("hi")
    assert phone.say("Maya is not breathing").startswith("Call 911 now.")
    with app.extensions["tinytummy"].sessions() as s:
        assert s.scalars(select(Child)).all() == []  # the message was not taken as a name


@pytest.fixture
def llm(database_url, clock, tmp_path, chroma_path):
    with FakeOpenAI() as fake:
        app = build_app(database_url, clock, tmp_path, env={
            "CHROMA_PATH": chroma_path, "OPENAI_API_KEY": "sk-test", "OPENAI_BASE_URL": fake.base_url,
            "OPENAI_TIMEOUT": "1"})
        yield app, fake
        truncate_all(app.extensions["tinytummy"].engine)


def answers_sent(app) -> list[str]:
    with app.extensions["tinytummy"].sessions() as s:
        return list(s.scalars(select(Outbound.body).where(Outbound.kind == "answer")))


def test_llm_answer_is_generated_from_passages_and_sent_later(llm):
    app, fake = llm
    fake.respond_with("Yes - eggs are fine from about 6 months, well cooked.\nSource: AAP HealthyChildren.org")
    parent = household(app, "+12125550169", "Maya", "2026-03-01")
    parent.say("she had 1/2 cup oatmeal")
    ack = parent.say("can she have eggs yet?")
    assert "checking" in ack
    assert answers_sent(app) == ["Yes - eggs are fine from about 6 months, well cooked.\nSource: AAP HealthyChildren.org"]
    prompt = str(fake.requests[-1]["messages"])
    assert "egg" in prompt.lower() and "Maya" in prompt and "oatmeal" in prompt  # recent meals are context


@pytest.mark.parametrize("failure", [Reply.error(500), Reply.slow(3.0), Reply("NOT_COVERED")])
def test_llm_failure_or_timeout_falls_back_to_the_local_answer(llm, failure):
    app, fake = llm
    fake.respond_with(failure)
    parent = household(app, "+12125550170", "Maya", "2026-03-01")
    parent.say("can she have eggs yet?")
    sent = answers_sent(app)
    assert len(sent) == 1 and "Source: " in sent[0] and "egg" in sent[0].lower()



def test_a_story_whose_question_names_nothing_is_answered_about_the_storys_subject(app):
    parent = household(app, "+12125550169", "Nora", "2026-04-01")  # 8 months
    reply = parent.say(
        "My mother in law has been giving our baby bits of tahini on bread at her house for a few weeks now, and "
        "she loves it. A friend told me sesame is one of the big allergens and should have been introduced on its "
        "own first. I feel terrible about it. Did we do it wrong? Should we stop for now?")
    assert "sesame" in reply.lower() and "\nSource: " in reply
    assert len(reply) <= 306


def test_a_parent_who_leaves_off_the_question_mark_still_gets_the_amount(app):
    parent = household(app, "+12125550170", "Otto", "2026-04-01")  # 8 months
    reply = parent.say(
        "We have had a brutal week of heat and the fan is not helping much. Otto nurses and has solids three "
        "times a day now. I leave a straw cup of water near him and he sips it all day?? my neighbour says water "
        "is risky for babies. how much water should he get in a whole day")
    assert "ounces" in reply or "cup" in reply.lower()
