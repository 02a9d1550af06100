"""The household page in real headless Chromium (Debian's package): "my page" through the signed
webhook, the page served by the app on a loopback port, a phone-sized screenshot that shows the
child's name and a drawn chart; wrong, expired and revoked tokens get 404.

Chromium is required: in CI a missing browser fails this test (CI installs it, see .ci/run)."""
from __future__ import annotations

import io
import os
import re
import shutil
import subprocess
import threading
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from tests.support import household

ARTIFACTS = Path(__file__).resolve().parents[2] / "var" / "test-artifacts"
PAGE = re.compile(r"https?://[^/\s]+(/page/([A-Za-z0-9_-]{32,}))")
CHART_BLUE = (0x2a, 0x7f, 0x8f)  # the chart's bars; nothing else on the page has this colour
FLAGS = ("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync", "--hide-scrollbars",
         "--window-size=412,915")


@pytest.fixture(scope="module")
def chromium() -> str:
    path = shutil.which("chromium") or shutil.which("chromium-browser")
    if path is None:
        message = "Debian's chromium is not installed (apt-get install chromium); the page test needs a real browser"
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(message + " - CI requires it", pytrace=False)
        pytest.skip(message)
    return path


@pytest.fixture
def served(app):
    """The app on a loopback port, in a thread, for the browser to load."""
    from werkzeug.serving import make_server

    server = make_server("127.0.0.1", 0, app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()
    thread.join(5)


def browse(chromium: str, url: str, tmp_path: Path, *what: str) -> subprocess.CompletedProcess:
    profile = tmp_path / f"profile-{len(list(tmp_path.iterdir()))}"
    return subprocess.run([chromium, *FLAGS, f"--user-data-dir={profile}", *what, url], capture_output=True,
                          text=True, timeout=120, cwd=tmp_path)


def status(url: str) -> int:
    try:
        with urllib.request.urlopen(url, timeout=30) as response:
            return response.status
    except urllib.error.HTTPError as exc:
        return exc.code


def test_my_page_in_headless_chromium(app, served, chromium, tmp_path, clock):
    from PIL import Image

    parent = household(app, "+12125550601", "Maya", "2025-06-01", "--allergy", "peanut")
    for meal in ("Maya had 1/2 cup oatmeal and a banana", "Maya had scrambled egg and toast for lunch"):
        assert "Logged Maya's" in parent.say(meal)
    reply = parent.say("my page")
    found = PAGE.search(reply)
    assert found and "valid 7 days" in reply, reply
    url = served + found.group(1)

    dom = browse(chromium, url, tmp_path, "--dump-dom")
    assert dom.returncode == 0, dom.stderr[-2000:]
    assert "<h2>Maya</h2>" in dom.stdout and "oatmeal" in dom.stdout and "egg" in dom.stdout
    assert "<script" not in dom.stdout
    assert all(src.startswith("/page/") for src in re.findall(r'(?:src|href)="([^"]+)"', dom.stdout))
    (chart,) = re.findall(r'<img src="(/page/[^"]+/chart-\d+\.png)"', dom.stdout)

    shot = tmp_path / "page.png"
    done = browse(chromium, url, tmp_path, f"--screenshot={shot}")
    assert done.returncode == 0 and shot.exists(), done.stderr[-2000:]
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    shutil.copy(shot, ARTIFACTS / "my-page-chromium.png")
    image = Image.open(io.BytesIO(shot.read_bytes())).convert("RGB")
    assert image.size == (412, 915)
    blue = sum(1 for p in image.get_flattened_data() if p == CHART_BLUE)
    assert blue > 1500, blue  # the chart image loaded from our route and drew its bars

    wrong = url[:-6] + "AAAAAA"
    assert status(wrong) == 404 and status(served + "/page/nope") == 404
    missing = browse(chromium, wrong, tmp_path, "--dump-dom")
    assert "Maya" not in missing.stdout
    assert status(url) == 200 and status(served + chart) == 200
    assert status(re.sub(r"chart-\d+", "chart-999999", served + chart)) == 404  # not a child of this page
    clock.advance(days=7, seconds=1)
    assert status(url) == 404 and status(served + chart) == 404
    clock.advance(days=-7, seconds=-1)
    assert status(url) == 200
    parent.say("revoke link")
    assert status(url) == 404


def test_my_page_on_whatsapp_and_deleted_with_the_data(app):
    parent = household(app, "+447700900603", "Maya", "2025-06-01")
    parent.channel = "whatsapp"
    found = PAGE.search(parent.say("our page"))
    assert found
    client = app.test_client()
    assert "<h2>Maya</h2>" in client.get(found.group(1)).get_data(as_text=True)
    parent.say("delete my data")
    parent.say("DELETE")
    assert client.get(found.group(1)).status_code == 404


def test_page_shows_a_caregiver_only_their_children_and_no_questions(app):
    from tests.e2e.test_caregivers import invite
    from tests.support import Phone

    parent = household(app, "+12125550602", "Maya", "2025-06-01")
    parent.say("add a child")
    parent.say("Leo")
    parent.say("2024-03-01")
    parent.say("none")
    parent.say("can Maya have honey?")
    nanny = Phone(app, "+14155550191")
    nanny.say(f"JOIN {invite(app, parent, 'invite nanny +1 415 555 0191 for Maya', nanny.number)}")
    found = PAGE.search(nanny.say("my page"))
    assert found
    client = app.test_client()
    html = client.get(found.group(1)).get_data(as_text=True)
    assert "<h2>Maya</h2>" in html and "Leo" not in html and "honey" not in html
    own = client.get(PAGE.search(parent.say("my page")).group(1)).get_data(as_text=True)
    assert "<h2>Maya</h2>" in own and "<h2>Leo</h2>" in own and "honey" in own
    page = client.get(found.group(1))
    assert "default-src 'none'" in page.headers["Content-Security-Policy"]
    parent.say("remove nanny")
    assert client.get(found.group(1)).status_code == 404  # access ended, so did the page
