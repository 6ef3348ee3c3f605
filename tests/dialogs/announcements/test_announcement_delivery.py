"""An announcement end to end: a facilitator's `announce … | email` over HTTP, the channel post sent by the app's
dispatcher to the fake Bot Connector, and the e-mail copies through a real SMTP server on loopback — only with
`| email`, only to those who chose announcements by e-mail, and for a working group's announcement only to its
members."""

from __future__ import annotations

from sqlalchemy import select

from bot.cards.render import Renderer
from bot.i18n import Catalogs, plain
from bot.outbound.dispatcher import Dispatcher
from bot.outbound.notifier import Notifier
from dialogs.features import build_registry
from storage.models import Notification
from tests.bot.mail.smtp import parts
from tests.bot.mail.world import mailer
from tests.server import OMAR, SAMI, TEAM, card_texts, connections, mention

LEILA_MAIL, OMAR_MAIL, SAMI_MAIL = "leila@ifrc.example", OMAR["email"], SAMI["email"]


async def say(bot, text: str, *, person: dict | None = None, mentioned: tuple[dict, ...] = ()) -> str:
    """`text` in a 1:1 chat, as Leila (the fixture's sender) or `person`; what the replies read."""
    activity = bot.activity("personal_message_en", text=text)
    activity["entities"] = [*activity.get("entities", []), *map(mention, mentioned)]
    if person is not None:
        activity["from"] = {"id": person["id"], "name": person["name"], "aadObjectId": person["aadObjectId"]}
        activity["conversation"] = {**activity["conversation"], "id": bot.connector.personal_chat_id(person["id"])}
    return "\n".join(card_texts(reply) for reply in await bot.replies(activity))


async def test_the_post_reaches_the_channel_and_the_mail_those_who_chose_it(bot, sessions, clock, sleep, smtp):
    await bot.install()
    await say(bot, "notify announcements on", person=OMAR)
    await say(bot, "notify announcements on", person=SAMI)
    await say(bot, "notify digest on")  # Leila: not announcements
    await say(bot, "group add WASH Aleppo | Water trucking")
    assert "Omar Khalil" in await say(bot, f"group join WASH Aleppo <at>{OMAR['name']}</at>", mentioned=(OMAR,))
    assert "Posted in the channel." in await say(bot, "announce The plenary moves to Amman | email")
    assert "Posted in the channel." in await say(bot, "announce Coffee at ten")  # not by e-mail
    sent = await say(bot, "announce Bring the maps | group WASH Aleppo | email")
    assert "the members of “WASH Aleppo” and the facilitators" in sent
    bot.connector.posted.clear()

    sender = Dispatcher(
        sessions,
        registry=build_registry(),
        notifier=Notifier(connections(), sleep=sleep),
        renderer=Renderer(Catalogs(), clock=clock),
        clock=clock,
        mailer=mailer(smtp, sleep),
    )
    for _ in range(4):  # the posts, then their e-mail copies (due at once)
        await sender.run_once()

    in_channel = [p.text for p in bot.connector.posted if p.conversation_id.startswith(TEAM)]
    assert len(in_channel) == 2 and not any("Bring the maps" in text for text in in_channel)
    assert in_channel[0] == "Announcement from Leila Haddad\nThe plenary moves to Amman"  # (an English channel)
    omar_chat = [
        p.text for p in bot.connector.posted if p.conversation_id == bot.connector.personal_chat_id(OMAR["id"])
    ]
    assert any("Bring the maps" in text for text in omar_chat)
    sami_chat = [
        p.text for p in bot.connector.posted if p.conversation_id == bot.connector.personal_chat_id(SAMI["id"])
    ]
    assert not any("Bring the maps" in text for text in sami_chat)  # Sami is not in the group

    received = sorted((str(mail["To"]).rpartition("<")[2].rstrip(">"), parts(mail)[0]) for mail in smtp.mails)
    assert [to for to, _ in received] == [OMAR_MAIL, OMAR_MAIL, SAMI_MAIL]
    assert all(mail["X-Tansiq-Kind"] == "announcement" for mail in smtp.mails)
    texts = {to: [plain(text) for t, text in received if t == to] for to in (OMAR_MAIL, SAMI_MAIL)}
    assert any("The plenary moves to Amman" in text for text in texts[SAMI_MAIL])
    assert not any("Bring the maps" in text or "Coffee" in text for text in texts[SAMI_MAIL])
    assert any("Bring the maps" in text for text in texts[OMAR_MAIL])
    assert not any("Coffee at ten" in text for _, text in received)  # no `| email`: no copy
    async with sessions() as session:
        rows = list(await session.scalars(select(Notification).where(Notification.kind == "announcement")))
    assert {row.status for row in rows} == {"sent"}
