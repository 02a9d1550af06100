"""The curated names table: every NDB number exists and names the food it claims; matching works."""
import pytest

from knowledge.foods.analysis import analyze_meal
from knowledge.foods.names import curated_names, dishes, extra_portions
from knowledge.foods.sr28 import read_sr28
from knowledge.foods.table import FoodTable

FOODS = {f["ndb_no"]: f for f in read_sr28()[0]}


@pytest.fixture(scope="module")
def table():
    return FoodTable.from_sr28()


def test_at_least_400_names_with_variants():
    names = curated_names()
    assert len(names) >= 400
    assert sum(len(n.variants) for n in names) >= 1000


def test_every_ndb_no_exists():
    missing = [(n.name, n.ndb_no) for n in curated_names() if n.ndb_no not in FOODS]
    missing += [(d.name, c[0]) for d in dishes() for c in d.components if c[0] not in FOODS]
    missing += [("extra portion", p[0]) for p in extra_portions() if p[0] not in FOODS]
    assert missing == []


def test_every_category_has_default_servings():
    from knowledge.foods.portions import servings

    categories = {n.category for n in curated_names()} - {"dish"}
    assert categories <= set(servings()["default_serving_g"])


# The description of each NDB number really is that food (spot checks across groups).
@pytest.mark.parametrize(
    "name, words",
    [
        ("banana", "Bananas, raw"), ("avocado", "Avocados, raw"), ("sweet potato", "Sweet potato, cooked"),
        ("peas", "Peas, green, cooked"), ("carrots", "Carrots, cooked"), ("broccoli", "Broccoli, cooked"),
        ("scrambled eggs", "scrambled"), ("hard boiled egg", "hard-boiled"), ("toast", "toasted"),
        ("pasta", "Pasta, cooked"), ("rice", "Rice, white"), ("salmon", "salmon"), ("tofu", "Tofu"),
        ("lentils", "Lentils"), ("hummus", "Hummus"), ("peanut butter", "Peanut butter"),
        ("cheese", "Cheese, cheddar"), ("blueberries", "Blueberries, raw"),
        ("strawberries", "Strawberries, raw"),
        ("applesauce", "Applesauce"), ("pear", "Pears, raw"), ("mango", "Mangos, raw"), ("grapes", "Grapes"),
        ("cherry tomatoes", "Tomatoes, red, ripe"), ("hot dog", "Frankfurter"), ("popcorn", "popcorn"),
        ("honey", "Honey"), ("apple juice", "Apple juice"), ("water", "water"), ("goldfish", "Goldfish"),
        ("waffle", "Waffles"), ("pancake", "Pancakes"), ("restaurant quesadilla", "quesadilla"), ("pizza", "pizza"),
        ("chicken nuggets", "nuggets"), ("cheerios", "CHEERIOS"), ("string cheese", "mozzarella"),
        ("oatmeal", "oats"), ("baby oatmeal", "Babyfood, cereal, oatmeal"),
        ("rice cereal", "Babyfood, cereal, rice"),
        ("formula", "Infant formula"), ("breast milk", "Milk, human"), ("whole milk", "Milk, whole"),
        ("mac and cheese", "Macaroni and cheese"), ("teething crackers", "teething biscuits"),
        ("yogurt melts", "YOGURT MELTS"), ("yogurt", "Yogurt, plain, whole milk"), ("puffs", "finger snacks"),
        ("pouch", "Babyfood, fruit"), ("beans", "Beans"), ("chicken", "Chicken"),
    ],
)
def test_name_maps_to_the_right_food(table, name, words):
    resolution = table.resolve(name.split())
    assert resolution.foods, name
    assert words.lower() in resolution.foods[-1].record.description.lower()


@pytest.mark.parametrize(
    "typed, ndb_no",
    [
        ("bannana", "09040"), ("brocoli", "11091"), ("brocolli", "11091"), ("avacado", "09037"),
        ("yoghurt", "01116"), ("strawberrys", "09316"), ("cheerios", "08013"), ("cheerio's", "08013"),
        ("blueberies", "09050"), ("spagetti", "20121"), ("tomatos", "11529"),
        ("chiken nuggets", "22974"), ("mac n cheese", "32005"), ("peanutbutter", "16098"),
    ],
)
def test_spelling_variants_and_typos(table, typed, ndb_no):
    from knowledge.foods.text import normalise

    resolution = table.resolve(normalise(typed).split())
    assert [f.record.ndb_no for f in resolution.foods] == [ndb_no]


