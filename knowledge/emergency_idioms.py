"""Figures of speech that borrow an emergency's words: "choking down his broccoli", "choked back
tears", "choking me with hugs", "took my breath away", "inhaling his pasta".

Each row is the idiom's words; `defuse` blanks them out of a (normalised) message before the signs
are read, so the sign's word is gone only where the idiom holds it. What else the message says is
read as usual: "choked down a grape and now he's choking" still fires on its second "choking".
Text here is lowercased with apostrophes dropped (see `knowledge.emergency._normalize`).
"""
from __future__ import annotations

import re

_CHOKE = r"cho(?:a|o)?c?k(?:e|es|ed|ing|in|eing)"
_BREATH = r"br(?:e|ea)th(?:e|es|ed|ing|in)?"
# Whom a child squeezes with love, or what a parent holds back.
_SOMEONE = (r"(?:me|us|him|her|them|everyone|mommy|mummy|mama|daddy|dada|grandma|grandpa|nana|"
            r"(?:my|his|her|their|our|the)\s+(?:little\s+|big\s+|baby\s+)?(?:sister|brother|sibling|twin|cousin|dog|cat|"
            r"puppy|kitten|baby|mom|mum|dad|teddy|doll))")
_AFFECTION = r"(?:hugs|kisses|love|cuddles|snuggles|squeezes|affection|attention)"
_EMOTION = r"(?:tears|a sob|sobs|a laugh|laughter|laughing|giggles|the tears|emotion|my tears)"
_EATING_HARD = r"(?:inhal\w*|wolf\w*|scarf\w*|hoover\w*|devour\w*|demolish\w*|shovel\w*|gobbl\w*)"
_MEAL = (r"(?:food|dinner|lunch|breakfast|snack|meal|plate|bowl|pouch|bottle|portion|pasta|noodles|rice|fries|"
         r"pizza|toast|cereal|banana|yogurt|yoghurt|porridge|oatmeal|sandwich|everything|it all|the lot)")

# One row per idiom: (kind of sign it looks like, its words).
IDIOMS: tuple[tuple[str, str], ...] = (
    # Eating with effort or reluctance: "choking down his broccoli", "choked it down".
    ("choking", rf"\b{_CHOKE}\s+(?:it|them|that|this|those|these)?\s*down\b(?!\s+(?:the wrong|his windpipe|her windpipe))"),
    # Holding feelings back, or being moved: "choking back tears", "choked up at her first bite".
    ("choking", rf"\b{_CHOKE}\s+(?:back|up)\b(?!\s+(?:on|some|blood|food|milk|a piece|vomit|sick|mucus|phlegm))"
                rf"|\b{_CHOKE}\s+(?:back|down)\s+(?:\w+\s+)?{_EMOTION}"),
    # Words that would not come: "choked on his words", "choking on my own words".
    ("choking", rf"\b{_CHOKE}\s+on\s+(?:his|her|their|my|your|our)\s+(?:own\s+)?words\b"),
    # Laughter: "choking on laughter", "choking with laughter".
    ("choking", rf"\b{_CHOKE}\s+(?:on|with|from)\s+(?:laughter|laughing|giggles|the giggles)\b"),
    # A child smothering someone with love: "she's choking me with hugs".
    ("choking", rf"\b{_CHOKE}\s+{_SOMEONE}\s+(?:\w+\s+)?with\s+(?:\w+\s+){{0,2}}{_AFFECTION}\b"),
    # Failing under pressure: "the team choked in the final".
    ("choking", rf"\b{_CHOKE}\s+(?:again\s+|totally\s+|big time\s+)?(?:under (?:the )?pressure|in the (?:final|clutch|playoffs?|end|last minute)|"
                r"at the (?:end|last minute|free throw line))\b"),
    # Laughing till breathless: "he laughed so hard he couldnt breathe".
    ("breathing", rf"\b(?:laugh\w*|giggl\w*|cack\w*)\s+so\s+(?:hard|much)\s+(?:that\s+)?(?:he|she|they|i|we)\s+"
                  rf"(?:couldnt|cant|could not|can not|cannot)\s+{_BREATH}\b"),
    # Moved or amazed: "took my breath away", "breathtaking", "waiting with bated breath".
    ("breathing", rf"\b(?:took|takes|take|taking)\s+(?:my|our|your|everyones)\s+breath\s+away\b|\bbreath ?taking\b"
                  r"|\b(?:bated|baited)\s+breath\b"),
    # Telling no one: "not breathing a word about what she ate at daycare".
    ("breathing", rf"\b{_BREATH}\s+(?:a|one)\s+word\b"),
    # A grown-up's own breath: "holding my breath", "catch my breath", "breathing down my neck".
    ("breathing", rf"\b(?:hold|holding|held|catch|catching|caught|save|saving)\s+(?:my|our|your)\s+breath\b"
                  rf"|\b{_BREATH}\s+down\s+(?:my|our|your|his|her)\s+neck\b|\bunder\s+(?:my|his|her|their)\s+breath\b"),
    # Eating hard: "inhaling his pasta", "wolfed down her dinner", "gasping for air between bites".
    ("breathing", rf"\b{_EATING_HARD}\s+(?:down\s+)?(?:(?:his|her|their|the|that|this|a|an|my|whole|entire|"
                  rf"every|all)\s+){{0,2}}(?:\w+\s+)?{_MEAL}\b"
                  r"|\b(?:gasp\w*|breath\w*|(?:coming )?up for air|air)\s+(?:\w+\s+)?between\s+(?:bites|mouthfuls|spoonfuls|forkfuls)\b"),
)
_IDIOM = re.compile("|".join(f"(?:{pattern})" for _, pattern in IDIOMS))


def defuse(text: str) -> str:
    """Blank out figures of speech that borrow an emergency's words, leaving the rest of the text."""
    return _IDIOM.sub(" idiom ", text)
