"""Facilitators keep the FAQ: add (typed or by form), edit, remove, list, and import/export in bulk (CSV and
JSONL): bad rows reported by line number, good rows imported, nothing half-imported when something breaks."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import func, select

from dialogs.questions import faq_files
from dialogs.questions.views import FaqForm, ImportReport
from storage.models import AuditLog, Community, FaqEntry, FaqVersion, Member, Role, WorkingGroup
from tests.chat import Chat, Said, converse
from tests.fakes import FakeClock


async def upload(chat: Chat, name: str, data: bytes, *, as_: str) -> Said:
    """A file sent in the 1:1 chat, through the router as the bot hands it over once downloaded."""
    result = await chat.router.run(
        member_id=chat.ids[as_],
        now=chat.clock(),
        handler=lambda turn: faq_files.import_upload(turn, name=name, data=data),
    )
    return chat._said(result, None)


def imported(said: Said) -> dict[str, int]:
    """How many entries an import added and updated, and how many lines failed."""
    reply = said.replies[0]
    assert isinstance(reply.view, ImportReport), said.text
    return {"added": reply.args["added"], "updated": reply.args["updated"], "failed": reply.view.failed}


@pytest.fixture
async def chat(sessions, clock: FakeClock) -> Chat:
    chat = await Chat(sessions, clock).start()
    async with sessions.begin() as session:
        session.add(WorkingGroup(community_id=chat.community_id, name="Cash working group", scope=""))
    return chat


async def entries(chat: Chat) -> list[tuple[int, dict[str, list[str]], list[str], str | None]]:
    """(number, {lang: phrasings}, tags, group) of every entry."""
    async with chat.sessions() as session:
        found = await session.scalars(select(FaqEntry).order_by(FaqEntry.number))
        return [
            (e.number, {v.lang: list(v.questions) for v in e.versions}, list(e.tags), e.group.name if e.group else None)
            for e in found
        ]


CONVERSATION = [
    ("member", "faq add Is lunch provided? | Yes.", "not-facilitator"),
    ("facilitator", "faq add", "faq-form"),
    (
        "facilitator",
        "faq add Is lunch provided? ; Do we get lunch? | Yes, at the venue. | tags logistics, venue",
        "faq-added",
    ),
    ("facilitator", "faq add Do we get lunch | Maybe.", "faq-duplicate"),
    ("facilitator", "faq add | Only an answer", "faq-question-missing"),
    ("facilitator", "faq add Where is the venue?", "faq-answer-missing"),
    ("facilitator", "faq add Where is the venue? | UN House | source not-a-link", "faq-source-invalid"),
    ("facilitator", "faq add Where is the venue? | UN House | colour blue", "faq-field-unknown"),
    ("facilitator", "faq add Where is the venue? | UN House | group Nowhere", "group-unknown"),
    (
        "facilitator",
        "الأسئلة الشائعة إضافة أين يقع المكان؟ | بيت الأمم المتحدة | مجموعة Cash | مصدر https://un.example/house",
        "faq-added",
    ),
    ("facilitator", "faq edit 2 Where is the venue? | UN House, Beirut.", "faq-edited"),
    ("facilitator", "faq edit 2 | tags venue", "faq-edited"),
    ("facilitator", "faq edit 2", "faq-form"),
    ("facilitator", "faq edit 9 | tags x", "faq-unknown"),
    ("facilitator", "faq edit", "faq-number-missing"),
    ("member", "faq", "faq-list"),
    ("member", "faq list venue", "faq-list"),
    ("member", "faq 2", "faq-unknown"),  # the Cash group's entry: for its members
    ("facilitator", "faq 2", "faq-entry"),
    ("member", "faq 7", "faq-unknown"),
    ("member", "faq frobnicate", "faq-usage"),
    ("facilitator", "faq import", "faq-import-how"),
    ("facilitator", "faq remove 1", "faq-removed"),
    ("facilitator", "faq remove 1", "faq-unknown"),
]


async def test_faq_conversation(chat: Chat) -> None:
    await converse(chat, CONVERSATION)
    assert await entries(chat) == [
        (2, {"ar": ["أين يقع المكان؟"], "en": ["Where is the venue?"]}, ["venue"], "Cash working group"),
    ]
    async with chat.sessions() as session:
        actions = list(await session.scalars(select(AuditLog.action).where(AuditLog.object_type == "faq_entry")))
    assert actions == ["faq.added", "faq.added", "faq.edited", "faq.edited", "faq.removed"]


async def test_the_list_in_each_language_and_by_tag(chat: Chat) -> None:
    await chat.say("faq add Is lunch provided? | Yes. | tags logistics", as_="facilitator")
    await chat.say("faq edit 1 هل يُقدَّم الغداء؟ | نعم.", as_="facilitator")
    await chat.say("faq add Where is the venue? | UN House. | tags venue", as_="facilitator")
    english = await chat.say("faq", as_="facilitator")
    assert "Frequently asked questions (2)" in english.text and "#1 · Is lunch provided?" in english.text
    arabic = await chat.say("الأسئلة الشائعة", as_="member")
    assert "الأسئلة الشائعة (٢)" in arabic.text and "#١ · هل يُقدَّم الغداء؟" in arabic.text
    assert "#٢ · Where is the venue?" in arabic.text  # no Arabic version: the English one
    tagged = await chat.say("faq list logistics", as_="facilitator")
    assert "tagged “logistics” (1)" in tagged.text and "venue" not in tagged.text.split("\n", 1)[1]


async def test_the_form_adds_and_edits_both_languages(chat: Chat) -> None:
    form = await chat.say("faq add", as_="facilitator")
    card = chat.renderer.card(form.replies[0], lang="en", zone="UTC")
    assert [i["id"] for i in card["body"] if i["type"].startswith("Input")] == [
        "question_ar", "answer_ar", "question_en", "answer_en", "tags", "source", "group",
    ]  # fmt: skip
    data = {
        "verb": "faq-add",
        "number": 0,
        "question_en": "Is lunch provided?\nDo we get lunch?",
        "answer_en": "Yes.",
        "question_ar": "هل يقدم الغداء؟",
        "answer_ar": "نعم.",
        "tags": "logistics، venue",
        "source": "",
        "group": "",
    }
    assert (await chat.submit(data, as_="member")).key == "not-facilitator"
    assert (await chat.submit(data, as_="facilitator")).key == "faq-added"
    edit = await chat.say("faq edit 1", as_="facilitator")
    assert isinstance(edit.replies[0].view, FaqForm)
    values = edit.replies[0].view.values
    assert values["question_en"] == "Is lunch provided?\nDo we get lunch?" and values["tags"] == "logistics, venue"
    changed = await chat.submit({**data, "number": 1, "answer_en": "Yes, vegetarian too."}, as_="facilitator")
    assert changed.key == "faq-edited" and "Yes, vegetarian too." in changed.text
    assert (await chat.submit({**data, "group": "999"}, as_="facilitator")).key == "card-data-invalid"
    assert await entries(chat) == [
        (1, {"ar": ["هل يقدم الغداء؟"], "en": ["Is lunch provided?", "Do we get lunch?"]}, ["logistics", "venue"], None)
    ]


CSV = """number,question_en,answer_en,question_ar,answer_ar,tags,group,source
,Is lunch provided?;Do we get lunch?,"Yes, at the venue.",هل يقدم الغداء؟,نعم، في مكان الاجتماع.,"logistics, venue",,
,Where is the venue?,,,,,,
,Who pays for travel?,The organiser.,,,,Nowhere group,
,How long is the plenary?,Three hours.,,,,,ftp://bad
,"Which forms do I need?
What paperwork is required?",The registration form.,,,forms,Cash working group,https://forms.example
,Is lunch provided?,Duplicate.,,,,,
7,Unknown entry,x,,,,,
,,,,كيف أتواصل مع الميسرين؟,,,
,"Can I bring a guest?",Ask a facilitator first.,,,,,
"""


async def test_a_csv_import_reports_bad_rows_by_line_and_imports_the_good_ones(chat: Chat) -> None:
    said = await upload(chat, "faq.csv", CSV.encode(), as_="facilitator")
    assert said.key == "faq-imported"
    assert imported(said)["added"] == 3 and imported(said)["failed"] == 6
    lines = said.text.splitlines()
    assert lines[0] == "faq.csv: 3 entries added, 0 updated."
    assert lines[1:] == [
        "6 lines were not imported:",
        "line 3: The answer is missing. Write “faq add QUESTION | ANSWER”.",
        "line 4: There is no open working group called “Nowhere group”.",
        "line 5: “ftp://bad” is not a link. A source starts with https://",
        "line 8: FAQ #1 already has that question. Change it with “faq edit 1”.",
        "line 9: There is no FAQ #7. Write “faq” to see the list.",
        "line 10: The question is missing. Write “faq add QUESTION | ANSWER”.",
    ]
    assert [(n, sorted(v), t, g) for n, v, t, g in await entries(chat)] == [
        (1, ["ar", "en"], ["logistics", "venue"], None),
        (2, ["en"], ["forms"], "Cash working group"),
        (3, ["en"], [], None),
    ]
    answer = await chat.say("what paperwork is required?", as_="facilitator")
    assert answer.key == "question-answer" and "The registration form." in answer.text


async def test_jsonl_import_in_arabic_with_updates_and_unreadable_lines(chat: Chat) -> None:
    await chat.say("faq add Is lunch provided? | Yes.", as_="facilitator")
    lines = [
        json.dumps({"number": 1, "question_ar": ["هل يقدم الغداء؟"], "answer_ar": "نعم."}, ensure_ascii=False),
        "{not json",
        json.dumps({"question_en": "Where?", "answer_en": "Here.", "colour": "blue"}),
        "",
        json.dumps(["a", "list"]),
        json.dumps({"question_en": "What is the dress code?", "answer_en": "Casual.", "tags": ["venue"]}),
        json.dumps({"question_en": {"x": 1}, "answer_en": "y"}),
    ]
    said = await upload(chat, "faq.jsonl", "\n".join(lines).encode(), as_="member")
    assert said.key == "not-facilitator"
    async with chat.sessions.begin() as session:
        omar = await session.get(Member, chat.ids["member"])
        omar.role = Role.FACILITATOR
    said = await upload(chat, "faq.jsonl", "\n".join(lines).encode(), as_="member")
    assert said.key == "faq-imported", said.text
    assert said.text.splitlines() == [
        "faq.jsonl: أُضيف سؤال واحد، وحُدّث سؤال واحد.",
        "لم تُستورد ٤ أسطر:",
        "السطر ٢: تعذّرت قراءة هذا السطر",
        "السطر ٣: مفاتيح غير معروفة: colour",
        "السطر ٥: تعذّرت قراءة هذا السطر",
        "السطر ٧: قيمة «question_en» ليست نصًا",
    ]
    assert [(n, v) for n, v, _t, _g in await entries(chat)] == [
        (1, {"ar": ["هل يقدم الغداء؟"], "en": ["Is lunch provided?"]}),
        (2, {"en": ["What is the dress code?"]}),
    ]


@pytest.mark.parametrize(
    "name, data, key",
    [
        ("faq.txt", b"question_en,answer_en\n", "faq-file-kind"),
        ("faq.csv", "question_en,answer_en\nA?,B\n".encode("utf-16"), "faq-file-not-text"),
        ("faq.csv", b"quesion_en,answer_en\nA?,B\n", "faq-file-columns"),
        ("faq.csv", b"tags,group\nx,y\n", "faq-file-header"),
        ("faq.csv", b"q" * (faq_files.MAX_BYTES + 1), "faq-file-too-big"),
    ],
)
async def test_unreadable_files_are_refused_whole(chat: Chat, name: str, data: bytes, key: str) -> None:
    said = await upload(chat, name, data, as_="facilitator")
    assert said.key == key
    assert await entries(chat) == []


async def test_export_then_import_round_trips(chat: Chat) -> None:
    await chat.say(
        "faq add Is lunch provided?; Do we get lunch? | Yes, at the venue. | tags logistics", as_="facilitator"
    )
    await chat.say("faq edit 1 هل يقدم الغداء؟ | نعم.", as_="facilitator")
    await chat.say("faq add Where is it? | UN House. | group Cash | source https://un.example", as_="facilitator")
    async with chat.sessions() as session:
        rows = await faq_files.export_rows(session, community_id=chat.community_id)
    for name, text in (("faq.csv", faq_files.to_csv(rows)), ("faq.jsonl", faq_files.to_jsonl(rows))):
        said = await upload(chat, name, text.encode(), as_="facilitator")
        assert imported(said) == {"added": 0, "updated": 2, "failed": 0}, said.text
        async with chat.sessions() as session:
            assert await faq_files.export_rows(session, community_id=chat.community_id) == rows
    assert (
        rows[0]["question_en"] == ["Is lunch provided?", "Do we get lunch?"]
        and rows[1]["group"] == "Cash working group"
    )


async def test_a_crash_during_an_import_leaves_nothing_behind(chat: Chat, clock: FakeClock) -> None:
    rows = faq_files.read_rows("faq.csv", CSV.encode())
    with pytest.raises(RuntimeError):
        async with chat.sessions.begin() as session:
            community = await session.get(Community, chat.community_id)
            result = await faq_files.import_rows(session, community=community, actor=None, rows=rows, now=clock())
            assert result.added == 3
            raise RuntimeError("the server stopped half-way")
    async with chat.sessions() as session:
        assert await session.scalar(select(func.count()).select_from(FaqEntry)) == 0
        assert await session.scalar(select(func.count()).select_from(FaqVersion)) == 0


async def test_an_export_imports_back_entries_of_closed_groups(chat: Chat) -> None:
    await chat.say("faq add Where is it? | UN House. | group Cash", as_="facilitator")
    async with chat.sessions.begin() as session:
        group = await session.scalar(select(WorkingGroup).where(WorkingGroup.name == "Cash working group"))
        group.closed_at = chat.clock()
    async with chat.sessions() as session:
        rows = await faq_files.export_rows(session, community_id=chat.community_id)
    said = await upload(chat, "faq.csv", faq_files.to_csv(rows).encode(), as_="facilitator")
    assert imported(said) == {**imported(said), "updated": 1, "failed": 0}, said.text
    assert (await entries(chat))[0][3] == "Cash working group"


async def test_csv_cells_that_look_like_formulas_are_quoted_and_read_back(chat: Chat) -> None:
    await chat.say("faq add =HYPERLINK(1)? | -5 degrees | tags @home", as_="facilitator")
    async with chat.sessions() as session:
        rows = await faq_files.export_rows(session, community_id=chat.community_id)
    text = faq_files.to_csv(rows)
    assert "'=HYPERLINK(1)?" in text and ",'-5 degrees," in text and "'@home" in text
    said = await upload(chat, "faq.csv", text.encode(faq_files.CSV_ENCODING), as_="facilitator")
    assert imported(said) == {**imported(said), "updated": 1, "failed": 0}, said.text
    async with chat.sessions() as session:
        assert await faq_files.export_rows(session, community_id=chat.community_id) == rows


def test_the_command_line_writes_csv_with_a_byte_order_mark(tmp_path, monkeypatch) -> None:
    import argparse

    from bot.cli import faq as faq_cli

    async def rows(_url: str, _wanted: int | None) -> list[dict]:
        return [
            {"number": 1, "question_en": [], "answer_en": "", "question_ar": ["هل يقدم الغداء؟"],
             "answer_ar": "نعم", "tags": [], "group": "", "source": None}
        ]  # fmt: skip

    monkeypatch.setattr(faq_cli, "_rows", rows)
    target = tmp_path / "faq.csv"
    assert faq_cli.run(argparse.Namespace(faq_command="export", file=target, community=None), "unused") == 0
    data = target.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf") and "هل يقدم الغداء؟".encode() in data
