"""Published minutes as Markdown and Word files: the same sections in order, in Arabic (right to left) and English."""

from __future__ import annotations

import dataclasses
import io
import re
from datetime import UTC, date, datetime

import docx
import pytest
from docx.document import Document as WordDocument
from docx.oxml.ns import qn
from docx.text.paragraph import Paragraph

from bot.files.minutes_files import minutes_docx, minutes_markdown
from bot.i18n import Catalogs, plain
from dialogs.meetings.minutes_view import MinutesAction, MinutesDecision, MinutesItem, MinutesView

LINK = "https://teams.microsoft.com/l/meetup-join/19%3ameeting_abc%40thread.v2/0"
FLOOD = "بيانات محفزات الفيضانات"
VIEW = MinutesView(
    community="Early Warning CoP",
    meeting_number=12,
    title="Flood season *urgent* [x](https://evil.example)",
    kind="plenary",
    starts_at=datetime(2026, 12, 15, 8, 0, tzinfo=UTC),
    zone="Asia/Beirut",
    place="Beirut office",
    link=LINK,
    attendees=("Leila Haddad", "عمر خليل", "Sami Nasser"),
    summary_ar="اتفقنا على عتبات الإنذار.\n\n# not a heading\n- not a list",
    summary_en="We agreed on the trigger thresholds.\n\n# not a heading\n- not a list",
    items=(
        MinutesItem(1, FLOOD, "مشاركة البيانات مع الجمعيات الوطنية", "discussed", "عمر خليل", presenter="Leila Haddad"),
        MinutesItem(2, "Budget_2027 <b>draft</b>", "", "carried", "Huda Abdallah"),
    ),
    decisions=(
        MinutesDecision(1, "Adopt the data sharing protocol", item_number=1),
        MinutesDecision(2, "اعتماد جدول الاجتماعات الفصلية"),
    ),
    actions=(
        MinutesAction(1, "Share the flood trigger data", ("Omar Khalil", "Leila Haddad"), due_on=date(2027, 1, 10)),
        MinutesAction(2, "صياغة مسودة البروتوكول", ("هدى عبد الله",)),
    ),
    published_at=datetime(2026, 12, 16, 22, 30, tzinfo=UTC),  # 17 December in Beirut
    approved_by=("Leila Haddad",),
)
EMPTY = dataclasses.replace(
    VIEW, attendees=(), summary_ar=" \n", summary_en="", items=(), decisions=(), actions=(), published_at=None
)
ARABIC_ONLY = dataclasses.replace(VIEW, summary_en="")
HEADINGS = {
    "en": [
        r"Minutes: Flood season \*urgent\* \[x\](https://evil.example)",
        "Attendees (3)",
        "Summary",
        "Agenda",
        "Decisions",
        "Action points",
    ],
    "ar": [
        r"محضر الاجتماع: Flood season \*urgent\* \[x\](https://evil.example)",
        "الحضور (٣)",
        "الملخص",
        "جدول الأعمال",
        "القرارات",
        "نقاط العمل",
    ],
}
FSI, PDI = "\u2068", "\u2069"


@pytest.fixture(scope="module")
def catalogs() -> Catalogs:
    return Catalogs()


def markdown_headings(text: str) -> list[str]:
    return [plain(line.lstrip("#").strip()) for line in text.splitlines() if re.match(r"#{1,2} ", line)]


def word(view: MinutesView, lang: str, catalogs: Catalogs) -> WordDocument:
    return docx.Document(io.BytesIO(minutes_docx(view, lang=lang, catalogs=catalogs)))


def word_headings(document: WordDocument) -> list[str]:
    return [plain(p.text) for p in document.paragraphs if p.style is not None and p.style.name.startswith("Heading")]


def word_text(document: WordDocument) -> str:
    return plain("\n".join(paragraph.text for paragraph in document.paragraphs))


@pytest.mark.parametrize("lang", ["en", "ar"])
def test_markdown_sections_in_order(lang: str, catalogs: Catalogs) -> None:
    text = minutes_markdown(VIEW, lang=lang, catalogs=catalogs)
    assert markdown_headings(text) == HEADINGS[lang]
    assert [line for line in text.splitlines() if line.startswith("# ")] == [text.splitlines()[0]]


