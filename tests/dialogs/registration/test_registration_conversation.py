"""Registering for a meeting, as members and facilitators say it in Arabic and English: the Register button, the
interpretation language and accessibility note, the facilitators' list (notes theirs only), the mistakes answered
with how to fix them, and a working group's meeting kept to its members."""

from __future__ import annotations

from sqlalchemy import select

from storage.models import Meeting
from storage.models.meetings import Registration
from tests.cards import buttons
from tests.chat import Chat, converse

LINK = "https://teams.microsoft.com/l/meetup-join/19%3ameeting_abc%40thread.v2/0"

# Tuesday 24 November 2026, 09:00 UTC; the community lives in Asia/Beirut. Leila (facilitator) and Amal (admin)
# read English; عمر خليل (member) reads Arabic; Sami (guest) is answered in the script he writes.
CONVERSATION = [
    (
        "facilitator",
        f"meeting add Learning exchange · تبادل الخبرات | 2026-12-10 14:00 | {LINK} | registration",
        "meeting-added",
        "Registration",
        "Open: `register 1`",
    ),
    ("member", "سجلني ١", "registration-added", "سُجّلت لحضور الاجتماع رقم ١", "تحتاج إلى ترجمة؟"),
    ("member", "سجلني ١", "registration-already", "أنت مسجّل بالفعل", "دون ترجمة"),
    (
        "member",
        "سجّلني ١ | ترجمة إنجليزي | ملاحظة: كرسي متحرك",
        "registration-updated",
        "الترجمة: إلى الإنجليزية",
        "الملاحظة (للميسّرين وحدهم): كرسي متحرك",
    ),
    ("guest", "register 1 | interpretation ar", "registration-added", "Interpretation into Arabic is noted"),
    ("admin", "register 1 | note: wheelchair access", "registration-added", "facilitators only: wheelchair access"),
    # mistakes, each answered with how to fix it
    ("guest", "register 1 | interpretation french", "registration-interpretation-unknown", "`| interpretation en`"),
    ("member", "سجلني ١ | ترجمة فرنسي", "registration-interpretation-unknown", "`| ترجمة إنجليزي`"),
    ("guest", "register 9", "meeting-unknown", "There is no meeting #9. `meetings` shows the numbers."),
    ("member", "سجلني ٩", "meeting-unknown", "لا يوجد اجتماع رقم ٩"),
    ("guest", "register", "registration-usage", "`register 3 | interpretation en`"),
    ("guest", "register 1 | colour blue", "registration-field-unknown", "`| note: …`"),
    ("guest", "register 1 | note: " + "x" * 301, "registration-note-too-long", "at most 300 characters"),
    # who is coming: the facilitators' list; members are refused
    ("member", "المسجلون ١", "not-facilitator", "للميسّرين فقط"),
    (
        "facilitator",
        "registrations 1",
        "registrations-list",
        "Registered for meeting #1: 3",
        "Interpretation into Arabic: 1 · into English: 1",
        "عمر خليل",
        "interpretation into English · note: كرسي متحرك",
        "Amal Zoubi",
        "note: wheelchair access",
        "Sami Nasser · interpretation into Arabic",
    ),
    # a meeting that does not ask; facilitators open and close registration
    ("facilitator", "meeting add Quarterly plenary | 2026-12-15 10:00 | plenary", "meeting-added"),
    ("guest", "register 2", "registration-off", "does not ask members to register", "meeting registration 2 on"),
    ("member", "اجتماع التسجيل ٢ تشغيل", "not-facilitator", "للميسّرين فقط"),
    ("facilitator", "meeting registration 2 on", "registration-switched-on", "now asks members to register"),
    ("facilitator", "meeting registration 2 maybe", "registration-switch-usage", "`meeting registration 3 on`"),
    ("guest", "register 2", "registration-added", "You are registered for meeting #2"),
    ("admin", "meeting registration 2 off", "registration-switched-off", "no longer asks members to register"),
    # withdrawing
    ("member", "ألغ تسجيلي ١", "registration-removed", "أُلغي تسجيلك في الاجتماع رقم ١"),
    ("member", "ألغ تسجيلي ١", "registration-not-registered", "`سجلني ١` يسجّلك"),
    ("guest", "unregister", "unregistration-usage", "`unregister 3`"),
    ("facilitator", "registrations 1", "registrations-list", "Registered for meeting #1: 2"),
]


