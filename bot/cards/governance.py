"""Adaptive Cards for working groups, the annual plan, endorsements and polls (right-to-left in Arabic, times in
the reader's zone). A proposal's card is per reader: it shows their own answer and refreshes itself for them."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from bot.cards.parts import FSI, PDI, execute_action, submit_action, text_block
from bot.i18n import format_day, format_number, format_when
from dialogs.actions.points import ActionView
from dialogs.common.replies import Reply
from dialogs.governance.groups import GroupDetail, GroupView
from dialogs.governance.plan import ObjectiveView
from dialogs.governance.votes import ProposalView, Tally

Translate = Callable[..., str]
Card = tuple[list[dict[str, Any]], list[dict[str, Any]]]
GOVERNANCE_CARDS = ("group", "group-list", "plan", "proposal", "proposal-list")
HEADLESS = ("group-card", "proposal-card", "plan", "plan-progress")  # replies whose card needs no line above it


class GovernanceCards:
    """Card bodies and buttons for governance replies, in one reader's language and zone."""

    def __init__(self, t: Translate, *, lang: str, zone: str) -> None:
        self.t, self.lang, self.zone = t, lang, zone

    def build(self, reply: Reply) -> Card:
        """The body and buttons of the reply's card."""
        match reply.card:
            case "group":
                return self.group(reply)
            case "group-list":
                return self.group_list(reply)
            case "plan":
                return self.plan(reply)
            case "proposal":
                return self.proposal(reply)
        return self.proposal_list(reply)

    def refresh(self, reply: Reply) -> dict[str, Any] | None:
        """A proposal card refreshes itself for those listed (each sees their own answer and fresh counts)."""
        if reply.card != "proposal":
            return None
        proposal: ProposalView = reply.args["proposal"]
        return {
            "action": {"type": "Action.Execute", "verb": "vote-refresh", "data": {"proposal": proposal.id}},
            "userIds": list(proposal.refresh_for),
        }

    # ---- working groups ------------------------------------------------------------------------------------

    def group(self, reply: Reply) -> Card:
        """One group: scope, lead, members, next meeting, open actions and questions; join or leave."""
        t = self.t
        detail: GroupDetail = reply.args["detail"]
        group: GroupView = detail.group
        body = self.headline(reply, name=group.name)
        body += [
            text_block(f"{FSI}{group.name}{PDI}", weight="Bolder", size="Medium"),
            text_block(group.scope, spacing="Small"),
            {"type": "FactSet", "facts": self.group_facts(group)},
            text_block(t("group-members-title", count=group.member_count), weight="Bolder", separator=True),
            text_block(self.names(detail.members) or t("group-no-members"), spacing="Small"),
            text_block(t("group-meeting-title"), weight="Bolder", separator=True),
        ]
        meeting = detail.meeting
        if meeting is None:
            body.append(text_block(t("group-no-meeting"), spacing="Small"))
        else:
            when = format_when(meeting.starts_at, lang=self.lang, zone=self.zone)
            body.append(
                text_block(f"#{self.number(meeting.number)} · {FSI}{meeting.title}{PDI} · {when}", spacing="Small")
            )
        body.append(text_block(t("group-actions-title", count=detail.open_actions), weight="Bolder", separator=True))
        body += [text_block(self.action_line(action), size="Small", spacing="Small") for action in detail.actions]
        if detail.open_actions > len(detail.actions):
            body.append(text_block(t("group-actions-more", name=group.name), isSubtle=True, size="Small"))
        body.append(text_block(t("group-questions", count=detail.open_questions), separator=True))
        return body, self.group_buttons(group)

    def group_facts(self, group: GroupView) -> list[dict[str, str]]:
        t = self.t
        facts = [(t("group-lead-label"), group.lead or t("group-no-lead"))]
        if group.area:
            facts.append((t("group-area-label"), group.area))
        if group.sector:
            facts.append((t("group-sector-label"), group.sector))
        if group.closed_on:
            facts.append((t("group-closed-label"), format_day(group.closed_on, lang=self.lang)))
        else:
            until = format_day(group.ends_on, lang=self.lang) if group.ends_on else t("group-no-end")
            facts.append((t("group-until-label"), until))
        return [{"title": title, "value": value} for title, value in facts]

    def group_buttons(self, group: GroupView) -> list[dict[str, Any]]:
        if group.closed_on:
            return []
        if group.is_member:
            return [submit_action(self.t("group-leave-button"), {"verb": "group-leave", "group": group.id})]
        return [submit_action(self.t("group-join-button"), {"verb": "group-join", "group": group.id})]

    def group_list(self, reply: Reply) -> Card:
        """The groups, each with its scope and one line of facts."""
        t, args = self.t, reply.args
        groups: list[GroupView] = args["groups"]
        title = t("groups-list", title=args["title"], subject=args["subject"], count=args["count"])
        body = [text_block(title, weight="Bolder", size="Medium")]
        if not groups:
            body.append(text_block(t("groups-empty")))
        for group in groups:
            facts = [t("group-lead-line", name=group.lead) if group.lead else t("group-no-lead")]
            facts.append(t("group-members-count", count=group.member_count))
            if group.closed_on:
                facts.append(t("group-closed-line", day=format_day(group.closed_on, lang=self.lang)))
            elif group.ends_on:
                facts.append(t("group-until-line", day=format_day(group.ends_on, lang=self.lang)))
            facts += [label for label in (group.area, group.sector) if label]
            if group.is_member:
                facts.append(t("group-you-member"))
            items = [
                text_block(f"{FSI}{group.name}{PDI}", weight="Bolder"),
                text_block(group.scope, size="Small", spacing="None"),
                text_block(" · ".join(facts), isSubtle=True, size="Small", spacing="None"),
            ]
            body.append({"type": "Container", "separator": True, "items": items})
        body.append(text_block(t("groups-hint"), isSubtle=True, size="Small"))
        return body, []

    # ---- the plan ------------------------------------------------------------------------------------------

    def plan(self, reply: Reply) -> Card:
        """The year's objectives, each with its actions' progress."""
        t, args = self.t, reply.args
        year = format_number(args["year"], lang=self.lang, style="plain")
        objectives: list[ObjectiveView] = args["objectives"]
        title = t("plan-title", year=year, quarter=args["quarter"])
        body = [*self.headline(reply, year=year), text_block(title, weight="Bolder", size="Medium")]
        if not objectives:
            body.append(text_block(t("plan-empty", year=year)))
        for objective in objectives:
            body.append({"type": "Container", "separator": True, "items": self.objective(objective)})
        if args["years"]:
            years = self.names(tuple(format_number(y, lang=self.lang, style="plain") for y in args["years"]))
            body.append(text_block(t("plan-other-years", years=years), isSubtle=True, size="Small"))
        if args["facilitator"]:
            body.append(text_block(t("plan-manage-hint"), isSubtle=True, size="Small"))
        return body, []

    def objective(self, objective: ObjectiveView) -> list[dict[str, Any]]:
        t = self.t
        if objective.percent is None:
            progress = t("plan-no-actions")
        else:
            percent = format_number(objective.percent / 100, lang=self.lang, style="percent")
            progress = t(
                "plan-progress-line",
                done=objective.done,
                total=objective.done + objective.open,
                percent=percent,
                overdue=objective.overdue,
            )
        items = [
            text_block(t("plan-objective-line", number=objective.number, text=objective.text), weight="Bolder"),
            text_block(progress, size="Small", spacing="None", color="Attention" if objective.overdue else "Default"),
        ]
        for action in objective.actions:
            state = "overdue" if action.overdue else action.status
            line = t("plan-action-line", number=action.number, text=action.text, status=state)
            if action.due_on:
                line += f" · {format_day(action.due_on, lang=self.lang)}"
            items.append(text_block(line, size="Small", spacing="None"))
        return items

    # ---- endorsements and polls ----------------------------------------------------------------------------

    def proposal(self, reply: Reply) -> Card:
        """One endorsement or poll as this reader sees it: counts, their answer, and the buttons to answer."""
        t = self.t
        proposal: ProposalView = reply.args["proposal"]
        body = self.headline(reply, number=proposal.number, kind=proposal.kind)
        body += self.proposal_summary(proposal)
        if not proposal.is_open:
            body.append(text_block(self.outcome(proposal), weight="Bolder", separator=True))
        if proposal.can_vote or proposal.mine is not None:
            body.append(text_block(self.my_answer(proposal), separator=True))
        if proposal.comments:
            body.append(text_block(t("vote-comments-title"), weight="Bolder", separator=True))
            for comment in proposal.comments:
                said = f"{self.choice(proposal, comment.choice, comment.label)} — {self.quoted(comment.text)}"
                line = f"{comment.name}: {said}" if comment.name else said
                body.append(text_block(line, size="Small", spacing="Small"))
        inputs, buttons = self.answer_controls(proposal)
        if proposal.can_close:
            buttons.append(execute_action(t("vote-close-button"), "vote-close", {"proposal": proposal.id}))
        return body + inputs, buttons

    def proposal_summary(self, proposal: ProposalView) -> list[dict[str, Any]]:
        """Title, text, status and counts (shared by the card and the list)."""
        t = self.t
        title = t("proposal-title", kind=proposal.kind, number=proposal.number)
        if proposal.anonymous:
            title += f" · {t('proposal-anonymous')}"
        facts = [
            {"title": self.choice(proposal, tally.choice, tally.label), "value": self.tally_value(proposal, tally)}
            for tally in proposal.tallies
        ]
        return [
            text_block(title, isSubtle=True, spacing="None"),
            text_block(f"{FSI}{proposal.text}{PDI}", weight="Bolder", size="Medium", spacing="Small"),
            text_block(self.status(proposal), size="Small", spacing="None"),
            {"type": "FactSet", "facts": facts},
        ]

    def tally_value(self, proposal: ProposalView, tally: Tally) -> str:
        count = format_number(tally.count, lang=self.lang)
        if proposal.anonymous or not tally.names:
            return count
        more = tally.count - len(tally.names)
        names = self.names(tally.names) + (f" {self.t('vote-more-names', count=more)}" if more > 0 else "")
        return f"{count} — {names}"

    def status(self, proposal: ProposalView) -> str:
        t = self.t
        if proposal.closed_at is not None:
            return t("proposal-closed-on", at=format_when(proposal.closed_at, lang=self.lang, zone=self.zone))
        if proposal.closes_at is not None:
            until = format_when(proposal.closes_at, lang=self.lang, zone=self.zone)
            return t("proposal-open-until", at=until, count=proposal.answers)
        return t("proposal-open", count=proposal.answers)

    def outcome(self, proposal: ProposalView) -> str:
        t = self.t
        if proposal.outcome == "endorsed" and proposal.decision is not None:
            return t("vote-outcome-decision", number=proposal.decision)
        return t("vote-outcome", outcome=proposal.outcome or "no-answers", winners=self.names(proposal.winners))

    def my_answer(self, proposal: ProposalView) -> str:
        t = self.t
        if proposal.mine is None:
            return t("vote-mine-none")
        answer = self.choice(proposal, proposal.mine, self.label_of(proposal, proposal.mine))
        if proposal.my_comment:
            answer += f" — {self.quoted(proposal.my_comment)}"
        return t("vote-mine", answer=answer)

    def answer_controls(self, proposal: ProposalView) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
        """An endorsement: a comment box and one button per answer; a poll: its options and one button."""
        t = self.t
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

    def proposal_list(self, reply: Reply) -> Card:
        """Open (or all recent) endorsements and polls, with counts and the reader's own answer."""
        t, args = self.t, reply.args
        proposals: list[ProposalView] = args["proposals"]
        body = [text_block(t("votes-list", title=args["title"], count=args["count"]), weight="Bolder", size="Medium")]
        if not proposals:
            body.append(text_block(t("votes-empty")))
        for proposal in proposals:
            items = self.proposal_summary(proposal)
            if not proposal.is_open:
                items.append(text_block(self.outcome(proposal), size="Small"))
            if proposal.can_vote or proposal.mine is not None:
                items.append(text_block(self.my_answer(proposal), size="Small"))
            body.append({"type": "Container", "separator": True, "items": items})
        body.append(text_block(t("votes-hint"), isSubtle=True, size="Small"))
        return body, []

    # ---- shared --------------------------------------------------------------------------------------------

    def headline(self, reply: Reply, **args: Any) -> list[dict[str, Any]]:
        """The line above a card that says what just happened (none when the card is only shown)."""
        if reply.key in HEADLESS:
            return []
        extra = {key: value for key, value in reply.args.items() if isinstance(value, str | int)}
        return [text_block(self.t(reply.key, **{**extra, **args}), isSubtle=True, spacing="None")]

    def action_line(self, action: ActionView) -> str:
        line = self.t("group-action-line", number=action.number, text=action.text, status=action.status)
        if action.overdue_days:
            return f"{line} · {self.t('action-overdue', day=action.due_on, days=action.overdue_days)}"
        if action.due_on:
            return f"{line} · {format_day(action.due_on, lang=self.lang)}"
        return line

    def choice(self, proposal: ProposalView, choice: str, label: str) -> str:
        """An answer's words: endorse / object / abstain in the reader's language, or the poll option."""
        return label if proposal.kind == "poll" else self.t("vote-choice", choice=choice)

    @staticmethod
    def label_of(proposal: ProposalView, choice: str) -> str:
        return next((tally.label for tally in proposal.tallies if tally.choice == choice), "")

    def quoted(self, text: str) -> str:
        return f"«{text}»" if self.lang == "ar" else f"“{text}”"

    def names(self, names: tuple[str, ...]) -> str:
        """People's names (or years) as a list in the reader's language."""
        return ("، " if self.lang == "ar" else ", ").join(names)

    def number(self, value: int) -> str:
        return format_number(value, lang=self.lang, style="plain")
