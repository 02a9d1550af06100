"""What each folder may import (shared/STYLE.md): jobs/ is an entry point of its own beside bot/.

Every import statement counts, including the ones inside functions, so a lazy import cannot
hide an import circle again."""
from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
FORBIDDEN = {
    "handlers": ("bot", "jobs", "wsgi"),
    "jobs": ("bot", "wsgi"),
    "reports": ("bot", "jobs", "wsgi"),
    "storage": ("bot", "jobs", "handlers", "knowledge", "wsgi"),
}


def imported_modules(path: Path) -> list[tuple[int, str]]:
    """Every module a file imports, with the line it does it on."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(), str(path))):
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            found.append((node.lineno, node.module))
        elif isinstance(node, ast.Call) and getattr(node.func, "attr", getattr(node.func, "id", "")) == "import_module":
            if node.args and isinstance(node.args[0], ast.Constant) and isinstance(node.args[0].value, str):
                found.append((node.lineno, node.args[0].value))
    return found


def breaches(folder: str) -> list[str]:
    banned = FORBIDDEN[folder]
    return [f"{path.relative_to(ROOT)}:{line} imports {module}"
            for path in sorted((ROOT / folder).rglob("*.py")) if "migrations" not in path.parts
            for line, module in imported_modules(path) if module.split(".")[0] in banned]


@pytest.mark.parametrize("folder", sorted(FORBIDDEN))
def test_folder_imports_only_what_it_may(folder):
    assert breaches(folder) == []


def test_the_checker_sees_imports_inside_functions(tmp_path):
    sample = tmp_path / "sample.py"
    sample.write_text("def f():\n    from bot.router import route\n    import importlib\n"
                      "    importlib.import_module('wsgi')\n")
    assert [m for _, m in imported_modules(sample)] == ["bot.router", "importlib", "wsgi"]
