"""Published meeting minutes as Markdown and as a Word document, in Arabic or English (each Word paragraph right to
left or left to right by its own text).

Both files hold the same paragraphs in the same order: the title lines, attendees, summary (only when
written), agenda, decisions, action points and, once published, who approved them. Fluent's bidi marks
are dropped, except around text in the other language's script (an Arabic title in English minutes,
a link or a zone name in Arabic ones), which stays isolated so it reads in its own direction.
"""

from __future__ import annotations

import io
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC
from typing import Any
from zoneinfo import ZoneInfo

from docx import Document
from docx.document import Document as WordDocument
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.text.paragraph import Paragraph

from bot.i18n import Catalogs, format_day, format_number, format_when
from dialogs.common.text import script_language
from dialogs.meetings.minutes_view import MinutesAction, MinutesDecision, MinutesItem, MinutesView

_SEPARATOR = " · "
_ISOLATED = re.compile("\u2068([^\u2068\u2069]*)\u2069")
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]<>|~&])")
_MARKDOWN_LINE_MARK = re.compile(r"^(\s*)([#>+=-])", re.MULTILINE)
_MARKDOWN_LINE_NUMBER = re.compile(r"^(\s*\d+)([.)])", re.MULTILINE)
_PLAIN_LINK = re.compile(r"https?://[^\s<>]+")
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")  # Word (XML 1.0) cannot hold these
_MARKDOWN = {"title": "# {}", "heading": "## {}", "line": "{}", "note": "  {}", "footer": "---\n\n_{}_"}
_WORD_STYLES = {
    "title": "Heading 1",
    "heading": "Heading 2",
    "line": "Normal",
    "bullet": "List Bullet",
    "note": "List Continue",
    "footer": "Normal",
}


@dataclass(frozen=True)
class _Block:
    """One paragraph: title, heading, line, bullet (bold `lead`, then `text`), note under a bullet, or footer;
    `lang` when its direction is the file's rather than its first letter's (a list of names in either script)."""

    kind: str
    text: str = ""
    lead: str = ""
    lang: str | None = None


@dataclass(frozen=True)
class _Words:
    """Messages in one language, with member-written text prepared for the file format by `quote`."""

    lang: str
    catalogs: Catalogs
    quote: Callable[[str], str]
    link: Callable[[str], str]

    def __call__(self, key: str, /, **args: Any) -> str:
        """The message with its arguments as given: `quote` has prepared member text for the format already."""
        return _tidy(self.catalogs.plain_text(self.lang, key, **args), lang=self.lang)

    def number(self, value: int) -> str:
        return format_number(value, lang=self.lang, style="plain")

    def names(self, names: tuple[str, ...]) -> tuple[str, ...]:
        return tuple(self.quote(name) for name in names)

    def lines(self, text: str) -> list[str]:
        return [self.quote(line.strip()) for line in text.splitlines() if line.strip()]


def minutes_markdown(view: MinutesView, *, lang: str, catalogs: Catalogs) -> str:
    """The minutes as Markdown in `lang`; member-written text is escaped so it cannot add formatting or links."""
    words = _Words(lang=lang, catalogs=catalogs, quote=_escape, link=_markdown_link)
    return _xml_text("\n\n".join(_markdown_block(block) for block in _blocks(view, words)) + "\n")


def minutes_docx(view: MinutesView, *, lang: str, catalogs: Catalogs) -> bytes:
    """The minutes as a Word document in `lang`, with headings for the sections; each paragraph reads in the
    direction of its own text (an Arabic summary line right to left in English minutes, and the other way round)."""
    words = _Words(lang=lang, catalogs=catalogs, quote=str, link=str)
    document = Document()
    _arabic_by_default(document)
    _describe(document, view, language="ar-SA" if lang == "ar" else "en-US")
    for block in _blocks(view, words):
        _word_paragraph(document, block, lang=lang)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _blocks(view: MinutesView, words: _Words) -> list[_Block]:
    """Every paragraph of the minutes, in order."""
    return [
        *_heading(view, words),
        *_attendees(view, words),
        *_summary(view, words),
        *_agenda(view, words),
        *_decisions(view, words),
        *_actions(view, words),
        *_footer(view, words),
    ]


