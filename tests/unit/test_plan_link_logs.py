"""Private plan links never reach the logs: the token is the only key to the file."""
from __future__ import annotations

from bot.log_privacy import scrub


def test_calendar_tokens_are_scrubbed_from_access_log_lines():
    line = '127.0.0.1 - - "GET /plans/Zq3_x-8LmN2pQr5tUv7wXy9A0bC.ics HTTP/1.1" 200 512'
    cleaned = scrub(line)
    assert "Zq3_x-8LmN2pQr5tUv7wXy9A0bC" not in cleaned and "/plans/[token].ics" in cleaned
