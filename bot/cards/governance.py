"""Adaptive Cards for working groups, the annual plan, endorsements and polls (right-to-left in Arabic, times in
the reader's zone). A proposal's card is per reader: it shows their own answer and refreshes itself for them."""

from __future__ import annotations

from typing import Any

from bot.cards import charts
from bot.cards.context import Card, CardBuilders, CardContext
from bot.cards.parts import adaptive_card, execute_action, other_title, own_title, submit_action, text_block
from bot.i18n import format_day, format_number, format_when
from dialogs.actions.views import ActionView
from dialogs.common.replies import Reply
from dialogs.common.two_languages import Title
from dialogs.governance.views import (
    GroupCard,
    GroupList,
    GroupView,
    ObjectiveView,
    PlanCard,
    ProposalCard,
    ProposalList,
    ProposalView,
    Tally,
)

Elements = list[dict[str, Any]]
HEADLESS = frozenset({"group-card", "proposal-card", "plan", "plan-progress"})
"""Reply keys of a card that is only shown (nothing just happened): no line above it, and no catalog message."""
VOTE_COLORS = {"endorse": "good", "object": "attention", "abstain": "neutral"}
"""The chart colour of an endorsement's answers (a poll's options take the categorical colours in turn)."""


# ---- working groups ----------------------------------------------------------------------------------------


def group_card(ctx: CardContext, reply: Reply, view: GroupCard) -> Card:
    """One group: scope, lead, members, next meeting, open actions and questions; join or leave."""
    t, group = ctx.t, view.group
    body = _headline(ctx, reply)
    body += [
        text_block(own_title(group.name, ctx.lang), weight="Bolder", size="Medium"),
        *other_title(group.name, ctx.lang),
        text_block(group.scope, spacing="Small"),
        {"type": "FactSet", "facts": _group_facts(ctx, group)},
        text_block(t("group-members-title", count=group.member_count), weight="Bolder", separator=True),
        text_block(_names(ctx, view.members) or t("group-no-members"), spacing="Small"),
        text_block(t("group-meeting-title"), weight="Bolder", separator=True),
    ]
    meeting = view.meeting
    if meeting is None:
        body.append(text_block(t("group-no-meeting"), spacing="Small"))
    else:
        when = format_when(meeting.starts_at, lang=ctx.lang, zone=ctx.zone)
        number = format_number(meeting.number, lang=ctx.lang, style="plain")
        body.append(text_block(f"#{number} · {own_title(meeting.title, ctx.lang)} · {when}", spacing="Small"))
    body.append(text_block(t("group-actions-title", count=view.open_actions), weight="Bolder", separator=True))
    body += [text_block(_action_line(ctx, action), size="Small", spacing="Small") for action in view.actions]
    if view.open_actions > len(view.actions):
        body.append(text_block(t("group-actions-more", name=group.name), isSubtle=True, size="Small"))
    body.append(text_block(t("group-questions", count=view.open_questions), separator=True))
    return adaptive_card(body, _group_buttons(ctx, group), lang=ctx.lang)


def _group_facts(ctx: CardContext, group: GroupView) -> list[dict[str, str]]:
    t = ctx.t
    facts = [(t("group-lead-label"), group.lead or t("group-no-lead"))]
    if group.area:
        facts.append((t("group-area-label"), group.area))
    if group.sector:
        facts.append((t("group-sector-label"), group.sector))
    if group.closed_on:
        facts.append((t("group-closed-label"), format_day(group.closed_on, lang=ctx.lang)))
    else:
        until = format_day(group.ends_on, lang=ctx.lang) if group.ends_on else t("group-no-end")
        facts.append((t("group-until-label"), until))
    return [{"title": title, "value": value} for title, value in facts]


def _group_buttons(ctx: CardContext, group: GroupView) -> Elements:
    if group.closed_on:
        return []
    if group.is_member:
        return [submit_action(ctx.t("group-leave-button"), {"verb": "group-leave", "group": group.id})]
    return [submit_action(ctx.t("group-join-button"), {"verb": "group-join", "group": group.id})]


def _action_line(ctx: CardContext, action: ActionView) -> str:
    line = ctx.t("group-action-line", number=action.number, text=action.text, status=action.status)
    if action.overdue_days:
        return f"{line} · {ctx.t('action-overdue', day=action.due_on, days=action.overdue_days)}"
    if action.due_on:
        return f"{line} · {format_day(action.due_on, lang=ctx.lang)}"
    return line


