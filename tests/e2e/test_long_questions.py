"""Long, story-like questions through the signed webhook: the question in them is the one answered."""
from __future__ import annotations

import re

import pytest

from knowledge.answers import SMS_LIMIT, WHATSAPP_LIMIT
from tests.support import Phone, household

TEETHING_STORY = (
    "Our son is teething and grumpy, he has been off his food for a couple of days and only wants "
    "milk. What foods help with teething?"
)
MILK_STORY = (
    "Quick one - we had his first birthday party on Saturday and he has been eating really well since, "
    "lots of pasta, cheese and fruit. We're finally done with formula and I bought whole milk. "
    "How much milk should he drink a day?"
)


def test_a_long_story_gets_the_answer_to_its_question_in_two_sms_segments(app):
    parent = household(app, "+12125550180", "Leo", "2026-03-20")  # 8 months

    reply = parent.say(TEETHING_STORY)

    assert re.search(r"\b(cool|cold|chilled)\b", reply), reply
    assert reply.startswith("For Leo (8 months): ")
    # The answer, up to its source line, fits two SMS segments; a safety note may follow it
    # (here: "only wants milk" at 8 months gets the cow's-milk note from the safety pass).
    answer, found, rest = reply.partition("\nSource")
    assert found and len(answer + found + rest.split("\n")[0]) <= SMS_LIMIT and reply.isascii()


def test_whatsapp_gets_a_fuller_answer_to_the_same_story(app):
    household(app, "+12125550181", "Leo", "2026-03-20")
    sms = household(app, "+12125550185", "Leo", "2026-03-20").say(TEETHING_STORY)
    parent = Phone(app, "+12125550181", "whatsapp")

    reply = parent.say(TEETHING_STORY)

    assert re.search(r"\b(cool|cold|chilled)\b", reply) and "\nSource" in reply
    assert len(sms) < len(reply) <= WHATSAPP_LIMIT


def test_a_how_much_question_in_a_story_is_answered_with_an_amount(app):
    parent = household(app, "+12125550182", "Leo", "2025-11-25")  # just 1

    reply = parent.say(MILK_STORY)

    assert re.search(r"\b\d+ to \d+ ounces\b|\b\d+ to \d+ cups\b", reply), reply
    assert "Leo" in reply and "Source" in reply


def test_a_dose_question_inside_a_story_still_goes_to_the_pediatrician(app):
    parent = household(app, "+12125550184", "Maya", "2026-03-01")

    reply = parent.say("She has been teething all week and not eating much, and last night she was up "
                       "crying for hours. How much Tylenol can I give her?")

    assert "pediatrician" in reply and "Source" not in reply


EGG_STORY = (
    "Gave her scrambled egg for the second time this morning. She was totally fine while eating, no rash or "
    "anything, played for a while and then about two hours later she threw up over and over and went really "
    "pale. She seems ok now. Should I try egg again tomorrow or wait?"
)
MAIN_FOOD_STORY = (
    "She turned 1 last week. She eats purees ok but still prefers her bottle, about 30 oz of formula a day, and "
    "I'm not sure whether to push more lumpy food or just keep going like this. Should milk still be her main "
    "food at this age or should food come first now?"
)


def test_vomiting_hours_after_a_food_is_taken_as_a_reaction_not_answered_with_serving_advice(app):
    parent = household(app, "+12125550190", "Maya", "2026-03-15")  # 8 months

    reply = parent.say(EGG_STORY)

    assert "don't offer" in reply.lower() and "reacted to" in reply, reply
    assert "keep offering egg" not in reply and "no need to wait" not in reply.lower()


def test_the_question_at_the_end_of_a_story_is_answered_not_the_story_topic(app):
    parent = household(app, "+12125550191", "Ada", "2025-11-10")  # 12 months

    reply = parent.say(MAIN_FOOD_STORY)

    assert "food becomes the main source" in reply, reply
    assert "lumpier textures" not in reply


@pytest.mark.parametrize("question, drink_amount, other_drink", [
    ("how much milk shud a 1 yr old drink", r"16 to 24 ounces|2 to 3 cups", r"1 to 4 cups"),  # not water's
    ("wat is the right amount of water for him", r"4 to 8 ounces", r"24 to 32 ounces"),  # not formula's
])
def test_an_amount_question_gets_the_amount_of_the_drink_asked_about(app, question, drink_amount, other_drink):
    born = "2025-10-15" if "1 yr" in question else "2026-01-20"  # 13 and 10 months
    parent = household(app, "+12125550192", "Noa", born)

    reply = parent.say(question)

    assert re.search(drink_amount, reply) and not re.search(other_drink, reply), reply


@pytest.mark.parametrize("question, preparation", [
    ("are hot dogs ok for him", r"lengthwise"),
    ("is it safe to give him sausages", r"lengthwise"),
    ("can he have popcorn at the movies, is it safe", r"under 4"),
])
def test_is_it_safe_about_a_choking_food_says_how_to_serve_it_at_that_age(app, question, preparation):
    parent = household(app, "+12125550193", "Sam", "2025-08-10")  # 15 months

    reply = parent.say(question)

    assert re.search(preparation, reply) and "Source" in reply, reply


@pytest.mark.parametrize("question, fact", [
    ("does he still need vitamin d drops now he's on whole milk", r"600 IU"),
    ("what should daycare give him to drink", r"water"),
    ("can toddlers eat mussels", r"cooked"),
])
def test_a_question_answered_in_a_neighbouring_topic_still_gets_its_fact(app, question, fact):
    parent = household(app, "+12125550194", "Eli", "2025-08-10")  # 15 months

    reply = parent.say(question)

    assert re.search(fact, reply) and "Source" in reply, reply

