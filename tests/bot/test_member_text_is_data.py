"""Member text is data, never markup (issue #16): Markdown, HTML, `<at>` tags and card JSON a member types are shown as
typed in every view that shows member text, and never become a link, emphasis, a list, a heading, a tag, a mention or
a card element.

Each hostile payload goes through the real dialogs (`tests.chat.Chat`, the real router) into every such view: the
agenda, meeting, action (card, list, history), FAQ answer, ticket, poll and endorsement, working group and minutes
cards and the text replies, each rendered in Arabic and in English as the member would get it
(`Renderer.activity`) and as the channel would (`Renderer.channel_activity`, both languages in one post); the minutes
as Markdown and Word files, the meeting's .ics and the action report's CSV as they are downloaded. Every text Teams
reads as Markdown (a TextBlock, a fact, a message's text) must hold no link, emphasis, block, tag or entity, and the
payload must still read as typed once the invisible word joiners are dropped.

The design (`dialogs.common.text.markdown_literal`, applied by `Catalogs.text` to every string argument and by
`bot.cards.parts.adaptive_card` to every TextBlock and fact that is not `Markdown`) is checked on its own first.
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import replace
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import aiohttp
import docx
import pytest
from icalendar import Calendar
from microsoft_agents.activity import Activity
from sqlalchemy import select

from bot.cards.parts import FSI, PDI, adaptive_card, card_text, link, text_block
from bot.files.downloads import calendar_file, report_csv
from bot.files.minutes_files import minutes_docx, minutes_markdown
from bot.i18n import Catalogs, plain
from dialogs.actions.report import build_report, csv_rows, load_actions
from dialogs.common.replies import Reply
from dialogs.common.text import WORD_JOINER, Markdown, markdown_literal, spreadsheet_text
from dialogs.meetings.minutes import minutes_view
from dialogs.meetings.schedule import calendar_event
from storage.models import Community, Meeting, MeetingOccurrence, Notification
from tests.chat import Chat
from tests.fakes import FakeClock

ZONE = "Asia/Beirut"
LANGS = ("ar", "en")
PAYLOADS = {
    "link": "[Click to verify](https://phish.example)",
    "bold": "**bold**",
    "html": "<b>x</b>",
    "mention": "<at>Leila</at>",
    "card-json": '{"type":"Action.OpenUrl","url":"https://phish.example"}',
    "list": "\n- list",
    "heading": "# heading",
    "arabic": "محفزات [انقر للتحقق](https://phish.example) **عاجل** <b>١٢</b>\n- بند ١",
    "formula": '=HYPERLINK("https://phish.example","Click to verify")',
    "control": "Review\rLOCATION:https://phish.example\u000b\u001b",
}
LOOKALIKES = str.maketrans({"\u2217": "*", "\u223c": "~", "\u02cb": "`"})
CONTROL = re.compile("[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]")

# What must not survive in a text Teams reads as Markdown (a TextBlock, a fact, a message's text).
LINK = re.compile(r"\]\s*[(\[:]")  # [text](url), [text][ref], [ref]: url
EMPHASIS = re.compile(r"\*|~~|(?<![\w\u2060])_|_(?![\w\u2060])")  # ** * ~~ and _ that is not inside a word
TAG = re.compile(r"<(?=[A-Za-z/!?])")  # <b>, </at>, <!--, <https://…>
ENTITY = re.compile(r"&(?:#[0-9]+|#x[0-9a-f]+|[a-z][a-z0-9]*);", re.IGNORECASE)
BLOCK = re.compile(r"^[ \t]*(?:[-+*](?:\s|$)|#+(?:\s|$)|>|\||[0-9]+[.)](?:\s|$)|=+\s*$|-+\s*$)|^(?: {4}|\t)")
TEMPLATE = re.compile(r"\{\{")
MENTION = re.compile(r"<at>[^<]*</at>")


def visible(text: str) -> str:
    """What a reader sees: no invisible word joiners or isolates, look-alikes read as what they stand for, whitespace
    and control characters as single spaces."""
    text = plain(text).replace(WORD_JOINER, "").translate(LOOKALIKES)
    return " ".join(CONTROL.sub(" ", text).split())


def readable_forms(payload: str) -> set[str]:
    """The payload as a reader should see it: as typed; or, as dialogs read a typed `<at>…</at>` as a mention, with
    the tags taken off (the name kept) or the mention left out (a question is asked without it)."""
    return {visible(payload), visible(re.sub(r"</?at>", "", payload)), visible(re.sub(r"<at>[^<]*</at>", "", payload))}


def markdown_problems(text: str, *, where: str, mentions: frozenset[str] = frozenset()) -> list[str]:
    """What in one Markdown text (a TextBlock, a fact, a message's text) would not read as typed: `mentions` are
    the `<at>…</at>` texts the bot mentions on purpose (each with its entity)."""
    problems = []
    stripped = MENTION.sub(lambda m: "" if m[0] in mentions else m[0], text)
    for name, pattern in (("link", LINK), ("emphasis", EMPHASIS), ("tag", TAG), ("entity", ENTITY)):
        if pattern.search(stripped):
            problems.append(f"{where}: {name} survives in {text!r}")
    if TEMPLATE.search(text):
        problems.append(f"{where}: a card template function survives in {text!r}")
    for line in re.split(r"\r\n|\r|\n", text):
        if BLOCK.search(line):
            problems.append(f"{where}: a line opens a block in {text!r}")
    return problems


def card_problems(card: dict[str, Any], *, where: str) -> list[str]:
    """What in a card would not read as typed, or is a card element a member made (a link to their address)."""
    entities = card.get("msteams", {}).get("entities", [])
    mentions = frozenset(entity["text"] for entity in entities)
    problems = []
    for field, text in markdown_fields(card):
        problems += markdown_problems(text, where=f"{where} {field}", mentions=mentions)
    for url in urls(card):
        if "phish.example" in url:
            problems.append(f"{where}: a button or link to {url}")
    return problems


def markdown_fields(element: Any) -> list[tuple[str, str]]:
    """(field, text) of every TextBlock text and fact title and value, wherever it stands in the card."""
    if isinstance(element, list):
        return [found for item in element for found in markdown_fields(item)]
    if not isinstance(element, dict):
        return []
    found = []
    if element.get("type") == "TextBlock":
        found.append(("TextBlock", element["text"]))
    if element.get("type") == "FactSet":
        found += [(f"fact {key}", fact[key]) for fact in element["facts"] for key in ("title", "value")]
    for key, value in element.items():
        if key not in ("data", "msteams", "refresh"):
            found += markdown_fields(value)
    return found


def urls(element: Any) -> list[str]:
    if isinstance(element, list):
        return [url for item in element for url in urls(item)]
    if not isinstance(element, dict):
        return []
    own = [element["url"]] if isinstance(element.get("url"), str) else []
    return own + [url for key, value in element.items() if key != "data" for url in urls(value)]


def activity_problems(activity: Activity, *, where: str) -> tuple[list[str], str]:
    """What in an activity would not read as typed, and the words it shows."""
    if activity.attachments:
        card = activity.attachments[0].content
        return card_problems(card, where=where), card_text(card)
    assert activity.text is not None
    mentions = frozenset(str(getattr(entity, "text", "")) for entity in activity.entities or [])
    return markdown_problems(activity.text, where=f"{where} text", mentions=mentions), activity.text


# ---- the escaping on its own -----------------------------------------------------------------------------------


@pytest.mark.parametrize("payload", PAYLOADS.values(), ids=PAYLOADS.keys())
def test_a_literal_reads_as_typed_and_holds_no_markup(payload: str) -> None:
    literal = markdown_literal(payload)
    assert isinstance(literal, Markdown)
    assert markdown_literal(literal) == literal == markdown_literal(str(literal))  # idempotent
    assert literal.replace(WORD_JOINER, "").translate(LOOKALIKES) == payload
    assert markdown_problems(literal, where=payload) == []
    assert markdown_problems(f"Item {literal} · by {literal}", where=payload) == []


def test_arabic_digits_isolates_and_words_inside_are_untouched() -> None:
    arabic = f"{FSI}محفزات الفيضانات ١٢٣{PDI} snake_case غير_مائل user@ngo.example 10:00 ٣. بند"
    assert markdown_literal(arabic) == arabic
    assert markdown_literal("#1 · Title") == "#1 · Title"  # no heading: nothing to break


def test_markdown_keeps_the_bots_markup_and_makes_what_joins_it_literal() -> None:
    own = Markdown("**Next:** ")
    joined = own + "**fake**"
    assert isinstance(joined, Markdown) and joined.startswith("**Next:** ") and "**fake**" not in joined
    assert ("[x](https://phish.example)" + own).startswith(f"[x]{WORD_JOINER}(")
    line = Markdown(" · ").join(["[x](https://phish.example)", link("Source", "https://faq.example/a b")])
    assert line.endswith("[Source](https://faq.example/a%20b)") and f"[x]{WORD_JOINER}(" in line
    assert Markdown("#{} · {}").format(3, "**x**") == "#3 · \u2217\u2217x\u2217\u2217"
    assert all(isinstance(part, Markdown) for part in Markdown("a\n**b**").split("\n"))
    assert link("Join", "javascript:alert(1)") == "Join javascript:alert(1)"


def test_messages_make_their_arguments_literal_but_select_by_them_as_given(tmp_path: Path) -> None:
    for lang in LANGS:
        (tmp_path / lang).mkdir()
        (tmp_path / lang / "test.ftl").write_text(
            "pick = **{ $kind ->\n    [draft_] Draft\n   *[other] Other\n}**: { $kind } for { $names }\n",
            encoding="utf-8",
        )
    catalogs = Catalogs(tmp_path)
    text = catalogs.text("en", "pick", kind="draft_", names=("**Omar**", Markdown("**Leila**")))
    assert isinstance(text, Markdown)
    assert plain(text) == f"**Draft**: draft{WORD_JOINER}_{WORD_JOINER} for \u2217\u2217Omar\u2217\u2217, **Leila**"
    assert (
        plain(catalogs.plain_text("en", "pick", kind="[x](y)", names=["**Omar**"])) == "**Other**: [x](y) for **Omar**"
    )


def test_a_card_makes_every_plain_text_literal_and_keeps_markdown() -> None:
    card = adaptive_card(
        [
            text_block("[x](https://phish.example) `help`"),
            text_block(Markdown("**Bot** [Calendar](https://tansiq.example/calendar/a.ics)")),
            {"type": "ColumnSet", "columns": [{"type": "Column", "items": [text_block("<at>Leila</at>")]}]},
            {"type": "FactSet", "facts": [{"title": "# Where", "value": "**there**"}]},
        ],
        [{"type": "Action.Submit", "title": "Go", "data": {"question": "[x](https://phish.example)"}}],
        lang="en",
    )
    texts = [text for _, text in markdown_fields(card)]
    assert texts[0] == f"[x]{WORD_JOINER}(https://phish.example) “help”"  # the bot's own quotes still apply
    assert texts[1] == "**Bot** [Calendar](https://tansiq.example/calendar/a.ics)"
    assert texts[2] == f"<{WORD_JOINER}at>Leila<{WORD_JOINER}/at>"
    assert texts[3:] == [f"{WORD_JOINER}# Where", "\u2217\u2217there\u2217\u2217"]
    assert card["actions"][0]["data"] == {"question": "[x](https://phish.example)"}  # what a button sends is data


def test_spreadsheet_cells_never_start_a_formula() -> None:
    assert [spreadsheet_text(cell) for cell in ("=1+1", "+1", "@SUM(A1)", "-1+1", "\tx", "-3", "0.5", "WASH")] == [
        "'=1+1",
        "'+1",
        "'@SUM(A1)",
        "'-1+1",
        "'\tx",
        "-3",
        "0.5",
        "WASH",
    ]


# ---- through the real dialogs, in every view -------------------------------------------------------------------


class Views:
    """Replies to a conversation, rendered in both languages (and as channel posts) and checked as they come."""

    def __init__(self, chat: Chat, payload: str) -> None:
        self.chat = chat
        self.payload = payload
        self.problems: list[str] = []
        self.shown: dict[str, list[str]] = {}  # view -> the words each rendering showed

    async def say(self, text: str, *, as_: str, channel: bool = False) -> list[Reply]:
        """Say `text` as typed (a typed `<at>` is not a mention here) and check every reply in every rendering."""
        chat = self.chat
        result = await chat.router.text(member_id=chat.ids[as_], text=text, mentions=[], now=chat.clock())
        for reply in result.replies:
            self.check(reply, channel=channel)
        return list(result.replies)

    async def posted(self, kind: str) -> None:
        """Compose the first outbox row of `kind` (a post to the channel) as the dispatcher would now, and check it."""
        async with self.chat.sessions() as session:
            row = await session.scalar(
                select(Notification).where(Notification.kind == kind).order_by(Notification.due_at, Notification.id)
            )
        assert row is not None and row.channel, f"no {kind} post was planned"
        reply = await self.chat.compose(row, max(row.due_at, self.chat.clock()))
        assert reply is not None, f"{kind} composed nothing"
        self.check(reply, channel=True, view=f"{kind} post")

    def check(self, reply: Reply, *, channel: bool = False, view: str | None = None) -> None:
        view = view or (type(reply.view).__name__ if reply.view is not None else f"text {reply.key}")
        renderer = self.chat.renderer
        for lang in LANGS:
            problems, text = activity_problems(renderer.activity(reply, lang=lang, zone=ZONE), where=f"{view} ({lang})")
            self.problems += problems
            self.shown.setdefault(view, []).append(text)
            self.problems += markdown_problems(renderer.text(reply, lang=lang, zone=ZONE), where=f"{view} ({lang})")
        if channel:
            post = renderer.channel_activity(reply, langs=LANGS, zone=ZONE)
            problems, text = activity_problems(post, where=f"{view} in the channel")
            self.problems += problems
            self.shown.setdefault(f"{view} in the channel", []).append(text)

    def unreadable(self, *views: str) -> list[str]:
        """The views (each must have been shown) where the payload does not read as typed."""
        forms = readable_forms(self.payload)
        missing = [view for view in views if view not in self.shown]
        assert not missing, f"never shown: {missing}; shown: {sorted(self.shown)}"
        return [view for view in views if not any(form in visible(text) for text in self.shown[view] for form in forms)]


@pytest.fixture
async def chat(sessions, clock: FakeClock) -> Chat:
    return await Chat(sessions, clock).start()


@pytest.mark.parametrize("payload", PAYLOADS.values(), ids=PAYLOADS.keys())
async def test_member_text_reads_as_typed_in_every_view(chat: Chat, clock: FakeClock, payload: str) -> None:
    views = Views(chat, payload)
    p = payload
    # a meeting whose title and place are the payload (the form takes any place), its agenda and calendar
    form = {"verb": "meeting-add", "title": f"Review {p}", "day": "2026-12-03", "time": "10:00", "place": p}
    for reply in (await chat.router.card(member_id=chat.ids["facilitator"], data=form, now=clock())).replies:
        views.check(reply)
    await views.say(f"agenda add Item {p} | {p}", as_="member")
    await views.say("agenda accept 1", as_="facilitator")
    await views.say("agenda", as_="member", channel=True)
    await views.posted("agenda-published")  # the agenda as the channel gets it at the deadline
    await views.say("meetings", as_="member")
    # an action: its card, the list, a progress note and the history
    await views.say(f"action add {p} | me", as_="member")
    await views.say(f"action progress 1 {p}", as_="member")
    await views.say("actions", as_="member")
    await views.say("action 1", as_="member")
    # an FAQ entry and its answer; a question for the facilitators, its ticket and answer
    await views.say(f"faq add Question {p} | {p}", as_="facilitator")
    await views.say("faq 1", as_="member")
    await views.say(f"ask Question {p}", as_="member")
    await views.say("ticket 1", as_="facilitator")
    await views.say(f"answer 1 {p}", as_="facilitator")
    # a poll and an endorsement, shown and posted to the channel; a working group
    await views.say(f"poll {p} | {p} | Beirut", as_="facilitator", channel=True)
    await views.say(f"endorse {p}", as_="facilitator", channel=True)
    await views.posted("vote-opened")  # @mentions those who have not answered: real <at> tags beside the payload
    await views.say(f"vote 2 endorse | {p}", as_="member")
    await views.say(f"group add Group {p} | {p}", as_="facilitator")
    await views.say("groups", as_="member")
    # the meeting held: a decision, the summary, closed and published (posted to the channel)
    clock.advance(days=9, hours=1)
    await views.say(f"decision add {p}", as_="facilitator")
    await views.say(f"minutes edit 1 | {p}", as_="facilitator")
    await views.say("meeting close 1", as_="facilitator")
    await views.say("minutes publish 1", as_="facilitator", channel=True)
    await views.say("minutes 1", as_="member")

    assert not views.problems, "\n".join(views.problems)
    unreadable = views.unreadable(
        "MeetingCard",
        "AgendaCard",
        "AgendaCard in the channel",
        "MeetingList",
        "ActionCard",
        "ActionList",
        "FaqEntryCard",
        "AnswerCard",
        "TicketReceipt",
        "TicketCard",
        "ProposalCard",
        "ProposalCard in the channel",
        "GroupCard",
        "GroupList",
        "MinutesCard",
        "MinutesCard in the channel",
        "vote-opened post in the channel",
        "agenda-published post in the channel",
    )
    assert not unreadable, f"{p!r} does not read as typed in {unreadable}"
    await files_hold_the_payload_as_data(chat, payload)


async def files_hold_the_payload_as_data(chat: Chat, payload: str) -> None:
    """The minutes as Markdown and Word, the meeting's .ics and the action report's CSV."""
    async with chat.sessions() as session:
        community = await session.get(Community, chat.community_id)
        meeting = await session.scalar(select(Meeting).where(Meeting.community_id == chat.community_id))
        occurrence = await session.scalar(select(MeetingOccurrence).where(MeetingOccurrence.meeting_id == meeting.id))
        view, _ = await minutes_view(
            session, community=community, meeting=meeting, occurrence=occurrence, now=chat.clock()
        )
        event = calendar_event(meeting)
        rows = csv_rows(
            build_report(
                await load_actions(session, community_id=community.id), period="all", now=chat.clock(), zone=ZONE
            )
        )
    typed = visible(payload)
    for lang in LANGS:
        markdown = minutes_markdown(view, lang=lang, catalogs=Catalogs())
        assert not minutes_markdown_problems(markdown), (minutes_markdown_problems(markdown), markdown)
        assert typed in visible(re.sub(r"\\(.)", r"\1", markdown))  # escaped the CommonMark way, read as typed
        word = minutes_docx(view, lang=lang, catalogs=Catalogs())
        words = visible(" ".join(paragraph.text for paragraph in docx.Document(io.BytesIO(word)).paragraphs))
        assert any(form in words for form in readable_forms(payload) if form), words  # Word shows it as typed
        assert b"hyperlink" not in word
    ics = calendar_file(event, name=f"Community {payload}", now=chat.clock())
    harmless = calendar_file(replace(event, title="Review", place="Place"), name="Community", now=chat.clock())
    assert property_names(ics) == property_names(harmless), ics  # no property, parameter or line of its own
    [vevent] = Calendar.from_ical(ics).walk("VEVENT")
    assert visible(str(vevent["SUMMARY"])) == visible(f"Review {payload}")
    assert visible(str(vevent["LOCATION"])) == typed
    for row in csv.reader(io.StringIO(report_csv(rows).decode("utf-8-sig"))):
        assert all(cell[:1] not in ("=", "+", "-", "@", "\t", "\r") or cell.lstrip("-").isdigit() for cell in row), row


def minutes_markdown_problems(markdown: str) -> list[str]:
    """Markup in a minutes file that is not the file's own: its title and section headings, bold leads of bullets
    and the italic footer; member text in it is escaped with backslashes (a file, read by any Markdown program)."""
    problems = []
    for number, line in enumerate(markdown.split("\n")):
        if line.startswith("#") and not (number == 0 or line.startswith("## ")):
            problems.append(f"a heading of its own: {line!r}")
        unescaped = re.sub(r"\\.", "x", line)  # an escaped character is text
        own = re.sub(r"^(?:#{1,2} |- \*\*[^*]*\*\*|  |---$|_(?=.*_$))", "", unescaped)
        own = own[:-1] if line.startswith("_") else own
        if re.search(r"[*_`~<>\[\]|]|&[#a-z]", own) or BLOCK.search(own):
            problems.append(f"markup: {line!r}")
    return problems


def property_names(ics: bytes) -> list[str]:
    """The name of each content line of a calendar file (folded lines unfolded), in order; a lone CR or LF ends a line
    too, as many calendar programs read it."""
    unfolded = ics.decode().replace("\r\n ", "")
    return [re.split("[:;]", line, maxsplit=1)[0] for line in re.split(r"\r\n|\r|\n", unfolded) if line]


# ---- over real HTTP: the reported defect, and the downloads --------------------------------------------------


async def say_over_http(bot, text: str) -> dict[str, Any]:
    replies = await bot.replies(bot.activity("personal_message_en", text=text))
    return replies[0]


async def fetch(bot, url: str) -> bytes:
    async with aiohttp.ClientSession() as http, http.get(bot.server.make_url(urlsplit(url).path)) as response:
        assert response.status == 200
        return await response.read()


def buttons(reply: dict[str, Any]) -> dict[str, str]:
    return {action["title"]: action["url"] for action in reply["attachments"][0]["content"]["actions"]}


async def test_the_reported_phishing_link_is_no_link_over_http_nor_in_the_downloads(bot) -> None:
    phish = PAYLOADS["link"]
    await bot.install()
    meeting = await say_over_http(bot, f"meeting add Review {phish} | 2026-12-03 10:00")
    added = await say_over_http(bot, f"agenda add {phish} | {PAYLOADS['arabic']}")
    agenda = await say_over_http(bot, "agenda")
    for reply in (meeting, added, agenda):
        activity = Activity.model_validate(reply)
        problems, text = activity_problems(activity, where=reply.get("text") or "card")
        assert problems == []
        assert visible(phish) in visible(text)

    calendar = Calendar.from_ical(await fetch(bot, buttons(meeting)["Add to calendar (.ics)"]))
    [vevent] = calendar.walk("VEVENT")
    assert str(vevent["SUMMARY"]) == f"Review {phish}"  # a calendar shows text as text: kept as typed

    formula = PAYLOADS["formula"]
    await say_over_http(bot, f"group add {formula} | Cash")
    await say_over_http(bot, f"action add Share the data | me | group {formula}")
    report = await say_over_http(bot, "actions report")
    [url] = [address for title, address in buttons(report).items() if "/reports/" in address]
    rows = list(csv.reader(io.StringIO((await fetch(bot, url)).decode("utf-8-sig"))))
    labels = [row[1] for row in rows if row[0] == "group"]
    assert labels == ["'" + formula]  # shown as text by spreadsheet programs, and still the group's name
