"""Food-safety flags: tables of (food, age) -> flag, with USDA SR28 descriptions as the parser gives them."""
from __future__ import annotations

from dataclasses import dataclass

import pytest

from knowledge.food_safety import MAJOR_ALLERGENS, SafetyFlag, allergens_in, check_foods, normalize_allergen


@dataclass(frozen=True)
class Food:
    name: str
    description: str = ""
    food_group: str = ""
    raw: str = ""


def food(name: str, description: str = "", group: str = "", raw: str | None = None) -> Food:
    return Food(name, description, group, name if raw is None else raw)


GRAPES = "Grapes, red or green (European type, such as Thompson seedless), raw"
WHOLE_MILK = "Milk, whole, 3.25% milkfat, with added vitamin D"
HOT_DOG = "Frankfurter, beef, unheated"
PEANUT_BUTTER = "Peanut butter, smooth style, with salt"
TOMATOES = "Tomatoes, red, ripe, raw, year round average"

F = {
    "whole grapes": food("grapes", GRAPES, "0900", "whole grapes"),
    "honey": food("honey", "Honey", "1900"),
    "honey nut cheerios": food("honey nut cheerios", "Cereals ready-to-eat, GENERAL MILLS, HONEY NUT CHEERIOS", "0800"),
    "honey oatmeal": food("baby oatmeal with honey", "Babyfood, cereal, oatmeal, with honey, dry", "0300"),
    "honeydew": food("honeydew", "Melons, honeydew, raw", "0900"),
    "whole milk": food("whole milk", WHOLE_MILK, "0100", "a cup of whole milk"),
    "2% milk": food("2% milk", "Milk, reduced fat, fluid, 2% milkfat, with added vitamin A and vitamin D", "0100"),
    "cows milk": food("cow's milk", WHOLE_MILK, "0100", "cows milk in a sippy cup"),
    "milk": food("milk", WHOLE_MILK, "0100"),
    "breast milk": food("breast milk", "Milk, human, mature, fluid", "0100"),
    "oatmeal with milk": food("oatmeal", "Cereals, oats, regular and quick, not fortified, dry", "0800",
                              "oatmeal made with whole milk"),
    "yogurt": food("yogurt", "Yogurt, Greek, plain, whole milk", "0100"),
    "cheese": food("cheese", "Cheese, mozzarella, whole milk", "0100", "cheese"),
    "apple juice": food("apple juice", "Apple juice, canned or bottled, unsweetened, without added ascorbic acid", "0900"),
    "baby juice": food("juice", "Babyfood, juice, apple", "0300", "a little apple juice"),
    "lemon juice": food("lemon juice", "Lemon juice, raw", "0900", "a squeeze of lemon juice"),
    "cherry tomatoes": food("cherry tomatoes", TOMATOES, "1100"),
    "almonds": food("almonds", "Nuts, almonds", "1200", "a handful of almonds"),
    "peanuts": food("peanuts", "Peanuts, all types, dry-roasted, with salt", "1600"),
    "popcorn": food("popcorn", "Snacks, popcorn, air-popped", "2500"),
    "carrot sticks": food("carrot sticks", "Carrots, raw", "1100"),
    "celery": food("celery", "Celery, raw", "1100", "raw celery sticks"),
    "hot dog": food("hot dog", HOT_DOG, "0700", "hot dog rounds"),
    "marshmallows": food("marshmallows", "Candies, marshmallows", "1900"),
    "spoon of pb": food("peanut butter", PEANUT_BUTTER, "1600", "a spoon of peanut butter"),
    "hard candy": food("hard candy", "Candies, hard", "1900"),
    "lollipop": food("lollipop", "Candies, hard", "1900"),
    "blueberries": food("blueberries", "Blueberries, raw", "0900"),
    "apple slices": food("apple", "Apples, raw, with skin", "0900", "apple slices"),
    "swordfish": food("swordfish", "Fish, swordfish, cooked, dry heat", "1500"),
    "shark": food("shark", "Fish, shark, mixed species, raw", "1500"),
    "king mackerel": food("king mackerel", "Fish, mackerel, king, cooked, dry heat", "1500"),
    "tilefish": food("tilefish", "Fish, tilefish, cooked, dry heat", "1500"),
    "orange roughy": food("orange roughy", "Fish, roughy, orange, cooked, dry heat", "1500"),
    "marlin": food("marlin", "", "", "grilled marlin"),
    "bigeye tuna": food("bigeye tuna", "", "", "seared bigeye tuna"),
    "albacore": food("tuna", "Fish, tuna, white, canned in water, drained solids", "1500", "albacore tuna"),
    "light tuna": food("tuna", "Fish, tuna, light, canned in water, drained solids", "1500"),
    "salmon": food("salmon", "Fish, salmon, Atlantic, farmed, cooked, dry heat", "1500"),
    "chips": food("chips", "Snacks, potato chips, plain, salted", "2500"),
    "ham": food("ham", "Ham, sliced, packaged (96% fat free, water added)", "0700"),
    "bologna": food("bologna", "Bologna, beef", "0700"),
    "saltines": food("crackers", "Crackers, saltines (includes oyster, soda, soup)", "1800", "saltine crackers"),
    "cookie": food("cookie", "Cookies, chocolate chip, commercially prepared, regular, higher fat, enriched", "1800"),
    "ice cream": food("ice cream", "Ice creams, vanilla", "1900"),
    "soda": food("soda", "Beverages, carbonated, cola, regular", "1400"),
    "sugar": food("sugar", "Sugars, granulated", "1900", "a spoon of sugar on her cereal"),
    "sugar snap peas": food("sugar snap peas", "Peas, edible-podded, raw", "1100"),
    "banana": food("banana", "Bananas, raw", "0900"),
    "avocado": food("avocado", "Avocados, raw, all commercial varieties", "0900"),
}


