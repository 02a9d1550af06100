"""Issue 10, how a meal text is read: corrections inside one text, offered against eaten, whose food it
was, words that are no food. One group per class; texts are our own, written for the class, not copied
from an eval set."""
import pytest

from knowledge.foods import FoodTable, analyze_meal
from knowledge.foods.corrections import without_corrections


table = pytest.fixture(scope="module")(lambda: FoodTable.from_sr28())


def names(meal) -> list[str]:
    return [i.name for i in meal.items if i.grams > 0]


# 1. A parent corrects herself: only what she settles on counts -------------------------------------

@pytest.mark.parametrize("text, kept, gone", [
    ("2 crackers, 6 grapes? no wait it was blueberries, like 12 blueberries", "blueberries", "grapes"),
    ("a waffle, wait no, a pancake with syrup", "pancake", "waffle"),
    ("1 cup of rice - actually no it was quinoa", "quinoa", "rice"),
    ("4 strawberries and 3 carrot sticks... no wait she wont eat carrots. and some cheese", "cheese", "carrot"),
    ("1 muffin - no wait he only licked the top so skip that - a banana and milk", "banana", "muffin"),
    ("peas, scratch that, she didnt have peas. 3 crackers", "crackers", "peas"),
])
def test_a_corrected_food_goes(table, text, kept, gone):
    meal = analyze_meal(text, table, 24)
    assert any(kept in n for n in names(meal)), names(meal)
    assert not any(gone in n for n in names(meal)), names(meal)


@pytest.mark.parametrize("text, said", [
    ("1 slice of turkey/ham idk it was ham", "ham"),
    ("a bowl of rice or pasta? i think it was pasta", "pasta"),
    ("chicken or pork, pretty sure it was chicken", "chicken"),
])
def test_one_of_two_then_which(text, said):
    rewritten = without_corrections(text)
    assert said in rewritten and rewritten.count(said) == 1


@pytest.mark.parametrize("text", [
    "she had pasta, i mean she ate like half",  # no correction mark a food hangs on
    "1 yogurt, oh wait she also had a banana",
    "turkey and cheese sandwich, it was good",
])
def test_no_correction_leaves_the_text(text):
    assert without_corrections(text) == text


# 2. Someone else's share at the end of the text: the child's part before it stays ------------------

@pytest.mark.parametrize("text", [
    "6 nuggets, she ate 4 nuggets, sister ate the other 2",
    "a pack of 8 crackers, he had 5 and his brother had 3",
    "she ate 4 nuggets. her cousin finished the last 2",
])
def test_a_sibling_at_the_end_leaves_the_childs_food(table, text):
    meal = analyze_meal(text, table, 30)
    assert names(meal), text
    assert meal.totals["kcal"] > 60
