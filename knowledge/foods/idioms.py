"""Sayings that name a food but report a mood: "we're on a roll", "she's full of beans".

A parent's "on a roll this morning!" after the breakfast is no bread roll; "ham on a roll" is. A saying
counts only where it follows who it is about or opens a sentence, never right after a food.
"""
from __future__ import annotations

import re

_WHO = (r"(?:we|she|he|they|you|i|it|things|everything|baby|bub|lo|dd|ds)(?:'?re|'?s|'?m|\s+are|\s+is|\s+am|\s+was|\s+were"
        r"|\s+been|\s+seems?|\s+seemed|\s+feels?|\s+looks?)?")
_SAYING = (r"(?:on\s+a\s+roll|full\s+of\s+beans|in\s+a\s+(?:real\s+)?pickle|cool\s+as\s+a\s+cucumber|couch\s+potato|"
           r"spill(?:ed|t)?\s+the\s+beans|(?:the\s+)?apple\s+of\s+(?:my|our|his|her)\s+eye|cry(?:ing)?\s+over\s+spilt\s+milk|"
           r"(?:a\s+)?(?:walk\s+in\s+the\s+park)|(?:as\s+)?easy\s+as\s+pie|bring(?:s|ing)?\s+home\s+the\s+bacon)")
_IDIOM = re.compile(rf"(?:(?<=^)|(?<=[.!?\n;:])|(?<=[.!?\n;:]\s)|\b{_WHO}\s+(?:(?:so|really|totally|such|definitely|"
                    rf"back|still|now|just|a\s+bit)\s+)*)(?:on\s+)?(?<!\w){_SAYING}\b", re.I)


def without_idioms(text: str) -> str:
    """The text with sayings about the day removed, foods in ordinary phrases left alone."""
    return _IDIOM.sub(" ", text)