def test_markdown_in_english(catalogs: Catalogs) -> None:
    text = minutes_markdown(VIEW, lang="en", catalogs=catalogs)
    assert "Plenary meeting #12 · Early Warning CoP" in text
    assert "Dec 15, 2026, 10:00\u202fAM (Asia/Beirut)" in text
    assert "Place: Beirut office" in text
    assert f"Join online: <{LINK}>" in text
    assert "Leila Haddad, عمر خليل, Sami Nasser" in plain(text)
    assert f"- **#1 {FSI}{FLOOD}{PDI}**" in text  # an Arabic title stays readable inside English text
    assert f"Proposed by {FSI}عمر خليل{PDI} · Presented by Leila Haddad · Discussed" in text
    assert "- **#2 Budget\\_2027 \\<b\\>draft\\</b\\>**" in text
    assert "Not discussed: carried forward to the next meeting" in text
    assert "- **Decision 1:** Adopt the data sharing protocol\n\n  On agenda item #1" in text
    assert (
        "- **Action 1:** Share the flood trigger data\n\n  Owners: Omar Khalil, Leila Haddad · Due Jan 10, 2027" in text
    )
    assert "No due date" in text
    assert text.rstrip().endswith("_Published Dec 17, 2026 · approved by Leila Haddad_")


def test_markdown_in_arabic(catalogs: Catalogs) -> None:
    text = minutes_markdown(VIEW, lang="ar", catalogs=catalogs)
    assert "الاجتماع العام رقم ١٢ · " in text
    assert "١٥‏/١٢‏/٢٠٢٦، ١٠:٠٠ ص (بتوقيت" in text
    assert f"- **البند ١: {FLOOD}**" in text  # no isolation marks around Arabic in Arabic text
    assert f"اقترحه عمر خليل · عرضه {FSI}Leila Haddad{PDI} · نوقش" in text
    assert "لم يُناقش، ورُحّل إلى الاجتماع التالي" in text
    assert "- **القرار ١:** Adopt the data sharing protocol\n\n  بشأن البند ١" in text
    assert "- **الإجراء ٢:** صياغة مسودة البروتوكول\n\n  المسؤولون: هدى عبد الله · بلا موعد استحقاق" in text
    assert "موعد الاستحقاق: ١٠‏/٠١‏/٢٠٢٧" in text
    assert plain(text).rstrip().endswith("_نُشر في ١٧‏/١٢‏/٢٠٢٦ · اعتمده Leila Haddad_")
    member_written = (LINK, "Budget\\_2027")
    assert not re.search("[0-9]", plain(re.sub("|".join(map(re.escape, member_written)), "", text)))


@pytest.mark.parametrize("lang", ["en", "ar"])
def test_markdown_escapes_member_text(lang: str, catalogs: Catalogs) -> None:
    text = minutes_markdown(VIEW, lang=lang, catalogs=catalogs)
    assert "[x](" not in text and "*urgent*" not in text and "<b>" not in text
    assert "\n\\# not a heading\n" in text
    assert "\n\\- not a list\n" in text


@pytest.mark.parametrize("lang", ["en", "ar"])
def test_only_text_in_the_other_script_is_isolated(lang: str, catalogs: Catalogs) -> None:
    text = minutes_markdown(VIEW, lang=lang, catalogs=catalogs)
    isolated = re.findall(f"{FSI}([^{PDI}]*){PDI}", text)
    assert isolated
    assert all(bool(re.search("[\u0621-\u064a]", span)) == (lang == "en") for span in isolated), isolated


@pytest.mark.parametrize(("lang", "none"), [("en", "None."), ("ar", "لا يوجد.")])
def test_empty_sections_say_none(lang: str, none: str, catalogs: Catalogs) -> None:
    text = plain(minutes_markdown(EMPTY, lang=lang, catalogs=catalogs))
    headings = markdown_headings(text)
    assert len(headings) == 5 and HEADINGS[lang][2] not in headings  # no summary heading
    for heading in headings[1:]:
        assert f"## {heading}\n\n{none}\n" in text
    assert "---" not in text and "Published" not in text and "نُشر" not in text  # not published yet: no footer


@pytest.mark.parametrize("lang", ["en", "ar"])
def test_word_sections_in_order(lang: str, catalogs: Catalogs) -> None:
    document = word(VIEW, lang, catalogs)
    headings = word_headings(document)
    assert headings == [heading.replace("\\", "") for heading in HEADINGS[lang]]
    assert [p.style.name for p in document.paragraphs if plain(p.text) == headings[0]] == ["Heading 1"]
    text = word_text(document)
    for written in (
        *VIEW.attendees,
        *(decision.text for decision in VIEW.decisions),
        *(action.text for action in VIEW.actions),
        *VIEW.actions[0].owners,
        "Budget_2027 <b>draft</b>",
        LINK,
    ):
        assert written in text


def right_to_left(paragraph: Paragraph) -> bool:
    return paragraph.paragraph_format.element.pPr.find(qn("w:bidi")) is not None


