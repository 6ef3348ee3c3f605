"""A conversation harness: members say things to the real router; replies come back rendered."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.cards.render import Renderer
from bot.i18n import Catalogs, plain
from dialogs.common.language import member_language, member_timezone
from dialogs.common.people import Person
from dialogs.common.replies import Reply
from dialogs.common.turn import Services
from dialogs.community.roster import install, sync_roster
from dialogs.features import build_services
from dialogs.router import Router, TurnResult
from storage.models import Community, Member, Notification, Role
from tests.fake_connector import TENANT
from tests.fakes import FakeClock
from tests.server import TEAM

# who -> (Teams id, name, Teams locale, role)
CAST = {
    "admin": ("29:1amal", "Amal Zoubi", "en-GB", Role.ADMIN),
    "facilitator": ("29:1leila", "Leila Haddad", "en-US", Role.FACILITATOR),
    "member": ("29:1omar", "عمر خليل", "ar-SA", Role.MEMBER),
    "guest": ("29:1sami", "Sami Nasser", None, Role.MEMBER),
}
NARROW_SPACE = "\u202f"  # Babel puts one before AM/PM; tests compare with a plain space
_AT = re.compile(r"<at>(.*?)</at>")


async def new_community(
    session: AsyncSession,
    *,
    now: datetime,
    tenant: str = TENANT,
    team: str = "19:other@thread.tacv2",
    name: str = "Other",
    language: str = "en",
    zone: str = "UTC",
) -> Community:
    """A community installed by nobody in particular (for tests that need a second one)."""
    return await install(
        session,
        tenant_id=tenant,
        team_id=team,
        team_name=name,
        channel_id=None,
        conversation_reference=None,
        installer=None,
        default_language=language,
        timezone=zone,
        admin_ids=(),
        now=now,
    )


@dataclass(frozen=True)
class Said:
    """What the bot answered one message: the reply keys and the text the member read."""

    replies: list[Reply]
    text: str

    @property
    def key(self) -> str:
        return self.replies[0].key


class Chat:
    """A community with the CAST on its roster, talking through dialogs.router."""

    def __init__(
        self, sessions: async_sessionmaker[AsyncSession], clock: FakeClock, *, services: Services | None = None
    ) -> None:
        """`services`: the app's registry and question engine (default: as the app builds them)."""
        self.sessions = sessions
        self.clock = clock
        self.services = services or build_services()
        self.router = Router(sessions, self.services)
        self.renderer = Renderer(Catalogs())
        self.ids: dict[str, int] = {}
        self.community_id = 0

    async def start(self) -> Chat:
        async with self.sessions.begin() as session:
            session.info["now"] = self.clock()
            community = await new_community(
                session, now=self.clock(), team=TEAM, name="MENA AA CoP", language="ar", zone="Asia/Beirut"
            )
            people = [Person(uid, None, name) for uid, name, _, _ in CAST.values()]
            await sync_roster(
                session, community=community, people=people, complete=True, admin_ids=(), now=self.clock()
            )
            for who, (uid, _name, locale, role) in CAST.items():
                row = await session.scalar(select(Member).where(Member.teams_user_id == uid))
                row.role, row.teams_locale = role, locale
                row.privacy_noted_at = self.clock()  # told on an earlier turn (tests of the first turn clear it)
                self.ids[who] = row.id
            self.community_id = community.id
        return self

    async def say(self, text: str, *, as_: str, shared: bool = False) -> Said:
        """Send `text` as `as_` (`shared`: in the channel, where everyone reads the answer); `<at>Name</at>` becomes
        a mention of that roster member."""
        mentions = [await self._person(name) for name in _AT.findall(text)]
        result = await self.router.text(
            member_id=self.ids[as_], text=text, mentions=mentions, now=self.clock(), shared=shared
        )
        return self._said(result, text)

    async def submit(self, data: object, *, as_: str) -> Said:
        """Press a card button whose data is `data`."""
        result = await self.router.card(member_id=self.ids[as_], data=data, now=self.clock())
        return self._said(result, None)

    async def press(self, verb: str, data: object, *, as_: str) -> Said:
        """Press an `Action.Execute` button with `verb` and `data`."""
        result = await self.router.press(member_id=self.ids[as_], verb=verb, data=data, now=self.clock())
        return self._said(result, None)

    async def compose(self, row: Notification, now: datetime) -> Reply | None:
        """What an outbox row would say if it were sent at `now`."""
        async with self.sessions() as session:  # nothing composed here is kept
            return await self.services.registry.composer(row.kind)(session, row, now)

    async def member(self, who: str) -> Member:
        async with self.sessions() as session:
            member = await session.get(Member, self.ids[who])
            assert member is not None
            return member

    async def community(self) -> Community:
        async with self.sessions() as session:
            community = await session.get(Community, self.community_id)
            assert community is not None
            return community

    def _said(self, result: TurnResult, text: str | None) -> Said:
        lang = member_language(result.member, result.community, teams_locale=result.member.teams_locale, text=text)
        zone = member_timezone(result.member, result.community)
        rendered = "\n".join(plain(self.renderer.text(r, lang=lang, zone=zone)) for r in result.replies)
        return Said(result.replies, rendered.replace(NARROW_SPACE, " "))

    async def _person(self, name: str) -> Person:
        for uid, cast_name, _, _ in CAST.values():
            if cast_name == name:
                return Person(uid, None, name)
        return Person(f"29:unknown-{name}", None, name)


Line = tuple[str, str, str] | tuple[str, str, str, str]
"""One line of a conversation table: who says what, the reply key expected, and optionally words the answer shows."""


async def converse(chat: Chat, table: Sequence[Line]) -> None:
    """Say each line of a conversation table in turn; each answer must have the expected key (and words)."""
    for who, says, key, *words in table:
        said = await chat.say(says, as_=who)
        shown = all(word in said.text for word in words)
        assert (said.key, shown) == (key, True), f"{who}: {says!r} -> {said.key}: {said.text!r}"