async def test_registration_conversation(sessions, clock) -> None:
    chat = await Chat(sessions, clock).start()
    await converse(chat, CONVERSATION)
    async with chat.sessions() as session:
        rows = list(await session.scalars(select(Registration)))
        meetings = {m.number: m.registration for m in await session.scalars(select(Meeting))}
    assert meetings == {1: True, 2: False}
    assert {(row.member_id, row.interpretation, row.note) for row in rows} == {
        (chat.ids["guest"], "ar", ""),  # meeting 1
        (chat.ids["admin"], None, "wheelchair access"),
        (chat.ids["guest"], None, ""),  # meeting 2
    }


async def test_the_register_button_registers_whoever_presses_it(sessions, clock) -> None:
    chat = await Chat(sessions, clock).start()
    added = await chat.say(
        f"meeting add Learning exchange | 2026-12-10 14:00 | {LINK} | registration", as_="facilitator"
    )
    card = chat.renderer.card(added.replies[0], lang="ar", zone="Asia/Beirut")
    register = [b for b in buttons(card) if b["data"].get("verb") == "registration-register"]
    assert [b["title"] for b in register] == ["سجّلني"]
    pressed = await chat.submit(register[0]["data"], as_="member")
    assert pressed.key == "registration-added" and "سُجّلت لحضور الاجتماع رقم ١" in pressed.text
    again = await chat.submit(register[0]["data"], as_="member")
    assert again.key == "registration-already"
    english = chat.renderer.card(added.replies[0], lang="en", zone="Asia/Beirut")
    assert "Register" in [b["title"] for b in buttons(english)]
    # the agenda card carries it too; a meeting without registration has none
    agenda = await chat.say("agenda 1", as_="guest")
    assert "Register" in [b["title"] for b in buttons(chat.renderer.card(agenda.replies[0], lang="en", zone="UTC"))]
    plain = await chat.say("meeting add Plenary | 2026-12-15 10:00", as_="facilitator")
    plain_card = chat.renderer.card(plain.replies[0], lang="en", zone="UTC")
    assert not [b for b in buttons(plain_card) if b.get("data", {}).get("verb") == "registration-register"]
    # a button of an occurrence that has moved since registers nobody, and says how to register for the next one
    await chat.say("meeting move 1 | 2026-12-11 14:00", as_="facilitator")
    moved = await chat.submit(register[0]["data"], as_="facilitator")
    assert moved.key == "registration-moved" and "Write `register 1` to register for its next meeting" in moved.text
    bad = await chat.submit({"verb": "registration-register", "meeting": 1, "start": "soon"}, as_="guest")
    assert bad.key == "card-data-invalid"
    # the meeting form's toggle asks for registration too
    form = {
        "verb": "meeting-add",
        "title": "Form meeting",
        "day": "2026-12-12",
        "time": "10:00",
        "registration": "true",
    }
    by_form = await chat.submit(form, as_="facilitator")
    assert by_form.key == "meeting-added" and "Open: `register 3`" in by_form.text


async def test_a_working_groups_meeting_is_for_its_members_and_the_facilitators(sessions, clock) -> None:
    chat = await Chat(sessions, clock).start()
    await converse(
        chat,
        [
            ("facilitator", "group add WASH Aleppo | Water trucking", "group-added"),
            ("facilitator", "group join WASH <at>عمر خليل</at>", "group-members-added"),
            (
                "facilitator",
                "meeting add WASH check-in | 2026-12-10 11:00 | group WASH | registration",
                "meeting-added",
            ),
            ("guest", "register 1", "meeting-unknown", "There is no meeting #1"),
            ("guest", "registrations 1", "not-facilitator"),
            ("member", "سجلني ١ | ترجمة عربي", "registration-added", "الترجمة إلى العربية"),
            ("admin", "register 1", "registration-added"),
        ],
    )
    # where others read the answer (the channel), a group's meeting is not shown, and notes never are
    in_channel = await chat.say("register 1", as_="member", shared=True)
    assert in_channel.key == "visible-in-private-chat"
    listed_in_channel = await chat.say("registrations 1", as_="facilitator", shared=True)
    assert listed_in_channel.key == "visible-in-private-chat"
    listed = await chat.say("registrations 1", as_="facilitator")
    assert listed.key == "registrations-list" and "Registered for meeting #1: 2" in listed.text


