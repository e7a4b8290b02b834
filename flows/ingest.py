"""Ingestion flow: raw documents -> validated endpoint records -> curated tables -> golden check.

A thin Prefect wiring over the ``extract`` library: each task is one library call; retries,
batching, logging and the run artifact are the only things added here.

    python flows/ingest.py                      # raw/ -> curated/, scored against tests/golden
    python flows/ingest.py --raw inbox --curated out --gold none
"""
from __future__ import annotations

import argparse
import os
from pathlib import Path

os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")

from prefect import flow, get_run_logger, task  # noqa: E402
from prefect.artifacts import create_markdown_artifact  # noqa: E402
from prefect.cache_policies import NO_CACHE  # noqa: E402

from extract import documents, golden, runner, tables  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent


# ---- Extract -----------------------------------------------------------------------------------

@task(retries=2, retry_delay_seconds=[1, 5], cache_policy=NO_CACHE)
def list_documents(raw_dir: Path) -> list[Path]:
    """Own task: a folder on a network share may need a retry."""
    return documents.iter_document_paths(raw_dir)


@task(cache_policy=NO_CACHE)
def extract_batch(paths: list[Path]) -> list[runner.DocumentOutcome]:
    """One task per batch of documents, not per record: task overhead stays small."""
    outcomes = runner.process_paths(paths)
    logger = get_run_logger()
    for o in outcomes:
        if o.error:
            logger.warning("unreadable: %s", o.error.reason)
    logger.info("batch of %d documents: %d records, %d rejected", len(outcomes),
                sum(len(o.records) for o in outcomes), sum(len(o.rejections) for o in outcomes))
    return outcomes


# ---- Load --------------------------------------------------------------------------------------

@task(retries=2, retry_delay_seconds=[1, 5], cache_policy=NO_CACHE)
def write_curated(outcomes: list[runner.DocumentOutcome], curated_dir: Path) -> dict[str, Path]:
    """The one side effect of the run; atomic writes make a retry safe."""
    return runner.write_outcomes(outcomes, curated_dir)


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


@flow(name="ingest-endpoints", log_prints=True)
def ingest(raw_dir: Path = ROOT / "raw", curated_dir: Path = ROOT / "curated",
           gold_dir: Path | None = ROOT / "tests" / "golden", batch_size: int = 25) -> dict:
    """Read every document in raw_dir, extract endpoint records, write curated tables, check gold."""
    paths = list_documents(raw_dir)
    batches = [paths[i:i + batch_size] for i in range(0, len(paths), batch_size)]
    outcomes = [o for batch in batches for o in extract_batch(batch)]
    outcomes = runner.flag_duplicate_ids(outcomes)
    written = write_curated(outcomes, curated_dir)
    scored = None
    if gold_dir is not None and Path(gold_dir).is_dir():
        scored = score_with_gold(written["endpoints.parquet"], Path(gold_dir), {o.doc_id for o in outcomes})
        if scored:
            print(scored[0])
    create_markdown_artifact(key="ingest-endpoints-run", markdown=_artifact(outcomes, scored),
                             description="Documents, records, rejects and golden F1 of this run")
    print(f"{len(outcomes)} documents, {sum(len(o.records) for o in outcomes)} records -> {curated_dir}")
    return {"documents": len(outcomes), "records": sum(len(o.records) for o in outcomes),
            "rejections": sum(len(o.rejections) for o in outcomes), "errors": sum(1 for o in outcomes if o.error),
            "f1": scored[1].f1 if scored else None, "tables": {k: str(v) for k, v in written.items()}}


def main() -> None:
    parser = argparse.ArgumentParser(description="Run the ingestion flow (Prefect) over a folder of documents.")
    parser.add_argument("--raw", type=Path, default=ROOT / "raw", help="input folder (default: raw/)")
    parser.add_argument("--curated", type=Path, default=ROOT / "curated", help="output folder (default: curated/)")
    parser.add_argument("--gold", default=str(ROOT / "tests" / "golden"),
                        help="golden files to check against, or 'none' (default: tests/golden)")
    parser.add_argument("--batch-size", type=int, default=25, help="documents per extraction task")
    args = parser.parse_args()
    gold = None if args.gold.lower() == "none" else Path(args.gold)
    ingest(raw_dir=args.raw, curated_dir=args.curated, gold_dir=gold, batch_size=args.batch_size)


if __name__ == "__main__":
    main()
