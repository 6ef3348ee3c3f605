"""Reads the Dockerfile's instructions, so scripts/image_check.sh replays the image's own steps and
tests/deploy/test_container.py checks what an operator relies on, both from the file itself.

    python deploy/dockerfile.py STAGE KEYWORD [Dockerfile]

prints the arguments of every KEYWORD instruction of STAGE (`builder`, `runtime`), one instruction a line:
`COPY` as `SOURCE... DEST`, `RUN` as its shell command, `ENV` as one `NAME=VALUE` a line, and `HEALTHCHECK`,
`ENTRYPOINT`, `CMD` as the JSON array of their exec form.
"""

from __future__ import annotations

import json
import re
import shlex
import sys
from dataclasses import dataclass
from pathlib import Path

DOCKERFILE = Path(__file__).resolve().parent.parent / "Dockerfile"
_OPTION = re.compile(r"--[a-z-]+=\S+\s+")


@dataclass(frozen=True)
class Instruction:
    """One instruction: the stage it belongs to (its `AS` name), its keyword in capitals and its arguments."""

    stage: str
    keyword: str
    arguments: str

    def exec_form(self) -> list[str]:
        """The JSON array of an exec-form instruction (HEALTHCHECK's after its options and `CMD`)."""
        text = self.arguments
        if self.keyword == "HEALTHCHECK":
            text = _OPTION.sub("", text).removeprefix("CMD").strip()
        return list(json.loads(text))

    def variables(self) -> dict[str, str]:
        """The NAME=VALUE pairs of an ENV instruction."""
        return dict(pair.split("=", 1) for pair in shlex.split(self.arguments))


def instructions(text: str) -> list[Instruction]:
    """Every instruction, continuation lines joined and comments left out."""
    found: list[Instruction] = []
    stage, pending = "", ""
    for line in text.splitlines():
        if not pending and (not line.strip() or line.lstrip().startswith("#")):
            continue
        if line.endswith("\\"):
            pending += line[:-1].strip() + " "
            continue
        keyword, _, arguments = (pending + line.strip()).partition(" ")
        pending = ""
        if keyword.upper() == "FROM":
            stage = arguments.split()[-1] if " AS " in arguments.upper() else arguments
        found.append(Instruction(stage, keyword.upper(), arguments.strip()))
    return found


def select(stage: str, keyword: str, path: Path = DOCKERFILE) -> list[Instruction]:
    """The KEYWORD instructions of one stage, in order."""
    return [i for i in instructions(path.read_text()) if i.stage == stage and i.keyword == keyword.upper()]


def main(argv: list[str]) -> int:
    """Print one stage's instructions of one keyword (see the module's docstring)."""
    stage, keyword, *rest = argv
    for instruction in select(stage, keyword, Path(rest[0]) if rest else DOCKERFILE):
        if instruction.keyword == "ENV":
            print("\n".join(f"{name}={value}" for name, value in instruction.variables().items()))
        elif instruction.keyword in ("HEALTHCHECK", "ENTRYPOINT", "CMD"):
            print(json.dumps(instruction.exec_form()))
        else:
            print(instruction.arguments)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
