"""The floors, read from the source: storage knows nothing above it, dialogs know nothing of the bot, only the bot
speaks HTTP, the Agents SDK and the scheduler, and the question engine stands on its own.

Every import counts, wherever it is written: at the top of a module, inside a function, under `if TYPE_CHECKING:`,
relative or absolute.
"""

from __future__ import annotations

import ast
import os
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
NOT_SOURCE = {"tests", "node_modules", "build", "dist", "__pycache__"}  # besides hidden folders and *.egg-info
HOSTING = ("microsoft_agents", "aiohttp", "apscheduler")  # the Teams SDK, HTTP and the scheduler: the bot's alone
ENGINE = "dialogs.questions.engine"
ENGINE_MAY_USE = (ENGINE, "dialogs.common.arabic")


@dataclass(frozen=True)
class Import:
    """One module a source file imports, where it says so."""

    path: str  # relative to the repository root
    line: int
    module: str  # absolute dotted name

    def __str__(self) -> str:
        return f"{self.path}:{self.line} imports {self.module}"

    def within(self, *modules: str) -> bool:
        """Whether the imported module is one of `modules` or inside one of them."""
        return any(self.module == m or self.module.startswith(f"{m}.") for m in modules)


def module_name(path: Path) -> str:
    """The dotted module name of a source file (`dialogs/common/__init__.py` -> `dialogs.common`)."""
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def is_module(dotted: str) -> bool:
    """Whether `dotted` is a module or package of this repository (not a name defined inside one)."""
    base = ROOT.joinpath(*dotted.split("."))
    return base.with_suffix(".py").is_file() or base.is_dir()


def imports_in(source: str, *, module: str, path: str, is_package: bool = False) -> Iterator[Import]:
    """Every module imported anywhere in `source`, the text of `module` (relative imports resolved).

    `from package import name` counts as importing `package.name` when that is a module of this repository."""
    package = module.split(".") if is_package else module.split(".")[:-1]
    for node in ast.walk(ast.parse(source, filename=path)):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield Import(path, node.lineno, alias.name)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = ".".join([*package[: len(package) - node.level + 1], *([node.module] if node.module else [])])
            else:
                base = node.module or ""
            for alias in node.names:
                submodule = f"{base}.{alias.name}"
                yield Import(path, node.lineno, submodule if alias.name != "*" and is_module(submodule) else base)


def sources(folder: str = "") -> list[Path]:
    """The Python source files under `folder` (the whole repository by default; tests and tooling left out)."""
    found = []
    for directory, folders, files in os.walk(ROOT / folder):
        folders[:] = [f for f in folders if not (f in NOT_SOURCE or f.startswith(".") or f.endswith(".egg-info"))]
        found += [Path(directory) / name for name in files if name.endswith(".py")]
    assert found, f"no Python source under {ROOT / folder}"
    return sorted(found)


def imports_of(files: list[Path]) -> list[Import]:
    """Every import of these files, once per file, line and module."""
    found: dict[Import, None] = {}
    for path in files:
        text = path.read_text(encoding="utf-8")
        relative, package = str(path.relative_to(ROOT)), path.name == "__init__.py"
        found |= dict.fromkeys(imports_in(text, module=module_name(path), path=relative, is_package=package))
    return list(found)


def report(rule: str, wrong: list[Import]) -> str:
    """The rule, then one line per import that breaks it: `storage/db.py:12 imports bot.settings`."""
    return "\n".join([rule, *(str(found) for found in wrong)])


def test_storage_imports_neither_dialogs_nor_the_bot() -> None:
    wrong = [found for found in imports_of(sources("storage")) if found.within("dialogs", "bot")]
    assert not wrong, report("storage/ must not import dialogs or bot:", wrong)


def test_dialogs_import_nothing_of_the_bot() -> None:
    wrong = [found for found in imports_of(sources("dialogs")) if found.within("bot")]
    assert not wrong, report("dialogs/ must not import bot:", wrong)


def test_only_the_bot_imports_the_agents_sdk_http_or_the_scheduler() -> None:
    """(Benchmarks drive the bot from outside, as tests do: they may speak HTTP and the SDK's activity shapes.)"""
    outside = [path for path in sources() if path.relative_to(ROOT).parts[0] not in ("bot", "bench")]
    assert {path.relative_to(ROOT).parts[0] for path in outside} >= {"dialogs", "storage"}
    wrong = [found for found in imports_of(outside) if found.within(*HOSTING)]
    assert not wrong, report(f"only bot/ may import {', '.join(HOSTING)}:", wrong)


def test_the_question_engine_imports_only_itself_and_arabic_text() -> None:
    """The engine is a library: the benchmark (bench/qa.py) runs it without a database, the bot or the features."""
    wrong = [
        found
        for found in imports_of(sources(ENGINE.replace(".", "/")))
        if found.within("bot", "storage", "dialogs") and not found.within(*ENGINE_MAY_USE)
    ]
    assert not wrong, report(f"{ENGINE} may import only itself and dialogs.common.arabic of this repository:", wrong)


def test_every_kind_of_import_is_seen() -> None:
    """The reader behind the checks above misses no import: nested, typing-only, relative, aliased or starred."""
    source = """
from __future__ import annotations
import os.path as p, aiohttp
from typing import TYPE_CHECKING
from . import registry
from .text import fold
from ..storage_bridge import *
if TYPE_CHECKING:
    from bot.settings import Settings
def later():
    import apscheduler.schedulers
    class Inner:
        from storage import models
"""
    found = sorted(
        (i.line, i.module)
        for i in imports_in(source, module="dialogs.common.example", path="dialogs/common/example.py")
    )
    assert found == [
        (2, "__future__"),
        (3, "aiohttp"),
        (3, "os.path"),
        (4, "typing"),
        (5, "dialogs.common.registry"),  # a module of the package: the import is of that module
        (6, "dialogs.common.text"),  # a name defined in a module: the import is of the module
        (7, "dialogs.storage_bridge"),
        (9, "bot.settings"),
        (11, "apscheduler.schedulers"),
        (13, "storage.models"),
    ]
