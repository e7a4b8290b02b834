"""Throughput benchmark (a script that prints figures, not a timed test).

    .venv/bin/python bench/throughput.py [--corpus ../shared/corpus/rct_abstracts.jsonl.gz] [--small 500]

On the abstracts of the corpus it measures, each in a fresh process on one core (CPU time as well as
wall time: on a machine shared with other jobs, wall time measures the neighbours too):
  (a) the bare ``spacy.blank("en")`` tokenizer over the texts,
  (b) the library's full extraction (``extract_records``) over the same texts,
  (c) the Prefect flow end to end (``flows/ingest.py`` on an inbox of one .txt per abstract,
      ephemeral server, incremental ledger, tables written), and the same flow on an empty inbox
      (interpreter, imports and the server's start: the fixed cost);
and prints documents per second for each, the ratios b/a and c/b, and peak memory (max RSS) of
(b) and (c) at ``--small`` documents and at all of them. Targets: b/a <= 2.0; c <= 1.5 x b plus
the fixed cost; peak memory at all documents <= 1.5 x that at ``--small``.
"""
from __future__ import annotations

import argparse
import gzip
import json
import os
import platform
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_CORPUS = ROOT.parent / "shared" / "corpus" / "rct_abstracts.jsonl.gz"


def texts(corpus: Path, limit: int | None = None):
    """Streamed, so the parent never holds the corpus."""
    opener = gzip.open if corpus.suffix == ".gz" else open
    with opener(corpus, "rt", encoding="utf-8") as fh:
        for i, line in enumerate(fh):
            if limit is not None and i >= limit:
                return
            item = json.loads(line)
            yield str(item.get("pmcid", i)), item["text"]


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # Linux: kilobytes


# ---- the measurements, each run in its own process ------------------------------------------------

def measure_tokenizer(corpus: Path, limit: int | None) -> dict:
    import spacy

    nlp = spacy.blank("en")
    nlp("warm up")
    seconds = cpu = docs = 0
    for _, text in texts(corpus, limit):
        started, cpu_started = time.perf_counter(), time.process_time()
        nlp(text)
        seconds += time.perf_counter() - started
        cpu += time.process_time() - cpu_started
        docs += 1
    return {"docs": docs, "seconds": seconds, "cpu": cpu, "peak_mb": _peak_mb()}


def measure_library(corpus: Path, limit: int | None) -> dict:
    from extract.documents import from_text
    from extract.nlp import build_nlp
    from extract.pipeline import extract_records

    build_nlp()  # built once per process; not per-document work
    seconds = cpu = docs = records = 0
    for doc_id, text in texts(corpus, limit):
        started, cpu_started = time.perf_counter(), time.process_time()
        records += len(extract_records(from_text(text, doc_id)).records)
        seconds += time.perf_counter() - started
        cpu += time.process_time() - cpu_started
        docs += 1
    return {"docs": docs, "seconds": seconds, "cpu": cpu, "records": records, "peak_mb": _peak_mb()}


def measure_pair(corpus: Path, limit: int | None) -> dict:
    """(a) and (b) document by document in one process, so that a busy shared machine slows both
    alike and their ratio stays honest; each has its own vocabulary, as in separate processes."""
    import spacy

    from extract.documents import from_text
    from extract.nlp import build_nlp
    from extract.pipeline import extract_records

    blank = spacy.blank("en")
    blank("warm up")
    build_nlp()
    a = b = docs = records = 0
    for doc_id, text in texts(corpus, limit):
        started = time.process_time()
        blank(text)
        middle = time.process_time()
        records += len(extract_records(from_text(text, doc_id)).records)
        b += time.process_time() - middle
        a += middle - started
        docs += 1
    return {"docs": docs, "a_cpu": a, "b_cpu": b, "records": records, "peak_mb": _peak_mb()}


def measure_flow(inbox: Path, curated: Path) -> dict:
    started, cpu_started = time.perf_counter(), time.process_time()
    sys.path.insert(0, str(ROOT))
    from flows.ingest import ingest

    summary = ingest(raw_dir=inbox, curated_dir=curated, gold_dir=None, batch_size=100)
    return {"docs": summary["documents"], "seconds": time.perf_counter() - started,
            "cpu": time.process_time() - cpu_started, "records": summary["records"], "peak_mb": _peak_mb()}


def _child(kind: str, *args: str, home: Path | None = None) -> dict:
    """Run one measurement in a fresh interpreter, pinned to one core where the OS allows it."""
    command = [sys.executable, __file__, "--child", kind, *args]
    if shutil.which("taskset") and kind != "flow":
        command = ["taskset", "-c", str(min(os.sched_getaffinity(0))), *command]
    env = {**os.environ, "PREFECT_SERVER_ANALYTICS_ENABLED": "false",
           "PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS": "180", "PREFECT_LOGGING_LEVEL": "WARNING"}
    if home:  # the flow's own Prefect database, not the user's
        env["PREFECT_HOME"] = str(home)
    started = time.perf_counter()
    out = subprocess.run(command, capture_output=True, text=True, cwd=ROOT, env=env)
    if out.returncode:
        sys.exit(f"{kind} measurement failed:\n{out.stderr[-3000:]}")
    result = json.loads(out.stdout.strip().splitlines()[-1])
    result["wall"] = time.perf_counter() - started
    return result


