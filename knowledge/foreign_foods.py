"""The foods the safety pass must see in a message written in another language.

TinyTummy answers in English for now, but a parent writing "le di miel en el yogur" about a
7-month-old must still hear about honey. Only the foods a safety rule or an allergy is about are
listed (honey, cow's milk, juice, choking hazards, high-mercury fish, the major allergens, salty and
sugary foods); each is rewritten as the English words the rules already read.
"""
from __future__ import annotations

import re

from knowledge.spanish import plain_letters

_WORDS: dict[str, dict[str, str]] = {
    "es": {
        "miel": "honey", "leche de vaca": "cow's milk", "leche entera": "whole milk", "jugo": "juice",
        "zumo": "juice", "uvas": "whole grapes", "uva": "whole grape", "palomitas": "popcorn",
        "salchicha": "hot dog", "salchichas": "hot dogs", "nueces": "nuts", "almendras": "almonds",
        "cacahuate": "peanut", "cacahuates": "peanuts", "cacahuete": "peanut", "mani": "peanut",
        "crema de cacahuate": "peanut butter", "mantequilla de mani": "peanut butter", "huevo": "egg",
        "huevos": "eggs", "camarones": "shrimp", "camaron": "shrimp", "gambas": "shrimp", "pescado": "fish",
        "pez espada": "swordfish", "tiburon": "shark", "caramelos": "hard candy", "dulces": "candy",
        "chicle": "gum", "refresco": "soda", "pastel": "cake", "galletas": "cookies", "papas fritas": "chips",
        "sal": "salt", "trigo": "wheat", "pan": "bread", "soya": "soy", "soja": "soy", "ajonjoli": "sesame",
        "sesamo": "sesame", "queso": "cheese", "yogur": "yogurt", "zanahoria cruda": "raw carrot",
        "malvaviscos": "marshmallows", "atun": "tuna", "mariscos": "shellfish",
    },
    "fr": {
        "miel": "honey", "lait de vache": "cow's milk", "jus": "juice", "raisins": "whole grapes",
        "pop-corn": "popcorn", "popcorn": "popcorn", "saucisse": "hot dog", "noix": "nuts",
        "cacahuete": "peanut", "cacahuetes": "peanuts", "beurre de cacahuete": "peanut butter",
        "oeuf": "egg", "oeufs": "eggs", "crevettes": "shrimp", "poisson": "fish", "espadon": "swordfish",
        "requin": "shark", "bonbons": "candy", "gateau": "cake", "sesame": "sesame", "fromage": "cheese",
    },
    "pt": {
        "mel": "honey", "leite de vaca": "cow's milk", "suco": "juice", "sumo": "juice", "uvas": "whole grapes",
        "pipoca": "popcorn", "salsicha": "hot dog", "nozes": "nuts", "amendoim": "peanut",
        "pasta de amendoim": "peanut butter", "ovo": "egg", "ovos": "eggs", "camarao": "shrimp",
        "peixe": "fish", "peixe-espada": "swordfish", "tubarao": "shark", "balas": "candy", "bolo": "cake",
        "gergelim": "sesame", "queijo": "cheese",
    },
}
_PATTERNS = {lang: re.compile(r"\b(" + "|".join(sorted(map(re.escape, words), key=len, reverse=True)) + r")\b")
             for lang, words in _WORDS.items()}


def in_english(text: str, language: str) -> str:
    """The message with the safety-relevant foods of `language` written as English words."""
    pattern = _PATTERNS.get(language)
    if pattern is None:
        return text
    words = _WORDS[language]
    return pattern.sub(lambda m: words[m.group(1)], plain_letters(text))
