"""What a run changed: per document, values that appeared, disappeared or changed.

A value is identified by what it measures (endpoint, stat, grade, time point, arm) and its order
among values measuring the same thing in that document, not by its character offset: an edit
earlier in a file shifts every offset but should not report every later value as new. The
``changes`` table (Parquet + CSV) grows by one block of rows per run that changed something.
"""
from __future__ import annotations

from pathlib import Path

import pandas as pd

from .tables import CSV_ENCODING, atomic_write

CHANGES_NAME = "changes"
IDENTITY = ["endpoint", "stat", "grade", "timepoint_months", "arm"]
VALUE_FIELDS = ["value", "not_reached", "unit", "ci_low", "ci_high", "count", "n", "p_value", "trial"]
COLUMNS = ["run_id", "run_at", "doc_id", "change", "endpoint", "stat", "grade", "timepoint_months", "arm",
           "old_value", "new_value", "detail", "evidence", "record_id"]


def _plain(v):
    return None if v is None or (not isinstance(v, (list, str)) and pd.isna(v)) else v


def _records(rows: pd.DataFrame | list[dict]) -> list[dict]:
    return rows.to_dict("records") if isinstance(rows, pd.DataFrame) else rows


def _keyed(rows: list[dict]) -> dict[tuple, dict]:
    """Rows of one document by identity + occurrence number, in text order."""
    out: dict[tuple, dict] = {}
    seen: dict[tuple, int] = {}
    for row in sorted(rows, key=lambda r: r["start"]):
        ident = tuple(_plain(row[k]) for k in IDENTITY)
        seen[ident] = seen.get(ident, 0) + 1
        out[(*ident, seen[ident])] = row
    return out


def _row(doc_id: str, change: str, old: dict | None, new: dict | None, detail: str = "") -> dict:
    base = new or old or {}
    return {"doc_id": doc_id, "change": change, **{k: _plain(base.get(k)) for k in IDENTITY},
            "old_value": _plain(old.get("value")) if old else None,
            "new_value": _plain(new.get("value")) if new else None,
            "detail": detail, "evidence": base.get("evidence"), "record_id": base.get("record_id")}


def diff_document(doc_id: str, old: pd.DataFrame | list[dict], new: pd.DataFrame | list[dict]) -> list[dict]:
    """Appeared / disappeared / changed rows for one document (unchanged values are not listed)."""
    before, after = _keyed(_records(old)), _keyed(_records(new))
    out = []
    for key, row in after.items():
        if key not in before:
            out.append(_row(doc_id, "appeared", None, row))
            continue
        was = before[key]
        moved = [f"{f} {_plain(was.get(f))} -> {_plain(row.get(f))}" for f in VALUE_FIELDS
                 if _plain(was.get(f)) != _plain(row.get(f))]
        if moved:
            out.append(_row(doc_id, "changed", was, row, "; ".join(moved)))
    out += [_row(doc_id, "disappeared", row, None) for key, row in before.items() if key not in after]
    return out


def diff(old: pd.DataFrame | None, new: pd.DataFrame, doc_ids: set[str], missing: list[str],
         run_id: str, run_at) -> pd.DataFrame:
    """Changes for the documents extracted in this run, plus one ``missing`` row per vanished document."""
    old_by, new_by = _by_doc(old, doc_ids), _by_doc(new, doc_ids)
    rows = []
    for doc_id in sorted(doc_ids):
        rows += diff_document(doc_id, old_by.get(doc_id, []), new_by.get(doc_id, []))
    rows += [_row(doc_id, "missing", None, None, "file no longer in the inbox; its rows are kept") for doc_id in missing]
    frame = pd.DataFrame(rows, columns=COLUMNS)
    frame["run_id"] = run_id
    frame["run_at"] = pd.Timestamp(run_at)
    return frame


def _by_doc(frame: pd.DataFrame | None, doc_ids: set[str]) -> dict[str, list[dict]]:
    """Plain rows per document, converted once: pandas per document costs more than the diff."""
    out: dict[str, list[dict]] = {}
    if frame is None or frame.empty:
        return out
    for row in frame[frame["doc_id"].isin(doc_ids)].to_dict("records"):
        out.setdefault(row["doc_id"], []).append(row)
    return out


def read_changes(out_dir: str | Path) -> pd.DataFrame:
    path = Path(out_dir) / f"{CHANGES_NAME}.parquet"
    return pd.read_parquet(path) if path.exists() else pd.DataFrame(columns=COLUMNS)


def append_changes(out_dir: str | Path, frame: pd.DataFrame) -> dict[str, Path]:
    """Add this run's rows to ``changes.parquet`` / ``changes.csv``; nothing is written when there are none."""
    out = Path(out_dir)
    paths = {f"{CHANGES_NAME}.parquet": out / f"{CHANGES_NAME}.parquet", f"{CHANGES_NAME}.csv": out / f"{CHANGES_NAME}.csv"}
    if frame.empty:
        return {}
    old = read_changes(out)
    both = frame if old.empty else pd.concat([old, frame], ignore_index=True)
    for col in ("old_value", "new_value", "timepoint_months"):
        both[col] = both[col].astype("Float64")
    both["run_at"] = pd.to_datetime(both["run_at"], utc=True)
    atomic_write(paths[f"{CHANGES_NAME}.parquet"], lambda p: both.to_parquet(p, index=False))
    atomic_write(paths[f"{CHANGES_NAME}.csv"], lambda p: both.to_csv(p, index=False, encoding=CSV_ENCODING))
    return paths


def summary(frame: pd.DataFrame) -> pd.DataFrame:
    """One line per document: how many values appeared, disappeared, changed (or that it went missing)."""
    if frame.empty:
        return pd.DataFrame(columns=["doc_id", "appeared", "disappeared", "changed", "missing"])
    counts = frame.groupby(["doc_id", "change"]).size().unstack(fill_value=0)
    for col in ("appeared", "disappeared", "changed", "missing"):
        if col not in counts:
            counts[col] = 0
    return counts[["appeared", "disappeared", "changed", "missing"]].reset_index()


def markdown(frame: pd.DataFrame, limit: int = 200) -> str:
    """The run's changes for a Prefect artifact: per-document counts, then the changed values."""
    if frame.empty:
        return "No document changed in this run."
    lines = ["| document | appeared | disappeared | changed | missing |", "|---|---|---|---|---|"]
    lines += [f"| {r.doc_id} | {r.appeared} | {r.disappeared} | {r.changed} | {r.missing} |"
              for r in summary(frame).itertuples()]
    changed = frame[frame["change"] == "changed"].head(limit)
    if not changed.empty:
        lines += ["", "| document | endpoint | stat | grade | arm | change |", "|---|---|---|---|---|---|"]
        lines += [f"| {r.doc_id} | {r.endpoint} | {r.stat} | {r.grade or ''} | {r.arm or ''} | {r.detail} |"
                  for r in changed.itertuples()]
    return "\n".join(lines)
