"""FAQ entries in bulk: import and export as CSV or JSON Lines (from the command line, or a file sent in a 1:1 chat).

Columns (CSV header, or JSON keys): `number` (given: update that entry; empty: a new one), `question_en`,
`answer_en`, `question_ar`, `answer_ar` (several phrasings separated by `;` or new lines; in JSON also a list),
`tags` (comma-separated, or a list), `group` (a working group's name) and `source` (a link). Each row needs a
question and an answer in at least one language. Bad rows are reported by line number and skipped; good rows are
imported, each in a savepoint (a bad row leaves nothing behind), all in the caller's one transaction.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from dialogs.common.errors import UserError
from dialogs.common.language import LANGUAGES
from dialogs.common.replies import Reply
from dialogs.common.rights import require_facilitator
from dialogs.common.text import fold, parse_number
from dialogs.common.turn import Turn
from dialogs.questions import faq
from dialogs.questions.views import ImportReport
from storage import repositories as repo
from storage.models import Community, FaqEntry, Member, WorkingGroup

COLUMNS = ("number", "question_en", "answer_en", "question_ar", "answer_ar", "tags", "group", "source")
MAX_BYTES = 2 * 1024 * 1024
MAX_ROWS = 5000
MAX_SHOWN_PROBLEMS = 25
FORMATS = {"csv": "csv", "jsonl": "jsonl", "ndjson": "jsonl"}
FORMULA_STARTS = ("=", "+", "-", "@")
CSV_ENCODING = "utf-8-sig"  # a byte-order mark, so Excel reads Arabic

Row = tuple[int, dict[str, Any]]  # (line number, values by column)


@dataclass(frozen=True)
class Problem:
    """A row that was not imported: its line and why (a message key and its arguments)."""

    line: int
    key: str
    args: dict[str, Any] = field(default_factory=dict)


@dataclass
class ImportResult:
    """What an import did."""

    added: int = 0
    updated: int = 0
    problems: list[Problem] = field(default_factory=list)


def file_format(name: str) -> str:
    """'csv' or 'jsonl' by the file name's ending."""
    ending = name.rsplit(".", 1)[-1].casefold() if "." in name else ""
    found = FORMATS.get(ending)
    if found is None:
        raise UserError("faq-file-kind", name=name[:80])
    return found