def kinds(flags: list[SafetyFlag]) -> dict[str, str]:
    return {f.kind: f.severity for f in flags}


# (food key, age in months, kind, severity expected - None: no flag of that kind)
AGE_CASES = [
    ("honey", 7, "honey", "warn"),
    ("honey", 11, "honey", "warn"),
    ("honey", 12, "honey", None),
    ("honey", 30, "honey", None),
    ("honey", 60, "honey", None),
    ("honey nut cheerios", 7, "honey", "warn"),
    ("honey oatmeal", 7, "honey", "warn"),
    ("honeydew", 7, "honey", None),
    ("whole milk", 7, "cows_milk_drink", "warn"),
    ("2% milk", 9, "cows_milk_drink", "warn"),
    ("cows milk", 7, "cows_milk_drink", "warn"),
    ("milk", 7, "cows_milk_drink", "info"),
    ("whole milk", 12, "cows_milk_drink", None),
    ("whole milk", 30, "cows_milk_drink", None),
    ("whole milk", 60, "cows_milk_drink", None),
    ("apple juice", 7, "juice", "warn"),
    ("baby juice", 7, "juice", "warn"),
    ("apple juice", 30, "juice", "info"),
    ("apple juice", 60, "juice", "info"),
    ("whole grapes", 7, "choking", "warn"),
    ("whole grapes", 30, "choking", "warn"),
    ("whole grapes", 47, "choking", "warn"),
    ("whole grapes", 48, "choking", None),
    ("whole grapes", 60, "choking", None),
    ("cherry tomatoes", 30, "choking", "warn"),
    ("cherry tomatoes", 60, "choking", None),
    ("almonds", 30, "choking", "warn"),
    ("peanuts", 30, "choking", "warn"),
    ("almonds", 60, "choking", None),
    ("popcorn", 7, "choking", "warn"),
    ("popcorn", 30, "choking", "warn"),
    ("popcorn", 60, "choking", None),
    ("carrot sticks", 30, "choking", "warn"),
    ("celery", 30, "choking", "warn"),
    ("carrot sticks", 60, "choking", None),
    ("hot dog", 30, "choking", "warn"),
    ("hot dog", 60, "choking", None),
    ("marshmallows", 30, "choking", "warn"),
    ("spoon of pb", 30, "choking", "warn"),
    ("spoon of pb", 60, "choking", None),
    ("hard candy", 30, "choking", "warn"),
    ("lollipop", 30, "choking", "warn"),
    ("hard candy", 60, "choking", None),
    ("blueberries", 7, "choking", "info"),
    ("blueberries", 30, "choking", None),
    ("apple slices", 7, "choking", "warn"),
    ("apple slices", 30, "choking", None),
    ("swordfish", 7, "mercury", "warn"),
    ("swordfish", 30, "mercury", "warn"),
    ("swordfish", 60, "mercury", "warn"),
    ("shark", 30, "mercury", "warn"),
    ("king mackerel", 30, "mercury", "warn"),
    ("tilefish", 30, "mercury", "warn"),
    ("orange roughy", 60, "mercury", "warn"),
    ("marlin", 30, "mercury", "warn"),
    ("bigeye tuna", 30, "mercury", "warn"),
    ("albacore", 30, "mercury", "info"),
    ("albacore", 60, "mercury", "info"),
    ("light tuna", 30, "mercury", None),
    ("salmon", 30, "mercury", None),
    ("chips", 18, "added_salt", "info"),
    ("ham", 18, "added_salt", "info"),
    ("bologna", 9, "added_salt", "info"),
    ("saltines", 18, "added_salt", "info"),
    ("chips", 30, "added_salt", None),
    ("ham", 60, "added_salt", None),
    ("cookie", 18, "added_sugar", "info"),
    ("ice cream", 18, "added_sugar", "info"),
    ("soda", 18, "added_sugar", "info"),
    ("sugar", 10, "added_sugar", "info"),
    ("marshmallows", 18, "added_sugar", "info"),
    ("honey", 18, "added_sugar", "info"),
    ("cookie", 30, "added_sugar", None),
    ("soda", 60, "added_sugar", None),
    ("sugar snap peas", 18, "added_sugar", None),
    ("banana", 7, "added_sugar", None),
    ("avocado", 7, "added_salt", None),
]


