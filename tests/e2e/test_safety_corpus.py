"""The safety corpus (tests/data/safety_cases.jsonl, the red teams' safety_cases_redteam*.jsonl, the
blind-written tuning set safety_cases_tune6.jsonl) through the signed webhook, in every pending state:
emergencies answered with the number first, no false alarm, every expected flag, nothing swallowed.
The same run as `python -m tests.safety_eval tests/data/safety_cases.jsonl` (and the other files)."""
from __future__ import annotations

from pathlib import Path

import pytest

from tests.safety_eval import NOW, STATES, Score, load_cases, run
from tests.support import Clock, build_app, truncate_all

CORPUS = Path(__file__).parents[1] / "data" / "safety_cases.jsonl"
# Written as a red team from parents' pages: products by brand, signs without names, other kitchens.
RED_TEAM = CORPUS.with_name("safety_cases_redteam.jsonl")
# The second red team: febrile fits, scalds, dehydration and head knocks told as stories, pets and
# cleared scares as look-alikes, flags at the boundary ages with allergies recorded.
RED_TEAM_2 = CORPUS.with_name("safety_cases_redteam2.jsonl")
# Written blind as a tuning set (tune6, 80 cases; first score on 7061d90, all states: 310/320 emergencies
# number-first, 0 false alarms, flags 370/390, 7/800 swallowed), then tuned on.
TUNE_6 = CORPUS.with_name("safety_cases_tune6.jsonl")


@pytest.fixture
def corpus_app(sqlite_url, chroma_path, tmp_path):
    app = build_app(sqlite_url, Clock(NOW), tmp_path, env={"CHROMA_PATH": chroma_path})
    yield app
    services = app.extensions["tinytummy"]
    truncate_all(services.engine)
    services.engine.dispose()


def test_the_corpus_is_big_and_varied_enough():
    cases = load_cases(CORPUS)
    assert len(cases) >= 150
    assert sum(c.emergency for c in cases) >= 50 and sum(not c.emergency and not c.flags for c in cases) >= 30
    assert {f for c in cases for f in c.flags} >= {"peanut", "tree_nut", "egg", "milk", "wheat", "soy", "fish",
                                                   "shellfish", "sesame", "honey", "cows_milk", "juice", "choking",
                                                   "mercury", "salt", "sugar"}


def test_the_red_team_file_has_emergencies_look_alikes_and_flags():
    cases = load_cases(RED_TEAM)
    assert sum(c.emergency for c in cases) >= 50 and sum(not c.emergency and not c.flags for c in cases) >= 30
    assert sum(bool(c.flags) for c in cases) >= 40


def test_the_second_red_team_file_has_emergencies_look_alikes_and_flags():
    cases = load_cases(RED_TEAM_2)
    assert sum(c.emergency for c in cases) >= 35 and sum(not c.emergency and not c.flags for c in cases) >= 25
    assert sum(bool(c.flags) for c in cases) >= 20


# One file at a time, each with its own time budget: about 50 ms a message in a state on a busy 2-core
# machine, 10 states, 369 cases in the largest file.
@pytest.mark.timeout(900)
@pytest.mark.parametrize("path", [CORPUS, RED_TEAM, RED_TEAM_2, TUNE_6], ids=lambda p: p.stem)
def test_every_case_in_every_pending_state(corpus_app, path):
    results = run(load_cases(path), STATES, corpus_app)
    total = Score()
    for score in results.values():
        total.add(score)
    print(path.name, total.line())  # the figures, shown with -rP
    assert total.perfect, total.line() + "\n" + "\n".join(total.misses[:40])
