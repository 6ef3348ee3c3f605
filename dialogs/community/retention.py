"""How long each kind of record is kept, and the purge that applies it.

The deployment sets defaults (environment: `PrivacyPolicy`); an admin changes them for one community with `privacy
retention <kind> <days>` (0: kept for ever). Four kinds of record age out:
- `reminders`: messages the bot sent, cancelled or skipped (the outbox's finished rows);
- `questions`: who asked a question sent to the facilitators — forgotten once its ticket has been closed this long;
- `tickets`: closed tickets themselves (question, answer, who answered);
- `audit`: entries of the history of changes.
A purge deletes (or, for questions, anonymises) a batch of each at a time and says how many; the job that runs it
audits what it removed, with counts only.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime, timedelta
from typing import Any, cast

from sqlalchemy import CursorResult, delete, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from dialogs.common import outbox
from dialogs.common.privacy_policy import PrivacyPolicy
from storage import repositories as repo
from storage.models import AuditLog, Community, Member, Notification, Ticket

KINDS = ("reminders", "questions", "tickets", "audit")
"""The kinds of record a retention period applies to (the order `privacy` shows them in)."""
FINISHED = (outbox.SENT, outbox.CANCELLED, outbox.SKIPPED)
"""The outbox rows that are history (pending and parked rows are still to send, or to look at)."""


def retention_of(community: Community, policy: PrivacyPolicy) -> dict[str, int]:
    """Days each kind of record is kept in `community` (its admins' choice, else the deployment's default)."""
    chosen = (community.privacy_settings or {}).get("retention", {})
    return {kind: int(chosen.get(kind, getattr(policy, kind))) for kind in KINDS}


def review_months_of(community: Community, policy: PrivacyPolicy) -> int:
    """Months between two reviews of `community`'s sharing settings (0: never reminded)."""
    return int((community.privacy_settings or {}).get("review_months", policy.review_months))


def change_setting(
    session: AsyncSession, community: Community, *, actor: Member, action: str, key: str, value: Any
) -> None:
    """Store one privacy setting of `community` (`retention.<kind>`, or a top-level key), audited as `action` with the
    settings before and after."""
    before = dict(community.privacy_settings or {})
    if key.startswith("retention."):
        after = {**before, "retention": {**before.get("retention", {}), key.removeprefix("retention."): value}}
    else:
        after = {**before, key: value}
    community.privacy_settings = after
    repo.audit(
        session,
        community_id=community.id,
        actor=actor,
        action=action,
        object_type="community",
        object_id=community.id,
        before=before,
        after=after,
    )


async def purge(
    session: AsyncSession, *, community_id: int, retention: Mapping[str, int], now: datetime, limit: int
) -> dict[str, int]:
    """Remove up to `limit` rows of each kind older than its retention in one community; how many of each kind went
    (kinds kept for ever are not looked at)."""
    done: dict[str, int] = {}

    def cutoff(kind: str) -> datetime | None:
        return now - timedelta(days=retention[kind]) if retention.get(kind) else None

    if (before := cutoff("reminders")) is not None:
        old = (
            Notification.community_id == community_id,
            Notification.status.in_(FINISHED),
            Notification.due_at < before,
        )
        some = select(Notification.id).where(*old).order_by(Notification.due_at).limit(limit).correlate(None)
        done["reminders"] = await _count(
            session, delete(Notification).where(Notification.id.in_(some.scalar_subquery()))
        )
    if (before := cutoff("questions")) is not None:
        asked = (Ticket.community_id == community_id, Ticket.closed_at < before, Ticket.asker_id.is_not(None))
        some = select(Ticket.id).where(*asked).order_by(Ticket.closed_at).limit(limit).correlate(None)
        done["questions"] = await _count(
            session, update(Ticket).where(Ticket.id.in_(some.scalar_subquery())).values(asker_id=None)
        )
    if (before := cutoff("tickets")) is not None:
        closed = (Ticket.community_id == community_id, Ticket.closed_at < before)
        some = select(Ticket.id).where(*closed).order_by(Ticket.closed_at).limit(limit).correlate(None)
        done["tickets"] = await _count(session, delete(Ticket).where(Ticket.id.in_(some.scalar_subquery())))
    if (before := cutoff("audit")) is not None:
        old_entries = (AuditLog.community_id == community_id, AuditLog.at < before)
        some = select(AuditLog.id).where(*old_entries).order_by(AuditLog.at).limit(limit).correlate(None)
        done["audit"] = await _count(session, delete(AuditLog).where(AuditLog.id.in_(some.scalar_subquery())))
    return done


async def _count(session: AsyncSession, statement: Any) -> int:
    result = await session.execute(statement, execution_options={"synchronize_session": False})
    return cast(CursorResult[Any], result).rowcount
