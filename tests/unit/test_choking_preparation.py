"""Age-rule flags by preparation: sausage rounds, whole pickles, raw veg, nuts, hard candy (choking)
flag under 4, the safe preparations (quartered lengthwise, strips, grated, mashed) do not; salt itself under 2."""
from __future__ import annotations

import pytest

from knowledge.food_safety_scan import check_text


def choking(text: str, age: int) -> bool:
    return any(f.kind == "choking" for f in check_text(text, age, [], (), "Maya"))


@pytest.mark.parametrize("text, age", [
    # round slices of sausage-type foods, by the names families use
    ("she fed him slices of kielbasa straight off the board", 16),
    ("kielbasa coins for lunch", 14),
    ("chorizo rounds with rice", 18),
    ("bratwurst sliced up at the bbq", 30),
    ("a few little smokies at the party", 20),
    ("cocktail weenies and crackers", 26),
    ("he chewed on a meat stick in the car", 22),
    ("hot dog slices and peas", 20),
    # whole firm foods to gnaw, raw veg
    ("a whole dill pickle to gnaw on", 16),
    ("pickle spear with his sandwich", 24),
    ("raw carrot sticks", 16),
    ("raw snap peas from the garden", 20),
    ("whole apple to gnaw on", 10),
    # whole nuts and hard candy
    ("a handful of cashews", 30),
    ("grandpa slipped her a jolly rancher", 36),
])
def test_unsafe_preparation_is_flagged_under_four(text: str, age: int) -> None:
    assert choking(text, age)


@pytest.mark.parametrize("text, age", [
    ("kielbasa cut in strips", 24),
    ("sausage quartered lengthwise then chopped", 20),
    ("hot dog cut in strips and peas", 20),
    ("chorizo crumbled into the eggs", 18),
    ("grated carrot in her muffin", 16),
    ("steamed snap peas", 20),
    ("mashed potatoes and gravy", 16),
    ("almonds finely ground into oatmeal", 30),
    ("pickle relish on his burger", 30),
    ("grapes quartered lengthwise", 18),
])
def test_safe_preparation_is_not_flagged(text: str, age: int) -> None:
    assert not choking(text, age)


@pytest.mark.parametrize("text", ["kielbasa coins for lunch", "a whole dill pickle to gnaw on", "raw snap peas"])
def test_no_choking_flag_from_four(text: str) -> None:
    assert not choking(text, 50)


def test_the_pickle_note_says_how_to_serve_it() -> None:
    [note] = [f.message for f in check_text("a whole pickle to gnaw", 16, [], (), "Maya") if f.kind == "choking"]
    assert "Dice it small for Maya" in note and len(note) <= 140


@pytest.mark.parametrize("text, salty", [
    ("added a pinch of salt to his dal and rice", True),
    ("i sprinkled a little salt on her eggs", True),
    ("no salt added to her dal", False),
    ("unsalted butter on toast", False),
])
def test_salt_itself_is_added_salt_under_two(text: str, salty: bool) -> None:
    assert any(f.kind == "added_salt" for f in check_text(text, 10, [], (), "Maya")) is salty
