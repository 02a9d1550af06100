"""The foods the safety pass reads in a message written in another language."""
from __future__ import annotations

from knowledge.food_safety_scan import check_text
from knowledge.foreign_foods import in_english


def test_safety_foods_are_read_in_english_with_or_without_accents():
    assert "honey" in in_english("le di miel en el yogur", "es")
    assert "shrimp" in in_english("comió camarón", "es") and "shrimp" in in_english("comio camaron", "es")
    assert "peanut butter" in in_english("pão com pasta de amendoim", "pt")
    assert in_english("le di miel", "xx") == "le di miel"  # a language with no table is left alone


def test_the_rules_fire_on_the_english_words():
    kinds = {f.kind for f in check_text(in_english("mi suegra le dio leche de vaca y uvas", "es"), 9, [])}
    assert kinds == {"cows_milk_drink", "choking"}
