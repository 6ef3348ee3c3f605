"""Two communities in one deployment (ALLOWED_TEAM_IDS), a person in both: their 1:1 chat speaks to the community
they choose (`community`, a card), the choice is remembered, a card pressed answers in the community it came from,
and nothing of one community reaches the other."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select

from dialogs.common.people import Person
from dialogs.community.roster import sync_roster
from storage.models import Action, Member
from tests.cards import buttons
from tests.chat import new_community
from tests.server import OMAR, TEAM, card_texts, serve, settings_for

HEALTH_TEAM = "19:team-health-81c0@thread.tacv2"


def press(invoke: dict[str, Any], button: dict[str, Any]) -> dict[str, Any]:
    """`invoke` as Teams sends it when `button` is pressed on a card in Leila's 1:1 chat."""
    personal = {"conversationType": "personal", "tenantId": invoke["conversation"]["tenantId"], "id": "a:1leila-chat"}
    action = {"type": "Action.Execute", "verb": button["verb"], "data": button["data"]}
    return invoke | {
        "conversation": personal,
        "channelData": {"tenant": invoke["channelData"]["tenant"]},
        "value": {"action": action, "trigger": "manual"},
    }


async def test_a_person_in_two_communities_chooses_and_nothing_crosses(
    engine, database_url, tmp_path, connector, clock, sessions
) -> None:
    settings = settings_for(database_url, tmp_path, allowed_team_ids=[TEAM, HEALTH_TEAM])
    async with serve(settings, connector, clock) as bot:
        await bot.install()  # Operations: Leila (who installs it), Omar, Sami
        async with sessions.begin() as session:  # the Health cluster, in another team: Leila and Huda
            health = await new_community(session, now=clock(), team=HEALTH_TEAM, name="Health cluster")
            people = [Person("29:1leila", None, "Leila Haddad"), Person("29:1huda", None, "Huda Abdallah")]
            await sync_roster(session, community=health, people=people, complete=True, admin_ids=(), now=clock())

        async def say(text: str, **changes: Any) -> list[dict[str, Any]]:
            return await bot.replies(bot.activity("personal_message_en", text=text, **changes))

        await say("action add Share the Amman trigger data | me | next Thursday")
        chose = await say("community")
        assert "You are in 2 communities" in card_texts(chose[0]) and "speaks to **Operations**" in card_texts(chose[0])
        (to_health,) = buttons(chose[0])  # one button: the community not spoken to now
        assert to_health["title"] == "Health cluster"
        chosen = await bot.replies(bot.activity("card_submit", value=to_health["data"]))
        assert "from now on your 1:1 chat with Tansiq speaks to Health cluster" in card_texts(chosen[0])

        # Leila's 1:1 chat now speaks to the Health cluster: its roster, its action points, and none of Operations'
        assert "Health cluster" in card_texts((await say("whoami"))[0])
        roster = card_texts((await say("members"))[0])
        assert "Huda Abdallah" in roster and "Omar Khalil" not in roster
        assert "Amman trigger" not in card_texts((await say("actions"))[0])
        added = await say("action add Check the vaccine cold chain | me | next Friday")
        mine = card_texts((await say("actions"))[0])
        assert "cold chain" in mine and "Amman trigger" not in mine

    async with serve(settings, connector, clock) as bot:  # a restart: the choice is remembered
        assert "Health cluster" in card_texts(
            (await bot.replies(bot.activity("personal_message_en", text="whoami")))[0]
        )
        # Omar is in Operations only: nothing to choose, and he never sees the Health cluster's work
        omar = {"from": {"id": "29:1omar", "name": "Omar Khalil", "aadObjectId": OMAR["aadObjectId"]}}
        only = await bot.replies(bot.activity("personal_message_en", text="community", **omar))
        assert "You are in one community: Operations" in card_texts(only[0])
        assert "cold chain" not in card_texts(
            (await bot.replies(bot.activity("personal_message_en", text="actions all", **omar)))[0]
        )
        # in the Operations channel, `community` names the channel's community and lists nobody's others
        here = await bot.replies(bot.activity("channel_message_mention", text="<at>Tansiq</at> community"))
        assert "belongs to Operations" in card_texts(here[0]) and "Health" not in card_texts(here[0])
        # a group chat speaks to the community every participant is in (Leila, Omar, Sami: Operations)
        group = bot.activity("group_chat_message_mention", text="<at>Tansiq</at> whoami")
        group["from"] = bot.activity("personal_message_en")["from"]
        assert "Operations" in card_texts((await bot.replies(group))[0])
        # a team the deployment does not serve is refused, and learns nothing
        stranger = bot.activity("channel_message_mention", text="<at>Tansiq</at> actions all")
        stranger["channelData"]["team"]["id"] = "19:team-unserved@thread.tacv2"
        refused = card_texts((await bot.replies(stranger))[0])
        assert "only serves its own organisation’s community" in refused and "Amman" not in refused
        clock.advance(minutes=5)
        # back to Operations; then Done pressed on the Health cluster's action card acts in the Health cluster
        assert "speaks to Operations" in card_texts(
            (await bot.replies(bot.activity("personal_message_en", text="community 1")))[0]
        )
        done = next(button for button in buttons(added[0]) if button.get("verb") == "action-done")
        pressed = await bot.post(press(bot.activity("invoke_adaptive_card_action"), done))
        assert pressed[0] == 200 and "cold chain" in str(pressed[1])

    async with sessions() as session:
        chosen_at = dict(
            (
                await session.execute(
                    select(Member.community_id, Member.chosen_at).where(Member.teams_user_id == "29:1leila")
                )
            ).all()
        )
        actions = {
            text: (community, status)
            for text, community, status in await session.execute(
                select(Action.text, Action.community_id, Action.status)
            )
        }
    assert chosen_at[1] is not None and chosen_at[2] is not None and chosen_at[1] > chosen_at[2]
    assert actions == {"Share the Amman trigger data": (1, "open"), "Check the vaccine cold chain": (2, "done")}
