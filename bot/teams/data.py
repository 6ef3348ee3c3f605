"""Reading what Teams puts on an activity: tenant, team, channel, sender, mentions, references."""

from __future__ import annotations

import hashlib
from typing import Any

from microsoft_agents.activity import Activity, ChannelAccount, Entity
from microsoft_teams.api.models.channel_data import ChannelData

from dialogs.common.people import Person


def channel_data(activity: Activity) -> ChannelData | None:
    """The Teams channelData, parsed (the Teams extension may already have parsed it)."""
    data = activity.channel_data
    if data is None or isinstance(data, ChannelData):
        return data
    if not isinstance(data, dict):
        data = data.model_dump(by_alias=True) if hasattr(data, "model_dump") else dict(vars(data))
    return ChannelData.model_validate(data)


def tenant_id(activity: Activity) -> str | None:
    """The tenant the activity comes from."""
    if activity.conversation and activity.conversation.tenant_id:
        return activity.conversation.tenant_id
    data = channel_data(activity)
    return data.tenant.id if data and data.tenant else None


def team_id(activity: Activity) -> str | None:
    """The team of a channel activity (None in personal and group chats)."""
    data = channel_data(activity)
    return data.team.id if data and data.team else None


def conversation_type(activity: Activity) -> str:
    """'personal', 'groupChat' or 'channel'."""
    return (activity.conversation.conversation_type if activity.conversation else None) or "personal"


def sender(activity: Activity) -> Person:
    """Who sent the activity."""
    account = activity.from_property
    return Person(teams_user_id=account.id, aad_object_id=account.aad_object_id, name=account.name or "")


def is_targeted(activity: Activity) -> bool:
    """True for a targeted message: sent privately to the bot inside a channel or group chat (a command picked from
    Teams' `/` menu arrives so), which Teams marks with `recipient.isTargeted`. A 1:1 chat is private anyway."""
    extra = (activity.recipient.model_extra if activity.recipient else None) or {}
    return extra.get("isTargeted") is True and conversation_type(activity) != "personal"


def read_by_others(activity: Activity) -> bool:
    """True when others read the answers too: a channel or group chat, unless the message was targeted."""
    return conversation_type(activity) != "personal" and not is_targeted(activity)


def privately_if_targeted(answer: Activity, *, to: Activity) -> Activity:
    """`answer`, made private when `to` is a targeted message: only its sender sees it. The Agents SDK posts an
    activity carrying the `activityTreatment: targeted` entity with `?isTargetedActivity=true`; the recipient is
    marked as Teams marks it (`isTargeted`), and `targetedMessageInfo` names the message it answers."""
    if not is_targeted(to):
        return answer
    sender = to.from_property
    recipient = ChannelAccount.model_validate({"id": sender.id, "name": sender.name, "isTargeted": True})
    answer.with_targeted_recipient(recipient)
    if to.id:
        info = Entity.model_validate({"type": "targetedMessageInfo", "messageId": to.id})
        answer.entities = [*(answer.entities or []), info]
    return answer


def mentions_bot(activity: Activity) -> bool:
    """True when the message @mentions this bot."""
    bot_id = activity.recipient.id if activity.recipient else None
    return any(m.mentioned and m.mentioned.id == bot_id for m in activity.get_mentions())


def mentioned_people(activity: Activity) -> list[Person]:
    """The people (not this bot) @mentioned in the message, in order."""
    bot_id = activity.recipient.id if activity.recipient else None
    return [
        Person(teams_user_id=m.mentioned.id, name=m.mentioned.name or "")
        for m in activity.get_mentions()
        if m.mentioned and m.mentioned.id != bot_id
    ]


def reference(activity: Activity, *, thread_root: bool = False) -> dict[str, Any]:
    """The conversation reference for proactive messages (channel root when `thread_root`)."""
    ref = activity.get_conversation_reference().model_dump(mode="json", by_alias=True, exclude_none=True)
    ref.pop("activityId", None)  # (both name one request, not the conversation: kept, the 1:1 reference would be new
    ref.pop("requestId", None)  # on every turn and written every time)
    if thread_root and "conversation" in ref:
        ref["conversation"]["id"] = ref["conversation"]["id"].split(";messageid=")[0]
    return ref


def activity_key(activity: Activity) -> str | None:
    """What names this activity among every one Teams sends (its id is unique within its conversation), as a
    fixed-size digest; None when it has no id (nothing to tell a redelivery by)."""
    if not activity.id:
        return None
    conversation = activity.conversation.id if activity.conversation else ""
    named = "\x1f".join((str(activity.channel_id or ""), conversation, activity.id))
    return hashlib.sha256(named.encode("utf-8", "surrogatepass")).hexdigest()
