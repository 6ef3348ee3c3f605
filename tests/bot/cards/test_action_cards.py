"""Action cards over real HTTP: buttons are Action.Execute invokes, answered with the refreshed card."""

from __future__ import annotations

from typing import Any

import pytest

from tests.server import OMAR, SAMI, card_texts

CARD = "application/vnd.microsoft.card.adaptive"
LOCALES = {OMAR["id"]: "ar-SA", SAMI["id"]: "en-GB"}


def mention(account: dict[str, Any]) -> dict[str, Any]:
    return {
        "type": "mention",
        "mentioned": {"id": account["id"], "name": account["name"]},
        "text": f"<at>{account['name']}</at>",
    }


def press(bot, who: dict[str, Any] | None, verb: str, data: object) -> dict[str, Any]:
    activity = bot.activity("invoke_adaptive_card_action")
    activity["value"] = {"action": {"type": "Action.Execute", "verb": verb, "data": data}, "trigger": "manual"}
    if who is not None:
        activity["from"] = {"id": who["id"], "name": who["name"], "aadObjectId": who["aadObjectId"]}
        activity["locale"] = LOCALES[who["id"]]
    return activity


@pytest.fixture
async def action_card(bot) -> dict[str, Any]:
    """Leila (who installed the bot: admin) gives Omar an action; the reply is its card."""
    await bot.install()
    activity = bot.activity(
        "personal_message_en", text="action add Share the flood trigger data | <at>Omar Khalil</at> | 15 December"
    )
    activity["entities"] = [*activity.get("entities", []), mention(OMAR)]
    replies = await bot.replies(activity)
    return replies[0]["attachments"][0]["content"]


async def test_card_refreshes_for_owners_and_facilitators(action_card) -> None:
    assert action_card["version"] == "1.5"
    assert action_card["refresh"]["action"] == {
        "type": "Action.Execute",
        "verb": "action-refresh",
        "data": {"action": 1, "tansiqCommunity": 1},  # a card in a 1:1 chat carries its community
    }
    assert set(action_card["refresh"]["userIds"]) == {"29:1omar", "29:1leila"}
    assert [a.get("verb") or a["type"] for a in action_card["actions"]] == [
        "action-done",
        "Action.ShowCard",
        "action-snooze",
    ]


async def test_owner_presses_done_and_the_card_updates_in_place(bot, action_card) -> None:
    status, body = await bot.post(press(bot, OMAR, "action-done", {"action": 1}))
    assert status == 200 and body["statusCode"] == 200 and body["type"] == CARD
    card = body["value"]
    assert card["rtl"] is True  # Omar reads Arabic (ar-SA)
    assert "أُنجز الإجراء رقم ١" in card_texts({"attachments": [{"content": card}]})
    assert "الحالة: منجز" in "\n".join(f"{f['title']}: {f['value']}" for f in card["body"][2]["facts"])
    assert card["actions"] == []  # nothing left to press on a done action


async def test_progress_note_from_the_card_form(bot, action_card) -> None:
    status, body = await bot.post(press(bot, OMAR, "action-progress", {"action": 1, "note": "draft shared"}))
    assert status == 200 and body["type"] == CARD
    texts = card_texts({"attachments": [{"content": body["value"]}]})
    assert "قيد التنفيذ" in texts and "«draft shared»" in texts


async def test_snooze_moves_the_due_date_a_week(bot, action_card) -> None:
    _, body = await bot.post(press(bot, OMAR, "action-snooze", {"action": 1}))
    facts = {f["title"]: f["value"] for f in body["value"]["body"][2]["facts"]}
    assert facts["موعد الاستحقاق"] == "٢٢‏/١٢‏/٢٠٢٦"


async def test_someone_else_sees_no_buttons_and_cannot_press_them(bot, action_card) -> None:
    _, body = await bot.post(press(bot, SAMI, "action-refresh", {"action": 1}))
    assert body["type"] == CARD and body["value"]["actions"] == []
    _, body = await bot.post(press(bot, SAMI, "action-done", {"action": 1}))
    assert body["type"] == "application/vnd.microsoft.activity.message"
    assert "Action #1 is not yours" in body["value"]


@pytest.mark.parametrize(
    "data", [None, "1", {"action": "1x"}, {"action": 999}, {"action": 2**40}, {"action": True}, {"action": "²"}, {}]
)
async def test_malformed_button_data_gets_a_short_message(bot, action_card, data) -> None:
    status, body = await bot.post(press(bot, OMAR, "action-done", data))
    assert status == 200 and body["type"] == "application/vnd.microsoft.activity.message"
    assert "لم يتمكن تنسيق من قراءة إجابة البطاقة" in body["value"]


async def _report_card(bot, fixture: str, text: str) -> dict[str, Any]:
    replies = await bot.replies(bot.activity(fixture, text=text))
    return replies[0]["attachments"][0]["content"]


