"""Curated tables: records to pandas, written atomically as Parquet and CSV."""
from __future__ import annotations

import glob
import json
import os
import tempfile
import time
from pathlib import Path
from typing import Any, Callable, Iterable

import pandas as pd

from .records import PROVENANCE_FIELDS, SCHEMA_FIELDS, EndpointRecord, ErrorRow, Rejection

ENDPOINT_COLUMNS = ["doc_id", *SCHEMA_FIELDS, *[f for f in PROVENANCE_FIELDS if f != "doc_id"]]
REJECT_COLUMNS = list(Rejection.model_fields)
ERROR_COLUMNS = list(ErrorRow.model_fields)
CSV_ENCODING = "utf-8-sig"  # Excel shows ≥ and – correctly only with the BOM


def atomic_write(path: Path, write: Callable[[str], None]) -> None:
    """Write to a temporary file in the same folder, then rename: readers never see half a table."""
    atomic_write_all([(path, write)])


# every file a run writes into OUT_DIR (corrections.csv is the reviewers', never written by a run)
TABLE_OUTPUTS = ("endpoints.parquet", "endpoints.csv", "rejects.csv", "errors.csv", "extracted.parquet", "orphans.csv",
                 "documents.csv")
# ... and what an incremental run (`extract run`, the flow) adds: the ledger, the change log, the lock
RUN_OUTPUTS = (*TABLE_OUTPUTS, "documents.parquet", "changes.parquet", "changes.csv", ".lock")


def atomic_write_all(writes: list[tuple[Path, Callable[[str], None]]]) -> None:
    """Write every table to its temporary file first, then rename them all.

    A failure while writing (full disk, read-only folder, a kill) leaves every old table in place
    and no temporary file behind, so the set of tables never mixes old and new after an error.
    """
    for folder in {path.parent for path, _ in writes}:
        _remove_stale_temporaries(folder, {path.name for path, _ in writes})
    staged: list[tuple[str, Path]] = []
    try:
        for path, write in writes:
            path.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
            os.close(fd)
            staged.append((tmp, path))
            write(tmp)
            with open(tmp, "rb") as fh:
                os.fsync(fh.fileno())
        for tmp, path in staged:
            os.replace(tmp, path)
        for folder in {path.parent for _, path in staged}:
            _fsync_dir(folder)
    except BaseException:
        for tmp, _ in staged:
            Path(tmp).unlink(missing_ok=True)
        raise


STALE_TEMPORARY_S = 3600  # a writer still busy after an hour is gone (killed, machine lost power)


def _remove_stale_temporaries(folder: Path, names: set[str]) -> None:
    """Delete temporary files that a killed writer of these tables left behind over an hour ago.

    Younger ones may belong to a run still writing, so they stay; none of them is ever read.
    """
    if not folder.is_dir():
        return
    cutoff = time.time() - STALE_TEMPORARY_S
    for name in names:
        for leftover in folder.glob(f".{glob.escape(name)}.*.tmp"):
            try:
                if leftover.stat().st_mtime < cutoff:
                    leftover.unlink()
            except OSError:
                pass  # gone already, or not ours to delete: harmless either way


