"""The in-memory passage index: how a story's question is anchored to what the story is about."""
import numpy as np
import pytest

from knowledge.asking import read_question
from knowledge.guidelines_corpus import Passage
from knowledge.passage_index import PassageIndex


def passage(pid: str, text: str, topics: tuple[str, ...]) -> Passage:
    return Passage(pid, text, "AAP", "https://example.org", 6, 60, topics, pid)


PASSAGES = [
    passage("sesame-keep-giving", "Once sesame is in the diet, keep offering tahini, hummus on pita or sesame seeds every week, "
                                  "whatever a friend or grandmother says.",
            ("sesame", "tahini", "hummus")),
    passage("egg-keep-giving", "Keep well-cooked egg in the diet a few times a week once it is tolerated.",
            ("egg", "allergen")),
    passage("cups", "Offer water in an open cup from about six months.", ("cup", "water")),
    passage("meals", "Babies need three meals a day by their first birthday.", ("meals",)),
    passage("naps", "A calm routine helps a tired child eat.", ("routine",)),
    passage("snacks", "Plan snacks between meals.", ("snacks",)),
    passage("milk", "Whole milk from 12 months.", ("milk",)),
    passage("fruit", "Fruit pieces should be soft.", ("fruit",)),
] + [passage(f"filler-{n}", f"General feeding note number {n} for families.", ("feeding",)) for n in range(40)]
STORY = ("We always have hummus and tahini at my parents' house and my mother has been feeding my baby "
         "bits of it on pita for weeks. A friend told me I should have brought in sesame on its own first "
         "as it is a big allergen. My neighbour agreed with her on this and I felt awful all evening. "
         "Did I get it wrong? Do we pause for now?")


def index() -> PassageIndex:
    return PassageIndex(PASSAGES, np.eye(len(PASSAGES), 384, dtype=np.float32))


def test_a_question_naming_no_subject_takes_the_storys_most_telling_sentence():
    read = read_question(STORY)
    assert "sesame" not in read.focus  # the question alone says nothing of what it is about

    anchored = index().anchored(read)

    assert "sesame" in anchored.focus and anchored.focus.endswith("Do we pause for now?")
    assert "sesame" not in anchored.context


@pytest.mark.parametrize("text", [
    # the question names its subject itself
    "My son is ten months and we travel a lot, so meals are all over the place and I lose track. "
    "Most days we eat at my sister's house or in the car. She tells me not to worry about it. "
    "How often should he be getting egg and sesame in a week to keep them in his diet?",
    # an amount asked of something the guidelines are about is a whole question
    "Our boy turned fifteen months last week and he sips water from his open cup all through the day, which "
    "is lovely. We stopped formula a few weeks ago and the nursery asked what he drinks with his lunch. "
    "How much milk should he be getting in a day?",
    # hives told in the story steer the ranking already
    "We gave our baby a spoon of tahini mixed into her oatmeal at lunch today for the very first time "
    "and within ten minutes she came out in hives on her cheeks and chin. They were gone by dinner. "
    "Is it ok to carry on?",
])
def test_a_question_naming_its_subject_or_told_with_signs_is_left_alone(text):
    read = read_question(text)

    assert index().anchored(read) == read


def test_a_long_query_is_embedded_by_its_opening_and_its_question():
    from knowledge.passage_index import EMBEDDED_WORDS, embedded_part

    story = "sesame " + "and then we went to the park " * 10 + "should we keep giving it?"
    part = embedded_part(story)

    assert len(part.split()) == EMBEDDED_WORDS
    assert part.startswith("sesame") and part.endswith("should we keep giving it?")
    assert embedded_part("can she have sesame?") == "can she have sesame?"


def test_words_sharing_a_stem_but_not_a_meaning_stay_apart():
    from knowledge.passage_index import stems

    assert not set(stems("what soothes her sore gums")) & set(stems("no chewing gum under 4"))
    assert not set(stems("runny, watery poo all morning")) & set(stems("offer water in a cup"))
    assert set(stems("rub the gums with a finger")) & set(stems("his gums are swollen"))


def test_an_aside_in_brackets_is_not_what_the_story_is_about():
    story = ("We always have hummus and tahini at my parents' house and my mother has been feeding my baby "
             "bits of it on pita for weeks. A friend told me I should have brought in sesame on its own first "
             "as it is a big allergen. My neighbour agreed with her on this. "
             "Did I get it wrong? Do we pause for now? "
             "(the neighbour keeps goats and milks them and swears by raw goat milk for everything lol)")

    anchored = index().anchored(read_question(story))

    assert "goat" not in anchored.focus and "sesame" in anchored.focus


RULE_TOLD = ("My grandmother offers my baby hummus, tahini and sesame on pita every week, with well-cooked egg "
             "in the diet too, whatever a friend says, and she was tolerated fine. "
             "The health visitor said nothing much at our last visit. "
             "Is that rule about a calm routine, planned snacks and soft fruit pieces only for tired babies?")
THING_TOLD = ("My mother-in-law came back from the market with a huge bag of hummus and tahini and a sesame loaf "
              "for our little one, and now there is a whole shelf of it in the kitchen and more in the freezer. "
              "She begs for it all afternoon. "
              "Should I ration it, hide it or just throw it out? How many meals a day with snacks is fine?")


@pytest.mark.parametrize("story, ending", [
    (RULE_TOLD, "tired babies?"),  # "is that rule..." points back at the rule the story told
    (THING_TOLD, "is fine?"),  # "ration it, hide it" points back at the thing the story named
])
def test_a_question_pointing_back_is_anchored_to_the_story_sentence_it_points_at(story, ending):
    read = read_question(story)
    assert "tahini" not in read.focus

    anchored = index().anchored(read)

    assert "tahini" in anchored.focus and anchored.focus.endswith(ending)
