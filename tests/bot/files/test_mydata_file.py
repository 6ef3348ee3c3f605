"""A member's own data over real HTTP: `بياناتي` in the 1:1 chat answers with a summary card whose button downloads a
JSON file that follows the schema shipped with the code; the link is the member's alone and dies after a day."""

from __future__ import annotations

import json
from typing import Any
from urllib.parse import urlsplit

import aiohttp
from jsonschema import Draft202012Validator

from dialogs.community.mydata import schema
from tests.server import card_texts


async def fetch(bot, url: str) -> tuple[int, str, bytes, dict[str, str]]:
    async with aiohttp.ClientSession() as http, http.get(bot.server.make_url(urlsplit(url).path)) as response:
        return response.status, response.content_type, await response.read(), dict(response.headers)


def download_url(reply: dict[str, Any]) -> str:
    [action] = reply["attachments"][0]["content"]["actions"]
    assert action["type"] == "Action.OpenUrl"
    return str(action["url"])


async def test_mydata_downloads_a_file_that_follows_the_schema(bot, clock) -> None:
    await bot.install()
    reply, *_ = await bot.replies(bot.activity("personal_message_ar", text="بياناتي"))  # (then the first-turn line)
    shown = card_texts(reply)
    assert "ما أحفظه عن Omar Khalil" in shown and "الرابط لك وحدك ويعمل ٢٤ ساعة" in shown
    card = reply["attachments"][0]["content"]
    assert card["rtl"] is True
    url = download_url(reply)
    assert urlsplit(url).path.startswith("/mydata/") and url.endswith(".json")

    status, content_type, body, headers = await fetch(bot, url)
    assert status == 200 and content_type == "application/json"
    assert headers["Cache-Control"] == "no-store" and "attachment" in headers["Content-Disposition"]
    data = json.loads(body)
    Draft202012Validator(schema(), format_checker=Draft202012Validator.FORMAT_CHECKER).validate(data)
    assert data["profile"]["name"] == "Omar Khalil" and data["profile"]["teams_user_id"] == "29:1omar"

    path = urlsplit(url).path
    payload, _, signature = path.removeprefix("/mydata/").removesuffix(".json").partition(".")
    forged = f"/mydata/{payload[:-2]}AA.{signature}.json"  # another member's claims under Omar's signature
    assert (await fetch(bot, forged))[0] == 404
    clock.advance(hours=25)
    assert (await fetch(bot, url))[0] == 404  # a day later the link is dead


async def test_the_link_dies_when_the_member_leaves(bot) -> None:
    await bot.install()
    reply, *_ = await bot.replies(bot.activity("personal_message_ar", text="بياناتي"))
    url = download_url(reply)
    assert (await fetch(bot, url))[0] == 200
    status, _ = await bot.post(bot.activity("conversation_update_members_removed"))
    assert status in (200, 202)
    assert (await fetch(bot, url))[0] == 404


async def test_asked_in_the_channel_it_goes_to_the_members_own_chat(bot) -> None:
    await bot.install()
    reply, *_ = await bot.replies(bot.activity("channel_message_mention", text="<at>Tansiq</at> mydata"))
    text = card_texts(reply)
    assert "I have sent it to our 1:1 chat" in text
    assert "Action.OpenUrl" not in json.dumps(reply)  # nothing of the member's data in the channel
