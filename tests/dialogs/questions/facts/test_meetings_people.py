"""Members ask about a named or dated meeting's agenda, and about who leads or is in a working group, in Arabic
(standard and dialects) and English: the live answer, the honest ones when there is nothing, and nothing a member
may not see. The questions are held out: none of them is among the facts' indexed phrasings."""

from __future__ import annotations

import pytest

from dialogs.governance.views import GroupCard, GroupList
from dialogs.meetings.views import AgendaCard, MeetingList
from dialogs.questions.facts import meetings, people
from tests.chat import Chat, converse
from tests.fakes import FakeClock

# Tuesday 24 November 2026, 09:00 UTC; the community lives in Asia/Beirut. Leila (facilitator) and Amal (admin)
# read English; عمر خليل (member) reads Arabic; Sami (guest) is answered in the script he writes.
SETUP = [
    "meeting add Monthly follow-up | 2026-12-03 10:00 | every month | https://teams.example/j/1",
    "meeting add Quarterly review · المراجعة الفصلية | 2027-01-20 12:00",
    "group add Early warning · الإنذار المبكر | Flood and drought thresholds",
    "group add Shelter · المأوى | Winter kits",
    "group add Protection · الحماية | Referral pathways",
    "group lead Early warning <at>Leila Haddad</at>",
    "group join Early warning <at>عمر خليل</at>",
    "group join Shelter <at>Sami Nasser</at>",
    "group lead Protection <at>Amal Zoubi</at>",
    "meeting add Protection case review | 2026-12-08 14:00 | group Protection",
    "agenda add Annual workplan | | meeting 2",
    "agenda add Referral gaps in the north | | meeting 3",
    "agenda add Staff security incident | | confidential",
]


@pytest.fixture
async def chat(sessions, clock: FakeClock) -> Chat:
    chat = await Chat(sessions, clock).start()
    for command in SETUP:
        said = await chat.say(command, as_="facilitator")
        assert not said.key.endswith(("-usage", "-unknown")), (command, said.text)
    said = await chat.say("agenda add Flood early-warning thresholds", as_="member")
    assert said.key == "agenda-item-added", said.text
    return chat


# ---- who leads a group, who is in it ----------------------------------------------------------------------

GROUP_PEOPLE = [
    # who leads: the group read from the question in either of its languages, however spelt
    ("facilitator", "who leads the early-warning group?", "fact-group-lead", "Early warning is led by Leila Haddad."),
    ("member", "مين بيقود مجموعة الانذار المبكر؟", "fact-group-lead", "يقود «الإنذار المبكر»: Leila Haddad."),
    ("member", "من هو رئيس فريق الإنذار المبكّر؟", "fact-group-lead", "Leila Haddad"),  # Modern Standard
    ("member", "منو رئيس قروب الحماية؟", "fact-group-lead", "يقود «الحماية»: Amal Zoubi."),  # Gulf
    ("member", "مين اللي ماسك فريق الحماية؟", "fact-group-lead", "Amal Zoubi"),  # Egyptian
    ("guest", "Who's heading the Protection team?", "fact-group-lead", "Protection is led by Amal Zoubi."),
    ("admin", "who is the lead of EARLY WARNING", "fact-group-lead", "Leila Haddad"),
    # who is in it: the lead and the members, on the group's card
    ("member", "مين أعضاء مجموعة الإنذار المبكر؟", "fact-group-members", "يقود «الإنذار المبكر»: Leila Haddad · عضوان"),
    ("member", "مين معنا بفريق الانذار المبكر؟", "fact-group-members", "عمر خليل"),  # Levantine
    ("member", "منو الأعضاء اللي في قروب المأوى؟", "fact-group-members", "Sami Nasser"),  # Gulf
    ("member", "مين الأعضاء اللي في جروب الحماية؟", "fact-group-members", "Amal Zoubi"),  # Egyptian
    ("facilitator", "Who are the members of the early warning group?", "fact-group-members", "Members (2)"),
    ("guest", "which people are part of the shelter team?", "fact-group-members", "Shelter has no lead yet · 1 member"),
    ("admin", "list everyone in the protection working group", "fact-group-members", "Protection is led by Amal Zoubi"),
]


@pytest.mark.parametrize("who, says, key, shown", GROUP_PEOPLE)
async def test_who_leads_a_group_and_who_is_in_it(chat: Chat, who: str, says: str, key: str, shown: str) -> None:
    await converse(chat, [(who, says, key, shown)])


