"""Issue 10, tables and sizes (meals12): dishes by the spoon, fast-food sizes, kid pieces, foods by their own names.

Expected grams are SR28 WEIGHT.txt arithmetic, a label weight, or the recipe estimate in dishes.tsv."""
import pytest

from knowledge.foods import analyze_meal
from tests.unit.test_foods_dishes_parts_pieces import grams_by_ndb, table  # noqa: F401 (the fixture)


def _kcal(text: str, table, age: int = 18) -> float:
    return analyze_meal(text, table, age).totals["kcal"]


# A spoonful, a handful or a bite of a dish is of the dish, not of each of its parts ----------------

@pytest.mark.parametrize("text, age, low, high", [
    ("tried khichdi today, 3 small spoons maybe", 8, 5, 25),    # 3 baby spoons (5 ml, small): about 10 g
    ("2 spoonfuls of jollof rice", 18, 8, 25),                  # 2 x 10 ml of jollof: about 15 g
    ("a spoon of dal tadka and a spoon of rice", 10, 5, 25),
    ("she had a handful of poha", 30, 40, 110),                 # a quarter cup
    ("2 bites of pancit", 20, 10, 40),
])
def test_spoons_of_a_dish_are_spoons_of_the_dish(table, text, age, low, high):
    assert low <= _kcal(text, table, age) <= high


# A dish told with its amount, then only named again, is eaten once --------------------------------

@pytest.mark.parametrize("text, dish_ndb, grams", [
    ("he ate 1/2 cup of her congee and she swears by congee for everything lol", "20045", 42.0),
    ("he had a cup of jollof rice, he loves jollof", "20045", 107.0),
    ("2 tbsp of khichdi - she always wants khichdi", "20045", 10.8),
])
def test_a_dish_named_again_is_not_eaten_again(table, text, dish_ndb, grams):
    assert grams_by_ndb(analyze_meal(text, table, 20))[dish_ndb] == pytest.approx(grams, abs=1.5)


def test_congee_is_about_a_third_cooked_rice(table):
    got = grams_by_ndb(analyze_meal("1/4 cup of rice porridge", table, 10))
    assert got["20045"] == pytest.approx(21.4, abs=1.0) and got["14411"] == pytest.approx(39.8, abs=1.5)


# A dish eaten by the piece: "8 pelmeni", "2 small balls of eba", a sized bowl -------------------------

@pytest.mark.parametrize("text, ndb, grams", [
    ("pelmeni for dinner, 8 pelmeni", "20081", 33.3),        # 6 to the serving: 8/6 of 25 g flour
    ("2 small balls of eba", "11134", 37.5),                 # 6 balls to a 200 g mound, small: 2 x 0.75 / 6
    ("he had 3 balls of fufu", "11134", 75.0),
    ("2 kofta", "17225", 80.0),                               # two skewers to the serving
    ("4 pieces of karaage", "05098", 60.0),
])
def test_a_dish_eaten_by_the_piece(table, text, ndb, grams):
    assert grams_by_ndb(analyze_meal(text, table, 24))[ndb] == pytest.approx(grams, abs=1.0)


def test_a_sized_bowl_of_a_dish_is_sized(table):
    toddler = grams_by_ndb(analyze_meal("a toddler bowl of bibimbap", table, 48))["20045"]
    full = grams_by_ndb(analyze_meal("a bowl of bibimbap", table, 48))["20045"]
    assert toddler == pytest.approx(full / 2, abs=0.5)


def test_upma_carries_its_semolina_and_oil(table):
    kcal = _kcal("upma 1/3 cup", table, 30)
    assert 70 <= kcal <= 130  # 45 g dry rava and 9 g oil to a cup


@pytest.mark.parametrize("text", [
    "shepherd's pie, 3 or 4 spoonfuls of mash and mince, some peas",
    "cottage pie - 2 tbsp mince and 2 tbsp mash",
])
def test_the_mince_of_a_pie_is_its_meat(table, text):
    meal = analyze_meal(text, table, 19)
    assert not [i for i in meal.items if i.name in ("lamb", "ground beef") and i.dish]  # the parent's mince replaces it


# Fast food: a size word names a serving; a Happy Meal is McDonald's ------------------------------

@pytest.mark.parametrize("text, grams", [
    ("4 nuggets and kids fries", 31.0),       # SR28 21238: kids serving 31 g
    ("small fries and a burger", 71.0),       # small serving 71 g
    ("he split a large fries with his sister, ate half", 77.0),
    ("a small order of fries", 71.0),
])
def test_a_size_of_fries_is_a_serving(table, text, grams):
    fries = [i for i in analyze_meal(text, table, 30).items if "french fried" in i.description.lower()]
    assert sum(i.grams for i in fries) == pytest.approx(grams, abs=1.0)


