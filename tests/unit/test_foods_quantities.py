"""Quantities: numbers, fractions, words and units, and how they become grams of a food."""
import pytest

from knowledge.foods import analyze_meal
from knowledge.foods.portions import age_band, default_serving, grams_for
from knowledge.foods.quantities import Quantity, parse_quantity
from knowledge.foods.table import FoodTable
from knowledge.foods.text import normalise


@pytest.fixture(scope="module")
def table():
    return FoodTable.from_sr28()


def parse(text):
    return parse_quantity(normalise(text).split())


@pytest.mark.parametrize(
    "text, amount, unit",
    [
        ("1 1/2 cups oatmeal", 1.5, "cup"), ("½ cup oatmeal", 0.5, "cup"), ("1½ cups milk", 1.5, "cup"),
        ("1-1/2 cups milk", 1.5, "cup"), ("1.5 cups milk", 1.5, "cup"), ("half a banana", 0.5, None),
        ("a banana", 1.0, None), ("an apple", 1.0, None), ("two eggs", 2.0, None),
        ("a couple of crackers", 2.0, None), ("a few strawberries", 3.0, None), ("pancakes x2", 2.0, None),
        ("2x pancakes", 2.0, None), ("x 3 nuggets", 3.0, None), ("50g chicken", 50.0, "g"),
        ("50 grams chicken", 50.0, "g"), ("2 oz cheese", 2.0, "oz"), ("6 fl oz formula", 6.0, "fl oz"),
        ("120 ml milk", 120.0, "ml"), ("2 tbsp hummus", 2.0, "tbsp"), ("2 T hummus", 2.0, "tbsp"),
        ("1 tsp butter", 1.0, "tsp"), ("1 t butter", 1.0, "tsp"), ("2 tablespoons jam", 2.0, "tbsp"),
        ("1 slice toast", 1.0, "slice"), ("3 pieces chicken", 3.0, "piece"), ("1 jar pears", 1.0, "jar"),
        ("a pouch of applesauce", 1.0, "pouch"), ("1 container yogurt", 1.0, "container"),
        ("a handful of puffs", 1.0, "handful"), ("3 bites of pasta", 3.0, "bite"),
        ("1-2 tbsp hummus", 1.5, "tbsp"), ("1 to 2 slices of bread", 1.5, "slice"),
        ("two thirds cup milk", 2 / 3, "cup"), ("a half cup of peas", 0.5, "cup"),
    ],
)
def test_amounts_and_units(text, amount, unit):
    q, rest = parse(text)
    assert q.amount == pytest.approx(amount)
    assert q.unit == unit
    assert rest and all(w not in ("of",) for w in rest)


@pytest.mark.parametrize("text, share", [("some blueberries", 1.0), ("a little rice", 0.5),
                                         ("a bit of toast", 0.5), ("lots of pasta", 1.5)])
def test_vague_amounts_are_a_share_of_the_default(text, share):
    q, _ = parse(text)
    assert q.vague == share and not q.given


def test_sizes():
    q, rest = parse("a small banana")
    assert (q.amount, q.size, rest) == (1.0, "small", ["banana"])
    assert parse("2 extra large eggs")[0].size == "extra large"


def test_percent_is_not_a_number():
    q, rest = parse("2% milk")
    assert q.amount is None and rest == ["2%", "milk"]


def food(table, ndb_no):
    return table.get(ndb_no)


@pytest.mark.parametrize(
    "ndb_no, q, hint, grams",
    [
        ("09040", Quantity(1.0), "medium", 118.0),  # 1 medium banana, SR28 portion
        ("09040", Quantity(1.0, size="small"), "medium", 101.0),  # small banana
        ("01129", Quantity(2.0), "large", 100.0),  # 2 large eggs
        ("09132", Quantity(10.0), "grape", 49.0),  # "10 grapes = 49 g"
        ("09050", Quantity(1.0, "cup"), "berry", 148.0),  # 1 cup blueberries
        ("08121", Quantity(0.5, "cup"), "cup", 117.0),  # 1/2 cup oatmeal
        ("01077", Quantity(4.0, "oz"), "cup", 122.0),  # 4 oz milk is fluid ounces
        ("01009", Quantity(2.0, "oz"), "slice", 56.7),  # 2 oz cheese is weight
        ("16098", Quantity(1.0, "tbsp"), "tbsp", 16.0),  # from "2 tbsp = 32 g"
        ("01001", Quantity(1.0, "tsp"), "tsp", 14.2 / 3),  # tsp from the tbsp portion
        ("03099", Quantity(1.0, "jar"), "", 113.0),  # a jar of baby carrots
        ("09040", Quantity(1.0, "cup", modifiers=("mashed",)), "medium", 225.0),  # "cup, mashed"
        ("14411", Quantity(240.0, "ml"), "", 240 * 29.6 / 30),  # water by ml
    ],
)
def test_grams_from_sr28_portions(table, ndb_no, q, hint, grams):
    record = food(table, ndb_no)
    result = grams_for(record, q, table.category(record), hint, 24)
    assert result.grams == pytest.approx(grams, rel=0.01)
    assert not result.estimated


