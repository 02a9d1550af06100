"""Long, story-like questions through the signed webhook: the question in them is the one answered."""
from __future__ import annotations

import re

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
