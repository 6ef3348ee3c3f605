"""What a dialog answers: a message key and its arguments; the bot renders it in the member's language."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class Reply:
    """One message to the member: a Fluent key, its arguments and an optional card kind."""

    key: str
    args: dict[str, Any] = field(default_factory=dict)
    card: str | None = None

    @classmethod
    def of(cls, key: str, /, card: str | None = None, **args: Any) -> Reply:
        """Shorthand: `Reply.of("lang-set", lang="ar")`."""
        return cls(key, args, card)
