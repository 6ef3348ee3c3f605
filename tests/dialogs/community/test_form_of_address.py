"""`لقبي` / `address me`: a member chooses how Arabic replies speak to and about them — masculine, feminine, or
neutral wording until they say (Teams tells us nothing about it); `role`, `whoami`, the welcome and a new action's
message follow the choice; `mydata` holds it."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from bot.i18n import plain
from dialogs.community.forget import erase
from dialogs.community.mydata import export
from storage.models import Community, Member, Notification
from tests.chat import Chat, converse
from tests.fakes import FakeClock

AMAL = "أمل ناصر"
"""A member who writes in Arabic (the cast's Amal Zoubi is an admin, whose role is fixed)."""
AMAL_ID = f"29:unknown-{AMAL}"
"""Her Teams id: the one `Chat` gives an @mention of someone outside its cast."""

CONVERSATION = [
    ("facilitator", "lang ar", "lang-set"),
    # nothing chosen: neutral wording, which assumes neither
    ("amal", "لقبي", "address-current", "يخاطبك تنسيق الآن بصيغة محايدة", "`لقبي مؤنث`"),
    ("amal", "من أنا", "whoami", f"{AMAL}** — عضو في MENA AA CoP", "صيغة المخاطبة: محايدة"),
    ("facilitator", "دور @أمل ميسر", "role-set", f"{AMAL} الآن من الميسّرين."),
    ("facilitator", "دور @أمل ميسر", "role-unchanged", f"{AMAL} من الميسّرين بالفعل."),
    ("facilitator", "دور @أمل عضو", "role-set", f"{AMAL} الآن عضو."),
    # Amal chooses the feminine
    ("amal", "لقبي مؤنث", "address-set", "سيخاطبكِ تنسيق بصيغة المؤنث"),
    ("amal", "لقبي", "address-current", "يخاطبك تنسيق الآن بصيغة المؤنث"),
    ("amal", "من أنا", "whoami", f"{AMAL}** — عضوة في MENA AA CoP", "صيغة المخاطبة: المؤنث (`لقبي`)"),
    ("amal", "مساعدة", "help", "أنتِ عضوة في هذا المجتمع", "(اكتبيه مع «/» أو بدونها)"),
    ("amal", "مساعدة الإعدادات", "help", "ما يمكنك فعله هنا عضوةً", "`لقبي مؤنث`"),
    ("facilitator", "مساعدة", "help", "أنت من الميسّرين في هذا المجتمع", "(يُكتب مع «/» أو بدونها)"),
    ("facilitator", "دور @أمل ميسر", "role-set", f"{AMAL} الآن ميسّرة."),
    ("facilitator", "دور @أمل ميسر", "role-unchanged", f"{AMAL} ميسّرة بالفعل."),
    ("amal", "من أنا", "whoami", f"{AMAL}** — ميسّرة في MENA AA CoP"),
    # the masculine, and back to neutral with an alias
    ("member", "لقبي مذكر", "address-set", "سيخاطبك تنسيق بصيغة المذكر"),
    ("member", "من أنا", "whoami", "عمر خليل** — عضو في MENA AA CoP", "صيغة المخاطبة: المذكر"),
    ("facilitator", "دور @عمر ميسر", "role-set", "عمر خليل الآن ميسّر."),
    ("amal", "خاطبني محايد", "address-set", "بصيغة محايدة لا تفترض مذكرًا ولا مؤنثًا"),
    ("facilitator", "دور @أمل عضو", "role-set", f"{AMAL} الآن عضو."),
    # bad input: what to type
    ("amal", "لقبي بنفسجي", "address-unknown", "«بنفسجي» ليست صيغة مخاطبة", "`لقبي مذكر`", "`لقبي محايد`"),
    # in English: the same choice; English wording does not change with it
    ("admin", "address me", "address-current", "address you in the neutral form", "`address me she`"),
    ("admin", "address me she", "address-set", "will address you in the feminine form"),
    ("admin", "whoami", "whoami", "Amal Zoubi** — admin of MENA AA CoP", "Form of address: feminine (she)"),
    ("admin", "pronoun he", "address-set", "in the masculine form"),
    ("admin", "pronouns they", "address-set", "in the neutral form"),
    ("admin", "address me robot", "address-unknown", "“robot” is not a form of address", "`address me neutral`"),
    ("facilitator", "lang en", "lang-set"),
    ("facilitator", "role <at>Amal Zoubi</at> member", "role-admin-fixed", "Amal Zoubi is an admin"),
]


@pytest.fixture
async def chat(sessions, clock: FakeClock) -> Chat:
    chat = await Chat(sessions, clock).start()
    async with sessions.begin() as session:
        amal = Member(community_id=chat.community_id, teams_user_id=AMAL_ID, name=AMAL, teams_locale="ar-SA")
        amal.privacy_noted_at = clock()
        session.add(amal)
        await session.flush()
        chat.ids["amal"] = amal.id
    return chat


async def test_form_of_address_conversation(chat: Chat) -> None:
    await converse(chat, CONVERSATION)


async def test_a_new_action_is_given_to_her_in_the_feminine(chat: Chat) -> None:
    assert (await chat.say("لقبي مؤنث", as_="amal")).key == "address-set"
    said = await chat.say(f"action add Share the rainfall data | <at>{AMAL}</at> | next Thursday", as_="facilitator")
    assert said.key == "action-added"
    async with chat.sessions() as session:
        row = await session.scalar(select(Notification).where(Notification.member_id == chat.ids["amal"]))
    assert row is not None and row.kind == "action-assigned"
    reply = await chat.compose(row, chat.clock())
    assert reply is not None
    shown = plain(chat.renderer.text(reply, lang="ar", zone="Asia/Beirut"))
    assert "أُسند إليكِ الإجراء رقم ١ من Leila Haddad" in shown


async def test_mydata_holds_the_choice_and_forgetting_clears_it(chat: Chat) -> None:
    await chat.say("لقبي مؤنث", as_="amal")
    async with chat.sessions() as session:
        amal = await session.get(Member, chat.ids["amal"])
        community = await session.get(Community, chat.community_id)
        assert amal is not None and community is not None
        data = await export(session, member=amal, community=community, now=chat.clock())
    assert data["profile"]["form_of_address"] == "f"
    async with chat.sessions.begin() as session:
        amal = await session.get(Member, chat.ids["amal"])
        assert amal is not None
        await erase(session, amal, actor=amal, now=chat.clock())
    assert (await chat.member("amal")).grammatical_gender is None
