"""The document ledger, ``documents.parquet``: which file was read when, with which bytes and rules.

A scheduled run reads the ledger to do only new work: a file whose bytes and extractor are the
same as last time is skipped, a new or edited file is extracted, a file gone from the inbox keeps
its rows and is marked ``missing``. The extractor version (a hash of the rule files and the
extraction modules) is part of the decision, so a rule change reprocesses every document.
"""
from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import datetime, timezone
from functools import lru_cache
from importlib import metadata
from pathlib import Path

import pandas as pd

from .tables import atomic_write

LEDGER_NAME = "documents.parquet"
COLUMNS = ["doc_id", "path", "sha256", "size", "first_seen", "last_processed", "status", "record_count", "error",
           "extractor"]
# Modules that move files and tables around but cannot change a record: editing them reprocesses nothing.
PLUMBING = frozenset({"__init__.py", "__main__.py", "cli.py", "runner.py", "tables.py", "golden.py", "ledger.py",
                      "changes.py", "incremental.py", "lock.py", "progress.py"})


@lru_cache(maxsize=1)
def extractor_version() -> str:
    """Package version plus a hash of every rule file and extraction module, as installed."""
    return code_hash(Path(__file__).parent)


def code_hash(package: Path) -> str:
    digest = hashlib.sha256()
    try:
        digest.update(metadata.version("endpoint-extract").encode())
    except metadata.PackageNotFoundError:  # running from a source tree without installing
        pass
    files = sorted(p for p in package.rglob("*") if p.is_file() and p.suffix in {".py", ".jsonl", ".json"}
                   and p.name not in PLUMBING and "__pycache__" not in p.parts)
    for path in files:
        digest.update(path.relative_to(package).as_posix().encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


@dataclass(frozen=True)
class Entry:
    """One file of the inbox and why it is (or is not) extracted in this run."""

    path: Path
    doc_id: str
    sha256: str
    size: int
    reason: str  # new | changed | rules | retry | returned | forced | duplicate | unchanged
    duplicate: bool = False


@dataclass
class Plan:
    todo: list[Entry] = field(default_factory=list)
    unchanged: list[Entry] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)  # doc_ids that left the inbox since the last run

    @property
    def nothing_to_do(self) -> bool:
        return not self.todo and not self.missing

    def counts(self) -> dict[str, int]:
        out: dict[str, int] = {}
        for e in self.todo:
            out[e.reason] = out.get(e.reason, 0) + 1
        out["unchanged"] = len(self.unchanged)
        out["missing"] = len(self.missing)
        return out


def read_ledger(out_dir: str | Path) -> pd.DataFrame:
    path = Path(out_dir) / LEDGER_NAME
    if not path.exists():
        return pd.DataFrame({c: pd.Series(dtype=object) for c in COLUMNS})
    frame = pd.read_parquet(path)
    for col in COLUMNS:
        if col not in frame:
            frame[col] = None
    return frame[COLUMNS]


def _doc_ids(paths: list[Path], owners: dict[str, str]) -> list[tuple[Path, str, bool]]:
    """The file stem, as ``runner.flag_duplicate_ids`` assigns it: a second file with one stem is a
    duplicate. The file the ledger already knows under a stem keeps it, so a newcomer cannot take it."""
    stems: dict[str, list[Path]] = {}
    for path in paths:
        stems.setdefault(path.stem, []).append(path)
    owner = {stem: next((p for p in group if p.name == owners.get(stem)), group[0]) for stem, group in stems.items()}
    return [(p, p.stem, False) if owner[p.stem] == p else (p, p.stem + p.suffix, True) for p in paths]


def plan(paths: list[Path], ledger: pd.DataFrame, version: str | None = None, force: bool = False) -> Plan:
    """Sort the inbox into work to do, files to skip and documents that went missing."""
    version = version or extractor_version()
    known = {row["doc_id"]: row for row in ledger.to_dict("records")}
    result = Plan()
    listed: set[str] = set()
    owners = {row["doc_id"]: Path(str(row["path"])).name for row in known.values()}
    for path, doc_id, duplicate in _doc_ids(paths, owners):
        listed.add(doc_id)
        try:
            sha, size = file_sha256(path), path.stat().st_size
        except OSError:
            sha, size = "", 0  # unreadable: extraction reports why
        old = known.get(doc_id)
        if duplicate:
            reason = "duplicate"
        elif force:
            reason = "forced"
        elif old is None:
            reason = "new"
        elif old["sha256"] != sha or not sha:
            reason = "changed"
        elif old["status"] == "missing":
            reason = "returned"
        elif old["extractor"] != version:
            reason = "rules"
        else:
            reason = "unchanged"
        entry = Entry(path, doc_id, sha, size, reason, duplicate)
        (result.unchanged if reason == "unchanged" else result.todo).append(entry)
    result.missing = sorted(d for d, row in known.items() if d not in listed and row["status"] != "missing")
    return result


def updated(ledger: pd.DataFrame, done: list[tuple[Entry, int, str | None]], missing: list[str],
            now: datetime | None = None, version: str | None = None) -> pd.DataFrame:
    """The ledger after a run: ``done`` holds (entry, record count, error reason or None) per extracted file."""
    now = now or datetime.now(timezone.utc)
    version = version or extractor_version()
    rows = {row["doc_id"]: row for row in ledger.to_dict("records")}
    for entry, records, error in done:
        old = rows.get(entry.doc_id, {})
        rows[entry.doc_id] = {
            "doc_id": entry.doc_id, "path": str(entry.path), "sha256": entry.sha256, "size": entry.size,
            "first_seen": old.get("first_seen") or now, "last_processed": now,
            "status": "error" if error else "ok", "record_count": records, "error": error, "extractor": version,
        }
    for doc_id in missing:
        rows[doc_id] = {**rows[doc_id], "status": "missing"}
    frame = pd.DataFrame(list(rows.values()), columns=COLUMNS)
    frame["size"] = frame["size"].astype("int64")
    frame["record_count"] = frame["record_count"].astype("int64")
    for col in ("first_seen", "last_processed"):
        frame[col] = pd.to_datetime(frame[col], utc=True)
    return frame.sort_values("doc_id", kind="stable").reset_index(drop=True)


def write_ledger(out_dir: str | Path, frame: pd.DataFrame) -> Path:
    path = Path(out_dir) / LEDGER_NAME
    atomic_write(path, lambda p: frame.to_parquet(p, index=False))
    return path
