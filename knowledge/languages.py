"""Tell which language a parent's message is in, offline and cautiously.

TinyTummy understands English only for now; `handlers.language` answers a message in one of
`LANGUAGES` in that language. Detection uses py3langid restricted to these languages and English.
Short texts, texts with English function words, texts without the language's own small words and
texts the detector is unsure about stay English, so "gracias", "pasta al pomodoro" or "broccoli
cheddar bites" never lose the parent the bot's help.
"""
from __future__ import annotations

import re
import threading
from functools import lru_cache

ENGLISH = "en"
LANGUAGES = ("es", "fr", "pt", "de", "it")
MIN_WORDS = 3  # fewer words than this are too little to judge ("gracias", "pasta pomodoro")
MIN_PROBABILITY = 0.7
MAX_ENGLISH_SHARE = 0.2  # more English function words than this and the message is English
_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)
_ENGLISH_WORDS = frozenset(
    "the a an and or but is are was were be been am i you he she it we they my your his her our their "
    "me him us them this that these those what when where why how which who can could should would "
    "will do does did have has had not no yes of to in on at for with from by about as if so just "
    "some any too very ok okay please thanks thank hi hey ate eat eats drink drank milk".split())
# Spanish words and marks the character model confuses with Portuguese or Italian in short texts.
_SPANISH = re.compile(r"[ñ¿¡]|\b(hola|buenos|buenas|gracias|necesito|quiero|puede|puedo|cuánto|cuanto|"
                      r"cuándo|cuando|tiene|meses|años|bebé|hija|hijo|niño|niña|leche|comió|qué)\b")
# Each language's commonest small words: a message must use at least one of them, so a list of
# dish or food names ("broccoli cheddar bites", "pasta pomodoro") is never taken for a language.
_FUNCTION_WORDS: dict[str, frozenset[str]] = {code: frozenset(words.split()) for code, words in {
    "es": "de la el los las y que mi mis no con para por en un una se es puede tiene me le lo qué cómo",
    "fr": "de la le les et des ma mon mes un une est pas pour avec il elle je peut ne au du",
    "pt": "de o os a as e que meu minha não com para um uma pode em do da no na",
    "de": "der die das und ist mein meine nicht mit für ein eine kann ich mir zu den",
    "it": "il la di e che mio mia non con per un una è lo gli può ha",
}.items()}
_lock = threading.Lock()


@lru_cache(maxsize=1)
def _identifier():
    """The py3langid model restricted to the languages we answer in, loaded once."""
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    identifier = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    identifier.set_languages([ENGLISH, *LANGUAGES])
    return identifier


def detect(text: str) -> str:
    """The message's language code, or "en" whenever it is short, mixed or uncertain."""
    words = _WORD.findall(text.lower())
    if len(words) < MIN_WORDS:
        return ENGLISH
    if sum(w in _ENGLISH_WORDS for w in words) / len(words) > MAX_ENGLISH_SHARE:
        return ENGLISH
    with _lock:
        code, probability = _identifier().classify(text.lower())
    if code in ("es", "pt", "it") and _SPANISH.search(text.lower()):
        return "es"
    if code not in LANGUAGES or probability < MIN_PROBABILITY or not _FUNCTION_WORDS[code] & set(words):
        return ENGLISH
    return code