def _inbox(corpus: Path, limit: int | None, folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for doc_id, text in texts(corpus, limit):
        (folder / f"{doc_id}.txt").write_text(text, encoding="utf-8")
    return folder


def _rate(r: dict) -> float:
    return r["docs"] / r["seconds"] if r["seconds"] else float("inf")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--small", type=int, default=500, help="documents for the small memory point (default 500)")
    parser.add_argument("--limit", type=int, help="use only the first N documents (quick check)")
    parser.add_argument("--child", nargs="+", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        kind, *rest = args.child
        if kind == "flow":
            result = measure_flow(Path(rest[0]), Path(rest[1]))
        else:
            limit = int(rest[1]) if len(rest) > 1 and rest[1] != "all" else None
            result = {"tokenizer": measure_tokenizer, "library": measure_library,
                      "pair": measure_pair}[kind](Path(rest[0]), limit)
        print(json.dumps(result))
        return 0

    corpus, limit = args.corpus, args.limit
    lim = str(limit) if limit else "all"
    print(f"machine: {platform.node()} {platform.machine()}, {os.cpu_count()} cores "
          f"({len(os.sched_getaffinity(0))} usable), Python {platform.python_version()}, {platform.platform()}")
    print(f"load average at start: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    print(f"corpus: {corpus}")
    a = _child("tokenizer", str(corpus), lim)
    b = _child("library", str(corpus), lim)
    b_small = _child("library", str(corpus), str(args.small))
    pair = _child("pair", str(corpus), lim)
    with tempfile.TemporaryDirectory(prefix="bench-") as tmp:
        tmp = Path(tmp)
        home = tmp / "prefect-home"
        _child("flow", str(_inbox(corpus, 0, tmp / "empty")), str(tmp / "c"), home=home)  # creates the database
        empty = _child("flow", str(tmp / "empty"), str(tmp / "c0"), home=home)
        c_small = _child("flow", str(_inbox(corpus, args.small, tmp / "small")), str(tmp / "c1"), home=home)
        c = _child("flow", str(_inbox(corpus, limit, tmp / "all")), str(tmp / "c2"), home=home)
    n = a["docs"]
    print()
    print("                                       docs   wall s  docs/s (wall)    CPU s  docs/s (CPU)")
    for label, r in (("(a) bare spacy.blank('en') tokenizer", a), ("(b) library full extraction", b),
                     ("(c) flow end to end", c), ("    flow on an empty inbox", empty)):
        print(f"{label:<37} {r['docs']:5d} {r['seconds']:8.2f} {_rate(r):14.1f} {r['cpu']:8.2f} "
              f"{r['docs'] / r['cpu'] if r['docs'] and r['cpu'] else 0:13.1f}")
    print(f"(a)+(b) interleaved document by document in one process (CPU s): a {pair['a_cpu']:.2f}, "
          f"b {pair['b_cpu']:.2f}")
    print(f"records: (b) {b['records']}, (c) {c['records']}; the flow's CPU is its own process (the ephemeral "
          f"server is another)")
    print()
    ratios = {"wall": b["seconds"] / a["seconds"], "CPU": b["cpu"] / a["cpu"],
              "CPU interleaved": pair["b_cpu"] / pair["a_cpu"]}
    print("b/a = " + ", ".join(f"{v:.2f} ({k})" for k, v in ratios.items())
          + f"   target <= 2.0  {'OK' if ratios['CPU interleaved'] <= 2.0 else 'MISSED'}")
    fixed = empty["seconds"]
    print(f"c/b = {c['seconds'] / b['seconds']:.2f} (wall), {c['cpu'] / b['cpu']:.2f} (CPU); "
          f"(c - fixed cost)/b = {(c['seconds'] - fixed) / b['seconds']:.2f} (wall), "
          f"{(c['cpu'] - empty['cpu']) / b['cpu']:.2f} (CPU)   target c <= 1.5 x b + fixed cost  "
          f"{'OK' if c['cpu'] - empty['cpu'] <= 1.5 * b['cpu'] else 'MISSED'} (CPU)")
    print()
    print(f"peak memory (max RSS)     {args.small:>6} docs  {b['docs']:>6} docs   ratio")
    for name, small, big in (("(b) library", b_small, b), ("(c) flow", c_small, c)):
        ratio = big["peak_mb"] / small["peak_mb"]
        print(f"  {name:<22} {small['peak_mb']:8.0f} MB {big['peak_mb']:8.0f} MB   {ratio:.2f}  "
              f"target <= 1.5  {'OK' if ratio <= 1.5 else 'MISSED'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
