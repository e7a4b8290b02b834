"""Ingestion flow: raw documents -> validated endpoint records -> curated tables -> golden check.

A thin Prefect wiring over the ``extract`` library: each task is one library call; retries,
batching, logging and the run artifacts are the only things added here. Runs are incremental
(the ledger in curated/documents.parquet decides what is new) and hold curated/.lock, so a
scheduled run that overlaps a long one waits instead of writing beside it.

    python flows/ingest.py                      # raw/ -> curated/, scored against tests/golden
    python flows/ingest.py --raw inbox --curated out --gold none --workers 2
    python flows/ingest.py --dask tcp://scheduler:8786   # batches on an existing Dask cluster
    python flows/serve.py --cron "0 6 * * 1"    # the scheduled deployment (see README)
"""
from __future__ import annotations

import argparse
import os
import time
from datetime import datetime
from pathlib import Path

os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")

import pandas as pd  # noqa: E402
from prefect import flow, get_run_logger, task  # noqa: E402
from prefect.artifacts import create_markdown_artifact  # noqa: E402
from prefect.cache_policies import NO_CACHE  # noqa: E402
from prefect.task_runners import ThreadPoolTaskRunner  # noqa: E402

from extract import changes, golden, incremental, ledger, lock, runner, tables  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent


# ---- Extract -----------------------------------------------------------------------------------

@task(retries=2, retry_delay_seconds=[1, 5], cache_policy=NO_CACHE)
def plan_run(raw_dir: Path, curated_dir: Path, force: bool = False) -> ledger.Plan:
    """New, edited and rule-affected files are work; unchanged ones are skipped; vanished ones marked.
    Own task with retries: a folder on a network share may need one."""
    plan = incremental.plan_inbox(raw_dir, curated_dir, force=force)
    get_run_logger().info("plan: %s", ", ".join(f"{k} {v}" for k, v in plan.counts().items()))
    return plan


@task(cache_policy=NO_CACHE)
def extract_batch(entries: list[ledger.Entry], number: int = 1, of: int = 1,
                  workers: int = 1) -> list[runner.DocumentOutcome]:
    """One task per batch of documents, not per record: task overhead stays small."""
    started = time.perf_counter()
    outcomes = list(incremental.iter_outcomes(entries, workers))
    seconds = time.perf_counter() - started
    logger = get_run_logger()
    for o in outcomes:
        if o.error:
            logger.warning("unreadable: %s", o.error.reason)
    logger.info("batch %d/%d: %d documents, %d records, %d rejected, %d unreadable in %.1f s (%.1f docs/s)",
                number, of, len(outcomes), sum(len(o.records) for o in outcomes),
                sum(len(o.rejections) for o in outcomes), sum(1 for o in outcomes if o.error), seconds,
                len(outcomes) / max(seconds, 1e-9))
    return outcomes


# ---- Load --------------------------------------------------------------------------------------

@task(retries=2, retry_delay_seconds=[1, 5], cache_policy=NO_CACHE)
def write_curated(outcomes: list[runner.DocumentOutcome], curated_dir: Path, plan: ledger.Plan,
                  run_id: str, run_at: datetime) -> tuple[dict[str, Path], pd.DataFrame]:
    """The one side effect of the run: tables, changes, ledger. Atomic writes make a retry safe."""
    return incremental.commit(curated_dir, plan, outcomes, run_id, run_at)


# ---- Check -------------------------------------------------------------------------------------

@task(cache_policy=NO_CACHE)
def score_with_gold(table: Path, gold_dir: Path, doc_ids: set[str]) -> tuple[str, golden.Totals] | None:
    """Compare the documents of this run that have golden files; None when none has one."""
    golds = {d: g for d, g in golden.load_gold_dir(gold_dir).items() if d in doc_ids}
    if not golds:
        return None
    rows = tables.table_rows(tables.read_endpoints(table))
    return golden.report(golden.score_table(rows, golds))


def _artifact(outcomes: list[runner.DocumentOutcome], scored: tuple[str, golden.Totals] | None) -> str:
    lines = ["| document | records | rejected | error |", "|---|---|---|---|"]
    lines += [f"| {o.doc_id} | {len(o.records)} | {len(o.rejections)} | {o.error.reason if o.error else ''} |"
              for o in outcomes]
    total = (f"\n**{len(outcomes)} documents, {sum(len(o.records) for o in outcomes)} records, "
             f"{sum(len(o.rejections) for o in outcomes)} rejected, {sum(1 for o in outcomes if o.error)} unreadable**\n")
    gold = f"\nGolden check: {scored[1].line()}\n" if scored else "\nNo golden files for these documents.\n"
    return "\n".join(lines) + total + gold


