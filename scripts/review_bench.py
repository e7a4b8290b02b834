"""How long the review machinery takes: a run with a large corrections log, a page load, one decision.

    .venv/bin/python scripts/review_bench.py [INPUT_DIR] [--repeat 10]

Runs INPUT_DIR (default dev/gold) into a temporary folder, accepts every record REPEAT times (a
log far longer than a real one), and prints the seconds each step takes. Figures, not a test.
"""
from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path

from extract import corrections as log
from extract.curation import build_correction, load_view, record_decisions, refresh
from extract.runner import run_directory

ROOT = Path(__file__).resolve().parent.parent


def timed(label: str, fn):
    start = time.perf_counter()
    result = fn()
    print(f"{label:<45} {time.perf_counter() - start:7.3f} s")
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("input_dir", nargs="?", type=Path, default=ROOT / "dev" / "gold")
    parser.add_argument("--repeat", type=int, default=10)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp)
        summary = timed("run, empty log", lambda: run_directory(args.input_dir, out))
        view = load_view(out)
        decisions = [build_correction(view, doc, "accept", "bench", record_id=r["record_id"])
                     for doc in view.doc_ids() for r in view.rows(doc)] * args.repeat
        print(f"{summary.documents} documents, {summary.records} records, {len(decisions)} decisions")
        timed("append the decisions to corrections.csv", lambda: log.append(out / log.LOG_NAME, decisions))
        timed("refresh endpoints from the log", lambda: refresh(out))
        timed("run again, log applied", lambda: run_directory(args.input_dir, out))
        view = timed("load_view (each page request)", lambda: load_view(out))
        doc = view.doc_ids()[0]
        one = build_correction(view, doc, "reject", "bench", record_id=view.rows(doc)[0]["record_id"], reason="bench")
        timed("one decision from the page (append + refresh)", lambda: record_decisions(out, [one]))


if __name__ == "__main__":
    main()
