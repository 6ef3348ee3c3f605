"""`privacy` / `الخصوصية`: what Tansiq stores about a member, why, who sees it and for how long — read from this
community's roster and the visibility rule, in the member's language; and the short line a member reads once, on
their first turn."""

from __future__ import annotations

from datetime import datetime

from dialogs.common.replies import Reply
from dialogs.common.turn import Turn
from dialogs.community.views import PrivacyNotice
from storage import repositories as repo
from storage.models import Community, Member, Role


async def show(turn: Turn, args: str = "") -> Reply:
    """The privacy notice for the speaker: their own profile's fields, their groups, who administers the data."""
    member = turn.member
    leaders = await repo.active_facilitators(turn.session, community_id=turn.community.id)
    notice = PrivacyNotice(
        community=turn.community.name,
        has_email=bool(member.email),
        groups=tuple(await repo.group_names_of(turn.session, member_id=member.id)),
        admins=tuple(person.name for person in leaders if person.role is Role.ADMIN),
        facilitators=sum(person.role is Role.FACILITATOR for person in leaders),
    )
    return Reply.of("privacy", view=notice)


def first_turn_notice(member: Member, community: Community, *, now: datetime) -> Reply | None:
    """The one line on a member's first turn saying what is kept and where to read more (then never again)."""
    if member.privacy_noted_at is not None:
        return None
    member.privacy_noted_at = now
    return Reply.of("privacy-first-turn", community=community.name)