async def test_facilitators_download_the_report_as_csv(bot, action_card, clock) -> None:
    import csv
    import io
    from urllib.parse import urlsplit

    import aiohttp

    card = await _report_card(bot, "personal_message_en", "actions report")
    assert "Action points since the start" in card_texts({"attachments": [{"content": card}]})
    [download] = card["actions"]
    assert download["type"] == "Action.OpenUrl" and download["url"].endswith(".csv")
    path = urlsplit(download["url"]).path
    async with aiohttp.ClientSession() as http:
        async with http.get(bot.server.make_url(path)) as response:
            assert response.status == 200 and response.content_type == "text/csv"
            rows = list(csv.reader(io.StringIO((await response.read()).decode("utf-8-sig"))))
        assert rows[1] == ["total", "total", "1", "0", "0", "0", "0.000", ""]
        assert ["organisation", "wfp.example", "1", "0", "0", "0", "0.000", ""] in rows
        async with http.get(bot.server.make_url(path.replace(".csv", "x.csv"))) as tampered:
            assert tampered.status == 404
        clock.advance(days=8)
        async with http.get(bot.server.make_url(path)) as expired:
            assert expired.status == 404


async def test_members_get_the_report_without_the_download(bot, action_card) -> None:
    card = await _report_card(bot, "personal_message_ar", "الإجراءات تقرير ربع")
    assert card["rtl"] is True and card["actions"] == []
    assert "نقاط العمل في هذا الربع" in card_texts({"attachments": [{"content": card}]})


async def test_form_over_http_from_card_to_recorded_action(bot, sessions) -> None:
    from sqlalchemy import select

    from storage.models import Member

    await bot.install()
    form = (await bot.replies(bot.activity("personal_message_en", text="action add")))[0]["attachments"][0]["content"]
    owners = next(element for element in form["body"] if element.get("id") == "owners")
    async with sessions() as session:
        omar_id = await session.scalar(select(Member.id).where(Member.teams_user_id == "29:1omar"))
    assert {"title": "Omar Khalil", "value": str(omar_id)} in owners["choices"]
    submit = bot.activity(
        "card_submit",
        value={"verb": "action-add", "text": "Collect the rainfall data", "owners": str(omar_id), "due": "2026-12-31"},
    )
    submit["locale"] = "en-US"
    reply = (await bot.replies(submit))[0]
    assert "Action #1 recorded." in card_texts(reply) and "Owners: Omar Khalil" in card_texts(reply)


async def test_the_history_card_keeps_its_history_when_it_refreshes(bot, action_card) -> None:
    card = (await bot.replies(bot.activity("personal_message_en", text="action 1")))[0]["attachments"][0]["content"]
    assert card["refresh"]["action"]["data"] == {"action": 1, "history": True, "tansiqCommunity": 1}
    _, body = await bot.post(press(bot, None, "action-refresh", card["refresh"]["action"]["data"]))
    assert "History" in card_texts({"attachments": [{"content": body["value"]}]})


async def test_a_stranger_pressing_a_button_is_refused_with_a_message(bot, action_card) -> None:
    stranger = {"id": "29:1stranger", "name": "Stranger", "aadObjectId": "ffffffff-0000-4000-8000-000000000009"}
    LOCALES[stranger["id"]] = "en-US"
    status, body = await bot.post(press(bot, stranger, "action-done", {"action": 1}))
    assert status == 200 and body["type"] == "application/vnd.microsoft.activity.message"
    assert "not on its member list" in body["value"] and "ليس في قائمة أعضائه" in body["value"]


async def test_two_owners_pressing_done_at_once_close_it_once(bot, action_card, sessions) -> None:
    import asyncio

    from sqlalchemy import func, select

    from storage.models import ActionEvent

    answers = await asyncio.gather(*(bot.post(press(bot, OMAR, "action-done", {"action": 1})) for _ in range(3)))
    assert all(status == 200 for status, _ in answers)
    async with sessions() as session:
        done = await session.scalar(select(func.count()).select_from(ActionEvent).where(ActionEvent.kind == "done"))
    assert done == 1
    assert sum(body["type"] == CARD for _, body in answers) == 1  # the others are told it is already done


async def test_a_report_link_dies_when_its_facilitator_is_no_longer_one(bot, action_card, sessions) -> None:
    from urllib.parse import urlsplit

    import aiohttp
    from sqlalchemy import select

    from storage.models import Member, Role

    card = await _report_card(bot, "personal_message_en", "actions report")
    path = urlsplit(card["actions"][0]["url"]).path
    async with sessions.begin() as session:
        leila = await session.scalar(select(Member).where(Member.teams_user_id == "29:1leila"))
        leila.role = Role.MEMBER
    async with aiohttp.ClientSession() as http, http.get(bot.server.make_url(path)) as response:
        assert response.status == 404 and "no longer a facilitator" in await response.text()
