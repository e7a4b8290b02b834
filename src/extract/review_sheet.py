"""Review without the browser: a CSV sheet per document, filled in by hand and applied to the log.

``export_sheet`` writes one row per record with its evidence in context and empty ``decision``,
``reason`` and ``reviewer`` columns. A curator writes accept / reject / edit in ``decision`` (or
simply changes a value cell, which counts as an edit), and adds a missed value as a new row with
``decision`` = add, its fields and its evidence. ``apply_sheet`` turns the sheet into validated
decisions; one bad row refuses the whole sheet with every problem listed, so nothing half-applies.
"""
from __future__ import annotations

import csv
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from . import corrections as log
from .curation import ReviewView, build_correction, build_edits, load_view, record_decisions
from .documents import Document, read_document

VALUE_COLUMNS = ["endpoint", "stat", "value", "unit", "not_reached", "timepoint_months", "grade", "count", "n",
                 "ci_low", "ci_high", "p_value", "arm", "arm_aliases", "trial"]
SHEET_COLUMNS = ["doc_id", "record_id", "review_status", "decision", "reason", "reviewer", *VALUE_COLUMNS,
                 "evidence", "context", "start", "end", "content_hash"]
CONTEXT = 80


class SheetError(ValueError):
    """A sheet that cannot be applied; lists every bad row."""


def context(text: str, start: int, end: int, width: int = CONTEXT) -> str:
    """The evidence marked with [[ ]] inside the text around it, on one line."""
    left = text[max(0, start - width):start]
    right = text[end:end + width]
    snippet = f"{'…' if start > width else ''}{left}[[{text[start:end]}]]{right}{'…' if end + width < len(text) else ''}"
    return " ".join(snippet.split())


def document_for(view: ReviewView, doc_id: str, raw_dir: Path | None = None) -> Document:
    """The document as the run read it: from --raw DIR if given, else the source path the run saw."""
    candidates = [raw_dir / f"{doc_id}{suffix}" for suffix in (".txt", ".pdf")] if raw_dir else []
    candidates.append(Path(view.source(doc_id)))
    for path in candidates:
        if str(path) and path.is_file():
            return read_document(path)
    raise FileNotFoundError(f"{doc_id}: source document not found (looked at {', '.join(map(str, candidates))}); "
                            "pass --raw DIR")


def export_sheet(out_dir: Path, doc_id: str, sheet: Path, raw_dir: Path | None = None) -> int:
    view = load_view(out_dir)
    if doc_id not in view.doc_ids():
        raise KeyError(f"unknown document {doc_id!r}; known: {', '.join(view.doc_ids())}")
    document = document_for(view, doc_id, raw_dir)
    rows = view.rows(doc_id)
    sheet.parent.mkdir(parents=True, exist_ok=True)
    with open(sheet, "w", encoding="utf-8-sig", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=SHEET_COLUMNS)
        writer.writeheader()
        for row in rows:
            cells = {k: log.format_field(row.get(k)) for k in VALUE_COLUMNS}
            writer.writerow({**cells, "doc_id": doc_id, "record_id": row["record_id"],
                             "review_status": row["review_status"], "evidence": row["evidence"],
                             "context": context(document.text, row["start"], row["end"]),
                             "start": row["start"], "end": row["end"], "content_hash": document.sha256})
    return len(rows)


@dataclass
class SheetResult:
    decisions: list[log.Correction] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)


def read_sheet(view: ReviewView, sheet: Path, reviewer: str = "", raw_dir: Path | None = None) -> SheetResult:
    """Sheet rows -> validated decisions (nothing written yet)."""
    result = SheetResult()
    documents: dict[str, Document] = {}
    with open(sheet, encoding="utf-8-sig", newline="") as fh:
        reader = csv.DictReader(fh)
        for row in reader:
            line = reader.line_num
            try:
                result.decisions += _row_decisions(view, row, reviewer, documents, raw_dir)
            except (log.CorrectionError, FileNotFoundError) as exc:
                result.problems.append(f"line {line} ({row.get('record_id') or row.get('evidence', '')[:40]}): {exc}")
    return result


def _row_decisions(view: ReviewView, row: dict[str, Any], reviewer: str, documents: dict[str, Document],
                   raw_dir: Path | None) -> list[log.Correction]:
    row = {k: (v or "").strip() for k, v in row.items() if k}
    decision = row.get("decision", "").lower()
    who = row.get("reviewer") or reviewer
    doc_id, record_id = row.get("doc_id", ""), row.get("record_id", "")
    if decision and decision not in ("accept", "reject", "edit", "add"):
        raise log.CorrectionError(f"decision must be accept, reject, edit or add, not {decision!r}")
    if decision == "add":
        if doc_id not in documents:
            documents[doc_id] = document_for(view, doc_id, raw_dir)
        record = {k: row.get(k, "") for k in VALUE_COLUMNS}
        record.update(evidence=row.get("evidence", ""), start=row.get("start") or 0)
        return [build_correction(view, doc_id, "add", _who(who), record=record, document=documents[doc_id])]
    current = view.record(record_id)
    if current is None:
        if not decision:
            return []
        return [build_correction(view, doc_id, decision, _who(who), record_id=record_id)]  # raises: stale
    if row.get("content_hash") and row["content_hash"] != view.sha256(doc_id):
        raise log.StaleRecordError("the document changed since this sheet was exported; export it again")
    changes = {k: row[k] for k in VALUE_COLUMNS if k in row and not _same(k, row[k], current.get(k))}
    out = build_edits(view, doc_id, _who(who), record_id, changes) if changes else []
    if decision in ("accept", "reject"):
        out.append(build_correction(view, doc_id, decision, _who(who), record_id=record_id, reason=row.get("reason", "")))
    elif decision == "edit" and not out:
        raise log.CorrectionError("decision is edit but no value cell was changed")
    return out


def _same(name: str, cell: str, value: Any) -> bool:
    """A cell Excel re-spelled (45 vs 45.0, TRUE vs true) is not an edit."""
    try:
        return log.parse_field(name, cell) == log.parse_field(name, log.format_field(value))
    except ValueError:
        return False


def _who(reviewer: str) -> str:
    if not reviewer:
        raise log.CorrectionError("no reviewer: fill the reviewer column or pass --reviewer NAME")
    return reviewer


def apply_sheet(out_dir: Path, sheet: Path, reviewer: str = "", raw_dir: Path | None = None) -> list[log.Correction]:
    """Record every decision of a sheet, or none when any row is bad."""
    view = load_view(out_dir)
    result = read_sheet(view, sheet, reviewer, raw_dir)
    if result.problems:
        raise SheetError("sheet not applied, nothing recorded:\n  " + "\n  ".join(result.problems))
    if result.decisions:
        record_decisions(out_dir, result.decisions)
    return result.decisions
