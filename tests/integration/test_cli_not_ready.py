"""Commands run before what they need is loaded say which command to run, not a traceback."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def flask(tmp_path: Path, *args: str, stdin: str = "") -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("TWILIO_", "DATABASE_", "REDIS_", "PUBLIC_"))}
    env.update(DATABASE_URL=f"sqlite:///{tmp_path / 'fresh.db'}", CHROMA_PATH=str(tmp_path / "chroma"))
    return subprocess.run([sys.executable, "-m", "flask", "--app", "wsgi", *args], cwd=ROOT, env=env, input=stdin,
                          capture_output=True, text=True, timeout=300)


@pytest.mark.parametrize("args, stdin, fix", [
    (["meal", "analyze"], "2 eggs\n", "flask --app wsgi db upgrade"),
    (["household", "create", "--phone", "+12125550100", "--child", "Maya", "--birth-date", "2025-01-01"], "",
     "flask --app wsgi db upgrade"),
    (["foods", "load"], "", "flask --app wsgi db upgrade"),
    (["knowledge", "search", "can she have honey"], "", "flask --app wsgi knowledge load"),
])
def test_a_command_before_its_data_names_the_command_to_run(tmp_path, args, stdin, fix):
    result = flask(tmp_path, *args, stdin=stdin)
    assert result.returncode != 0
    assert "Traceback" not in result.stderr, result.stderr[-2000:]
    assert f"run `{fix}` first" in result.stderr


def test_meal_analyze_after_the_schema_but_before_the_foods(tmp_path):
    assert flask(tmp_path, "db", "upgrade").returncode == 0
    result = flask(tmp_path, "meal", "analyze", stdin="2 eggs\n")
    assert result.returncode != 0 and "Traceback" not in result.stderr
    assert "run `flask --app wsgi foods load` first" in result.stderr
