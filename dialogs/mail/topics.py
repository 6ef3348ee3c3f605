"""What a member may receive by e-mail: four topics, and which outbox kinds belong to each."""

from __future__ import annotations

from collections.abc import Mapping

from dialogs.common.text import word_table

TOPICS = ("announcements", "invitations", "digest", "nudges")
"""In the order the card and `notify` list them. `digest` covers the weekly digest and the monthly bulletin."""
TOPIC_WORDS: Mapping[str, tuple[str, ...]] = {
    "announcements": ("announcements", "announcement", "announce", "news", "الإعلانات", "إعلانات", "اعلانات"),
    "invitations": ("invitations", "invitation", "invites", "calendar", "الدعوات", "دعوات", "الدعوة", "التقويم"),
    "digest": ("digest", "bulletin", "digests", "الملخص", "ملخص", "النشرة", "نشرة"),
    "nudges": ("nudges", "nudge", "reminders", "التذكيرات", "تذكيرات", "التنبيهات"),
}
CHAT_WORDS = ("chat", "1:1", "private", "personal", "خاص", "الخاص", "خاصة", "محادثة", "المحادثة", "دردشة")
"""With `announcements`: the announcements also in the member's 1:1 chat (`notify announcements chat on`)."""
ALL_WORDS = ("all", "everything", "الكل", "كل", "الجميع")
ON_WORDS = ("on", "yes", "email", "e-mail", "mail", "تشغيل", "نعم", "بريد", "البريد", "تفعيل")
OFF_WORDS = ("off", "no", "none", "stop", "إيقاف", "ايقاف", "لا", "إلغاء", "الغاء", "توقف")

KIND_TOPICS: Mapping[str, str] = {
    "action-due-soon": "nudges",
    "action-overdue": "nudges",
    "action-overdue-weekly": "nudges",
    "minutes-nudge": "nudges",
    "meeting-reminder": "nudges",
    "weekly-digest": "digest",
    "monthly-bulletin": "digest",
    "announcement": "announcements",
    "meeting-invitation": "invitations",
}
"""The outbox kinds also sent by e-mail to those who chose their topic (a feature adding a kind adds its line)."""
CHANNEL_KINDS = frozenset({"weekly-digest", "monthly-bulletin", "announcement"})
"""Kinds posted to the channel whose e-mail copy goes to every member who chose their topic; the other kinds' copies
go only with a member's own 1:1 message (a meeting reminder in the channel is not mailed)."""
EMAIL_ASKED = "by_email"
"""The payload key of a row whose e-mail copies its author asked for (a facilitator's `announce … | email`)."""
ASKED_KINDS = frozenset({"announcement"})
"""Kinds copied by e-mail only when their row asks for it (`payload[EMAIL_ASKED]`), not whenever they are sent."""

topic_of_word = word_table(TOPIC_WORDS)
_switch = word_table({True: ON_WORDS, False: OFF_WORDS})
_all = word_table({"all": ALL_WORDS})
_chat = word_table({"chat": CHAT_WORDS})


def switch_of(word: str) -> bool | None:
    """True for on, False for off, None for anything else."""
    return _switch(word)


def is_all(word: str) -> bool:
    return _all(word) is not None


def is_chat(word: str) -> bool:
    return _chat(word) is not None
