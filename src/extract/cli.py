"""Command line: ``python -m extract run``, ``python -m extract score`` and ``python -m extract review``."""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

DESCRIPTION = """\
Extract oncology endpoint values (response rates, median PFS/OS/EFS/DOR, landmark rates, hazard
ratios, follow-up, toxicity rates by grade) from .txt and .pdf documents into curated tables, and
score curated tables against hand-checked golden files."""

RUN_HELP = """\
Read every .txt and .pdf file directly inside INPUT_DIR, extract endpoint values with the rule
library (no Prefect, quick to start) and write into OUT_DIR:
  endpoints.parquet, endpoints.csv   one row per distinct value (SCHEMA.md fields + doc_id, record_id,
                                     start/end character offsets of the evidence, page, rule)
  rejects.csv                        values that failed validation, with the reason
  errors.csv                         documents that could not be read (empty, not UTF-8, encrypted,
                                     corrupt or image-only PDF, unsupported type, over the
                                     --time-budget, over 2,000,000 characters), with the reason
  documents.parquet                  the ledger: per file its sha256, size, first seen, last processed,
                                     status (ok / error / missing), record count and error
  changes.parquet, changes.csv       per run and document, values that appeared, disappeared or changed
Runs are incremental: a file whose bytes and extraction rules are unchanged since the last run is
skipped, a new or edited file is extracted and replaces its rows, a file gone from INPUT_DIR keeps
its rows and is marked missing in the ledger (--force re-extracts everything). Running twice writes
nothing new. Two runs on one OUT_DIR never overlap: the second waits for the first (a lock on
OUT_DIR/.lock). Unreadable documents do not stop the run.

exit status: 0 done (even if some documents were unreadable, unless --fail-on-error);
             1 INPUT_DIR missing or the output could not be written; 3 with --fail-on-error
             when at least one document was unreadable; 4 with --gold/--min-f1 when F1 is too low."""

SCORE_HELP = """\
Compare a curated table (endpoints.parquet or endpoints.csv) with golden files (*.gold.json in
GOLD_DIR). A row matches a gold record when endpoint, stat, grade and time point agree and the value
is within 0.051 (or both are 'not reached'); optional gold records neither count for nor against;
a repeated statement of a matched value is not counted twice. Prints per-document precision,
recall, F1 and arm accuracy, every missed and unexpected value with its evidence, and ends with
one 'overall' line.

Quality report: --by endpoint / kind / stat adds precision and recall per group (a hit or miss
counts under the gold record's group, an unexpected value under its own); --baseline OLD_TABLE
lists what changed since an earlier table of the same documents: FIXED and BROKEN gold values,
NEW FALSE and GONE FALSE unexpected ones. Example, before and after a rule change:
  python -m extract run dev/gold --out /tmp/before -q
  (edit a rule)
  python -m extract run dev/gold --out /tmp/after -q
  python -m extract score /tmp/after/endpoints.parquet dev/gold --summary --by endpoint --by kind \
      --baseline /tmp/before/endpoints.parquet

exit status: 0; 4 when --min-f1 (or --min-arm) is given and not met; 1 on unreadable input."""


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m extract", description=DESCRIPTION,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    run = sub.add_parser("run", help="extract endpoint values from a folder of documents", description=RUN_HELP,
                         formatter_class=argparse.RawDescriptionHelpFormatter)
    run.add_argument("input_dir", metavar="INPUT_DIR", type=Path, help="folder of .txt / .pdf documents")
    run.add_argument("--out", metavar="OUT_DIR", type=Path, default=Path("curated"),
                     help="where to write the tables (default: curated)")
    run.add_argument("--gold", metavar="GOLD_DIR", type=Path, help="also score the result against golden files here")
    run.add_argument("--min-f1", type=float, help="with --gold: exit 4 when overall F1 is below this")
    run.add_argument("--fail-on-error", action="store_true", help="exit 3 when any document could not be read")
    run.add_argument("-q", "--quiet", action="store_true", help="no progress bar")
    run.add_argument("--time-budget", metavar="SECONDS", type=float, default=60.0,  # runner.DEFAULT_TIME_BUDGET_S
                     help="per-document time limit; a document over it becomes a 'timeout' error row (default: 60; 0: none)")
    run.add_argument("--workers", type=int, default=1, metavar="N",
                     help="extract in N processes on this machine (default: 1)")
    run.add_argument("--force", action="store_true",
                     help="re-extract every document, not only new, edited or rule-affected ones")
    score = sub.add_parser("score", help="score a curated table against golden files", description=SCORE_HELP,
                           formatter_class=argparse.RawDescriptionHelpFormatter)
    score.add_argument("table", metavar="TABLE", type=Path, help="endpoints.parquet or endpoints.csv")
    score.add_argument("gold_dir", metavar="GOLD_DIR", type=Path, help="folder with *.gold.json files")
    score.add_argument("--min-f1", type=float, help="exit 4 when overall F1 is below this")
    score.add_argument("--min-arm", type=float, help="exit 4 when overall arm accuracy is below this")
    score.add_argument("--summary", action="store_true", help="only the per-document and overall lines")
    score.add_argument("--split", metavar="FILE:NAME",
                       help="score only the documents listed under NAME in a JSON split file, e.g. dev/gold/SPLIT.json:frozen")
    score.add_argument("--by", action="append", choices=("endpoint", "kind", "stat"), default=[],
                       help="add precision/recall per endpoint, document kind or stat (repeatable)")
    score.add_argument("--baseline", metavar="OLD_TABLE", type=Path,
                       help="list values fixed and broken since this earlier table of the same documents")
    score.add_argument("--by-layout", action="store_true",
                       help="also print precision / recall per table layout (the gold files' 'layout' key)")
    from .review_cli import add_review_parser

    add_review_parser(sub)
    return parser


