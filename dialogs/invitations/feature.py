"""The invitations feature (issue #17): calendar invitations (iTIP .ics) e-mailed to the members a meeting is for
who chose them, when it is planned, moved or cancelled (dialogs.invitations.plans); composed at send time."""

from __future__ import annotations

from dialogs.common.registry import Feature
from dialogs.invitations.compose import compose
from dialogs.invitations.plans import KIND

FEATURE = Feature(name="invitations", outbox={KIND: compose})
