"""Emergencies told in plain words (safety15; our own wording, never the blind set's): silent choking by
what the child is not doing, someone else's medicine by mistake, pills counted missing by a chewing child,
a known allergy then its signs, a small thing swallowed that will not go down; and calm on the like."""
from __future__ import annotations

import pytest

from knowledge.emergency import triage


@pytest.mark.parametrize("text, kind", [
    ("he bit off a chunk of hot dog and went red, no sound at all, not coughing, mouth wide open", "choking"),
    ("toddler put a marble in her mouth and now she is not crying or coughing, just staring with her mouth open",
     "choking"),
    ("grandad accidentally gave her his blood pressure tablets instead of her vitamin", "poison"),
    ("my sister gave him her thyroid pills by mistake, thought they were his iron", "poison"),
    ("pack said 30 and now theres only 26, he was holding the pills and chewing", "poison"),
    ("shes allergic to egg and ate some cake at the party, now her lips have gone all puffy and her voice is croaky",
     "allergic_reaction"),
    ("he's allergic to cashews and had a bite of the pesto, now he is clawing at his skin and scratching like mad",
     "allergic_reaction"),
    ("my son swallowed a coin an hour ago and he keeps gagging and drooling", "choking"),
    ("she swallowed a button and now refuses to drink her milk", "choking"),
])
def test_plain_words_emergency(text: str, kind: str) -> None:
    found = triage(text)
    assert found is not None and found.kind == kind, text


@pytest.mark.parametrize("text", [
    "she is allergic to milk, when she has it her face goes all puffy - what can i use instead of butter?",
    "he swallowed a penny last week and it passed, the doctor said fine",
    "not crying not coughing just staring at the tv lol",
    "she has a cough and her voice is hoarse from the cold",
    "se atragantó con una uva pero la escupió y ya está bien",
    "se ahogó un poco con el arroz, tosió y lo sacó, ya está tranquila. ¿es normal?",
])
def test_plain_words_calm(text: str) -> None:
    assert triage(text) is None, text


def test_spanish_choke_not_spat_out_is_urgent() -> None:
    found = triage("se atragantó con una uva y no lo escupió, ayuda")
    assert found is not None and found.kind == "choking"
