"""What the mail feature's card shows."""

from __future__ import annotations

from dataclasses import dataclass

from dialogs.common.replies import CardView

CHOICES = "mail-choices"  # the verb of the card's Save button
IN_CHAT = "announcements_in_chat"  # the card's switch: announcements also in the member's 1:1 chat


@dataclass(frozen=True)
class MailChoicesCard(CardView):
    """A member's e-mail choices: the topics chosen (of `dialogs.mail.topics.TOPICS`), and their address (None: the
    bot knows none, so nothing is e-mailed); and whether announcements also come to their 1:1 chat (Teams only)."""

    chosen: tuple[str, ...]
    email: str | None
    in_chat: bool = False
