"""What a question is about beyond its words: the drink it means, by the child's age."""
import pytest

from knowledge.subjects import drinks_meant, drinks_named, reports_signs, story_signs


def test_toddler_and_growing_up_milks_are_formula():
    assert drinks_named("Toddler milks and growing-up milk are not needed") == {"formula"}


def test_milk_for_a_baby_may_be_formula_but_for_a_toddler_it_is_cows_milk():
    asked = drinks_named("my toddler hates milk does he even need it")

    assert "formula" in drinks_meant(asked, 8)
    assert "formula" not in drinks_meant(asked, 15) and "milk" in drinks_meant(asked, 15)
    assert "formula" in drinks_meant(drinks_named("should she have formula or milk"), 15)


def test_throwing_up_after_gagging_on_a_lump_is_not_told_as_a_sign():
    story = "He gagged on a chunk of soft pear and then threw up his whole lunch. He was giggling a minute later."
    assert story_signs(story, "Should I stick to smooth food for now?") == ""
    assert "vomiting" in story_signs("She threw up twice after the fish.", "Should I stop fish?")


@pytest.mark.parametrize("story", [
    "She has had watery nappies since this morning and barely touched lunch.",
    "runny poos all day, 6 of them",
])
def test_watery_or_runny_poo_in_a_story_is_diarrhea(story):
    assert "diarrhea" in story_signs(story, "should I keep giving her solids?")


@pytest.mark.parametrize("story, told", [
    ("Our girl has a diagnosed egg allergy and starts nursery soon.", True),
    ("He was diagnosed with a milk allergy at 4 months.", True),
    ("my son is allergic to cashews, the allergist confirmed it", True),
    ("She has no allergies that we know of.", False),
    ("I read that babies with eczema are more likely to be allergic.", False),
])
def test_a_diagnosed_allergy_in_the_story_is_told_but_reading_about_allergies_is_not(story, told):
    assert ("allergy" in story_signs(story, "what should I tell the sitter?")) is told


@pytest.mark.parametrize("question, safety", [
    ("safe lunchbox foods for a 2 year old?", False),
    ("safest finger foods for a new eater", False),
    ("are whole grapes safe for him?", True),
    ("is it ok to give her popcorn", True),
])
def test_safe_foods_asked_for_as_a_list_is_not_asking_whether_one_is_safe(question, safety):
    from knowledge.subjects import asks_if_safe

    assert asks_if_safe(question) is safety


def test_signs_asked_about_as_a_cause_are_not_reported():
    told = ["she has had diarrhea since lunch", "he vomited twice after the eggs"]
    asked = ["does teething cause fever and diarrhea?", "can too much juice give him diarrhea"]

    assert all(map(reports_signs, told)) and not any(map(reports_signs, asked))