async def test_the_minutes_count_who_registered_and_who_of_them_came(sessions, clock) -> None:
    chat = await Chat(sessions, clock).start()
    await converse(
        chat,
        [
            ("facilitator", "meeting add Learning exchange | tomorrow 10:00 | registration", "meeting-added"),
            ("member", "سجلني ١", "registration-added"),
            ("guest", "register 1 | interpretation ar", "registration-added"),
        ],
    )
    clock.advance(days=1, hours=1)
    before = await chat.say("minutes 1", as_="facilitator")
    assert "Registered: 2" in before.text and "of them attended" not in before.text  # no attendance recorded yet
    await converse(chat, [("facilitator", "attended 1 <at>عمر خليل</at> <at>Leila Haddad</at>", "attendance-recorded")])
    english = await chat.say("minutes 1", as_="facilitator")
    assert "Registered: 2 · of them attended: 1" in english.text
    await chat.say("meeting close 1", as_="facilitator")
    published = await chat.say("minutes publish 1", as_="facilitator")
    assert published.key.startswith("minutes-published"), published.key
    arabic = await chat.say("محضر ١", as_="member")
    assert "المسجلون: ٢ · حضر منهم: ١" in arabic.text


async def test_notes_stay_out_of_shared_conversations(sessions, clock) -> None:
    chat = await Chat(sessions, clock).start()
    added = await chat.say(
        f"meeting add Learning exchange | 2026-12-10 14:00 | {LINK} | registration", as_="facilitator"
    )
    # a note written where everyone reads the answer is refused, and kept nowhere
    refused = await chat.say("register 1 | note: wheelchair access", as_="admin", shared=True)
    assert refused.key == "visible-in-private-chat" and "1:1 chat" in refused.text
    private = await chat.say("register 1 | note: wheelchair access", as_="admin")
    assert private.key == "registration-added" and "facilitators only: wheelchair access" in private.text
    # in the channel the answer says a note is kept, never what it says
    again = await chat.say("register 1 | interpretation en", as_="admin", shared=True)
    assert again.key == "registration-updated" and "Your note is kept for the facilitators only." in again.text
    already = await chat.say("register 1", as_="admin", shared=True)
    assert already.key == "registration-already" and "kept for the facilitators only" in already.text
    card = chat.renderer.card(added.replies[0], lang="en", zone="Asia/Beirut")
    register = next(b for b in buttons(card) if b["data"].get("verb") == "registration-register")
    pressed = await chat.router.card(member_id=chat.ids["admin"], data=register["data"], now=clock(), shared=True)
    shown = chat.renderer.text(pressed.replies[0], lang="en", zone="Asia/Beirut")
    assert pressed.replies[0].key == "registration-already" and "kept for the facilitators only" in shown
    assert all("wheelchair" not in said for said in (again.text, already.text, shown))
    # in Arabic too
    await chat.say("سجلني ١ | ملاحظة: كرسي متحرك", as_="member")
    arabic = await chat.say("سجلني ١", as_="member", shared=True)
    assert "ملاحظتك محفوظة للميسّرين وحدهم" in arabic.text and "كرسي" not in arabic.text


async def test_the_list_shows_the_occurrence_in_progress(sessions, clock) -> None:
    chat = await Chat(sessions, clock).start()
    await converse(
        chat,
        [
            ("facilitator", "meeting add Weekly sync | 2026-11-26 10:00 | every week | registration", "meeting-added"),
            ("member", "سجلني ١", "registration-added"),
            ("guest", "register 1", "registration-added"),
        ],
    )
    clock.advance(days=1, hours=23, minutes=30)  # Thursday 26 November, 10:30 Beirut: the meeting is being held
    listed = await chat.say("registrations 1", as_="facilitator")
    assert "Registered for meeting #1: 2" in listed.text and "Sami Nasser" in listed.text
    clock.advance(hours=1)  # over: the next one, which nobody has registered for yet
    assert "Registered for meeting #1: 0" in (await chat.say("registrations 1", as_="facilitator")).text