@pytest.mark.parametrize(("key", "age", "kind", "severity"), AGE_CASES)
def test_flag_by_age(key: str, age: int, kind: str, severity: str | None) -> None:
    assert kinds(check_foods([F[key]], age, [])).get(kind) == severity


@pytest.mark.parametrize("key", ["yogurt", "cheese", "breast milk", "oatmeal with milk", "lemon juice", "honeydew",
                                 "salmon", "light tuna", "banana", "avocado"])
@pytest.mark.parametrize("age", [7, 30, 60])
def test_ordinary_foods_get_no_flag(key: str, age: int) -> None:
    assert check_foods([F[key]], age, []) == []


def test_honey_at_seven_months_is_not_also_an_added_sugar_line() -> None:
    assert [f.kind for f in check_foods([F["honey"]], 7, [])] == ["honey"]


SAFE_PREPARATIONS = [
    ("grapes", GRAPES, "0900", "quartered grapes", 10),
    ("grapes", GRAPES, "0900", "grapes cut up", 10),
    ("grapes", GRAPES, "0900", "grapes halved lengthwise", 30),
    ("grapes", GRAPES, "0900", "mashed grapes", 8),
    ("grapes", GRAPES, "0900", "grapes, quartered", 30),
    ("cherry tomatoes", TOMATOES, "1100", "quartered cherry tomatoes", 30),
    ("hot dog", HOT_DOG, "0700", "hot dog quartered lengthwise", 30),
    ("peanut butter", PEANUT_BUTTER, "1600", "peanut butter spread thinly on toast", 10),
    ("peanut butter", PEANUT_BUTTER, "1600", "1 tsp peanut butter mixed into oatmeal", 10),
    ("PB toast", "Bread, whole-wheat, commercially prepared, toasted", "1800", "PB toast", 30),
    ("almond butter", "Nuts, almond butter, plain, without salt added", "1200", "almond butter", 30),
    ("ground almonds", "Nuts, almonds", "1200", "finely ground almonds in yogurt", 10),
    ("carrots", "Carrots, cooked, boiled, drained, without salt", "1100", "carrots", 10),
    ("carrots", "Carrots, raw", "1100", "steamed carrot sticks", 10),
    ("carrots", "Carrots, raw", "1100", "grated carrot", 10),
    ("apple", "Apples, raw, with skin", "0900", "grated apple", 8),
    ("apple", "Apples, raw, without skin, cooked, boiled", "0900", "stewed apple", 8),
    ("applesauce", "Applesauce, canned, unsweetened, without added ascorbic acid", "0900", "applesauce", 8),
    ("blueberries", "Blueberries, raw", "0900", "squashed blueberries", 8),
    ("blueberry muffin", "Muffins, blueberry, commercially prepared (Includes mini-muffins)", "1800",
     "blueberry muffin", 8),
    ("grape juice", "Grape juice, canned or bottled, unsweetened, with added ascorbic acid", "0900", "grape juice", 30),
    ("popcorn chicken", "", "", "popcorn chicken", 30),
]


