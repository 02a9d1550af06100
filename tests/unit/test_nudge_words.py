"""What a nudge says: the variant rotates by day among those that apply, and every one is answerable."""
from __future__ import annotations

from datetime import date, timedelta

from handlers.nudges import REPLY_HINT, NudgeFacts, compose
from bot.replies import format_for_channel


def test_only_plain_when_there_is_nothing_to_say():
    variant, text = compose(NudgeFacts(child="Maya", streak=1), date(2026, 11, 23))
    assert variant == "plain" and text == f"Nothing logged for Maya today yet. What did Maya have? {REPLY_HINT}"


def test_variants_rotate_over_days():
    facts = NudgeFacts(child="Maya", streak=11, stale_allergen=("Maya", "peanuts", 8), refused=("Maya", "broccoli"))
    seen = [compose(facts, date(2026, 11, 20) + timedelta(days=n))[0] for n in range(3)]
    assert sorted(seen) == ["allergen", "retry", "streak"]
    texts = {compose(facts, date(2026, 11, 20) + timedelta(days=n))[1] for n in range(3)}
    assert "Day 12 for Maya! What did Maya have today? " + REPLY_HINT in texts
    assert "Maya last had peanuts 8 days ago; a little now and then keeps it in the diet. What did Maya eat today? " \
           + REPLY_HINT in texts


def test_every_nudge_fits_one_sms():
    facts = NudgeFacts(child="Maya and Leo", streak=99, stale_allergen=("Maya", "tree nuts", 13),
                       refused=("Leo", "brussels sprouts"))
    for n in range(3):
        _, text = compose(facts, date(2026, 11, 20) + timedelta(days=n))
        assert len(format_for_channel(text, "sms")) == 1 and len(text) <= 200
