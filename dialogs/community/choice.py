"""`community` (`المجتمع`): for a person in several communities of one deployment, which one their 1:1 chat with the
bot speaks to. A channel belongs to its team's community; a 1:1 chat has no team, so the person chooses, and the
choice is remembered (the newest `Member.chosen_at` among their roster entries wins; until they choose, the oldest
community). Others never learn which communities a person is in: the list is shown only where they alone read it."""

from __future__ import annotations

from sqlalchemy import select

from dialogs.common.arabic import fold
from dialogs.common.errors import UserError
from dialogs.common.replies import Reply
from dialogs.common.text import parse_number
from dialogs.common.turn import Turn
from dialogs.community.views import CommunityChoice, CommunityOption
from storage import repositories as repo
from storage.models import Community, Member


async def command(turn: Turn, args: str) -> Reply:
    """`community`: the communities the member is in, a button each; `community N` or `community <name>` chooses."""
    if turn.shared:
        return Reply.of("community-here", community=turn.community.name)
    mine = await _communities(turn)
    wanted = args.strip()
    if not wanted:
        if len(mine) == 1:
            return Reply.of("community-only", community=turn.community.name)
        options = tuple(
            CommunityOption(
                number=n, community_id=community.id, name=community.name, current=community.id == turn.community.id
            )
            for n, (community, _member) in enumerate(mine, start=1)
        )
        return Reply.of(
            "community-choose", view=CommunityChoice(options=options), count=len(mine), community=turn.community.name
        )
    return _choose(turn, mine, _named(mine, wanted))


async def button(turn: Turn, data: dict[str, object]) -> Reply:
    """A community's button under `community` (`Action.Submit` data `{"verb": "community", "community": id}`)."""
    chosen = data.get("community")
    mine = await _communities(turn)
    if turn.shared or not isinstance(chosen, int) or chosen not in {community.id for community, _ in mine}:
        raise UserError("card-data-invalid")
    return _choose(turn, mine, chosen)


def _choose(turn: Turn, mine: list[tuple[Community, Member]], community_id: int) -> Reply:
    for community, member in mine:
        if community.id == community_id:
            member.chosen_at = turn.now
            return Reply.of("community-chosen", community=community.name)
    raise UserError("card-data-invalid")  # (`_named` and `button` only give one of `mine`)


def _named(mine: list[tuple[Community, Member]], wanted: str) -> int:
    """The community `wanted` names: its number in the list, or its name (whole, else the one name containing it)."""
    number = parse_number(wanted)
    if number is not None and 1 <= number <= len(mine):
        return mine[number - 1][0].id
    folded = fold(wanted)
    whole = [community.id for community, _ in mine if fold(community.name) == folded]
    within = [community.id for community, _ in mine if folded in fold(community.name)]
    if whole or len(within) == 1:
        return (whole or within)[0]
    raise UserError("community-unknown", given=wanted[:60])


async def _communities(turn: Turn) -> list[tuple[Community, Member]]:
    """The speaker's communities in this tenant (those the deployment serves), oldest first, with their entries."""
    member = turn.member
    entries = await repo.memberships_in_tenant(
        turn.session,
        tenant_id=turn.community.tenant_id,
        teams_user_id=member.teams_user_id,
        aad_object_id=member.aad_object_id,
        teams=turn.services.served_teams,
    )
    if not entries:  # (a channel of a team no longer served: the speaker's own entry still answers)
        entries = [member]
    found = await turn.session.scalars(
        select(Community).where(Community.id.in_([each.community_id for each in entries]))
    )
    communities = {community.id: community for community in found}
    return sorted(((communities[each.community_id], each) for each in entries), key=lambda pair: pair[0].id)
