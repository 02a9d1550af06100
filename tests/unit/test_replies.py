"""Fitting replies to SMS and WhatsApp: GSM-7 folding, segment counts and splitting."""

import random

import pytest

from bot.replies import format_for_channel, is_gsm7, sms_segments, split_message, to_gsm7

EMOJI_TIP = "\U0001f955 *Tip:* try \u201csoft\u201d carrots \u2013 ½ cup\u2026 \U0001f389!"


def _long_text(chars: int, seed: int = 7) -> str:
    """Make a reply-like text of about the given length, with sentences and line breaks."""
    rng = random.Random(seed)
    words = [
        "Offer", "soft", "banana", "pieces.", "Try", "again", "tomorrow!", "Iron", "matters",
        "a", "lot", "at", "this", "age?", "\n", "\u201cyum\u201d", "\U0001f34c", "café",
    ]
    out = ""
    while len(out) < chars:
        out += rng.choice(words) + " "
    return out[:chars]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("\u201cHello\u201d \u2018there\u2019", "\"Hello\" 'there'"),
        ("it\u2019s ok", "it's ok"),
        ("soft \u2013 mashed \u2014 lumpy", "soft - mashed - lumpy"),
        ("wait\u2026", "wait..."),
        ("½ cup, ¼ tsp, ¾ banana", "1/2 cup, 1/4 tsp, 3/4 banana"),
        ("\u2022 peas\n\u2022 corn", "- peas\n- corn"),
        ("over 38°C or 100.4 °F", "over 38C or 100.4F"),
        ("a 90° angle", "a 90 deg angle"),
        ("café crème Été üñ Ç", "café crème Été üñ Ç"),
        ("São Paulo, naïve, brûlée, garçon", "Sao Paulo, naive, brulée, garcon"),
        ("Great job \U0001f389!", "Great job!"),
        ("Hi \U0001f44b\U0001f3fc there", "Hi there"),
        ("\U0001f955 Carrots\n\U0001f34c Banana", "Carrots\nBanana"),
        ("family \U0001f468\u200d\U0001f469\u200d\U0001f467 meal", "family meal"),
        ("*Tip:* mash it", "Tip: mash it"),
        ("a *really* _soft_ pear", "a really soft pear"),
        ("snake_case_name and 5*3*2 and 2 * 3", "snake_case_name and 5*3*2 and 2 * 3"),
        ("too   many  spaces", "too many spaces"),
        ("one\n\n\n\ntwo", "one\n\ntwo"),
        ("€5 [a] {b} ^ ~ | \\", "€5 [a] {b} ^ ~ | \\"),
        ("", ""),
    ],
)
def test_to_gsm7(text: str, expected: str) -> None:
    assert to_gsm7(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        EMOJI_TIP, "\u4f60\u597d baby", "\u2603\ufe0f cold \u2744", _long_text(3000),
        "\t\u00a0x\u2009y",
    ],
)
def test_to_gsm7_output_is_always_gsm7(text: str) -> None:
    assert is_gsm7(to_gsm7(text))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Plain text @ £ $ ¥ è é Ä ß § ¿", True),
        ("extension € [ ] { } ^ ~ | \\", True),
        ("curly \u2019", False),
        ("emoji \U0001f600", False),
        ("ê", False),
        ("", True),
    ],
)
def test_is_gsm7(text: str, expected: bool) -> None:
    assert is_gsm7(text) is expected


@pytest.mark.parametrize(
    ("text", "segments"),
    [
        ("", 0),
        ("a", 1),
        ("a" * 160, 1),
        ("a" * 161, 2),
        ("a" * 306, 2),
        ("a" * 307, 3),
        ("€" * 80, 1),  # extension chars cost two septets
        ("€" * 81, 2),
        ("a" * 152 + "€" + "a" * 10, 2),  # the escape pair is not split across parts
        ("a" * 70 + "\u2019", 2),  # one curly quote makes it UCS-2
        ("ê" * 70, 1),
        ("ê" * 71, 2),
        ("ê" * 134, 2),
        ("ê" * 135, 3),
        ("\U0001f600" * 35, 1),  # an emoji is two UTF-16 units
        ("\U0001f600" * 36, 2),
    ],
)
def test_sms_segments(text: str, segments: int) -> None:
    assert sms_segments(text) == segments