def paragraph_of(document: WordDocument, text: str) -> Paragraph:
    (found,) = [paragraph for paragraph in document.paragraphs if plain(paragraph.text) == text]
    return found


def test_word_in_arabic_is_right_to_left_but_for_english_paragraphs(catalogs: Catalogs) -> None:
    document = word(VIEW, "ar", catalogs)
    english = ("# not a heading", "- not a list")  # written in English in the Arabic summary: left to right
    assert len(document.paragraphs) > 20
    for paragraph in document.paragraphs:
        arabic = plain(paragraph.text) not in english
        assert right_to_left(paragraph) == arabic, paragraph.text
        assert paragraph.alignment is None  # a bidi paragraph starts on the right; jc "right" would be its end
        assert paragraph.runs and bool(paragraph.runs[0].font.rtl) == arabic, paragraph.text
    names = paragraph_of(document, "Leila Haddad، عمر خليل، Sami Nasser")
    assert right_to_left(names) and names.runs[0].font.rtl  # a list of names reads as the file does
    decision = paragraph_of(document, "القرار ١: Adopt the data sharing protocol")
    assert [run.font.rtl for run in decision.runs] == [True, None]  # the English text keeps its own direction
    (language,) = document.styles.element.xpath("w:docDefaults/w:rPrDefault/w:rPr/w:lang")
    assert language.get(qn("w:bidi")) == "ar-SA"
    assert document.core_properties.language == "ar-SA"
    lead = next(p for p in document.paragraphs if p.text.startswith("البند ١")).runs[0]
    assert lead.bold and lead.font.cs_bold
    assert "البند ١: " + FLOOD in word_text(document)
    assert "اتفقنا على عتبات الإنذار." in word_text(document) and "We agreed" not in word_text(document)
    assert "المسؤولون: Omar Khalil، Leila Haddad · موعد الاستحقاق: ١٠‏/٠١‏/٢٠٢٧" in word_text(document)


def test_word_in_english_is_left_to_right_but_for_arabic_paragraphs(catalogs: Catalogs) -> None:
    document = word(VIEW, "en", catalogs)
    arabic = "مشاركة البيانات مع الجمعيات الوطنية"  # an agenda item's details
    for paragraph in document.paragraphs:
        assert right_to_left(paragraph) == (paragraph.text == arabic), paragraph.text
        assert bool(paragraph.runs[0].font.rtl) == (paragraph.text == arabic), paragraph.text
        assert paragraph.alignment is None  # a bidi paragraph is aligned where it starts, on the right
    decision = paragraph_of(document, "Decision 2: اعتماد جدول الاجتماعات الفصلية")
    assert [run.font.rtl for run in decision.runs] == [None, True]  # an English line, its Arabic text right to left
    assert document.core_properties.language == "en-US"
    assert document.core_properties.title == VIEW.title
    bullets = [plain(p.text) for p in document.paragraphs if p.style is not None and p.style.name == "List Bullet"]
    assert bullets[:2] == [f"#1 {FLOOD}", "#2 Budget_2027 <b>draft</b>"]
    assert document.paragraphs[-1].text == "Published Dec 17, 2026 · approved by Leila Haddad"
    assert document.paragraphs[-1].runs[0].italic


def test_a_summary_written_only_in_arabic_is_shown_to_english_readers_saying_so(catalogs: Catalogs) -> None:
    document = word(ARABIC_ONLY, "en", catalogs)
    texts = [plain(paragraph.text) for paragraph in document.paragraphs]
    heading = texts.index("Summary (in Arabic only)")
    assert texts[heading + 1] == "اتفقنا على عتبات الإنذار."
    assert not right_to_left(document.paragraphs[heading]) and right_to_left(document.paragraphs[heading + 1])
    english = plain(minutes_markdown(ARABIC_ONLY, lang="en", catalogs=catalogs))
    assert "## Summary (in Arabic only)\n\nاتفقنا على عتبات الإنذار.\n" in english
    arabic = plain(minutes_markdown(ARABIC_ONLY, lang="ar", catalogs=catalogs))
    assert "## الملخص\n\nاتفقنا على عتبات الإنذار.\n" in arabic  # the Arabic reader's own: no note


@pytest.mark.parametrize(("lang", "none"), [("en", "None."), ("ar", "لا يوجد.")])
def test_word_empty_sections_say_none(lang: str, none: str, catalogs: Catalogs) -> None:
    document = word(EMPTY, lang, catalogs)
    texts = [plain(paragraph.text) for paragraph in document.paragraphs]
    headings = word_headings(document)
    assert len(headings) == 5
    assert [texts[texts.index(heading) + 1] for heading in headings[1:]] == [none] * 4
