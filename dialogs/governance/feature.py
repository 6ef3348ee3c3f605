"""The governance feature: working groups, the annual plan, endorsements and polls."""

from __future__ import annotations

from dialogs.common.registry import CommandSpec, Feature
from dialogs.governance import groups, plan, votes
from dialogs.governance.views import GroupCard, GroupList, PlanCard, ProposalCard, ProposalList

FEATURE = Feature(
    name="governance",
    commands=(
        CommandSpec(
            "groups",
            ("groups", "working groups", "مجموعات", "المجموعات", "مجموعات العمل", "فرق العمل"),
            groups.list_groups,
            topic="groups",
        ),
        CommandSpec(
            "group",
            ("group", "working group", "مجموعة", "مجموعة عمل", "مجموعة العمل", "فريق عمل"),
            groups.command,
            topic="groups",
        ),
        CommandSpec(
            "plan",
            ("plan", "annual plan", "work plan", "خطة", "الخطة", "الخطة السنوية", "خطة العمل"),
            plan.command,
            topic="groups",
        ),
        CommandSpec(
            "endorse",
            ("endorse", "endorsement", "تأييد", "طلب تأييد"),
            votes.endorse_command,
            facilitator_only=True,
            topic="votes",
        ),
        CommandSpec("poll", ("poll", "استطلاع", "استفتاء"), votes.poll_command, facilitator_only=True, topic="votes"),
        CommandSpec(
            "votes",
            ("votes", "polls", "endorsements", "التصويتات", "تصويتات", "الاستطلاعات"),
            votes.list_proposals,
            topic="votes",
        ),
        CommandSpec("vote", ("vote", "تصويت"), votes.vote_command, topic="votes"),
    ),
    submits={"group-join": groups.join_from_card, "group-leave": groups.join_from_card},
    presses={verb: votes.press for verb in ("vote", "vote-refresh", "vote-close")},
    outbox={
        "group-ending": groups.compose_ending,
        "plan-progress": plan.compose_progress,
        "vote-opened": votes.compose_opened,
        "vote-result": votes.compose_result,
    },
    cards=(GroupCard, GroupList, PlanCard, ProposalCard, ProposalList),
)
