"""Who may do what: facilitators and admins run the community; members are refused politely."""

from __future__ import annotations

from dialogs.common.errors import UserError
from storage.models import Member


def require_facilitator(member: Member) -> None:
    """Refuse, politely, members who are not facilitators or admins."""
    if not member.role.facilitates:
        raise UserError("not-facilitator")