def group_list(ctx: CardContext, reply: Reply, view: GroupList) -> Card:
    """The groups (the reply's message is the title), each with its scope and one line of facts."""
    t = ctx.t
    body = [text_block(t(reply.key, **reply.args), weight="Bolder", size="Medium")]
    if not view.groups:
        body.append(text_block(t("groups-empty")))
    for group in view.groups:
        facts = [t("group-lead-line", name=group.lead) if group.lead else t("group-no-lead")]
        facts.append(t("group-members-count", count=group.member_count))
        if group.closed_on:
            facts.append(t("group-closed-line", day=format_day(group.closed_on, lang=ctx.lang)))
        elif group.ends_on:
            facts.append(t("group-until-line", day=format_day(group.ends_on, lang=ctx.lang)))
        facts += [label for label in (group.area, group.sector) if label]
        if group.is_member:
            facts.append(t("group-you-member"))
        items = [
            text_block(own_title(group.name, ctx.lang), weight="Bolder"),
            *other_title(group.name, ctx.lang),
            text_block(group.scope, size="Small", spacing="None"),
            text_block(" · ".join(facts), isSubtle=True, size="Small", spacing="None"),
        ]
        body.append({"type": "Container", "separator": True, "items": items})
    body.append(text_block(t("groups-hint"), isSubtle=True, size="Small"))
    return adaptive_card(body, [], lang=ctx.lang)


# ---- the plan ----------------------------------------------------------------------------------------------


def plan_card(ctx: CardContext, reply: Reply, view: PlanCard) -> Card:
    """The year's objectives, each with its actions' progress."""
    t = ctx.t
    year = format_number(view.year, lang=ctx.lang, style="plain")
    body = [
        *_headline(ctx, reply, year=year),  # a year is written without grouping: 2026, not 2,026
        text_block(t("plan-title", year=year, quarter=view.quarter), weight="Bolder", size="Medium"),
    ]
    if not view.objectives:
        body.append(text_block(t("plan-empty", year=year)))
    progress = [objective for objective in view.objectives if objective.percent is not None]
    if progress:
        body.append(_plan_chart(ctx, progress))
    for objective in view.objectives:
        body.append({"type": "Container", "separator": True, "items": _objective(ctx, objective)})
    if view.years:
        years = _names(ctx, tuple(format_number(y, lang=ctx.lang, style="plain") for y in view.years))
        body.append(text_block(t("plan-other-years", years=years), isSubtle=True, size="Small"))
    if view.facilitator:
        body.append(text_block(t("plan-manage-hint"), isSubtle=True, size="Small"))
    return adaptive_card(body, [], lang=ctx.lang)


def _plan_chart(ctx: CardContext, objectives: list[ObjectiveView]) -> dict[str, Any]:
    """One bar per objective with actions: done, open and overdue side by side (the counts its lines show)."""
    t = ctx.t
    rows = [
        charts.Row(
            t("chart-objective", number=objective.number),
            (
                charts.Part(t("chart-done"), objective.done, "good"),
                charts.Part(t("chart-open"), objective.open - objective.overdue, "neutral"),
                charts.Part(t("chart-overdue"), objective.overdue, "attention"),
            ),
        )
        for objective in objectives
    ]
    return charts.stacked(t("chart-plan-title"), rows, lang=ctx.lang)


def _objective(ctx: CardContext, objective: ObjectiveView) -> Elements:
    t = ctx.t
    if objective.percent is None:
        progress = t("plan-no-actions")
    else:
        percent = format_number(objective.percent / 100, lang=ctx.lang, style="percent")
        progress = t(
            "plan-progress-line",
            done=objective.done,
            total=objective.done + objective.open,
            percent=percent,
            overdue=objective.overdue,
        )
    items = [
        text_block(t("plan-objective-line", number=objective.number, text=Title(objective.text)), weight="Bolder"),
        *other_title(objective.text, ctx.lang),
        text_block(progress, size="Small", spacing="None", color="Attention" if objective.overdue else "Default"),
    ]
    for action in objective.actions:
        state = "overdue" if action.overdue else action.status
        line = t("plan-action-line", number=action.number, text=action.text, status=state)
        if action.due_on:
            line += f" · {format_day(action.due_on, lang=ctx.lang)}"
        items.append(text_block(line, size="Small", spacing="None"))
    return items