def _progress_bar():
    """Bar with docs/s and ETA on stderr; unreadable documents still get a line of their own."""
    from .progress import ProgressBar

    bar = ProgressBar()

    def show(i: int, total: int, outcome) -> None:
        if outcome.error:
            print(("\r" if bar.tty else "") + f"[{i}/{total}] {outcome.doc_id}: ERROR {outcome.error.reason}",
                  file=sys.stderr, flush=True)
        bar.update(i, total, outcome.doc_id)
    return bar, show


def _score(table: Path, gold_dir: Path, summary: bool, split: str | None = None, by: tuple[str, ...] = (),
           baseline: Path | None = None, by_layout: bool = False) -> tuple[str, object]:
    import json

    from .golden import load_gold_dir, report, score_table
    from .tables import read_endpoints, table_rows

    golds = load_gold_dir(gold_dir)
    if split:
        path, _, name = split.rpartition(":")
        wanted = set(json.loads(Path(path).read_text(encoding="utf-8"))[name])
        golds = {doc: gold for doc, gold in golds.items() if doc in wanted}
    if not golds:
        raise FileNotFoundError(f"{gold_dir}: no *.gold.json files")
    before = score_table(table_rows(read_endpoints(baseline)), golds) if baseline else None
    scores = score_table(table_rows(read_endpoints(table)), golds)
    text, totals = report(scores, verbose=not summary, by=tuple(by), baseline=before)
    if by_layout:
        from .layouts import layout_report

        head, _, overall = text.rpartition("\n")  # the overall line stays last
        text = f"{head}\n{layout_report(scores, golds)}\n{overall}"
    return text, totals


def cmd_run(args: argparse.Namespace) -> int:
    from .incremental import run_inbox

    if not args.input_dir.is_dir():
        print(f"error: {args.input_dir}: no such folder", file=sys.stderr)
        return 1
    bar, show = (None, None) if args.quiet else _progress_bar()
    try:
        summary = run_inbox(args.input_dir, args.out, workers=args.workers, force=args.force, progress=show,
                            waiting=lambda msg: print(msg, file=sys.stderr, flush=True),
                            budget_s=args.time_budget or None)
    except OSError as exc:
        print(f"error: could not write tables to {args.out}: {exc}", file=sys.stderr)
        return 1
    finally:
        if bar:
            bar.close()
    print(f"{summary.documents} documents, {summary.records} records, {summary.rejections} rejected, "
          f"{summary.errors} unreadable in {summary.seconds:.1f} s -> {args.out}")
    counts, skipped = summary.change_counts(), len(summary.plan.unchanged)
    print(f"{skipped} unchanged (skipped), {counts['missing']} gone missing; values: {counts['appeared']} appeared, "
          f"{counts['disappeared']} disappeared, {counts['changed']} changed")
    status = 3 if args.fail_on_error and summary.unreadable else 0
    if args.gold:
        text, totals = _score(args.out / "endpoints.parquet", args.gold, summary=True)
        print(text)
        if args.min_f1 is not None and totals.f1 < args.min_f1:
            status = 4
    return status


def cmd_score(args: argparse.Namespace) -> int:
    try:
        text, totals = _score(args.table, args.gold_dir, args.summary, args.split, tuple(args.by), args.baseline,
                              args.by_layout)
    except (OSError, ValueError, KeyError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    print(text)
    if args.min_f1 is not None and totals.f1 < args.min_f1:
        return 4
    if args.min_arm is not None and totals.arm_accuracy < args.min_arm:
        return 4
    return 0


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    from .review_cli import cmd_review

    return {"run": cmd_run, "score": cmd_score, "review": cmd_review}[args.command](args)
