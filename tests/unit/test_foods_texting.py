"""Issue 10, third round: meals as parents text them, one test group per failure class.

1 text-speak and chatter that name no food; 2 asides in brackets; 3 what went down of a package;
4 per-piece and per-food amounts ("each", "maybe 15"); 5 dishes named across "&", "with" and typos;
6 eaten vs offered said in other words. Grams are SR28 WEIGHT.txt arithmetic or the estimate named
beside them; none of these texts is in a scored meal set."""
import pytest

from knowledge.foods import FoodTable, analyze_meal


@pytest.fixture(scope="module")
def table():
    return FoodTable.from_sr28()


def grams(meal) -> dict[str, float]:
    out: dict[str, float] = {}
    for item in meal.items:
        out[item.ndb_no] = round(out.get(item.ndb_no, 0.0) + item.grams, 1)
    return out


# 1. Text-speak and chatter ---------------------------------------------------------------------

@pytest.mark.parametrize("text, ndbs", [
    ("he had a pear n some cheerios b4 nap", {"09252", "08013"}),             # n = and, b4 = before
    ("1 slice of ham and... that's it. he's on strike", {"07029"}),             # no "shes", "strike" foods
    ("nursery report says: ate all his lunch - 2 fish sticks", {"15027"}),     # the report names no food
    ("mango from the bakery lol, she's teething", {"09176"}),
])
def test_text_speak_and_chatter_name_no_food(table, text, ndbs):
    meal = analyze_meal(text, table, 20)
    assert set(grams(meal)) == ndbs and meal.unknown == []


def test_prob_is_a_hedge_and_handfull_a_handful(table):
    meal = analyze_meal("a handfull of blueberries (prob 1/4 cup)", table, 20)
    assert grams(meal) == {"09050": pytest.approx(37.0, abs=0.6)}  # SR28 1 cup = 148 g


# 2. Asides in brackets -------------------------------------------------------------------------

@pytest.mark.parametrize("text, ndb", [
    ("4 oz milk (1%)", "01082"),                    # the aside makes it 1% milk
    ("3 fish sticks (the crunchy kind)", "15027"),  # an aside that names nothing is dropped
    ("2 waffles (eggo)", "28015"),                  # a brand with its own SR28 item names that item
])
def test_an_aside_refines_the_food_or_is_dropped(table, text, ndb):
    assert list(grams(analyze_meal(text, table, 20))) == [ndb]


def test_an_aside_never_adds_a_second_food(table):
    meal = analyze_meal("toast w a little jam (whole wheat)", table, 20)
    assert len(meal.items) == 2


# 3. What went down of a package ----------------------------------------------------------------

def test_half_of_the_named_size(table):
    meal = analyze_meal("gerber pears, she ate half the little 4 oz tub", table, 10)
    [item] = meal.items
    assert item.offered_grams == pytest.approx(113.4, abs=0.1) and item.grams == pytest.approx(56.7, abs=0.1)


def test_an_ounce_went_down(table):
    meal = analyze_meal("opened a jar of carrots and he spat most of it out. maybe an ounce actually went down",
                        table, 8)
    [item] = meal.items
    assert item.grams == pytest.approx(28.35, abs=0.1) and meal.unknown == []


def test_bites_that_went_in_are_of_the_foods_before(table):
    meal = analyze_meal("toast strip w hummus, maybe 3 bites actually went in", table, 8)
    offered = sum(i.offered_grams for i in meal.items)  # 3 bites of 5 g at 6-8 months, at most what was there
    assert sum(i.grams for i in meal.items) == pytest.approx(min(15.0, offered), abs=0.5) and offered < 40


def test_a_food_that_went_on_the_floor_is_refused(table):
    meal = analyze_meal("offered peas + toast, he ate the toast, peas went on the floor", table, 20)
    assert {i.name: i.grams for i in meal.items}["peas"] == 0.0


# 4. Per-piece and per-food amounts -------------------------------------------------------------

def test_each_after_a_count_is_the_weight_of_one_piece(table):
    meal = analyze_meal("4 cubes of frozen mango puree (about 1 oz each), she ate 3 of them", table, 9)
    [item] = meal.items
    assert item.offered_grams == pytest.approx(113.4, abs=0.2) and item.grams == pytest.approx(85.0, abs=0.2)


def test_each_after_several_foods_is_for_every_food(table):
    meal = analyze_meal("peas and corn, 2 tbsp each", table, 20)
    assert grams(meal) == pytest.approx({"11305": 20.0, "11168": 18.6}, abs=0.6)


def test_a_count_after_a_handful_counts_pieces(table):
    meal = analyze_meal("a handful of veggie straws, maybe 20", table, 20)
    assert grams(meal) == {"25040": pytest.approx(14.8, abs=0.1)}  # label: 38 straws = 28 g


def test_little_bits_are_pieces(table):
    meal = analyze_meal("2 little bits of tandoori chicken", table, 20)
    assert sum(i.grams for i in meal.items) < 30


