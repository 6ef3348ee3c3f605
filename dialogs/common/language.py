"""Which language a member is answered in."""

from __future__ import annotations

from dialogs.common.text import script_language
from storage.models import Community, Member

LANGUAGES = ("ar", "en")


def language_of_locale(locale: str | None) -> str | None:
    """'ar' for ar-*, 'en' for en-*, None for other or missing locales."""
    if not locale:
        return None
    primary = locale.replace("_", "-").split("-")[0].lower()
    return primary if primary in LANGUAGES else None


def pick_language(*, preference: str | None, teams_locale: str | None, text: str | None, community_default: str) -> str:
    """The member's choice, else the Teams locale, else the script they wrote in, else the default."""
    if preference is not None and preference in LANGUAGES:
        return preference
    return (
        language_of_locale(teams_locale)
        or script_language(text or "")
        or (community_default if community_default in LANGUAGES else "ar")
    )


def member_language(member: Member, community: Community, *, teams_locale: str | None, text: str | None) -> str:
    """The language `member` is answered in (`pick_language` with what is known of them and their community)."""
    return pick_language(
        preference=member.language,
        teams_locale=teams_locale,
        text=text,
        community_default=community.default_language,
    )


def member_timezone(member: Member, community: Community) -> str:
    """The zone times are shown in for this member."""
    return member.timezone or community.timezone