@pytest.mark.parametrize(("name", "description", "group", "raw", "age"), SAFE_PREPARATIONS,
                         ids=[f"{raw}-{age}" for *_, raw, age in SAFE_PREPARATIONS])
def test_safe_preparations_and_look_alikes_get_no_choking_flag(
    name: str, description: str, group: str, raw: str, age: int
) -> None:
    flags = check_foods([Food(name, description, group, raw)], age, [])
    assert "choking" not in kinds(flags)


def test_unknown_age_flags_choking_and_honey_conditionally_and_skips_the_rest() -> None:
    meal = [F["whole grapes"], F["honey"], F["whole milk"], F["apple juice"], F["chips"], F["cookie"], F["swordfish"]]
    flags = {f.kind: f for f in check_foods(meal, None, [], "Maya")}
    assert set(flags) == {"choking", "honey", "mercury"}
    assert flags["choking"].message.startswith("If Maya is under 4")
    assert flags["honey"].message.startswith("If Maya is under 12 months")


def test_known_age_message_names_the_child() -> None:
    (flag,) = check_foods([F["honey"]], 8, [], "Maya")
    assert flag == SafetyFlag(
        "honey", "honey",
        "Honey isn't safe before 12 months (botulism risk) - please skip it until Maya's first birthday.", "warn")


def test_juice_limits_name_the_right_amount() -> None:
    assert "4 oz" in check_foods([F["apple juice"]], 30, [])[0].message
    assert "4-6 oz" in check_foods([F["apple juice"]], 60, [])[0].message


def test_flags_are_deduplicated_per_kind_and_food_and_warnings_come_first() -> None:
    meal = [F["blueberries"], F["whole grapes"], F["whole grapes"], F["honey"]]
    flags = check_foods(meal, 8, [])
    assert [(f.kind, f.food) for f in flags] == [("choking", "grapes"), ("honey", "honey"), ("choking", "blueberries")]


