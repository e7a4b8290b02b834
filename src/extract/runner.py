"""Run the library over a folder: read, extract, validate, write. No Prefect here; the flow in
``flows/`` wires these same functions into tasks."""
from __future__ import annotations

import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable

from .budget import BudgetExceeded, time_budget
from .documents import iter_document_paths, read_document
from .errors import DocumentError, DocumentTimeoutError, InternalError, TooLargeError
from .nlp import MAX_TEXT_CHARS, build_nlp
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


DEFAULT_TIME_BUDGET_S = 60.0  # per document; the slowest full text in the corpus takes a few seconds


def process_path(path: Path, budget_s: float | None = None) -> DocumentOutcome:
    """One document; an unreadable or over-budget file becomes an error row instead of stopping the run."""
    build_nlp()  # cached; its one-off start-up must not count against the first document's budget
    try:
        try:
            with time_budget(budget_s) as budget:
                document = read_document(path)
                if len(document.text) > MAX_TEXT_CHARS:
                    raise TooLargeError(path, f"text has {len(document.text):,} characters, more than the "
                                              f"{MAX_TEXT_CHARS:,} one document may have; split it")
                budget.check("reading")
                result = extract_records(document)
                budget.check("extraction")
        except BudgetExceeded as exc:
            raise DocumentTimeoutError(path, f"{exc}; split the document or raise --time-budget") from None
        except DocumentError:
            raise
        except Exception as exc:  # noqa: BLE001 - a bug met on one document must not stop the run
            message = " ".join(str(exc).split())[:200]
            raise InternalError(path, f"extraction failed ({type(exc).__name__}: {message}); please report it") from exc
    except DocumentError as exc:
        return DocumentOutcome(path.stem, str(path), error=ErrorRow(doc_id=path.stem, source=str(path), code=exc.code, reason=str(exc)))
    return DocumentOutcome(document.doc_id, str(path), result.records, result.rejections,
                           sha256=document.sha256)


def process_paths(paths: Iterable[Path], budget_s: float | None = DEFAULT_TIME_BUDGET_S) -> list[DocumentOutcome]:
    return [process_path(Path(p), budget_s) for p in paths]


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


def own_output(path: Path, out_dir: Path) -> bool:
    """With OUT_DIR = INPUT_DIR, the run's own tables and the corrections log are not documents."""
    from .corrections import LOG_NAME
    from .tables import RUN_OUTPUTS

    return path.parent.resolve() == Path(out_dir).resolve() and path.name in {*RUN_OUTPUTS, LOG_NAME}


def run_directory(input_dir: Path, out_dir: Path,
                  progress: Callable[[int, int, DocumentOutcome], None] | None = None,
                  budget_s: float | None = DEFAULT_TIME_BUDGET_S) -> RunSummary:
    started = time.perf_counter()
    paths = [p for p in iter_document_paths(input_dir) if not own_output(p, out_dir)]
    outcomes = []
    for i, path in enumerate(paths, 1):
        outcome = process_path(path, budget_s)
        outcomes.append(outcome)
        if progress:
            progress(i, len(paths), outcome)
    outcomes = flag_duplicate_ids(outcomes)
    tables = write_outcomes(outcomes, out_dir)
    return RunSummary(len(outcomes), sum(len(o.records) for o in outcomes), sum(len(o.rejections) for o in outcomes),
                      sum(1 for o in outcomes if o.error), time.perf_counter() - started, tables, outcomes)
