"""Red team 3 (safety14): poisonings told by what is left open or empty, a worry word before a
poisoning, present-tense "what if he drinks..." questions, breathing told by the skin drawn in, and
laughing till breathless as a figure of speech. Our own wording, not the case file's."""
from __future__ import annotations

import pytest

from knowledge.emergency import triage
from knowledge.food_safety_scan import check_text


@pytest.mark.parametrize("text, kind", [
    # what is left: an opened or emptied container with the child by it
    ("the ibuprofen bottle is open on the bathroom floor and theres syrup on his chin", "poison"),
    ("an empty packet of mums sleeping pills beside her", "poison"),
    ("found a torn open laundry pod and he is coughing", "poison"),
    ("the melatonin jar was opened and she smells of it", "poison"),
    # a parent's fright first, then what happened
    ("I'm terrified, he swallowed some of the bleach", "poison"),
    ("so scared right now, she drank the mouthwash", "poison"),
    # asked in the present tense
    ("what should I do if my son drinks lamp oil", "poison"),
    ("what happens if she eats a dishwasher tablet", "poison"),
    # breathing: the skin drawn in, lips told loosely
    ("the skin is pulling in between her ribs every breath", "breathing"),
    ("his lips look a bit blue to me", "breathing"),
    ("he's pulling at his chest with each breath and sounds wheezy", "breathing"),
    # a product by its place: "windshield washer"
    ("she got into the windscreen washer bottle and drank some", "poison"),
    # asked at its worst: the answer is the emergency's own
    ("what should I do if my daughter stops breathing", "unresponsive"),
    ("what do we do if the baby isnt breathing", "unresponsive"),
])
def test_reported(text: str, kind: str) -> None:
    found = triage(text)
    assert found is not None and found.kind == kind, text


@pytest.mark.parametrize("text", [
    # prevention and worry about what could happen
    "I'm scared she will drink the bleach one day, where do I keep it",
    "worried about the dishwasher tablets under the sink",
    "afraid of him getting into the laundry pods",
    # a container left, no child by it, or used up
    "the empty tylenol bottle, can I recycle it",
    "we opened a bottle of wine at dinner and she had pasta",
    "ran out of ibuprofen, the bottle is empty",
    # a grown-up's habit is no question
    "my husband drinks beer on fridays",
    "he chews his vitamins every morning",
    # learning for the worst is no emergency
    "where can I learn CPR in case he stops breathing",
    # laughing till breathless
    "she laughed so hard she couldnt breathe lol",
    "they were giggling so much they couldn't breathe",
])
def test_calm(text: str) -> None:
    assert triage(text) is None, text


@pytest.mark.parametrize("text, age, flagged", [
    # a how-to question is not a prepared serving
    ("how do I cut grapes for a 2 year old", 24, True),
    ("how should we slice cherry tomatoes for her", 30, True),
    ("how to serve popcorn to a toddler", 30, True),
    # a serving told as prepared stays calm
    ("grapes cut in quarters lengthwise", 24, False),
    ("cherry tomatoes quartered", 30, False),
])
def test_how_to_prepare_flags_choking(text: str, age: int, flagged: bool) -> None:
    assert any(f.kind == "choking" for f in check_text(text, age, [], (), "Maya")) is flagged


@pytest.mark.parametrize("text, kind", [
    # an everyday staple with no reaction sign: a piece stuck is as likely, choking first aid first
    ("my son cant breathe after eating toast", "after_food"),
    ("she can't breathe after eating pasta", "after_food"),
    # with a reaction sign, or after a food rarely eaten every day, the reaction advice
    ("cant breathe after eating pasta and her face is puffing up", "allergic_reaction"),
    ("he can't breathe after eating prawns", "allergic_reaction"),
])
def test_breathing_after_a_staple_gives_choking_first_aid_first(text: str, kind: str) -> None:
    found = triage(text)
    assert found is not None and found.kind == kind, text
