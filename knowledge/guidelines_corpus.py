"""Read the feeding-guideline passages in `knowledge/guidelines/*.md` into `Passage` objects.

One file per topic; each passage is a `## id` heading, `key: value` lines (source, url, ages,
topics), a blank line, then its text up to the next `## ` heading. Anything before the first
`## ` heading (a `# Title`, a note) is ignored, and files named README.md hold no passages.
Validation is strict: a broken passage stops the load with a ValueError naming file and id,
because a half-loaded corpus would quietly answer parents from the wrong text.
"""
from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from pathlib import Path

DEFAULT_FOLDER = Path(__file__).parent / "guidelines"
REQUIRED_FIELDS = ("source", "url", "ages", "topics")
MAX_AGE_MONTHS = 72
MAX_WORDS = 180  # MiniLM reads at most 256 tokens (about 190 words); past that the text is unseen
_ID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_AGES = re.compile(r"^(\d{1,2})\s*-\s*(\d{1,2})$")
_FIELD = re.compile(r"^([a-z_]+):\s*(.*)$")


@dataclass(frozen=True)
class Passage:
    """One short, sourced piece of feeding guidance for an age range."""

    id: str
    text: str
    source: str
    url: str
    min_months: int
    max_months: int
    topics: tuple[str, ...]
    content_hash: str

    def covers(self, age_months: int) -> bool:
        """Say whether this passage applies to a child of this age."""
        return self.min_months <= age_months <= self.max_months


def load_passages(folder: str | Path = DEFAULT_FOLDER) -> list[Passage]:
    """Parse and validate every passage in the folder's *.md files, sorted by file then order."""
    folder = Path(folder)
    if not folder.is_dir():
        raise ValueError(f"guideline folder {folder} does not exist")
    passages: list[Passage] = []
    seen: dict[str, str] = {}
    for path in sorted(folder.glob("*.md")):
        if path.name.lower() == "readme.md":
            continue
        for passage in parse_file(path):
            if passage.id in seen:
                raise ValueError(
                    f"{path.name}: passage id '{passage.id}' is duplicated (also in {seen[passage.id]})"
                )
            seen[passage.id] = path.name
            passages.append(passage)
    return passages


def parse_file(path: Path) -> list[Passage]:
    """Parse one topic file into its passages."""
    blocks = _split_blocks(path.read_text(encoding="utf-8"))
    return [_parse_block(path.name, heading, lines) for heading, lines in blocks]


def _split_blocks(content: str) -> list[tuple[str, list[str]]]:
    """Cut the file at `## ` headings; return (heading, body lines) pairs."""
    blocks: list[tuple[str, list[str]]] = []
    for line in content.splitlines():
        if line.startswith("## "):
            blocks.append((line[3:].strip(), []))
        elif blocks:
            blocks[-1][1].append(line.rstrip())
    return blocks


def _parse_block(file_name: str, passage_id: str, lines: list[str]) -> Passage:
    """Turn one heading and its lines into a validated Passage."""
    where = f"{file_name}: passage '{passage_id}'"
    if not _ID.match(passage_id):
        raise ValueError(f"{where}: id must be lowercase words joined by hyphens")
    fields, text_lines = _read_fields(where, lines)
    missing = [name for name in REQUIRED_FIELDS if not fields.get(name)]
    if missing:
        raise ValueError(f"{where}: missing field(s) {', '.join(missing)}")
    text = _join_text(text_lines)
    if not text:
        raise ValueError(f"{where}: has no text after its fields")
    words = len(text.split())
    if words > MAX_WORDS:
        raise ValueError(f"{where}: text has {words} words, more than {MAX_WORDS}")
    if not fields["url"].startswith(("https://", "http://")):
        raise ValueError(f"{where}: url must start with https:// or http://")
    min_months, max_months = _parse_ages(where, fields["ages"])
    topics = tuple(t.strip().lower() for t in fields["topics"].split(",") if t.strip())
    if not topics:
        raise ValueError(f"{where}: topics is empty")
    passage = dict(
        id=passage_id, text=text, source=fields["source"], url=fields["url"],
        min_months=min_months, max_months=max_months, topics=topics,
    )
    return Passage(**passage, content_hash=_hash(passage))


def _read_fields(where: str, lines: list[str]) -> tuple[dict[str, str], list[str]]:
    """Read the key: value lines up to the first blank line; return fields and the rest."""
    fields: dict[str, str] = {}
    index = 0
    while index < len(lines) and not lines[index].strip():
        index += 1
    while index < len(lines) and lines[index].strip():
        match = _FIELD.match(lines[index].strip())
        if not match:
            raise ValueError(f"{where}: expected 'key: value', got {lines[index].strip()!r}")
        key, value = match.group(1), match.group(2).strip()
        if key not in REQUIRED_FIELDS:
            raise ValueError(f"{where}: unknown field '{key}'")
        if key in fields:
            raise ValueError(f"{where}: field '{key}' given twice")
        fields[key] = value
        index += 1
    return fields, lines[index:]


def _join_text(lines: list[str]) -> str:
    """Join wrapped lines into paragraphs separated by one blank line."""
    paragraphs = " ".join(line.strip() if line.strip() else "\n" for line in lines).split("\n")
    return "\n\n".join(" ".join(p.split()) for p in paragraphs if p.strip())


def _parse_ages(where: str, value: str) -> tuple[int, int]:
    """Parse 'min-max' in months, both inclusive."""
    match = _AGES.match(value)
    if not match:
        raise ValueError(f"{where}: ages must look like '6-24' (months), got {value!r}")
    low, high = int(match.group(1)), int(match.group(2))
    if low > high or high > MAX_AGE_MONTHS:
        raise ValueError(f"{where}: ages {value!r} must be low-high within 0-{MAX_AGE_MONTHS} months")
    return low, high


def _hash(passage: dict) -> str:
    """Hash everything stored for a passage, so any edit shows up on the next sync."""
    canonical = "\x1f".join(
        [passage["id"], passage["text"], passage["source"], passage["url"],
         str(passage["min_months"]), str(passage["max_months"]), ",".join(passage["topics"])]
    )
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()
