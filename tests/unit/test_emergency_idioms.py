"""Emergency triage reads idioms, negated exclusions and signs told in other words: text -> kind or calm."""
from __future__ import annotations

import pytest

from knowledge.emergency import triage
from knowledge.emergency_idioms import defuse

# Figures of speech that borrow an emergency's word: no alarm.
IDIOMS = [
    "she choked down the peas to get her dessert",
    "he's been choking down his vegetables all week",
    "my son choked it down but made a face",
    "choking back tears watching her eat her first birthday cake",
    "grandma choked on her words when he said nana",
    "I choked up when she ate her first bite",
    "she's choking me with hugs today",
    "he's choking his sister with his sticky kisses",
    "the cowboys choked again in the final, anyway he ate 2 eggs",
    "he took my breath away today, first steps",
    "my daughter isn't breathing a word about what she ate at daycare",
    "waiting with bated breath to see if she likes the mango",
    "he's inhaling his pasta",
    "she inhaled her whole dinner in 2 minutes",
    "he's wolfing his food down so fast",
    "she scarfed down her lunch, barely came up for air between bites",
    "he's gasping between bites he loves it so much",
]

# The idiom's word is gone; what else the message says is read as usual.
STILL_EMERGENCIES = [
    ("she choked down a grape whole and now she's choking and can't cough", "choking"),
    ("he choked up on the chicken and is turning blue", "choking"),
    ("she inhaled a grape and now she can't breathe", "breathing"),
    ("he inhaled a bead and is wheezing", "breathing"),
    ("she wolfed down her pasta and is gasping for air, lips going blue", "breathing"),
    ("he's choking on a piece of sausage", "choking"),
]

# A word that would clear a sign, negated, clears nothing; a sign that is itself negated stays a sign.
NEGATED_EXCLUSIONS = [
    ("baby went quiet eating puffs, face went red then kind of purple, she's not crying", "breathing"),
    ("his face is going purple and he isn't even crying, no sound", "breathing"),
    ("she's turning blue and not screaming or anything", "breathing"),
    ("lips blue, not from the blueberries", "breathing"),
    ("her lips are purple and it's not the beets, she's gasping", "breathing"),
    ("he's limp and not asleep", "unresponsive"),
    ("her breathing is weird, this is not normal for her", "breathing"),
    ("she choked on a grape, she's not fine now, still coughing", "choking"),
    ("she's not breathing", "breathing"),
    ("he won't wake up", "unresponsive"),
    ("he isn't breathing, his lips are blue", "breathing"),
]

# The exclusion said plainly still clears the sign.
PLAIN_EXCLUSIONS = [
    "face went purple while crying, calmed down now",
    "her lips are blue from the blueberries haha",
    "she choked up a bit of milk then was fine",
    "he went red then purple pushing out a poo",
]


@pytest.mark.parametrize("text", IDIOMS)
def test_figure_of_speech_is_not_an_emergency(text: str) -> None:
    assert triage(text) is None


@pytest.mark.parametrize(("text", "kind"), STILL_EMERGENCIES)
def test_idiom_does_not_hide_a_real_sign_beside_it(text: str, kind: str) -> None:
    found = triage(text)
    assert found is not None and found.kind == kind


@pytest.mark.parametrize(("text", "kind"), NEGATED_EXCLUSIONS)
def test_negated_exclusion_excludes_nothing(text: str, kind: str) -> None:
    found = triage(text)
    assert found is not None and found.kind == kind


@pytest.mark.parametrize("text", PLAIN_EXCLUSIONS)
def test_plain_exclusion_still_clears(text: str) -> None:
    assert triage(text) is None


def test_defuse_blanks_only_the_idiom() -> None:
    assert defuse("he is choking down his peas and now is choking") == "he is  idiom  his peas and now is choking"


# Dehydration told by a dry nappy and a second sign; a dry nappy alone is potty training.
@pytest.mark.parametrize(("text", "urgent"), [
    ("9mo vomiting since yesterday, won't take a bottle. nappy dry since 6am, hands and feet cold, just lies there", True),
    ("her diaper has been dry since last night and she keeps throwing up, super sleepy", True),
    ("no pee since breakfast, won't drink anything and she's so listless", True),
    ("diaper's been bone dry for 10 hours and he has diarrhea", True),
    ("woke up with a dry diaper! potty training is working", False),
    ("his nappy was dry this morning but he's drinking fine and playing", False),
    ("no pee in the potty all day, she just goes in her pull up lol", False),
])
def test_dehydration_told_by_a_dry_nappy(text: str, urgent: bool) -> None:
    found = triage(text)
    assert (found is not None) is urgent and (not urgent or found.kind == "dehydration")
