"""Questions over real HTTP: an FAQ file sent in a 1:1 chat is downloaded from its Teams link and imported, a
question gets the answer card, and its Action.Execute buttons are answered with the card to show in place."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from typing import Any

import pytest
from aiohttp import web
from aiohttp.test_utils import TestServer

from bot.files.uploads import FILE_DOWNLOAD_INFO
from dialogs.questions.faq_files import MAX_BYTES
from tests.server import OMAR, card_texts

CARD = "application/vnd.microsoft.card.adaptive"
CSV = (
    "question_en,answer_en,question_ar,answer_ar,tags\n"
    "How do I register for the workshop?,Use the form before Friday.,"
    "كيف أسجل في الورشة؟,استخدم الاستمارة قبل الجمعة.,training\n"
    "Where is the venue?,,,,\n"
    "Who pays for travel?,The organiser.,,,\n"
).encode()


BIG_CSV = (
    "question_en,answer_en\n"
    + "".join(f"Question number {i} about the workshop?,Answer number {i} is long enough.\n" for i in range(1500))
).encode()


@pytest.fixture
async def files() -> AsyncIterator[TestServer]:
    """Where Teams keeps the files members send (downloadUrl points here)."""

    async def faq(_request: web.Request) -> web.Response:
        return web.Response(body=CSV, content_type="text/csv")

    async def huge(_request: web.Request) -> web.Response:
        return web.Response(body=b"x" * (MAX_BYTES + 10))

    async def chunked(request: web.Request) -> web.StreamResponse:
        """A big file sent in pieces, as a slow link delivers it (no length announced)."""
        response = web.StreamResponse(headers={"Content-Type": "text/csv"})
        response.enable_chunked_encoding()
        await response.prepare(request)
        for start in range(0, len(BIG_CSV), 8192):
            await response.write(BIG_CSV[start : start + 8192])
            await asyncio.sleep(0)
        await response.write_eof()
        return response

    async def huge_chunked(request: web.Request) -> web.StreamResponse:
        response = web.StreamResponse()
        response.enable_chunked_encoding()
        await response.prepare(request)
        for _ in range(MAX_BYTES // 65536 + 2):
            await response.write(b"x" * 65536)
        await response.write_eof()
        return response

    app = web.Application()
    app.router.add_get("/files/big.csv", chunked)
    app.router.add_get("/files/huge-chunked.csv", huge_chunked)
    app.router.add_get("/files/faq.csv", faq)
    app.router.add_get("/files/huge.csv", huge)
    server = TestServer(app, host="127.0.0.1")
    await server.start_server()
    yield server
    await server.close()


def file_message(bot, files: TestServer, name: str, *, path: str | None = None) -> dict[str, Any]:
    activity = bot.activity("personal_message_en", text="")
    activity["attachments"] = [
        {
            "contentType": FILE_DOWNLOAD_INFO,
            "name": name,
            "content": {
                "downloadUrl": str(files.make_url(path or f"/files/{name}")),
                "uniqueId": "1a2b3c",
                "fileType": name.rsplit(".", 1)[-1],
            },
        }
    ]
    return activity


def press(bot, who: dict[str, Any], verb: str, data: object, locale: str) -> dict[str, Any]:
    activity = bot.activity("invoke_adaptive_card_action")
    activity["value"] = {"action": {"type": "Action.Execute", "verb": verb, "data": data}, "trigger": "manual"}
    activity["from"] = {"id": who["id"], "name": who["name"], "aadObjectId": who["aadObjectId"]}
    activity["locale"] = locale
    return activity


async def test_a_file_sent_in_a_personal_chat_is_imported(bot, files) -> None:
    await bot.install()
    reply, first_turn = await bot.replies(file_message(bot, files, "faq.csv"))  # and the privacy line, once
    assert "`privacy`" in first_turn["text"]
    shown = card_texts(reply)
    assert "faq.csv: 2 entries added, 0 updated." in shown
    assert "line 3: The answer is missing." in shown

    asked = bot.activity("personal_message_ar", text="كيف اسجل في الورشة؟")
    answer, _first_turn = await bot.replies(asked)  # Omar's first turn: the privacy line too
    card = answer["attachments"][0]["content"]
    assert card["rtl"] is True and "استخدم الاستمارة قبل الجمعة." in card_texts(answer)
    assert [a["verb"] for a in card["actions"]] == ["answer-helped", "question-escalate"]

    escalate = card["actions"][1]
    status, body = await bot.post(press(bot, OMAR, escalate["verb"], escalate["data"], "ar-SA"))
    assert status == 200 and body["type"] == CARD
    receipt = card_texts({"attachments": [{"content": body["value"]}]})
    assert "أُرسل سؤالك إلى الميسّرين بوصفه السؤال رقم ١" in receipt

    leila = {"id": "29:1leila", "name": "Leila Haddad", "aadObjectId": "a1a1a1a1-0000-4000-8000-000000000001"}
    status, body = await bot.post(press(bot, leila, "ticket-take", {"ticket": 1}, "en-US"))
    assert status == 200 and body["type"] == CARD
    ticket_card = body["value"]
    assert ticket_card["refresh"]["action"]["verb"] == "ticket-refresh"
    assert "You took question #1." in card_texts({"attachments": [{"content": ticket_card}]})
    assert "What Tansiq had offered:" in card_texts({"attachments": [{"content": ticket_card}]})


@pytest.mark.parametrize(
    "name, path, expected",
    [
        ("huge.csv", None, "The file is too big; the limit is 2,048 KB."),
        ("gone.csv", "/files/missing.csv", "I could not download “gone.csv”. Please send it again."),
        ("notes.docx", "/files/faq.csv", "I only read FAQ files, .csv or .jsonl, and only from facilitators"),
        ("huge-chunked.csv", None, "The file is too big; the limit is 2,048 KB."),
    ],
)
async def test_files_that_cannot_be_imported_get_a_clear_answer(bot, files, name, path, expected) -> None:
    await bot.install()
    [reply] = await bot.replies(file_message(bot, files, name, path=path))
    assert expected in card_texts(reply)


async def test_a_member_cannot_import(bot, files) -> None:
    await bot.install()
    activity = file_message(bot, files, "faq.csv")
    activity["from"] = {"id": OMAR["id"], "name": OMAR["name"], "aadObjectId": OMAR["aadObjectId"]}
    activity["locale"] = "ar-SA"
    [reply] = await bot.replies(activity)
    assert "لا أقرأ إلا ملفات الأسئلة الشائعة" in card_texts(reply)


async def test_a_big_file_arriving_in_pieces_is_read_whole(bot, files) -> None:
    assert len(BIG_CSV) > 64 * 1024
    await bot.install()
    reply, _first_turn = await bot.replies(file_message(bot, files, "big.csv"))
    assert "big.csv: 1,500 entries added, 0 updated." in card_texts(reply)


async def test_files_that_are_not_imports_are_not_downloaded_and_their_text_is_read(bot, files) -> None:
    await bot.install()  # a download would fail (the link is dead): the answer shows none was tried
    member = file_message(bot, files, "faq.csv", path="/files/missing.csv")
    member["from"] = {"id": OMAR["id"], "name": OMAR["name"], "aadObjectId": OMAR["aadObjectId"]}
    member["text"] = "help"
    reply, _first_turn = await bot.replies(member)
    assert "could not download" not in card_texts(reply) and "لم أتمكن من تنزيل" not in card_texts(reply)
    photo = file_message(bot, files, "photo.png", path="/files/missing.csv")
    photo["text"] = "help"
    reply, _first_turn = await bot.replies(photo)
    assert "could not download" not in card_texts(reply) and "What you can ask Tansiq" in card_texts(reply)