@pytest.mark.parametrize("text, ndb", [
    ("happy meal: 4 nuggets + kids fries", "21309"),
    ("she had a happy meal, 4 nuggets and some fries", "21238"),
    ("chick fil a, 3 strips lol", "21143"),
    ("chik fil 2 strips", "21143"),
])
def test_fast_food_names_its_restaurant(table, text, ndb):
    assert ndb in grams_by_ndb(analyze_meal(text, table, 30))


# Kid pieces ----------------------------------------------------------------------------------------

@pytest.mark.parametrize("text, grams", [
    ("gave him 5 little cubes of cheddar", 26.8),   # 3/4-inch cubes (0.42 of SR28's 17 g cubic inch), small
    ("3 cubes of cheese", 21.4),
    ("4 cubes of mozzarella", 30.2),                # SR28 01026 has no cubic inch: 18 g of 01027 stands in
])
def test_a_childs_cheese_cube_is_three_quarters_of_an_inch(table, text, grams):
    assert sum(grams_by_ndb(analyze_meal(text, table, 20)).values()) == pytest.approx(grams, abs=8)


# Foods by their own names -------------------------------------------------------------------------

@pytest.mark.parametrize("text, ndb", [
    ("half a concha for dessert", "18955"),        # pan dulce, not a conch
    ("2 conchas from the panaderia", "18955"),
    ("a few bites of arroz", "20045"),
    ("dinner was shepherd's pie, she ate 1/2 cup", "17225"),   # a shepherd's pie is lamb
    ("cottage pie, about half a cup", "23570"),                 # a cottage pie is beef
])
def test_foods_by_their_own_names(table, text, ndb):
    assert ndb in grams_by_ndb(analyze_meal(text, table, 30))


@pytest.mark.parametrize("text, ndb", [
    ("nearly half a cup of rice and peas with curry chicken", "16033"),   # Caribbean rice and peas: kidney beans
    ("rice & peas, 1/2 cup", "12118"),                                    # cooked in coconut milk
    ("1 Nutri-grain bar (strawberry)", "19441"),
    ("subway 6 inch turkey, she ate a third", "21207"),
])
def test_dishes_and_brands_by_their_names(table, text, ndb):
    assert ndb in grams_by_ndb(analyze_meal(text, table, 40))


@pytest.mark.parametrize("text, ndb, grams", [
    ("1 Nutri-grain bar", "19441", 37.0),      # label: 1 bar = 37 g
    ("8 pretzel sticks", "19047", 4.8),        # thin sticks, about 48 to the ounce
    ("5 small cubes of lasagna", None, 26.2),  # cubes of a dish are cubes (7 g, small), not 5 dishes
])
def test_pieces_weigh_what_their_labels_say(table, text, ndb, grams):
    got = grams_by_ndb(analyze_meal(text, table, 30))
    assert (got[ndb] if ndb else sum(got.values())) == pytest.approx(grams, abs=0.5)


@pytest.mark.parametrize("text", [
    "the dog got most of his mac n cheese, he maybe had 2 spoonfuls. box kraft kind",
    "1/2 cup mac and cheese, the kraft one",
])
def test_a_brand_naming_the_food_already_told_is_not_another_food(table, text):
    assert len(analyze_meal(text, table, 30).items) == 1


def test_chaos_is_not_congee(table):
    assert "14411" not in grams_by_ndb(analyze_meal("feeding two is chaos, she had 1/2 cup pasta", table, 30))


# A food with chatter after it is still the food ----------------------------------------------------

@pytest.mark.parametrize("text, ndb", [
    ("she ate 1 cup of strawberries 🍓 by herself today haha red everything", "09316"),
    ("he had 2 pancakes lol sticky everything", "18293"),
    ("LO had 1/4 cup of the red lentil soup i made", "16070"),
])
def test_words_after_a_food_that_name_no_food_leave_the_food(table, text, ndb):
    assert ndb in grams_by_ndb(analyze_meal(text, table, 20))


# More families' dishes, each by its recipe estimate --------------------------------------------------