def _heading(view: MinutesView, words: _Words) -> list[_Block]:
    """The title, the kind of meeting, when it was (in its own zone), and where."""
    when = format_when(view.starts_at, lang=words.lang, zone=view.zone)
    blocks = [
        _Block("title", words("minutes-doc-title", title=words.quote(view.title))),
        _Block(
            "line",
            words(
                "minutes-doc-meeting",
                kind=view.kind,
                number=words.number(view.meeting_number),
                community=words.quote(view.community),
            ),
        ),
        _Block("line", words("minutes-doc-when", when=when, zone=words.quote(view.zone))),
    ]
    if view.place:
        blocks.append(_Block("line", words("minutes-doc-place", place=words.quote(view.place))))
    if view.link:
        blocks.append(_Block("line", words("minutes-doc-link", link=words.link(view.link))))
    return blocks


def _section(heading: str, blocks: list[_Block], words: _Words) -> list[_Block]:
    """A section heading and its paragraphs, or "none" when it has none."""
    return [_Block("heading", heading), *(blocks or [_Block("line", words("minutes-doc-none"))])]


def _attendees(view: MinutesView, words: _Words) -> list[_Block]:
    """Who attended, on one line."""
    listed = words("minutes-doc-names", names=words.names(view.attendees))
    names = [_Block("line", listed, lang=words.lang)] if view.attendees else []
    return _section(words("minutes-doc-attendees", count=len(view.attendees)), names, words)


def _summary(view: MinutesView, words: _Words) -> list[_Block]:
    """The facilitators' summary in the file's language (else the other one's, its heading saying so), one
    paragraph a line; nothing at all when they wrote none."""
    summary, written_in = view.summary_for(words.lang)
    lines = words.lines(summary)
    if not lines:
        return []
    key = "minutes-doc-summary" if written_in == words.lang else "minutes-summary-only-in"
    return [_Block("heading", words(key, language=written_in)), *(_Block("line", line) for line in lines)]


def _agenda(view: MinutesView, words: _Words) -> list[_Block]:
    return _section(words("minutes-doc-agenda"), [block for item in view.items for block in _item(item, words)], words)


def _decisions(view: MinutesView, words: _Words) -> list[_Block]:
    blocks = [block for decision in view.decisions for block in _decision(decision, words)]
    return _section(words("minutes-doc-decisions"), blocks, words)


def _actions(view: MinutesView, words: _Words) -> list[_Block]:
    blocks = [block for action in view.actions for block in _action(action, words)]
    return _section(words("minutes-doc-actions"), blocks, words)


def _item(item: MinutesItem, words: _Words) -> list[_Block]:
    """An agenda item: number and title, who proposed and presented it, whether it was discussed, details."""
    facts = [words("minutes-doc-submitter", submitter=words.quote(item.submitted_by))]
    if item.presenter:
        facts.append(words("minutes-doc-presenter", presenter=words.quote(item.presenter)))
    facts.append(words("minutes-doc-outcome", outcome=item.outcome))
    lead = words("minutes-doc-item", number=words.number(item.number), title=words.quote(item.title))
    notes = [_SEPARATOR.join(facts), *words.lines(item.details)]
    return [_Block("bullet", lead=lead), *(_Block("note", note) for note in notes)]


def _decision(decision: MinutesDecision, words: _Words) -> list[_Block]:
    """A decision, and the agenda item it was taken on."""
    lead = words("minutes-doc-decision", number=words.number(decision.number))
    blocks = [_Block("bullet", words.quote(decision.text), lead=lead)]
    if decision.item_number is not None:
        blocks.append(_Block("note", words("minutes-doc-decision-item", number=words.number(decision.item_number))))
    return blocks


def _action(action: MinutesAction, words: _Words) -> list[_Block]:
    """An action point, its owners and its due day."""
    if action.due_on is None:
        due = words("minutes-doc-no-due")
    else:
        due = words("minutes-doc-due", day=format_day(action.due_on, lang=words.lang))
    owners = words("minutes-doc-owners", owners=words.names(action.owners))
    lead = words("minutes-doc-action", number=words.number(action.number))
    return [_Block("bullet", words.quote(action.text), lead=lead), _Block("note", _SEPARATOR.join((owners, due)))]


def _footer(view: MinutesView, words: _Words) -> list[_Block]:
    """Once the minutes are published: "Published <day> · approved by …", the day as in the meeting's zone."""
    if view.published_at is None:
        return []
    day = view.published_at.astimezone(ZoneInfo(view.zone)).date()
    parts = [words("minutes-doc-published", day=format_day(day, lang=words.lang))]
    if view.approved_by:
        parts.append(words("minutes-doc-approved", names=words.names(view.approved_by)))
    return [_Block("footer", _SEPARATOR.join(parts))]


