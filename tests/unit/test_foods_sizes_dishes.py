"""Issue 10, sizes and dishes: pieces, packages and home dishes weighed as parents mean them.

Expected grams are SR28 WEIGHT.txt arithmetic, a label weight, or the recipe estimate in dishes.tsv."""
import pytest

from knowledge.foods import analyze_meal
from tests.unit.test_foods_dishes_parts_pieces import grams_by_ndb, table  # noqa: F401 (the fixture)


# Pieces ------------------------------------------------------------------------------------------

@pytest.mark.parametrize("text, ndb, grams", [
    ("4 steamed dumplings", "32013", 116.0),       # SR28 32013: 5 pieces = 145 g
    ("dumpling x2", "32013", 58.0),
    ("half a piece of naan bread", "28307", 45.0),  # a share of a piece is of SR28's whole 90 g piece
    ("2 graham squares", "18173", 14.0),            # SR28: 2 squares = 14 g
])
def test_counted_pieces_weigh_what_sr28_says(table, text, ndb, grams):
    assert grams_by_ndb(analyze_meal(text, table, 30)) == {ndb: pytest.approx(grams, abs=0.5)}


def test_pieces_of_injera_are_torn_pieces_of_one_round(table):
    one_round = grams_by_ndb(analyze_meal("an injera", table, 30))["20142"]
    three = grams_by_ndb(analyze_meal("3 pieces of injera", table, 30))["20142"]
    assert three == pytest.approx(one_round / 2, abs=0.5)  # a round is torn in about 6


# Home quesadillas ----------------------------------------------------------------------------------

@pytest.mark.parametrize("text, tortilla, cheese", [
    ("a cheese quesadilla", 49.0, 28.0),            # one 8-inch tortilla, 1/4 cup shredded cheddar
    ("quesidilla, ate half", 24.5, 14.0),
    ("half a small quesadilla", 18.4, 10.5),
    ("half a quesadilla (a small one)", 18.4, 10.5),  # a size in the aside sizes the dish
    ("half a quesadilla (one small tortilla)", 18.4, 10.5),  # the aside names the dish's own tortilla
    ("2 wedges of a quesadilla", 12.2, 7.0),
])
def test_a_quesadilla_is_a_tortilla_and_cheese(table, text, tortilla, cheese):
    got = grams_by_ndb(analyze_meal(text, table, 26))
    assert got == {"18364": pytest.approx(tortilla, abs=0.5), "01009": pytest.approx(cheese, abs=0.5)}


def test_a_restaurant_quesadilla_is_still_sr28s(table):
    assert set(grams_by_ndb(analyze_meal("restaurant quesadilla", table, 40))) == {"36052"}


# Packages ----------------------------------------------------------------------------------------

@pytest.mark.parametrize("text, grams", [
    ("a happy baby pear pouch", 113.0),            # Happy Baby label: 4 oz
    ("half a happybaby pouch", 56.5),
    ("an apple banana pouch", 99.0),               # a pouch named by its blend is one pouch, not a tbsp
    ("1 gogo squeez", 90.0),                       # GoGo squeeZ label: 3.2 oz
])
def test_a_pouch_weighs_its_label(table, text, grams):
    [item] = analyze_meal(text, table, 14).items
    assert item.grams == pytest.approx(grams, abs=0.5)


# Restaurants named as the place ------------------------------------------------------------------

@pytest.mark.parametrize("text, names", [
    ("burger king kids meal: 4 nuggets", ["burger king nuggets"]),
    ("we were at mcdonalds, she ate 3 nuggets", ["mcdonalds nuggets"]),
    ("chick fil a 8 count nuggets + some fries", ["chick fil a nuggets", "chick fil a fries"]),
])
def test_a_restaurant_named_as_the_place_adds_no_food(table, text, names):
    assert [i.name for i in analyze_meal(text, table, 36).items] == names


# Dishes by the cup -------------------------------------------------------------------------------