def test_plurals_match_both_ways(table):
    for word in ("banana", "bananas", "egg", "eggs", "cherry", "cherries", "potato", "potatoes"):
        assert table.resolve([word]).foods, word


def test_longest_name_wins(table):
    assert table.resolve(["sweet", "potato"]).foods[0].record.ndb_no == "11508"
    assert table.resolve(["baked", "chicken", "breast"]).foods[0].record.ndb_no == "05064"
    assert table.resolve(["quartered", "grapes"]).foods[0].record.ndb_no == "09132"


def test_unknown_words_stay_unknown(table):
    for phrase in ("zoodles", "blorp", "dragonfruit", "qwerty stuff"):
        resolution = table.resolve(phrase.split())
        assert resolution.foods == () and resolution.unknown, phrase


def test_a_food_word_left_over_makes_the_phrase_unknown(table):
    assert table.resolve(["oat", "milk"]).unknown == "oat milk"


def test_foods_outside_the_curated_table_come_from_sr28_descriptions(table):
    found = table.resolve(["zucchini", "muffin"]).foods or table.resolve(["kohlrabi"]).foods
    assert found
    assert table.resolve(["kohlrabi"]).foods[0].record.description.startswith("Kohlrabi")


def test_sr28_search_prefers_plain_cooked_unbranded_forms(table):
    description = table.resolve(["rutabaga"]).foods[0].record.description
    assert "cooked" in description and "with salt" not in description


def test_topping_plus_carrier_is_two_foods(table):
    found = [f.record.ndb_no for f in table.resolve("peanut butter toast".split()).foods]
    assert found == ["16098", "18070"]


def test_dishes_expand_to_components(table):
    found = [f.record.ndb_no for f in table.resolve(["grilled", "cheese"]).foods]
    assert found == ["18069", "01042", "01001"]


def test_names_and_dishes_grew_by_300_for_issue_10():
    assert len(curated_names()) + len(dishes()) >= 464 + 300  # 452 names and 12 dishes before


def test_every_dish_added_says_where_its_proportions_come_from():
    from knowledge.foods.names import DISHES_FILE, _rows

    rows = _rows(DISHES_FILE)
    assert all(len(row) == 4 and row[3].strip() for row in rows[12:])


def test_every_brand_target_resolves(table):
    from knowledge.foods.brands import brands

    for brand in set(brands().values()):
        for target in [brand.default, *(t for _, t in brand.foods)]:
            if target:
                resolution = table.resolve_named(target)
                assert resolution.foods and not resolution.unknown, (brand.name, target)


@pytest.mark.parametrize("name, parts", [
    ("jollof rice", {"rice", "crushed tomatoes", "tomato paste", "onion", "bell pepper", "vegetable oil"}),
    ("injera with lentils", {"teff flour", "water", "lentils", "tomato paste", "onion", "vegetable oil"}),
    ("pho", {"rice noodles", "sliced beef", "beef broth", "bean sprouts", "cilantro"}),
    ("congee with egg", {"rice", "water", "egg"}),  # cooked rice, about 35% of a cup of congee
])
def test_world_dishes_are_their_parts_by_name(table, name, parts):
    found = table.resolve(name.split()).foods
    assert {table.part_name(f.record) for f in found} == parts


@pytest.mark.parametrize("dish", [
    "rasam", "aloo gobi", "mango lassi", "dhokla", "uttapam", "vada", "pongal", "kadhi", "appam", "puttu",
    "pesarattu", "bisi bele bath", "avial", "ladoo", "jalebi", "suya", "chin chin", "kenkey", "matoke",
    "sukuma wiki", "githeri", "mealie pap", "waakye", "pilau", "ndengu", "okra soup", "bobotie", "brigadeiro",
    "har gow", "kimbap", "khao man gai", "tom yum", "kibbeh", "ful medames", "koshari", "matzo ball soup",
    "youtiao", "zongzi", "jian bing", "xiaolongbao", "cheung fun", "nian gao", "halloumi", "crumpet",
    "lox", "ube", "ragi malt", "nyama choma", "kelewele", "chapo", "thepla", "rava dosa", "kanji",
])
def test_dishes_from_many_kitchens_are_known(table, dish):
    """Each is decomposed into SR28 parts with a recipe basis in dishes.tsv, or is a variant of a named food."""
    meal = analyze_meal(f"she had some {dish}", table, 24)
    assert meal.items and not meal.unknown, dish
    assert 0 < meal.totals["kcal"] < 600, dish