# (recorded allergy, food) pairs that must flag, one or more per major allergen
ALLERGEN_HITS = [
    ("dairy", food("cheese", "Cheese, cheddar", "0100")),
    ("milk", food("yogurt", "Yogurt, Greek, plain, whole milk", "0100")),
    ("cow's milk", food("butter", "Butter, salted", "0100", "toast with butter")),
    ("milk", food("mac and cheese", "", "", "mac and cheese")),
    ("eggs", food("scrambled eggs", "Egg, whole, cooked, scrambled", "0100")),
    ("egg", food("mayo", "Salad dressing, mayonnaise, regular", "0400")),
    ("egg", food("pancakes", "Pancakes, plain, dry mix, complete, prepared", "1800")),
    ("peanuts", food("peanut butter", PEANUT_BUTTER, "1600")),
    ("peanut", food("PB toast", "Bread, whole-wheat, commercially prepared, toasted", "1800")),
    ("peanut", food("bamba", "", "", "bamba puffs")),
    ("tree nuts", food("cashews", "Nuts, cashew nuts, raw", "1200")),
    ("nuts", food("almond butter", "Nuts, almond butter, plain, without salt added", "1200")),
    ("almond", food("almond milk", "Beverages, almond milk, unsweetened, shelf stable", "1400")),
    ("walnuts", food("banana bread", "", "", "banana walnut bread")),
    ("soy", food("tofu", "Tofu, raw, firm, prepared with calcium sulfate", "1600")),
    ("soya", food("edamame", "Edamame, frozen, unprepared", "1100")),
    ("soy", food("soy sauce", "Soy sauce made from soy and wheat (shoyu)", "1600")),
    ("wheat", food("bread", "Bread, white, commercially prepared (includes soft bread crumbs)", "1800")),
    ("gluten", food("pasta", "Pasta, cooked, enriched, without added salt", "2000")),
    ("wheat", food("crackers", "Crackers, saltines (includes oyster, soda, soup)", "1800")),
    ("wheat", food("cream of wheat", "Cereals, CREAM OF WHEAT, instant, prepared with water, without salt", "0800")),
    ("fish", food("salmon", "Fish, salmon, Atlantic, farmed, cooked, dry heat", "1500")),
    ("fish", food("cod", "Fish, cod, Atlantic, cooked, dry heat", "1500")),
    ("fish", food("tuna", "Fish, tuna, light, canned in water, drained solids", "1500")),
    ("fish", food("fish sticks", "", "", "fish sticks")),
    ("shellfish", food("shrimp", "Crustaceans, shrimp, cooked (not previously frozen)", "1500")),
    ("crab", food("crab", "Crustaceans, crab, blue, cooked, moist heat", "1500")),
    ("prawns", food("prawns", "", "", "prawns")),
    ("sesame", food("hummus", "Hummus, commercial", "1600")),
    ("tahini", food("tahini", "Seeds, sesame butter, tahini, from roasted and toasted kernels (most common type)",
                    "1200")),
]


@pytest.mark.parametrize(("allergy", "item"), ALLERGEN_HITS, ids=[f"{a}-{f.name}" for a, f in ALLERGEN_HITS])
def test_recorded_allergen_is_flagged(allergy: str, item: Food) -> None:
    (flag,) = [f for f in check_foods([item], 30, [allergy], "Leo") if f.kind == "allergen"]
    assert flag.severity == "warn"
    assert "Leo's allergy list" in flag.message
    assert "call 911" in flag.message


def test_every_major_allergen_has_a_hit() -> None:
    covered = {normalize_allergen(allergy) for allergy, _ in ALLERGEN_HITS}
    assert covered == set(MAJOR_ALLERGENS)


# (recorded allergy, food) pairs that must NOT flag: look-alike words
ALLERGEN_MISSES = [
    ("wheat", food("cheerios", "Cereals ready-to-eat, GENERAL MILLS, CHEERIOS", "0800")),
    ("wheat", food("oatmeal", "Cereals, oats, regular and quick, not fortified, dry", "0800")),
    ("wheat", food("rice cakes", "Snacks, rice cakes, brown rice, plain, unsalted", "2500")),
    ("gluten", food("gluten-free bread", "", "", "gluten-free bread")),
    ("milk", food("peanut butter", PEANUT_BUTTER, "1600")),
    ("milk", food("almond milk", "Beverages, almond milk, unsweetened, shelf stable", "1400")),
    ("milk", food("breast milk", "Milk, human, mature, fluid", "0100")),
    ("dairy", food("dairy-free yogurt", "", "", "dairy free yogurt")),
    ("egg", food("eggplant", "Eggplant, raw", "1100")),
    ("egg", food("rice cakes", "Snacks, rice cakes, brown rice, plain, unsalted", "2500")),
    ("tree nuts", food("coconut", "Nuts, coconut meat, raw", "1200")),
    ("tree nuts", food("butternut squash", "Squash, winter, butternut, cooked, baked, without salt", "1100")),
    ("tree nuts", food("peanut butter", PEANUT_BUTTER, "1600")),
    ("peanut", food("almond butter", "Nuts, almond butter, plain, without salt added", "1200")),
    ("fish", food("goldfish crackers", "", "", "goldfish crackers")),
    ("fish", food("shrimp", "Crustaceans, shrimp, cooked (not previously frozen)", "1500")),
    ("shellfish", food("crab apple", "Crabapples, raw", "0900")),
    ("shellfish", food("crackers", "Crackers, saltines (includes oyster, soda, soup)", "1800")),
    ("soy", food("banana", "Bananas, raw", "0900")),
    ("sesame", food("avocado", "Avocados, raw, all commercial varieties", "0900")),
]