# One batch at a time on this machine (``workers`` parallelises inside a batch); a Dask task runner
# (``--dask``) replaces this and runs the submitted batches side by side across its workers.
@flow(name="ingest-endpoints", log_prints=True, task_runner=ThreadPoolTaskRunner(max_workers=1))
def ingest(raw_dir: Path = ROOT / "raw", curated_dir: Path = ROOT / "curated",
           gold_dir: Path | None = ROOT / "tests" / "golden", batch_size: int = 25, workers: int = 1,
           force: bool = False) -> dict:
    """Extract the new and edited documents of raw_dir, update curated tables, report changes, check gold."""
    logger = get_run_logger()
    with lock.exclusive(curated_dir, waiting=logger.info):
        run_id, run_at = incremental.new_run_id(), datetime.now().astimezone()
        plan = plan_run(raw_dir, curated_dir, force)
        batches = [plan.todo[i:i + batch_size] for i in range(0, len(plan.todo), batch_size)]
        futures = [extract_batch.submit(b, i, len(batches), workers) for i, b in enumerate(batches, 1)]
        outcomes = [o for f in futures for o in f.result()]
        written, changed = write_curated(outcomes, curated_dir, plan, run_id, run_at)
    scored = None
    if gold_dir is not None and Path(gold_dir).is_dir() and outcomes:
        scored = score_with_gold(Path(curated_dir) / "endpoints.parquet", Path(gold_dir), {o.doc_id for o in outcomes})
        if scored:
            print(scored[0])
    create_markdown_artifact(key="ingest-endpoints-run", markdown=_artifact(outcomes, scored),
                             description="Documents, records, rejects and golden F1 of this run")
    create_markdown_artifact(key="ingest-endpoints-changes", markdown=changes.markdown(changed),
                             description="Values that appeared, disappeared or changed, per document")
    counts = changes.summary(changed)[["appeared", "disappeared", "changed", "missing"]].sum()
    print(f"{len(outcomes)} documents extracted, {len(plan.unchanged)} unchanged, {len(plan.missing)} gone missing, "
          f"{sum(len(o.records) for o in outcomes)} records -> {curated_dir}")
    return {"documents": len(outcomes), "records": sum(len(o.records) for o in outcomes),
            "rejections": sum(len(o.rejections) for o in outcomes), "errors": sum(1 for o in outcomes if o.error),
            "skipped": len(plan.unchanged), "missing": len(plan.missing),
            "changes": {k: int(counts.get(k, 0)) for k in ("appeared", "disappeared", "changed", "missing")},
            "run_id": run_id, "f1": scored[1].f1 if scored else None,
            "tables": {k: str(v) for k, v in written.items()}}


def dask_runner(address: str | None = None, workers: int = 2):
    """Prefect's Dask task runner: an existing cluster at ``address``, or a local one with ``workers``."""
    from prefect_dask import DaskTaskRunner

    if address:
        return DaskTaskRunner(address=address)
    return DaskTaskRunner(cluster_kwargs={"n_workers": workers, "threads_per_worker": 1, "processes": True})


def main() -> None:
    parser = argparse.ArgumentParser(description="Run the ingestion flow (Prefect) over a folder of documents.")
    parser.add_argument("--raw", type=Path, default=ROOT / "raw", help="input folder (default: raw/)")
    parser.add_argument("--curated", type=Path, default=ROOT / "curated", help="output folder (default: curated/)")
    parser.add_argument("--gold", default=str(ROOT / "tests" / "golden"),
                        help="golden files to check against, or 'none' (default: tests/golden)")
    parser.add_argument("--batch-size", type=int, default=25, help="documents per extraction task")
    parser.add_argument("--workers", type=int, default=1, help="processes per batch on this machine (default: 1)")
    parser.add_argument("--force", action="store_true", help="re-extract every document, changed or not")
    parser.add_argument("--dask", metavar="ADDRESS",
                        help="run batches on the Dask cluster at ADDRESS (tcp://host:8786), or 'local' for a local cluster")
    args = parser.parse_args()
    gold = None if args.gold.lower() == "none" else Path(args.gold)
    flow_ = ingest
    if args.dask:
        address = None if args.dask == "local" else args.dask
        flow_ = ingest.with_options(task_runner=dask_runner(address, max(args.workers, 2)))
        args.workers = 1  # the cluster's workers are the parallelism
    flow_(raw_dir=args.raw, curated_dir=args.curated, gold_dir=gold, batch_size=args.batch_size,
          workers=args.workers, force=args.force)


if __name__ == "__main__":
    main()
