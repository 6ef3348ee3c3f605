"""Manifest tests build from a clean slate: no TEAMS_APP_* or bot id from the developer's shell or `.env`."""

from __future__ import annotations

import os
from pathlib import Path

import pytest


@pytest.fixture(autouse=True)
def clean_settings(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """Forget manifest settings from the environment, and run where no `.env` file is."""
    for name in list(os.environ):
        if name.upper().startswith(("TEAMS_APP_", "CONNECTIONS__")):
            monkeypatch.delenv(name)
    monkeypatch.chdir(tmp_path)
