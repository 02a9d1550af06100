"""Families of names added to the food tables (meals6), a sample of each through `analyze_meal`."""
import pytest

from knowledge.foods.analysis import analyze_meal
from knowledge.foods.table import FoodTable


@pytest.fixture(scope="module")
def table():
    return FoodTable.from_sr28()


def _rows(table, text):
    return [i.ndb_no for i in analyze_meal(text, table, 20).items]


@pytest.mark.parametrize("text, ndb_no", [
    # packaged cereals, cookies, chips and spreads by their brand or product name
    ("a handful of froot loops", "08030"), ("some capn crunch", "08010"), ("2 oreos", "18166"),
    ("a few pringles", "19411"), ("cheetos at grandmas", "19008"), ("vegemite on toast", "43406"),
    ("a dairylea triangle", "01048"), ("petits filous", "01120"), ("a small box of sultanas", "09297"),
    ("3 timbits", "18249"), ("a larabar", "25048"),
])
def test_packaged_foods_by_product_name(table, text, ndb_no):
    assert ndb_no in _rows(table, text)


@pytest.mark.parametrize("text, ndb_no", [
    # a chain's own SR28 row for what it sells, the chain shown but the food counted once
    ("wendys fries", "21247"), ("a mcdonalds cheeseburger", "21233"), ("burger king fries", "21249"),
    ("2 popeyes tenders", "21417"), ("taco bell bean burrito", "21264"),
    ("a slice of dominos pepperoni pizza", "21280"), ("kfc popcorn chicken", "21422"),
])
def test_chains_own_items(table, text, ndb_no):
    rows = _rows(table, text)
    assert rows == [ndb_no]


@pytest.mark.parametrize("text, ndb_no", [
    # baby-food blends SR28 has, by the foods the pouch or jar names
    ("2 tbsp apple banana puree", "03147"), ("half a jar of apple raspberry puree", "03152"),
    ("happy baby pear pineapple pouch", "03158"), ("apple sweet potato puree", "03154"),
    ("ellas purple one pouch", "03164"), ("a jar of turkey and rice baby food", "03082"),
])
def test_baby_food_blends(table, text, ndb_no):
    assert _rows(table, text)[-1][:5] in (ndb_no, str(int(ndb_no) + 1).zfill(5))  # strained or junior


@pytest.mark.parametrize("text, parts", [
    # dishes from many kitchens shown by their parts' own names
    ("ugali and sukuma wiki", {"white cornmeal", "water", "kale"}),
    ("a bowl of congee", {"rice", "water"}),
    ("2 idli", {"dry rice", "dry urad dal", "water"}),
    ("jamaican beef patty", {"flour", "butter", "ground beef"}),
    ("pad see ew", {"rice noodles", "chicken breast", "gai lan"}),
    ("kasha varnishkes", {"pasta"}),
    ("arroz con gandules", {"rice", "pigeon peas"}),
    ("half an uncrustable", {"bread", "peanut butter", "jam"}),
    ("cabbage rolls", {"cabbage", "ground beef", "rice"}),
    ("chicken tinga", {"chicken breast", "crushed tomatoes"}),
])
def test_world_dishes_by_their_parts(table, text, parts):
    names = {i.name for i in analyze_meal(text, table, 30).items}
    assert parts <= names, names


def test_world_staples_are_their_own_foods(table):
    assert _rows(table, "some pounded yam") == ["11602"]
    assert _rows(table, "palak paneer")[1] == "01229"  # paneer is queso blanco, the acid-set cheese
    assert "20322" in _rows(table, "ugali")  # maize meal, not cassava


def test_congee_is_cooked_rice_in_water(table):
    """A cup of congee is 30-40% cooked rice (27-33 g of raw rice swollen), the rest water: 95-125 kcal."""
    kcal = analyze_meal("1 cup congee", table, 24).totals["kcal"]
    assert 95 <= kcal <= 125


@pytest.mark.parametrize("text, ndb_no", [
    # parents' shorthand and slips of the thumb for everyday foods
    ("some bluebs", "09050"), ("a few rasps", "09302"), ("brocc and cauli", "11091"), ("mac n chz", "32005"),
    ("a string chz", "01029"), ("a squeezy pouch", "03116"), ("some gram crackers", "18173"), ("a corndog", "22973"),
])
def test_shorthand_and_typos(table, text, ndb_no):
    assert ndb_no in _rows(table, text)


@pytest.mark.parametrize("text, ndb_no", [
    # UK and Australian names for toddler staples
    ("2 rich tea biscuits", "28399"), ("coco pops", "08014"), ("shreddies", "08148"), ("a cup of milo drink", "14318"),
    ("an ice block", "19283"), ("2 tim tams", "18167"), ("a slice of malt loaf", "18047"), ("a pop tart", "18488"),
])
def test_uk_and_australian_staples(table, text, ndb_no):
    assert ndb_no in _rows(table, text)


def test_a_meat_pie_is_one_australian_pie_not_a_family_pot_pie(table):
    grams = sum(i.grams for i in analyze_meal("half a meat pie", table, 36).items)
    assert 80 <= grams <= 95  # half of a 175 g pie


@pytest.mark.parametrize("text, parts", [
    ("fish pie", {"cod", "mashed potatoes"}), ("sunday roast", {"chicken", "gravy"}),
    ("a vegemite sandwich", {"bread", "yeast extract"}), ("mince and tatties", {"ground beef", "potato"}),
])
def test_uk_and_australian_dishes(table, text, parts):
    assert parts <= {i.name for i in analyze_meal(text, table, 30).items}


@pytest.mark.parametrize("text", [
    # everyday words and children's names that look like a food or brand spelling must stay what they are
    "it smelled foul", "Milo had a banana", "Tyson ate 2 eggs",
])
def test_words_that_are_not_foods(table, text):
    names = {i.name for i in analyze_meal(text, table, 24).items}
    assert not names & {"foul", "milo", "tyson", "fava beans"}, names
