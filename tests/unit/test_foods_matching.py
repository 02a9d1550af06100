"""Which food a phrase goes to (meals7): ordinary words are no food, a brand's blend before SR28's
juice, "for dessert" is when, a bracket that restates is one food, and whose "chips" they are."""
import pytest

from knowledge.foods.analysis import analyze_meal
from knowledge.foods.table import FoodTable

FRIES, CRISPS = "11403", "19411"


@pytest.fixture(scope="module")
def table():
    return FoodTable.from_sr28()


def _analysis(table, text):
    return analyze_meal(text, table, 20)


def _rows(table, text):
    return [i.ndb_no for i in _analysis(table, text).items]


@pytest.mark.parametrize("text", [
    # ages, times, people, places, the body and what a child does: none of it is a food or a question
    "my boy is 10 months now", "the twins are 15 mos", "he turned 2 last week", "out in the garden",
    "her cousins came to visit", "he has a rash on his cheek", "cold weather today", "she was teething",
    "grandad was babysitting in the kitchen", "he kept crying on the couch",
])
def test_ordinary_words_are_not_foods(table, text):
    analysis = _analysis(table, text)
    assert analysis.items == [] and analysis.unknown == []


def test_an_age_beside_a_meal_leaves_only_the_meal(table):
    assert _rows(table, "my daughter is 8 months and had some avocado") == ["09037"]
    assert _rows(table, "he's teething and had a pear") == ["09252"]


def test_a_real_typo_is_still_corrected(table):
    assert _rows(table, "some brocoli") == _rows(table, "some broccoli")


@pytest.mark.parametrize("text", [
    "an ella's kitchen apple banana pouch", "pouch (ellas apple and banana)", "a pouch of apple & banana",
])
def test_a_brands_blend_is_the_puree_not_the_juice(table, text):
    analysis = _analysis(table, text)
    assert [i.ndb_no for i in analysis.items] == ["03147"]  # applesauce with banana, not apple-banana juice
    assert analysis.items[0].grams > 50  # weighed as a pouch, not a tablespoon


def test_a_juice_said_is_still_a_juice(table):
    assert "juice" in _analysis(table, "gerber apple juice").items[0].description.lower()


@pytest.mark.parametrize("text, ndb_no", [
    ("some peach for dessert", "09236"), ("yogurt as dessert", "01116"), ("dessert was 4 strawberries", "09316"),
])
def test_dessert_says_when_not_what(table, text, ndb_no):
    assert _rows(table, text) == [ndb_no]


@pytest.mark.parametrize("text, ndb_no", [
    ("a strip of omelette (about 1/4 egg)", "01130"), ("2 slices of toast (2 slices bread)", None),
    ("5 chicken nuggets (5 nuggets)", None),
])
def test_a_bracket_that_restates_is_one_food(table, text, ndb_no):
    rows = _rows(table, text)
    assert len(rows) == 1 and (ndb_no is None or rows == [ndb_no])


def test_a_bracket_naming_another_food_adds_it(table):
    assert len(_rows(table, "1 cup rice (2 tbsp black beans)")) == 2


@pytest.mark.parametrize("text, ndb_no", [
    ("a handful of chips at the party", CRISPS), ("8 chips", CRISPS), ("a packet of crisps", CRISPS),
    ("fish fingers and chips for tea", FRIES), ("hot chips at the beach", FRIES), ("oven chips", FRIES),
    ("chips with ketchup", FRIES), ("sausage and chips, mum says she ate them all", FRIES),
    ("potato chips for tea", CRISPS), ("tortilla chips and salsa", "19056"),
])
def test_chips_are_crisps_unless_the_message_says_fries(table, text, ndb_no):
    assert ndb_no in _rows(table, text)


def test_a_chains_chips_are_its_fries(table):
    assert _rows(table, "maccas nuggets and chips") == ["21309", "21238"]


@pytest.mark.parametrize("text", [
    # words of a chat with the bot and everyday English are no misspelt food
    "did I break my streak", "delete that please", "I want to add my partner", "turn off the reminders",
    "any new badges?", "applied the code", "checking in", "make it 7pm",
])
def test_chat_and_everyday_words_are_not_foods(table, text):
    assert _analysis(table, text).items == []


@pytest.mark.parametrize("word, food", [("bannana", "banana"), ("brocoli", "broccoli"), ("yoghrt", "yogurt")])
def test_a_slip_of_the_thumb_is_still_a_food(table, word, food):
    assert _rows(table, f"some {word}") == _rows(table, f"some {food}")


def test_more_than_that_is_not_a_frozen_yogurt(table):
    assert _rows(table, "a pear, she usually eats more than that") == ["09252"]


def test_a_question_after_the_meal_names_no_food(table):
    analysis = _analysis(table, "he had toast and some melon. how much melon should a 2 year old have?")
    assert len(analysis.items) == 2 and analysis.unknown == []


def test_a_question_opening_the_message_says_what_some_was(table):
    assert "19296" in _rows(table, "is honey ok after 1? she had some on her toast")


def test_a_food_name_before_the_verb_is_the_food(table):
    assert _rows(table, "mac and cheese ate maybe half") == _rows(table, "mac and cheese")
    assert _rows(table, "green beans she ate 2 tbsp") == _rows(table, "2 tbsp green beans")


def test_a_chains_pieces_by_their_shape_word(table):
    rows = _rows(table, "chick-fil-a! 3 strips and a few fries")
    assert rows[0] == "21143"


@pytest.mark.parametrize("text, food", [
    ("4 oz orange juice watered down", "orange juice"), ("a pear my mum packed it", "pears, raw"),
])
def test_how_it_was_made_or_diluted_is_no_food(table, text, food):
    analysis = _analysis(table, text)
    assert len(analysis.items) == 1 and food in analysis.items[0].description.lower() and analysis.unknown == []


def test_a_counted_food_named_by_its_last_word_is_the_food_before(table):
    analysis = _analysis(table, "sweet potato fries from the oven, she ate 6 fries")
    assert len(analysis.items) == 1 and "sweet potato" in analysis.items[0].description.lower()


def test_a_part_of_a_dish_is_not_the_whole_dish_again(table):
    rows = _rows(table, "spaghetti and meatballs and she ate 3 meatballs")
    assert rows.count("22912") <= 1


def test_fries_read_from_chips_are_shown_as_chips(table):
    names = [i.name for i in _analysis(table, "fish fingers and chips for tea").items]
    assert "chips" in names and "hot chips" not in names


def test_words_around_a_curated_name_do_not_change_it(table):
    rows = _rows(table, "she had the tortilla (a corn one)")
    assert rows == _rows(table, "a corn tortilla")


def test_the_weather_is_not_a_food(table):
    assert _rows(table, "a cup of watermelon, it was so hot outside") == ["09326"]


def test_a_greeting_is_not_asked_about(table):
    analysis = _analysis(table, "hey! she had a plum")
    assert analysis.unknown == [] and len(analysis.items) == 1


@pytest.mark.parametrize("text", ["a slice of toast at my moms", "a cracker about the size of my thumb"])
def test_where_and_how_big_are_not_foods(table, text):
    assert _analysis(table, text).unknown == []
