"""The other-language reply: which texts get it, in which language, and which never do."""
from __future__ import annotations

import pytest

from bot.intents import load_corpus
from handlers import language as replies
from knowledge import languages as language
from tests.unit.test_intents import DATA


@pytest.mark.parametrize(
    "text, code",
    [
        ("puede tomar leche de vaca mi bebe de 14 meses?", "es"),
        ("mi bebé no quiere comer verduras, qué hago?", "es"),
        ("hola, necesito ayuda con la comida de mi hijo", "es"),
        ("tiene 9 meses y no come nada", "es"),
        ("desayunó avena con fresas", "es"),
        ("ma fille a 8 mois, peut-elle manger des oeufs?", "fr"),
        ("meu bebê pode comer mel?", "pt"),
        ("kann mein Baby Honig essen?", "de"),
        ("il mio bambino non mangia", "it"),
    ],
)
def test_other_languages_are_recognised(text: str, code: str) -> None:
    assert language.detect(text) == code


@pytest.mark.parametrize("text", ["gracias", "hola", "arroz con pollo for dinner", "she had pasta al pomodoro",
                                  "Sofía", "ok merci", "tacos al pastor, she ate 2", "lol"])
def test_short_or_mixed_texts_stay_english(text: str) -> None:
    assert language.detect(text) == "en"


def test_no_english_message_in_the_corpus_is_taken_for_another_language() -> None:
    rows = [text for name in ("train", "dev", "test") for _, text in load_corpus(DATA / f"intents_{name}.tsv")]
    assert [text for text in rows if language.detect(text) != "en"] == []


def test_the_reply_is_in_the_parents_language_with_the_emergency_number() -> None:
    spanish = replies.reply_for(language.detect("¿mi bebé de 10 meses puede comer huevo?"), "911")
    assert "inglés" in spanish and "911" in spanish and "STOP" in spanish
    french = replies.reply_for(language.detect("ma fille a 8 mois, peut-elle manger des oeufs?"), "112")
    assert "anglais" in french and "112" in french
    unknown = replies.reply_for("es", "your local emergency number")
    assert "número de emergencias local" in unknown


def test_every_language_has_a_reply_and_a_local_number() -> None:
    assert set(replies.REPLIES) == set(replies.LOCAL_NUMBER) == set(language.LANGUAGES)
    for text in replies.REPLIES.values():
        assert "{number}" in text and "STOP" in text and len(text) <= 320


@pytest.mark.parametrize("text, words", [
    ("¿Cuándo le puedo dar huevo a mi hija?", "when can I give egg"),
    ("mi niño de 10 meses está estreñido, qué le doy", "is constipated"),
    ("se puede dar leche de vaca a los 11 meses", "cow's milk"),
])
def test_a_spanish_question_is_read_in_the_guidelines_words(text: str, words: str) -> None:
    from knowledge.spanish import in_english, reads_spanish

    assert reads_spanish(text) and words in in_english(text)


@pytest.mark.parametrize("text", ["can she have arroz con pollo yet", "she loves queso fresco and pan dulce",
                                  "is a tortilla ok for my 8 month old"])
def test_english_with_spanish_food_names_is_not_read_as_spanish(text: str) -> None:
    from knowledge.spanish import reads_spanish

    assert not reads_spanish(text)