def _fsync_dir(folder: Path) -> None:
    """Make the renames themselves survive a power cut (POSIX; a no-op where folders cannot be opened)."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def records_frame(records: Iterable[EndpointRecord]) -> pd.DataFrame:
    rows = [r.model_dump() for r in records]
    frame = pd.DataFrame(rows, columns=ENDPOINT_COLUMNS)
    return _typed(frame)


def _typed(frame: pd.DataFrame) -> pd.DataFrame:
    for col in ("count", "n", "page", "start", "end"):
        frame[col] = frame[col].astype("Int64")
    for col in ("value", "timepoint_months", "ci_low", "ci_high"):
        frame[col] = frame[col].astype("Float64")
    frame["not_reached"] = frame["not_reached"].astype(bool)
    frame["arm_aliases"] = frame["arm_aliases"].apply(lambda v: list(v) if isinstance(v, (list, tuple)) else [])
    return frame


def _sorted(frame: pd.DataFrame, keys: list[str]) -> pd.DataFrame:
    return frame.sort_values(keys, kind="stable").reset_index(drop=True)


def read_endpoints(path: str | Path) -> pd.DataFrame:
    """Read a curated table back (Parquet or CSV) into the same columns and types."""
    path = Path(path)
    if path.suffix == ".parquet":
        frame = pd.read_parquet(path)
        frame["arm_aliases"] = frame["arm_aliases"].apply(lambda v: list(v) if v is not None else [])
    else:
        frame = pd.read_csv(path, encoding=CSV_ENCODING, dtype={"p_value": str, "grade": str})
        frame["arm_aliases"] = frame["arm_aliases"].apply(lambda v: json.loads(v) if isinstance(v, str) and v else [])
    for col in ENDPOINT_COLUMNS:
        if col not in frame:
            frame[col] = None
    return _typed(frame[ENDPOINT_COLUMNS].copy())


def table_rows(frame: pd.DataFrame) -> list[dict[str, Any]]:
    """Plain dicts with None for missing cells (what the golden comparison expects)."""
    rows = frame.astype(object).where(frame.notna(), None).to_dict("records")
    return rows


def _merge(old: pd.DataFrame | None, new: pd.DataFrame, replaced: set[str]) -> pd.DataFrame:
    """Rows of documents processed in this run replace their old rows; other documents stay."""
    if old is None or old.empty:
        return new
    kept = old[~old["doc_id"].astype(str).isin(replaced)]
    if kept.empty:
        return new
    if new.empty:
        return kept.reset_index(drop=True)
    return pd.concat([kept, new], ignore_index=True)


def _read_existing(path: Path, reader: Callable[[Path], pd.DataFrame]) -> pd.DataFrame | None:
    return reader(path) if path.exists() else None


def write_tables(out_dir: str | Path, records: list[EndpointRecord], rejections: list[Rejection],
                 errors: list[ErrorRow], processed: set[str],
                 documents: dict[str, tuple[str, str]] | None = None) -> dict[str, Path]:
    """Write endpoints (Parquet + CSV), rejects and errors; re-running adds no duplicates.

    The extractor's own rows go to extracted.parquet; endpoints.* are those rows with the review
    log (corrections.csv) applied, so every run keeps the curators' decisions. ``documents`` maps
    doc_id -> (source, sha256) for the documents of this run.
    """
    from .curation import DOCUMENTS_NAME, EXTRACTED_NAME, ORPHANS_NAME, curate_frames, documents_table  # curation imports this module

    out = Path(out_dir)
    paths = {name: out / name for name in ("endpoints.parquet", "endpoints.csv", "rejects.csv", "errors.csv")}
    extracted_path = out / EXTRACTED_NAME
    base = extracted_path if extracted_path.exists() else paths["endpoints.parquet"]
    endpoints = _merge(_read_existing(base, read_endpoints), records_frame(records), processed)
    endpoints = _sorted(endpoints.drop_duplicates("record_id"), ["doc_id", "start", "endpoint", "stat", "record_id"])
    rejects = _merge(_read_existing(paths["rejects.csv"], _read_csv), pd.DataFrame(
        [r.model_dump() for r in rejections], columns=REJECT_COLUMNS), processed)
    errs = _merge(_read_existing(paths["errors.csv"], _read_csv), pd.DataFrame(
        [e.model_dump() for e in errors], columns=ERROR_COLUMNS), processed)
    docs = documents_table(out, documents or {})
    applied = curate_frames(out, endpoints, dict(zip(docs["doc_id"], docs["sha256"])))
    curated = applied.curated
    csv_view = curated.copy()
    csv_view["arm_aliases"] = csv_view["arm_aliases"].apply(lambda v: json.dumps(list(v), ensure_ascii=False))
    # staged together, then renamed: a failed write keeps the whole old set
    atomic_write_all([
        (extracted_path, lambda p: endpoints.to_parquet(p, index=False)),
        (paths["endpoints.parquet"], lambda p: curated.to_parquet(p, index=False)),
        (paths["endpoints.csv"], lambda p: csv_view.to_csv(p, index=False, encoding=CSV_ENCODING)),
        (paths["rejects.csv"], lambda p: _sorted(rejects, ["doc_id", "start"]).to_csv(p, index=False, encoding=CSV_ENCODING)),
        (paths["errors.csv"], lambda p: _sorted(errs, ["doc_id"]).to_csv(p, index=False, encoding=CSV_ENCODING)),
        (out / ORPHANS_NAME, lambda p: applied.orphans.to_csv(p, index=False, encoding=CSV_ENCODING)),
        (out / DOCUMENTS_NAME, lambda p: docs.to_csv(p, index=False, encoding=CSV_ENCODING)),
    ])
    return paths


def write_endpoint_files(out: Path, endpoints: pd.DataFrame) -> None:
    """endpoints.parquet and its Excel-friendly CSV twin."""
    csv_view = endpoints.copy()
    csv_view["arm_aliases"] = csv_view["arm_aliases"].apply(lambda v: json.dumps(list(v), ensure_ascii=False))
    atomic_write(out / "endpoints.parquet", lambda p: endpoints.to_parquet(p, index=False))
    atomic_write(out / "endpoints.csv", lambda p: csv_view.to_csv(p, index=False, encoding=CSV_ENCODING))


def _read_csv(path: Path) -> pd.DataFrame:
    return pd.read_csv(path, encoding=CSV_ENCODING, dtype=str, keep_default_na=False)
