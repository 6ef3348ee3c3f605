"""Which language a member is answered in, and which languages the community's channel posts are written in."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from dialogs.common.text import script_language
from storage.models import Community, Member

LANGUAGES = ("ar", "en")
CHANNEL_SETTING = "channel_languages"
"""The key, in the community's reminder settings, of the languages of its channel posts: auto, ar, en or both."""


def versions_showing(lang: str | None, langs: tuple[str, ...]) -> tuple[str, ...]:
    """Which versions of a post in `langs` show a member's text written in `lang`: its own, else the first (the text
    appears once, as written)."""
    return (lang,) if lang in langs else langs[:1]


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


async def channel_languages(session: AsyncSession, community: Community) -> tuple[str, ...]:
    """The languages of the community's channel posts, its default language first: as a facilitator set them
    (`ar`, `en`, `both`), or by default (`auto`) those its active members read — each one's chosen language, else
    their Teams locale's, else (nothing known of them) the community default, as in their 1:1 messages."""
    default = community.default_language if community.default_language in LANGUAGES else "ar"
    choice = (community.reminder_settings or {}).get(CHANNEL_SETTING, "auto")
    if choice in LANGUAGES:
        return (choice,)
    if choice == "both":
        read = set(LANGUAGES)
    else:
        rows = await session.execute(
            select(Member.language, Member.teams_locale).where(
                Member.community_id == community.id, Member.active.is_(True)
            )
        )
        read = {
            pick_language(preference=chosen, teams_locale=locale, text=None, community_default=default)
            for chosen, locale in rows
        }
    return tuple(sorted(read or {default}, key=lambda lang: (lang != default, lang)))
