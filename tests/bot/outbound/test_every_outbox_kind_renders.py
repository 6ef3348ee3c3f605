"""Every kind of message the bot sends on its own renders in Arabic and in English.

The rows come from real conversations (tests.chat.Chat), their composers are the ones the registry declares, and
the renderer is the app's, called as the dispatcher calls it (`Renderer.activity`; for the channel's rows also
`Renderer.channel_activity` in both languages at once). Each kind must render without a missing or broken message
and show its own words; a kind no feature declares any more, or a new one this test does not produce, fails the test.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import datetime

import pytest
from sqlalchemy import select

from bot.cards.parts import card_text
from bot.cards.render import Renderer
from bot.files.links import SignedLinks
from bot.i18n import Catalogs, plain
from dialogs.common.privacy_policy import DEFAULT_POLICY
from dialogs.common.replies import Reply
from dialogs.community import sharing_review
from dialogs.features import build_registry
from storage.models import Community, Notification
from tests.chat import Chat
from tests.fakes import FakeClock

ZONE = "Asia/Beirut"
NARROW_SPACE = "\u202f"
ZONE_NAMED = re.compile(r" \((Beirut time|بتوقيت بيروت)\)")  # how a channel post names the zone after each time

# kind -> (words the English rendering shows, words the Arabic rendering shows), for each message of that kind
MAIL_ONLY = {"meeting-invitation"}
"""Kinds that only ever go by e-mail (no Teams message to render): their mails, in both languages, are read in
tests/dialogs/invitations."""
EXPECTED: dict[str, list[tuple[tuple[str, ...], tuple[str, ...]]]] = {
    "meeting-reminder": [
        (
            ("Meeting #1 is in 7 days. Propose agenda items until Dec 1, 2026, 10:00 AM.", "Monthly follow-up"),
            ("يُعقد الاجتماع رقم ١ بعد ٧ أيام. اقترح بنود جدول الأعمال", "Monthly follow-up"),
        ),
        (
            ("Meeting #1 is in 1 day. Here is its agenda.", "Flood early-warning triggers"),
            ("يُعقد الاجتماع رقم ١ بعد يوم واحد. هذا جدول أعماله.", "Flood early-warning triggers"),
        ),
        (("Meeting #1 starts in 1 hour.", "When: Dec 3, 2026, 10:00 AM"), ("يبدأ الاجتماع رقم ١ بعد ساعة واحدة.",)),
    ],
    "agenda-published": [
        (
            ("The agenda of meeting #1 is ready.", "Flood early-warning triggers"),
            ("جدول أعمال الاجتماع رقم ١ جاهز.", "Flood early-warning triggers"),
        )
    ],
    "meeting-follow-up": [
        (
            ("Meeting #2 is closed: what it decided", "Adopt the shared thresholds", "Draft the protocol"),
            ("أُغلق الاجتماع رقم ٢: هذه قراراته", "Adopt the shared thresholds", "Draft the protocol"),
        )
    ],
    "minutes-nudge": [
        (
            ("The minutes of meeting #2 “Briefing”", "`minutes publish 2`"),
            ("لم يُنشر بعد محضر الاجتماع رقم ٢ «Briefing»", "«محضر نشر ٢»"),
        )
    ],
    "minutes-published": [
        (
            ("The minutes are published.", "Decision 1: Adopt the shared thresholds"),
            ("نُشر المحضر.", "القرار ١: Adopt the shared thresholds"),
        )
    ],
    "monthly-bulletin": [
        (
            ("The community's monthly bulletin: November 2026", "Adopt the shared thresholds"),
            ("النشرة الشهرية للمجتمع: نوفمبر ٢٠٢٦", "Adopt the shared thresholds"),
        )
    ],
    "announcement": [
        (
            ("Announcement from Leila Haddad", "The plenary moves to Amman on 10 December"),
            ("إعلان من Leila Haddad",),  # (the English text: under the English headline of the channel's post)
        )
    ],
    "action-assigned": [
        (
            ("Leila Haddad gave you action #1: Share the 4W data", "Due: Dec 3, 2026"),
            ("أُسند إليك الإجراء رقم ١ من Leila Haddad: Share the 4W data", "موعد الاستحقاق: ٠٣‏/١٢‏/٢٠٢٦"),
        )
    ],
    "action-due-soon": [
        (
            ("Action #1 is due on Dec 3, 2026.", "#1 · Share the 4W data"),
            ("موعد استحقاق الإجراء رقم ١ هو ٠٣‏/١٢‏/٢٠٢٦.", "#١ · Share the 4W data"),
        )
    ],
    "action-overdue": [
        (
            ("Action #1 was due on Dec 3, 2026. Is it done?", "Due: Dec 3, 2026 — 3 days overdue"),
            ("كان موعد استحقاق الإجراء رقم ١ في ٠٣‏/١٢‏/٢٠٢٦. هل أُنجز؟", "متأخر ٣ أيام"),
        )
    ],
    "action-overdue-weekly": [
        (
            ("A weekly reminder: action #1 has been overdue since Dec 3, 2026.", "10 days overdue"),
            ("تذكير أسبوعي: الإجراء رقم ١ متأخر منذ ٠٣‏/١٢‏/٢٠٢٦.", "متأخر ١٠ أيام"),
        )
    ],
    "weekly-digest": [
        (
            ("This week in the community", "#1 Share the 4W data — Dec 3, 2026"),
            ("هذا الأسبوع في المجتمع", "رقم ١ Share the 4W data — ٠٣‏/١٢‏/٢٠٢٦"),
        )
    ],
    "ticket-posted": [
        (
            ("Question #1 for you", "Who pays for the interpretation at the plenary?"),
            ("السؤال رقم ١ لك", "Who pays for the interpretation at the plenary?"),
        )
    ],
    "ticket-repost": [
        (
            ("Question #1 has waited 3 days for an answer", "Asked by: Sami Nasser"),
            ("ينتظر السؤال رقم ١ جوابًا منذ ٣ أيام", "السائل: Sami Nasser"),
        )
    ],
    "ticket-assigned": [(("Leila Haddad is looking at your question #1.",), ("يتابع Leila Haddad سؤالك رقم ١.",))],
    "ticket-answered": [
        (
            ("Your question #1 has an answer", "The host covers Arabic and English."),
            ("وصل جواب سؤالك رقم ١", "The host covers Arabic and English."),
        )
    ],
    "ticket-closed": [(("Your question #1 is closed.",), ("أُغلق سؤالك رقم ١.",))],
    "vote-opened": [
        (
            ("The facilitators ask for your choice.", "Poll #1", "Where should we meet?"),
            ("يطلب منك الميسّرون اختيارك.", "استطلاع رقم ١", "Where should we meet?"),
        )
    ],
    "vote-result": [
        (
            ("Poll #1 is closed. The result:", "Chosen: Beirut."),
            ("أُغلق الاستطلاع رقم ١. النتيجة:", "الخيار الفائز: Beirut."),
        )
    ],
    "group-ending": [
        (
            ("Working group “Winterisation” ends on Dec 20, 2026 (in 14 days).",),
            ("تنتهي مجموعة العمل «Winterisation» في ٢٠‏/١٢‏/٢٠٢٦ (بعد ١٤ يومًا).",),
        )
    ],
    "plan-progress": [
        (
            ("Progress of the 2026 plan at the end of Q4", "Objective 1 · Early action protocols for drought"),
            ("تقدّم خطة ٢٠٢٦ في نهاية الربع ٤", "الهدف ١ · Early action protocols for drought"),
        )
    ],
    "mydata": [
        (
            ("What I keep about عمر خليل", "Actions you own or created: 1", "works for 24 hours"),
            ("ما أحفظه عن عمر خليل", "إجراءات مسندة إليك أو سجّلتها: ١", "الرابط لك وحدك ويعمل ٢٤ ساعة"),
        )
    ],
    "sharing-review": [
        (
            ("It is time for the periodic review", "Admins: Amal Zoubi", "History of changes: 730 days"),
            ("حان موعد المراجعة الدورية", "المشرفون: Amal Zoubi", "سجل التغييرات: ٧٣٠ يومًا"),
        )
    ],
}


@pytest.fixture
async def chat(sessions, clock: FakeClock) -> Chat:
    return await Chat(sessions, clock).start()


def rendered(renderer: Renderer, reply: Reply, lang: str) -> str:
    """What the reader sees of the activity the dispatcher would send."""
    activity = renderer.activity(reply, lang=lang, zone=ZONE)
    if activity.attachments:
        text = card_text(activity.attachments[0].content)
    else:
        assert activity.text is not None
        text = activity.text
    return plain(text).replace(NARROW_SPACE, " ")


class Composed:
    """What each outbox row composed to, kind by kind."""

    def __init__(self, chat: Chat) -> None:
        self.chat = chat
        self.replies: dict[str, list[Reply]] = {}
        self.channel: set[str] = set()  # the kinds posted in the channel

    async def rows(self, kind: str, *, where: Callable[[Notification], bool] = lambda _row: True) -> list[Notification]:
        async with self.chat.sessions() as session:
            found = await session.scalars(
                select(Notification).where(Notification.kind == kind).order_by(Notification.due_at, Notification.id)
            )
            return [row for row in found if where(row)]

    async def first(self, kind: str, *, to: str | None = None, at: datetime | None = None) -> None:
        """Compose the soonest row of `kind` (to `to`'s 1:1 chat), when it falls due or at `at`."""
        member = self.chat.ids[to] if to else None
        rows = await self.rows(kind, where=lambda row: member is None or row.member_id == member)
        assert rows, f"no {kind} row was planned"
        await self.compose(rows[0], at=at)

    async def compose(self, row: Notification, *, at: datetime | None = None) -> None:
        reply = await self.chat.compose(row, at or row.due_at)
        assert reply is not None, f"{row.kind} composed nothing"
        self.replies.setdefault(row.kind, []).append(reply)
        if row.channel:
            self.channel.add(row.kind)


async def test_every_outbox_kind_renders_in_arabic_and_english(chat: Chat, clock: FakeClock) -> None:
    composed = Composed(chat)

    # a monthly meeting: the week, day and hour reminders, and the agenda at its deadline
    await chat.say("meeting add Monthly follow-up | 2026-12-03 10:00 | every month", as_="facilitator")
    await chat.say("agenda add Flood early-warning triggers", as_="member")
    await chat.say("agenda accept 1", as_="facilitator")
    week, day, hour = (await composed.rows("meeting-reminder"))[:3]
    for row in (week, day, hour):
        await composed.compose(row)
    await composed.first("agenda-published")

    # a question for the facilitators, posted, re-posted, taken, answered and closed
    await chat.say("ask Who pays for the interpretation at the plenary?", as_="guest")
    await composed.first("ticket-posted", to="facilitator")
    await composed.first("ticket-repost", to="facilitator")
    await chat.say("ticket take 1", as_="facilitator")
    await composed.first("ticket-assigned")
    await chat.say("answer 1 The host covers Arabic and English.", as_="facilitator")
    await composed.first("ticket-answered")
    await chat.say("ticket close 1", as_="facilitator")
    await composed.first("ticket-closed")

    # a poll, opened and then closed at its deadline; a working group that ends; the year's plan
    await chat.say("poll Where should we meet? | Amman | Beirut | until 30 November 12:00", as_="facilitator")
    await composed.first("vote-opened", at=clock())
    await chat.say("vote 1 Beirut", as_="member")
    await composed.first("vote-result")
    await chat.say("group add Winterisation | Winter kits and fuel | until 20 December", as_="facilitator")
    await composed.first("group-ending", to="facilitator")
    await chat.say("plan add Early action protocols for drought", as_="facilitator")
    await composed.first("plan-progress")

    # an action point given to Omar: assigned, due soon, overdue the day after (after the weekend), then weekly
    await chat.say("action add Share the 4W data | <at>عمر خليل</at> | 2026-12-03", as_="facilitator")
    for kind in ("action-assigned", "action-due-soon", "action-overdue", "action-overdue-weekly"):
        await composed.first(kind, to="member")
    await chat.say("reminders digest monday 09:00", as_="facilitator")
    await composed.first("weekly-digest")

    # a meeting held today: its follow-up, the facilitators' minutes nudge, then the published minutes
    await chat.say("meeting add Briefing | 2026-11-24 12:00", as_="facilitator")
    clock.advance(hours=2)
    await chat.say("decision add Adopt the shared thresholds", as_="facilitator")
    await chat.say("action add Draft the protocol | <at>Leila Haddad</at> | 10 December", as_="facilitator")
    await chat.say("meeting close 2", as_="facilitator")
    await composed.first("meeting-follow-up")
    await composed.first("minutes-nudge", to="facilitator")
    await chat.say("minutes publish 2", as_="facilitator")
    await composed.first("minutes-published", at=clock())
    await chat.say("bulletin day 1", as_="facilitator")
    await composed.first("monthly-bulletin")
    await chat.say("announce The plenary moves to Amman on 10 December | email", as_="facilitator")
    await composed.first("announcement")

    # a member asks for their data in the channel (it goes to their 1:1 chat); the facilitators' yearly review
    await chat.say("بياناتي", as_="member", shared=True)
    await composed.first("mydata", to="member")
    async with chat.sessions.begin() as session:
        community = await session.get(Community, chat.community_id)
        await sharing_review.plan(session, community=community, policy=DEFAULT_POLICY, now=clock())
    await composed.first("sharing-review", to="facilitator")

    assert set(composed.replies) == set(build_registry().composers) - MAIL_ONLY == set(EXPECTED)
    links = SignedLinks(base_url="https://tansiq.example", secret=b"s" * 32)
    renderer = Renderer(Catalogs(), links=links, clock=clock)
    problems = []
    for kind, replies in composed.replies.items():
        assert len(replies) == len(EXPECTED[kind]), kind
        for reply, (english, arabic) in zip(replies, EXPECTED[kind], strict=True):
            for lang, words in (("en", english), ("ar", arabic)):
                try:
                    text = rendered(renderer, reply, lang)
                except Exception as error:  # every kind is tried, and every failure reported
                    problems.append(f"{kind} ({reply.key}) in {lang}: {error!r}")
                    continue
                missing = [word for word in words if word not in text]
                if missing:
                    problems.append(f"{kind} ({reply.key}) in {lang} lacks {missing}:\n{text}")
            if kind in composed.channel:
                problems += posted_in_both(renderer, reply, kind=kind, words=english + arabic)
    assert composed.channel == {
        "meeting-reminder",
        "agenda-published",
        "meeting-follow-up",
        "minutes-published",
        "weekly-digest",
        "vote-opened",
        "vote-result",
        "plan-progress",
        "monthly-bulletin",
        "announcement",
    }
    assert not problems, "\n\n".join(problems)


def posted_in_both(renderer: Renderer, reply: Reply, *, kind: str, words: tuple[str, ...]) -> list[str]:
    """What is wrong with the channel's post of a reply in Arabic and English at once (nothing: [])."""
    try:
        activity = renderer.channel_activity(reply, langs=("ar", "en"), zone=ZONE)
    except Exception as error:
        return [f"{kind} ({reply.key}) in the channel: {error!r}"]
    assert activity.attachments is not None
    text = ZONE_NAMED.sub("", plain(card_text(activity.attachments[0].content))).replace(NARROW_SPACE, " ")
    missing = [word for word in words if word not in text]
    return [f"{kind} ({reply.key}) in the channel lacks {missing}:\n{text}"] if missing else []