def test_count_is_pieces(table):
    meal = analyze_meal("mcdonalds 6 count nuggets", table, 30)
    [item] = meal.items
    assert item.grams == pytest.approx(96.0, abs=1)  # SR28 21309: 6 pieces = 96 g


# 5. Dishes named across "&", "with" and typos --------------------------------------------------

def test_a_filling_before_and_is_part_of_the_dish(table):
    meal = analyze_meal("4 cheese & potato pierogi", table, 30)
    assert grams(meal) == {"32025": pytest.approx(152.0, abs=0.5)}  # SR28: 3 pieces = 114 g


def test_a_misspelt_dish_joined_across_with(table):
    meal = analyze_meal("spagetti w meat sauce, about 1/2 cup", table, 30)
    assert list(grams(meal)) == ["36630"]


@pytest.mark.parametrize("text, dish", [
    ("tofu veggie stir fry", "tofu stir fry"),
    ("beef stir fry", "beef stir fry"),
])
def test_a_stir_fry_is_the_one_named(table, text, dish):
    assert {i.dish for i in analyze_meal(text, table, 30).items} == {dish}


def test_refused_main_parts_take_the_oil_with_them(table):
    meal = analyze_meal("tofu stir fry, tofu and veg untouched", table, 30)
    assert sum(i.grams for i in meal.items) == 0.0


# 6. Eaten vs offered in other words ------------------------------------------------------------

def test_a_share_of_a_whole_food_named_alone(table):
    [item] = analyze_meal("beef empanada, ate half", table, 40).items
    assert item.grams == pytest.approx(44.5, abs=0.1)  # half of SR28's 89 g piece


def test_an_amount_in_the_next_sentence_sizes_the_food(table):
    [item] = analyze_meal("tried rice cereal!! maybe 2 tbsp", table, 6).items
    assert not item.estimated


def test_the_later_amount_wins(table):
    meal = analyze_meal("carrots 1/4 cup + chicken... i said 2oz but realistically 1 oz", table, 30)
    assert {i.name: i.grams for i in meal.items}["chicken"] == pytest.approx(28.35, abs=0.1)


def test_an_emoji_ends_a_sentence(table):
    meal = analyze_meal("offered beans, he threw them all 🙄 ate his rice tho, about 1/4 cup", table, 30)
    by_name = {i.name: i.grams for i in meal.items}
    assert by_name["beans"] == 0.0 and by_name["rice"] == pytest.approx(39.5, abs=0.5)


def test_string_cheese_is_one_stick(table):
    assert grams(analyze_meal("string cheese", table, 30)) == {"01029": 28.0}


def test_made_with_two_things_is_one_food(table):
    [item] = analyze_meal("1/4 cup mashed potatoes made with whole milk and butter", table, 22).items
    assert item.ndb_no == "11931" or "butter" in item.description.lower()  # SR28: milk and butter added
    assert item.nutrients["kcal"] == pytest.approx(59, abs=3)


def test_steamed_is_the_cooked_row_and_the_eaten_pieces_count(table):
    meal = analyze_meal("offered steamed carrot sticks + toast, he ate 2 carrot sticks", table, 20)
    carrots = next(i for i in meal.items if i.name == "carrot sticks")
    # two sticks of about 10 g; the unmeasured plate is at least that (a toddler's 1-2 tbsp of veg)
    assert "cooked" in carrots.description.lower() and carrots.grams <= carrots.offered_grams
    assert carrots.grams == pytest.approx(20, abs=6)


def test_a_food_served_then_eaten_with_no_amount_is_counted_once(table):
    meal = analyze_meal("I put out salmon and couscous, he ate the couscous", table, 26)
    assert [i.name for i in meal.items].count("couscous") == 1


def test_an_amount_after_the_eaten_food_is_that_foods(table):
    meal = analyze_meal("we served chicken, carrots and mashed potato, she ate the mashed potato, about 1/3 cup",
                        table, 30)
    [potato] = [i for i in meal.items if "potato" in i.name]
    assert potato.grams == pytest.approx(210 / 3, rel=0.15)  # SR28 mashed potatoes: 1 cup = 210 g


def test_an_amount_then_eaten_weighs_what_went_in(table):
    [item] = analyze_meal("1/3 cup lentils, probably 2 tbsp really eaten", table, 16).items
    assert item.grams == pytest.approx(2 * 198 / 16, rel=0.15)  # SR28 cooked lentils: 1 cup = 198 g
    assert item.offered_grams > item.grams


def test_only_ate_one_of_the_foods_served_leaves_the_others_uneaten(table):
    meal = analyze_meal("we put out chicken, carrots and couscous and he only ate the couscous", table, 28)
    eaten = {i.name: i.grams for i in meal.items}
    assert eaten["chicken"] == 0 and eaten["carrots"] == 0 and eaten["couscous"] > 0


def test_just_ate_may_mean_a_moment_ago_so_nothing_else_is_zeroed(table):
    meal = analyze_meal("pasta and peas for lunch. she just ate the pasta", table, 28)
    assert all(i.grams > 0 for i in meal.items)
