"""Issue 10 through the signed webhook: sentences, pieces, brands, dishes, offered vs eaten, corrections
that edit, several children, meal types, plausibility questions, profile answers, weekly averages."""
from __future__ import annotations

from handlers.dates import age_in_months
from storage.meals import Meal
from storage.models import Allergy, Child, Person
from tests.support import all_rows, household


def meals(app) -> list[Meal]:
    return all_rows(app, Meal, load=("items",))


def items(meal: Meal) -> dict[str, float]:
    return {i.name: i.grams for i in meal.items}


def twins(app, number: str):
    parent = household(app, number, "Leo", "2025-06-01")
    parent.say("add a child")
    parent.say("Maya")
    parent.say("2025-06-01")
    parent.say("none")
    return parent


def test_a_sentence_with_chatter_logs_only_the_food(app):
    parent = household(app, "+12125550301", "Maya", "2025-06-01")
    reply = parent.say("we had pasta at a friend's house lol he seems fine")
    assert reply.startswith("Logged Maya's") and "didn't catch" not in reply
    assert list(items(meals(app)[0])) == ["pasta"]


def test_counted_pieces_and_brands(app):
    parent = household(app, "+12125550302", "Maya", "2025-06-01")
    reply = parent.say("she ate 3 puffs and 4 Chick-fil-A nuggets")
    assert "puffs 1 g" in reply and "chick fil a nuggets 64 g" in reply
    parent.say("Maya had a Yo Baby yogurt")
    assert list(items(meals(app)[-1])) == ["yo baby yogurt"]


def test_dish_parts_are_named_and_offered_vs_eaten(app):
    parent = household(app, "+12125550303", "Maya", "2025-06-01")
    assert "bread" in parent.say("PB&J sandwich") and "pb and j sandwich" not in parent.say("undo")
    reply = parent.say("I gave him 5 strawberries and he ate 3")
    assert "strawberries 36 g of 60 g" in reply


def test_two_not_three_edits_the_item_and_keeps_the_meal(app):
    parent = household(app, "+12125550304", "Maya", "2025-06-01")
    parent.say("lunch: 3 fish sticks and 1/2 cup peas")
    reply = parent.say("actually it was 2 not 3")
    assert reply.startswith("Fixed Maya's lunch")
    [meal] = meals(app)
    assert items(meal) == {"fish sticks": 56.0, "peas": 80.0}


def test_whole_banana_and_no_butter_edit_items(app):
    parent = household(app, "+12125550305", "Maya", "2025-06-01")
    parent.say("half a banana, toast with butter")
    assert parent.say("it was a whole banana").startswith("Fixed Maya's")
    [meal] = meals(app)
    assert items(meal)["banana"] == 118.0 and "toast" in items(meal)
    assert parent.say("no butter").startswith("Fixed Maya's")
    [meal] = meals(app)
    assert "butter" not in items(meal) and "toast" in items(meal) and "banana" in items(meal)
    assert parent.say("undo").startswith("Removed Maya's") and meals(app) == []


def test_both_and_each_child_by_name(app):
    parent = twins(app, "+12125550306")
    reply = parent.say("both had Cheerios")
    assert "Logged Leo's" in reply and "Logged Maya's" in reply
    reply = parent.say("Leo had toast and Maya had 2 eggs")
    assert "Logged Leo's" in reply and "Logged Maya's" in reply
    with app.extensions["tinytummy"].sessions() as s:
        names = {c.id: c.name for c in s.query(Child)}
    by_child = {(names[m.child_id], tuple(items(m))) for m in meals(app)}
    assert by_child == {("Leo", ("cheerios",)), ("Maya", ("cheerios",)), ("Leo", ("toast",)), ("Maya", ("eggs",))}
    assert "Logged Leo's" in parent.say("the twins had a banana")


def test_meal_type_typo(app):
    parent = household(app, "+12125550307", "Maya", "2025-06-01")
    assert parent.say("for brekfast 2 eggs").startswith("Logged Maya's breakfast")


def test_an_implausible_amount_asks_one_question(app):
    parent = household(app, "+12125550308", "Maya", "2025-06-01")
    reply = parent.say("12 fish sticks")
    assert reply.startswith("Logged Maya's") and reply.splitlines()[-1].startswith("Did Maya really eat 12 fish sticks")
    fixed = parent.say("2 not 12")
    assert fixed.startswith("Fixed Maya's") and items(meals(app)[0]) == {"fish sticks": 56.0}


def test_profile_answers_are_answers(app, phone, clock):
    phone.say("hi")
    phone.say("Maya")
    phone.say("she turned 5 last month")
    assert "No allergies noted" in phone.say("none so far")
    with app.extensions["tinytummy"].sessions() as s:
        child = s.query(Child).one()
        assert 60 <= age_in_months(child.birth_date, clock().date()) <= 62
        assert s.query(Allergy).count() == 0


