"""Applying the corrections log to the extractor's table: the curated table and the orphan list.

Every run keeps the extractor's own rows in ``extracted.parquet`` and derives ``endpoints`` from
them plus the log, so a decision can be changed later (a rejection undone, an edit replaced)
without losing the original. Decisions whose record is no longer produced are never dropped: they
go to ``orphans.csv`` with the reason (document changed, rules changed, document gone).
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pandas as pd
from pydantic import ValidationError

from . import corrections as log
from .records import EndpointRecord, make_record_id
from .tables import CSV_ENCODING, ENDPOINT_COLUMNS, _typed, atomic_write, read_endpoints, table_rows

EXTRACTED_NAME = "extracted.parquet"
DOCUMENTS_NAME = "documents.csv"
ORPHANS_NAME = "orphans.csv"
DOCUMENT_COLUMNS = ["doc_id", "source", "sha256"]
ORPHAN_COLUMNS = ["record_id", "doc_id", "status", "kind", "message", "decided_hash", "current_hash",
                  "reviewer", "timestamp", "evidence"]
CURATED_COLUMNS = [*ENDPOINT_COLUMNS, "review_status"]
SORT_KEYS = ["doc_id", "start", "endpoint", "stat", "record_id"]


@dataclass
class Applied:
    """All rows with their review status (rejected ones too, for the page) and the orphans."""

    rows: pd.DataFrame
    orphans: pd.DataFrame

    @property
    def curated(self) -> pd.DataFrame:
        kept = self.rows[self.rows["review_status"] != "rejected"]
        return kept.reset_index(drop=True)


def _valid(row: dict[str, Any]) -> tuple[dict[str, Any] | None, str]:
    fields = {k: (None if isinstance(v, float) and v != v else v) for k, v in row.items() if k in ENDPOINT_COLUMNS}
    fields["arm_aliases"] = list(fields.get("arm_aliases") or [])
    for name in ("not_reached", "rule", "source", "record_id"):  # defaults, not nulls
        if fields.get(name) is None:
            fields.pop(name, None)
    try:
        return EndpointRecord.model_validate(fields).model_dump(), ""
    except ValidationError as exc:
        return None, log.short_errors(exc)


def _orphan(state: log.RecordState, kind: str, message: str, current: str) -> dict[str, Any]:
    return {"record_id": state.record_id, "doc_id": state.doc_id, "status": state.status, "kind": kind,
            "message": message, "decided_hash": state.content_hash, "current_hash": current,
            "reviewer": state.reviewer, "timestamp": state.timestamp, "evidence": state.evidence}


def apply_log(extracted: pd.DataFrame, states: dict[str, log.RecordState], hashes: dict[str, str],
              invalid: list[tuple[int, dict[str, str], str]] = ()) -> Applied:
    """Extractor rows + decisions -> rows with ``review_status``; unmatched decisions -> orphans."""
    rows, orphans = [], []
    produced = set()
    for row in table_rows(extracted):
        produced.add(row["record_id"])
        state = states.get(row["record_id"])
        if state is None:
            rows.append({**row, "review_status": "unreviewed"})
            continue
        changes = dict(state.overrides)
        if state.added is not None:  # the extractor now finds a value a reviewer had added
            changes = {**{k: v for k, v in state.added.items() if k in log.EDITABLE}, **changes}
        record, problem = _valid({**row, **changes})
        if record is None:
            orphans.append(_orphan(state, "invalid_edit", f"the edit no longer fits the extracted record: {problem}",
                                   hashes.get(state.doc_id, "")))
            rows.append({**row, "review_status": "unreviewed"})
            continue
        edited = any(record.get(k) != row.get(k) for k in changes)
        status = "rejected" if state.rejected else "edited" if edited else "accepted" if state.decisions else "unreviewed"
        rows.append({**record, "review_status": status})
    for state in states.values():
        if state.record_id in produced:
            continue
        current = hashes.get(state.doc_id, "")
        if state.added is not None and current and state.content_hash == current:
            record, problem = _valid({**state.added, **state.overrides, "record_id": state.record_id})
            if record is not None:
                rows.append({**record, "review_status": "rejected" if state.rejected else "added"})
                continue
            orphans.append(_orphan(state, "invalid_edit", f"the added record is not valid: {problem}", current))
        elif not current:
            orphans.append(_orphan(state, "document_missing", "the document is not in the curated tables any more", current))
        elif state.content_hash and state.content_hash != current:
            orphans.append(_orphan(state, "document_changed",
                                   "the document changed since this decision; re-review its values", current))
        else:
            orphans.append(_orphan(state, "not_produced",
                                   "the extractor no longer produces this record (rules changed); re-review", current))
    for line, row, message in invalid:
        orphans.append({"record_id": row.get("record_id", ""), "doc_id": row.get("doc_id", ""),
                        "status": row.get("action", ""), "kind": "invalid_row",
                        "message": f"corrections.csv line {line}: {message}", "decided_hash": row.get("content_hash", ""),
                        "current_hash": hashes.get(row.get("doc_id", ""), ""), "reviewer": row.get("reviewer", ""),
                        "timestamp": row.get("timestamp", ""), "evidence": row.get("evidence", "")})
    frame = pd.DataFrame(rows, columns=CURATED_COLUMNS)
    frame = _typed(frame).sort_values(SORT_KEYS, kind="stable").reset_index(drop=True)
    return Applied(frame, pd.DataFrame(orphans, columns=ORPHAN_COLUMNS))


# ---- the output folder -----------------------------------------------------------------------------

def read_documents(out_dir: Path) -> pd.DataFrame:
    path = Path(out_dir) / DOCUMENTS_NAME
    if not path.exists():
        return pd.DataFrame(columns=DOCUMENT_COLUMNS)
    return pd.read_csv(path, encoding=CSV_ENCODING, dtype=str, keep_default_na=False)


def documents_table(out_dir: Path, documents: dict[str, tuple[str, str]]) -> pd.DataFrame:
    """documents.csv with this run's documents (source, sha256) merged in."""
    old = read_documents(out_dir)
    new = pd.DataFrame([{"doc_id": d, "source": s, "sha256": h} for d, (s, h) in documents.items()],
                       columns=DOCUMENT_COLUMNS)
    return pd.concat([old[~old["doc_id"].isin(documents)], new], ignore_index=True).sort_values("doc_id")


