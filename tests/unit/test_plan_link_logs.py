"""Private links never reach the logs: the token is the only key to the file."""
from __future__ import annotations

import pytest

from bot.log_privacy import scrub

TOKEN = "Zq3_x-8LmN2pQr5tUv7wXy9A0bC"


@pytest.mark.parametrize("path, kept", [
    (f"/plans/{TOKEN}.ics", "/plans/[token].ics"),
    (f"/files/{TOKEN}/tinytummy-export.zip", "/files/[token]/tinytummy-export.zip"),
    (f"/files/{TOKEN}/report.pdf", "/files/[token]/report.pdf"),
    (f"/page/{TOKEN}", "/page/[token]"),
    (f"/page/{TOKEN}/chart-3-7.png", "/page/[token]/chart-3-7.png"),
])
def test_private_link_tokens_are_scrubbed_from_access_log_lines(path, kept):
    line = f'127.0.0.1 - - "GET {path} HTTP/1.1" 200 512'
    cleaned = scrub(line)
    assert TOKEN not in cleaned and kept in cleaned
