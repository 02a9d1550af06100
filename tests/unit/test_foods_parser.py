"""Meal text parsing: splitting into items, meal type words, names and verbs, eaten shares."""
import pytest

from knowledge.foods.meal_parser import detect_meal_type, parse_meal


def raws(text, protected=()):
    return [item.raw for item in parse_meal(text, protected).items]


def test_splits_the_example_message():
    meal = parse_meal("Maya had ½ cup oatmeal and a banana, then some blueberries for breakfast")
    assert [i.raw for i in meal.items] == ["½ cup oatmeal", "a banana", "some blueberries"]
    assert meal.meal_type == "breakfast"


@pytest.mark.parametrize(
    "text, expected",
    [
        ("toast, eggs & milk", ["toast", "eggs", "milk"]),
        ("toast w/ butter", ["toast", "butter"]),
        ("pasta with sauce plus peas", ["pasta", "sauce", "peas"]),
        ("oatmeal\nbanana\nmilk", ["oatmeal", "banana", "milk"]),
        ("yogurt; then a pear", ["yogurt", "a pear"]),
        ("peas/carrots", ["peas", "carrots"]),
        ("a cup and a half of milk", ["1.5 cup of milk"]),
        ("one and a half cups of rice and beans", ["1.5 cups of rice", "beans"]),
    ],
)
def test_splitting(text, expected):
    assert raws(text) == expected


def test_names_with_and_are_kept_whole():
    assert raws("mac and cheese and peas", ("mac and cheese",)) == ["mac and cheese", "peas"]
    assert raws("mac & cheese, grapes", ("mac and cheese",)) == ["mac & cheese", "grapes"]


@pytest.mark.parametrize(
    "text, meal_type",
    [("for breakfast she had eggs", "breakfast"), ("Lunch: pasta", "lunch"), ("dinner was rice", "dinner"),
     ("supper: soup", "dinner"), ("afternoon snack - grapes", "snack"), ("fish fingers for tea", "dinner"),
     ("eggs and toast", None), ("a cup of tea", None)],
)
def test_meal_type(text, meal_type):
    assert detect_meal_type(text) == meal_type


@pytest.mark.parametrize(
    "text, first",
    [("Maya had toast", "toast"), ("she ate 2 eggs", "2 eggs"), ("He has eaten a banana", "a banana"),
     ("my son devoured pasta", "pasta"), ("Lunch: Leo had rice", "rice"), ("we offered peas", "peas"),
     ("Maya's lunch: pasta", "pasta"), ("she swallowed a watermelon seed", "a watermelon seed"),
     ("he gulped down a cup of milk", "a cup of milk"), ("she chugged her water", "her water")],
)
def test_strips_names_and_verbs(text, first):
    assert raws(text)[0].lower().endswith(first)


def share(text):
    return [(i.raw, i.eaten_share, i.eaten_bites, i.refers_back) for i in parse_meal(text).items]


def test_refusals():
    assert share("refused the broccoli") == [("the broccoli", 0.0, None, False)]
    assert share("didn't eat the peas") == [("the peas", 0.0, None, False)]
    assert share("she did not want her carrots") == [("her carrots", 0.0, None, False)]
    assert share("spat out the avocado") == [("the avocado", 0.0, None, False)]
    assert share("broccoli was refused") == [("broccoli", 0.0, None, False)]
    assert share("peas untouched") == [("peas", 0.0, None, False)]


def test_a_refusal_covers_the_list_after_it_until_a_new_verb():
    result = share("refused the broccoli, peas and carrots")
    assert [r[1] for r in result] == [0.0, 0.0, 0.0]
    result = share("no veggies, just pasta")
    assert [r[1] for r in result] == [0.0, None]


def test_partial_eating():
    assert share("ate half his pasta") == [("his pasta", 0.5, None, False)]
    assert share("ate most of the rice") == [("the rice", 0.75, None, False)]
    assert share("took 2 bites of pasta") == [("pasta", None, 2.0, False)]
    assert share("had a few bites of chicken") == [("chicken", None, 3.0, False)]
    assert share("half a banana") == [("half a banana", None, None, False)]  # a quantity, not a share


def test_outcomes_that_point_back():
    items = parse_meal("Offered broccoli but she refused it").items
    assert items[1].refers_back and items[1].eaten_share == 0.0 and items[1].clause == 1
    items = parse_meal("pasta with sauce but only ate half").items
    assert items[-1].refers_back and items[-1].eaten_share == 0.5
    items = parse_meal("ate it all").items
    assert items[0].refers_back and items[0].eaten_share == 1.0


def test_an_amount_then_eaten_is_how_much_went_in_not_a_subject_and_verb():
    items = parse_meal("1/3 cup lentils, probably 2 tbsp really eaten").items
    assert [(p.words, p.kind, p.refers_back) for p in items][-1] == (("2", "tbsp"), "eat", True)
    assert len(items) == 2
