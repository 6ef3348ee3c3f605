"""Adaptive Cards of the community feature: help, the language choice, the community choice, the roster, privacy
(the notice, a member's data, the sharing review), forgetting and the audit."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from babel.lists import format_list

from bot.cards.context import Card, CardBuilders, CardContext
from bot.cards.parts import adaptive_card, submit_action, text_block
from bot.files.downloads import MYDATA_LIFETIME, mydata_link
from bot.i18n import format_day, format_number, format_when
from dialogs.common.replies import Reply
from dialogs.community.views import (
    AuditPage,
    CommunityChoice,
    ForgetConfirm,
    HelpCard,
    LanguageChoice,
    MyDataSummary,
    PrivacyNotice,
    RosterPage,
    SharingReview,
)

TOPICS_PER_ROW = 3  # topic buttons side by side: more would be cut on a phone


def help_lines(ctx: CardContext, view: HelpCard) -> list[str]:
    """Title, introduction, one line per command, footer (also the reply's text form)."""
    reader = {"role": view.role, "gender": view.gender}
    if view.topic is None:
        lines = [f"**{ctx.t('help-title')}**", ctx.t("help-intro", **reader)]
    else:
        lines = [f"**{ctx.t('help-topic-title', topic=view.topic)}**", ctx.t("help-topic-intro", **reader)]
    lines += [ctx.t(f"help-cmd-{name}") for name in view.commands]
    lines.append(ctx.t("help-footer" if view.topic is None else "help-topic-footer"))
    return lines


def help_card(ctx: CardContext, _reply: Reply, view: HelpCard) -> Card:
    """The commands with an example each, a button per topic (the topic shown marked), and the language buttons."""
    title, intro, *commands, footer = help_lines(ctx, view)
    topics = [
        {
            **submit_action(ctx.t("help-topic-button", topic=topic), {"verb": "help", "topic": topic}),
            **({"style": "positive"} if topic == view.topic else {}),
        }
        for topic in view.topics
    ]
    if view.topic is not None:
        topics.insert(0, submit_action(ctx.t("help-everyday-button"), {"verb": "help"}))
    body: list[dict[str, Any]] = [
        text_block(title.strip("*"), weight="Bolder", size="Medium"),
        text_block(intro),
        *(text_block(line, spacing="Small") for line in commands),
        text_block(footer, isSubtle=True),
    ]
    rows = [topics[start : start + TOPICS_PER_ROW] for start in range(0, len(topics), TOPICS_PER_ROW)]
    body += [
        {"type": "ActionSet", "actions": row, "spacing": "Medium" if not n else "Small"} for n, row in enumerate(rows)
    ]
    return adaptive_card(body, _language_buttons(ctx), lang=ctx.lang)


def language_card(ctx: CardContext, reply: Reply, _view: LanguageChoice) -> Card:
    """The question, and a button per language."""
    return adaptive_card([text_block(ctx.t(reply.key, **reply.args))], _language_buttons(ctx), lang=ctx.lang)


def community_card(ctx: CardContext, reply: Reply, view: CommunityChoice) -> Card:
    """The communities the reader is in, numbered, the current one marked; a button each, to speak to it here."""
    lines = [
        ctx.t("community-line-now" if option.current else "community-line", number=option.number, community=option.name)
        for option in view.options
    ]
    body = [text_block(ctx.t(reply.key, **reply.args), weight="Bolder"), *(text_block(line) for line in lines)]
    buttons = [
        submit_action(option.name, {"verb": "community", "community": option.community_id})
        for option in view.options
        if not option.current
    ]
    rows = [buttons[start : start + TOPICS_PER_ROW] for start in range(0, len(buttons), TOPICS_PER_ROW)]
    body += [{"type": "ActionSet", "actions": row} for row in rows]
    body.append(text_block(ctx.t("community-hint"), isSubtle=True, size="Small"))
    return adaptive_card(body, [], lang=ctx.lang)


def roster_card(ctx: CardContext, _reply: Reply, view: RosterPage) -> Card:
    """One page of the roster: name (guests marked) and role; the next page's button."""
    guest = ctx.t("guest-mark")
    facts = [
        {"title": f"{line.name} {guest}" if line.guest else line.name, "value": ctx.t("role-name", role=line.role)}
        for line in view.lines
    ]
    body = [
        text_block(ctx.t("members-title", count=view.count), weight="Bolder", size="Medium"),
        {"type": "FactSet", "facts": facts},
    ]
    buttons = []
    if view.page < view.pages:
        more = ctx.t("members-page", page=view.page, pages=view.pages, next=view.page + 1)
        body.append(text_block(more, isSubtle=True))
        title = ctx.t("members-more-button", next=view.page + 1, pages=view.pages)
        buttons.append(submit_action(title, {"verb": "members-page", "page": view.page + 1}))
    return adaptive_card(body, buttons, lang=ctx.lang)


def forget_card(ctx: CardContext, _reply: Reply, view: ForgetConfirm) -> Card:
    """What erasing a member's data removes and keeps; a button to erase, and the reassurance that nothing
    happens without it."""
    body = [
        text_block(ctx.t("forget-title", name=view.name), weight="Bolder", size="Medium"),
        text_block(ctx.t("forget-removes")),
        text_block(ctx.t("forget-keeps")),
        text_block(ctx.t("forget-cancel-hint"), isSubtle=True),
    ]
    erase = {
        **submit_action(ctx.t("forget-button"), {"verb": "forget-confirm", "member": view.member_id}),
        "style": "destructive",
    }
    return adaptive_card(body, [erase], lang=ctx.lang)


def privacy_card(ctx: CardContext, _reply: Reply, view: PrivacyNotice) -> Card:
    """What is stored about the reader, why, who sees it and for how long; a button to erase it."""
    body: list[dict[str, Any]] = [text_block(ctx.t("privacy-title", community=view.community), weight="Bolder")]
    sections = (
        ("privacy-stored-head", ctx.t("privacy-stored", email="yes" if view.has_email else "no")),
        ("privacy-activity-head", ctx.t("privacy-activity")),
        ("privacy-why-head", ctx.t("privacy-why", community=view.community)),
        ("privacy-who-head", ctx.t("privacy-who", admins=_names(ctx, view.admins), facilitators=view.facilitators)),
        ("privacy-groups-head", _names(ctx, view.groups) if view.groups else ctx.t("privacy-no-groups")),
        ("privacy-how-long-head", ctx.t("privacy-how-long")),
    )
    for head, line in sections:
        body += [text_block(ctx.t(head), weight="Bolder", spacing="Medium"), text_block(line, spacing="Small")]
    body.append({"type": "FactSet", "facts": _retention_facts(ctx, view.retention), "spacing": "Small"})
    body.append(text_block(ctx.t("privacy-answers-not-kept"), isSubtle=True, spacing="Small"))
    buttons = [
        submit_action(ctx.t("privacy-mydata-button"), {"verb": "mydata"}),
        submit_action(ctx.t("privacy-forget-button"), {"verb": "forget-ask"}),
    ]
    return adaptive_card(body, buttons, lang=ctx.lang)


def mydata_card(ctx: CardContext, reply: Reply, view: MyDataSummary) -> Card:
    """How many entries of each kind are stored about the reader, and the button that downloads all of it."""
    facts = [
        {"title": ctx.t("mydata-section", section=section), "value": ctx.t("mydata-count", count=count)}
        for section, count in view.counts
    ]
    body: list[dict[str, Any]] = [
        text_block(ctx.t("mydata-title", name=view.name), weight="Bolder", size="Medium"),
        text_block(ctx.t("mydata-intro")),
        {"type": "FactSet", "facts": facts},
    ]
    buttons = []
    if ctx.links is not None:
        url = mydata_link(ctx.links, community_id=view.community_id, member_id=view.member_id, clock=ctx.clock)
        hours = int(MYDATA_LIFETIME.total_seconds() // 3600)
        body.append(text_block(ctx.t("mydata-link-note", hours=hours), isSubtle=True))
        buttons.append({"type": "Action.OpenUrl", "title": ctx.t("mydata-download"), "url": url})
    else:
        body.append(text_block(ctx.t("mydata-no-link"), isSubtle=True))
    return adaptive_card(body, buttons, lang=ctx.lang)


def sharing_review_card(ctx: CardContext, reply: Reply, view: SharingReview) -> Card:
    """The community's sharing settings for the facilitators: roles, guests, groups, confidential records, retention
    and the review interval; a button saying they were reviewed."""
    groups = [
        {"title": name, "value": ctx.t("sharing-review-group-members", count=count)} for name, count in view.groups
    ]
    last = format_day(view.reviewed_at.date(), lang=ctx.lang) if view.reviewed_at else ctx.t("sharing-review-never")
    body: list[dict[str, Any]] = [
        text_block(ctx.t("sharing-review-title", community=view.community), weight="Bolder", size="Medium"),
        text_block(ctx.t(reply.key, **reply.args)),
        text_block(ctx.t("sharing-review-rule")),
        {
            "type": "FactSet",
            "facts": [
                {"title": ctx.t("sharing-review-members"), "value": ctx.t("mydata-count", count=view.members)},
                {"title": ctx.t("sharing-review-admins"), "value": _listed(ctx, view.admins)},
                {"title": ctx.t("sharing-review-facilitators"), "value": _listed(ctx, view.facilitators)},
                {"title": ctx.t("sharing-review-guests"), "value": _listed(ctx, view.guests)},
                {
                    "title": ctx.t("sharing-review-confidential"),
                    "value": ctx.t("mydata-count", count=view.confidential),
                },
            ],
        },
        text_block(ctx.t("sharing-review-groups-head", count=len(view.groups)), weight="Bolder", spacing="Medium"),
    ]
    if groups:
        body.append({"type": "FactSet", "facts": groups, "spacing": "Small"})
    body += [
        text_block(ctx.t("privacy-how-long-head"), weight="Bolder", spacing="Medium"),
        {"type": "FactSet", "facts": _retention_facts(ctx, view.retention), "spacing": "Small"},
        text_block(ctx.t("sharing-review-when", months=view.review_months, last=last), isSubtle=True),
        text_block(ctx.t("sharing-review-how-to-change"), isSubtle=True, size="Small"),
    ]
    return adaptive_card(
        body, [submit_action(ctx.t("sharing-review-done-button"), {"verb": "sharing-reviewed"})], lang=ctx.lang
    )


def _listed(ctx: CardContext, names: tuple[str, ...]) -> str:
    """Names in a list the reader's language writes, or "nobody"."""
    return format_list(list(names), locale=ctx.lang) if names else ctx.t("sharing-review-nobody")


def _retention_facts(ctx: CardContext, retention: tuple[tuple[str, int], ...]) -> list[dict[str, Any]]:
    """One fact per kind of record: how long it is kept."""
    return [
        {"title": ctx.t("privacy-kept-kind", kind=kind), "value": ctx.t("privacy-kept-days", days=days)}
        for kind, days in retention
    ]


def audit_value(value: str, *, lang: str, zone: str) -> str:
    """An audited value as the reader writes it: a number in their digits, a stored time in their zone, a stored day
    as their calendar day; any other text as it is."""
    if value.isdigit():
        return format_number(int(value), lang=lang, style="plain")
    try:
        when = datetime.fromisoformat(value)
    except ValueError:
        return value
    if when.tzinfo is not None:
        return format_when(when, lang=lang, zone=zone)
    return format_day(when.date(), lang=lang) if len(value) == len("2026-12-15") else value


def audit_card(ctx: CardContext, _reply: Reply, view: AuditPage) -> Card:
    """A page of the audit: per entry when, who, what, and each field's value before and after; a button to the
    older entries."""
    head = ctx.t("audit-title", count=view.count, member=view.member or "none")
    body: list[dict[str, Any]] = [text_block(head, weight="Bolder", size="Medium")]
    if view.since is not None:
        body.append(text_block(ctx.t("audit-since", day=format_day(view.since.date(), lang=ctx.lang)), isSubtle=True))
    if not view.lines:
        body.append(text_block(ctx.t("audit-empty")))
    for line in view.lines:
        who = line.actor or ctx.t("audit-by-tansiq")
        what = ctx.t("audit-action", action=line.action.replace(".", "-"))  # Fluent's variant keys have no dots
        number = int(line.object_id) if line.object_id and line.object_id.isdigit() else line.object_id or ""
        thing = line.object_name or ctx.t("audit-object", type=line.object_type, id=number)
        subject = f"{what} · {thing}" if line.object_id else what
        changes = [
            {
                "title": ctx.t("audit-field", field=change.field),
                "value": ctx.t(
                    "audit-change",
                    before=audit_value(change.before, lang=ctx.lang, zone=ctx.zone) or "—",
                    after=audit_value(change.after, lang=ctx.lang, zone=ctx.zone) or "—",
                ),
            }
            for change in line.changes
        ]
        items: list[dict[str, Any]] = [
            text_block(f"{format_when(line.at, lang=ctx.lang, zone=ctx.zone)} · {who}", isSubtle=True, size="Small"),
            text_block(subject, spacing="None"),
        ]
        if changes:
            items.append({"type": "FactSet", "facts": changes, "spacing": "Small"})
        body.append({"type": "Container", "separator": True, "items": items})
    buttons = []
    if view.page < view.pages:
        body.append(text_block(ctx.t("audit-page", page=view.page, pages=view.pages), isSubtle=True))
        data: dict[str, Any] = {
            "verb": "audit-page",
            "page": view.page + 1,
            "member": view.member_id,
            "kind": view.kind,
        }
        data["since"] = view.since.isoformat() if view.since else None
        buttons.append(submit_action(ctx.t("audit-older-button"), data))
    return adaptive_card(body, buttons, lang=ctx.lang)


def _names(ctx: CardContext, names: tuple[str, ...]) -> str:
    """Names in a list the reader's language writes ("A, B and C" / "A وB وC"); "none" (a selector's key)
    for none."""
    return format_list(list(names), locale=ctx.lang) if names else "none"


def _language_buttons(ctx: CardContext) -> list[dict[str, Any]]:
    return [
        submit_action(ctx.t("help-switch-ar"), {"verb": "lang", "lang": "ar"}),
        submit_action(ctx.t("help-switch-en"), {"verb": "lang", "lang": "en"}),
    ]


BUILDERS: CardBuilders = {
    HelpCard: help_card,
    LanguageChoice: language_card,
    CommunityChoice: community_card,
    RosterPage: roster_card,
    ForgetConfirm: forget_card,
    PrivacyNotice: privacy_card,
    AuditPage: audit_card,
    MyDataSummary: mydata_card,
    SharingReview: sharing_review_card,
}