async def test_a_group_without_a_lead_an_unknown_group_and_no_group_named(chat: Chat) -> None:
    await converse(
        chat,
        [
            ("facilitator", "Who heads the shelter group?", "fact-group-no-lead", "Shelter has no lead yet."),
            ("member", "مين قائد مجموعة المأوى؟", "fact-group-no-lead", "ليس لـ«المأوى» قائد بعد."),
            ("facilitator", "who leads the zebra group?", "fact-group-unknown", "I know no working group by that"),
            ("facilitator", "Who leads each of the working groups?", "groups-list", "led by Leila Haddad"),
            ("member", "مين بيقود مجموعات العمل؟", "groups-list", "بقيادة Amal Zoubi"),
        ],
    )
    unknown = await chat.say("who leads the zebra group?", as_="facilitator")
    listed = unknown.replies[0].view
    assert isinstance(listed, GroupList)  # the groups they can ask about, each with its lead
    assert [group.lead for group in listed.groups] == ["Leila Haddad", "Amal Zoubi", None]


async def test_a_group_named_when_asking_how_to_join_gets_its_card(chat: Chat) -> None:
    said = await chat.say("How can I join the shelter working group?", as_="member")
    assert said.key in ("fact-group-members", "groups-list"), said.text  # the groups fact or the group's own
    card = said.replies[0].view
    assert isinstance(card, GroupCard) and card.group.name == "Shelter · المأوى", said.text


async def test_a_member_outside_a_group_sees_its_people_but_not_its_meeting(chat: Chat) -> None:
    outside = await chat.say("who is in the protection group?", as_="guest")
    assert outside.key == "fact-group-members"
    assert "Amal Zoubi" in outside.text  # a group's people are shown to all, as `group Protection` shows them
    assert "Protection case review" not in outside.text and "None scheduled." in outside.text
    inside = await chat.say("who is in the protection group?", as_="admin")
    assert "Protection case review" in inside.text


# ---- the agenda of a named or dated meeting ---------------------------------------------------------------

AGENDAS = [
    # a month: that month's (first) meeting; the nearest January is next year's
    (
        "member",
        "شو على جدول أعمال اجتماع كانون الثاني؟",
        "fact-agenda-empty",
        "لا شيء على جدول أعمال «Monthly follow-up»",
    ),
    ("facilitator", "What's on the agenda for the January meeting?", "fact-agenda-empty", "(Jan 3, 2027, 10:00 AM)"),
    ("member", "إيه المواضيع اللي في اجتماع شهر ديسمبر؟", "agenda", "Flood early-warning thresholds"),  # Egyptian
    ("facilitator", "What will we talk about at the December meeting?", "agenda", "Flood early-warning thresholds"),
    # a day, in Arabic or English, Levantine month names included
    ("member", "شو في على أجندة اجتماع ٢٠ يناير؟", "agenda", "Annual workplan"),
    ("member", "شو رح نحكي باجتماع ٢٠ كانون الثاني؟", "agenda", "Annual workplan"),
    ("guest", "What's planned for the meeting on 20 January?", "agenda", "Annual workplan"),
    ("member", "ايش بنناقش في اجتماع يوم ٣ ديسمبر؟", "agenda", "Flood early-warning thresholds"),  # Gulf
    # a title or a number
    ("member", "وش بنود اجتماع المراجعة الفصلية؟", "agenda", "جدول الأعمال — المراجعة الفصلية"),  # Gulf
    ("facilitator", "What's on the agenda of the quarterly review?", "agenda", "Annual workplan"),
    ("facilitator", "what is on the agenda of meeting 2?", "agenda", "Agenda — Quarterly review"),
    ("member", "ما هي بنود جدول أعمال الاجتماع رقم ٢؟", "agenda", "Annual workplan"),
    # nothing named: the next meeting's
    ("facilitator", "What's on the agenda for the next meeting?", "agenda", "Agenda — Monthly follow-up"),
    ("member", "شو في على جدول أعمال الاجتماع الجاي؟", "agenda", "Flood early-warning thresholds"),
]


@pytest.mark.parametrize("who, says, key, shown", AGENDAS)
async def test_the_agenda_of_a_named_or_dated_meeting(chat: Chat, who: str, says: str, key: str, shown: str) -> None:
    await converse(chat, [(who, says, key, shown)])


async def test_the_agenda_found_is_that_occurrences_in_the_readers_language(chat: Chat) -> None:
    january = await chat.say("شو على جدول أعمال اجتماع كانون الثاني؟", as_="member")
    card = january.replies[0].view
    assert isinstance(card, AgendaCard) and card.meeting.number == 1 and card.items == ()
    assert "٢٠٢٧" in january.text  # Arabic digits and dates for an Arabic reader
    workplan = await chat.say("What's planned for the meeting on 20 January?", as_="facilitator")
    card = workplan.replies[0].view
    assert isinstance(card, AgendaCard) and card.meeting.number == 2
    assert [item.title for item in card.items] == ["Annual workplan"]


