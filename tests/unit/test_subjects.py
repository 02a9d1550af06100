"""What a question is about beyond its words: the drink it means, by the child's age."""
from knowledge.subjects import drinks_meant, drinks_named


def test_toddler_and_growing_up_milks_are_formula():
    assert drinks_named("Toddler milks and growing-up milk are not needed") == {"formula"}


def test_milk_for_a_baby_may_be_formula_but_for_a_toddler_it_is_cows_milk():
    asked = drinks_named("my toddler hates milk does he even need it")

    assert "formula" in drinks_meant(asked, 8)
    assert "formula" not in drinks_meant(asked, 15) and "milk" in drinks_meant(asked, 15)
    assert "formula" in drinks_meant(drinks_named("should she have formula or milk"), 15)
