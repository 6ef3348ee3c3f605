"""Where dialogs get the time from, so tests can hold it still."""

from collections.abc import Callable
from datetime import UTC, datetime

Clock = Callable[[], datetime]


def system_clock() -> datetime:
    """The real current time, aware, in UTC."""
    return datetime.now(UTC)
