"""What a join message says beside its code: the part handed on to be handled after joining."""
from __future__ import annotations

import pytest

from handlers.joining import rest_of


@pytest.mark.parametrize("text, rest", [
    ("JOIN 482913", ""),
    ("482913", ""),
    ("JOIN 482913 😊", ""),
    ("yes accepting the invite. code 482913", ""),
    ("Hello! code 482913", ""),
    ("JOIN 482913 - she had a banana", "she had a banana"),
    ("join 482913\nMaya had eggs", "Maya had eggs"),
    ("JOIN 482 913 — and she had 2 eggs", "she had 2 eggs"),
    ("my code is 482913 and she ate toast", "she ate toast"),
    ("hi it's grandma, code 482913, can she have honey yet?", "can she have honey yet?"),
    ("hey, grandma here - join 482913 - she had toast", "she had toast"),
    ("Hi! Im Rosa, Maya's nanny, accepting the invite with code 482913. she had 3 oz of milk",
     "she had 3 oz of milk"),
    ("Accepting! code #482913, she just finished 4 oz", "she just finished 4 oz"),
    ("she had a banana, JOIN 482913", "she had a banana."),
    ("she refused lunch today, code 482913. is that normal?", "she refused lunch today. is that normal?"),
    ("JOIN 482913 andrew here", "andrew here"),
])
def test_the_rest_of_a_join_message(text, rest):
    assert rest_of(text) == rest