def read_rows(name: str, data: bytes) -> list[Row]:
    """The rows of a CSV or JSONL file, with the line each starts on; file-level problems raise UserError."""
    if len(data) > MAX_BYTES:
        raise UserError("faq-file-too-big", limit=MAX_BYTES // 1024)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise UserError("faq-file-not-text", name=name[:80]) from exc
    rows = _csv_rows(text) if file_format(name) == "csv" else _jsonl_rows(text)
    if len(rows) > MAX_ROWS:
        raise UserError("faq-file-too-many-rows", count=len(rows), limit=MAX_ROWS)
    return rows


def _csv_rows(text: str) -> list[Row]:
    reader = csv.reader(io.StringIO(text, newline=""))
    try:
        header = [fold(cell).strip() for cell in next(reader)]
    except StopIteration:
        return []
    except csv.Error as exc:
        raise UserError("faq-file-header", given=str(exc)[:80]) from exc
    _check_columns(header)
    rows: list[Row] = []
    while True:
        line = reader.line_num + 1
        try:
            cells = next(reader)
        except StopIteration:
            return rows
        except csv.Error:
            rows.append((line, {"_error": "faq-row-unreadable"}))
            continue
        if any(cell.strip() for cell in cells):
            rows.append((line, dict(zip(header, [_undefused(cell) for cell in cells], strict=False))))


def _jsonl_rows(text: str) -> list[Row]:
    rows: list[Row] = []
    for line, raw in enumerate(text.splitlines(), start=1):
        if not raw.strip():
            continue
        try:
            value = json.loads(raw)
        except ValueError:
            value = None
        if not isinstance(value, dict):
            rows.append((line, {"_error": "faq-row-unreadable"}))
            continue
        row = {fold(str(key)).strip(): cell for key, cell in value.items()}
        unknown = sorted(set(row) - set(COLUMNS))
        rows.append((line, {"_error": "faq-row-columns", "_given": ", ".join(unknown)} if unknown else row))
    return rows


def _check_columns(header: Sequence[str]) -> None:
    unknown = [name for name in header if name not in COLUMNS]
    if unknown:
        raise UserError("faq-file-columns", given=", ".join(unknown)[:120], known=", ".join(COLUMNS))
    if not any(name.startswith("question_") for name in header):
        raise UserError("faq-file-header", given=", ".join(header)[:120])


def _cell(row: dict[str, Any], key: str) -> str:
    value = row.get(key)
    if value is None:
        return ""
    if isinstance(value, list):
        return "\n".join(str(item) for item in value)
    if isinstance(value, (dict, bool)):
        raise UserError("faq-row-value", column=key)
    return str(value)


def plan_of(row: dict[str, Any], *, groups: dict[str, WorkingGroup]) -> tuple[faq.EntryPlan, int | None]:
    """A row as an entry plan, and the number of the entry it updates (None: a new entry)."""
    if "_error" in row:
        raise UserError(row["_error"], given=row.get("_given", ""))
    number_text = _cell(row, "number").strip()
    number = parse_number(number_text) if number_text else None
    if number_text and number is None:
        raise UserError("faq-row-number", given=number_text[:20])
    plan = faq.EntryPlan(
        tags=faq.check_tags(faq.parse_tags(_cell(row, "tags"))) if "tags" in row else None,
        source=faq.check_source(_cell(row, "source")),
        source_given="source" in row,
        group_given="group" in row,
    )
    group_name = _cell(row, "group").strip()
    if group_name:
        plan.group = groups.get(fold(group_name))
        if plan.group is None:
            raise UserError("group-unknown", name=group_name[:60])
    for lang in LANGUAGES:
        questions, answer = faq.phrasings(_cell(row, f"question_{lang}")), _cell(row, f"answer_{lang}").strip()
        if questions or answer:
            plan.versions[lang] = (questions, answer)
    if not plan.versions and number is None:
        raise UserError("faq-question-missing")
    return plan, number


async def _groups_by_name(session: AsyncSession, *, community_id: int) -> dict[str, WorkingGroup]:
    """Every working group by folded name, closed ones too (an export names them); an open group wins a clash."""
    groups = await session.scalars(
        select(WorkingGroup)
        .where(WorkingGroup.community_id == community_id)
        .order_by(WorkingGroup.closed_at.is_(None), WorkingGroup.id)
    )
    return {fold(g.name): g for g in groups}


async def import_rows(
    session: AsyncSession, *, community: Community, actor: Member | None, rows: Sequence[Row], now: datetime
) -> ImportResult:
    """Import good rows, report bad ones; each row in a savepoint, all in the caller's transaction."""
    result = ImportResult()
    groups = await _groups_by_name(session, community_id=community.id)
    owners = await faq.phrasing_owners(session, community_id=community.id)
    for line, row in rows:
        try:
            async with session.begin_nested():
                plan, number = plan_of(row, groups=groups)
                if number is None:
                    await faq.create_entry(session, community=community, actor=actor, plan=plan, now=now, owners=owners)
                    result.added += 1
                else:
                    entry = await faq.find(session, community=community, number=number)
                    await faq.update_entry(session, entry, actor=actor, plan=plan, now=now, owners=owners)
                    result.updated += 1
        except UserError as error:
            result.problems.append(Problem(line, error.message_key, dict(error.args_)))
    repo.audit(
        session,
        community_id=community.id,
        actor=actor,
        action="faq.imported",
        object_type="community",
        object_id=community.id,
        after={"added": result.added, "updated": result.updated, "problems": len(result.problems)},
    )
    return result


async def import_upload(turn: Turn, *, name: str, data: bytes) -> Reply:
    """A file sent to the bot in a 1:1 chat (facilitators): its rows imported, its bad lines listed."""
    require_facilitator(turn.member)
    rows = read_rows(name, data)
    result = await import_rows(turn.session, community=turn.community, actor=turn.member, rows=rows, now=turn.now)
    report = ImportReport(failed=len(result.problems), problems=tuple(result.problems[:MAX_SHOWN_PROBLEMS]))
    return Reply.of("faq-imported", view=report, name=name, added=result.added, updated=result.updated)


# ---- export ------------------------------------------------------------------------------------------------


async def export_rows(session: AsyncSession, *, community_id: int) -> list[dict[str, Any]]:
    """Every entry of the community as a row (the import's columns), by number."""
    entries = await session.scalars(
        select(FaqEntry).where(FaqEntry.community_id == community_id).order_by(FaqEntry.number)
    )
    rows = []
    for entry in entries:
        row: dict[str, Any] = {"number": entry.number}
        for lang in LANGUAGES:
            version = entry.version(lang)
            row[f"question_{lang}"] = list(version.questions) if version else []
            row[f"answer_{lang}"] = version.answer if version else ""
        row.update(tags=list(entry.tags or ()), group=entry.group.name if entry.group else "", source=entry.source_url)
        rows.append(row)
    return rows


def to_csv(rows: Sequence[dict[str, Any]]) -> str:
    """Rows as CSV (phrasings one per line in their cell, tags comma-separated)."""
    out = io.StringIO(newline="")
    writer = csv.DictWriter(out, fieldnames=COLUMNS, lineterminator="\n")
    writer.writeheader()
    for row in rows:
        cells = {
            **row,
            **{key: "\n".join(row[key]) for key in COLUMNS if key.startswith("question_")},
            "tags": ", ".join(row["tags"]),
            "source": row["source"] or "",
        }
        writer.writerow({key: _defused(value) for key, value in cells.items()})
    return out.getvalue()


def _defused(value: Any) -> Any:
    """A text cell a spreadsheet would run as a formula (= + - @), behind a quote (`_csv_rows` takes it off)."""
    if isinstance(value, str) and value[:1] in FORMULA_STARTS:
        return "'" + value
    return value


def _undefused(cell: str) -> str:
    return cell[1:] if cell[:1] == "'" and cell[1:2] in FORMULA_STARTS and cell[1:2] else cell


def to_jsonl(rows: Sequence[dict[str, Any]]) -> str:
    """Rows as JSON Lines (UTF-8, Arabic unescaped)."""
    return "".join(json.dumps(row, ensure_ascii=False) + "\n" for row in rows)