def test_folding_saves_segments() -> None:
    text = "It\u2019s fine to offer ½ a banana \u2013 mashed. " * 3
    assert sms_segments(to_gsm7(text)) < sms_segments(text)


@pytest.mark.parametrize(
    ("text", "limit", "expected"),
    [
        ("", 1600, []),
        ("   \n ", 1600, []),
        ("Short.", 1600, ["Short."]),
        ("  padded  ", 1600, ["padded"]),
        ("One. Two. Three. Four.", 10, ["One. Two.", "Three.", "Four."]),
        ("First line\nsecond line here", 20, ["First line", "second line here"]),
        ("alpha beta gamma", 11, ["alpha beta", "gamma"]),
        ("He said \u201cno.\u201d Then yes.", 16, ["He said \u201cno.\u201d", "Then yes."]),
    ],
)
def test_split_message_examples(text: str, limit: int, expected: list[str]) -> None:
    assert split_message(text, limit=limit, max_parts=5) == expected


def test_split_prefers_sentences_to_spaces() -> None:
    text = "Offer iron-rich foods daily. " + "Meat, beans and lentils all count as iron foods here."
    parts = split_message(text, limit=50)
    assert parts[0] == "Offer iron-rich foods daily."


def test_split_truncates_cleanly_after_max_parts() -> None:
    parts = split_message("word " * 100, limit=50, max_parts=2)
    assert len(parts) == 2
    assert parts[-1].endswith("word...")
    assert len(parts[-1]) <= 50


def test_split_cuts_a_long_unbroken_word() -> None:
    parts = split_message("x" * 250, limit=100)
    assert [len(p) for p in parts] == [100, 100, 50]


def test_five_thousand_chars_give_at_most_three_parts() -> None:
    parts = split_message(_long_text(5000))
    assert 1 <= len(parts) <= 3
    assert all(0 < len(part) <= 1600 for part in parts)
    assert parts[-1].endswith("...")


@pytest.mark.parametrize("seed", range(8))
@pytest.mark.parametrize("limit", [20, 70, 160, 1600])
@pytest.mark.parametrize("max_parts", [1, 3])
def test_split_properties(seed: int, limit: int, max_parts: int) -> None:
    text = _long_text(random.Random(seed).randint(1, 6000), seed)
    parts = split_message(text, limit=limit, max_parts=max_parts)
    assert text.strip() == "" or parts
    assert len(parts) <= max_parts
    assert all(part and part == part.strip() and len(part) <= limit for part in parts)
    if len(text.strip()) <= limit:
        assert parts == [text.strip()]


@pytest.mark.parametrize(("limit", "max_parts"), [(3, 3), (0, 1), (100, 0)])
def test_split_refuses_impossible_limits(limit: int, max_parts: int) -> None:
    with pytest.raises(ValueError):
        split_message("text", limit=limit, max_parts=max_parts)


def test_sms_channel_is_gsm7_and_split() -> None:
    parts = format_for_channel(EMOJI_TIP, "sms")
    assert parts == ['Tip: try "soft" carrots - 1/2 cup...!']


def test_whatsapp_channel_keeps_emoji_and_bold() -> None:
    assert format_for_channel(EMOJI_TIP, "whatsapp") == [EMOJI_TIP]


@pytest.mark.parametrize("channel", ["sms", "SMS", "whatsapp"])
@pytest.mark.parametrize("seed", range(4))
def test_format_for_channel_properties(channel: str, seed: int) -> None:
    parts = format_for_channel(_long_text(5000, seed), channel)
    assert 1 <= len(parts) <= 3
    assert all(len(part) <= 1600 for part in parts)
    if channel.lower() == "sms":
        assert all(is_gsm7(part) for part in parts)


def test_format_for_channel_empty_and_unknown() -> None:
    assert format_for_channel("", "sms") == []
    assert format_for_channel("\U0001f389", "sms") == []  # nothing of it survives GSM-7
    with pytest.raises(ValueError):
        format_for_channel("hi", "telegram")