def curate_frames(out_dir: Path, extracted: pd.DataFrame, hashes: dict[str, str]) -> Applied:
    """The log applied to the extractor's table: curated rows and orphans, nothing written."""
    read = log.read_log(Path(out_dir) / log.LOG_NAME)
    return apply_log(extracted, log.replay(read.decisions), hashes, read.invalid)


def curate(out_dir: Path, extracted: pd.DataFrame, hashes: dict[str, str]) -> pd.DataFrame:
    """Apply the log to the extractor's table; write orphans.csv; return the curated table."""
    applied = curate_frames(out_dir, extracted, hashes)
    atomic_write(Path(out_dir) / ORPHANS_NAME,
                 lambda p: applied.orphans.to_csv(p, index=False, encoding=CSV_ENCODING))
    return applied.curated


# ---- the current state, for the review page, sheets and gold files ---------------------------------

@dataclass
class ReviewView:
    out_dir: Path
    extracted: pd.DataFrame
    documents: pd.DataFrame
    applied: Applied
    states: dict[str, log.RecordState]

    def doc_ids(self) -> list[str]:
        return sorted(set(self.documents["doc_id"]) | set(self.extracted["doc_id"].astype(str)))

    def sha256(self, doc_id: str) -> str:
        hit = self.documents[self.documents["doc_id"] == doc_id]["sha256"]
        return str(hit.iloc[0]) if len(hit) else ""

    def source(self, doc_id: str) -> str:
        hit = self.documents[self.documents["doc_id"] == doc_id]["source"]
        return str(hit.iloc[0]) if len(hit) else ""

    def rows(self, doc_id: str) -> list[dict[str, Any]]:
        """Every record of a document with its status, rejected ones included, in text order."""
        return table_rows(self.applied.rows[self.applied.rows["doc_id"].astype(str) == doc_id])

    def orphans(self, doc_id: str | None = None) -> list[dict[str, Any]]:
        frame = self.applied.orphans
        if doc_id is not None:
            frame = frame[frame["doc_id"] == doc_id]
        return frame.astype(object).where(frame.notna(), None).to_dict("records")

    def record(self, record_id: str) -> dict[str, Any] | None:
        hit = self.applied.rows[self.applied.rows["record_id"] == record_id]
        return table_rows(hit)[0] if len(hit) else None


def load_view(out_dir: str | Path) -> ReviewView:
    """Read the extractor's table, the documents and the log of an output folder."""
    out = Path(out_dir)
    path = out / EXTRACTED_NAME
    if not path.exists():
        raise FileNotFoundError(f"{out}: no {EXTRACTED_NAME}; run `python -m extract run INPUT_DIR --out {out}` first")
    extracted = read_endpoints(path)
    documents = read_documents(out)
    read = log.read_log(out / log.LOG_NAME)
    states = log.replay(read.decisions)
    hashes = dict(zip(documents["doc_id"], documents["sha256"]))
    return ReviewView(out, extracted, documents, apply_log(extracted, states, hashes, read.invalid), states)


def refresh(out_dir: str | Path) -> pd.DataFrame:
    """Re-derive endpoints.parquet/csv and orphans.csv after new decisions, without re-extracting."""
    from .tables import write_endpoint_files

    view = load_view(out_dir)
    hashes = dict(zip(view.documents["doc_id"], view.documents["sha256"]))
    curated = curate(Path(out_dir), view.extracted, hashes)
    write_endpoint_files(Path(out_dir), curated)
    return curated


# ---- recording decisions, validated against the current table ----------------------------------