# ---- endorsements and polls --------------------------------------------------------------------------------


def proposal_card(ctx: CardContext, reply: Reply, view: ProposalCard) -> Card:
    """One endorsement or poll as this reader sees it: counts, their answer, and the buttons to answer; it
    refreshes itself for those listed (each sees their own answer and fresh counts)."""
    t, proposal = ctx.t, view.proposal
    body = _headline(ctx, reply)
    body += _proposal_summary(ctx, proposal)
    if proposal.answers:
        body.append(_answers_chart(ctx, proposal))
    if not proposal.is_open:
        body.append(text_block(_outcome(ctx, proposal), weight="Bolder", separator=True))
    if proposal.can_vote or proposal.mine is not None:
        body.append(text_block(_my_answer(ctx, proposal), separator=True))
    if proposal.comments:
        body.append(text_block(t("vote-comments-title"), weight="Bolder", separator=True))
        for comment in proposal.comments:
            said = f"{_choice(ctx, proposal, comment.choice, comment.label)} — {_quoted(ctx, comment.text)}"
            line = f"{comment.name}: {said}" if comment.name else said
            body.append(text_block(line, size="Small", spacing="Small"))
    inputs, buttons = _answer_controls(ctx, proposal)
    if proposal.can_close:
        buttons.append(execute_action(t("vote-close-button"), "vote-close", {"proposal": proposal.id}))
    card = adaptive_card(body + inputs, buttons, lang=ctx.lang)
    card["refresh"] = {
        "action": {"type": "Action.Execute", "verb": "vote-refresh", "data": {"proposal": proposal.id}},
        "userIds": list(proposal.refresh_for),
    }
    return card


def _proposal_summary(ctx: CardContext, proposal: ProposalView) -> Elements:
    """Title, text, status and counts (shared by the card and the list)."""
    t = ctx.t
    title = t("proposal-title", kind=proposal.kind, number=proposal.number)
    if proposal.anonymous:
        title += f" · {t('proposal-anonymous')}"
    facts = [
        {"title": _choice(ctx, proposal, tally.choice, tally.label), "value": _tally_value(ctx, proposal, tally)}
        for tally in proposal.tallies
    ]
    return [
        text_block(title, isSubtle=True, spacing="None"),
        text_block(own_title(proposal.text, ctx.lang), weight="Bolder", size="Medium", spacing="Small"),
        *other_title(proposal.text, ctx.lang),
        text_block(_status(ctx, proposal), size="Small", spacing="None"),
        {"type": "FactSet", "facts": facts},
    ]


def _answers_chart(ctx: CardContext, proposal: ProposalView) -> dict[str, Any]:
    """The answers' counts as a donut (endorse green, object red, abstain grey; a poll's options in turn)."""
    parts = [
        charts.Part(
            _choice(ctx, proposal, tally.choice, tally.label),
            tally.count,
            VOTE_COLORS.get(tally.choice) or charts.CATEGORICAL[index % len(charts.CATEGORICAL)],
        )
        for index, tally in enumerate(proposal.tallies)
    ]
    title = ctx.t("chart-votes-title" if proposal.is_open else "chart-votes-closed-title")
    return charts.donut(title, parts, lang=ctx.lang)


def _tally_value(ctx: CardContext, proposal: ProposalView, tally: Tally) -> str:
    count = format_number(tally.count, lang=ctx.lang)
    if proposal.anonymous or not tally.names:
        return count
    more = tally.count - len(tally.names)
    names = _names(ctx, tally.names) + (f" {ctx.t('vote-more-names', count=more)}" if more > 0 else "")
    return f"{count} — {names}"


def _status(ctx: CardContext, proposal: ProposalView) -> str:
    t = ctx.t
    if proposal.closed_at is not None:
        return t("proposal-closed-on", at=format_when(proposal.closed_at, lang=ctx.lang, zone=ctx.zone))
    if proposal.closes_at is not None:
        until = format_when(proposal.closes_at, lang=ctx.lang, zone=ctx.zone)
        return t("proposal-open-until", at=until, count=proposal.answers)
    return t("proposal-open", count=proposal.answers)


