"""People as Teams describes them: the sender, someone mentioned, a roster entry."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Person:
    """Someone Teams tells us about (sender, mentioned user or roster entry)."""

    teams_user_id: str
    aad_object_id: str | None = None
    name: str = ""
    email: str | None = None
    is_guest: bool = False
