"""Read a feeding question written in Spanish in the words our English guidelines use.

TinyTummy answers in English for now. A Spanish question ("puedo darle miel a mi bebé de 9 meses")
is still looked up, through this small word list of what parents ask about feeding: ages, foods,
drinks, signs and question words. It is no translator: words it does not know stay as they are
(many are the same in both, "puré", "yogur"), and the answer the parent gets is the English
guideline, after a line in Spanish saying so.
"""
from __future__ import annotations

import re
import unicodedata

# Phrases first (longest wins), then single words; keys without accents, lower case.
_PHRASES = {
    "a que edad": "at what age", "que edad": "what age", "cuantos meses": "how many months",
    "cuanta leche": "how much milk", "cuanto debe": "how much should", "cuantas veces": "how many times",
    "se puede": "can", "puedo darle": "can I give", "puede comer": "can eat", "puede tomar": "can drink",
    "le puedo dar": "can I give", "puedo dar": "can I give", "que le doy": "what should I give",
    "que le puedo dar": "what can I give", "que alimentos": "what foods", "que comidas": "what foods",
    "como se lo preparo": "how do I prepare it", "como lo preparo": "how do I prepare it",
    "como preparo": "how do I prepare", "es cierto": "is it true", "es bueno": "is it good",
    "es buena": "is it good", "es malo": "is it bad", "es seguro": "is it safe",
    "comida solida": "solid food", "comidas solidas": "solid foods", "alimentos solidos": "solid foods",
    "leche de vaca": "cow's milk", "leche materna": "breast milk", "leche de formula": "formula",
    "leche de almendras": "almond milk", "leche de avena": "oat milk", "leche de soya": "soy milk",
    "leche de soja": "soy milk", "leche de arroz": "rice milk", "leche de coco": "coconut milk",
    "mantequilla de mani": "peanut butter", "crema de cacahuate": "peanut butter",
    "hasta el ano": "until 12 months", "antes del ano": "before 12 months", "un ano": "12 months",
    "no quiere comer": "refuses to eat", "no come": "won't eat", "esta estrenido": "is constipated",
    "esta estrenida": "is constipated", "tiene diarrea": "has diarrhea", "tiene alergia": "has allergy",
    "mas hierro": "more iron", "necesita mas": "needs more", "dice que": "says", "no le de": "not to give",
    "por las": "because of", "por el": "because of",
}
_WORDS = {
    "bebe": "baby", "bebes": "babies", "nino": "child", "nina": "child", "ninos": "children",
    "hijo": "son", "hija": "daughter", "mi": "my", "meses": "months", "mes": "month", "anos": "years",
    "ano": "year", "semana": "week", "dia": "day", "dias": "days", "cuando": "when", "como": "how",
    "cuanto": "how much", "cuanta": "how much", "que": "what", "puedo": "can I", "puede": "can",
    "debo": "should I", "empiezo": "start", "empezar": "start", "darle": "give", "dar": "give",
    "comer": "eat", "come": "eats", "tomar": "drink", "toma": "drinks", "preparar": "prepare",
    "leche": "milk", "formula": "formula", "agua": "water", "jugo": "juice", "zumo": "juice",
    "miel": "honey", "huevo": "egg", "huevos": "eggs", "pescado": "fish", "carne": "meat",
    "pollo": "chicken", "frijoles": "beans", "lentejas": "lentils", "arroz": "rice", "cereal": "cereal",
    "avena": "oatmeal", "pan": "bread", "queso": "cheese", "yogur": "yogurt", "fruta": "fruit",
    "frutas": "fruits", "verduras": "vegetables", "vegetales": "vegetables", "pure": "puree",
    "papilla": "puree", "mani": "peanut", "cacahuate": "peanut", "cacahuete": "peanut", "nueces": "nuts",
    "almendras": "almonds", "sal": "salt", "azucar": "sugar", "hierro": "iron", "vitamina": "vitamin",
    "proteina": "protein", "alergia": "allergy", "alergias": "allergies", "alergico": "allergic",
    "alergica": "allergic", "estrenido": "constipated", "estrenida": "constipated",
    "estrenimiento": "constipation", "diarrea": "diarrhea", "vomito": "vomiting", "fiebre": "fever",
    "dientes": "teeth", "denticion": "teething", "atragantamiento": "choking", "ahogarse": "choking",
    "alimentos": "foods", "comida": "food", "solidos": "solids", "cantidad": "amount",
    "necesita": "needs", "doctora": "doctor", "doctor": "doctor", "pediatra": "pediatrician",
    "mama": "mom", "abuela": "grandma", "dice": "says", "bueno": "good", "buena": "good",
    "seguro": "safe", "para": "for", "con": "with", "sin": "without", "antes": "before",
    "despues": "after", "y": "and", "o": "or", "de": "of", "a": "to", "en": "in", "el": "the",
    "la": "the", "los": "the", "las": "the", "le": "", "lo": "", "se": "", "tiene": "is",
    "doy": "give", "puro": "only", "solo": "only", "edad": "age", "solida": "solid", "solidas": "solid",
}
_ENGLISH_TOO = frozenset({"a", "o", "y", "me", "no", "formula", "cereal", "doctor", "pan", "come", "sal", "dice"})
_TERMS = {**_PHRASES, **_WORDS}
_TERM = re.compile(r"\b(" + "|".join(sorted(map(re.escape, _TERMS), key=len, reverse=True)) + r")\b")
_MARKS = re.compile(r"[¿¡]")


def plain_letters(text: str) -> str:
    """Lower case without accents or Spanish question marks: '¿Cuándo?' -> 'cuando?'."""
    folded = unicodedata.normalize("NFKD", _MARKS.sub("", text.lower()))
    return "".join(c for c in folded if not unicodedata.combining(c))


def reads_spanish(text: str) -> bool:
    """Say whether a message is Spanish: the detector says so, or half its words are Spanish ones we
    know ("a que edad empiezo a darle comida solida a mi bebe", too plain for the detector)."""
    from knowledge.languages import detect

    words = re.findall(r"[a-z]+", plain_letters(text))
    spanish = [w for w in words if w in _WORDS and w not in _ENGLISH_TOO]
    return detect(text) == "es" or (len(words) >= 4 and 2 * len(spanish) >= len(words))


def in_english(text: str) -> str:
    """The question in the guidelines' words: 'puedo darle miel a mi bebé' -> 'can I give honey to my baby'."""
    english = _TERM.sub(lambda m: _TERMS[m.group(1)], plain_letters(text))
    return " ".join(english.split())
