"""The guideline corpus parser: the format, strict validation, and the real corpus."""
from pathlib import Path

import pytest

from knowledge.guidelines_corpus import DEFAULT_FOLDER, load_passages

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "tests" / "data" / "guidelines_sample"
QUESTIONS = ROOT / "tests" / "data" / "guideline_questions.tsv"

HONEY = """# Foods to avoid

## honey-under-one
source: CDC
url: https://www.cdc.gov/honey
ages: 0-12
topics: Honey, botulism ,  foods to avoid

Do not give honey to babies younger than 12 months,
not even a small taste.

After the first birthday, honey is safe.
"""


def write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def passage(pid: str = "water-cup", **fields: str) -> str:
    values = {"source": "CDC", "url": "https://www.cdc.gov/water", "ages": "6-12",
              "topics": "water, cup"}
    values.update(fields)
    lines = [f"## {pid}"] + [f"{k}: {v}" for k, v in values.items() if v is not None]
    return "\n".join(lines) + "\n\nOffer small sips of water in an open cup with meals.\n"


def test_parses_fields_text_and_ignores_title_and_readme(tmp_path):
    write(tmp_path, "avoid.md", HONEY)
    write(tmp_path, "README.md", passage("not-a-passage"))

    [honey] = load_passages(tmp_path)

    assert honey.id == "honey-under-one"
    assert (honey.source, honey.url) == ("CDC", "https://www.cdc.gov/honey")
    assert (honey.min_months, honey.max_months) == (0, 12)
    assert honey.topics == ("honey", "botulism", "foods to avoid")
    assert honey.text == ("Do not give honey to babies younger than 12 months, not even a small taste."
                          "\n\nAfter the first birthday, honey is safe.")
    assert honey.covers(12) and not honey.covers(13)
    assert len(honey.content_hash) == 64


def test_several_passages_per_file_keep_their_order(tmp_path):
    write(tmp_path, "drinks.md", passage("water-cup") + "\n" + passage("juice-limit", ages="12-60"))

    assert [p.id for p in load_passages(tmp_path)] == ["water-cup", "juice-limit"]


def test_hash_changes_with_any_edit_and_only_then(tmp_path):
    write(tmp_path, "a.md", passage())
    before = load_passages(tmp_path)[0].content_hash
    assert load_passages(tmp_path)[0].content_hash == before

    write(tmp_path, "a.md", passage(ages="6-18"))
    assert load_passages(tmp_path)[0].content_hash != before

    write(tmp_path, "a.md", passage().replace("open cup", "straw cup"))
    assert load_passages(tmp_path)[0].content_hash != before


def test_duplicate_id_names_both_files(tmp_path):
    write(tmp_path, "a.md", passage("water-cup"))
    write(tmp_path, "b.md", passage("water-cup"))

    with pytest.raises(ValueError, match=r"b\.md: passage id 'water-cup' is duplicated \(also in a\.md\)"):
        load_passages(tmp_path)


@pytest.mark.parametrize("field", ["source", "url", "ages", "topics"])
def test_missing_field_names_file_id_and_field(tmp_path, field):
    write(tmp_path, "drinks.md", passage(**{field: None}))

    with pytest.raises(ValueError, match=rf"drinks\.md: passage 'water-cup': missing field\(s\) {field}"):
        load_passages(tmp_path)


@pytest.mark.parametrize("ages", ["6 to 12", "12-6", "6-99", "six-12", "6", "-1-12"])
def test_bad_ages_are_refused(tmp_path, ages):
    write(tmp_path, "drinks.md", passage(ages=ages))

    with pytest.raises(ValueError, match=r"drinks\.md: passage 'water-cup': ages"):
        load_passages(tmp_path)


@pytest.mark.parametrize("text, message", [
    (passage("Water Cup"), "id must be lowercase"),
    (passage(colour="blue"), "unknown field 'colour'"),
    (passage(url="www.cdc.gov"), "url must start with"),
    (passage(topics=" , "), "missing field|topics is empty"),
    (passage().replace("ages: 6-12", "ages: 6-12\nages: 6-24"), "given twice"),
    (passage().replace("topics: water, cup", "topics: water, cup\nthis is not a field"), "expected 'key: value'"),
    (passage().split("\n\n")[0] + "\n", "has no text"),
    (passage().replace("Offer small", "word " * 200 + "Offer small"), "more than 180"),
])
def test_other_mistakes_are_refused_clearly(tmp_path, text, message):
    write(tmp_path, "drinks.md", text)

    with pytest.raises(ValueError, match=message):
        load_passages(tmp_path)


def test_missing_folder_is_an_error(tmp_path):
    with pytest.raises(ValueError, match="does not exist"):
        load_passages(tmp_path / "nope")


def test_sample_corpus_validates():
    passages = load_passages(SAMPLE)

    assert len(passages) == 9
    assert all(40 <= len(p.text.split()) <= 110 for p in passages)


@pytest.mark.skipif(not DEFAULT_FOLDER.is_dir() or not any(DEFAULT_FOLDER.glob("*.md")),
                    reason="the real corpus knowledge/guidelines/*.md is not written yet")
def test_real_corpus_validates_and_labels_point_at_it():
    passages = load_passages()

    assert passages, "knowledge/guidelines/ holds no passages"
    ids = {p.id for p in passages}
    if QUESTIONS.exists():
        from knowledge.guidelines_eval import read_questions

        labelled = {pid for q in read_questions(QUESTIONS) for pid in q.expected}
        assert labelled <= ids, f"labelled ids missing from the corpus: {sorted(labelled - ids)}"