@pytest.mark.parametrize("text, ndbs", [
    ("a spoonful of the bigos", {"11439", "07059"}),            # sauerkraut, kielbasa
    ("feijão com arroz, 1/2 cup", {"20045", "16043"}),
    ("1/4 cup kik alicha", {"16086"}),                          # yellow split peas
    ("2 tbsp gomen", {"11162"}),                                # collards
    ("2 tbsp curtido on her pupusa", {"11109", "02053"}),      # raw cabbage in vinegar
    ("half a bammy", {"11134", "12118"}),
    ("a cup of stew peas", {"16033", "12118"}),
    ("a slice of hard dough bread", {"18069"}),
    ("a piece of noodle kugel", {"20110", "01012"}),
    ("half a knish", {"11934"}),
    ("a cheese blintz", {"01012"}),
    ("ofada rice, 1/4 cup", {"20041", "04055"}),
    ("2 tbsp kontomire stew", {"11458", "04055"}),
])
def test_more_families_dishes_are_their_parts(table, text, ndbs):
    assert ndbs <= set(grams_by_ndb(analyze_meal(text, table, 30)))


# Words parents use for a food's piece or for no food at all ---------------------------------------

@pytest.mark.parametrize("text, ndb, grams", [
    ("she ate 2 broccoli trees", "11091", 22.0),            # a tree is a floret (SR28 11 g)
    ("3 little trees", "11091", 33.0),
    ("udon noodles w/ a little soy + butter, he ate like half a cup", "20117", 88.0),  # the noodles, not the soup
    ("Akamu with milk in the morning, about 150ml", "20322", 13.7),  # thin pap: 20 g maize meal a cup
    ("ogi, 1 cup", "20322", 22.0),
])
def test_a_food_by_the_word_parents_use(table, text, ndb, grams):
    assert grams_by_ndb(analyze_meal(text, table, 30))[ndb] == pytest.approx(grams, abs=1.0)


@pytest.mark.parametrize("text, kept", [
    ("Annies bunnies, gave him a handful maybe 20 crackers, he ate all 20", 2),   # "all" is no soymilk
    ("teething and refusing almost everything today, half a banana", 1),         # teething is no biscuit
    ("she ate a teething biscuit", 1),
])
def test_words_that_are_no_food(table, text, kept):
    assert len(analyze_meal(text, table, 14).items) == kept


def test_half_a_bhatura_is_the_bhatura_of_the_chole_bhature(table):
    kcal = _kcal("chole bhature at a wedding, she ate half a bhatura and maybe 2 tbsp chole", table, 30)
    assert 120 <= kcal <= 220


@pytest.mark.parametrize("text, ndb, grams", [
    ("a mini bagel with cream cheese", "18001", 26.0),          # SR28's mini bagel, not 0.35 of a big one
    ("half of a mini bagel w cream cheese", "18001", 13.0),
    ("a small bagel with cream cheese", "18001", 69.0),
    ("3 baby rice cakes", "03997", 6.0),                         # Mum-Mum: 4 biscuits = 8 g
    ("4 pieces of fried plantain", "09447", 48.0),               # a home slice about 12 g
])
def test_kid_pieces_by_their_own_size(table, text, ndb, grams):
    assert grams_by_ndb(analyze_meal(text, table, 18))[ndb] == pytest.approx(grams, abs=0.6)


@pytest.mark.parametrize("text, grams", [
    ("Yo Baby yogert, the whole cup", 113.0),     # YoBaby label: 4 oz
    ("a yogurt cup", 113.0),                      # a kid's cup, not a measuring cup of 245 g
    ("half a yogurt cup", 56.5),
    ("a juice box", 209.0),                       # 6.75 fl oz kids' box
    ("2 juice boxes", 418.0),
])
def test_kid_packages_weigh_their_labels(table, text, grams):
    assert sum(grams_by_ndb(analyze_meal(text, table, 18)).values()) == pytest.approx(grams, abs=0.6)


@pytest.mark.parametrize("text, ndb, grams", [
    ("he ate 1 whole chapati", "28285", 43.0),     # a home atta roti: SR28's whole-wheat 43 g piece
    ("half a roti", "28285", 21.5),
    ("a chapo with beans", "28306", 68.0),         # Kenyan chapati: white flour, bigger
])
def test_a_roti_is_the_whole_wheat_home_one(table, text, ndb, grams):
    assert grams_by_ndb(analyze_meal(text, table, 30))[ndb] == pytest.approx(grams, abs=0.6)


@pytest.mark.parametrize("text, grams", [
    ("a gerber 1st foods tub of peas", 56.0),    # today's 2 oz tub
    ("a stage 1 jar of carrots", 71.0),          # SR28's 2.5 oz First Foods jar
    ("a stage 2 tub of pears", 113.0),           # 2nd Foods tubs hold the jar's 4 oz
])
def test_baby_food_tubs_and_jars_by_stage(table, text, grams):
    assert sum(grams_by_ndb(analyze_meal(text, table, 8)).values()) == pytest.approx(grams, abs=0.5)