def test_a_time_zone_is_never_a_food(app):
    parent = household(app, "+12125550309", "Maya", "2025-06-01")
    reply = parent.say("London")
    assert "Europe/London" in reply and meals(app) == []
    with app.extensions["tinytummy"].sessions() as s:
        assert s.query(Person).one().timezone == "Europe/London"


def test_weekly_summary_averages_over_days_with_meals(app, clock):
    parent = household(app, "+12125550310", "Maya", "2025-06-01")
    parent.say("1/2 cup oatmeal and a banana")
    reply = parent.say("this week")
    assert "on 1 of 7 days" in reply and "from the one day with meals" in reply
    clock.advance(days=1)
    parent.say("1/2 cup peas")
    assert "a day on average over the 2 days with meals" in parent.say("this week")


def test_a_dish_and_its_measured_parts_are_logged_once(app):
    parent = household(app, "+12125550311", "Maya", "2025-06-01")
    reply = parent.say("rice & beans for dinner, like 1/2 cup rice and 1/4 cup black beans")
    assert "rice 79 g" in reply and "black beans 43 g" in reply and "rice and beans" not in reply
    assert items(meals(app)[0]) == {"rice": 79.0, "black beans": 43.0}


def test_approximate_amounts_and_asides_are_understood(app):
    parent = household(app, "+12125550312", "Maya", "2025-06-01")
    reply = parent.say("3 chicken nuggets (the dino ones) and ~1/4 cup mashed potatoes")
    assert "didn't catch" not in reply
    assert items(meals(app)[0]) == {"chicken nuggets": 54.0, "mashed potatoes": 52.5}


def test_fragments_are_not_foods_and_the_white_is_egg_white(app):
    parent = household(app, "+12125550313", "Maya", "2025-06-01")
    reply = parent.say("1 hard boiled egg, he only ate the white, rest went on the floor")
    assert "didn't catch" not in reply and "egg white 33 g" in reply
    assert items(meals(app)[0]) == {"egg white": 33.0}


def test_the_eaten_share_of_a_pack_and_a_wedge_of_a_cut_dish(app):
    parent = household(app, "+12125550314", "Maya", "2025-06-01")
    assert "mcnuggets 48 g of 64 g" in parent.say("4 mcnuggets (ate 3)")
    parent.say("one wedge of a cheese quesadilla (cut in 8)")
    # A home quesadilla is one 8-inch flour tortilla (49 g) and 28 g of cheese, its parts shown by name; one of 8
    assert items(meals(app)[-1]) == {"tortilla": 6.1, "cheese": 3.5}


def test_a_meal_logged_for_the_wrong_twin_moves_and_a_fix_never_deletes_by_surprise(app):
    parent = twins(app, "+12125550318")
    assert parent.say("Leo had 1/2 cup yogurt").startswith("Logged Leo's")
    reply = parent.say("oops that was for Maya not Leo")
    assert reply.startswith("Moved that") and "to Maya" in reply
    with app.extensions["tinytummy"].sessions() as s:
        names = {c.id: c.name for c in s.query(Child)}
    assert [names[m.child_id] for m in meals(app)] == ["Maya"]
    reply = parent.say("wait that's not right, fix the last one")
    assert reply.startswith("I kept Maya's") and len(meals(app)) == 1  # nothing to apply: kept, and asked
    assert parent.say("undo").startswith("Removed Maya's") and meals(app) == []


def test_counted_dips_and_a_dish_sized_by_its_main_part(app):
    parent = household(app, "+12125550399", "Maya", "2024-10-01")
    reply = parent.say("hummus and pita - she dipped like 3 times, ate maybe a quarter of a big pita")
    assert reply.startswith("Logged Maya's") and "didn't catch" not in reply
    assert items(meals(app)[0]) == {"hummus": 15.0, "pita": 15.0}


def test_dishes_from_many_kitchens_log_by_their_parts(app):
    parent = household(app, "+12125550398", "Maya", "2024-10-01")
    reply = parent.say("breakfast was 1 pesarattu and half a cup of mango lassi")
    assert reply.startswith("Logged Maya's breakfast") and "didn't catch" not in reply
    assert {"mung beans", "yogurt"} <= set(items(meals(app)[0]))


def test_a_sibling_or_a_child_not_on_the_profile_eats_nothing_of_ours(app):
    parent = household(app, "+12125550311", "Maya", "2025-06-01")
    assert parent.say("Maya had 2 fish sticks and her brother had the pancakes").startswith("Logged Maya's")
    assert parent.say("Noah ate a hot dog and Maya just ate the peas").startswith("Logged Maya's")
    assert sorted(tuple(items(m)) for m in meals(app)) == [("fish sticks",), ("peas",)]