@pytest.mark.parametrize(("allergy", "item"), ALLERGEN_MISSES, ids=[f"{a}-{f.name}" for a, f in ALLERGEN_MISSES])
def test_look_alike_is_not_flagged(allergy: str, item: Food) -> None:
    assert "allergen" not in kinds(check_foods([item], 30, [allergy]))


def test_allergens_in_reads_name_and_description() -> None:
    pancakes = food("pancakes", "Pancakes, plain, dry mix, complete, prepared", "1800")
    assert allergens_in(pancakes) == {"egg", "milk", "wheat"}
    assert allergens_in(food("cheerios", "Cereals ready-to-eat, GENERAL MILLS, CHEERIOS", "0800")) == set()
    assert allergens_in(food("shrimp pad thai", "", "", "shrimp pad thai with peanuts")) >= {"shellfish", "peanut"}


def test_one_flag_names_every_listed_allergen_in_a_food() -> None:
    pancakes = food("pancakes", "Pancakes, plain, dry mix, complete, prepared", "1800")
    (flag,) = check_foods([pancakes], 30, ["eggs", "dairy"], "Leo")
    assert flag.kind == "allergen"
    assert "egg and milk" in flag.message


@pytest.mark.parametrize(("allergy", "item"), [
    ("strawberries", food("strawberries", "Strawberries, raw", "0900")),
    ("Strawberry", food("berries", "Strawberries, raw", "0900", "some berries")),
    ("kiwi", food("kiwi", "Kiwifruit, green, raw", "0900")),
    ("kiwi", food("fruit", "Kiwifruit, green, raw", "0900", "fruit salad")),
    ("tomatoes", food("cherry tomatoes", TOMATOES, "1100", "quartered cherry tomatoes")),
    ("mango", food("mango puree", "", "0300", "mango puree")),
    ("apple", food("applesauce", "Applesauce, canned, unsweetened, without added ascorbic acid", "0900")),
    ("red dye", food("fruit snacks", "", "", "fruit snacks with red dye")),
    ("corn", food("popcorn", "Snacks, popcorn, air-popped", "2500")),
    ("berries", food("strawberries", "Strawberries, raw", "0900")),
])
def test_custom_allergen_matches_name_or_description(allergy: str, item: Food) -> None:
    flags = [f for f in check_foods([item], 30, [allergy], "Leo") if f.kind == "allergen"]
    assert len(flags) == 1
    assert "Leo's allergy list" in flags[0].message


@pytest.mark.parametrize("allergies", [["none"], ["No allergies"], ["n/a"], [""], []])
def test_no_allergy_answers_flag_nothing(allergies: list[str]) -> None:
    meal = [food("cheese", "Cheese, cheddar", "0100"), food("strawberries", "Strawberries, raw", "0900")]
    assert check_foods(meal, 30, allergies) == []


@pytest.mark.parametrize(("allergy", "item"), [
    ("kiwi", F["banana"]),
    ("strawberries", F["avocado"]),
    ("pear", food("barley", "Barley, pearled, cooked", "2000")),
    ("oat", food("goat cheese", "Cheese, goat, soft type", "0100")),
])
def test_custom_allergen_does_not_match_other_foods(allergy: str, item: Food) -> None:
    assert check_foods([item], 60, [allergy]) == []