def test_standard_conversion_when_sr28_has_no_such_portion(table):
    record = food(table, "03116")  # applesauce baby food: no pouch portion in SR28
    assert grams_for(record, Quantity(1.0, "pouch"), "baby_puree").grams == pytest.approx(99.0)
    liquid = food(table, "14090")  # coconut water has only "1 cup = 245 g": ml through its density
    assert grams_for(liquid, Quantity(100.0, "ml"), "drink").grams == pytest.approx(100 * 245 / 240)


def test_no_quantity_gives_an_estimated_age_appropriate_serving(table):
    record = food(table, "20121")
    baby = grams_for(record, Quantity(), "grain", "cup", 9)
    toddler = grams_for(record, Quantity(), "grain", "cup", 30)
    assert baby.estimated and toddler.estimated
    assert baby.grams < toddler.grams
    assert baby.grams == default_serving("grain", 9)


def test_default_servings_grow_with_age():
    for category in ("fruit", "veg", "grain", "protein", "milk", "snack"):
        values = [default_serving(category, age) for age in (7, 10, 18, 30, 54)]
        assert values == sorted(values), category
    assert default_serving("fruit", 30) <= 0.6 * 150  # well under an adult cup of fruit


def test_unmeasured_fruit_veg_and_lentils_follow_a_tablespoon_per_year():
    # AAP: about 1 tbsp of fruit or vegetables per year of age; a tbsp of peas or dal is ~10-12 g
    for category in ("veg", "legume"):
        assert default_serving(category, 14) <= 25, category   # a year-old: 1-2 tbsp
        assert default_serving(category, 36) <= 40, category   # a three-year-old: about 3 tbsp
        assert default_serving(category, 54) <= 60, category   # a four-year-old: 4-5 tbsp
    assert default_serving("fruit", 20) <= 35


def test_age_bands():
    assert [age_band(a) for a in (6, 9, 12, 24, 48, 60)] == [0, 1, 2, 3, 4, 4]
    assert age_band(None) == 2


def test_bites_and_handfuls_depend_on_age(table):
    record = food(table, "20121")
    assert grams_for(record, Quantity(2.0, "bite"), "grain", age_months=8).grams == 10.0
    cheerios = food(table, "08013")
    handful = grams_for(cheerios, Quantity(1.0, "handful"), "cereal", age_months=20).grams
    assert handful == pytest.approx(28 / 4)  # a toddler's handful is about 1/4 cup


def test_a_tortilla_is_weighed_by_the_size_the_parent_gives(table):
    # SR28 weighs flour tortillas at 6", 7-8", 10" and 12": small, regular, large, extra large
    tortilla = food(table, "18364")
    sizes = {size: grams_for(tortilla, Quantity(1.0, size=size), "bread", "medium", 30).grams
             for size in ("small", "regular", "large")}
    assert sizes == {"small": 30.0, "regular": 49.0, "large": 72.0}
    quantity, rest = parse_quantity("one normal sized tortilla".split())
    assert quantity.size == "regular" and rest == ["tortilla"]


def test_a_quesadilla_on_a_regular_tortilla_keeps_its_whole_cheese(table):
    meal = analyze_meal("cheese quesadilla on a standard size flour tortilla, she had half", table, 36)
    grams = {i.name: round(i.grams) for i in meal.items}
    assert grams["flour tortilla"] == pytest.approx(49 / 2, abs=2)
    assert grams["cheese"] == pytest.approx(28 / 2, abs=2)
