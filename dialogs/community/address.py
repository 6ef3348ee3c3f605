"""`address me` (`لقبي`): how Arabic replies speak to and about a member — masculine, feminine, or neutral wording
when they have not said (Teams tells us nothing about it). The member's own choice, and only theirs."""

from __future__ import annotations

from dialogs.common.errors import UserError
from dialogs.common.replies import Reply
from dialogs.common.text import word_table
from dialogs.common.turn import Turn

NEUTRAL = "neutral"
"""The choice that clears the form of address (stored as None: neutral wording)."""
ADDRESS_WORDS = {
    "m": ("m", "he", "him", "he/him", "masculine", "male", "مذكر", "ذكر", "هو", "المذكر", "بالمذكر"),
    "f": ("f", "she", "her", "she/her", "feminine", "female", "مؤنث", "أنثى", "هي", "المؤنث", "بالمؤنث"),
    NEUTRAL: ("neutral", "they", "they/them", "none", "unset", "محايد", "محايدة", "بلا", "دون تحديد", "حياد"),
}
_address_named = word_table(ADDRESS_WORDS)


async def command(turn: Turn, args: str) -> Reply:
    """`address me [he|she|neutral]` / `لقبي [مذكر|مؤنث|محايد]`: set the member's form of address (nothing after
    it: show it and how to change it)."""
    if not args.strip():
        return Reply.of("address-current", gender=turn.member.grammatical_gender)
    chosen = _address_named(args)
    if chosen is None:
        raise UserError("address-unknown", given=args.strip()[:40])
    turn.member.grammatical_gender = None if chosen == NEUTRAL else chosen
    return Reply.of("address-set", gender=turn.member.grammatical_gender)