def _outcome(ctx: CardContext, proposal: ProposalView) -> str:
    if proposal.outcome == "endorsed" and proposal.decision is not None:
        return ctx.t("vote-outcome-decision", number=proposal.decision)
    return ctx.t("vote-outcome", outcome=proposal.outcome or "no-answers", winners=_names(ctx, proposal.winners))


def _my_answer(ctx: CardContext, proposal: ProposalView) -> str:
    if proposal.mine is None:
        return ctx.t("vote-mine-none")
    label = next((tally.label for tally in proposal.tallies if tally.choice == proposal.mine), "")
    answer = _choice(ctx, proposal, proposal.mine, label)
    if proposal.my_comment:
        answer += f" — {_quoted(ctx, proposal.my_comment)}"
    return ctx.t("vote-mine", answer=answer)


def _answer_controls(ctx: CardContext, proposal: ProposalView) -> tuple[Elements, Elements]:
    """An endorsement: a comment box and one button per answer; a poll: its options and one button."""
    t = ctx.t
    if not proposal.can_vote:
        return [], []
    data = {"proposal": proposal.id}
    if proposal.kind == "endorsement":
        comment = {
            "type": "Input.Text",
            "id": "comment",
            "label": t("vote-comment-label"),
            "placeholder": t("vote-comment-placeholder"),
            "maxLength": 1000,
            "isMultiline": True,
            "value": proposal.my_comment,
        }
        styles = {"endorse": "positive", "object": "destructive"}
        buttons = [
            execute_action(
                t("vote-choice", choice=tally.choice),
                "vote",
                {**data, "choice": tally.choice},
                **({"style": styles[tally.choice]} if tally.choice in styles else {}),
            )
            for tally in proposal.tallies
        ]
        return [comment], buttons
    options = {
        "type": "Input.ChoiceSet",
        "id": "choice",
        "style": "expanded",
        "label": t("vote-options-label"),
        "isRequired": True,
        "errorMessage": t("vote-choice-missing"),
        "value": proposal.mine or "",
        "choices": [{"title": tally.label, "value": tally.choice} for tally in proposal.tallies],
    }
    return [options], [execute_action(t("vote-button"), "vote", data, style="positive")]


def proposal_list(ctx: CardContext, reply: Reply, view: ProposalList) -> Card:
    """Open (or all recent) endorsements and polls (the reply's message is the title), with counts and the
    reader's own answer."""
    t = ctx.t
    body = [text_block(t(reply.key, **reply.args), weight="Bolder", size="Medium")]
    if not view.proposals:
        body.append(text_block(t("votes-empty")))
    for proposal in view.proposals:
        items = _proposal_summary(ctx, proposal)
        if not proposal.is_open:
            items.append(text_block(_outcome(ctx, proposal), size="Small"))
        if proposal.can_vote or proposal.mine is not None:
            items.append(text_block(_my_answer(ctx, proposal), size="Small"))
        body.append({"type": "Container", "separator": True, "items": items})
    body.append(text_block(t("votes-hint"), isSubtle=True, size="Small"))
    return adaptive_card(body, [], lang=ctx.lang)


# ---- shared ------------------------------------------------------------------------------------------------


def _headline(ctx: CardContext, reply: Reply, **shown: Any) -> Elements:
    """The line above a card that says what just happened (none when the card is only shown); `shown`: how the
    card writes some of the message's arguments."""
    if reply.key in HEADLESS:
        return []
    return [text_block(ctx.t(reply.key, **{**reply.args, **shown}), isSubtle=True, spacing="None")]


def _choice(ctx: CardContext, proposal: ProposalView, choice: str, label: str) -> str:
    """An answer's words: endorse / object / abstain in the reader's language, or the poll option."""
    return label if proposal.kind == "poll" else ctx.t("vote-choice", choice=choice)


def _quoted(ctx: CardContext, text: str) -> str:
    return f"«{text}»" if ctx.lang == "ar" else f"“{text}”"


def _names(ctx: CardContext, names: tuple[str, ...]) -> str:
    """People's names (or years) as a list in the reader's language."""
    return ("، " if ctx.lang == "ar" else ", ").join(names)


BUILDERS: CardBuilders = {
    GroupCard: group_card,
    GroupList: group_list,
    PlanCard: plan_card,
    ProposalCard: proposal_card,
    ProposalList: proposal_list,
}
"""The builder of each of this feature's card views."""
