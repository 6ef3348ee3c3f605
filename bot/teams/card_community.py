"""Which community a card belongs to, for a person in several communities: a 1:1 or group chat has no team to tell,
so every card the bot sends there carries its community in each button's data (`stamp`), and a press on it is
answered in that community (`taken_from`), whichever one the person has chosen since."""

from __future__ import annotations

from typing import Any

from microsoft_agents.activity import Activity

from bot.cards.render import ADAPTIVE_CARD

KEY = "tansiqCommunity"
BUTTONS = frozenset({"Action.Submit", "Action.Execute"})


def stamp(activity: Activity, community_id: int) -> Activity:
    """`activity` with its Adaptive Cards' buttons (and automatic refresh) marked as `community_id`'s."""
    for attachment in activity.attachments or ():
        if attachment.content_type == ADAPTIVE_CARD and isinstance(attachment.content, dict):
            stamp_card(attachment.content, community_id)
    return activity


def stamp_card(card: dict[str, Any], community_id: int) -> dict[str, Any]:
    """`card` (changed in place) with every button's data marked as `community_id`'s."""
    pending: list[Any] = [card]
    while pending:
        node = pending.pop()
        if isinstance(node, dict):
            if node.get("type") in BUTTONS:
                data = node.setdefault("data", {})
                if isinstance(data, dict):
                    data[KEY] = community_id
            pending.extend(node.values())
        elif isinstance(node, list):
            pending.extend(node)
    return card


def taken_from(activity: Activity) -> int | None:
    """The community a pressed card was marked with, removed from the data the dialogs see (None: no mark)."""
    value = activity.value
    if not isinstance(value, dict):
        return None
    action = value.get("action")
    data = action.get("data") if isinstance(action, dict) else value  # an invoke's button, or a submitted card
    if not isinstance(data, dict):
        return None
    marked = data.pop(KEY, None)
    return marked if isinstance(marked, int) and not isinstance(marked, bool) else None
