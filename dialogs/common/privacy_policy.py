"""The deployment's privacy defaults (from its environment): how long each kind of record is kept and how often the
facilitators review the sharing settings. A community's admins override them (`dialogs.community.retention`)."""

from __future__ import annotations

from dataclasses import dataclass, fields

LONGEST_DAYS = 36500
LONGEST_REVIEW_MONTHS = 120


@dataclass(frozen=True)
class PrivacyPolicy:
    """The deployment's defaults: days each kind of record is kept (0: for ever), and months between two reviews of
    a community's sharing settings (0: no review reminder)."""

    reminders: int = 90
    questions: int = 180
    tickets: int = 365
    audit: int = 730
    review_months: int = 12

    def __post_init__(self) -> None:
        for field in fields(self):
            value = getattr(self, field.name)
            longest = LONGEST_REVIEW_MONTHS if field.name == "review_months" else LONGEST_DAYS
            if not 0 <= value <= longest:
                raise ValueError(f"{field.name} must be between 0 and {longest}, not {value}")


DEFAULT_POLICY = PrivacyPolicy()
"""The policy of a deployment that sets none of its own."""
