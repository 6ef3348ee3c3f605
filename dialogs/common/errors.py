"""Mistakes a member can fix: raised by dialogs, answered in the member's language, never a crash."""

from __future__ import annotations

from typing import Any

from dialogs.common.replies import Reply


class UserError(Exception):
    """A message key (and arguments) explaining what was wrong and how to fix it."""

    def __init__(self, message_key: str, /, **args: Any) -> None:
        super().__init__(message_key)
        self.message_key = message_key
        self.args_ = args

    @property
    def reply(self) -> Reply:
        return Reply(self.message_key, dict(self.args_))


class Busy(Exception):
    """The database stayed locked by other writers through every attempt of a turn (SQLite under load): nothing
    was changed, and the member is asked to try again in a moment."""
