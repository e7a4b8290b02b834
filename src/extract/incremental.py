"""Incremental runs over an inbox: plan against the ledger, extract only new work, write, report changes.

``run_inbox`` is what ``python -m extract run`` calls; the Prefect flow calls the same three steps
(``plan_inbox``, ``iter_outcomes``, ``commit``) as tasks. The output tables are the same as a full
run's: skipped documents simply keep the rows they already have.
"""
from __future__ import annotations

from functools import partial

import multiprocessing
import time
import uuid
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Callable, Iterable, Iterator

import pandas as pd

from . import changes as changes_mod
from . import ledger
from .documents import iter_document_paths
from .lock import exclusive
from .records import ErrorRow
from .runner import DEFAULT_TIME_BUDGET_S, DocumentOutcome, own_output, process_path, write_outcomes
from .tables import read_endpoints, records_frame


@dataclass
class IncrementalRun:
    run_id: str
    run_at: datetime
    plan: ledger.Plan
    outcomes: list[DocumentOutcome] = field(default_factory=list)
    changes: pd.DataFrame = field(default_factory=lambda: pd.DataFrame(columns=changes_mod.COLUMNS))
    tables: dict[str, Path] = field(default_factory=dict)
    unreadable: int = 0  # documents in the inbox whose latest extraction failed, skipped ones included
    seconds: float = 0.0

    @property
    def documents(self) -> int:
        return len(self.outcomes)

    @property
    def records(self) -> int:
        return sum(len(o.records) for o in self.outcomes)

    @property
    def rejections(self) -> int:
        return sum(len(o.rejections) for o in self.outcomes)

    @property
    def errors(self) -> int:
        return sum(1 for o in self.outcomes if o.error)

    def change_counts(self) -> dict[str, int]:
        counts = self.changes["change"].value_counts() if not self.changes.empty else {}
        return {k: int(counts.get(k, 0)) for k in ("appeared", "disappeared", "changed", "missing")}


def new_run_id() -> str:
    return datetime.now(timezone.utc).strftime("%Y%m%dT%H%M%SZ-") + uuid.uuid4().hex[:6]


def plan_inbox(input_dir: str | Path, out_dir: str | Path, force: bool = False) -> ledger.Plan:
    paths = [p for p in iter_document_paths(input_dir) if not own_output(p, Path(out_dir))]
    return ledger.plan(paths, ledger.read_ledger(out_dir), force=force)


def process_entry(entry: ledger.Entry, budget_s: float | None = DEFAULT_TIME_BUDGET_S) -> DocumentOutcome:
    """Extract one planned file; a second file with the same stem is reported, not read."""
    if entry.duplicate:
        reason = f"{entry.path}: another file in the folder has the same name stem {entry.path.stem!r}; rename one"
        return DocumentOutcome(entry.doc_id, str(entry.path), error=ErrorRow(
            doc_id=entry.doc_id, source=str(entry.path), code="duplicate_id", reason=reason))
    return process_path(entry.path, budget_s)


def iter_outcomes(entries: Iterable[ledger.Entry], workers: int = 1, chunksize: int = 8,
                  budget_s: float | None = DEFAULT_TIME_BUDGET_S) -> Iterator[DocumentOutcome]:
    """Outcomes in input order; ``workers > 1`` extracts in that many processes. Documents are read
    inside the worker and only records come back, so memory does not grow with document size."""
    work = partial(process_entry, budget_s=budget_s)
    if workers <= 1:
        yield from map(work, entries)
        return
    # Workers fork from a clean server process, never from the caller: forking a process that runs
    # threads (a Prefect flow does) can copy a held lock into the child and hang it.
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(["extract.pipeline"])
    with ProcessPoolExecutor(max_workers=workers, mp_context=context) as pool:
        yield from pool.map(work, entries, chunksize=chunksize)


def commit(out_dir: str | Path, plan: ledger.Plan, outcomes: list[DocumentOutcome], run_id: str,
           run_at: datetime) -> tuple[dict[str, Path], pd.DataFrame]:
    """Write tables, the run's changes and the ledger, in that order (a crash before the ledger makes
    the next run redo the work, which is idempotent). Writes nothing when there is nothing new."""
    out = Path(out_dir)
    if plan.nothing_to_do:
        return {}, pd.DataFrame(columns=changes_mod.COLUMNS)
    # the extractor's own rows (before review decisions), so changes are the extractor's changes
    endpoints = out / "extracted.parquet" if (out / "extracted.parquet").exists() else out / "endpoints.parquet"
    old = read_endpoints(endpoints) if endpoints.exists() else None
    new = records_frame(r for o in outcomes for r in o.records)
    processed = {o.doc_id for o in outcomes}
    changed = changes_mod.diff(old, new, processed, plan.missing, run_id, run_at)
    tables = write_outcomes(outcomes, out) if outcomes else {}
    tables.update(changes_mod.append_changes(out, changed))
    by_id = {o.doc_id: o for o in outcomes}
    done = [(e, len(by_id[e.doc_id].records), by_id[e.doc_id].error.reason if by_id[e.doc_id].error else None)
            for e in plan.todo if e.doc_id in by_id]
    book = ledger.updated(ledger.read_ledger(out), done, plan.missing, now=run_at)
    tables[ledger.LEDGER_NAME] = ledger.write_ledger(out, book)
    return tables, changed


def _unreadable(out_dir: Path, plan: ledger.Plan) -> int:
    listed = {e.doc_id for e in plan.todo} | {e.doc_id for e in plan.unchanged}
    book = ledger.read_ledger(out_dir)
    return int(((book["status"] == "error") & book["doc_id"].isin(listed)).sum())


def run_inbox(input_dir: str | Path, out_dir: str | Path, workers: int = 1, force: bool = False,
              progress: Callable[[int, int, DocumentOutcome], None] | None = None,
              lock_timeout: float | None = None, waiting: Callable[[str], None] | None = None,
              budget_s: float | None = DEFAULT_TIME_BUDGET_S) -> IncrementalRun:
    """One incremental run, holding the output folder's lock from planning to the ledger write."""
    started = time.perf_counter()
    with exclusive(out_dir, lock_timeout, waiting):
        run = IncrementalRun(new_run_id(), datetime.now(timezone.utc), plan_inbox(input_dir, out_dir, force))
        total = len(run.plan.todo)
        for i, outcome in enumerate(iter_outcomes(run.plan.todo, workers, budget_s=budget_s), 1):
            run.outcomes.append(outcome)
            if progress:
                progress(i, total, outcome)
        run.tables, run.changes = commit(out_dir, run.plan, run.outcomes, run.run_id, run.run_at)
        run.unreadable = _unreadable(Path(out_dir), run.plan)
    run.seconds = time.perf_counter() - started
    return run