@pytest.mark.parametrize(("text", "expected"), [
    ("peanuts", "peanut"), ("Peanut", "peanut"), ("peanut butter", "peanut"),
    ("dairy", "milk"), ("cow's milk", "milk"), ("Cows milk", "milk"), ("CMPA", "milk"), ("lactose", "milk"),
    ("eggs", "egg"), ("egg whites", "egg"),
    ("nuts", "tree_nut"), ("tree nuts", "tree_nut"), ("cashews", "tree_nut"), ("almond", "tree_nut"),
    ("almond milk", "tree_nut"), ("pine nuts", "tree_nut"),
    ("gluten", "wheat"), ("wheat", "wheat"), ("celiac", "wheat"),
    ("shrimp", "shellfish"), ("prawns", "shellfish"), ("crab", "shellfish"), ("shellfish", "shellfish"),
    ("fish", "fish"), ("salmon", "fish"),
    ("tahini", "sesame"), ("sesame seeds", "sesame"),
    ("soy", "soy"), ("soya", "soy"), ("tofu", "soy"),
    ("strawberries", None), ("kiwi", None), ("none", None), ("", None), ("no allergies", None),
])
def test_normalize_allergen(text: str, expected: str | None) -> None:
    assert normalize_allergen(text) == expected


def test_seafood_allergy_covers_fish_and_shellfish() -> None:
    meal = [food("salmon", "Fish, salmon, Atlantic, farmed, cooked, dry heat", "1500"),
            food("shrimp", "Crustaceans, shrimp, cooked (not previously frozen)", "1500")]
    assert [f.food for f in check_foods(meal, 30, ["seafood"])] == ["salmon", "shrimp"]


def test_allergen_message_uses_the_local_emergency_number() -> None:
    cheese = food("cheese", "Cheese, cheddar", "0100")
    assert "call 999" in check_foods([cheese], 30, ["milk"], emergency_number="999")[0].message
    assert "get emergency help" in check_foods([cheese], 30, ["milk"], emergency_number="")[0].message
    unknown = check_foods([cheese], 30, ["milk"], emergency_number="your local emergency number")[0].message
    assert "get emergency help" in unknown


@pytest.mark.parametrize("key", MAJOR_ALLERGENS)
def test_stored_allergen_keys_map_to_themselves(key: str) -> None:
    """handlers/allergies stores normalize_allergen(...) results, so the keys must round-trip."""
    assert normalize_allergen(key) == key


@pytest.mark.parametrize("child", ["your child", "Maya", "Alexandrina", "Christopher-John"])
@pytest.mark.parametrize("age", [7, 18, 30, 60, None])
def test_every_message_is_short_plain_ascii(child: str, age: int | None) -> None:
    allergies = list(MAJOR_ALLERGENS) + ["strawberries"]
    meal = list(F.values()) + [item for _, item in ALLERGEN_HITS]
    flags = check_foods(meal, age, allergies, child)
    assert flags
    for flag in flags:
        assert len(flag.message) <= 140, flag.message
        assert flag.message.isascii(), flag.message
        assert flag.severity in {"warn", "info"}
        assert "{" not in flag.message


def test_a_dish_split_into_parts_is_flagged_once_for_what_only_its_name_shows() -> None:
    parts = [food("sticky rice", "Rice, white, glutinous, cooked", "2000", "sushi"),
             food("seaweed", "Seaweed, laver, raw", "1100", "sushi"),
             food("cucumber", "Cucumber, with peel, raw", "1100", "sushi")]
    flags = [f for f in check_foods(parts, 30, ["fish", "shellfish"]) if f.kind == "allergen"]
    assert [f.food for f in flags] == ["sushi"] and "may contain" in flags[0].message


def test_a_part_of_a_dish_is_named_for_its_own_allergen_not_the_dishs() -> None:
    parts = [food("egg", "Egg, whole, cooked, scrambled", "0100", "pad thai"),
             food("rice noodles", "Noodles, chinese, rice, cooked", "2000", "pad thai"),
             food("peanuts", "Peanuts, all types, dry-roasted, without salt", "1600", "pad thai")]
    flags = {f.food: f.message for f in check_foods(parts, 30, ["egg", "peanut"]) if f.kind == "allergen"}
    assert set(flags) == {"egg", "peanuts"}
    assert "may contain" not in flags["egg"]
