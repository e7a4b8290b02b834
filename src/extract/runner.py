"""Run the library over a folder: read, extract, validate, write. No Prefect here; the flow in
``flows/`` wires these same functions into tasks."""
from __future__ import annotations

import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable

from .documents import iter_document_paths, read_document
from .errors import DocumentError
from .pipeline import extract_records
from .records import EndpointRecord, ErrorRow, Rejection
from .tables import write_tables


@dataclass
class DocumentOutcome:
    doc_id: str
    source: str
    records: list[EndpointRecord] = field(default_factory=list)
    rejections: list[Rejection] = field(default_factory=list)
    error: ErrorRow | None = None
    sha256: str = ""  # of the file read, so review decisions can tell when a document changed


@dataclass
class RunSummary:
    documents: int
    records: int
    rejections: int
    errors: int
    seconds: float
    tables: dict[str, Path]
    outcomes: list[DocumentOutcome]


def process_path(path: Path) -> DocumentOutcome:
    """One document; an unreadable file becomes an error row instead of stopping the run."""
    try:
        document = read_document(path)
    except DocumentError as exc:
        return DocumentOutcome(path.stem, str(path), error=ErrorRow(doc_id=path.stem, source=str(path), code=exc.code, reason=str(exc)))
    result = extract_records(document)
    return DocumentOutcome(document.doc_id, str(path), result.records, result.rejections,
                           sha256=document.sha256)


def process_paths(paths: Iterable[Path]) -> list[DocumentOutcome]:
    return [process_path(Path(p)) for p in paths]


def flag_duplicate_ids(outcomes: list[DocumentOutcome]) -> list[DocumentOutcome]:
    """Two files with one stem (a.txt, a.pdf) would share a doc_id: keep the first, report the rest."""
    seen: set[str] = set()
    out = []
    for o in outcomes:
        if o.doc_id in seen:
            reason = f"{o.source}: another file in the folder has the same name stem {o.doc_id!r}; rename one"
            o = DocumentOutcome(o.doc_id + Path(o.source).suffix, o.source,
                                error=ErrorRow(doc_id=o.doc_id + Path(o.source).suffix, source=o.source, code="duplicate_id", reason=reason))
        seen.add(o.doc_id)
        out.append(o)
    return out


def write_outcomes(outcomes: list[DocumentOutcome], out_dir: Path) -> dict[str, Path]:
    return write_tables(
        out_dir,
        [r for o in outcomes for r in o.records],
        [r for o in outcomes for r in o.rejections],
        [o.error for o in outcomes if o.error],
        {o.doc_id for o in outcomes},
        {o.doc_id: (str(Path(o.source).resolve()), o.sha256) for o in outcomes},
    )


def run_directory(input_dir: Path, out_dir: Path,
                  progress: Callable[[int, int, DocumentOutcome], None] | None = None) -> RunSummary:
    started = time.perf_counter()
    paths = iter_document_paths(input_dir)
    outcomes = []
    for i, path in enumerate(paths, 1):
        outcome = process_path(path)
        outcomes.append(outcome)
        if progress:
            progress(i, len(paths), outcome)
    outcomes = flag_duplicate_ids(outcomes)
    tables = write_outcomes(outcomes, out_dir)
    return RunSummary(len(outcomes), sum(len(o.records) for o in outcomes), sum(len(o.rejections) for o in outcomes),
                      sum(1 for o in outcomes if o.error), time.perf_counter() - started, tables, outcomes)