def build_correction(view: ReviewView, doc_id: str, action: str, reviewer: str, record_id: str = "",
                     field: str = "", new_value: Any = "", reason: str = "", record: dict[str, Any] | None = None,
                     document=None) -> log.Correction:
    """A decision checked against the record it names; raises CorrectionError with the reason."""
    if doc_id not in view.doc_ids():
        raise log.CorrectionError(f"unknown document {doc_id!r}")
    sha = view.sha256(doc_id)
    base = {"reviewer": reviewer, "doc_id": doc_id, "content_hash": sha, "action": action, "reason": reason}
    if action == "add":
        return _add(view, base, record or {}, document)
    current = view.record(record_id) if record_id else None
    if current is None or str(current["doc_id"]) != doc_id:
        raise log.StaleRecordError(f"record {record_id!r} is not in the curated table of {doc_id} any more "
                                   "(the document or the rules changed since it was shown); reload and review again")
    base.update(record_id=record_id, evidence=str(current.get("evidence") or ""))
    if action == "edit":
        return build_edits(view, doc_id, reviewer, record_id, {field: new_value})[0]
    return _model(base)


def build_edits(view: ReviewView, doc_id: str, reviewer: str, record_id: str,
                changes: dict[str, Any]) -> list[log.Correction]:
    """One edit row per changed field, checked together (stat and unit often change as a pair)."""
    current = view.record(record_id)
    if current is None or str(current["doc_id"]) != doc_id:
        raise log.StaleRecordError(f"record {record_id!r} is not in the curated table of {doc_id} any more "
                                   "(the document or the rules changed since it was shown); reload and review again")
    parsed: dict[str, Any] = {}
    texts: dict[str, str] = {}
    for name, value in changes.items():
        if name not in log.EDITABLE:
            raise log.CorrectionError(f"field {name!r} cannot be edited; editable: {', '.join(sorted(log.EDITABLE))}")
        texts[name] = value if isinstance(value, str) else log.format_field(value)
        try:
            parsed[name] = log.parse_field(name, texts[name])
        except ValueError as exc:
            raise log.CorrectionError(f"{name}: {exc}") from None
    if not parsed:
        raise log.CorrectionError("an edit needs at least one changed field")
    candidate, problem = _valid({**current, **parsed})
    if candidate is None:
        shown = ", ".join(f"{k} = {v!r}" for k, v in texts.items())
        raise log.CorrectionError(f"{shown} refused: {problem}")
    base = {"reviewer": reviewer, "doc_id": doc_id, "content_hash": view.sha256(doc_id), "action": "edit",
            "record_id": record_id, "evidence": str(current.get("evidence") or "")}
    return [_model({**base, "field": k, "old_value": log.format_field(current.get(k)),
                    "new_value": log.format_field(v)}) for k, v in parsed.items()]


def _model(fields: dict[str, Any]) -> log.Correction:
    try:
        return log.Correction.model_validate(fields)
    except ValidationError as exc:
        raise log.CorrectionError(log.short_errors(exc)) from None


def _add(view: ReviewView, base: dict[str, Any], record: dict[str, Any], document) -> log.Correction:
    if document is None:
        raise log.CorrectionError("adding a value needs the document text to check its evidence")
    evidence = str(record.get("evidence") or "")
    if not evidence.strip():
        raise log.CorrectionError("select the evidence of the missed value in the text")
    start = int(record.get("start") or 0)
    text = document.text
    if text[start:start + len(evidence)] != evidence:
        hits = [i for i in _find_all(text, evidence)]
        if not hits:
            raise log.CorrectionError("the evidence is not verbatim in the document")
        start = min(hits, key=lambda i: abs(i - start))
    fields = {k: record.get(k) for k in log.EDITABLE if k in record}
    typed = {}
    for k, v in fields.items():
        try:
            typed[k] = log.parse_field(k, v) if isinstance(v, str) or v is None else v
        except ValueError as exc:
            raise log.CorrectionError(f"{k}: {exc}") from None
    full = {**typed, "doc_id": base["doc_id"], "start": start, "end": start + len(evidence), "evidence": evidence,
            "page": document.page_at(start), "rule": "review", "source": f"reviewer:{base['reviewer']}"}
    full["record_id"] = make_record_id(full, base["content_hash"])
    checked, problem = _valid(full)
    if checked is None:
        raise log.CorrectionError(f"added value refused: {problem}")
    if view.record(full["record_id"]) is not None:
        raise log.CorrectionError(f"this value is already in the table (record {full['record_id']}); edit it instead")
    base.update(record_id=full["record_id"], field=log.ADD_FIELD, evidence=evidence,
                new_value=json.dumps(checked, ensure_ascii=False))
    return _model(base)


def _find_all(text: str, needle: str):
    i = text.find(needle)
    while i >= 0:
        yield i
        i = text.find(needle, i + 1)


def record_decisions(out_dir: str | Path, corrections: list[log.Correction]) -> pd.DataFrame:
    """Append validated decisions to the log and refresh the curated table at once."""
    log.append(Path(out_dir) / log.LOG_NAME, corrections)
    return refresh(out_dir)
