"""Reading the number out of an invite request."""
from __future__ import annotations


def test_a_date_is_not_a_phone_number():
    from handlers.invite_text import phone_in

    assert phone_in("add Leo born 2024-08-10") is None
    assert phone_in("add Leo dob 3/14/2024") is None
    assert phone_in("add grandma 415-555-0134") == "415-555-0134"
    assert phone_in("add my mom +44 7700 900123 please") == "+44 7700 900123"