async def test_no_meeting_on_that_day_or_in_that_month_names_the_nearest(chat: Chat) -> None:
    await converse(
        chat,
        [
            ("facilitator", "What's on the agenda for the meeting on 15 January?", "fact-agenda-none-on-day"),
            ("member", "شو على جدول أعمال اجتماع ١٥ كانون الثاني؟", "fact-agenda-none-on-day", "لا يوجد اجتماع"),
            ("facilitator", "What's on the agenda of the November meeting?", "fact-agenda-none-in-month"),
            ("member", "شو على جدول أعمال اجتماع تشرين الثاني؟", "fact-agenda-none-in-month", "تشرين الثاني"),
        ],
    )
    day = await chat.say("What's on the agenda for the meeting on 15 January?", as_="facilitator")
    near = day.replies[0].view
    assert isinstance(near, MeetingList)
    assert [(m.title, m.starts_at.date().isoformat()) for m in near.meetings] == [
        ("Monthly follow-up", "2027-01-03"),
        ("Quarterly review · المراجعة الفصلية", "2027-01-20"),
    ]
    assert "No meeting you can see is on Jan 15, 2027. The nearest ones:" in day.text
    month = await chat.say("What's on the agenda of the November meeting?", as_="facilitator")
    assert "No meeting you can see is in November. The nearest one:" in month.text and "Dec 3, 2026" in month.text


async def test_a_past_meeting_of_this_month_shows_what_was_on_its_agenda(chat: Chat, clock: FakeClock) -> None:
    clock.advance(days=16)  # 10 December: the meeting of 3 December is over
    said = await chat.say("What was on the agenda of the December meeting?", as_="facilitator")
    assert said.key == "agenda", said.text
    card = said.replies[0].view
    assert isinstance(card, AgendaCard) and card.meeting.starts_at.day == 3
    assert "Flood early-warning thresholds" in said.text


async def test_a_meeting_with_no_occurrence_at_all(sessions, clock: FakeClock) -> None:
    chat = await Chat(sessions, clock).start()
    said = await chat.say("What's on the agenda for the March meeting?", as_="facilitator")
    assert said.key == "fact-agenda-none-in-month", said.text
    assert "No other meeting is scheduled either." in said.text
    arabic = await chat.say("شو على جدول أعمال اجتماع آذار؟", as_="member")
    assert arabic.key == "fact-agenda-none-in-month" and "ولا يوجد اجتماع آخر مجدول." in arabic.text


async def test_a_group_meeting_agenda_is_its_members_only(chat: Chat) -> None:
    # Omar is not in Protection: its meeting is not found by its title, its number or its day
    by_title = await chat.say("شو على جدول أعمال اجتماع Protection case review؟", as_="member")
    assert "Referral gaps" not in by_title.text and "Protection case review" not in by_title.text
    by_number = await chat.say("What's on the agenda of meeting 3?", as_="member")
    assert by_number.key == "meeting-unknown", by_number.text
    by_day = await chat.say("What's on the agenda for the meeting on 8 December?", as_="member")
    assert by_day.key == "fact-agenda-none-on-day" and "Protection case review" not in by_day.text
    # confidential items are counted, not shown
    assert (
        "Staff security incident" not in (await chat.say("What's on the December meeting agenda?", as_="member")).text
    )
    # Amal leads Protection: she gets its agenda
    lead = await chat.say("What's on the agenda for the meeting on 8 December?", as_="admin")
    assert lead.key == "agenda" and "Referral gaps in the north" in lead.text


async def test_in_the_channel_only_what_everyone_may_see(chat: Chat) -> None:
    said = await chat.say("What's on the agenda for the meeting on 8 December?", as_="admin", shared=True)
    assert said.key == "fact-agenda-none-on-day" and "Referral gaps" not in said.text


# ---- questions that are another fact ---------------------------------------------------------------------

OTHER_FACTS = [
    ("member", "ما هي مهامي؟", "actions-list"),
    ("facilitator", "what are my open actions?", "actions-list"),
    ("member", "متى الاجتماع القادم؟", "fact-next-meeting"),
    ("facilitator", "When do we meet next?", "fact-next-meeting"),
    ("member", "مين الميسرين؟", "fact-facilitators"),
    ("facilitator", "Who runs this community?", "fact-facilitators"),
    ("member", "كيف أضيف بندًا إلى جدول الأعمال؟", "fact-agenda-how"),
    ("facilitator", "How can I propose a topic for the meeting?", "fact-agenda-how"),
    ("facilitator", "Which working groups are there?", "groups-list"),
]


@pytest.mark.parametrize("who, says, key", OTHER_FACTS)
async def test_other_questions_keep_their_own_fact(chat: Chat, who: str, says: str, key: str) -> None:
    said = await chat.say(says, as_=who)
    assert said.key == key, said.text


# ---- reading the question -----------------------------------------------------------------------------------


def test_the_test_questions_are_held_out() -> None:
    indexed = {phrasing for fact in (*meetings.FACTS, *people.FACTS) for phrasing in fact.phrasings}
    asked = {says for _who, says, *_ in (*GROUP_PEOPLE, *AGENDAS)}
    assert not asked & indexed