def _tidy(text: str, *, lang: str) -> str:
    """A rendered message without Fluent's isolation marks, except around text written in the other script."""

    def placeable(match: re.Match[str]) -> str:
        return match[0] if script_language(match[1]) not in (None, lang) else match[1]

    return _ISOLATED.sub(placeable, text)


def _escape(text: str) -> str:
    """Member-written text that Markdown shows as typed: no emphasis, links, HTML, headings, quotes or lists."""
    text = _MARKDOWN_SPECIAL.sub(r"\\\1", text)
    text = _MARKDOWN_LINE_MARK.sub(r"\1\\\2", text)
    return _MARKDOWN_LINE_NUMBER.sub(r"\1\\\2", text)


def _markdown_link(link: str) -> str:
    """A web link as a Markdown autolink; anything else escaped as plain text."""
    return f"<{link}>" if _PLAIN_LINK.fullmatch(link) else _escape(link)


def _markdown_block(block: _Block) -> str:
    if block.kind == "bullet":
        return f"- **{block.lead}** {block.text}".rstrip()
    return _MARKDOWN[block.kind].format(block.text)


def _right_to_left(text: str, *, lang: str | None, fallback: str) -> bool:
    """Whether text reads right to left: in `lang` when given, else by its first strong letter outside isolated text
    (Unicode's rule for a paragraph's direction), else in `fallback`."""
    if lang:
        return lang == "ar"
    depth = 0
    for char in text:
        if char == "\u2069":
            depth = max(depth - 1, 0)
        elif char in "\u2066\u2067\u2068":
            depth += 1
        elif depth == 0 and (kind := unicodedata.bidirectional(char)) in ("L", "R", "AL"):
            return kind != "L"
    return fallback == "ar"


def _word_paragraph(document: WordDocument, block: _Block, *, lang: str) -> None:
    """One paragraph in the block's style, right to left (`w:bidi`, which Word aligns to the right) when its text
    reads so, whatever the file's language `lang`; each run likewise.

    No `w:jc` is written: in a `w:bidi` paragraph Word reads jc "right" as the end of the line, the left edge."""
    paragraph = document.add_paragraph(style=_WORD_STYLES[block.kind])
    rtl = _right_to_left(block.lead + block.text, lang=block.lang, fallback=lang)
    if rtl:
        paragraph.paragraph_format.element.get_or_add_pPr().append(OxmlElement("w:bidi"))
    within = "ar" if rtl else "en"
    if block.lead:
        lead = f"{block.lead} " if block.text else block.lead
        _word_run(paragraph, lead, rtl=_right_to_left(lead, lang=block.lang, fallback=within), bold=True)
    if block.text:
        text_rtl = _right_to_left(block.text, lang=block.lang, fallback=within)
        _word_run(paragraph, block.text, rtl=text_rtl, italic=block.kind == "footer")


def _word_run(paragraph: Paragraph, text: str, *, rtl: bool, bold: bool = False, italic: bool = False) -> None:
    """A run of text (`rtl`: Arabic, set in Word's complex-script font); bold and italic are set for complex
    scripts too, which Word styles apart."""
    font = paragraph.add_run(_xml_text(text)).font
    font.rtl = rtl or None
    font.bold = font.cs_bold = bold or None
    font.italic = font.cs_italic = italic or None


def _describe(document: WordDocument, view: MinutesView, *, language: str) -> None:
    """The file's properties: the meeting's title and community, its language, and when it was published."""
    properties = document.core_properties
    properties.title, properties.comments = _xml_text(view.title), _xml_text(view.community)
    properties.language = language
    properties.author = properties.last_modified_by = "Tansiq"
    properties.created = properties.modified = (view.published_at or view.starts_at).astimezone(UTC)


def _xml_text(text: str) -> str:
    """Text Word can hold (and UTF-8 can encode): control characters (but tab and line breaks), lone surrogates and
    non-characters dropped. python-docx refuses them, so one in a member's title would make the download fail."""
    return _NOT_XML.sub("", text)


def _arabic_by_default(document: WordDocument) -> None:
    """Arabic (Saudi Arabia) as the language of the document's right-to-left text."""
    (language,) = document.styles.element.xpath("w:docDefaults/w:rPrDefault/w:rPr/w:lang")
    language.set(qn("w:bidi"), "ar-SA")
