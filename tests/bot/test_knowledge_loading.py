"""Right after a start the model and the community's indexes load in the background: the bot already answers
commands, a question is told to wait a moment (not a wrong "not sure", not a ticket), and /readyz says "loading"
until questions can be answered."""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Sequence

import numpy as np
from aiohttp.test_utils import TestServer
from sqlalchemy import func, select

from bot.app import KNOWLEDGE, create_app
from storage.models import KnowledgeVector, Ticket
from tests.dialogs.questions.fake_embedder import FakeEmbedder
from tests.server import BotServer, card_texts, settings_for


async def test_questions_wait_for_the_model_and_readyz_says_loading(
    database_url, tmp_path, connector, clock, sessions
) -> None:
    loaded = threading.Event()

    def slow_model() -> FakeEmbedder:  # the model still loading (it takes seconds with a large community)
        loaded.wait(30)
        return FakeEmbedder()

    app = create_app(settings_for(database_url, tmp_path), clock=clock, load_embedder=slow_model)
    server = TestServer(app, host="127.0.0.1")
    await server.start_server()
    bot = BotServer(server, connector)
    try:
        assert await bot.get("/healthz") == (200, {"status": "ok"})
        assert await bot.get("/readyz") == (503, {"status": "loading"})
        await bot.install()
        help_ = await bot.replies(bot.activity("personal_message_en", text="help"))
        assert "agenda" in card_texts(help_[0]).lower()  # commands are served meanwhile

        english = await bot.replies(bot.activity("personal_message_en", text="When is the next meeting?"))
        assert card_texts(english[0]) == (
            "I have just started and am still reading the community’s questions and records. Ask me again in a moment."
        )
        arabic = await bot.replies(bot.activity("personal_message_ar", text="متى الاجتماع القادم؟"))
        assert "أعد طرح سؤالك بعد لحظات" in card_texts(arabic[0])
        async with sessions() as session:
            assert await session.scalar(select(func.count()).select_from(Ticket)) == 0

        loaded.set()
        await app[KNOWLEDGE].wait_ready()
        assert await bot.get("/readyz") == (200, {"status": "ready"})
        answered = await bot.replies(bot.activity("personal_message_en", text="When is the next meeting?"))
        assert "No meeting is scheduled yet" in card_texts(answered[0])
    finally:
        loaded.set()
        await server.close()


async def test_without_the_model_questions_are_answered_by_their_words(
    database_url, tmp_path, connector, clock
) -> None:
    loads: list[str] = []

    def model_not_wanted() -> FakeEmbedder:
        loads.append("model")
        return FakeEmbedder()

    settings = settings_for(database_url, tmp_path).model_copy(update={"question_model": "none"})
    app = create_app(settings, clock=clock, load_embedder=model_not_wanted)
    server = TestServer(app, host="127.0.0.1")
    await server.start_server()
    bot = BotServer(server, connector)
    try:
        await app[KNOWLEDGE].wait_ready()
        assert await bot.get("/readyz") == (200, {"status": "ready"})
        await bot.install()
        answered = await bot.replies(bot.activity("personal_message_en", text="When is the next meeting?"))
        assert "No meeting is scheduled yet" in card_texts(answered[0])
        assert loads == []  # QUESTION_MODEL=none: no model loaded
    finally:
        await server.close()


async def test_members_write_while_the_model_embeds_at_start(
    database_url, tmp_path, connector, clock, sessions
) -> None:
    """A first start embeds every live-fact phrasing (tens of seconds on a small machine): meanwhile members' turns,
    writing ones too, are served (on SQLite the warm-up holds no write lock while it embeds), and what it embedded
    is stored once it is done."""
    embedding, release = threading.Event(), threading.Event()

    class SlowModel(FakeEmbedder):
        def embed(self, texts: Sequence[str], *, query: bool) -> np.ndarray:
            embedding.set()  # (the warm-up is what embeds first: the live facts' phrasings)
            release.wait(30)
            return super().embed(texts, query=query)

    app = create_app(settings_for(database_url, tmp_path), clock=clock, load_embedder=SlowModel)
    server = TestServer(app, host="127.0.0.1")
    await server.start_server()
    bot = BotServer(server, connector)
    try:
        assert await asyncio.to_thread(embedding.wait, 30)
        await bot.install()
        added = await bot.replies(
            bot.activity("personal_message_en", text="action add Share the 4W template | me | next Thursday")
        )
        assert "Share the 4W template" in card_texts(added[0])  # recorded, not "busy, try again"
        assert await bot.get("/readyz") == (503, {"status": "loading"})
        async with sessions() as session:
            assert await session.scalar(select(func.count()).select_from(KnowledgeVector)) == 0

        release.set()
        await app[KNOWLEDGE].wait_ready()
        assert await bot.get("/readyz") == (200, {"status": "ready"})
        async with sessions() as session:
            assert await session.scalar(select(func.count()).select_from(KnowledgeVector)) > 0
    finally:
        release.set()
        await server.close()