def test_a_cup_of_a_rice_dish_weighs_about_a_cup_of_rice(table):
    total = sum(i.grams for i in analyze_meal("3/4 cup of jollof", table, 40).items)
    assert 120 <= total <= 140  # SR28: a cup of cooked rice is 158 g; the stew and oil add a little


def test_a_cup_of_a_dish_cooked_from_dry_oats_is_not_a_cup_of_dry_oats(table):
    total = sum(i.grams for i in analyze_meal("1/2 cup porridge made with milk", table, 30).items)
    assert total >= 95


def test_a_cup_of_congee_is_mostly_water(table):
    grams = grams_by_ndb(analyze_meal("a cup of jook", table, 30))
    assert 1.6 * grams["20045"] < grams["14411"] < 2.2 * grams["20045"]  # about 35% cooked rice, the rest water


@pytest.mark.parametrize("text, share_of_oil", [
    ("1 cup jollof rice", (0.04, 0.06)),           # Nigerian party jollof: 1/2 cup oil to 4 cups rice
    ("1 cup misir wat", (0.04, 0.07)),             # 3-4 tbsp oil to 1.5 cups dry lentils
])
def test_stews_carry_the_oil_their_recipes_use(table, text, share_of_oil):
    meal = analyze_meal(text, table, 40)
    oil = sum(i.grams for i in meal.items if i.ndb_no == "04582")
    low, high = share_of_oil
    assert low <= oil / sum(i.grams for i in meal.items) <= high


def test_a_banana_egg_pancake_is_a_quarter_of_a_banana_and_an_egg(table):
    assert grams_by_ndb(analyze_meal("1 banana and egg pancake", table, 10)) == {
        "09040": pytest.approx(29.5, abs=0.5), "01123": pytest.approx(12.5, abs=0.5)}


# Sizes said in words -----------------------------------------------------------------------------

def test_how_big_each_piece_was_is_not_another_amount(table):
    assert grams_by_ndb(analyze_meal("3 cubes of silken tofu, each about an inch", table, 20)) == {
        "16127": pytest.approx(54.0)}  # SR28: 1 cubic inch = 18 g


def test_a_taste_of_kimchi_is_a_side_not_a_bowl(table):
    [item] = analyze_meal("he had some kimchi", table, 20).items
    assert item.grams <= 15


# Fast-food sides come by the order ---------------------------------------------------------------

@pytest.mark.parametrize("text, grams", [
    ("half the mcdonalds fries", 15.5),             # SR28 21238: kids serving 31 g
    ("wendys fries, she ate half", 35.5),           # SR28 21247: kid's meal serving 71 g
    ("some chick fil a waffle fries", 71.0),        # SR28 21138: small serving 71 g
    ("chick fil a: 5 waffle fries", 30.0),          # counted fries stay fries (6 g each)
    ("a medium mcdonalds fries", 117.0),            # a size said is that order
])
def test_fast_food_fries_are_shares_of_a_kids_order(table, text, grams):
    [item] = analyze_meal(text, table, 40).items
    assert item.grams == pytest.approx(grams, abs=0.5)


@pytest.mark.parametrize("text, age, grams", [
    ("beef empanada", 52, 89.0),                    # SR28 36403: 1 piece = 89 g, not 150 g of a mixed dish
    ("potsticker", 30, 29.0),
    ("pizza", 18, 90.0),                            # a slice (107 g) is more than a toddler's serving
    ("pork dumplings", 36, 120.0),                  # plural: the age's serving
])
def test_one_dish_named_alone_is_one_of_them_when_that_is_a_serving(table, text, age, grams):
    assert sum(i.grams for i in analyze_meal(text, table, age).items) == pytest.approx(grams, abs=0.5)


def test_gone_is_how_fast_not_a_cracker(table):
    assert [i.name for i in analyze_meal("a small banana, gone in a minute", table, 14).items] == ["banana"]
    assert [i.ndb_no for i in analyze_meal("4 marys gone crackers", table, 30).items] == ["28360"]
