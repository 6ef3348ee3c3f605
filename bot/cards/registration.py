"""Adaptive Cards of the registration feature: who is coming to a meeting (facilitators, in their 1:1 chat)."""

from __future__ import annotations

from bot.cards.context import Card, CardBuilders, CardContext
from bot.cards.meetings import Element, isolate, meeting_facts
from bot.cards.parts import adaptive_card, text_block
from dialogs.common.replies import Reply
from dialogs.registration.views import Registrant, RegistrationList


def registrant_line(ctx: CardContext, person: Registrant) -> Element:
    """One person coming: their name, the interpretation they need, their note."""
    parts = [isolate(person.name)]
    if person.interpretation:
        parts.append(ctx.t("registration-needs-interpretation", language=person.interpretation))
    if person.note:
        parts.append(ctx.t("registration-note-line", note=person.note))
    return text_block(" · ".join(parts), spacing="Small")


def registration_list_card(ctx: CardContext, reply: Reply, view: RegistrationList) -> Card:
    """The meeting, how many registered and need interpretation into each language, then each person."""
    body: list[Element] = [
        text_block(ctx.t(reply.key, **reply.args), weight="Bolder"),
        *meeting_facts(ctx, view.meeting, deadline=False),
        text_block(
            ctx.t("registrations-interpretation-counts", arabic=view.into_arabic, english=view.into_english),
            separator=True,
        ),
    ]
    if not view.people:
        body.append(text_block(ctx.t("registrations-empty", number=view.meeting.number), isSubtle=True))
    body += [registrant_line(ctx, person) for person in view.people]
    body.append(text_block(ctx.t("registrations-notes-private"), isSubtle=True, size="Small", separator=True))
    return adaptive_card(body, [], lang=ctx.lang)


BUILDERS: CardBuilders = {RegistrationList: registration_list_card}
"""The builder of each of this feature's card views."""
